/* The search page /cari/: queries the Pagefind index of the site, with facet filters whose
   state lives in the address (?q=...&bidang=...), so a filtered search can be shared.
   Record values are put in the page as text only (textContent, DOM nodes), never as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("k-search");
  if (!root) return;

  var PAGE_SIZE = 10;
  var form = root.querySelector(".k-search__form");
  var input = root.querySelector("#k-search-q");
  var facetBox = root.querySelector(".k-facets");
  var panel = root.querySelector(".k-facets__panel");
  // On a phone the filters start folded, so the results come first on the screen.
  if (panel && window.matchMedia && !window.matchMedia("(min-width: 45em)").matches) {
    panel.open = false;
  }
  var reset = root.querySelector(".k-facets__reset");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-facet]"));
  var statusLine = root.querySelector(".k-search__status");
  var list = root.querySelector(".k-results");
  var more = root.querySelector(".k-results__more");
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
  var siteRoot = new URL(root.getAttribute("data-base"), document.baseURI).pathname;
  var pagefind = null;
  var current = [];
  var shown = 0;
  var generation = 0;
  var timer = null;
  var facetsLoaded = null;

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value) filters[select.name] = value;
    });
    return { q: (params.get("q") || "").trim(), filters: filters };
  }

  function formState() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.name] = select.value;
    });
    return { q: input.value.trim(), filters: filters };
  }

  function writeState(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    selects.forEach(function (select) {
      if (state.filters[select.name]) params.set(select.name, state.filters[select.name]);
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "");
    window.history.replaceState(null, "", address);
  }

  function setOptions(select, counts, chosen) {
    var key = select.name;
    var values = Object.keys(counts || {});
    if (chosen && values.indexOf(chosen) < 0) values.push(chosen);
    values.sort(function (a, b) {
      if (key === "tahun") return b.localeCompare(a);
      return a.localeCompare(b, "id");
    });
    while (select.options.length > 1) select.remove(1);
    values.forEach(function (value) {
      var count = (counts && counts[value]) || 0;
      if (!count && value !== chosen) return;
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value + " (" + count + ")";
      option.setAttribute("data-count", String(count));
      select.appendChild(option);
    });
    select.value = chosen || "";
  }

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
    ["halaman", "wilayah", "tahun", "bidang", "status"].forEach(function (key) {
      if (filters[key] && filters[key].length) facts.push(filters[key].join(", "));
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
    more.hidden = shown >= current.length;
    return Promise.all(
      slice.map(function (result) {
        return result.data();
      })
    ).then(function (items) {
      if (run !== generation) return;
      items.forEach(function (data) {
        list.appendChild(resultItem(data));
      });
      // The benchmark counts the bytes fetched until this moment (generator/search_measure.py).
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
    var fresh = facetsLoaded
      ? Promise.resolve(response)
      : loadFacets().then(function () {
          return pagefind.search(state.q || null, { filters: state.filters });
        });
    return fresh.then(function (counted) {
      return otherChoices(state, counted, run);
    });
  }

  function otherChoices(state, response, run) {
    // A facet's counts are those of the other choices: for a facet already chosen, search
    // again without it, so its other values show how many results they would give.
    var chosen = Object.keys(state.filters);
    return Promise.all(
      chosen.map(function (key) {
        var others = Object.assign({}, state.filters);
        delete others[key];
        var term = state.q || null;
        if (!term && !Object.keys(others).length) return pagefind.filters();
        return pagefind.search(term, { filters: others }).then(function (r) {
          return r.filters;
        });
      })
    ).then(function (perFacet) {
      if (run !== generation) return;
      selects.forEach(function (select) {
        var index = chosen.indexOf(select.name);
        var counts = index >= 0 ? perFacet[index][select.name] : response.filters[select.name];
        setOptions(select, counts, state.filters[select.name]);
      });
      reset.hidden = !chosen.length;
      facetBox.hidden = false;
    });
  }

  function finished(mine) {
    // Tests and the benchmark wait for this mark: results and facet counts are all shown.
    if (mine === generation) root.setAttribute("data-state", "done");
  }

  function run(state) {
    generation += 1;
    var mine = generation;
    root.setAttribute("data-state", "busy");
    writeState(state);
    var hasFilters = Object.keys(state.filters).length > 0;
    if (!state.q && !hasFilters) {
      list.textContent = "";
      more.hidden = true;
      statusLine.textContent = "Ketik kata pencarian, atau pilih saringan.";
      return loadFacets().then(function (all) {
        if (mine !== generation) return;
        selects.forEach(function (select) {
          setOptions(select, all[select.name], "");
        });
        reset.hidden = true;
        facetBox.hidden = false;
        finished(mine);
      });
    }
    statusLine.textContent = "Mencari…";
    return pagefind
      .search(state.q || null, { filters: state.filters })
      .then(function (response) {
        if (mine !== generation || !response) return;
        current = response.results;
        shown = 0;
        list.textContent = "";
        var label = state.q ? " untuk “" + state.q + "”" : "";
        statusLine.textContent = current.length
          ? current.length + " hasil" + label + "."
          : "Tidak ada hasil" + label + ". Coba kata lain atau hapus saringan.";
        statusLine.setAttribute("data-count", String(current.length));
        return showMore(mine).then(function () {
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
  selects.forEach(function (select) {
    select.addEventListener("change", function () {
      schedule(0);
    });
  });
  reset.addEventListener("click", function () {
    selects.forEach(function (select) {
      select.value = "";
    });
    schedule(0);
  });
  more.addEventListener("click", function () {
    showMore(generation);
  });

  var initial = readState();
  input.value = initial.q;
  statusLine.textContent = "Memuat pencarian…";
  import(new URL("pagefind.js", bundle).href)
    .then(function (module) {
      pagefind = module;
      // noWorker: the worker script would repeat the engine (12 KB more) for a search that
      // takes milliseconds on the main thread.
      return pagefind.options({ baseUrl: siteRoot, excerptLength: 24, noWorker: true });
    })
    .then(function () {
      selects.forEach(function (select) {
        setOptions(select, {}, initial.filters[select.name]);
      });
      return run(initial);
    })
    .catch(function () {
      statusLine.textContent = "Indeks pencarian tidak dapat dimuat.";
    });
})();
