/* The innovation listing /inovasi/: the full list is plain HTML, and its filters are links to
   the page of each value (a region, a sector, a stage...). With JavaScript, the filters become
   choices above the list that hide the cards not matching them, with a box for words, and
   the sector headings left empty. Each card carries its values in `data-f` (one per filter,
   in the order of the filters, joined by `|`). The choices live in the address
   (?wilayah=61.01&status=aktif), so a filtered list can be shared. Only text content is read
   and no record value is written as HTML. */
(function () {
  "use strict";
  // The page loads this script right after the filter links, without `defer`: the choices
  // take the links' place before the list below is drawn, so nothing jumps as the page loads
  // (Lighthouse measured a layout shift of 0.3 when they were inserted after load). The cards
  // are read once the whole page is parsed (`start`).
  var hub = document.querySelector(".k-hub");
  if (!hub) return;
  var nav = hub.querySelector(".k-browse");
  if (!nav) return;
  var cards = [];
  var lists = [];
  var texts = [];
  var values = [];

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text) node.textContent = text;
    return node;
  }

  var params = new URLSearchParams(window.location.search);
  var box = el("form", { class: "k-filter", role: "search", "aria-label": "Saring daftar inovasi" });
  box.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  var words = el("div", { class: "k-filter__field k-filter__field--words" });
  words.appendChild(el("label", { for: "k-filter-q" }, "Cari dalam daftar ini"));
  var input = el("input", { id: "k-filter-q", type: "search", autocomplete: "off", placeholder: "nama, wilayah, tahun…" });
  input.value = params.get("q") || "";
  words.appendChild(input);
  box.appendChild(words);

  // One choice per filter line of the page; the line itself (links) is hidden.
  var filters = Array.prototype.map.call(nav.querySelectorAll("p[data-saring]"), function (line, index) {
    var key = line.getAttribute("data-saring");
    var title = line.querySelector("strong").textContent.replace(/:$/, "");
    var id = "k-filter-" + key;
    var field = el("div", { class: "k-filter__field" });
    field.appendChild(el("label", { for: id }, title));
    var select = el("select", { id: id, name: key });
    select.appendChild(el("option", { value: "" }, "Semua"));
    var pages = Object.create(null);
    Array.prototype.forEach.call(line.querySelectorAll("[data-nilai]"), function (item) {
      var value = item.getAttribute("data-nilai");
      var count = item.nextSibling ? item.nextSibling.textContent.replace(/[^0-9]/g, "") : "";
      select.appendChild(el("option", { value: value }, item.textContent + (count ? " (" + count + ")" : "")));
      if (item.tagName === "A") pages[value] = { href: item.getAttribute("href"), text: item.textContent };
    });
    var wanted = params.get(key);
    if (Array.prototype.some.call(select.options, function (option) { return wanted && option.value === wanted; })) {
      select.value = wanted;
    }
    field.appendChild(select);
    box.appendChild(field);
    line.hidden = true;
    return { key: key, title: title, index: index, select: select, pages: pages };
  });

  var count = el("p", { class: "k-filter__count", role: "status", "aria-live": "polite" });
  var reset = el("button", { type: "button", class: "k-filter__reset", hidden: "" }, "Hapus saringan");
  box.appendChild(count);
  box.appendChild(reset);
  // After the links, not before them: a browser may have drawn the links while this script
  // loaded, and the choices put above them would push them down (a layout shift). Below,
  // only the hidden lines' space goes, and the list is not drawn yet.
  hub.insertBefore(box, nav.nextSibling);

  function apply() {
    var query = normalise(input.value).split(/\s+/).filter(Boolean);
    var chosen = filters.filter(function (f) {
      return f.select.value;
    });
    var visible = 0;
    cards.forEach(function (card, i) {
      var match = query.every(function (word) {
        return texts[i].indexOf(word) >= 0;
      }) && chosen.every(function (f) {
        return values[i][f.index] === f.select.value;
      });
      card.hidden = !match;
      if (match) visible += 1;
    });
    lists.forEach(function (list) {
      var any = list.querySelector("li.k-card:not([hidden])") !== null;
      list.hidden = !any;
      var heading = list.previousElementSibling;
      if (heading && heading.tagName === "H2") heading.hidden = !any;
    });
    var active = query.length || chosen.length;
    count.textContent = "";
    if (active) {
      count.appendChild(document.createTextNode(visible ? visible + " dari " + cards.length + " inovasi" : "Tidak ada inovasi yang cocok dengan saringan ini."));
      // The page of a chosen value, for all it says beyond the list (a region's profile).
      chosen.forEach(function (f) {
        var page = f.pages[f.select.value];
        if (!page) return;
        count.appendChild(document.createTextNode(" · "));
        count.appendChild(el("a", { href: page.href }, "Halaman " + page.text));
      });
    }
    count.setAttribute("data-count", String(visible));
    reset.hidden = !active;
    var state = new URLSearchParams();
    if (input.value.trim()) state.set("q", input.value.trim());
    chosen.forEach(function (f) {
      state.set(f.key, f.select.value);
    });
    var address = window.location.pathname + (state.toString() ? "?" + state.toString() : "");
    window.history.replaceState(null, "", address);
  }

  function start() {
    cards = Array.prototype.slice.call(hub.querySelectorAll("li.k-card"));
    lists = Array.prototype.slice.call(hub.querySelectorAll("ul.k-cards"));
    texts = cards.map(function (card) {
      return normalise(card.textContent);
    });
    values = cards.map(function (card) {
      return (card.getAttribute("data-f") || "").split("|");
    });
    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(apply, cards.length > 2000 ? 250 : 80);
    });
    filters.forEach(function (f) {
      f.select.addEventListener("change", apply);
    });
    reset.addEventListener("click", function () {
      input.value = "";
      filters.forEach(function (f) {
        f.select.value = "";
      });
      apply();
      input.focus();
    });
    if (input.value || filters.some(function (f) { return f.select.value; })) apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
