/*
 * Where a finished record goes (/kontribusi/formulir/): the file to download, GitHub's
 * new-file page filled in with it when the catalogue names its repository, and an e-mail to
 * the catalogue's publisher when it names one. Nothing is sent by the page itself.
 */
(function () {
  "use strict";

  var K = (window.KatalogFormulir = window.KatalogFormulir || {});
  var el = K.el;

  // Mail programs and browsers cut long `mailto:` links; the whole link stays under this.
  var MAILTO_LIMIT = 1800;
  var CUT_NOTE = "# catatan terpotong; lampirkan berkas yang diunduh";
  var KIND_WORDS = { inovasi: "inovasi", replikasi: "replikasi", kegiatan: "kegiatan", wilayah: "profil wilayah" };

  function encode(text) {
    return encodeURIComponent(text);
  }

  /**
   * A `mailto:` link with the subject and body filled in, at most `limit` characters long.
   * A body too long is cut after its last whole line that fits (never inside a `%XX` escape)
   * and ends with a note to attach the downloaded file: `{href, cut}`.
   */
  function mailtoHref(address, subject, body, limit) {
    limit = limit || MAILTO_LIMIT;
    var newline = "%0D%0A"; // RFC 6068: line breaks in a body are CRLF
    var start = "mailto:" + encode(address).replace(/%40/g, "@") + "?subject=" + encode(subject) + "&body=";
    var lines = body.replace(/\n$/, "").split("\n").map(encode);
    var whole = start + lines.join(newline);
    if (whole.length <= limit) return { href: whole, cut: false };
    var note = newline + newline + encode(CUT_NOTE);
    var kept = [];
    var size = start.length + note.length;
    for (var i = 0; i < lines.length; i++) {
      var more = (kept.length ? newline.length : 0) + lines[i].length;
      if (size + more > limit) break;
      kept.push(lines[i]);
      size += more;
    }
    return { href: start + kept.join(newline) + note, cut: true };
  }

  /** The subject of the e-mail: the kind of record and its name, then the file. */
  function subjectOf(kind, title, file) {
    var name = Array.from(title || "").length > 90 ? Array.from(title).slice(0, 87).join("") + "..." : title;
    return "Catatan " + KIND_WORDS[kind] + " baru: " + (name ? name + " (" + file + ")" : file);
  }

  /** The result section: the record's file, what to do with it, and the file's text. */
  function Result(data) {
    this.data = data;
    this.section = el("section", { class: "k-formulir__hasil", "aria-labelledby": "k-hasil-judul", hidden: true });
    this.title = el("h2", { id: "k-hasil-judul", text: "Catatan Anda siap dikirim", tabindex: "-1" });
    this.path = el("p", {});
    this.download = el("a", { class: "md-button md-button--primary", id: "k-unduh", text: "Unduh berkas" });
    this.mail = el("a", { class: "md-button", id: "k-surel", text: "Kirim lewat surel" });
    this.github = el("a", { class: "md-button", id: "k-github", text: "Buka di GitHub" });
    this.steps = el("ol", { id: "k-langkah", class: "k-langkah" });
    this.yaml = el("pre", { id: "k-yaml", class: "k-yaml", tabindex: "0", "aria-label": "Isi berkas YAML" });
    var section = this.section;
    [
      this.title,
      this.path,
      el("p", { class: "k-formulir__tombol" }, [this.download, this.mail, this.github]),
      el("h3", { id: "k-langkah-judul", text: "Langkah berikutnya" }),
      this.steps,
      el("h3", { text: "Isi berkas" }),
      this.yaml,
    ].forEach(function (node) {
      section.appendChild(node);
    });
  }

  function step(parts) {
    return el("li", {}, parts.map(function (part) {
      return typeof part === "string" ? K.richText(part) : part;
    }));
  }

  Result.prototype.nextSteps = function (mail, cut) {
    var publisher = this.data.pengelola;
    var steps = [step(["Tekan “Unduh berkas” untuk menyimpan catatan ini di perangkat Anda."])];
    if (mail) {
      steps.push(step(["Tekan “Kirim lewat surel”: aplikasi surel Anda terbuka dengan surel kepada " +
        publisher.nama + " (" + publisher.email + ") yang sudah berisi catatan ini." +
        (cut ? " Catatan ini panjang, sehingga isi surelnya terpotong: lampirkan berkas yang diunduh." :
          " Lampirkan juga berkasnya bila bisa.")]));
    }
    if (this.data.github_new) {
      steps.push(step(["Punya akun GitHub? “Buka di GitHub” membuka halaman berkas baru yang sudah berisi " +
        "catatan ini; tekan “Propose new file” (atau “Commit changes”), lalu ajukan perubahannya."]));
    }
    if (!mail && !this.data.github_new) {
      steps.push(step(["Kirim berkas itu, beserta tautan sumbernya, kepada pengelola katalog. Caranya ada di ",
        el("a", { href: "../#jalan-a-tanpa-git", text: "panduan kontribusi, bagian “Jalan A: tanpa git”" }), "."]));
    }
    steps.push(step(["Pengelola memeriksa catatan Anda, lalu menerbitkannya; Anda diberi tahu bila ada yang perlu dilengkapi."]));
    return steps;
  };

  /** Show a record's file: `title` names it in the e-mail's subject. */
  Result.prototype.show = function (kind, slug, text, title) {
    var file = slug + ".yml";
    var path = "catalogue/" + (kind === "wilayah" ? "wilayah" : kind) + "/" + file;
    K.say(this.path, "Nama berkasnya `" + file + "`; pengelola menyimpannya sebagai `" + path + "`.");
    this.yaml.textContent = text;
    if (this.download.href && this.download.href.indexOf("blob:") === 0) URL.revokeObjectURL(this.download.href);
    this.download.href = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    this.download.setAttribute("download", file);
    var publisher = this.data.pengelola;
    var mail = null;
    if (publisher && publisher.email) {
      var body = "Catatan " + KIND_WORDS[kind] + " baru untuk katalog, berkas " + path + ":\n\n" + text;
      mail = mailtoHref(publisher.email, subjectOf(kind, title, file), body);
      this.mail.href = mail.href;
    }
    this.mail.hidden = !mail;
    var base = this.data.github_new;
    this.github.hidden = !base;
    if (base) {
      this.github.href = base + "/catalogue/" + kind + "?filename=" + encode(file) + "&value=" + encode(text);
    }
    this.steps.textContent = "";
    var list = this.steps;
    this.nextSteps(mail, mail && mail.cut).forEach(function (item) {
      list.appendChild(item);
    });
    this.section.hidden = false;
  };

  K.MAILTO_LIMIT = MAILTO_LIMIT;
  K.mailtoHref = mailtoHref;
  K.subjectOf = subjectOf;
  K.Result = Result;
})();
