/*
 * The contribution form at /kontribusi/formulir/, loaded last: an editor fills in a record of
 * any kind (innovation, replication, event, region profile); the form checks it with the
 * catalogue's own schemas and rules (formulir-periksa.js), shows each problem beside its
 * field, and offers the YAML to download, to e-mail or to open on GitHub (formulir-kirim.js).
 *
 * The other files, in load order: formulir-dom.js (elements), formulir-yaml.js (the record's
 * text), formulir-isian.js (dates and addresses as staff type them), formulir-periksa.js,
 * formulir-kirim.js, formulir-wilayah.js (the region picker), formulir-kolom.js (the fields).
 * Runs under `script-src 'self'`: no inline script, no eval, no innerHTML.
 */
(function () {
  "use strict";

  var K = window.KatalogFormulir;
  var el = K.el;
  var richText = K.richText;
  var Formulir = K.Formulir;
  var fieldId = K.fieldId;
  var textValue = K.textValue;

  var root = document.getElementById("k-formulir");
  if (!root) return;

  var SLUG_HELP = {
    inovasi: "Dibentuk dari nama inovasi dan wilayahnya",
    replikasi: "Dibentuk dari slug inovasi dan wilayah yang mereplikasi",
    kegiatan: "Dibentuk dari nama kegiatan",
  };

  Formulir.prototype.buildSlugField = function (state) {
    var self = this;
    var kind = state.kind;
    var id = fieldId(kind, ["slug"]);
    var fixed = kind === "wilayah";
    var control = el("input", { type: "text", autocomplete: "off", spellcheck: "false", readonly: fixed });
    control.addEventListener("input", function () {
      control.setAttribute("data-diubah", control.value ? "ya" : "");
    });
    state.controls["(slug)"] = control;
    state.slugId = id;
    var help = "Nama berkas tanpa `.yml`, juga alamat halamannya (`/" + kind + "/<slug>/`). " + (fixed
      ? "Untuk profil wilayah selalu nama lengkap wilayahnya, dibentuk otomatis."
      : SLUG_HELP[kind] + "; boleh diubah: huruf kecil a-z, angka, dan tanda hubung.");
    var wrapped = this.wrap(id, "Slug (nama berkas)", true, help, control);
    wrapped.node.addEventListener("focusout", function () {
      if (!control.value) self.suggestSlug(state);
    });
    return wrapped.node;
  };

  /** The slug by the `new` command's rule, unless the editor typed their own. */
  Formulir.prototype.suggestSlug = function (state) {
    var control = state.controls["(slug)"];
    var controls = state.controls;
    if (control.getAttribute("data-diubah") === "ya") return;
    var region = this.regions[(controls.wilayah || controls.kode || {}).value];
    var place = region ? region.slug : "";
    var text;
    if (state.kind === "inovasi") {
      var name = K.slugify(controls.nama.value);
      text = !place || !name || name.slice(-place.length) === place ? name : name + "-" + place;
    } else if (state.kind === "replikasi") {
      var innovation = controls.inovasi.value;
      text = innovation && place ? innovation + "-di-" + place : innovation;
    } else if (state.kind === "kegiatan") {
      text = K.slugify(controls.nama.value);
    } else {
      text = region ? region.profil : "";
    }
    control.value = K.clipSlug(text || "");
  };

  /** The record the form describes, where each of its paths sits, and what could not be read. */
  Formulir.prototype.collect = function (state) {
    var ctx = { places: {}, issues: [] };
    var record = {};
    state.parts.forEach(function (p) {
      var value = p.part.read(ctx, [p.key]);
      if (value !== undefined) record[p.key] = value;
    });
    ctx.places["(slug)"] = state.slugId;
    return { record: record, places: ctx.places, issues: ctx.issues, slug: textValue(state.controls["(slug)"]) };
  };

  function placeOf(places, path) {
    for (var n = path.length; n > 0; n--) {
      var id = places[path.slice(0, n).join("/")];
      if (id) return id;
    }
    return null;
  }

  /** Show (or, with no text, clear) the error of the field whose control has id `id`. */
  Formulir.prototype.markError = function (id, text) {
    var node = document.getElementById(id);
    var error = document.getElementById(id + "-galat");
    if (!node || !error) return;
    var wrapper = node.closest("[data-galat-untuk]");
    var grouped = node.tagName === "FIELDSET";
    if (!text) {
      K.say(error, "");
      node.removeAttribute("aria-invalid");
      if (wrapper) wrapper.classList.remove("k-field--galat", "k-grup--galat");
      return;
    }
    if (!error.hidden && error.textContent) error.appendChild(document.createTextNode(" "));
    error.appendChild(richText(text));
    error.hidden = false;
    node.setAttribute("aria-invalid", "true");
    if (wrapper) wrapper.classList.add(grouped ? "k-grup--galat" : "k-field--galat");
  };

  Formulir.prototype.clearErrors = function (state) {
    var self = this;
    state.element.querySelectorAll("[aria-invalid]").forEach(function (c) {
      self.markError(c.id, "");
    });
    state.element.querySelectorAll(".k-galat").forEach(function (p) {
      K.say(p, "");
    });
  };

  function sentence(problem) {
    return problem.message + (problem.hint ? "; " + problem.hint : "");
  }

  Formulir.prototype.labelOf = function (id) {
    var node = id && document.getElementById(id);
    if (!node) return "";
    if (node.tagName === "FIELDSET") return node.querySelector("legend").textContent.replace(" (wajib)", "");
    var label = this.container.querySelector('label[for="' + id + '"]');
    var text = label ? label.textContent.replace(" (wajib)", "") : "";
    var row = node.closest("fieldset.k-baris");
    // A row of one field (`dasar_hukum`) is labelled by its field; a row of several by both.
    if (!row || /-baris$/.test(row.id)) return text;
    return row.querySelector("legend").textContent + ", " + text.toLowerCase();
  };

  /** The problems to show: what could not be read hides the schema's word on the same value. */
  function problemsOf(kind, collected, data) {
    var unread = collected.issues.map(function (i) { return i.path.join("/"); });
    return collected.issues.concat(K.problemsOf(kind, collected.record, data, collected.slug).filter(function (p) {
      return unread.indexOf(p.path.join("/")) < 0;
    }));
  }

  Formulir.prototype.submit = function (state) {
    var self = this;
    var collected = this.collect(state);
    var problems = problemsOf(state.kind, collected, this.data);
    this.clearErrors(state);
    this.summary.textContent = "";
    if (!problems.length) {
      this.summary.appendChild(el("p", { class: "k-formulir__lolos", text: "Isian lolos pemeriksaan. Berkas catatan Anda ada di bawah." }));
      this.showResult(state.kind, collected.record, collected.slug);
      return;
    }
    this.result.section.hidden = true;
    var list = el("ul", {});
    problems.forEach(function (problem) {
      var id = placeOf(collected.places, problem.path);
      var key = problem.path.filter(function (p) { return p !== "(slug)"; }).join(".") || "slug";
      var node = id && document.getElementById(id);
      if (node) self.markError(id, sentence(problem) + ".");
      var link = el("a", { href: "#" + (id || "") }, [self.labelOf(id) || key]);
      link.addEventListener("click", function (event) {
        if (!node) return;
        event.preventDefault();
        var target = node.tagName === "FIELDSET" ? node.querySelector("input, select, textarea") || node : node;
        target.focus();
      });
      list.appendChild(el("li", {}, [link, " [", el("code", { text: key }), "]: ", richText(sentence(problem))]));
    });
    this.summary.appendChild(el("h2", { text: "Ada " + problems.length + " isian yang perlu diperbaiki" }));
    this.summary.appendChild(list);
    this.summary.focus();
  };

  /** What names the record in an e-mail's subject. */
  Formulir.prototype.titleOf = function (kind, record) {
    var region = this.regions[record.wilayah || record.kode];
    if (kind === "replikasi") {
      var innovation = this.data.inovasi.filter(function (i) { return i.slug === record.inovasi; })[0];
      return (record.nama_lokal || (innovation ? innovation.nama : record.inovasi)) + (region ? " di " + region.nama : "");
    }
    return kind === "wilayah" ? (region ? region.nama : record.kode) : record.nama;
  };

  Formulir.prototype.showResult = function (kind, record, slug) {
    var self = this;
    var comments = {};
    ["wilayah", "penyelenggara", "kode"].forEach(function (key) {
      if (self.regions[record[key]]) comments[key] = self.regions[record[key]].nama;
    });
    (record.peserta || []).forEach(function (code, i) {
      if (self.regions[code]) comments["peserta/" + i] = self.regions[code].nama;
    });
    var firstLine = this.data.schema_comment.replace("{kind}", kind);
    var text = K.recordYaml(record, this.data.key_order[kind], firstLine, comments);
    this.result.show(kind, slug, text, this.titleOf(kind, record));
    this.result.title.focus();
  };

  function loadData() {
    var url = new URL(root.getAttribute("data-sumber"), document.baseURI);
    return fetch(url.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  }

  loadData().then(
    function (data) {
      root.textContent = "";
      new Formulir(root, data);
    },
    function () {
      root.textContent = "";
      root.appendChild(
        el("div", { class: "admonition failure", role: "alert" }, [
          el("p", { class: "admonition-title", text: "Data formulir tidak dapat dimuat" }),
          el("p", {}, [
            richText(
              "Formulir memerlukan berkas `assets/formulir-data.json` dari situs ini. Bila Anda " +
                "membuka situs langsung dari berkas (alamat diawali `file://`), buka lewat server " +
                "web, misalnya `python3 -m http.server -d site`, atau buat catatan dengan perintah " +
                "`python -m generator new inovasi`."
            ),
          ]),
        ])
      );
    }
  );
})();
