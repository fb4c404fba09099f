"""The catalogue's controlled vocabularies, each written once: the values a record may take,
in their order, with their Indonesian labels as a citizen reads them.

Everything else follows from here or is checked against it (`tests/test_vocabulary.py`): the
JSON Schemas' enums, the choices of `new`, the contribution form, the search facets, the
charts' colours and FORMAT.md. Sectors are catalogue data (`referensi/bidang.yml`)."""

from __future__ import annotations

INNOVATION_KIND = {
    "digital": "Digital",
    "non-digital": "Non-digital",
    "campuran": "Campuran (daring dan tatap muka)",
}

OWNER_KIND = {
    "pemda": "Pemerintah daerah",
    "kementerian-lembaga": "Kementerian/lembaga",
    "perguruan-tinggi": "Perguruan tinggi",
    "bumn-bumd": "BUMN/BUMD",
    "lainnya": "Pemilik lain",
}
"""Who owns an innovation; a regional government (`pemda`) is the default and owns it through
its region."""

REGIONAL_GOVERNMENT = "pemda"

UNKNOWN = "Belum diketahui"
"""How every page, facet and table shows a value no source has given yet."""

MATURITY = {"inisiatif": "Inisiatif", "uji-coba": "Uji coba", "penerapan": "Penerapan"}

STATUS = {
    "aktif": "Aktif",
    "vakum": "Vakum (sementara tidak berjalan)",
    "dihentikan": "Dihentikan",
}

STATUS_SHORT = {"aktif": "Aktif", "vakum": "Vakum", "dihentikan": "Dihentikan"}
"""The statuses as a search facet shows them."""

REPLICATION_STAGES = (
    "komitmen",
    "pendampingan",
    "rencana-aksi",
    "uji-coba",
    "implementasi",
    "evaluasi",
)
"""A replication's stages, in the order they are reached."""

CANCELLED = "dibatalkan"
"""The stage that ends a replication without it being implemented."""

REPLICATION_STAGE = {
    "komitmen": "Komitmen",
    "pendampingan": "Pendampingan",
    "rencana-aksi": "Rencana aksi",
    "uji-coba": "Uji coba",
    "implementasi": "Implementasi",
    "evaluasi": "Evaluasi",
    "dibatalkan": "Dibatalkan",
}

EVENT_KIND = {
    "komitmen-replikasi": "Komitmen replikasi",
    "kompetisi": "Kompetisi",
    "penetapan": "Penetapan",
    "pendampingan": "Pendampingan",
    "lainnya": "Kegiatan lain",
}

SDG = {
    1: "Tanpa Kemiskinan",
    2: "Tanpa Kelaparan",
    3: "Kehidupan Sehat dan Sejahtera",
    4: "Pendidikan Berkualitas",
    5: "Kesetaraan Gender",
    6: "Air Bersih dan Sanitasi Layak",
    7: "Energi Bersih dan Terjangkau",
    8: "Pekerjaan Layak dan Pertumbuhan Ekonomi",
    9: "Industri, Inovasi dan Infrastruktur",
    10: "Berkurangnya Kesenjangan",
    11: "Kota dan Permukiman yang Berkelanjutan",
    12: "Konsumsi dan Produksi yang Bertanggung Jawab",
    13: "Penanganan Perubahan Iklim",
    14: "Ekosistem Lautan",
    15: "Ekosistem Daratan",
    16: "Perdamaian, Keadilan dan Kelembagaan yang Tangguh",
    17: "Kemitraan untuk Mencapai Tujuan",
}


def label(table: dict[str, str], value: str) -> str:
    """The label of `value`, or the value itself for a kind added after this table."""
    return table.get(value, value)


def label_or_unknown(table: dict[str, str], value: str | None) -> str:
    """The label of `value`, or "Belum diketahui" when no source has given it."""
    return UNKNOWN if value is None else label(table, value)
