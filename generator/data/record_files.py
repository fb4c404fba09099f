"""Every record made once, into each file that holds it: its JSON (for `katalog.json` and its
JSON twin), its row of the CSV table and its row of the workbook.

The records are made one at a time and let go: what stays is bytes (the JSON once, shared by
`katalog.json` and the twins; the CSV lines; the workbook, compressed as it is written),
never the whole catalogue's record values. At 10,000 innovations the values alone held
hundreds of megabytes, and each file used to make them again or walk them again.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass

from generator.data.columns import safe_cell
from generator.data.records import RecordData
from generator.data.spreadsheets import TableBook
from generator.data.tables import TABLES, Table

# The one JSON serialisation of the exports (`exports.json_bytes`): UTF-8, sorted keys, compact.
ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class TableFiles:
    """One record kind's share of the files: each record's JSON (compact, sorted keys, no
    line break) and its page path, in order, and the lines of its CSV table (header first)."""

    table: Table
    records: list[bytes]
    pages: list[str]
    csv_lines: list[bytes]


@dataclass(frozen=True)
class RecordFiles:
    """What `record_files` made: each kind's share, by kind, and the workbook."""

    tables: dict[str, TableFiles]
    workbook: bytes
    workbook_rows: int


class _Lines:
    """What a `csv.writer` writes, kept as UTF-8 lines (it writes one string per row)."""

    def __init__(self) -> None:
        self.lines: list[bytes] = []

    def write(self, text: str) -> None:
        self.lines.append(text.encode("utf-8"))


def record_files(data: RecordData, base_url: str | None, built: dt.date) -> RecordFiles:
    """Make every record of the catalogue once, in the order of the tables (the workbook's
    sheets are written in that order)."""
    book = TableBook(base_url, built)
    tables = {table.name: _table_files(data, table, book) for table in TABLES}
    return RecordFiles(tables, book.close(), book.rows)


def _table_files(data: RecordData, table: Table, book: TableBook) -> TableFiles:
    kind = table.name
    page_of = {
        "wilayah": data.region_page,
        "inovasi": data.innovation_page,
        "replikasi": data.replication_page,
        "kegiatan": data.event_page,
    }[kind]
    key = "kode" if kind == "wilayah" else "slug"
    encode = ENCODER.encode
    cells = [column.value for column in table.columns]
    output = _Lines()
    writer = csv.writer(output, lineterminator="\r\n")  # RFC 4180 row ends (`tables`)
    writer.writerow([column.name for column in table.columns])
    records: list[bytes] = []
    pages: list[str] = []
    with book.table(table, data.count_of(kind)) as sheet:
        for record in data.records_of(kind):
            records.append(encode(record).encode("utf-8"))
            pages.append(page_of(record[key]))
            values = [cell(record) for cell in cells]
            writer.writerow([safe_cell(value) for value in values])
            sheet.append(values)
    return TableFiles(table, records, pages, output.lines)
