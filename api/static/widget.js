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
  var LANG_KEY = "chiyoda-benefit-finder-lang"; // the resident's chosen language (sessionStorage)
  var MAYBE_SHOWN = 3; // "maybe" cards shown before a 「さらに表示」 button: a long list buries the eligible ones
  // Every word the widget shows is data (knowledge/messages/widget.yaml), fetched from
  // GET /api/messages in the chosen language; the server's own texts already come in it. A related
  // programme (participants chosen by a school or the ward) is never worded 「対象です」; a maybe says
  // whether it waits on a fact from the resident or on a point the document does not settle.
  var HTML_LANG = {}; // code → HTML lang, for screen readers and fonts: from GET /api/messages (`languages`)
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
  function store(op, value, key) { // sessionStorage may be blocked (privacy modes): the chat still works
    key = key || KEY;
    try {
      if (op === "get") return sessionStorage.getItem(key);
      if (op === "set") sessionStorage.setItem(key, value); else sessionStorage.removeItem(key);
    } catch (e) { /* ignore */ }
    return null;
  }
  function fill(template, values) { // 「{count}件」: the placeholders of knowledge/messages/widget.yaml
    return String(template).replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  // The widget's words in `lang`: {lang, messages, languages, show_all}; null when the API is unreachable.
  function words(lang) {
    return fetch(api + "/api/messages?part=widget&lang=" + encodeURIComponent(lang), { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
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

  function build(ui) {
    var lang = ui.lang; // the conversation's language: the resident's choice, or as the server last said
    (ui.languages || []).forEach(function (l) { HTML_LANG[l.code] = l.html; });
    var T = ui.messages;
    var showAll = ui.show_all || [];
    var host = el("div", { id: HOST_ID, lang: HTML_LANG[lang] || lang });
    host.style.display = "none"; // until widget.css arrives (CSSOM, not a style attribute: strict CSPs allow it)
    document.body.appendChild(host);
    var root = host.attachShadow({ mode: "open" });
    var css = el("link", { rel: "stylesheet", href: scriptOrigin + "/static/widget.css" });
    css.addEventListener("load", function () { host.style.display = ""; });
    css.addEventListener("error", function () { host.style.display = ""; });
    root.appendChild(css);

    var launcher = el("button", { class: "bf-launcher", type: "button", "aria-expanded": "false",
      "aria-controls": "bf-panel" });
    launcher.appendChild(icon());
    var launcherText = el("span", {});
    launcher.appendChild(launcherText);

    var panel = el("section", { class: "bf-panel", id: "bf-panel", role: "dialog", hidden: "" });
    var header = el("div", { class: "bf-header" });
    var titles = el("div", {});
    var title = el("h2", { class: "bf-title" });
    var sub = el("p", { class: "bf-sub" });
    titles.appendChild(title); titles.appendChild(sub);
    // the language switch: each language named in itself, so a resident finds theirs without reading ours
    var switcher = el("select", { class: "bf-lang", name: "lang" });
    (ui.languages || []).forEach(function (l) {
      var o = el("option", { value: l.code, lang: HTML_LANG[l.code] || l.code }, l.name);
      switcher.appendChild(o);
    });
    var close = el("button", { type: "button", class: "bf-close" }, "×");
    header.appendChild(titles); header.appendChild(switcher); header.appendChild(close);

    var scroller = el("div", { class: "bf-scroll" });
    var log = el("div", { class: "bf-log", role: "log", "aria-live": "polite" });
    var typing = el("p", { class: "bf-typing", "aria-hidden": "true", hidden: "" });
    var replies = el("div", { class: "bf-replies", role: "group" });
    scroller.appendChild(log); scroller.appendChild(typing); scroller.appendChild(replies);

    var form = el("form", { class: "bf-form" });
    var input = el("input", { type: "text", name: "text", maxlength: "1000", autocomplete: "off",
      enterkeyhint: "send" });
    var send = el("button", { type: "submit", class: "bf-send" });
    form.appendChild(input); form.appendChild(send);
    var tools = el("div", { class: "bf-tools" });
    var results = el("button", { type: "button", class: "bf-results" });
    var erase = el("button", { type: "button", class: "bf-erase" });
    tools.appendChild(results); tools.appendChild(erase);

    function relabel() { // every word of the frame in the current language
      host.setAttribute("lang", HTML_LANG[lang] || lang);
      launcherText.textContent = T.launcher;
      launcher.setAttribute("aria-label", panel.hidden ? T.launcher_open : T.launcher_close);
      panel.setAttribute("aria-label", T.title);
      title.textContent = T.title; sub.textContent = T.subtitle;
      switcher.setAttribute("aria-label", T.language); switcher.value = lang;
      close.setAttribute("aria-label", T.close);
      log.setAttribute("aria-label", T.log); typing.textContent = T.typing;
      replies.setAttribute("aria-label", T.choices);
      input.setAttribute("aria-label", T.input); input.setAttribute("placeholder", T.placeholder);
      send.textContent = T.send; results.textContent = T.results; erase.textContent = T.erase;
    }
    relabel();

    [header, scroller, form, tools].forEach(function (n) { panel.appendChild(n); });
    root.appendChild(panel); root.appendChild(launcher);

    var shown = {};   // measure id → status already shown as a card (only news get a new card)
    var talked = false; // the resident has sent something: a language switch then tells the server
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
      bubble(T.greeting, "bot");
      if (store("get")) bubble(T.resume, "bot");
      // after the document's fiscal year, the greeting says the information may be out of date
      var mine = epoch; // erased meanwhile: the panel was cleared, add nothing to it
      fetch(api + "/api/source?lang=" + encodeURIComponent(lang), { credentials: "omit" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (src) {
          if (src && src.notice && mine === epoch) notice(src.notice, log.firstChild ? log.firstChild.nextSibling : null);
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

    function card(m) {
      var kind = m.status === "eligible" || m.status === "related" ? m.status : "maybe";
      var c = el("article", { class: "bf-card bf-" + kind, lang: HTML_LANG[lang] || lang });
      var top = el("p", { class: "bf-card-top" });
      top.appendChild(el("span", { class: "bf-badge" }, T[kind]));
      top.appendChild(el("span", { class: "bf-page", "aria-hidden": "true" }, m.page)); // the title says it too
      c.appendChild(top);
      c.appendChild(el("h3", { class: "bf-card-title" }, m.title + "（" + m.page + "）"));
      if (kind === "related") {
        c.appendChild(el("p", { class: "bf-reason" }, m.how_chosen ? T.how_chosen + m.how_chosen : T.chosen_by_others));
      } else if (m.reasons && m.reasons.length) {
        c.appendChild(el("p", { class: "bf-reason" }, m.reasons[0]));
      }
      // a maybe may wait on a fact from the resident, on a point only the counter can answer, or both
      if (kind === "maybe" && m.missing && m.missing.length) c.appendChild(el("p", { class: "bf-wait bf-missing" }, T.missing));
      var unsettled = m.unsettled || [];
      if (kind === "maybe" && unsettled.length) {
        var u = el("div", { class: "bf-wait bf-unsettled" });
        u.appendChild(el("p", { class: "bf-wait-head" }, T.unsettled));
        var ul = el("ul", {});
        unsettled.forEach(function (t) { ul.appendChild(el("li", {}, t)); });
        u.appendChild(ul);
        c.appendChild(u);
      }
      var checks = m.check_yourself || [];
      if (checks.length) {
        var more = el("details", { class: "bf-check" });
        more.appendChild(el("summary", {}, fill(T.check_count, { count: checks.length })));
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
      var eligible = news.filter(function (m) { return m.status === "eligible"; });
      var related = news.filter(function (m) { return m.status === "related"; });
      var maybe = news.filter(function (m) { return m.status === "maybe" && m.group !== "other"; });
      // areas the resident never mentioned (a business, moving home …): folded behind one button
      var other = news.filter(function (m) { return m.status === "maybe" && m.group === "other"; });
      var group = el("section", { class: "bf-found", "aria-label": T.found_label, lang: HTML_LANG[lang] || lang });
      group.appendChild(el("h3", { class: "bf-found-title" },
        fill(all ? T.found_all : T.found_new, { eligible: eligible.length, maybe: maybe.length })));
      if (dated) group.appendChild(el("p", { class: "bf-notice" }, dated));
      eligible.concat(maybe.slice(0, MAYBE_SHOWN)).forEach(function (m) { group.appendChild(card(m)); });
      var more = null;
      if (maybe.length > MAYBE_SHOWN) {
        more = el("button", { type: "button", class: "bf-more" }, fill(T.more, { count: maybe.length - MAYBE_SHOWN }));
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
          foldLabel && other.length === foldedCount ? foldLabel : fill(T.fold, { count: other.length }));
        fold.addEventListener("click", function () {
          var first = null;
          other.forEach(function (m) { var c = card(m); c.classList.add("bf-other"); first = first || c; group.insertBefore(c, fold); });
          fold.remove();
          if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
        });
        group.appendChild(fold);
      }
      if (related.length) { // their own heading: chosen by others, never an entitlement
        group.appendChild(el("h3", { class: "bf-found-title bf-related-title" }, fill(T.related_head, { count: related.length })));
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
      talked = true;
      var body = { text: text, lang: lang }; // the chosen language: an ongoing conversation switches to it
      var session = store("get");
      if (session) body.session_id = session;
      var mine = epoch;
      var all = text === T.results_text || showAll.indexOf(text) >= 0; // every card, not only the new ones
      var ctrl = window.AbortController ? new AbortController() : null;
      var timer = setTimeout(function () { if (ctrl) ctrl.abort(); }, 30000);
      fetch(api + "/api/chat", { method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": lang },
        body: JSON.stringify(body), signal: ctrl ? ctrl.signal : undefined, credentials: "omit" })
        .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
        .then(function (res) { // the resident wrote in another language: the frame and cards follow it
          var said = res.ok && res.data && res.data.lang;
          return said && said !== lang ? useLang(said).then(function () { return res; }) : res;
        })
        .then(function (res) {
          if (mine !== epoch) return;
          var data = res.data || {};
          if (!res.ok) {
            bubble((data.error && (data.error.message_local || data.error.message_ja)) || T.refused, "bot");
            return;
          }
          if (data.session_id) store("set", data.session_id);
          else clearAll(); // erased (「データを削除」 typed): nothing is known any more
          // the question with choices goes last, right above its buttons; measure cards before it
          var replyList = (data.replies || []).slice();
          var last = replyList[replyList.length - 1];
          var asking = last && last.quick_replies && last.quick_replies.length ? replyList.pop() : null;
          // what was understood goes right above the question, where the 「訂正する」 button is
          replyList.forEach(function (r) { if (r.text !== data.household_summary) bubble(r.text, "bot"); });
          showMeasures(data.measures || [], all, data.notice, data.folded_label, data.folded);
          if (data.household_summary) understood(data.household_summary);
          if (asking) bubble(asking.text, "bot");
          showReplies(asking ? asking.quick_replies : []);
        })
        .catch(function () { if (mine === epoch) bubble(T.offline, "bot"); })
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
      launcher.setAttribute("aria-label", T.launcher_close);
      if (!log.childNodes.length) greet();
      input.focus();
    }
    function hide() {
      panel.hidden = true;
      host.classList.remove("bf-opened");
      launcher.setAttribute("aria-expanded", "false");
      launcher.setAttribute("aria-label", T.launcher_open);
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
    results.addEventListener("click", function () { talk(T.results_text, false); });

    // Switching language: the frame relabels at once; mid-conversation the language's name goes to the
    // server with the new `lang` (as a tapped quick reply would), which keeps the household and says
    // the pending question again in the new language. Before anything was said, the greeting is redone.
    function useLang(code) {
      return words(code).then(function (ui) {
        if (!ui) { switcher.value = lang; return; }
        lang = ui.lang; T = ui.messages; showAll = ui.show_all || [];
        store("set", lang, LANG_KEY);
        relabel();
      });
    }
    switcher.addEventListener("change", function () {
      var chosen = switcher.value;
      if (chosen === lang || pending) { switcher.value = lang; return; }
      var name = (ui.languages || []).filter(function (l) { return l.code === chosen; }).map(function (l) { return l.name; })[0];
      useLang(chosen).then(function () {
        if (lang !== chosen) return; // the words could not be fetched: nothing changed
        if (talked && store("get")) talk(name, false);
        else { epoch += 1; log.textContent = ""; greet(); }
      });
    });
    erase.addEventListener("click", function () {
      var session = store("get");
      epoch += 1;
      var done = function (erased) {
        clearAll();
        bubble(erased ? T.erased : T.erased_here, "bot");
        input.focus();
      };
      if (!session) { done(true); return; }
      // DELETE erases it on the server; 404 (already expired or erased) is just as good
      fetch(api + "/api/sessions/" + encodeURIComponent(session), { method: "DELETE", credentials: "omit" })
        .then(function (r) { done(r.ok || r.status === 404); }, function () { done(false); });
    });
  }

  // The language: the resident's last choice in this tab, else the page's data-lang, else Japanese.
  var first = store("get", null, LANG_KEY) || script.dataset.lang || "ja";
  function start() {
    words(first).then(function (ui) {
      if (ui) build(ui);
      else if (first !== "ja") words("ja").then(function (ja) { if (ja) build(ja); });
      // the API is unreachable: no widget at all (it could not answer anything)
    });
  }
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
