/* The innovation listing /inovasi/: the full list is plain HTML; with JavaScript a filter box
   above it hides the cards that do not contain the typed words, and the sector headings left
   empty. Only text content is read and no record value is written as HTML. */
(function () {
  "use strict";
  var hub = document.querySelector(".k-hub");
  if (!hub) return;
  var cards = Array.prototype.slice.call(hub.querySelectorAll("li.k-card"));
  if (!cards.length) return;
  var lists = Array.prototype.slice.call(hub.querySelectorAll("ul.k-cards"));
  var texts = cards.map(function (card) {
    return normalise(card.textContent);
  });

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  var box = document.createElement("div");
  box.className = "k-filter";
  var label = document.createElement("label");
  label.setAttribute("for", "k-filter-q");
  label.textContent = "Saring daftar ini";
  var input = document.createElement("input");
  input.id = "k-filter-q";
  input.type = "search";
  input.autocomplete = "off";
  input.placeholder = "nama, wilayah, instansi, tahun…";
  var count = document.createElement("span");
  count.className = "k-filter__count";
  count.setAttribute("role", "status");
  count.setAttribute("aria-live", "polite");
  box.appendChild(label);
  box.appendChild(input);
  box.appendChild(count);
  var anchor = hub.querySelector(".k-jump") || lists[0];
  anchor.parentNode.insertBefore(box, anchor);

  function apply() {
    var words = normalise(input.value).split(/\s+/).filter(Boolean);
    var visible = 0;
    cards.forEach(function (card, i) {
      var match = words.every(function (word) {
        return texts[i].indexOf(word) >= 0;
      });
      card.hidden = !match;
      if (match) visible += 1;
    });
    lists.forEach(function (list) {
      var any = list.querySelector("li.k-card:not([hidden])") !== null;
      list.hidden = !any;
      var heading = list.previousElementSibling;
      if (heading && heading.tagName === "H2") heading.hidden = !any;
      var after = list.nextElementSibling;
      if (after && after.tagName === "P") after.hidden = !any;
    });
    count.textContent = words.length ? visible + " dari " + cards.length + " inovasi" : "";
    count.setAttribute("data-count", String(visible));
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(apply, cards.length > 2000 ? 250 : 80);
  });
})();
