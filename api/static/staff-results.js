/* Counter console, the results side: measure cards with per-condition ✓ ✗ ？ and the printed
 * handout, built from an /api/eligibility answer. Every server string goes in with textContent. */
window.StaffResults = (function () {
  "use strict";
  // A related programme (participants chosen by a school or the ward) has its own group and is never 「対象」.
  var GROUPS = [["eligible", "対象になる支援"], ["maybe", "対象かもしれない支援"], ["later", "これから対象になる支援"],
    ["related", "関係する取り組み（参加者は学校や区などが選びます）"]];
  var MARK = { met: ["✓", "満たしている"], not_met: ["✗", "満たしていない"], unknown: ["？", "不明"] };
  var HANDOUT_STATUS = { eligible: "対象になります", maybe: "対象かもしれません", later: "これから対象になります",
    related: "関係する取り組み" };
  var WHY = { eligible: "あてはまる理由", maybe: "確認が必要なこと", later: "対象になる時期", related: "参加する人の決め方" };
  var CHOSEN_BY_OTHERS = "申し込めば使える支援ではなく、参加する人は学校や区などが選びます。";
  var UNSETTLED = "資料では決まっていないこと（窓口でおたずねください）";
  var COUNTER = "詳しい条件や申し込み方法は、区の窓口でご確認ください。"; // when the catalog lists no point to check

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function head(item, tag) {
    var h = el("div", "m-head");
    h.appendChild(el(tag, "m-title", item.title));
    h.appendChild(el("span", "page", item.page));
    return h;
  }
  function conditionList(item) {
    var ul = el("ul", "conds");
    (item.conditions || []).forEach(function (c) {
      var mark = MARK[c.status] || ["・", ""];
      var li = el("li", c.status);
      var sign = el("span", "mark", mark[0]);
      sign.setAttribute("aria-hidden", "true"); // read as the words in .sr instead
      li.appendChild(sign);
      li.appendChild(el("span", "sr", mark[1] + "："));
      li.appendChild(el("span", null, c.text));
      ul.appendChild(li);
    });
    return ul;
  }

  /* One measure on screen. Eligible: what it is and why; maybe: what is still to ask, first;
   * later: when. The rest is one click away, so the list stays scannable at the counter. */
  function card(item, kind, picked, onPick) {
    var c = el("article", "m " + kind);
    c.appendChild(head(item, "h4"));
    if (kind === "eligible") c.appendChild(el("p", "summary", item.summary));
    if (kind === "maybe") (item.reasons || []).forEach(function (r) { c.appendChild(el("p", "ask", r)); });
    if (kind === "later" && item.later) c.appendChild(el("p", "when", item.later));
    if (kind === "related") c.appendChild(el("p", "chosen", item.how_chosen || CHOSEN_BY_OTHERS));
    if ((item.unsettled || []).length) {
      var open = el("div", "unsettled");
      open.appendChild(el("p", "unsettled-head", UNSETTLED));
      var ol = el("ul");
      item.unsettled.forEach(function (t) { ol.appendChild(el("li", null, t)); });
      open.appendChild(ol);
      c.appendChild(open);
    }
    if (kind !== "later") c.appendChild(conditionList(item));
    var checks = item.check_yourself || [];
    var more = el("details");
    more.appendChild(el("summary", null, kind === "eligible" ? "窓口で確認すること（" + checks.length + "件）" : "概要と窓口で確認すること"));
    if (kind !== "eligible") more.appendChild(el("p", "summary", item.summary));
    var ul = el("ul", "checks");
    checks.forEach(function (t) { ul.appendChild(el("li", null, t)); });
    more.appendChild(ul);
    c.appendChild(more);
    var pick = el("label", "pick");
    var box = el("input");
    box.type = "checkbox"; box.checked = picked;
    box.addEventListener("change", function () { onPick(item, box.checked); });
    pick.appendChild(box); pick.appendChild(el("span", null, "紹介メモに載せる"));
    c.appendChild(pick);
    return c;
  }

  function results(box, data, isPicked, onPick) {
    box.textContent = "";
    if (data.notice) box.appendChild(el("p", "notice", data.notice));
    GROUPS.forEach(function (g) {
      var items = data[g[0]] || [];
      if (g[0] === "related" && !items.length) return; // a group that only some households have
      var sec = el("section", "group " + g[0]);
      sec.appendChild(el("h3", null, g[1] + "（" + items.length + "件）"));
      if (!items.length) sec.appendChild(el("p", "empty", "いまの入力では、ありません。"));
      items.forEach(function (i) { sec.appendChild(card(i, g[0], isPicked(i, g[0]), onPick)); });
      box.appendChild(sec);
    });
  }

  /* The visitor's one-page memo: what it is, why it fits, the page, what to ask at the counter.
   * No form, no household facts beyond the reasons' own words (「2歳のお子さん」). */
  function handout(box, data, isPicked) {
    box.textContent = "";
    var top = el("header");
    top.appendChild(el("h1", null, "ご案内メモ　千代田区の支援"));
    top.appendChild(el("p", null, "区の資料「重点的に取り組む施策」（令和6年度）から、窓口でご案内した支援です。" +
      new Date().toLocaleDateString("ja-JP", { year: "numeric", month: "long", day: "numeric" })));
    if (data && data.notice) top.appendChild(el("p", "h-notice", data.notice));
    box.appendChild(top);
    var items = [];
    GROUPS.forEach(function (g) {
      ((data && data[g[0]]) || []).forEach(function (i) { if (isPicked(i, g[0])) items.push([i, g[0]]); });
    });
    if (!items.length) box.appendChild(el("p", null, "メモに載せる支援が選ばれていません。"));
    items.forEach(function (pair) {
      var item = pair[0], kind = pair[1];
      var sec = el("section", "h-item " + kind);
      var h = el("h2");
      h.appendChild(el("span", "h-title", item.title));
      h.appendChild(el("span", "h-status", HANDOUT_STATUS[kind]));
      h.appendChild(el("span", "h-page", "資料 " + item.page));
      sec.appendChild(h);
      var dl = el("dl");
      var add = function (term, lines) {
        lines = lines.filter(Boolean);
        if (!lines.length) return;
        dl.appendChild(el("dt", null, term));
        var dd = el("dd");
        if (lines.length === 1) dd.textContent = lines[0];
        else { var ul = el("ul"); lines.forEach(function (t) { ul.appendChild(el("li", null, t)); }); dd.appendChild(ul); }
        dl.appendChild(dd);
      };
      add("どんな支援？", [item.summary]);
      add(WHY[kind], kind === "later" ? [item.later] : kind === "related" ? [item.how_chosen || CHOSEN_BY_OTHERS]
        : (item.reasons || []));
      add(UNSETTLED, item.unsettled || []);
      add("窓口で確認すること", (item.check_yourself || []).length ? item.check_yourself : [COUNTER]);
      sec.appendChild(dl);
      box.appendChild(sec);
    });
    var office = contactLines(data && data.contact);
    box.appendChild(el("p", "h-foot", "ページ番号（P80 など）は区の資料のページです。詳しい条件や申し込み方法は、" +
      (office.length ? "下記の窓口" : "区の窓口") + "でご確認ください。このメモの内容は、区のシステムに保存されていません。"));
    if (office.length) {
      var c = el("p", "h-contact");
      office.forEach(function (line, i) { if (i) c.appendChild(el("br")); c.appendChild(document.createTextNode(line)); });
      box.appendChild(c);
    }
  }

  /* The ward office as the deployment set it (BF_OFFICE_*; the document prints none of it): name and
   * counter, then phone, hours and web page, only what is set. [] when none is set. */
  function contactLines(contact) {
    if (!contact) return [];
    var lines = [];
    var place = [contact.name, contact.counter].filter(Boolean).join(" ");
    if (place) lines.push("お問い合わせ：" + place);
    if (contact.phone) lines.push("電話 " + contact.phone);
    if (contact.hours) lines.push("受付時間 " + contact.hours);
    if (contact.url) lines.push("ホームページ " + contact.url);
    if (!place && lines.length) lines[0] = "お問い合わせ：" + lines[0];
    return lines;
  }

  return { el: el, head: head, results: results, handout: handout };
})();
