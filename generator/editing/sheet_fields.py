"""Which column of each sheet becomes which key of a record, and how its cell is read.

The columns are those of the published tables (`generator/data/columns.py`). The record is
read from the columns that carry it whole (`sumber`, `tahapan_rinci`, `penghargaan_rinci`);
their summaries (`sumber_url`, `tahapan`, `penghargaan`) are read only when the whole column
is empty, and names stand in for empty codes (`wilayah_nama` for `wilayah_kode`). Every other
column of the tables (`url`, `provinsi_nama`, `jumlah_replikasi`, ...) is made from the
records and not read.
"""

from __future__ import annotations

import re
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
)
from generator.data.tables import TABLES
from generator.editing import cells
from generator.editing.answers import FieldError, check_sector, resolve_region
from generator.records.files import CatalogueFacts
from generator.records.vocabulary import REGIONAL_GOVERNMENT

Reader = Callable[[Any, CatalogueFacts], Any]


@dataclass(frozen=True)
class SheetField:
    """A record key, the column it is read from, and the summary column that stands in."""

    key: str
    column: str
    read: Reader
    fallback: str | None = None
    read_fallback: Reader | None = None


def _plain(reader: Callable[[Any], Any]) -> Reader:
    return lambda value, facts: reader(value)


def _region(value: Any, facts: CatalogueFacts) -> str:
    """A region code; a name (`Kabupaten Ketapang`, `Ketapang`) when it names one region
    for certain, else the text as written, for the validator's guess of what was meant."""
    code = cells.region_code(value)
    if cells.looks_like_code(code):
        return code
    try:
        match = resolve_region(facts, code)
    except FieldError:
        return code
    return match.region.code if match.certain else code


def _region_by_name(value: Any, facts: CatalogueFacts) -> str:
    text = cells.text(value)
    try:
        match = resolve_region(facts, text)
    except FieldError as error:
        raise cells.CellError(str(error)) from None
    if not match.certain:
        region = match.region
        raise cells.CellError(
            f"wilayah `{text}` tidak pasti", f"maksud Anda {region.code} {region.full_name}?"
        )
    return match.region.code


def _regions(value: Any, facts: CatalogueFacts) -> list[str]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [cells.region_code(value)]
    return [_region(item, facts) for item in cells.words(value)]


def _regions_by_name(value: Any, facts: CatalogueFacts) -> list[str]:
    return [_region_by_name(item, facts) for item in cells.words(value)]


def _sector_by_name(value: Any, facts: CatalogueFacts) -> str:
    try:
        return check_sector(facts, cells.text(value))
    except FieldError as error:
        raise cells.CellError(str(error)) from None


def _urls(value: Any) -> list[dict[str, str]]:
    return [{"url": url} for url in cells.words(value)]


def _names(value: Any) -> list[dict[str, str]]:
    return [{"nama": name} for name in cells.words(value)]


def _stages(value: Any) -> list[dict[str, str]]:
    """The summary `tahapan` column: `komitmen 2023-09-05 | uji-coba 2024`."""
    stages = []
    for item in cells.words(value):
        found = re.fullmatch(r"(\S+)\s+(\S+)", item)
        if not found:
            raise cells.CellError(
                f"`{item}` bukan `tahap tanggal`", "tulis mis. `komitmen 2023-09-05`"
            )
        stages.append({"tahap": found[1], "tanggal": found[2]})
    return stages


def _results(value: Any) -> list[dict[str, str]]:
    """An event's `hasil`: `slug-inovasi: penghargaan | ...`."""
    results = []
    for item in cells.words(value):
        slug, colon, award = item.partition(":")
        if not colon or not award.strip():
            raise cells.CellError(
                f"`{item}` bukan `slug-inovasi: penghargaan`", "tulis mis. `cms-desa: Top 45`"
            )
        results.append({"inovasi": slug.strip(), "penghargaan": award.strip()})
    return results


_TEXT = _plain(cells.text)
_MARKDOWN = _plain(cells.markdown)
_DATE = _plain(cells.date)
_WORDS = _plain(cells.words)
_BOOLEAN = _plain(cells.boolean)
_SOURCES = SheetField(
    "sumber", "sumber", _plain(cells.items(SOURCE_FIELDS)), "sumber_url", _plain(_urls)
)
_NOTE = SheetField("catatan", "catatan", _MARKDOWN)

