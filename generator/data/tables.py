"""The CSV tables and the Frictionless Data Package that describes them.

One row per record, columns documented here once: the CSV header, the data package schema
and the `/data/` page all come from the same `Column` list. Lists are joined with ` | `, dates
are written as in the records (`2021`, `2021-12` or `2021-12-07`), and a text cell that a
spreadsheet would run as a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from generator.data.columns import (
    DATE_PATTERN,
    EVENT_COLUMNS,
    INNOVATION_COLUMNS,
    ODBL,
    REGION_COLUMNS,
    REGION_TABLE_SOURCE,
    REPLICATION_COLUMNS,
    SAFE_CELL_NOTE,
    Column,
    safe_cell,
)
from generator.data.records import FORMAT_VERSION, Json


@dataclass(frozen=True)
class Table:
    """One CSV file of the data package."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: str
    foreign_keys: tuple[tuple[str, str, str], ...]  # (column, resource, column)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


DATE_COLUMNS = frozenset(
    {"diperbarui", "status_per", "tanggal", "tanggal_mulai", "tanggal_tahap_terakhir"}
)

TABLES = (
    Table(
        "inovasi", "Inovasi", "Satu baris per inovasi pelayanan publik.", INNOVATION_COLUMNS,
        "slug", (("wilayah_kode", "wilayah", "kode"),),
    ),
    Table(
        "replikasi", "Replikasi",
        "Satu baris per replikasi: satu wilayah mereplikasi satu inovasi.",
        REPLICATION_COLUMNS, "slug",
        (
            ("inovasi_slug", "inovasi", "slug"),
            ("wilayah_kode", "wilayah", "kode"),
            ("kegiatan_slug", "kegiatan", "slug"),
        ),
    ),
    Table(
        "wilayah", "Wilayah",
        "Satu baris per wilayah yang tampil di situs: wilayah berprofil dan wilayah yang disebut"
        " catatan. Nama dan kode dari tabel wilayah nasional (idn-area-data, ODbL).",
        REGION_COLUMNS, "kode", (),
    ),
    Table(
        "kegiatan", "Kegiatan", "Satu baris per kegiatan atau program (komitmen, kompetisi, dll.).",
        EVENT_COLUMNS, "slug", (("penyelenggara_kode", "wilayah", "kode"),),
    ),
)  # fmt: skip


def table_csv(table: Table, records: list[Json]) -> bytes:
    """The CSV of one table: UTF-8, a header row, one row per record (RFC 4180 line ends).

    A cell's own line breaks are written as the records have them (LF, inside a quoted
    cell); only the rows end in CRLF."""
    return csv_text(table, records).encode("utf-8")


def csv_text(table: Table, records: list[Json]) -> str:
    """The CSV of one table as text (see :func:`table_csv`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in table.columns])
    for record in records:
        writer.writerow([safe_cell(column.value(record)) for column in table.columns])
    return buffer.getvalue()


def _field(column: Column) -> Json:
    field: Json = {"name": column.name, "type": column.type, "description": column.description}
    if column.type == "string":
        field["description"] += SAFE_CELL_NOTE
    if column.name in DATE_COLUMNS:
        field["description"] += " Ditulis seperti di catatan: `YYYY`, `YYYY-MM` atau `YYYY-MM-DD`."
        field["constraints"] = {"pattern": DATE_PATTERN}
    return field


def _resource(table: Table) -> Json:
    schema: Json = {
        "fields": [_field(column) for column in table.columns],
        "primaryKey": [table.primary_key],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": resource, "fields": [target]}}
            for column, resource, target in table.foreign_keys
        ]
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description,
        "profile": "tabular-data-resource",
        "path": table.path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "licenses": [ODBL],
        "schema": schema,
    }


def datapackage(homepage: str | None, created: str) -> Json:
    """The Frictionless Data Package (v1 descriptor) of the CSV tables."""
    package: Json = {
        "profile": "tabular-data-package",
        "name": "katalog-inovasi-pelayanan-publik",
        "title": "Katalog Inovasi Pelayanan Publik",
        "description": (
            "Inovasi pelayanan publik pemerintah daerah, replikasinya antarwilayah, wilayah dan"
            " kegiatan, dari katalog terbuka. Setiap baris punya `url_json`: kembaran JSON"
            " halaman catatan dengan semua rincian dan rujukan yang sudah diuraikan."
        ),
        "version": FORMAT_VERSION,
        "created": created,
        "keywords": ["inovasi", "pelayanan publik", "replikasi", "pemerintah daerah"],
        "licenses": [ODBL],
        "sources": [REGION_TABLE_SOURCE],
        "resources": [_resource(table) for table in TABLES],
    }
    if homepage:
        package["homepage"] = homepage
    return package
