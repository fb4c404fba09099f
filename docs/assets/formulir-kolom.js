/*
 * The contribution form's fields (/kontribusi/formulir/): one form per record kind, one field
 * per key of the format, each built from its description in assets/formulir-data.json
 * (generator/editing/form_fields.py makes them from the schemas). Every field can `read`
 * itself into the record's value, saying where it sits so a problem is shown beside it.
 */
(function () {
  "use strict";

  var K = window.KatalogFormulir;
  var el = K.el;
  var richText = K.richText;
  var option = K.option;

  var KIND_NAMES = { inovasi: "Inovasi baru", replikasi: "Replikasi", kegiatan: "Kegiatan", wilayah: "Profil wilayah" };
  var NORMALISE = { date: K.normaliseDate, url: K.normaliseUrl };
  var PLACEHOLDERS = {
    date: "mis. 12/03/2023 atau 2023",
    url: "https://",
    year: "misalnya 2021",
  };

  function fieldId(kind, path) {
    return "f-" + kind + "-" + path.join("-");
  }

  function textValue(control) {
    return control.value.replace(/\r\n?/g, "\n").trim();
  }

  // A note shown when a field loses focus must not move what the pointer is pressing (the
  // "Tambah" button below it): while a button is held, the note waits until it is released.
  var pointerDown = false;
  var waiting = [];
  document.addEventListener("pointerdown", function () {
    pointerDown = true;
  }, true);
  document.addEventListener("pointerup", function () {
    pointerDown = false;
    var run = waiting.splice(0);
    setTimeout(function () {
      run.forEach(function (fn) { fn(); });
    }, 0);
  }, true);

  function afterPointer(fn) {
    if (pointerDown) waiting.push(fn);
    else fn();
  }

  function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function Formulir(container, data) {
    var self = this;
    this.data = data;
    this.container = container;
    this.regions = {};
    data.wilayah.forEach(function (r) {
      self.regions[r.kode] = r;
    });
    this.forms = {};
    this.build();
    this.preset(new URLSearchParams(window.location.search));
  }

  /** A region page's invitation names its region and maybe the kind of record
   * (`?wilayah=61.02&jenis=replikasi`): choose them, as if the editor had. */
  Formulir.prototype.preset = function (params) {
    var kind = params.get("jenis");
    if (kind && this.forms[kind]) {
      var radio = document.getElementById("k-jenis-" + kind);
      radio.checked = true;
      this.show(kind);
    }
    var code = params.get("wilayah");
    if (!code || !this.regions[code]) return;
    Object.keys(this.forms).forEach(function (k) {
      var select = this.forms[k].controls.wilayah;
      if (!select) return;
      select.value = code;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }, this);
  };

  Formulir.prototype.build = function () {
    var self = this;
    var chooser = el("fieldset", { class: "k-formulir__jenis" }, [el("legend", { text: "Jenis catatan" })]);
    Object.keys(KIND_NAMES).forEach(function (kind, i) {
      var id = "k-jenis-" + kind;
      var radio = el("input", { type: "radio", name: "k-jenis", id: id, value: kind, checked: i === 0 });
      radio.addEventListener("change", function () {
        self.show(kind);
      });
      chooser.appendChild(el("span", { class: "k-formulir__pilihan" }, [radio, el("label", { for: id, text: KIND_NAMES[kind] })]));
    });
    this.container.appendChild(chooser);
    this.summary = el("div", { id: "k-ringkasan-galat", class: "k-formulir__ringkasan", role: "alert", tabindex: "-1" });
    this.container.appendChild(this.summary);
    Object.keys(KIND_NAMES).forEach(function (kind, i) {
      var form = self.buildForm(kind);
      form.hidden = i !== 0;
      self.container.appendChild(form);
    });
    this.result = new K.Result(this.data);
    this.container.appendChild(this.result.section);
  };

  Formulir.prototype.show = function (kind) {
    var self = this;
    Object.keys(this.forms).forEach(function (k) {
      self.forms[k].element.hidden = k !== kind;
    });
    this.summary.textContent = "";
    this.result.section.hidden = true;
  };

  Formulir.prototype.buildForm = function (kind) {
    var self = this;
    var form = el("form", { class: "k-formulir__isian", novalidate: true, "aria-label": "Formulir " + KIND_NAMES[kind].toLowerCase(), id: "k-form-" + kind });
    var state = { kind: kind, element: form, controls: {}, marks: {}, parts: [] };
    this.forms[kind] = state;
    this.data.fields[kind].forEach(function (spec) {
      var part = self.field(state, [spec.key], spec);
      state.parts.push({ key: spec.key, part: part });
      form.appendChild(part.node);
    });
    form.appendChild(this.buildSlugField(state));
    form.appendChild(el("p", { class: "k-formulir__tombol" }, [
      el("button", { type: "submit", class: "md-button md-button--primary", text: "Periksa dan susun berkas" }),
    ]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submit(state);
    });
    if (kind === "inovasi") this.followOwner(state);
    return form;
  };

  /** A labelled field wrapper: label, help, the control, a change note, an error line. */
  Formulir.prototype.wrap = function (id, labelText, required, help, control, extras) {
    var helpId = id + "-bantuan";
    var errorId = id + "-galat";
    extras = (extras || []).filter(Boolean);
    var described = extras.filter(function (x) { return x.id && x.tagName === "P"; }).map(function (x) { return x.id; });
    control.setAttribute("id", id);
    control.setAttribute("aria-describedby", (help ? [helpId] : []).concat(described, [errorId]).join(" "));
    if (required) control.setAttribute("aria-required", "true");
    var mark = required ? el("span", { class: "k-wajib", text: " (wajib)" }) : null;
    var label = el("label", { for: id }, [labelText, mark]);
    var helpNode = help ? el("p", { class: "k-bantuan", id: helpId }, [richText(help)]) : null;
    var error = el("p", { class: "k-galat", id: errorId, hidden: true });
    var isCheckbox = control.getAttribute("type") === "checkbox";
    var node = el("div", { class: "k-field" + (isCheckbox ? " k-field--centang" : ""), "data-galat-untuk": id },
      isCheckbox ? [control, label, helpNode, error] : [label, helpNode].concat(extras.filter(function (x) {
        return x.tagName !== "P";
      }), [control], extras.filter(function (x) { return x.tagName === "P"; }), [error]));
    return { node: node, mark: mark };
  };

  /** One field of any widget, at `path` (`["sumber", 2, "url"]` for row 2's address). */
  Formulir.prototype.field = function (state, path, spec, labelText) {
    switch (spec.widget) {
      case "group":
      case "list":
        return this.repeat(state, path, spec);
      case "section":
        return this.section(state, path, spec);
      case "checkboxes":
        return this.checkboxes(state, path, spec);
      default:
        return this.scalar(state, path, spec, labelText || spec.label);
    }
  };

  Formulir.prototype.control = function (state, id, spec) {
    var self = this;
    var data = this.data;
    var blank = spec.required ? "— pilih —" : "— tidak diisi —";
    switch (spec.widget) {
      case "summary":
      case "markdown":
        return { control: el("textarea", { rows: spec.widget === "summary" ? "3" : "5" }) };
      case "choice":
        return { control: el("select", {}, (spec.default !== undefined ? [] : [option("", blank, true)]).concat(
          spec.options.map(function (o) { return option(o.value, o.label, o.value === spec.default); }))) };
      case "sector":
        return { control: el("select", {}, [option("", blank, true)].concat(
          data.bidang.map(function (b) { return option(b.kode, b.nama); }))) };
      case "innovation":
        return { control: el("select", {}, [option("", blank, true)].concat(data.inovasi.map(function (i) {
          var region = self.regions[i.wilayah];
          return option(i.slug, i.nama + " — " + (region ? region.nama : "") + " (" + i.slug + ")");
        }))) };
      case "event":
        return { control: el("select", {}, [option("", blank, true)].concat(data.kegiatan.map(function (e) {
          return option(e.slug, e.nama + " (" + e.slug + ")");
        }))) };
      case "region":
        var picker = new K.RegionPicker(data, id);
        return { control: picker.select, extras: [picker.node], picker: picker };
      case "checkbox":
        return { control: el("input", { type: "checkbox" }) };
      default:
        return { control: el("input", {
          type: spec.widget === "url" ? "url" : spec.input || "text",
          inputmode: spec.widget === "year" ? "numeric" : spec.widget === "url" ? "url" : null,
          autocomplete: "off",
          placeholder: PLACEHOLDERS[spec.widget] || null,
        }) };
    }
  };

  /** A field with one control; its `read` gives the value as the record stores it. */
  Formulir.prototype.scalar = function (state, path, spec, labelText) {
    var self = this;
    var id = fieldId(state.kind, path);
    var made = this.control(state, id, spec);
    var control = made.control;
    var extras = (made.extras || []).slice();
    var normalise = NORMALISE[spec.widget];
    var note = normalise ? el("p", { class: "k-diubah", id: id + "-diubah", hidden: true, "aria-live": "polite" }) : null;
    var counter = spec.widget === "summary" ? this.counter(id, control, spec.limit) : null;
    extras.push(note, counter);
    var wrapped = this.wrap(id, labelText, spec.required, spec.help, control, extras);
    var shown = "";
    if (normalise) {
      control.addEventListener("change", function () {
        var result = normalise(control.value);
        if (!result.problem && result.value !== control.value.trim()) control.value = result.value;
        afterPointer(function () {
          K.say(note, result.problem ? "" : result.note || "");
          // Only its own message is cleared here: a check's messages stay until the next one.
          var error = document.getElementById(id + "-galat");
          if (shown && !result.problem && error.textContent === shown) self.markError(id, "");
          shown = result.problem ? result.problem + "; " + result.hint + "." : "";
          if (shown && error.textContent.indexOf(result.problem) < 0) self.markError(id, shown);
        });
      });
    }
    if (path.length === 1) {
      state.controls[path[0]] = control;
      state.marks[path[0]] = wrapped.mark;
    }
    if (path.length === 1 && ["nama", "wilayah", "inovasi", "kode"].indexOf(path[0]) >= 0) {
      control.addEventListener(control.tagName === "SELECT" ? "change" : "input", function () {
        self.suggestSlug(state);
      });
    }
    return {
      node: wrapped.node,
      read: function (ctx, at) {
        ctx.places[at.join("/")] = id;
        if (spec.widget === "checkbox") return control.checked ? spec.checked_value : undefined;
        var value = textValue(control);
        if (!value) return undefined;
        if (normalise) {
          var result = normalise(value);
          if (result.problem) {
            ctx.issues.push({ path: at, keyword: "input", message: result.problem, hint: result.hint });
            return undefined;
          }
          value = result.value;
        }
        if (spec.widget === "year") return /^[0-9]+$/.test(value) ? parseInt(value, 10) : value;
        if (spec.widget === "tags") {
          var tags = value.split(",").map(function (t) { return t.trim(); }).filter(Boolean);
          return tags.length ? tags : undefined;
        }
        return spec.widget === "choice" && value === spec.default ? undefined : value;
      },
    };
  };

  Formulir.prototype.counter = function (id, control, limit) {
    var counter = el("p", { class: "k-hitungan", id: id + "-hitungan", text: "0/" + limit + " karakter" });
    control.addEventListener("input", function () {
      var count = K.length(control.value.trim());
      counter.textContent = count + "/" + limit + " karakter" + (count > limit ? ": terlalu panjang" : "");
      counter.classList.toggle("k-hitungan--lebih", count > limit);
    });
    return counter;
  };

  /** A fieldset with a legend, help and an error line, for fields made of several controls. */
  function groupBox(id, spec) {
    return el("fieldset", { class: "k-grup", id: id, "aria-describedby": id + "-bantuan " + id + "-galat", "data-galat-untuk": id }, [
      el("legend", {}, [spec.label, spec.required ? el("span", { class: "k-wajib", text: " (wajib)" }) : null]),
      spec.help ? el("p", { class: "k-bantuan", id: id + "-bantuan" }, [richText(spec.help)]) : null,
      el("p", { class: "k-galat", id: id + "-galat", hidden: true }),
    ]);
  }

  /** A mapping (`kontak`): its keys' fields under one legend. */
  Formulir.prototype.section = function (state, path, spec) {
    var self = this;
    var id = fieldId(state.kind, path);
    var box = groupBox(id, spec);
    var parts = spec.fields.map(function (sub) {
      var part = self.field(state, path.concat([sub.key]), sub);
      box.appendChild(part.node);
      return { key: sub.key, part: part };
    });
    return {
      node: box,
      read: function (ctx, at) {
        ctx.places[at.join("/")] = id;
        var value = {};
        parts.forEach(function (p) {
          var v = p.part.read(ctx, at.concat([p.key]));
          if (v !== undefined) value[p.key] = v;
        });
        return Object.keys(value).length ? value : undefined;
      },
    };
  };

  /** A list of numbers chosen by ticking (`sdgs`). */
  Formulir.prototype.checkboxes = function (state, path, spec) {
    var id = fieldId(state.kind, path);
    var box = groupBox(id, spec);
    var list = el("div", { class: "k-centang-banyak" });
    var boxes = spec.options.map(function (o) {
      var input = el("input", { type: "checkbox", id: id + "-" + o.value, value: String(o.value) });
      list.appendChild(el("span", { class: "k-formulir__pilihan" }, [input, el("label", { for: id + "-" + o.value, text: o.label })]));
      return { input: input, value: o.value };
    });
    box.appendChild(list);
    return {
      node: box,
      read: function (ctx, at) {
        ctx.places[at.join("/")] = id;
        var chosen = boxes.filter(function (b) { return b.input.checked; }).map(function (b) { return b.value; });
        return chosen.length ? chosen : undefined;
      },
    };
  };

  /** Rows added and removed freely: of several fields (`sumber`) or of one (`dasar_hukum`). */
  Formulir.prototype.repeat = function (state, path, spec) {
    var self = this;
    var id = fieldId(state.kind, path);
    var noun = spec.noun;
    var box = groupBox(id, spec);
    var rowsNode = el("div", { class: "k-baris-daftar" });
    var rows = [];
    var made = 0;
    var add = el("button", { type: "button", class: "md-button k-tambah", text: "Tambah " + noun });
    function renumber() {
      rows.forEach(function (row, i) {
        row.title.textContent = capital(noun) + " " + (i + 1);
        row.remove.textContent = "Hapus " + noun + " " + (i + 1);
      });
    }
    function addRow() {
      var rowPath = path.concat([++made]);
      var rowId = fieldId(state.kind, rowPath);
      var row = { id: rowId, title: el("legend", {}), parts: [] };
      row.box = el("fieldset", { class: "k-baris", id: rowId + "-baris", "data-galat-untuk": rowId + "-baris" }, [row.title]);
      if (spec.widget === "group") {
        row.box.id = rowId;
        row.box.setAttribute("data-galat-untuk", rowId);
        spec.fields.forEach(function (sub) {
          var part = self.field(state, rowPath.concat([sub.key]), sub);
          row.parts.push({ key: sub.key, part: part });
          row.box.appendChild(part.node);
        });
      } else {
        var item = Object.assign({ required: true }, spec.item, { help: "" });
        row.part = self.field(state, rowPath, item, capital(noun) + " " + made);
        row.box.appendChild(row.part.node);
      }
      row.remove = el("button", { type: "button", class: "md-button k-hapus" });
      row.remove.addEventListener("click", function () {
        rows.splice(rows.indexOf(row), 1);
        row.box.remove();
        renumber();
        add.focus();
      });
      row.box.appendChild(el("p", {}, [row.remove]));
      rows.push(row);
      rowsNode.appendChild(row.box);
      renumber();
      return row;
    }
    add.addEventListener("click", function () {
      var row = addRow();
      row.box.querySelector("input, select, textarea").focus();
    });
    box.appendChild(rowsNode);
    box.appendChild(el("p", {}, [add]));
    if (spec.required) addRow();
    return {
      node: box,
      read: function (ctx, at) {
        ctx.places[at.join("/")] = id;
        var items = [];
        rows.forEach(function (row) {
          var here = at.concat([items.length]);
          var value;
          if (row.part) {
            value = row.part.read(ctx, here);
          } else {
            ctx.places[here.join("/")] = row.id;
            value = {};
            row.parts.forEach(function (p) {
              var v = p.part.read(ctx, here.concat([p.key]));
              if (v !== undefined) value[p.key] = v;
            });
            if (!Object.keys(value).length) value = undefined;
          }
          if (value !== undefined) items.push(value);
        });
        return items.length ? items : undefined;
      },
    };
  };

  /** An innovation's required keys follow its owner and completeness: `(wajib)` shows it. */
  Formulir.prototype.followOwner = function (state) {
    var fields = this.data.fields.inovasi;
    var controls = state.controls;
    function update() {
      var complete = !controls.lengkap.checked;
      var regional = controls.jenis_pemilik.value === "pemda";
      fields.forEach(function (spec) {
        var needed = spec.key === "wilayah" ? regional : spec.when_complete ? complete || (spec.key === "instansi" && !regional) : null;
        if (needed === null || !state.marks[spec.key]) return;
        state.marks[spec.key].hidden = !needed;
        if (needed) controls[spec.key].setAttribute("aria-required", "true");
        else controls[spec.key].removeAttribute("aria-required");
      });
    }
    controls.lengkap.addEventListener("change", update);
    controls.jenis_pemilik.addEventListener("change", update);
  };

  K.Formulir = Formulir;
  K.fieldId = fieldId;
  K.textValue = textValue;
})();
