/* Counter console: the clerk's inputs become a Household, POSTed (never put in a URL, never
 * stored) to /api/eligibility on every change; results re-render at once. */
(function () {
  "use strict";
  var UNKNOWN = "";
  function fillSelect(select) {
    var opts = select.dataset.kind === "bool" ? "true:はい,false:いいえ" : select.dataset.options;
    select.appendChild(new Option("不明", UNKNOWN));
    opts.split(",").forEach(function (pair) {
      var i = pair.indexOf(":");
      select.appendChild(new Option(pair.slice(i + 1), pair.slice(0, i)));
    });
  }
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text !== undefined) n.textContent = text; return n; }

  function addMember(templateId, listId) {
    var node = document.getElementById(templateId).content.firstElementChild.cloneNode(true);
    node.querySelectorAll("select").forEach(fillSelect);
    node.querySelector(".remove").addEventListener("click", function () { node.remove(); schedule(); });
    document.getElementById(listId).appendChild(node);
    node.querySelector("input").focus();
    schedule();
  }

  function value(field) {
    if (field.value === UNKNOWN) return null;
    if (field.dataset.kind === "bool") return field.value === "true";
    if (field.type === "number" || field.name === "school_year") return Number(field.value);
    return field.value;
  }
  function member(node) {
    var out = {};
    node.querySelectorAll("input, select").forEach(function (f) { out[f.name] = value(f); });
    return out;
  }
  function household() {
    var h = {};
    document.querySelectorAll("#household > fieldset:last-of-type select").forEach(function (f) { h[f.name] = value(f); });
    var kids = Array.prototype.map.call(document.querySelectorAll("#children .member"), member)
      .filter(function (c) { return c.age !== null; });
    var adults = Array.prototype.map.call(document.querySelectorAll("#adults .member"), member);
    h.children = kids.length ? kids : null;
    h.adults = adults.length ? adults : null;
    return h;
  }

  var MARK = { met: "✓", not_met: "✗", unknown: "？" };
  function card(item, heading) {
    var c = el("article", "measure " + heading);
    c.appendChild(el("h4", null, item.title + "（" + item.page + "）"));
    c.appendChild(el("p", "summary", item.summary));
    var why = el("ul", "conditions");
    (item.status === "later" && item.later ? [{ text: item.later, status: "unknown" }] : item.conditions).forEach(function (cond) {
      var li = el("li", cond.status, (MARK[cond.status] || "") + " " + cond.text);
      why.appendChild(li);
    });
    c.appendChild(why);
    if (item.check_yourself && item.check_yourself.length) {
      var ask = el("ul", "ask");
      item.check_yourself.forEach(function (t) { ask.appendChild(el("li", null, t)); });
      c.appendChild(el("p", "ask-title", "窓口で確認すること"));
      c.appendChild(ask);
    }
    return c;
  }
  function render(data) {
    var box = document.getElementById("results");
    box.textContent = "";
    [["eligible", "対象になる支援"], ["maybe", "対象かもしれない支援"], ["later", "これから対象になる支援"]].forEach(function (s) {
      var items = data[s[0]] || [];
      if (!items.length) return;
      var sec = el("section", "group " + s[0]);
      sec.appendChild(el("h3", null, s[1] + "（" + items.length + "件）"));
      items.forEach(function (i) { sec.appendChild(card(i, s[0])); });
      box.appendChild(sec);
    });
    document.getElementById("status").textContent =
      "対象 " + (data.eligible || []).length + "件・対象かもしれない " + (data.maybe || []).length + "件";
  }

  var timer = null;
  function schedule() { clearTimeout(timer); timer = setTimeout(update, 250); }
  function update() {
    fetch("/api/eligibility?lang=ja", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(household()) })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); })
      .then(function (res) {
        if (res.ok) render(res.d);
        else document.getElementById("status").textContent = (res.d.error && res.d.error.message_ja) || "入力を確認してください。";
      });
  }

  document.querySelectorAll("#household > fieldset:last-of-type select").forEach(fillSelect);
  document.getElementById("add-child").addEventListener("click", function () { addMember("child-template", "children"); });
  document.getElementById("add-adult").addEventListener("click", function () { addMember("adult-template", "adults"); });
  document.getElementById("household").addEventListener("input", schedule);
  document.getElementById("household").addEventListener("change", schedule);
  document.getElementById("print").addEventListener("click", function () { window.print(); });
  document.getElementById("search").addEventListener("submit", function (e) {
    e.preventDefault();
    var q = document.getElementById("q").value.trim();
    var list = document.getElementById("search-results");
    list.textContent = "";
    if (!q) return;
    fetch("/api/search?k=5&q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (d) {
      if (!d.results || !d.results.length) { list.appendChild(el("li", null, "資料に該当する施策はありません。")); return; }
      d.results.forEach(function (h) {
        var li = el("li");
        li.appendChild(el("strong", null, h.title + "（" + h.page + "）"));
        li.appendChild(el("p", null, h.summary));
        list.appendChild(li);
      });
    });
  });
  update();
})();
