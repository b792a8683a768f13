/* 千代田区 支援さがし: embeddable chat widget. One tag embeds it on any page:
 *   <script src="https://…/widget.js" data-api="https://…(optional)"></script>
 * No framework, no CDN. Everything the server says is inserted as text, never as HTML. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = (script && script.dataset.api) || (script ? new URL(script.src, location.href).origin : "");
  var KEY = "chiyoda-benefit-finder-session";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var host = el("div", { id: "chiyoda-benefit-finder" });
  document.body.appendChild(host);
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  root.appendChild(el("link", { rel: "stylesheet", href: base + "/static/widget.css" }));

  var button = el("button", { class: "bf-open", type: "button", "aria-expanded": "false",
    "aria-controls": "bf-panel", "aria-label": "支援をさがす（チャットを開く）" }, "支援をさがす");
  var panel = el("section", { class: "bf-panel", id: "bf-panel", role: "dialog", "aria-label": "千代田区 支援さがし", hidden: "" });
  var header = el("header", { class: "bf-header" });
  header.appendChild(el("h2", {}, "千代田区 支援さがし"));
  var close = el("button", { type: "button", class: "bf-close", "aria-label": "閉じる" }, "×");
  header.appendChild(close);
  var log = el("div", { class: "bf-log", role: "log", "aria-live": "polite", "aria-label": "会話", tabindex: "0" });
  var cards = el("div", { class: "bf-cards", "aria-label": "あてはまる支援", role: "region", tabindex: "0" });
  var replies = el("div", { class: "bf-replies", role: "group", "aria-label": "回答の候補" });
  var form = el("form", { class: "bf-form" });
  var input = el("input", { type: "text", name: "text", maxlength: "1000", autocomplete: "off",
    "aria-label": "メッセージ", placeholder: "例：2歳の息子が区内の保育園に通っています" });
  var send = el("button", { type: "submit", class: "bf-send" }, "送信");
  form.appendChild(input); form.appendChild(send);
  var tools = el("div", { class: "bf-tools" });
  var results = el("button", { type: "button" }, "結果を見る");
  var erase = el("button", { type: "button", class: "bf-erase" }, "データを削除");
  tools.appendChild(results); tools.appendChild(erase);
  [header, log, cards, replies, form, tools].forEach(function (n) { panel.appendChild(n); });
  root.appendChild(button); root.appendChild(panel);

  function bubble(text, who) {
    var b = el("p", { class: "bf-bubble bf-" + who }, text);
    log.appendChild(b);
    log.scrollTop = log.scrollHeight;
  }

  function showReplies(labels) {
    replies.textContent = "";
    labels.forEach(function (label) {
      var b = el("button", { type: "button", class: "bf-reply" }, label);
      b.addEventListener("click", function () { talk(label); });
      replies.appendChild(b);
    });
  }

  function showMeasures(measures) {
    cards.textContent = "";
    measures.forEach(function (m) {
      var card = el("article", { class: "bf-card bf-" + m.status });
      card.appendChild(el("span", { class: "bf-badge" }, m.status === "eligible" ? "対象" : "対象かもしれません"));
      card.appendChild(el("h3", {}, m.title + "（" + m.page + "）"));
      if (m.reasons && m.reasons.length) card.appendChild(el("p", {}, m.reasons[0]));
      cards.appendChild(card);
    });
  }

  function talk(text) {
    text = (text || "").trim();
    if (!text) return;
    bubble(text, "user");
    showReplies([]);
    var body = { text: text };
    var session = sessionStorage.getItem(KEY);
    if (session) body.session_id = session;
    fetch(base + "/api/chat", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
      .then(function (res) {
        if (!res.ok) { bubble((res.data.error && res.data.error.message_ja) || "エラーが発生しました。", "bot"); return; }
        if (res.data.session_id) sessionStorage.setItem(KEY, res.data.session_id); else sessionStorage.removeItem(KEY);
        res.data.replies.forEach(function (r) { bubble(r.text, "bot"); });
        var last = res.data.replies[res.data.replies.length - 1];
        showReplies(last ? last.quick_replies : []);
        showMeasures(res.data.measures || []);
      })
      .catch(function () { bubble("通信できませんでした。時間をおいてお試しください。", "bot"); });
  }

  function open() {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    if (!log.childNodes.length) {
      bubble("こんにちは。ご家庭のことを教えていただくと、使えそうな区の支援を、理由と資料のページといっしょにお知らせします。", "bot");
    }
    input.focus();
  }
  function hide() { panel.hidden = true; button.setAttribute("aria-expanded", "false"); button.focus(); }

  button.addEventListener("click", function () { if (panel.hidden) open(); else hide(); });
  close.addEventListener("click", hide);
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); var t = input.value; input.value = ""; talk(t); });
  results.addEventListener("click", function () { talk("結果を見せて"); });
  erase.addEventListener("click", function () {
    var session = sessionStorage.getItem(KEY);
    var done = function () {
      sessionStorage.removeItem(KEY);
      log.textContent = ""; cards.textContent = ""; showReplies([]);
      bubble("これまでに伺った内容をすべて削除しました。", "bot");
    };
    if (!session) { done(); return; }
    fetch(base + "/api/sessions/" + encodeURIComponent(session), { method: "DELETE" }).then(done, done);
  });
})();
