/*
 * What staff type, made into what the format wants where the meaning is unambiguous
 * (/kontribusi/formulir/): dates in Indonesian order (day/month/year) become `YYYY-MM-DD`, a
 * web address without `https://` gets it. Each change is returned with a sentence saying
 * what was changed, so the form can show it; a date that is ambiguous or impossible is
 * returned as a problem instead, never guessed.
 */
(function () {
  "use strict";

  var K = (window.KatalogFormulir = window.KatalogFormulir || {});

  var MONTHS = {
    januari: 1, jan: 1, februari: 2, feb: 2, pebruari: 2, maret: 3, mar: 3, april: 4, apr: 4,
    mei: 5, juni: 6, jun: 6, juli: 7, jul: 7, agustus: 8, agu: 8, agt: 8, ags: 8,
    september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11,
    nopember: 11, desember: 12, des: 12,
  };

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function daysIn(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  /** `{value}` for a known day, month and year, or `{problem}` when the day cannot be. */
  function fullDate(text, day, month, year) {
    if (month < 1 || month > 12) {
      return { problem: "`" + text + "` bukan tanggal: tidak ada bulan ke-" + month,
        hint: "tulis hari/bulan/tahun, misalnya `12/03/2023` untuk 12 Maret 2023" };
    }
    if (day < 1 || day > daysIn(year, month)) {
      return { problem: "`" + text + "` bukan tanggal yang ada di kalender",
        hint: "periksa hari dan bulannya (urutan hari/bulan/tahun)" };
    }
    return { value: year + "-" + pad(month) + "-" + pad(day) };
  }

  /**
   * A date as typed, in the format's form: `{value, note}` (note says what changed, if
   * anything) or `{problem, hint}`. Text that looks like no date at all is returned as it is,
   * for the schema's message.
   */
  function normaliseDate(typed) {
    var text = String(typed).trim();
    var m;
    var result = null;
    if (!text || /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/.test(text)) return { value: text };
    if ((m = /^([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})$/.exec(text))) {
      result = fullDate(text, +m[1], +m[2], +m[3]);
    } else if ((m = /^([0-9]{4})[/.\-]([0-9]{1,2})(?:[/.\-]([0-9]{1,2}))?$/.exec(text))) {
      result = m[3] ? fullDate(text, +m[3], +m[2], +m[1]) : monthOf(text, +m[2], +m[1]);
    } else if ((m = /^([0-9]{1,2})[/.\-]([0-9]{4})$/.exec(text))) {
      result = monthOf(text, +m[1], +m[2]);
    } else if ((m = /^(?:([0-9]{1,2})\s+)?([a-z]+)\.?\s+([0-9]{4})$/i.exec(text)) && MONTHS[m[2].toLowerCase()]) {
      var month = MONTHS[m[2].toLowerCase()];
      result = m[1] ? fullDate(text, +m[1], month, +m[3]) : monthOf(text, month, +m[3]);
    } else if (/^[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{2}$/.test(text)) {
      return { problem: "`" + text + "` tahunnya hanya dua angka, sehingga tidak jelas abadnya",
        hint: "tulis tahun dengan empat angka, misalnya `12/03/2023`" };
    } else {
      return { value: text };
    }
    if (result.value) result.note = "Tanggal `" + text + "` ditulis sebagai `" + result.value + "`" +
      (/^[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-]/.test(text) ? " (hari/bulan/tahun)." : ".");
    return result;
  }

  function monthOf(text, month, year) {
    if (month < 1 || month > 12) {
      return { problem: "`" + text + "` bukan tanggal: tidak ada bulan ke-" + month,
        hint: "tulis bulan/tahun, misalnya `03/2023`, atau tanggal lengkap hari/bulan/tahun" };
    }
    return { value: year + "-" + pad(month) };
  }

  /** A web address as typed: `https://` added to a bare domain (`dinkes.go.id/layanan`). */
  function normaliseUrl(typed) {
    var text = String(typed).trim();
    var m = /^(https?):\/\//i.exec(text);
    if (m && m[1] !== m[1].toLowerCase()) {
      var lower = m[1].toLowerCase() + text.slice(m[1].length);
      return { value: lower, note: "Alamat ditulis sebagai `" + lower + "`." };
    }
    if (/^\/\/[^/\s]/.test(text)) text = text.slice(2);
    else if (m || !text) return { value: text };
    if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:[0-9]+)?([/?#]\S*)?$/i.test(text)) {
      var full = "https://" + text;
      return { value: full, note: "`https://` ditambahkan: `" + full + "`." };
    }
    return { value: String(typed).trim() };
  }

  K.normaliseDate = normaliseDate;
  K.normaliseUrl = normaliseUrl;
})();