FIELDS: dict[str, tuple[SheetField, ...]] = {
    "inovasi": (
        SheetField("nama", "nama", _TEXT),
        SheetField("kepanjangan", "kepanjangan", _TEXT),
        SheetField("lengkap", "lengkap", _BOOLEAN),
        SheetField("jenis_pemilik", "jenis_pemilik", _TEXT),
        SheetField("wilayah", "wilayah_kode", _region, "wilayah_nama", _region_by_name),
        SheetField("instansi", "instansi", _TEXT),
        SheetField("tahun", "tahun", _plain(cells.year)),
        SheetField("tahun_pasti", "tahun_pasti", _BOOLEAN),
        SheetField("bidang", "bidang_kode", _TEXT, "bidang_nama", _sector_by_name),
        SheetField("jenis", "jenis", _TEXT),
        SheetField("tahap", "tahap", _TEXT),
        SheetField("status", "status", _TEXT),
        SheetField("status_per", "status_per", _DATE),
        SheetField("ringkasan", "ringkasan", _TEXT),
        SheetField("masalah", "masalah", _MARKDOWN),
        SheetField("solusi", "solusi", _MARKDOWN),
        SheetField("hasil", "hasil", _MARKDOWN),
        SheetField("indikator", "indikator", _plain(cells.items(INDICATOR_FIELDS))),
        SheetField("syarat_replikasi", "syarat_replikasi", _MARKDOWN),
        SheetField("dasar_hukum", "dasar_hukum", _WORDS),
        SheetField("kontak", "kontak", _plain(cells.item(CONTACT_FIELDS))),
        SheetField("tautan", "tautan", _plain(cells.items(LINK_FIELDS))),
        SheetField("sdgs", "sdgs", _plain(cells.numbers)),
        SheetField("tag", "tag", _WORDS),
        SheetField(
            "penghargaan", "penghargaan_rinci", _plain(cells.items(AWARD_FIELDS)),
            "penghargaan", _plain(_names),
        ),
        SheetField("alias", "alias", _WORDS),
        SheetField("diperbarui", "diperbarui", _DATE),
        _NOTE,
        _SOURCES,
    ),
    "replikasi": (
        SheetField("inovasi", "inovasi_slug", _TEXT),
        SheetField("wilayah", "wilayah_kode", _region, "wilayah_nama", _region_by_name),
        SheetField("instansi", "instansi", _TEXT),
        SheetField("nama_lokal", "nama_lokal", _TEXT),
        SheetField("kegiatan", "kegiatan_slug", _TEXT),
        SheetField(
            "tahapan", "tahapan_rinci", _plain(cells.items(STAGE_FIELDS)),
            "tahapan", _plain(_stages),
        ),
        SheetField("modifikasi", "modifikasi", _MARKDOWN),
        SheetField("hasil", "hasil", _MARKDOWN),
        _NOTE,
        _SOURCES,
    ),
    "wilayah": (
        SheetField("kode", "kode", _plain(cells.region_code)),
        SheetField("nama", "nama", _TEXT),
        SheetField("ibu_kota", "ibu_kota", _TEXT),
        SheetField("situs", "situs", _TEXT),
        SheetField("uraian", "uraian", _MARKDOWN),
        _NOTE,
        _SOURCES,
    ),
    "kegiatan": (
        SheetField("nama", "nama", _TEXT),
        SheetField("jenis", "jenis", _TEXT),
        SheetField("tanggal", "tanggal", _DATE),
        SheetField("tempat", "tempat", _TEXT),
        SheetField(
            "penyelenggara", "penyelenggara_kode", _region,
            "penyelenggara_nama", _region_by_name,
        ),
        SheetField("peserta", "peserta_kode", _regions, "peserta_nama", _regions_by_name),
        SheetField("dasar", "dasar", _WORDS),
        SheetField("hasil", "hasil", _plain(_results)),
        SheetField("inovasi", "inovasi", _WORDS),
        SheetField("uraian", "uraian", _MARKDOWN),
        _NOTE,
        _SOURCES,
    ),
}  # fmt: skip

# What a record means when it leaves a key out: a cell that says the same adds nothing.
DEFAULTS: dict[str, dict[str, Any]] = {
    "inovasi": {"lengkap": True, "tahun_pasti": True, "jenis_pemilik": REGIONAL_GOVERNMENT},
}

KNOWN_COLUMNS = {table.name: {c.name for c in table.columns} for table in TABLES}
