/*
 * The contribution form at /kontribusi/formulir/: an editor fills in an innovation or a
 * replication, the form checks it against the catalogue's own JSON Schemas (published at
 * build time in assets/formulir-data.json) and a few of the validator's rules, and writes the
 * record as YAML to download or to open in GitHub's "new file" page.
 *
 * Runs under `script-src 'self'`: no inline script, no eval, no innerHTML; every value an
 * editor types reaches the page as text only.
 */
(function () {
  "use strict";

  var MAX_SLUG = 80;
  var SUMMARY_LIMIT = 300;

  // --- text helpers -----------------------------------------------------------------------

  /** The one slug rule (generator/records/regions.py slugify): lowercase ASCII words and hyphens. */
  function slugify(text) {
    return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function clipSlug(text) {
    return text.slice(0, MAX_SLUG).replace(/-+$/, "");
  }

  /** Length in code points, as Python's len() and the JSON Schema count it. */
  function length(text) {
    return Array.from(text).length;
  }

  // --- YAML emitter: flat records only, every string double-quoted or a literal block -------

  var NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/gu;

  function quote(text) {
    return (
      '"' +
      String(text).replace(NEEDS_ESCAPE, function (ch) {
        if (ch === "\\") return "\\\\";
        if (ch === '"') return '\\"';
        if (ch === "\n") return "\\n";
        if (ch === "\t") return "\\t";
        return "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");
      }) +
      '"'
    );
  }

  /** A literal block (`|-`) for multi-line Markdown, when every character may stand in one. */
  function literalBlock(text, indent) {
    var inner = text.replace(/\n/g, "").replace(/\t/g, "");
    NEEDS_ESCAPE.lastIndex = 0;
    if (text.indexOf("\n") < 0 || /\r/.test(text) || NEEDS_ESCAPE.test(inner)) return null;
    NEEDS_ESCAPE.lastIndex = 0;
    var pad = " ".repeat(indent + 2);
    var header = /^[ \t]/.test(text) || /^\n/.test(text) ? "|2-" : "|-";
    var lines = text.split("\n").map(function (line) {
      return line === "" ? "" : pad + line;
    });
    return header + "\n" + lines.join("\n");
  }

  function scalar(value, indent, block) {
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (block) {
      var literal = literalBlock(value, indent);
      if (literal !== null) return literal;
    }
    return quote(value);
  }

  /**
   * The record as YAML text: the schema comment first, then keys in the format's order.
   * `comments` holds a trailing comment per top-level key (a region code's name).
   */
  function recordYaml(record, keyOrder, firstLine, comments) {
    var out = [firstLine];
    var keys = keyOrder.filter(function (k) {
      return k in record;
    });
    Object.keys(record).forEach(function (k) {
      if (keys.indexOf(k) < 0) keys.push(k);
    });
    keys.forEach(function (key) {
      var value = record[key];
      if (Array.isArray(value)) {
        out.push(key + ":");
        value.forEach(function (item) {
          if (item !== null && typeof item === "object") {
            Object.keys(item).forEach(function (sub, i) {
              out.push((i === 0 ? "  - " : "    ") + sub + ": " + scalar(item[sub], 4, false));
            });
          } else {
            out.push("  - " + scalar(item, 2, false));
          }
        });
        return;
      }
      var comment = comments && comments[key] ? "  # " + comments[key].replace(/[\r\n]/g, " ") : "";
      out.push(key + ": " + scalar(value, 0, true) + comment);
    });
    return out.join("\n") + "\n";
  }

  // --- JSON Schema check: the subset of Draft 2020-12 the record schemas use ----------------

  var SUPPORTED = [
    "$schema", "$defs", "$ref", "title", "description", "default", "x-pesan", "x-wajib-lengkap", "type", "enum",
    "required", "properties", "additionalProperties", "items", "minItems", "uniqueItems",
    "minLength", "maxLength", "pattern", "minimum", "maximum",
  ];

  function SchemaChecker(documents) {
    this.documents = documents;
  }

  SchemaChecker.prototype.resolve = function (ref, doc) {
    var parts = ref.split("#");
    var name = parts[0] || doc;
    var node = this.documents[name];
    if (!node) throw new Error("skema tidak dikenal: " + name);
    (parts[1] || "").split("/").filter(Boolean).forEach(function (part) {
      node = node[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    });
    return { schema: node, doc: name };
  };

  function typeOf(value) {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
    return typeof value;
  }

  function typeMatches(value, wanted) {
    var actual = typeOf(value);
    return actual === wanted || (wanted === "number" && actual === "integer");
  }

  function sameValue(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /** Every violation of `schema` by `value`: {path, keyword, rule, value, schema, parent}. */
  SchemaChecker.prototype.check = function (value, schema, doc, path, errors) {
    var self = this;
    function fail(keyword, extra) {
      errors.push(Object.assign({ path: path, keyword: keyword, value: value, schema: schema }, extra));
    }
    Object.keys(schema).forEach(function (keyword) {
      if (SUPPORTED.indexOf(keyword) < 0) throw new Error("kata kunci skema belum didukung: " + keyword);
    });
    if (schema.$ref) {
      var target = this.resolve(schema.$ref, doc);
      this.check(value, target.schema, target.doc, path, errors);
    }
    if (schema.enum && !schema.enum.some(function (v) { return sameValue(v, value); })) {
      fail("enum", { rule: schema.enum });
    }
    if (schema.type && !typeMatches(value, schema.type)) {
      fail("type", { rule: schema.type });
      return errors;
    }
    if (typeof value === "string") {
      if (schema.minLength !== undefined && length(value) < schema.minLength) fail("minLength", { rule: schema.minLength });
      if (schema.maxLength !== undefined && length(value) > schema.maxLength) fail("maxLength", { rule: schema.maxLength });
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) fail("pattern", { rule: schema.pattern });
    }
    if (typeof value === "number") {
      if (schema.minimum !== undefined && value < schema.minimum) fail("minimum", { rule: schema.minimum });
      if (schema.maximum !== undefined && value > schema.maximum) fail("maximum", { rule: schema.maximum });
    }
    if (Array.isArray(value)) {
      if (schema.minItems !== undefined && value.length < schema.minItems) fail("minItems", { rule: schema.minItems });
      if (schema.uniqueItems) {
        var seen = value.map(function (v) { return JSON.stringify(v); });
        if (seen.some(function (v, i) { return seen.indexOf(v) !== i; })) fail("uniqueItems", { rule: true });
      }
      if (schema.items) {
        value.forEach(function (item, i) {
          self.check(item, schema.items, doc, path.concat([i]), errors);
        });
      }
    }
    if (typeOf(value) === "object") {
      var properties = schema.properties || {};
      (schema.required || []).forEach(function (key) {
        if (!(key in value)) {
          errors.push({ path: path.concat([key]), keyword: "required", value: undefined, schema: properties[key] || {}, doc: doc });
        }
      });
      Object.keys(value).forEach(function (key) {
        if (key in properties) {
          self.check(value[key], properties[key], doc, path.concat([key]), errors);
        } else if (schema.additionalProperties === false) {
          errors.push({ path: path.concat([key]), keyword: "additionalProperties", value: value[key], schema: {} });
        }
      });
    }
    return errors;
  };

  // --- messages: the Python validator's wording (generator/records/schema.py _translate) ----------

  var TYPE_NAMES = {
    string: "teks",
    integer: "bilangan bulat",
    boolean: "`true` atau `false`",
    array: "daftar",
    object: "pemetaan",
  };

  function describe(value) {
    if (value === null || value === undefined) return "kosong";
    if (typeof value === "boolean") return "`" + value + "`";
    if (typeof value === "number") return "bilangan `" + value + "`";
    if (typeof value === "string") {
      var shown = length(value) <= 40 ? value : Array.from(value).slice(0, 37).join("") + "...";
      return "teks `" + shown + "`";
    }
    return Array.isArray(value) ? "daftar" : "pemetaan";
  }

  function schemaDescription(checker, node, doc) {
    var seen = 0;
    while (node && !node.description && node.$ref && seen++ < 5) {
      var target = checker.resolve(node.$ref, doc);
      node = target.schema;
      doc = target.doc;
    }
    return (node && node.description) || "";
  }

  /** One error as {message, hint}, in Indonesian, saying what is wrong and what to do. */
  function translate(error) {
    var rule = error.rule;
    var value = error.value;
    switch (error.keyword) {
      case "required":
        return { message: "wajib diisi", hint: "isi bagian ini" };
      case "type":
        if (rule === "integer" && typeof value === "string") {
          return {
            message: "harus berupa bilangan bulat, bukan " + describe(value),
            hint: "tulis angka saja, misalnya `2021`",
          };
        }
        return { message: "harus berupa " + (TYPE_NAMES[rule] || rule) + ", bukan " + describe(value), hint: "" };
      case "enum":
        return {
          message: describe(value) + " bukan nilai yang diizinkan; pilih salah satu: " +
            rule.map(function (v) { return "`" + v + "`"; }).join(", "),
          hint: "",
        };
      case "pattern":
        return { message: describe(value) + " " + (error.schema["x-pesan"] || "tidak sesuai pola " + rule), hint: "" };
      case "maxLength":
        return { message: "terlalu panjang: " + length(value) + " karakter (batas " + rule + ")", hint: "persingkat teksnya" };
      case "minLength":
        return { message: "tidak boleh kosong", hint: "" };
      case "minItems":
        return { message: "harus berisi paling sedikit " + rule + " butir", hint: "" };
      case "minimum":
      case "maximum":
        return {
          message: describe(value) + " di luar rentang " + error.schema.minimum + "–" + error.schema.maximum,
          hint: "",
        };
      case "uniqueItems":
        return { message: "ada butir yang sama lebih dari sekali", hint: "hapus butir yang berulang" };
      case "additionalProperties":
        return { message: "kunci `" + error.path[error.path.length - 1] + "` tidak dikenal", hint: "" };
      default:
        return { message: error.message || error.keyword, hint: error.hint || "" };
    }
  }

  // --- the validator's rules that a schema cannot express (generator/records/rules.py) -------------

  var STAGES = ["komitmen", "pendampingan", "rencana-aksi", "uji-coba", "implementasi", "evaluasi"];

  function parseDate(text) {
    var m = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$/.exec(text || "");
    if (!m) return null;
    var year = +m[1];
    var month = m[2] ? +m[2] : 1;
    var day = m[3] ? +m[3] : 1;
    var first = new Date(Date.UTC(year, month - 1, day));
    var valid = month >= 1 && month <= 12 && first.getUTCDate() === day && first.getUTCMonth() === month - 1;
    return { valid: valid, first: first, text: text };
  }

  function today() {
    var now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  function ruleErrors(kind, record, data, slug) {
    var errors = [];
    function report(path, message, hint) {
      errors.push({ path: path, keyword: "rule", message: message, hint: hint || "" });
    }
    function date(path, text) {
      var parsed = parseDate(text);
      if (!parsed) return null;
      if (!parsed.valid) {
        report(path, "`" + text + "` bukan tanggal yang ada di kalender");
        return null;
      }
      if (parsed.first > today()) {
        report(path, "tanggal `" + text + "` ada di masa depan", "catat hanya yang sudah terjadi; rencana ditulis di uraian");
      }
      return parsed;
    }
    (record.sumber || []).forEach(function (source, i) {
      if (source.tanggal) date(["sumber", i, "tanggal"], source.tanggal);
    });
    if (kind === "inovasi") {
      // generator/records/rules.py `owner` and the complete record's keys (`x-wajib-lengkap`).
      var regional = (record.jenis_pemilik || "pemda") === "pemda";
      if (regional && !record.wilayah) {
        report(["wilayah"], "kunci wajib `wilayah` tidak ada",
          "isi wilayah pemilik; pemilik selain pemerintah daerah ditulis dengan jenis pemilik dan instansi");
      } else if (!regional && !record.instansi) {
        report(["instansi"], "kunci wajib `instansi` tidak ada", "untuk pemilik selain pemda, tulis nama lembaganya");
      }
      if (record.lengkap !== false) {
        (data.schemas["inovasi.schema.json"]["x-wajib-lengkap"] || []).forEach(function (key) {
          if (record[key] === undefined && !(key === "instansi" && !regional)) {
            report([key], "kunci wajib `" + key + "` tidak ada",
              "isi bagian ini; bila sumber belum menyebutnya, tandai catatan sebagai belum lengkap");
          }
        });
      }
    }
    if (!record.sumber) {
      report(["sumber"], "catatan di katalog resmi wajib punya `sumber`",
        "isi judul dan alamat paling sedikit satu halaman sumber");
    }
    if (!slug) {
      report(["(slug)"], "wajib diisi", "isi nama (dan wilayah) agar slug dibentuk otomatis, atau tulis sendiri");
    } else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > MAX_SLUG) {
      report(["(slug)"], "`" + slug + "` bukan slug yang sah",
        "pakai huruf kecil a-z, angka dan tanda hubung, paling panjang " + MAX_SLUG + " karakter");
    } else if (data[kind].some(function (r) { return r.slug === slug; })) {
      report(["(slug)"], "slug `" + slug + "` sudah dipakai oleh " + kind + "/" + slug + ".yml", "pilih slug lain");
    }
    if (kind === "inovasi") {
      if (typeof record.tahun === "number" && record.tahun > new Date().getFullYear()) {
        report(["tahun"], "tahun " + record.tahun + " ada di masa depan");
      }
      return errors;
    }
    var innovation = data.inovasi.filter(function (i) { return i.slug === record.inovasi; })[0];
    if (innovation && record.wilayah === innovation.wilayah) {
      report(["wilayah"], "wilayah " + record.wilayah + " adalah pemilik inovasi `" + innovation.slug +
        "`; wilayah tidak mereplikasi inovasinya sendiri", "isi `wilayah` dengan kode wilayah yang mereplikasi");
    }
    var twin = data.replikasi.filter(function (r) {
      return r.inovasi === record.inovasi && r.wilayah === record.wilayah;
    })[0];
    if (twin) {
      report(["wilayah"], "wilayah " + record.wilayah + " sudah mereplikasi `" + record.inovasi + "` di replikasi/" +
        twin.slug + ".yml", "satu wilayah mereplikasi satu inovasi sekali; tambahkan tahapannya di berkas itu");
    }
    var previous = null;
    (record.tahapan || []).forEach(function (stage, i) {
      var when = date(["tahapan", i, "tanggal"], stage.tanggal);
      var rank = STAGES.indexOf(stage.tahap);
      if (previous && previous.tahap === "dibatalkan") {
        report(["tahapan", i, "tahap"], "tidak ada tahap sesudah `dibatalkan`");
      } else if (previous && rank >= 0 && previous.rank >= 0 && rank < previous.rank) {
        report(["tahapan", i, "tahap"], "tahap `" + stage.tahap + "` tidak boleh sesudah `" + previous.tahap + "`",
          "urutan tahap: " + STAGES.join(", ") + "; atau dibatalkan");
      } else if (previous && when && previous.when && when.first < previous.when.first) {
        report(["tahapan", i, "tanggal"], "tanggal mundur: `" + stage.tanggal + "` lebih awal dari tahap sebelumnya `" +
          previous.tahap + "` (" + previous.when.text + ")", "tahap dicatat berurutan; periksa tanggalnya");
      }
      previous = { tahap: stage.tahap, rank: rank, when: when };
    });
    if (innovation) {
      (record.tahapan || []).forEach(function (stage, i) {
        var parsed = parseDate(stage.tanggal);
        if (parsed && parsed.valid && +stage.tanggal.slice(0, 4) < innovation.tahun) {
          report(["tahapan", i, "tanggal"], "tanggal `" + stage.tanggal + "` lebih awal dari tahun inovasinya dimulai (" +
            innovation.tahun + ")");
        }
      });
    }
    return errors;
  }

  /** Every problem of a record: the schema's, then the rules'. */
  function problemsOf(kind, record, data, slug) {
    var checker = new SchemaChecker(data.schemas);
    var file = kind + ".schema.json";
    var errors = checker.check(record, data.schemas[file], file, [], []);
    errors.forEach(function (error) {
      var words = translate(error);
      error.message = words.message;
      error.hint = words.hint;
      if (error.keyword === "required") error.hint = "isi bagian ini";
    });
    return errors.concat(ruleErrors(kind, record, data, slug));
  }

  // Exposed for the tests and for anyone checking a record by hand in the console.
  window.KatalogFormulir = {
    slugify: slugify,
    recordYaml: recordYaml,
    quote: quote,
    problemsOf: problemsOf,
    SchemaChecker: SchemaChecker,
  };

  // --- the page ---------------------------------------------------------------------------

  var root = document.getElementById("k-formulir");
  if (!root) return;

  /** An element with attributes and children; text children become text nodes. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      if (name === "text") node.textContent = value;
      else if (name === "hidden") node.hidden = Boolean(value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /** Text with `code` spans, as DOM nodes (never parsed as HTML). */
  function richText(text) {
    var fragment = document.createDocumentFragment();
    String(text).split("`").forEach(function (part, i) {
      if (part === "") return;
      fragment.appendChild(i % 2 ? el("code", { text: part }) : document.createTextNode(part));
    });
    return fragment;
  }

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

  // Labels of the form's controls; the help under each comes from the schema's description.
  var FIELDS = {
    inovasi: [
      { key: "nama", label: "Nama inovasi", widget: "text" },
      { key: "kepanjangan", label: "Kepanjangan nama", widget: "text" },
      { key: "wilayah", label: "Wilayah pemilik", widget: "region" },
      { key: "instansi", label: "Instansi (perangkat daerah)", widget: "text" },
      { key: "tahun", label: "Tahun mulai diterapkan", widget: "year" },
      { key: "tahun_pasti", label: "Sumber hanya menunjukkan inovasi sudah berjalan pada tahun itu (tahun mulai belum pasti)", widget: "uncertain" },
      { key: "bidang", label: "Bidang", widget: "sector" },
      { key: "jenis", label: "Jenis", widget: "enum" },
      { key: "tahap", label: "Tahap kematangan", widget: "enum" },
      { key: "status", label: "Status", widget: "enum" },
      { key: "ringkasan", label: "Ringkasan", widget: "summary" },
      { key: "masalah", label: "Masalah yang dijawab", widget: "markdown" },
      { key: "solusi", label: "Cara kerja (solusi)", widget: "markdown" },
      { key: "hasil", label: "Hasil dan dampak", widget: "markdown" },
      { key: "tag", label: "Kata kunci (pisahkan dengan koma)", widget: "tags" },
      { key: "sumber", label: "Sumber", widget: "sources" },
    ],
    replikasi: [
      { key: "inovasi", label: "Inovasi yang direplikasi", widget: "innovation" },
      { key: "wilayah", label: "Wilayah yang mereplikasi", widget: "region" },
      { key: "instansi", label: "Instansi yang mereplikasi", widget: "text" },
      { key: "nama_lokal", label: "Nama di wilayah ini (bila berbeda)", widget: "text" },
      { key: "tahapan", label: "Tahapan", widget: "stages" },
      { key: "modifikasi", label: "Penyesuaian dengan kondisi setempat", widget: "markdown" },
      { key: "hasil", label: "Hasil di wilayah ini", widget: "markdown" },
      { key: "sumber", label: "Sumber", widget: "sources" },
    ],
  };

  var KIND_NAMES = { inovasi: "Inovasi baru", replikasi: "Replikasi" };

  function Formulir(container, data) {
    this.data = data;
    this.container = container;
    this.checker = new SchemaChecker(data.schemas);
    this.regions = {};
    var self = this;
    data.wilayah.forEach(function (r) {
      self.regions[r.kode] = r;
    });
    this.forms = {};
    this.build();
    this.presetRegion(new URLSearchParams(window.location.search).get("wilayah"));
  }

  /** A region page's "add an innovation" link names its region (?wilayah=61.02): choose it. */
  Formulir.prototype.presetRegion = function (code) {
    if (!code || !this.regions[code]) return;
    Object.keys(this.forms).forEach(function (kind) {
      var select = this.forms[kind].controls.wilayah;
      if (!select) return;
      select.value = code;
      select.dispatchEvent(new Event("change"));
    }, this);
  };

  Formulir.prototype.build = function () {
    var self = this;
    var chooser = el("fieldset", { class: "k-formulir__jenis" }, [el("legend", { text: "Jenis catatan" })]);
    Object.keys(FIELDS).forEach(function (kind, i) {
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
    Object.keys(FIELDS).forEach(function (kind, i) {
      var form = self.buildForm(kind);
      form.hidden = i !== 0;
      self.container.appendChild(form);
    });
    this.output = this.buildOutput();
    this.container.appendChild(this.output);
    this.kind = "inovasi";
  };

  Formulir.prototype.show = function (kind) {
    var self = this;
    this.kind = kind;
    Object.keys(this.forms).forEach(function (k) {
      self.forms[k].element.hidden = k !== kind;
    });
    this.summary.textContent = "";
    this.output.hidden = true;
  };

  Formulir.prototype.schemaFor = function (kind, key) {
    var file = kind + ".schema.json";
    var node = this.data.schemas[file].properties[key] || {};
    var doc = file;
    var description = node.description;
    while (node.$ref) {
      var target = this.checker.resolve(node.$ref, doc);
      node = target.schema;
      doc = target.doc;
      description = description || node.description;
    }
    return { node: node, description: description || "", doc: doc };
  };

  Formulir.prototype.isRequired = function (kind, key) {
    var schema = this.data.schemas[kind + ".schema.json"];
    // A complete record (the form's default) needs `x-wajib-lengkap` too; so does a regional
    // government's `wilayah`.
    return key === "sumber" || (kind === "inovasi" && key === "wilayah") ||
      (schema.required || []).concat(schema["x-wajib-lengkap"] || []).indexOf(key) >= 0;
  };

  Formulir.prototype.buildForm = function (kind) {
    var self = this;
    var form = el("form", { class: "k-formulir__isian", novalidate: true, "aria-label": "Formulir " + KIND_NAMES[kind].toLowerCase(), id: "k-form-" + kind });
    var state = { kind: kind, element: form, controls: {}, groups: {} };
    this.forms[kind] = state;
    FIELDS[kind].forEach(function (field) {
      form.appendChild(self.buildField(state, field));
    });
    form.appendChild(this.buildSlugField(state));
    form.appendChild(
      el("p", { class: "k-formulir__tombol" }, [
        el("button", { type: "submit", class: "md-button md-button--primary", text: "Periksa dan susun YAML" }),
      ])
    );
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submit(state);
    });
    return form;
  };

  function fieldId(kind, path) {
    return "f-" + kind + "-" + path.join("-");
  }

  /** A labelled field wrapper: label, help, the control, an error line; all tied by ids. */
  Formulir.prototype.wrap = function (id, labelText, required, help, control, extra) {
    var helpId = id + "-bantuan";
    var errorId = id + "-galat";
    var describedBy = [help ? helpId : null].concat(extra ? [extra.id] : []).concat([errorId]).filter(Boolean);
    control.setAttribute("id", id);
    control.setAttribute("aria-describedby", describedBy.join(" "));
    if (required) control.setAttribute("aria-required", "true");
    var label = el("label", { for: id }, [labelText, required ? el("span", { class: "k-wajib", text: " (wajib)" }) : null]);
    var isCheckbox = control.getAttribute("type") === "checkbox";
    return el("div", { class: "k-field" + (isCheckbox ? " k-field--centang" : ""), "data-galat-untuk": id }, isCheckbox
      ? [control, label, help ? el("p", { class: "k-bantuan", id: helpId }, [richText(help)]) : null, el("p", { class: "k-galat", id: errorId, hidden: true })]
      : [label, help ? el("p", { class: "k-bantuan", id: helpId }, [richText(help)]) : null, control, extra || null, el("p", { class: "k-galat", id: errorId, hidden: true })]);
  };

  function option(value, text, selected) {
    return el("option", { value: value, text: text, selected: selected || false });
  }

  Formulir.prototype.regionSelect = function () {
    var data = this.data;
    var select = el("select", {}, [option("", "— pilih wilayah —", true)]);
    var groups = {};
    var order = [];
    data.wilayah.forEach(function (r) {
      if (!groups[r.provinsi]) {
        groups[r.provinsi] = el("optgroup", { label: r.provinsi });
        order.push({ name: r.provinsi, code: r.kode });
      }
      groups[r.provinsi].appendChild(option(r.kode, r.kode + " " + r.nama));
    });
    var home = data.provinsi_utama || [];
    order.sort(function (a, b) {
      var ah = home.indexOf(a.code) >= 0 ? 0 : 1;
      var bh = home.indexOf(b.code) >= 0 ? 0 : 1;
      return ah - bh || (a.code < b.code ? -1 : 1);
    });
    order.forEach(function (g) {
      select.appendChild(groups[g.name]);
    });
    return select;
  };

  Formulir.prototype.buildField = function (state, field) {
    var self = this;
    var kind = state.kind;
    var key = field.key;
    var info = this.schemaFor(kind, key);
    var required = this.isRequired(kind, key);
    var id = fieldId(kind, [key]);
    var control;
    var extra = null;
    var labels = this.data.labels;
    switch (field.widget) {
      case "region":
        control = this.regionSelect();
        break;
      case "sector":
        control = el("select", {}, [option("", "— pilih bidang —", true)].concat(
          this.data.bidang.map(function (b) { return option(b.kode, b.nama); })));
        break;
      case "innovation":
        control = el("select", {}, [option("", "— pilih inovasi —", true)].concat(
          this.data.inovasi.map(function (i) {
            var region = self.regions[i.wilayah];
            return option(i.slug, i.nama + " — " + (region ? region.nama : i.wilayah) + " (" + i.slug + ")");
          })));
        break;
      case "enum":
        var names = labels[key] || {};
        var defaultValue = info.node.default || (this.data.schemas[kind + ".schema.json"].properties[key] || {}).default;
        control = el("select", {}, (defaultValue ? [] : [option("", "— pilih —", true)]).concat(
          info.node.enum.map(function (v) { return option(v, names[v] || v, v === defaultValue); })));
        break;
      case "year":
        control = el("input", { type: "text", inputmode: "numeric", autocomplete: "off", size: "6", placeholder: "misalnya 2021" });
        break;
      case "uncertain":
        control = el("input", { type: "checkbox" });
        return this.register(state, key, control, this.wrap(id, field.label, false, info.description, control));
      case "summary":
        control = el("textarea", { rows: "3" });
        extra = el("p", { class: "k-hitungan", id: id + "-hitungan", text: "0/" + SUMMARY_LIMIT + " karakter" });
        control.addEventListener("input", function () {
          var count = length(control.value.trim());
          extra.textContent = count + "/" + SUMMARY_LIMIT + " karakter" + (count > SUMMARY_LIMIT ? ": terlalu panjang" : "");
          extra.classList.toggle("k-hitungan--lebih", count > SUMMARY_LIMIT);
        });
        break;
      case "markdown":
        control = el("textarea", { rows: "5" });
        break;
      case "tags":
        control = el("input", { type: "text", autocomplete: "off" });
        break;
      case "sources":
        return this.buildRepeat(state, field, required, info.description, ["judul", "url", "tanggal"], "sumber");
      case "stages":
        return this.buildRepeat(state, field, required, info.description, ["tahap", "tanggal", "catatan"], "tahap");
      default:
        control = el("input", { type: "text", autocomplete: "off" });
    }
    if (key === "nama" || key === "wilayah" || key === "inovasi") {
      control.addEventListener(control.tagName === "SELECT" ? "change" : "input", function () {
        self.suggestSlug(state);
      });
    }
    return this.register(state, key, control, this.wrap(id, field.label, required, info.description, control, extra));
  };

  Formulir.prototype.register = function (state, key, control, wrapper) {
    state.controls[key] = control;
    return wrapper;
  };

  var ROW_FIELDS = {
    judul: { label: "Judul halaman", widget: "text" },
    url: { label: "Alamat (URL)", widget: "url" },
    tanggal: { label: "Tanggal terbit", widget: "date" },
    tahap: { label: "Tahap", widget: "stage" },
    catatan: { label: "Keterangan", widget: "text" },
  };

  /** A repeatable group (sources, stages): rows of small fields, added and removed freely. */
  Formulir.prototype.buildRepeat = function (state, field, required, description, keys, noun) {
    var self = this;
    var kind = state.kind;
    var id = fieldId(kind, [field.key]);
    var rows = el("div", { class: "k-baris-daftar" });
    var legend = el("legend", {}, [field.label, required ? el("span", { class: "k-wajib", text: " (wajib)" }) : null]);
    var group = el("fieldset", { class: "k-grup", id: id, "aria-describedby": id + "-bantuan " + id + "-galat", "data-galat-untuk": id }, [
      legend,
      el("p", { class: "k-bantuan", id: id + "-bantuan" }, [richText(description)]),
      el("p", { class: "k-galat", id: id + "-galat", hidden: true }),
      rows,
    ]);
    var itemSchema = this.schemaFor(kind, field.key).node.items;
    itemSchema = itemSchema.$ref ? this.checker.resolve(itemSchema.$ref, kind + ".schema.json").schema : itemSchema;
    state.groups[field.key] = [];
    var made = 0;
    function addRow() {
      var rowId = fieldId(kind, [field.key, ++made]);
      var row = { id: rowId, controls: {} };
      var title = el("legend", {});
      var box = el("fieldset", { class: "k-baris", id: rowId, "data-galat-untuk": rowId }, [title]);
      keys.forEach(function (key) {
        var spec = ROW_FIELDS[key];
        var prop = itemSchema.properties[key] || {};
        var help = prop.description || "";
        var control;
        if (spec.widget === "stage") {
          var names = self.data.labels.tahapan || {};
          control = el("select", {}, [option("", "— pilih tahap —", true)].concat(
            prop.enum.map(function (v) { return option(v, names[v] || v); })));
        } else {
          control = el("input", {
            type: spec.widget === "url" ? "url" : "text",
            autocomplete: "off",
            placeholder: spec.widget === "date" ? "YYYY-MM-DD, YYYY-MM, atau YYYY" : spec.widget === "url" ? "https://" : null,
            inputmode: spec.widget === "url" ? "url" : null,
          });
        }
        var needed = (itemSchema.required || []).indexOf(key) >= 0;
        row.controls[key] = control;
        box.appendChild(self.wrap(rowId + "-" + key, spec.label, needed, help, control));
      });
      var remove = el("button", { type: "button", class: "md-button k-hapus" });
      remove.addEventListener("click", function () {
        var list = state.groups[field.key];
        list.splice(list.indexOf(row), 1);
        box.remove();
        renumber();
        add.focus();
      });
      box.appendChild(el("p", {}, [remove]));
      row.title = title;
      row.remove = remove;
      row.box = box;
      state.groups[field.key].push(row);
      rows.appendChild(box);
      renumber();
      return row;
    }
    function renumber() {
      state.groups[field.key].forEach(function (row, i) {
        var name = noun.charAt(0).toUpperCase() + noun.slice(1) + " " + (i + 1);
        row.title.textContent = name;
        row.remove.textContent = "Hapus " + noun + " " + (i + 1);
      });
    }
    var add = el("button", { type: "button", class: "md-button k-tambah", text: "Tambah " + noun });
    add.addEventListener("click", function () {
      var row = addRow();
      row.controls[keys[0]].focus();
    });
    group.appendChild(el("p", {}, [add]));
    addRow();
    return group;
  };

  Formulir.prototype.buildSlugField = function (state) {
    var self = this;
    var kind = state.kind;
    var id = fieldId(kind, ["(slug)"]).replace(/[()]/g, "");
    var control = el("input", { type: "text", autocomplete: "off", spellcheck: "false" });
    control.addEventListener("input", function () {
      control.setAttribute("data-diubah", control.value ? "ya" : "");
    });
    state.controls["(slug)"] = control;
    state.slugId = id;
    var help = kind === "inovasi"
      ? "Nama berkas tanpa `.yml`, juga alamat halamannya (`/inovasi/<slug>/`). Dibentuk dari nama inovasi dan wilayahnya; boleh diubah: huruf kecil a-z, angka, dan tanda hubung."
      : "Nama berkas tanpa `.yml`, juga alamat halamannya (`/replikasi/<slug>/`). Dibentuk dari slug inovasi dan wilayah yang mereplikasi; boleh diubah: huruf kecil a-z, angka, dan tanda hubung.";
    var wrapper = this.wrap(id, "Slug (nama berkas)", true, help, control);
    wrapper.addEventListener("focusout", function () {
      if (!control.value) self.suggestSlug(state);
    });
    return wrapper;
  };

  /** The slug by the `new` command's rule, unless the editor typed their own. */
  Formulir.prototype.suggestSlug = function (state) {
    var control = state.controls["(slug)"];
    if (control.getAttribute("data-diubah") === "ya") return;
    var region = this.regions[state.controls.wilayah.value];
    var place = region ? region.slug : "";
    var text;
    if (state.kind === "inovasi") {
      var name = slugify(state.controls.nama.value);
      text = !place || !name || name.slice(-place.length) === place ? name : name + "-" + place;
    } else {
      var innovation = state.controls.inovasi.value;
      text = innovation && place ? innovation + "-di-" + place : innovation;
    }
    control.value = clipSlug(text || "");
  };

  function textValue(control) {
    return control.value.replace(/\r\n?/g, "\n").trim();
  }

  /** The record the form describes, and where each of its paths sits in the form. */
  Formulir.prototype.collect = function (state) {
    var record = {};
    var places = {};
    FIELDS[state.kind].forEach(function (field) {
      var key = field.key;
      places[key] = fieldId(state.kind, [key]);
      if (field.widget === "sources" || field.widget === "stages") {
        var items = [];
        state.groups[key].forEach(function (row) {
          var item = {};
          Object.keys(row.controls).forEach(function (sub) {
            var value = textValue(row.controls[sub]);
            if (value) item[sub] = value;
          });
          if (Object.keys(item).length) {
            var index = items.length;
            places[key + "/" + index] = row.id;
            Object.keys(row.controls).forEach(function (sub) {
              places[key + "/" + index + "/" + sub] = row.id + "-" + sub;
            });
            items.push(item);
          }
        });
        if (items.length) record[key] = items;
        return;
      }
      var control = state.controls[key];
      if (field.widget === "uncertain") {
        if (control.checked) record[key] = false;
        return;
      }
      var value = textValue(control);
      if (!value) return;
      if (field.widget === "year") {
        record[key] = /^[0-9]+$/.test(value) ? parseInt(value, 10) : value;
      } else if (field.widget === "tags") {
        var tags = value.split(",").map(function (t) { return t.trim(); }).filter(Boolean);
        if (tags.length) record[key] = tags;
      } else {
        record[key] = value;
      }
    });
    places["(slug)"] = state.slugId;
    return { record: record, places: places, slug: textValue(state.controls["(slug)"]) };
  };

  function placeOf(places, path) {
    for (var n = path.length; n > 0; n--) {
      var id = places[path.slice(0, n).join("/")];
      if (id) return id;
    }
    return null;
  }

  Formulir.prototype.clearErrors = function (state) {
    state.element.querySelectorAll(".k-galat").forEach(function (p) {
      p.textContent = "";
      p.hidden = true;
    });
    state.element.querySelectorAll("[aria-invalid]").forEach(function (c) {
      c.removeAttribute("aria-invalid");
    });
    state.element.querySelectorAll(".k-field--galat, .k-grup--galat").forEach(function (w) {
      w.classList.remove("k-field--galat", "k-grup--galat");
    });
  };

  function sentence(problem) {
    return problem.message + (problem.hint ? "; " + problem.hint : "");
  }

  Formulir.prototype.labelOf = function (id) {
    var node = document.getElementById(id);
    if (!node) return "";
    if (node.tagName === "FIELDSET") return node.querySelector("legend").textContent.replace(" (wajib)", "");
    var label = this.container.querySelector('label[for="' + id + '"]');
    var text = label ? label.textContent.replace(" (wajib)", "") : "";
    var row = node.closest(".k-baris");
    return row ? row.querySelector("legend").textContent + ", " + text.toLowerCase() : text;
  };

  Formulir.prototype.submit = function (state) {
    var self = this;
    var collected = this.collect(state);
    var problems = problemsOf(state.kind, collected.record, this.data, collected.slug);
    this.clearErrors(state);
    this.summary.textContent = "";
    if (problems.length) {
      this.output.hidden = true;
      var list = el("ul", {});
      var firstControl = null;
      problems.forEach(function (problem) {
        var id = placeOf(collected.places, problem.path);
        var key = problem.path.filter(function (p) { return p !== "(slug)"; }).join(".") || "slug";
        var node = id && document.getElementById(id);
        if (node) {
          var wrapper = node.closest("[data-galat-untuk]");
          var error = document.getElementById(id + "-galat");
          if (error) {
            if (error.textContent) error.appendChild(document.createTextNode(" "));
            error.appendChild(richText(sentence(problem) + "."));
            error.hidden = false;
          }
          node.setAttribute("aria-invalid", "true");
          if (wrapper) wrapper.classList.add(node.tagName === "FIELDSET" ? "k-grup--galat" : "k-field--galat");
          firstControl = firstControl || node;
        }
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
      return;
    }
    this.showOutput(state.kind, collected.record, collected.slug);
    this.summary.appendChild(el("p", { class: "k-formulir__lolos", text: "Isian lolos pemeriksaan. Berkas YAML siap diunduh di bawah." }));
  };

  Formulir.prototype.buildOutput = function () {
    var section = el("section", { class: "k-formulir__hasil", "aria-labelledby": "k-hasil-judul", hidden: true });
    this.outputTitle = el("h2", { id: "k-hasil-judul", text: "Berkas YAML", tabindex: "-1" });
    this.outputPath = el("p", {});
    this.yaml = el("pre", { id: "k-yaml", class: "k-yaml", tabindex: "0", "aria-label": "Isi berkas YAML" });
    this.download = el("a", { class: "md-button md-button--primary", id: "k-unduh", text: "Unduh berkas" });
    this.github = el("a", { class: "md-button", id: "k-github", text: "Buka di GitHub" });
    this.noGithub = el("p", { id: "k-github-belum", class: "k-bantuan" }, [
      richText(
        "Tombol “Buka di GitHub” belum tersedia: pengelola katalog belum mengisi alamat " +
          "repositori (`repositori` di `catalogue/katalog.yml`). Unduh berkasnya, lalu kirimkan " +
          "lewat issue atau surel seperti dijelaskan di panduan kontribusi."
      ),
    ]);
    section.appendChild(this.outputTitle);
    section.appendChild(this.outputPath);
    section.appendChild(this.yaml);
    section.appendChild(el("p", { class: "k-formulir__tombol" }, [this.download, " ", this.github]));
    section.appendChild(this.noGithub);
    return section;
  };

  Formulir.prototype.showOutput = function (kind, record, slug) {
    var comments = {};
    var region = this.regions[record.wilayah];
    if (region) comments.wilayah = region.nama;
    var firstLine = this.data.schema_comment.replace("{kind}", kind);
    var text = recordYaml(record, this.data.key_order[kind], firstLine, comments);
    var file = slug + ".yml";
    var path = "catalogue/" + kind + "/" + file;
    this.yaml.textContent = text;
    this.outputPath.textContent = "";
    this.outputPath.appendChild(richText("Simpan sebagai `" + path + "`. Isinya:"));
    if (this.download.href && this.download.href.indexOf("blob:") === 0) URL.revokeObjectURL(this.download.href);
    this.download.href = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    this.download.setAttribute("download", file);
    var base = this.data.github_new;
    this.github.hidden = !base;
    this.noGithub.hidden = Boolean(base);
    if (base) {
      this.github.href = base + "/catalogue/" + kind + "?filename=" + encodeURIComponent(file) +
        "&value=" + encodeURIComponent(text);
    }
    this.output.hidden = false;
  };
})();
