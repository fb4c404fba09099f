/*
 * The contribution form's region picker (/kontribusi/formulir/): a search box that narrows a
 * list of every Indonesian region. The catalogue's own province comes first; typing a name or
 * a code ("sambas", "61.04") narrows the list, and a single match is chosen at once.
 */
(function () {
  "use strict";

  var K = (window.KatalogFormulir = window.KatalogFormulir || {});
  var el = K.el;
  var option = K.option;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  /** The regions in the picker's order: the home provinces' first, then by code. */
  function ordered(data) {
    var home = data.provinsi_utama || [];
    var first = [];
    var rest = [];
    data.wilayah.forEach(function (r) {
      (home.indexOf(r.kode.slice(0, 2)) >= 0 ? first : rest).push(r);
    });
    return first.concat(rest);
  }

  /**
   * A region picker for field `id`: `{select, search, status, node}`. The select (id `id`)
   * holds the value; the search box (`id-cari`) filters it; `status` says what matched.
   */
  function RegionPicker(data, id) {
    var self = this;
    this.regions = ordered(data);
    this.homeName = "";
    var home = (data.provinsi_utama || [])[0];
    this.regions.forEach(function (r) {
      if (r.kode === home) self.homeName = r.nama;
    });
    this.select = el("select", {});
    this.search = el("input", {
      type: "search", id: id + "-cari", autocomplete: "off", spellcheck: "false",
      "aria-controls": id, "aria-describedby": id + "-cocok",
      placeholder: "misalnya Sambas atau 61.01",
    });
    this.status = el("p", { class: "k-bantuan k-wilayah__cocok", id: id + "-cocok", "aria-live": "polite" });
    this.node = el("div", { class: "k-wilayah" }, [
      el("label", { for: id + "-cari", class: "k-wilayah__label", text: "Cari wilayah (nama atau kode)" }),
      this.search,
      this.status,
    ]);
    this.search.addEventListener("input", function () {
      self.filter(self.search.value);
    });
    this.filter("");
  }

  RegionPicker.prototype.filter = function (query) {
    var wanted = fold(query);
    var matches = this.regions.filter(function (r) {
      return !wanted || fold(r.kode + " " + r.nama + " " + r.provinsi).indexOf(wanted) >= 0 ||
        fold(r.nama).replace(/^(kabupaten|kota|provinsi) /, "").indexOf(wanted) === 0;
    });
    var current = this.select.value;
    var select = this.select;
    select.textContent = "";
    var placeholder = !wanted ? "— pilih wilayah —" : matches.length ? "— pilih satu dari " + matches.length + " wilayah —" : "— tidak ada yang cocok —";
    select.appendChild(option("", placeholder, true));
    var group = null;
    matches.forEach(function (r) {
      if (!group || group.label !== r.provinsi) {
        group = el("optgroup", { label: r.provinsi });
        select.appendChild(group);
      }
      group.appendChild(option(r.kode, r.kode + " " + r.nama));
    });
    var keep = matches.some(function (r) { return r.kode === current; });
    select.value = matches.length === 1 && wanted ? matches[0].kode : keep ? current : "";
    if (select.value !== current) select.dispatchEvent(new Event("change", { bubbles: true }));
    if (!wanted) {
      K.say(this.status, this.homeName ? "Wilayah " + this.homeName + " ada di awal daftar; ketik untuk mencari wilayah lain di Indonesia." : "");
    } else if (matches.length === 1) {
      K.say(this.status, "Dipilih: " + matches[0].nama + " (" + matches[0].kode + ").");
    } else {
      K.say(this.status, matches.length ? matches.length + " wilayah cocok; pilih di daftar di bawah." : "Tidak ada wilayah yang cocok dengan “" + query.trim() + "”.");
    }
  };

  /** Choose a region by code (the search box is cleared so the whole list shows). */
  RegionPicker.prototype.choose = function (code) {
    this.search.value = "";
    this.filter("");
    this.select.value = code;
    this.select.dispatchEvent(new Event("change", { bubbles: true }));
  };

  K.RegionPicker = RegionPicker;
})();
