/*
 * The contribution form's checks (/kontribusi/formulir/): a record against the catalogue's own
 * JSON Schemas (published at build time in assets/formulir-data.json) with the Python
 * validator's wording, and the validator's rules a schema cannot express
 * (generator/records/rules.py), each problem located by its key path.
 */
(function () {
  "use strict";

  var K = (window.KatalogFormulir = window.KatalogFormulir || {});
  var length = K.length;

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

  function byKey(list, key, value) {
    return list.filter(function (item) {
      return item[key] === value;
    })[0];
  }

  /** The rules' problems of one record: `report(path, message, hint)` collects them. */
  function Rules(kind, record, data) {
    this.kind = kind;
    this.record = record;
    this.data = data;
    this.errors = [];
  }

  Rules.prototype.report = function (path, message, hint) {
    this.errors.push({ path: path, keyword: "rule", message: message, hint: hint || "" });
  };

  Rules.prototype.date = function (path, text) {
    var parsed = parseDate(text);
    if (!parsed) return null;
    if (!parsed.valid) {
      this.report(path, "`" + text + "` bukan tanggal yang ada di kalender");
      return null;
    }
    if (parsed.first > today()) {
      this.report(path, "tanggal `" + text + "` ada di masa depan", "catat hanya yang sudah terjadi; rencana ditulis di uraian");
    }
    return parsed;
  };

  Rules.prototype.slug = function (slug) {
    var kind = this.kind;
    if (!slug) {
      this.report(["(slug)"], "wajib diisi", kind === "wilayah"
        ? "pilih wilayahnya; nama berkas dibentuk dari namanya"
        : "isi nama (dan wilayah) agar slug dibentuk otomatis, atau tulis sendiri");
    } else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > K.MAX_SLUG) {
      this.report(["(slug)"], "`" + slug + "` bukan slug yang sah",
        "pakai huruf kecil a-z, angka dan tanda hubung, paling panjang " + K.MAX_SLUG + " karakter");
    } else if (kind !== "wilayah" && byKey(this.data[kind], "slug", slug)) {
      // A profile's slug is its region's: the `kode` rule says when the region has one.
      this.report(["(slug)"], "slug `" + slug + "` sudah dipakai oleh " + kind + "/" + slug + ".yml", "pilih slug lain");
    }
  };

  Rules.prototype.inovasi = function () {
    var record = this.record;
    var self = this;
    // generator/records/rules.py `owner` and the complete record's keys (`x-wajib-lengkap`).
    var regional = (record.jenis_pemilik || "pemda") === "pemda";
    if (regional && !record.wilayah) {
      this.report(["wilayah"], "kunci wajib `wilayah` tidak ada",
        "isi wilayah pemilik; pemilik selain pemerintah daerah ditulis dengan jenis pemilik dan instansi");
    } else if (!regional && !record.instansi) {
      this.report(["instansi"], "kunci wajib `instansi` tidak ada", "untuk pemilik selain pemda, tulis nama lembaganya");
    }
    if (record.lengkap !== false) {
      (this.data.schemas["inovasi.schema.json"]["x-wajib-lengkap"] || []).forEach(function (key) {
        if (record[key] === undefined && !(key === "instansi" && !regional)) {
          self.report([key], "kunci wajib `" + key + "` tidak ada",
            "isi bagian ini; bila sumber belum menyebutnya, tandai catatan sebagai belum lengkap");
        }
      });
    }
    if (record.status_per && !record.status) {
      this.report(["status_per"], "`status_per` tanpa `status`", "pilih juga status yang ditunjukkan sumber pada tanggal itu, atau kosongkan tanggalnya");
    }
    if (record.status_per) this.date(["status_per"], record.status_per);
    if (record.diperbarui) this.date(["diperbarui"], record.diperbarui);
    (record.penghargaan || []).forEach(function (award, i) {
      if (award.tahun) self.date(["penghargaan", i, "tahun"], award.tahun);
    });
    (record.alias || []).forEach(function (alias, i) {
      if (byKey(self.data.inovasi, "slug", alias)) {
        self.report(["alias", i], "alias `" + alias + "` sudah dipakai sebagai slug inovasi lain");
      }
    });
    if (typeof record.tahun === "number" && record.tahun > new Date().getFullYear()) {
      this.report(["tahun"], "tahun " + record.tahun + " ada di masa depan");
    }
  };

  Rules.prototype.replikasi = function () {
    var record = this.record;
    var self = this;
    var data = this.data;
    var innovation = byKey(data.inovasi, "slug", record.inovasi);
    if (innovation && record.wilayah === innovation.wilayah) {
      this.report(["wilayah"], "wilayah " + record.wilayah + " adalah pemilik inovasi `" + innovation.slug +
        "`; wilayah tidak mereplikasi inovasinya sendiri", "isi `wilayah` dengan kode wilayah yang mereplikasi");
    }
    var twin = data.replikasi.filter(function (r) {
      return r.inovasi === record.inovasi && r.wilayah === record.wilayah;
    })[0];
    if (twin) {
      this.report(["wilayah"], "wilayah " + record.wilayah + " sudah mereplikasi `" + record.inovasi + "` di replikasi/" +
        twin.slug + ".yml", "satu wilayah mereplikasi satu inovasi sekali; tambahkan tahapannya di berkas itu");
    }
    var stages = data.stages;
    var previous = null;
    (record.tahapan || []).forEach(function (stage, i) {
      var when = self.date(["tahapan", i, "tanggal"], stage.tanggal);
      var rank = stage.tahap === data.cancelled ? stages.length : stages.indexOf(stage.tahap);
      if (previous && previous.tahap === data.cancelled) {
        self.report(["tahapan", i, "tahap"], "tidak ada tahap sesudah `" + data.cancelled + "`");
      } else if (previous && rank >= 0 && previous.rank >= 0 && rank < previous.rank) {
        self.report(["tahapan", i, "tahap"], "tahap `" + stage.tahap + "` tidak boleh sesudah `" + previous.tahap + "`",
          "urutan tahap: " + stages.join(", ") + "; atau " + data.cancelled);
      } else if (previous && when && previous.when && when.first < previous.when.first) {
        self.report(["tahapan", i, "tanggal"], "tanggal mundur: `" + stage.tanggal + "` lebih awal dari tahap sebelumnya `" +
          previous.tahap + "` (" + previous.when.text + ")", "tahap dicatat berurutan; periksa tanggalnya");
      }
      previous = { tahap: stage.tahap, rank: rank, when: when };
      if (when && innovation && innovation.tahun_pasti !== false && +stage.tanggal.slice(0, 4) < innovation.tahun) {
        self.report(["tahapan", i, "tanggal"], "tanggal `" + stage.tanggal + "` lebih awal dari tahun inovasinya dimulai (" +
          innovation.tahun + ")");
      }
    });
  };

  Rules.prototype.kegiatan = function () {
    if (this.record.tanggal) this.date(["tanggal"], this.record.tanggal);
  };

  Rules.prototype.wilayah = function () {
    var profile = byKey(this.data.profil, "kode", this.record.kode);
    if (profile) {
      this.report(["kode"], "wilayah " + this.record.kode + " sudah punya profil di wilayah/" + profile.slug + ".yml",
        "perbaiki profil itu, jangan membuat yang baru");
    }
  };

  Rules.prototype.run = function (slug) {
    var self = this;
    (this.record.sumber || []).forEach(function (source, i) {
      if (source.tanggal) self.date(["sumber", i, "tanggal"], source.tanggal);
    });
    this[this.kind]();
    if (!this.record.sumber) {
      this.report(["sumber"], "catatan di katalog resmi wajib punya `sumber`",
        "isi judul dan alamat paling sedikit satu halaman sumber");
    }
    this.slug(slug);
    return this.errors;
  };

  /** Every problem of a record: the schema's, then the rules'. */
  function problemsOf(kind, record, data, slug) {
    var checker = new SchemaChecker(data.schemas);
    var file = kind + ".schema.json";
    var errors = checker.check(record, data.schemas[file], file, [], []);
    errors.forEach(function (error) {
      var words = translate(error);
      error.message = words.message;
      error.hint = words.hint;
    });
    return errors.concat(new Rules(kind, record, data).run(slug));
  }

  K.SchemaChecker = SchemaChecker;
  K.SUPPORTED = SUPPORTED;
  K.problemsOf = problemsOf;
})();
