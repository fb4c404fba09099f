/*
 * The contribution form's YAML (/kontribusi/formulir/): the one slug rule, and the record
 * written in the catalogue's style, every string double-quoted or a literal block, so no
 * value an editor types can change the record's structure.
 */
(function () {
  "use strict";

  var K = (window.KatalogFormulir = window.KatalogFormulir || {});

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

  function itemLines(item, out, comment) {
    if (item !== null && typeof item === "object") {
      Object.keys(item).forEach(function (sub, i) {
        out.push((i === 0 ? "  - " : "    ") + sub + ": " + scalar(item[sub], 4, false));
      });
    } else {
      out.push("  - " + scalar(item, 2, false) + comment);
    }
  }

  function comment(text) {
    return text ? "  # " + text.replace(/[\r\n]/g, " ") : "";
  }

  /**
   * The record as YAML text: the schema comment first, then keys in the format's order.
   * `comments` holds a trailing comment per key or list item (`peserta/0`): a region's name.
   */
  function recordYaml(record, keyOrder, firstLine, comments) {
    comments = comments || {};
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
        value.forEach(function (item, i) {
          itemLines(item, out, comment(comments[key + "/" + i]));
        });
      } else if (value !== null && typeof value === "object") {
        out.push(key + ":");
        Object.keys(value).forEach(function (sub) {
          out.push("  " + sub + ": " + scalar(value[sub], 2, false));
        });
      } else {
        out.push(key + ": " + scalar(value, 0, true) + comment(comments[key]));
      }
    });
    return out.join("\n") + "\n";
  }

  K.MAX_SLUG = MAX_SLUG;
  K.slugify = slugify;
  K.clipSlug = clipSlug;
  K.length = length;
  K.quote = quote;
  K.recordYaml = recordYaml;
})();
