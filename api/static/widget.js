/* 千代田区 支援さがし: the chat widget. One tag embeds it on any page:
 *   <script src="https://…/widget.js" data-api="https://…(optional API base)"></script>
 * No framework, no CDN, no build step. It lives in a shadow root (the host page's CSS cannot
 * reach it); its stylesheet comes from the script's own origin. Everything the server says is
 * inserted with textContent, never as HTML. The session id is the only thing kept, in
 * sessionStorage (gone when the tab closes); message text is never stored in the browser. */
(function () {
  "use strict";
  var HOST_ID = "chiyoda-benefit-finder";
  var KEY = "chiyoda-benefit-finder-session";
  var SHOW_RESULTS = "結果を見せて";
  var FINISH = ["ここまでで結果を見る", "Show results now"]; // bot/dialogue/replies.FINISH: ends the questions
  var MAYBE_SHOWN = 3; // "maybe" cards shown before a 「さらに表示」 button: a long list buries the eligible ones
  // Card words in the conversation's language (the server's own text already comes in it). A related
  // programme (participants chosen by a school or the ward) is never worded 「対象です」; a maybe says
  // whether it waits on a fact from the resident or on a point the document does not settle.
  var WORDS = {
    ja: { eligible: "対象です", maybe: "対象かもしれません", related: "関係する取り組み",
      relatedHead: function (n) { return "関係する取り組み " + n + "件（参加者は学校や区などが選びます）"; },
      chosenByOthers: "申し込めば使える支援ではなく、参加する人は学校や区などが選びます。",
      howChosen: "参加する人の決め方：", missing: "ご家庭のことを教えていただければ判定できます",
      unsettled: "資料では決まっていません。窓口でおたずねください", check: "窓口で確認すること",
      found: function (all, e, m) {
        return (all ? "あてはまる支援" : "新しく見つかった支援") + "（対象 " + e + "件・対象かもしれない " + m + "件）"; },
      more: function (n) { return "ほかに対象かもしれない支援 " + n + "件を表示"; },
      fold: function (n) { return "ほかの分野の支援も見る（" + n + "件）"; } },
    en: { eligible: "You qualify", maybe: "You may qualify", related: "Related programme",
      relatedHead: function (n) { return "Related programmes (" + n + "): the school or the ward chooses who takes part"; },
      chosenByOthers: "Not something to apply for: the school or the ward chooses who takes part.",
      howChosen: "Who takes part: ", missing: "Tell us a little more about your household and we can decide",
      unsettled: "The document does not settle this: please ask at the ward office", check: "To check at the counter",
      found: function (all, e, m) {
        return (all ? "Support found" : "Newly found") + " (" + e + " you qualify for, " + m + " you may qualify for)"; },
      more: function (n) { return "Show " + n + " more you may qualify for"; },
      fold: function (n) { return "Also show other areas (" + n + ")"; } }
  };
  var script = document.currentScript;
  if (!script || window.chiyodaBenefitFinderLoaded) return; // loaded twice: keep the first
  window.chiyodaBenefitFinderLoaded = true;

  var scriptOrigin = new URL(script.src, location.href).origin;
  var api = (script.dataset.api || scriptOrigin).replace(/\/+$/, "");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function store(op, value) { // sessionStorage may be blocked (privacy modes): the chat still works
    try {
      if (op === "get") return sessionStorage.getItem(KEY);
      if (op === "set") sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY);
    } catch (e) { /* ignore */ }
    return null;
  }

  function icon() { // a speech bubble, drawn (an emoji font may be missing)
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24"); svg.setAttribute("aria-hidden", "true"); svg.setAttribute("class", "bf-icon");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z");
    svg.appendChild(path);
    return svg;
  }

  function build() {
    var host = el("div", { id: HOST_ID, lang: "ja" });
    host.style.display = "none"; // until widget.css arrives (CSSOM, not a style attribute: strict CSPs allow it)
    document.body.appendChild(host);
    var root = host.attachShadow({ mode: "open" });
    var css = el("link", { rel: "stylesheet", href: scriptOrigin + "/static/widget.css" });
    css.addEventListener("load", function () { host.style.display = ""; });
    css.addEventListener("error", function () { host.style.display = ""; });
    root.appendChild(css);

    var launcher = el("button", { class: "bf-launcher", type: "button", "aria-expanded": "false",
      "aria-controls": "bf-panel", "aria-label": "支援をさがす（チャットを開く）" });
    launcher.appendChild(icon());
    launcher.appendChild(el("span", {}, "支援をさがす"));

    var panel = el("section", { class: "bf-panel", id: "bf-panel", role: "dialog",
      "aria-label": "千代田区 支援さがし", hidden: "" });
    var header = el("div", { class: "bf-header" });
    var titles = el("div", {});
    titles.appendChild(el("h2", { class: "bf-title" }, "千代田区 支援さがし"));
    titles.appendChild(el("p", { class: "bf-sub" }, "入力した内容は記録に残りません"));
    var close = el("button", { type: "button", class: "bf-close", "aria-label": "閉じる" }, "×");
    header.appendChild(titles); header.appendChild(close);

    var scroller = el("div", { class: "bf-scroll" });
    var log = el("div", { class: "bf-log", role: "log", "aria-live": "polite", "aria-label": "会話" });
    var typing = el("p", { class: "bf-typing", "aria-hidden": "true", hidden: "" }, "入力中…");
    var replies = el("div", { class: "bf-replies", role: "group", "aria-label": "回答の候補" });
    scroller.appendChild(log); scroller.appendChild(typing); scroller.appendChild(replies);

    var form = el("form", { class: "bf-form" });
    var input = el("input", { type: "text", name: "text", maxlength: "1000", autocomplete: "off",
      enterkeyhint: "send", "aria-label": "メッセージ", placeholder: "ご家庭のことを入力" });
    var send = el("button", { type: "submit", class: "bf-send" }, "送信");
    form.appendChild(input); form.appendChild(send);
    var tools = el("div", { class: "bf-tools" });
    var results = el("button", { type: "button", class: "bf-results" }, "結果を見る");
    var erase = el("button", { type: "button", class: "bf-erase" }, "データを削除");
    tools.appendChild(results); tools.appendChild(erase);

    [header, scroller, form, tools].forEach(function (n) { panel.appendChild(n); });
    root.appendChild(panel); root.appendChild(launcher);

    var shown = {};   // measure id → status already shown as a card (only news get a new card)
    var pending = false;
    var epoch = 0;    // bumped by 「データを削除」: an answer to a message sent before it is dropped

    function scrollDown() { scroller.scrollTop = scroller.scrollHeight; }
    function bubble(text, who) {
      log.appendChild(el("p", { class: "bf-bubble bf-" + who }, text));
      scrollDown();
    }
    function understood(text) { // what the bot understood of the household, to check and correct (「訂正する」)
      var box = el("div", { class: "bf-understood", role: "status" });
      box.appendChild(el("p", { class: "bf-understood-text" }, text));
      log.appendChild(box);
      scrollDown();
    }
    function greet() {
      bubble("ご家庭のことを教えていただくと、使えそうな区の支援を、理由と資料のページ（P80 など）といっしょにお知らせします。" +
        "\n例：「2歳の息子が区内の保育園に通っています」", "bot");
      if (store("get")) bubble("前回の会話の続きから答えられます。「結果を見る」で、これまでにわかった支援を表示します。", "bot");
      // after the document's fiscal year, the greeting says the information may be out of date
      var mine = epoch; // erased meanwhile: the panel was cleared, add nothing to it
      fetch(api + "/api/source", { credentials: "omit" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (src) {
          if (src && src.notice_ja && mine === epoch) notice(src.notice_ja, log.firstChild ? log.firstChild.nextSibling : null);
        })
        .catch(function () { /* the greeting stands without it */ });
    }
    function notice(text, before) {
      var p = el("p", { class: "bf-notice" }, text);
      if (before && before.parentNode === log) log.insertBefore(p, before); else log.appendChild(p);
      return p;
    }

    function showReplies(labels) {
      replies.textContent = "";
      (labels || []).forEach(function (label) {
        var b = el("button", { type: "button", class: "bf-reply" }, label);
        b.addEventListener("click", function () { talk(label, true); });
        replies.appendChild(b);
      });
    }

    var lang = "ja"; // the conversation's language, as the server last said

    function card(m) {
      var w = WORDS[lang] || WORDS.ja;
      var kind = m.status === "eligible" || m.status === "related" ? m.status : "maybe";
      var c = el("article", { class: "bf-card bf-" + kind, lang: lang });
      var top = el("p", { class: "bf-card-top" });
      top.appendChild(el("span", { class: "bf-badge" }, w[kind]));
      top.appendChild(el("span", { class: "bf-page", "aria-hidden": "true" }, m.page)); // the title says it too
      c.appendChild(top);
      c.appendChild(el("h3", { class: "bf-card-title" }, m.title + "（" + m.page + "）"));
      if (kind === "related") {
        c.appendChild(el("p", { class: "bf-reason" }, m.how_chosen ? w.howChosen + m.how_chosen : w.chosenByOthers));
      } else if (m.reasons && m.reasons.length) {
        c.appendChild(el("p", { class: "bf-reason" }, m.reasons[0]));
      }
      // a maybe may wait on a fact from the resident, on a point only the counter can answer, or both
      if (kind === "maybe" && m.missing && m.missing.length) c.appendChild(el("p", { class: "bf-wait bf-missing" }, w.missing));
      var unsettled = m.unsettled || [];
      if (kind === "maybe" && unsettled.length) {
        var u = el("div", { class: "bf-wait bf-unsettled" });
        u.appendChild(el("p", { class: "bf-wait-head" }, w.unsettled));
        var ul = el("ul", {});
        unsettled.forEach(function (t) { ul.appendChild(el("li", {}, t)); });
        u.appendChild(ul);
        c.appendChild(u);
      }
      var checks = m.check_yourself || [];
      if (checks.length) {
        var more = el("details", { class: "bf-check" });
        more.appendChild(el("summary", {}, w.check + (lang === "en" ? " (" + checks.length + ")" : "（" + checks.length + "件）")));
        var list = el("ul", {});
        checks.forEach(function (t) { list.appendChild(el("li", {}, t)); });
        more.appendChild(list);
        c.appendChild(more);
      }
      return c;
    }
    function showMeasures(measures, all, dated, foldLabel, foldedCount) {
      var news = measures.filter(function (m) { return all || shown[m.id] !== m.status; });
      shown = {};
      measures.forEach(function (m) { shown[m.id] = m.status; });
      if (!news.length) return;
      var w = WORDS[lang] || WORDS.ja;
      var eligible = news.filter(function (m) { return m.status === "eligible"; });
      var related = news.filter(function (m) { return m.status === "related"; });
      var maybe = news.filter(function (m) { return m.status === "maybe" && m.group !== "other"; });
      // areas the resident never mentioned (a business, moving home …): folded behind one button
      var other = news.filter(function (m) { return m.status === "maybe" && m.group === "other"; });
      var group = el("section", { class: "bf-found", "aria-label": "見つかった支援" });
      group.appendChild(el("h3", { class: "bf-found-title" }, w.found(all, eligible.length, maybe.length)));
      if (dated) group.appendChild(el("p", { class: "bf-notice" }, dated));
      eligible.concat(maybe.slice(0, MAYBE_SHOWN)).forEach(function (m) { group.appendChild(card(m)); });
      var more = null;
      if (maybe.length > MAYBE_SHOWN) {
        more = el("button", { type: "button", class: "bf-more" }, w.more(maybe.length - MAYBE_SHOWN));
        more.addEventListener("click", function () {
          var first = null;
          maybe.slice(MAYBE_SHOWN).forEach(function (m) { var c = card(m); first = first || c; group.insertBefore(c, more); });
          more.remove();
          if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
        });
        group.appendChild(more);
      }
      if (other.length) {
        var fold = el("button", { type: "button", class: "bf-more bf-fold", "aria-expanded": "false" },
          foldLabel && other.length === foldedCount ? foldLabel : w.fold(other.length));
        fold.addEventListener("click", function () {
          var first = null;
          other.forEach(function (m) { var c = card(m); c.classList.add("bf-other"); first = first || c; group.insertBefore(c, fold); });
          fold.remove();
          if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
        });
        group.appendChild(fold);
      }
      if (related.length) { // their own heading: chosen by others, never an entitlement
        group.appendChild(el("h3", { class: "bf-found-title bf-related-title" }, w.relatedHead(related.length)));
        related.forEach(function (m) { group.appendChild(card(m)); });
      }
      log.appendChild(group);
      scrollDown();
    }

    function clearAll() {
      log.textContent = ""; showReplies([]); shown = {};
      store("remove");
    }

    function talk(text, fromReply) {
      text = (text || "").trim();
      if (!text || pending) return;
      pending = true;
      bubble(text, "user");
      showReplies([]);
      typing.hidden = false; log.setAttribute("aria-busy", "true"); scrollDown();
      var body = { text: text };
      var session = store("get");
      if (session) body.session_id = session;
      var mine = epoch;
      var ctrl = window.AbortController ? new AbortController() : null;
      var timer = setTimeout(function () { if (ctrl) ctrl.abort(); }, 30000);
      fetch(api + "/api/chat", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body), signal: ctrl ? ctrl.signal : undefined, credentials: "omit" })
        .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
        .then(function (res) {
          if (mine !== epoch) return;
          var data = res.data || {};
          if (!res.ok) {
            bubble((data.error && data.error.message_ja) || "うまく受け付けられませんでした。もう一度お試しください。", "bot");
            return;
          }
          if (data.lang === "en" || data.lang === "ja") lang = data.lang;
          if (data.session_id) store("set", data.session_id);
          else clearAll(); // erased (「データを削除」 typed): nothing is known any more
          // the question with choices goes last, right above its buttons; measure cards before it
          var replyList = (data.replies || []).slice();
          var last = replyList[replyList.length - 1];
          var asking = last && last.quick_replies && last.quick_replies.length ? replyList.pop() : null;
          // what was understood goes right above the question, where the 「訂正する」 button is
          replyList.forEach(function (r) { if (r.text !== data.household_summary) bubble(r.text, "bot"); });
          var all = text === SHOW_RESULTS || FINISH.indexOf(text) >= 0; // every card, not only the new ones
          showMeasures(data.measures || [], all, data.notice, data.folded_label, data.folded);
          if (data.household_summary) understood(data.household_summary);
          if (asking) bubble(asking.text, "bot");
          showReplies(asking ? asking.quick_replies : []);
        })
        .catch(function () { if (mine === epoch) bubble("通信できませんでした。時間をおいてもう一度お試しください。", "bot"); })
        .then(function () {
          clearTimeout(timer);
          pending = false; typing.hidden = true; log.removeAttribute("aria-busy");
          scrollDown();
          // a tapped reply button is gone: put focus on the new choices, else back in the text box
          if (fromReply) (replies.querySelector("button") || input).focus();
        });
    }

    function open() {
      panel.hidden = false;
      host.classList.add("bf-opened");
      launcher.setAttribute("aria-expanded", "true");
      launcher.setAttribute("aria-label", "支援をさがす（チャットを閉じる）");
      if (!log.childNodes.length) greet();
      input.focus();
    }
    function hide() {
      panel.hidden = true;
      host.classList.remove("bf-opened");
      launcher.setAttribute("aria-expanded", "false");
      launcher.setAttribute("aria-label", "支援をさがす（チャットを開く）");
      launcher.focus();
    }

    launcher.addEventListener("click", function () { if (panel.hidden) open(); else hide(); });
    close.addEventListener("click", hide);
    panel.addEventListener("keydown", function (e) { if (e.key === "Escape") { e.stopPropagation(); hide(); } });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (pending) return;
      var t = input.value; input.value = ""; talk(t, false);
    });
    results.addEventListener("click", function () { talk(SHOW_RESULTS, false); });
    erase.addEventListener("click", function () {
      var session = store("get");
      epoch += 1;
      var done = function (erased) {
        clearAll();
        bubble(erased ? "これまでに伺った内容をすべて削除しました。"
          : "この画面の内容は消しました。サーバーとの通信ができなかったため、伺った内容は一定時間のあとに自動で消えます。", "bot");
        input.focus();
      };
      if (!session) { done(true); return; }
      // DELETE erases it on the server; 404 (already expired or erased) is just as good
      fetch(api + "/api/sessions/" + encodeURIComponent(session), { method: "DELETE", credentials: "omit" })
        .then(function (r) { done(r.ok || r.status === 404); }, function () { done(false); });
    });
  }

  if (document.body) build();
  else document.addEventListener("DOMContentLoaded", build);
})();
