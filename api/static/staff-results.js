/* Counter console, the results side: measure cards with per-condition ✓ ✗ ？ and the printed
 * handout, built from an /api/eligibility answer. Every server string goes in with textContent. */
window.StaffResults = (function () {
  "use strict";
  // A related programme (participants chosen by a school or the ward) has its own group and is never 「対象」.
  var GROUPS = [["eligible", "対象になる支援"], ["maybe", "対象かもしれない支援"], ["later", "これから対象になる支援"],
    ["related", "関係する取り組み（参加者は学校や区などが選びます）"]];
  var MARK = { met: ["✓", "満たしている"], not_met: ["✗", "満たしていない"], unknown: ["？", "不明"] };
  var CHOSEN_BY_OTHERS = "申し込めば使える支援ではなく、参加する人は学校や区などが選びます。";
  var UNSETTLED = "資料では決まっていないこと（窓口でおたずねください）";

  function fill(template, values) { // the {placeholders} of knowledge/messages/handout.yaml
    return String(template).replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
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
   * No form, no household facts beyond the reasons' own words (「2歳のお子さん」). In the visitor's
   * language: `data` is the /api/eligibility answer in it, `T` its words (GET /api/messages?part=handout),
   * `lang` its code (the console itself stays Japanese), `html` its HTML lang (GET /api/messages `languages`). */
  function handout(box, data, isPicked, T, lang, html) {
    box.textContent = "";
    if (!T) return; // the words have not arrived yet (the print button waits for them)
    box.setAttribute("lang", html || lang || "ja");
    var top = el("header");
    top.appendChild(el("h1", null, T.title));
    top.appendChild(el("p", null, fill(T.intro, {
      date: new Date().toLocaleDateString(T.date_locale || "ja-JP", { year: "numeric", month: "long", day: "numeric" }) })));
    if (data && data.notice) top.appendChild(el("p", "h-notice", data.notice));
    box.appendChild(top);
    var items = [];
    GROUPS.forEach(function (g) {
      ((data && data[g[0]]) || []).forEach(function (i) { if (isPicked(i, g[0])) items.push([i, g[0]]); });
    });
    if (!items.length) box.appendChild(el("p", null, T.none));
    items.forEach(function (pair) {
      var item = pair[0], kind = pair[1];
      var sec = el("section", "h-item " + kind);
      var h = el("h2");
      h.appendChild(el("span", "h-title", item.title));
      h.appendChild(el("span", "h-status", T[kind]));
      h.appendChild(el("span", "h-page", fill(T.page, { page: item.page })));
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
      add(T.what, [item.summary]);
      add(T["why_" + kind], kind === "later" ? [item.later] : kind === "related" ? [item.how_chosen || T.chosen_by_others]
        : (item.reasons || []));
      add(T.unsettled, item.unsettled || []);
      add(T.check, (item.check_yourself || []).length ? item.check_yourself : [T.counter]);
      sec.appendChild(dl);
      box.appendChild(sec);
    });
    // The ward office (BF_OFFICE_*) as the server words it (knowledge/contact.py): [] when none is set.
    var office = (data && data.contact_lines) || [];
    box.appendChild(el("p", "h-foot", office.length ? T.foot_office : T.foot_ward));
    if (office.length) {
      var c = el("p", "h-contact");
      office.forEach(function (line, i) { if (i) c.appendChild(el("br")); c.appendChild(document.createTextNode(line)); });
      box.appendChild(c);
    }
  }

  return { el: el, head: head, results: results, handout: handout };
})();
