/* The search page /cari/: queries the Pagefind index of the site, with facet filters whose
   state lives in the address, one parameter per ticked value (?q=...&wilayah=A&wilayah=B), so
   a filtered search can be shared. Values ticked in one facet are alternatives (any of them);
   the facets narrow each other (all of them). Next to each value is the number of results
   that have it, counted with the query and the other facets' choices but not its own facet's:
   each page has one value per facet, so ticking a value adds exactly that many results.
   A search without words lists every page (innovations first, by name), so the facets browse
   the whole catalogue. A search that finds nothing offers the broader searches that do find
   something (each word alone, the words without the filters), the listing and the form.
   Record values are put in the page as text only (textContent, DOM nodes), never as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("k-search");
  if (!root) return;

  var PAGE_SIZE = 10;
  // A facet with more values than this (and one) shows the first ones and a button for all.
  var SHORT_LIST = 5;
  // Beside the results from this width on (the stylesheet's column layout); folded below it.
  var WIDE = "(min-width: 60em)";
  // Results checked against the query's words (see `sameFamily`) when a search finds at most
  // this many: each check loads the page's text, one small file.
  var CHECK_LIMIT = 50;
  // A word of the page inside a query word counts only from this length ("sehat" in
  // "kesehatan"; not "di" in "dinas").
  var INNER_WORD = 4;
  var form = root.querySelector(".k-search__form");
  var input = root.querySelector("#k-search-q");
  var panel = root.querySelector(".k-filters");
  var badge = root.querySelector(".k-filters__badge");
  var loading = root.querySelector(".k-filters__loading");
  var showResults = root.querySelector(".k-filters__show");
  var chosenBox = root.querySelector(".k-chosen");
  var chosenList = root.querySelector(".k-chosen__list");
  var clearAll = root.querySelector(".k-chosen__clear");
  var statusLine = root.querySelector(".k-search__status");
  var list = root.querySelector(".k-results");
  var more = root.querySelector(".k-results__more");
  var none = root.querySelector(".k-none");
  var noneLead = root.querySelector(".k-none__lead");
  var tries = root.querySelector(".k-none__tries");
  var sortKey = root.getAttribute("data-sort");
  var unknown = root.getAttribute("data-unknown");
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
  var siteRoot = new URL(root.getAttribute("data-base"), document.baseURI).pathname;
  var groups = Array.prototype.map.call(root.querySelectorAll(".k-facet[data-facet]"), function (box) {
    var group = {
      key: box.getAttribute("data-facet"),
      label: box.querySelector("legend").textContent,
      box: box,
      list: box.querySelector(".k-facet__values"),
      more: box.querySelector(".k-facet__more"),
      items: Object.create(null),
      values: [],
      expanded: false,
    };
    group.more.addEventListener("click", function () {
      group.expanded = !group.expanded;
      fold(group);
    });
    return group;
  });
  var chosen = Object.create(null);
  var pagefind = null;
  var current = [];
  var shown = 0;
  var generation = 0;
  var timer = null;
  var facetsLoaded = null;

  if (window.matchMedia && window.matchMedia(WIDE).matches) panel.open = true;
  // What only works with the script (the page says otherwise without it).
  Array.prototype.forEach.call(
    panel.querySelectorAll(".k-filters__hint[hidden], .k-filters__loading, .k-filters__footer"),
    function (element) {
      element.hidden = false;
    }
  );

  // --- the state: the query and the ticked values, in the order they were ticked ----------

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var filters = Object.create(null);
    groups.forEach(function (group) {
      var values = [];
      params.getAll(group.key).forEach(function (value) {
        if (value && values.indexOf(value) < 0) values.push(value);
      });
      if (values.length) filters[group.key] = values;
    });
    return { q: (params.get("q") || "").trim(), filters: filters };
  }

  function formState() {
    var filters = Object.create(null);
    Object.keys(chosen).forEach(function (key) {
      filters[key] = chosen[key].slice();
    });
    return { q: input.value.trim(), filters: filters };
  }

  function address(state) {
    // The search page's address for a state, the facets in the panel's order.
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    groups.forEach(function (group) {
      (state.filters[group.key] || []).forEach(function (value) {
        params.append(group.key, value);
      });
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function writeState(state) {
    window.history.replaceState(null, "", address(state));
  }

  function chosenCount(filters) {
    return Object.keys(filters).reduce(function (sum, key) {
      return sum + filters[key].length;
    }, 0);
  }

  function pagefindFilters(filters, without) {
    // Pagefind: `any` is an OR of the values; the keys of one filter object are ANDed.
    var query = {};
    Object.keys(filters).forEach(function (key) {
      if (key !== without) query[key] = { any: filters[key].slice() };
    });
    return query;
  }

  // --- the facet panel: values, counts, ticks -------------------------------------------

  function makeItem(group, value) {
    var item = document.createElement("li");
    var label = document.createElement("label");
    label.className = "k-facet__option";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = group.key;
    box.value = value;
    var name = document.createElement("span");
    name.className = "k-facet__value";
    name.textContent = value;
    var count = document.createElement("span");
    count.className = "k-facet__count";
    var number = document.createTextNode("0");
    var unit = document.createElement("span");
    unit.className = "k-visually-hidden";
    unit.textContent = " hasil";
    count.appendChild(number);
    count.appendChild(unit);
    label.appendChild(box);
    label.appendChild(name);
    label.appendChild(count);
    item.appendChild(label);
    box.addEventListener("change", function () {
      toggle(group.key, value, box.checked);
    });
    return { item: item, input: box, number: number };
  }

  function sortValues(key, values, counts) {
    values.sort(function (a, b) {
      if (key === "tahun") return b.localeCompare(a);
      return (counts[b] || 0) - (counts[a] || 0) || a.localeCompare(b, "id");
    });
  }

  function fold(group) {
    var long = group.values.length > SHORT_LIST + 1;
    group.values.forEach(function (value, index) {
      var entry = group.items[value];
      entry.item.hidden = long && !group.expanded && index >= SHORT_LIST && !entry.input.checked;
    });
    group.more.hidden = !long;
    group.more.setAttribute("aria-expanded", String(group.expanded));
    group.more.textContent = group.expanded
      ? "Tampilkan lebih sedikit"
      : "Tampilkan semua (" + group.values.length + ")";
  }

  function showGroup(group, counts, ticked, wordsOnly) {
    var values = Object.keys(counts).filter(function (value) {
      return counts[value] > 0;
    });
    ticked.forEach(function (value) {
      if (values.indexOf(value) < 0) values.push(value);
    });
    sortValues(group.key, values, counts);
    // The nodes of values already shown are kept and moved, so a ticked box keeps its place
    // in the tab order and the focus.
    var keep = Object.create(null);
    values.forEach(function (value, index) {
      var entry = group.items[value] || (group.items[value] = makeItem(group, value));
      keep[value] = true;
      entry.number.nodeValue = String(counts[value] || 0);
      entry.item.setAttribute("data-count", String(counts[value] || 0));
      entry.input.checked = ticked.indexOf(value) >= 0;
      var there = group.list.children[index];
      if (there !== entry.item) group.list.insertBefore(entry.item, there || null);
    });
    Object.keys(group.items).forEach(function (value) {
      if (keep[value]) return;
      group.list.removeChild(group.items[value].item);
      delete group.items[value];
    });
    group.values = values;
    fold(group);
    // A facet whose values are one for every result of the words cannot narrow anything:
    // hidden, unless a value is ticked (so that it can be unticked where it was ticked).
    var spread = Object.keys(wordsOnly).filter(function (value) {
      return wordsOnly[value] > 0;
    }).length;
    group.box.hidden = spread < 2 && !ticked.length;
  }

  function showFacets(countsByKey, filters, wordsOnly) {
    var focused = document.activeElement;
    groups.forEach(function (group) {
      showGroup(
        group,
        countsByKey[group.key] || {},
        filters[group.key] || [],
        (wordsOnly || countsByKey)[group.key] || {}
      );
    });
    var empty = groups.every(function (group) {
      return group.box.hidden;
    });
    loading.textContent = empty ? "Tidak ada nilai untuk disaring: ubah kata pencarian." : "";
    loading.hidden = !empty;
    if (focused && focused !== document.activeElement && root.contains(focused)) {
      focused.focus({ preventScroll: true });
    }
  }

  function chip(group, value) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "k-chip";
    var verb = document.createElement("span");
    verb.className = "k-visually-hidden";
    verb.textContent = "Hapus saringan ";
    var facet = document.createElement("span");
    facet.className = "k-chip__facet";
    facet.textContent = group.label + ": ";
    var cross = document.createElement("span");
    cross.className = "k-chip__cross";
    cross.setAttribute("aria-hidden", "true");
    cross.textContent = "×";
    button.appendChild(verb);
    button.appendChild(facet);
    button.appendChild(document.createTextNode(value));
    button.appendChild(cross);
    button.setAttribute("data-facet", group.key);
    button.setAttribute("data-value", value);
    button.addEventListener("click", function () {
      var chips = Array.prototype.slice.call(chosenList.querySelectorAll(".k-chip"));
      var index = chips.indexOf(button);
      toggle(group.key, value, false);
      var rest = chosenList.querySelectorAll(".k-chip");
      if (rest.length) rest[Math.min(index, rest.length - 1)].focus();
      else input.focus();
    });
    item.appendChild(button);
    return item;
  }

  function showChosen() {
    // The ticks, the chips above the results and the count on the folded panel's summary.
    chosenList.textContent = "";
    groups.forEach(function (group) {
      var values = chosen[group.key] || [];
      values.forEach(function (value) {
        chosenList.appendChild(chip(group, value));
      });
      Object.keys(group.items).forEach(function (value) {
        group.items[value].input.checked = values.indexOf(value) >= 0;
      });
    });
    var count = chosenCount(chosen);
    badge.textContent = count + " dipilih";
    badge.hidden = !count;
    chosenBox.hidden = !count;
  }

  function toggle(key, value, on) {
    var values = (chosen[key] || []).filter(function (other) {
      return other !== value;
    });
    if (on) values.push(value);
    if (values.length) chosen[key] = values;
    else delete chosen[key];
    showChosen();
    schedule(0);
  }

  // --- which results really match: over-stemmed matches dropped ---------------------------
  // Pagefind matches words by their stem, and a query word also by every longer word its stem
  // begins (for a word still being typed). The Indonesian stemmer sometimes cuts a word to a
  // stem that is not its root: "beranda" (porch) becomes "anda", and "anda" begins
  // "andatangan", the stem of "menandatangani" (to sign), so "beranda" found signatures.
  // Indonesian builds a word family by adding letters around the root; only meN-/peN- also
  // replace the root's first consonant (tulis > menulis, pantau > pemantauan). So two words
  // of one family have one inside the other once that consonant is put back, which a stem cut
  // too far does not give: a result is kept only if, for every word of the query, its text
  // has a word that begins with it (typing), contains it, or lies inside it (kesehatan: sehat).
  // Synonyms need no rule of their own: they are written into the indexed text.

  var NASAL = [
    [/^(?:me|pe)ny(?=[aeiou])/, "s"],
    [/^(?:me|pe)ng(?=[aeiou])/, "k"],
    [/^(?:me|pe)m(?=[aeiou])/, "p"],
    [/^(?:me|pe)n(?=[aeiou])/, "t"],
  ];

  function wordsOf(text) {
    return String(text || "").toLocaleLowerCase("id").match(/[\p{L}\p{N}]+/gu) || [];
  }

  function forms(word) {
    // The word, and the word with its root's first consonant put back after meN-/peN-.
    var found = [word];
    NASAL.some(function (rule) {
      if (!rule[0].test(word)) return false;
      found.push(word.replace(rule[0], rule[1]));
      return true;
    });
    return found;
  }

  function sameFamily(query, word) {
    if (word.indexOf(query) === 0) return true;
    return forms(query).some(function (q) {
      return forms(word).some(function (w) {
        return (q.length >= INNER_WORD && w.indexOf(q) >= 0) ||
          (w.length >= INNER_WORD && q.indexOf(w) >= 0);
      });
    });
  }

  function matchesEvery(queryWords, data) {
    var words = wordsOf(((data.meta && data.meta.title) || "") + " " + (data.content || ""));
    var seen = Object.create(null);
    words.forEach(function (word) {
      seen[word] = true;
    });
    var unique = Object.keys(seen);
    return queryWords.every(function (query) {
      return seen[query] || unique.some(function (word) {
        return sameFamily(query, word);
      });
    });
  }

  function countFilters(items) {
    // The facet counts of the results kept, in the shape of Pagefind's `filters`.
    var counts = {};
    items.forEach(function (data) {
      Object.keys(data.filters || {}).forEach(function (key) {
        var values = counts[key] || (counts[key] = {});
        data.filters[key].forEach(function (value) {
          values[value] = (values[value] || 0) + 1;
        });
      });
    });
    return counts;
  }

  function search(term, filters) {
    // Pagefind's search, its results checked as above when there are few enough to load
    // (a query that common is answered by its many real matches). `checked` tells that the
    // counts are the kept results' own; a search without words lists pages by `sortKey`.
    var options = { filters: filters };
    if (!term) options.sort = sortKey ? { [sortKey]: "asc" } : {};
    return pagefind.search(term || null, options).then(function (response) {
      var words = wordsOf(term);
      if (!response || !words.length || response.results.length > CHECK_LIMIT) return response;
      return Promise.all(
        response.results.map(function (result) {
          return result.data();
        })
      ).then(function (items) {
        var kept = [];
        var keptData = [];
        items.forEach(function (data, index) {
          if (!matchesEvery(words, data)) return;
          kept.push(response.results[index]);
          keptData.push(data);
        });
        return { results: kept, filters: countFilters(keptData), checked: true };
      });
    });
  }

  // --- results ---------------------------------------------------------------------------

  function excerptNodes(excerpt) {
    // Pagefind marks the matched words with <mark>; keep those and take everything else as text.
    var fragment = document.createDocumentFragment();
    var parsed = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html");
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent));
      }
    });
    return fragment;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "k-result";
    var link = document.createElement("a");
    link.className = "k-result__title";
    var url = String(data.url || "");
    link.href = url.charAt(0) === "/" ? url : siteRoot;
    link.textContent = (data.meta && data.meta.title) || url;
    item.appendChild(link);
    var filters = data.filters || {};
    var facts = [];
    // The place: the regency or city, else the province (a province's own innovation).
    var place = filters.wilayah && filters.wilayah.length ? "wilayah" : "provinsi";
    // A value not yet known says nothing on its own in this line ("Belum diketahui" of what?).
    ["halaman", place, "tahun", "bidang", "status"].forEach(function (key) {
      var known = (filters[key] || []).filter(function (value) {
        return value !== unknown;
      });
      if (known.length) facts.push(known.join(", "));
    });
    if (facts.length) {
      var meta = document.createElement("span");
      meta.className = "k-result__meta";
      meta.textContent = facts.join(" · ");
      item.appendChild(meta);
    }
    var text = document.createElement("span");
    text.className = "k-result__text";
    text.appendChild(excerptNodes(data.excerpt || ""));
    item.appendChild(text);
    return item;
  }

  function showMore(run) {
    var slice = current.slice(shown, shown + PAGE_SIZE);
    shown += slice.length;
    return Promise.all(
      slice.map(function (result) {
        return result.data();
      })
    ).then(function (items) {
      if (run !== generation) return;
      items.forEach(function (data) {
        list.appendChild(resultItem(data));
      });
      // Shown under the results once they are in, so that it does not jump down.
      more.hidden = shown >= current.length;
      // The benchmark counts the bytes fetched until this moment (devtools/search_measure.py).
      if (items.length && !performance.getEntriesByName("k-first-results").length) {
        performance.mark("k-first-results");
      }
    });
  }

  function loadFacets() {
    // Pagefind counts facet values only once their filter files are loaded; they are loaded
    // after the first results are shown, so the results never wait for them.
    if (!facetsLoaded) facetsLoaded = pagefind.filters();
    return facetsLoaded;
  }

  function facetCounts(state, response, run) {
    // A checked response counted its own results; Pagefind's counts of a response made
    // before the filter files were loaded are empty, so that search is made again.
    var before = facetsLoaded;
    var fresh = loadFacets().then(function () {
      if (before || response.checked) return response;
      return search(state.q, pagefindFilters(state.filters));
    });
    return fresh.then(function (counted) {
      return otherChoices(state, counted, run);
    });
  }

  function countsWithout(state, key) {
    // The facet counts of the query with every tick but those of `key` (all: key null).
    var others = key ? pagefindFilters(state.filters, key) : {};
    if (!state.q && !Object.keys(others).length) return pagefind.filters();
    return search(state.q, others).then(function (r) {
      return r.filters;
    });
  }

  function otherChoices(state, response, run) {
    // A facet with ticked values counts its values without its own choice (search again
    // without it), so its other values show how many results ticking them adds. Which
    // facets are shown depends on the words alone (the counts without any tick), so that
    // ticking a value never hides or brings a facet above the box just clicked.
    var ticked = Object.keys(state.filters);
    return Promise.all(
      [ticked.length ? countsWithout(state, null) : response.filters].concat(
        ticked.map(function (key) {
          return countsWithout(state, key);
        })
      )
    ).then(function (found) {
      if (run !== generation) return;
      var counts = {};
      groups.forEach(function (group) {
        var index = ticked.indexOf(group.key);
        counts[group.key] = index >= 0 ? found[index + 1][group.key] : response.filters[group.key];
      });
      showFacets(counts, state.filters, found[0]);
    });
  }

  function finished(mine) {
    // Tests and the benchmark wait for this mark: results and facet counts are all shown.
    if (mine === generation) root.setAttribute("data-state", "done");
  }

  // --- nothing found: the broader searches that find something ---------------------------

  function broaderSearches(state) {
    // Each word alone (with the same filters), and the words without the filters.
    var found = [];
    var words = state.q.split(/\s+/).filter(Boolean);
    if (words.length > 1) {
      words.forEach(function (word) {
        found.push({ q: word, filters: state.filters, label: "“" + word + "” saja" });
      });
    }
    if (chosenCount(state.filters)) {
      var label = state.q ? "“" + state.q + "” tanpa saringan" : "Hapus semua saringan";
      found.push({ q: state.q, filters: {}, label: label });
    }
    return found;
  }

  function tryItem(broader, count) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = address(broader);
    link.textContent = broader.label;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = broader.q;
      chosen = broader.filters;
      showChosen();
      statusLine.focus();
      schedule(0);
    });
    item.appendChild(link);
    item.appendChild(document.createTextNode(" (" + count + " hasil)"));
    return item;
  }

  function suggest(state, mine) {
    var broader = broaderSearches(state);
    return Promise.all(
      broader.map(function (other) {
        return search(other.q, pagefindFilters(other.filters)).then(function (response) {
          return response ? response.results.length : 0;
        });
      })
    ).then(function (counts) {
      if (mine !== generation) return;
      tries.textContent = "";
      broader.forEach(function (other, index) {
        if (counts[index]) tries.appendChild(tryItem(other, counts[index]));
      });
      noneLead.hidden = tries.hidden = !tries.children.length;
      none.hidden = false;
    });
  }

  function statusText(state, count) {
    var filterCount = chosenCount(state.filters);
    if (!state.q && !filterCount) {
      return "Semua " + count + " halaman katalog. Ketik kata pencarian atau pilih saringan.";
    }
    var label = state.q ? " untuk “" + state.q + "”" : "";
    if (filterCount) label += " dengan " + filterCount + " saringan";
    return (count ? count + " hasil" : "Tidak ada hasil") + label + ".";
  }

  function run(state) {
    generation += 1;
    var mine = generation;
    root.setAttribute("data-state", "busy");
    writeState(state);
    statusLine.textContent = "Mencari…";
    return search(state.q, pagefindFilters(state.filters))
      .then(function (response) {
        if (mine !== generation || !response) return;
        current = response.results;
        shown = 0;
        list.textContent = "";
        more.hidden = true;
        none.hidden = true;
        statusLine.textContent = statusText(state, current.length);
        statusLine.setAttribute("data-count", String(current.length));
        showResults.textContent = "Lihat " + current.length + " hasil";
        var shownNow = current.length ? showMore(mine) : suggest(state, mine);
        return shownNow.then(function () {
          return facetCounts(state, response, mine);
        });
      })
      .then(function () {
        finished(mine);
      })
      .catch(function () {
        if (mine === generation) statusLine.textContent = "Pencarian gagal dimuat.";
      });
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      run(formState());
    }, delay);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    schedule(0);
  });
  input.addEventListener("input", function () {
    schedule(300);
  });
  clearAll.addEventListener("click", function () {
    chosen = Object.create(null);
    showChosen();
    input.focus();
    schedule(0);
  });
  showResults.addEventListener("click", function () {
    // On a phone the open panel covers the screen: fold it and go to the results.
    panel.open = false;
    statusLine.focus();
  });
  more.addEventListener("click", function () {
    showMore(generation);
  });

  var initial = readState();
  input.value = initial.q;
  chosen = initial.filters;
  showChosen();
  statusLine.textContent = "Memuat pencarian…";
  import(new URL("pagefind.js", bundle).href)
    .then(function (module) {
      pagefind = module;
      // noWorker: the worker script would repeat the engine (12 KB more) for a search that
      // takes milliseconds on the main thread.
      return pagefind.options({ baseUrl: siteRoot, excerptLength: 24, noWorker: true });
    })
    .then(function () {
      return run(formState());
    })
    .catch(function () {
      statusLine.textContent = "Indeks pencarian tidak dapat dimuat.";
    });
})();
