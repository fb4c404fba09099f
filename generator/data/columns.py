"""The columns of the CSV tables: for each record kind, the column's name, type, description
and how its cell is read from the record's open-data form; and the cell rules (lists joined,
formulas defused)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.data.list_cells import (
    AWARD_FIELDS,
    CONTACT_FIELDS,
    INDICATOR_FIELDS,
    LINK_FIELDS,
    SOURCE_FIELDS,
    STAGE_FIELDS,
    item_line,
    item_lines,
    joined,
)
from generator.data.records import Json

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
SAFE_CELL_NOTE = (
    " Sel teks yang diawali `=`, `+`, `-`, `@`, tab atau carriage return diberi awalan tanda"
    " kutip tunggal (`'`) agar tidak dijalankan sebagai rumus oleh aplikasi lembar kerja."
)

ODBL = {
    "name": "ODbL-1.0",
    "title": "Open Data Commons Open Database License 1.0",
    "path": "https://opendatacommons.org/licenses/odbl/1-0/",
}
REGION_TABLE_SOURCE = {
    "title": "idn-area-data 4.0.1 (dihimpun dari Kemendagri), lisensi ODbL",
    "path": "https://github.com/fityannugroho/idn-area-data",
}


@dataclass(frozen=True)
class Column:
    """One CSV column: its header, Frictionless type, Indonesian description and value."""

    name: str
    type: str
    description: str
    value: Callable[[Json], Any]


def safe_cell(value: Any) -> str:
    """A cell as written to the CSV; text that a spreadsheet would run as a formula is
    neutralised with a leading apostrophe."""
    if type(value) is str:  # most cells (a million at 10,000 innovations), first
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _text(key: str) -> Callable[[Json], Any]:
    return lambda record: record[key]


def _list(key: str, part: str | None = None) -> Callable[[Json], Any]:
    if part is None:
        return lambda record: joined(record[key])
    return lambda record: joined([item[part] for item in record[key]])


def _ref(key: str, part: str) -> Callable[[Json], Any]:
    return lambda record: record[key][part] if record[key] else None


def _province(key: str, part: str) -> Callable[[Json], Any]:
    return lambda record: record[key]["provinsi"][part] if record[key] else None


def _lines(key: str, fields: tuple[str, ...]) -> Callable[[Json], Any]:
    return lambda record: item_lines(record[key], fields)


def _awards(record: Json) -> str:
    awards = [
        {**award, "kegiatan": award["kegiatan"]["slug"] if award["kegiatan"] else None}
        for award in record["penghargaan"]
    ]
    return item_lines(awards, AWARD_FIELDS)


def _count(key: str) -> Callable[[Json], Any]:
    return lambda record: len(record[key])


SLUG = Column("slug", "string", "Pengenal catatan (nama berkas tanpa `.yml`).", _text("slug"))
URL = Column("url", "string", "Alamat halaman catatan di situs.", _text("url"))
URL_JSON = Column(
    "url_json",
    "string",
    "Alamat kembaran JSON halaman catatan (catatan lengkap).",
    _text("url_json"),
)
SOURCES = Column(
    "sumber_url", "string", "Alamat sumber fakta catatan, dipisah ` | `.", _list("sumber", "url")
)
# The columns that make a row the whole record (read back by `impor`): every fact the
# summary columns above leave out.
NOTE = Column(
    "catatan", "string", "Catatan penyunting tentang sumber (Markdown).", _text("catatan")
)
FULL_SOURCES = Column(
    "sumber", "string",
    "Sumber fakta catatan, satu per baris: `judul | url | tanggal`.",
    _lines("sumber", SOURCE_FIELDS),
)  # fmt: skip

INNOVATION_COLUMNS = (
    SLUG,
    Column("nama", "string", "Nama inovasi seperti dikenal masyarakat.", _text("nama")),
    Column("kepanjangan", "string", "Kepanjangan dari singkatan nama.", _text("kepanjangan")),
    Column(
        "wilayah_kode", "string",
        "Kode wilayah Kemendagri pemilik inovasi.",
        _ref("wilayah", "kode"),
    ),
    Column("wilayah_nama", "string", "Nama wilayah pemilik inovasi.", _ref("wilayah", "nama")),
    Column(
        "provinsi_kode", "string",
        "Kode provinsi wilayah pemilik.",
        _province("wilayah", "kode"),
    ),
    Column(
        "provinsi_nama", "string",
        "Nama provinsi wilayah pemilik.",
        _province("wilayah", "nama"),
    ),
    Column(
        "jenis_pemilik", "string",
        "Pemilik: `pemda`, `kementerian-lembaga`, `perguruan-tinggi`, `bumn-bumd` atau `lainnya`.",
        _text("jenis_pemilik"),
    ),
    Column(
        "instansi", "string",
        "Perangkat daerah (OPD) pemilik inovasi; untuk pemilik selain pemda, nama lembaganya.",
        _text("instansi"),
    ),
    Column(
        "lengkap", "boolean",
        "`false` untuk catatan yang belum lengkap (sel kosong: belum diketahui).",
        _text("lengkap"),
    ),
    Column("tahun", "integer", "Tahun inovasi pertama kali diterapkan.", _text("tahun")),
    Column(
        "tahun_pasti", "boolean",
        "`false` bila sumber hanya menunjukkan inovasi sudah berjalan pada `tahun`.",
        _text("tahun_pasti"),
    ),
    Column("bidang_kode", "string", "Kode bidang (sektor).", _ref("bidang", "kode")),
    Column("bidang_nama", "string", "Nama bidang (sektor).", _ref("bidang", "nama")),
    Column("jenis", "string", "`digital`, `non-digital` atau `campuran`.", _text("jenis")),
    Column(
        "tahap", "string",
        "Kematangan: `inisiatif`, `uji-coba` atau `penerapan`.",
        _text("tahap"),
    ),
    Column(
        "status", "string",
        "`aktif`, `vakum` atau `dihentikan`, bila sumber menunjukkannya (kosong: belum diketahui).",
        _text("status"),
    ),
    Column(
        "status_per", "string",
        "Tanggal sumber terbaru yang menunjukkan status itu.",
        _text("status_per"),
    ),
    Column("ringkasan", "string", "Ringkasan satu paragraf (teks biasa).", _text("ringkasan")),
    Column("masalah", "string", "Masalah yang dijawab (Markdown).", _text("masalah")),
    Column("solusi", "string", "Cara kerja inovasi (Markdown).", _text("solusi")),
    Column("hasil", "string", "Hasil dan dampak (Markdown).", _text("hasil")),
    Column(
        "syarat_replikasi", "string", "Yang dibutuhkan wilayah yang mereplikasi (Markdown).",
        _text("syarat_replikasi"),
    ),
    Column("dasar_hukum", "string", "Dasar hukum, dipisah ` | `.", _list("dasar_hukum")),
    Column("sdgs", "string", "Nomor tujuan SDGs (1-17), dipisah ` | `.", _list("sdgs", "nomor")),
    Column("tag", "string", "Kata kunci, dipisah ` | `.", _list("tag")),
    Column(
        "penghargaan", "string",
        "Nama penghargaan, dipisah ` | `.",
        _list("penghargaan", "nama"),
    ),
    Column("jumlah_replikasi", "integer", "Banyaknya replikasi inovasi ini.", _count("replikasi")),
    Column(
        "replikasi", "string",
        "Slug replikasi inovasi ini, dipisah ` | `.",
        _list("replikasi", "slug"),
    ),
    Column(
        "alias", "string",
        "Slug lama inovasi (alamat lama dialihkan), dipisah ` | `.",
        _list("alias"),
    ),
    Column("diperbarui", "string", "Tanggal catatan terakhir diperiksa.", _text("diperbarui")),
    URL,
    URL_JSON,
    SOURCES,
    Column(
        "indikator", "string",
        "Hasil terukur, satu per baris: `nama | nilai | satuan | sebelum | periode | sumber`.",
        _lines("indikator", INDICATOR_FIELDS),
    ),
    Column(
        "kontak", "string",
        "Narahubung dalam satu baris: `nama | jabatan | email | telepon | alamat | situs`.",
        lambda r: item_line(r["kontak"], CONTACT_FIELDS),
    ),
    Column(
        "tautan", "string", "Tautan (aplikasi, dokumen), satu per baris: `judul | url`.",
        _lines("tautan", LINK_FIELDS),
    ),
    Column(
        "penghargaan_rinci", "string",
        "Penghargaan, satu per baris: `nama | tahun | pemberi | slug-kegiatan`.",
        _awards,
    ),
    NOTE,
    FULL_SOURCES,
)  # fmt: skip

REPLICATION_COLUMNS = (
    SLUG,
    Column("judul", "string", "Judul replikasi seperti di situs.", _text("judul")),
    Column("inovasi_slug", "string", "Slug inovasi yang direplikasi.", _ref("inovasi", "slug")),
    Column("inovasi_nama", "string", "Nama inovasi yang direplikasi.", _ref("inovasi", "nama")),
    Column(
        "inovasi_wilayah_kode", "string", "Kode wilayah pemilik inovasi.",
        lambda r: r["inovasi"]["wilayah"]["kode"],
    ),
    Column(
        "inovasi_wilayah_nama", "string", "Nama wilayah pemilik inovasi.",
        lambda r: r["inovasi"]["wilayah"]["nama"],
    ),
    Column(
        "inovasi_instansi", "string",
        "Instansi pemilik inovasi.",
        lambda r: r["inovasi"]["instansi"],
    ),
    Column("wilayah_kode", "string", "Kode wilayah yang mereplikasi.", _ref("wilayah", "kode")),
    Column("wilayah_nama", "string", "Nama wilayah yang mereplikasi.", _ref("wilayah", "nama")),
    Column(
        "provinsi_kode", "string",
        "Kode provinsi wilayah yang mereplikasi.",
        _province("wilayah", "kode"),
    ),
    Column(
        "provinsi_nama", "string",
        "Nama provinsi wilayah yang mereplikasi.",
        _province("wilayah", "nama"),
    ),
    Column("instansi", "string", "Instansi yang mereplikasi.", _text("instansi")),
    Column(
        "nama_lokal", "string",
        "Nama inovasi di wilayah yang mereplikasi.",
        _text("nama_lokal"),
    ),
    Column(
        "kegiatan_slug", "string",
        "Slug kegiatan (komitmen/program) replikasi.",
        _ref("kegiatan", "slug"),
    ),
    Column("kegiatan_nama", "string", "Nama kegiatan replikasi.", _ref("kegiatan", "nama")),
    Column("tanggal_mulai", "string", "Tanggal tahap pertama.", _text("tanggal_mulai")),
    Column(
        "tahap_terakhir", "string",
        "Tahap terakhir yang dicapai (`komitmen` ... `evaluasi`, atau `dibatalkan`).",
        _text("tahap_terakhir"),
    ),
    Column(
        "tanggal_tahap_terakhir", "string",
        "Tanggal tahap terakhir.",
        _text("tanggal_tahap_terakhir"),
    ),
    Column(
        "tahapan", "string", "Semua tahap sebagai `tahap tanggal`, berurutan, dipisah ` | `.",
        lambda r: joined([f"{s['tahap']} {s['tanggal']}" for s in r["tahapan"]]),
    ),
    Column(
        "modifikasi", "string",
        "Penyesuaian dengan kondisi setempat (Markdown).",
        _text("modifikasi"),
    ),
    Column("hasil", "string", "Hasil di wilayah yang mereplikasi (Markdown).", _text("hasil")),
    URL,
    URL_JSON,
    SOURCES,
    Column(
        "tahapan_rinci", "string",
        "Semua tahap, satu per baris, berurutan: `tahap | tanggal | catatan`.",
        _lines("tahapan", STAGE_FIELDS),
    ),
    NOTE,
    FULL_SOURCES,
)  # fmt: skip

REGION_COLUMNS = (
    Column("kode", "string", "Kode wilayah Kemendagri.", _text("kode")),
    Column("slug", "string", "Pengenal halaman wilayah.", _text("slug")),
    Column("nama", "string", "Nama wilayah.", _text("nama")),
    Column("tingkat", "string", "`provinsi`, `kabupaten` atau `kota`.", _text("tingkat")),
    Column("provinsi_kode", "string", "Kode provinsi.", _ref("provinsi", "kode")),
    Column("provinsi_nama", "string", "Nama provinsi.", _ref("provinsi", "nama")),
    Column(
        "profil", "boolean",
        "`true` bila wilayah punya berkas profil di katalog.",
        _text("profil"),
    ),
    Column("ibu_kota", "string", "Ibu kota (dari profil).", _text("ibu_kota")),
    Column("situs", "string", "Situs resmi (dari profil).", _text("situs")),
    Column("jumlah_inovasi", "integer", "Banyaknya inovasi milik wilayah ini.", _count("inovasi")),
    Column(
        "jumlah_replikasi", "integer",
        "Banyaknya replikasi oleh wilayah ini.",
        _count("replikasi"),
    ),
    Column(
        "jumlah_kegiatan", "integer",
        "Banyaknya kegiatan yang diikuti atau diselenggarakan.",
        _count("kegiatan"),
    ),
    URL,
    URL_JSON,
    SOURCES,
    Column("uraian", "string", "Profil singkat wilayah (Markdown, dari profil).", _text("uraian")),
    NOTE,
    FULL_SOURCES,
)  # fmt: skip

EVENT_COLUMNS = (
    SLUG,
    Column("nama", "string", "Nama kegiatan.", _text("nama")),
    Column(
        "jenis", "string",
        "`komitmen-replikasi`, `kompetisi`, `penetapan`, `pendampingan` atau `lainnya`.",
        _text("jenis"),
    ),
    Column("tanggal", "string", "Tanggal kegiatan.", _text("tanggal")),
    Column("tempat", "string", "Tempat kegiatan.", _text("tempat")),
    Column(
        "penyelenggara_kode", "string",
        "Kode wilayah penyelenggara.",
        _ref("penyelenggara", "kode"),
    ),
    Column(
        "penyelenggara_nama", "string",
        "Nama wilayah penyelenggara.",
        _ref("penyelenggara", "nama"),
    ),
    Column("jumlah_peserta", "integer", "Banyaknya wilayah peserta.", _count("peserta")),
    Column(
        "peserta_kode", "string",
        "Kode wilayah peserta, dipisah ` | `.",
        _list("peserta", "kode"),
    ),
    Column(
        "peserta_nama", "string",
        "Nama wilayah peserta, dipisah ` | `.",
        _list("peserta", "nama"),
    ),
    Column("dasar", "string", "Dasar hukum kegiatan, dipisah ` | `.", _list("dasar")),
    Column(
        "hasil", "string", "Hasil kompetisi sebagai `slug-inovasi: penghargaan`, dipisah ` | `.",
        lambda r: joined([f"{h['inovasi']['slug']}: {h['penghargaan']}" for h in r["hasil"]]),
    ),
    Column(
        "jumlah_replikasi", "integer",
        "Banyaknya replikasi dalam kegiatan ini.",
        _count("replikasi"),
    ),
    URL,
    URL_JSON,
    SOURCES,
    Column(
        "inovasi", "string", "Slug inovasi yang dibahas kegiatan, dipisah ` | `.",
        _list("inovasi", "slug"),
    ),
    Column("uraian", "string", "Uraian kegiatan (Markdown).", _text("uraian")),
    NOTE,
    FULL_SOURCES,
)  # fmt: skip
