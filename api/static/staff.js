/* Counter console (窓口). The clerk's inputs become a Household that is POSTed to /api/eligibility
 * on every change (debounced): never put in a URL, never stored (no cookies, no Web Storage).
 * Every yes/no starts as 不明 (null): the engine answers "maybe" for unknown facts, never "no".
 * All server text goes in with textContent. */
(function () {
  "use strict";
  var R = window.StaffResults;
  var el = R.el;
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function pairs(spec) { return spec.split(",").map(function (p) { var i = p.indexOf(":"); return [p.slice(0, i), p.slice(i + 1)]; }); }

  // ---- inputs: selects and tri-state radio groups, 不明 first and selected --------------------
  var uid = 0;
  function fillSelect(select) {
    select.appendChild(new Option("不明", ""));
    pairs(select.dataset.options).forEach(function (p) { select.appendChild(new Option(p[1], p[0])); });
  }
  function fillTri(fs) {
    var name = "tri-" + (++uid);
    var group = el("div", "seg");
    [["", "不明"]].concat(fs.dataset.options ? pairs(fs.dataset.options) : [["true", "はい"], ["false", "いいえ"]])
      .forEach(function (p, i) {
        var label = el("label");
        var radio = el("input");
        radio.type = "radio"; radio.name = name; radio.value = p[0]; radio.checked = i === 0; radio.defaultChecked = i === 0;
        label.appendChild(radio); label.appendChild(el("span", null, p[1]));
        group.appendChild(label);
      });
    fs.appendChild(group);
  }
  function prepare(root) {
    $$("select[data-options]", root).forEach(fillSelect);
    $$("fieldset.tri", root).forEach(fillTri);
  }
  function read(field) { // one [data-field] → its JSON value; null = 不明
    var v = field.tagName === "FIELDSET" ? ($("input:checked", field) || { value: "" }).value : field.value;
    if (v === "") return null;
    if (v === "true" || v === "false") return v === "true";
    if (field.hasAttribute("data-list")) return v.split("+"); // a household may run an SME that is also a startup
    return field.type === "number" || field.hasAttribute("data-number") ? Number(v) : v;
  }
  function member(node) {
    var out = {};
    $$("[data-field]", node).forEach(function (f) { out[f.dataset.field] = read(f); });
    return out;
  }

  // ---- the household ---------------------------------------------------------------------------
  function invalidFields() {
    var bad = [];
    $$("#household input[type=number]").forEach(function (input) {
      var ok = input.checkValidity();
      if (ok) input.removeAttribute("aria-invalid"); else input.setAttribute("aria-invalid", "true");
      if (!ok) bad.push(input.closest(".member").querySelector("legend").textContent + "の年齢は" +
        input.min + "〜" + input.max + "の整数で入力してください。");
    });
    return bad;
  }
  function household() {
    var h = {};
    $$(".household-wide [data-field]").forEach(function (f) { h[f.dataset.field] = read(f); });
    var kids = $$("#children .member").map(function (node) {
      var c = member(node);
      $(".field-note", node).hidden = c.age !== null;
      return c;
    });
    var known = kids.filter(function (c) { return c.age !== null; }); // a child without an age cannot be judged yet
    var adults = $$("#adults .member").map(member);
    h.children = kids.length ? (known.length ? known : null) : (read($("#children-none")) === "none" ? [] : null);
    h.adults = adults.length ? adults : (read($("#adults-none")) === "none" ? [] : null);
    return h;
  }

  function renumber(listId, noun) {
    var nodes = $$("#" + listId + " .member");
    nodes.forEach(function (n, i) { $("legend", n).textContent = noun + " " + (i + 1); });
    $("#" + listId + "-none").hidden = nodes.length > 0;
  }
  function addMember(kind) {
    var list = kind === "child" ? "children" : "adults";
    var noun = kind === "child" ? "お子さん" : "大人のご家族";
    var node = $("#" + kind + "-template").content.firstElementChild.cloneNode(true);
    prepare(node);
    $(".remove", node).addEventListener("click", function () {
      node.remove(); renumber(list, noun); $("#add-" + kind).focus(); schedule();
    });
    $("#" + list).appendChild(node);
    renumber(list, noun);
    $("input", node).focus();
    schedule();
  }

  // ---- results (drawn by staff-results.js) ----------------------------------------------------
  var last = null;  // the latest answer, for the handout
  var memo = {};    // measure id → on the handout or not, as the clerk ticked it (default: the eligible ones)
  function picked(item, kind) { return Object.prototype.hasOwnProperty.call(memo, item.id) ? memo[item.id] : kind === "eligible"; }
  function pick(item, on) { memo[item.id] = on; handout(); }
  // The handout in the visitor's language (the console stays Japanese): its words and the same household's
  // answer in that language, fetched when the language or the household changes.
  var memoLang = "ja", memoWords = {}, memoData = null, memoHtml = {}; // memoHtml: code → HTML lang (the API's)
  function handout() {
    var data = memoLang === "ja" ? last : memoData;
    R.handout($("#handout"), data, picked, memoWords[memoLang], memoLang, memoHtml[memoLang]);
  }
  function loadWords(lang) {
    if (memoWords[lang]) return Promise.resolve(memoWords[lang]);
    return fetch("/api/messages?part=handout&lang=" + encodeURIComponent(lang), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) { if (d) { memoWords[lang] = d.messages; fillLanguages(d.languages); } return d && d.messages; });
  }
  function fillLanguages(languages) {
    var box = $("#handout-lang");
    if (box.options.length > 1 || !languages) return;
    box.textContent = "";
    languages.forEach(function (l) {
      var o = el("option", null, l.name); o.value = l.code; o.lang = l.html; memoHtml[l.code] = l.html;
      box.appendChild(o);
    });
    box.value = memoLang;
  }
  var memoSeq = 0;
  function loadMemo() { // resolves once the handout in memoLang is drawn from the current household
    var lang = memoLang, mine = ++memoSeq;
    var answer = lang === "ja" ? Promise.resolve(last) :
      fetch("/api/eligibility?lang=" + encodeURIComponent(lang), { method: "POST", cache: "no-store",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(household()), credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; });
    return Promise.all([loadWords(lang), answer]).then(function (got) {
      if (mine !== memoSeq) return;
      memoData = got[1];
      handout();
    }).catch(function () { status("紹介メモの言語を切り替えられませんでした。", true); });
  }
  function status(text, isError) { var s = $("#status"); s.textContent = text; s.classList.toggle("error", !!isError); }
  function render(data) {
    last = data;
    R.results($("#results"), data, picked, pick);
    var next = data.next_question;
    $("#next").hidden = !next;
    $("#next-text").textContent = next ? next.text : "";
    status("対象 " + (data.eligible || []).length + "件・対象かもしれない " + (data.maybe || []).length +
      "件・これから対象 " + (data.later || []).length + "件" +
      ((data.related || []).length ? "・関係する取り組み " + data.related.length + "件" : ""));
    if (memoLang === "ja") handout(); else loadMemo();
  }

  // ---- talking to the server ------------------------------------------------------------------
  var timer = null, seq = 0, inflight = null;
  function schedule() { clearTimeout(timer); timer = setTimeout(update, 250); }
  function errorText(d, fallback) { return (d && d.error && d.error.message_ja) || fallback; }
  function update() {
    var bad = invalidFields();
    var h = household();
    if (bad.length) { status("入力を確認してください：" + bad.join(" "), true); return; }
    if (inflight) inflight.abort();
    inflight = new AbortController();
    var mine = ++seq;
    $("#results").setAttribute("aria-busy", "true");
    fetch("/api/eligibility?lang=ja", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(h), signal: inflight.signal, cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); })
      .then(function (res) {
        if (mine !== seq) return; // an older answer arriving late never overwrites a newer one
        if (res.ok) render(res.d); else status(errorText(res.d, "入力を確認してください。"), true);
      })
      .catch(function (e) { if (e.name !== "AbortError" && mine === seq) status("サーバーに接続できません。しばらくしてからお試しください。", true); })
      .then(function () { if (mine === seq) $("#results").removeAttribute("aria-busy"); });
  }

  function search(q) {
    var panel = $("#search-panel"), list = $("#search-results");
    panel.hidden = false;
    list.textContent = "";
    list.appendChild(el("li", "muted", "検索しています…"));
    fetch("/api/search?k=5&q=" + encodeURIComponent(q), { cache: "no-store" })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); })
      .then(function (res) {
        list.textContent = "";
        $("#search-status").textContent = res.ok ? "検索結果 " + res.d.results.length + "件" : "";
        if (!res.ok) { list.appendChild(el("li", "muted", errorText(res.d, "検索できませんでした。"))); return; }
        if (!res.d.results.length) { list.appendChild(el("li", "muted", "資料に該当する施策は見つかりませんでした。")); return; }
        res.d.results.forEach(function (hit) {
          var li = el("li", "hit");
          li.appendChild(R.head(hit, "h4"));
          li.appendChild(el("p", "summary", hit.summary));
          list.appendChild(li);
        });
      })
      .catch(function () { list.textContent = ""; list.appendChild(el("li", "muted", "サーバーに接続できません。")); });
  }

  function reset() {
    $$("#children .member, #adults .member").forEach(function (n) { n.remove(); });
    $("#household").reset(); // every select back to 不明, every radio group back to 不明 (its default)
    memo = {};
    renumber("children", "お子さん"); renumber("adults", "大人のご家族");
    $("#search-panel").hidden = true; $("#q").value = "";
    $("#add-child").focus();
    schedule();
  }

  // ---- wiring ------------------------------------------------------------------------------------
  prepare($("#household"));
  var form = $("#household");
  form.addEventListener("submit", function (e) { e.preventDefault(); update(); }); // Enter must never submit a GET
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  $("#add-child").addEventListener("click", function () { addMember("child"); });
  $("#add-adult").addEventListener("click", function () { addMember("adult"); });
  $("#reset").addEventListener("click", reset);
  $("#print").addEventListener("click", function () {
    if (memoLang === "ja" && memoWords.ja) { handout(); window.print(); return; } // ready: print at once
    loadMemo().then(function () { window.print(); }); // another language: its answer first
  });
  $("#handout-lang").addEventListener("change", function () { memoLang = $("#handout-lang").value; loadMemo(); });
  loadWords("ja").then(handout);
  window.addEventListener("beforeprint", handout);
  $("#search").addEventListener("submit", function (e) {
    e.preventDefault();
    var q = $("#q").value.trim();
    if (q) search(q);
  });
  $("#search-close").addEventListener("click", function () { $("#search-panel").hidden = true; $("#q").focus(); });
  update();
})();
