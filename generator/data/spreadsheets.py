"""The tables for spreadsheet users: a CSV per table that Excel opens by double-click, and one
XLSX workbook with a sheet per table.

- `data/excel/<table>.csv`: the plain CSV's rows with a UTF-8 byte order mark (without it,
  Excel reads the file in the computer's legacy code page and garbles every non-ASCII
  letter) and CRLF at the end of every row. A cell's own line breaks stay inside its quotes
  as a single LF, which is what Excel itself writes for a line break in a cell (Alt+Enter)
  and reads back as one cell; a CR or CRLF inside a cell is turned into LF.
- `data/katalog.xlsx`: a first sheet "Petunjuk" (what each column holds, the licence), then
  one sheet per table with the CSV's header and rows. Whole numbers are numbers, yes/no
  columns are booleans, everything else is text; a text cell that a spreadsheet would run as
  a formula is written as text with Excel's quote prefix (shown without the apostrophe the
  CSVs add). The file is reproducible: XlsxWriter dates every zip member 1980-01-01, and the
  workbook's created date is the build date, never the clock.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import xlsxwriter

from generator.data.columns import FORMULA_STARTS, ODBL, REGION_TABLE_SOURCE, Column, safe_cell
from generator.data.records import Json
from generator.data.tables import TABLES, Table

EXCEL_DIR = "excel/"  # inside the data folder: `data/excel/inovasi.csv`
WORKBOOK_NAME = "katalog.xlsx"
# The same sheets without rows: what an office fills in for `python -m generator impor`.
TEMPLATE_NAME = "templat-impor.xlsx"
GUIDE_SHEET = "Petunjuk"
BOM = "\ufeff"
TITLE = "Katalog Inovasi Pelayanan Publik"
CELL_LIMIT = 32767  # the most characters an Excel cell holds


def excel_cell(value: Any) -> str:
    """A CSV cell for Excel: the plain CSV's cell with its line breaks as LF."""
    return safe_cell(value).replace("\r\n", "\n").replace("\r", "\n")


def excel_csv(table: Table, records: list[Json]) -> bytes:
    """The table as Excel opens it by double-click: UTF-8 with a BOM, CRLF row ends."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in table.columns])
    for record in records:
        writer.writerow([excel_cell(column.value(record)) for column in table.columns])
    return buffer.getvalue().encode("utf-8")


def guide_rows(base_url: str | None, built: str) -> list[tuple[str, str, str]]:
    """The "Petunjuk" sheet: (sheet, column, description) rows after a few lines of text."""
    rows = [
        ("", TITLE, ""),
        ("", f"Dibangun: {built}" + (f"; situs: {base_url}" if base_url else ""), ""),
        ("", "Lisensi", ""),
        (
            "",
            f"Seluruh data: {ODBL['title']} ({ODBL['name']}), {ODBL['path']}. Sebutkan"
            " sumbernya (Katalog Inovasi Pelayanan Publik dan idn-area-data/Kemendagri) dan"
            " terbitkan basis data turunan dengan lisensi yang sama.",
            "",
        ),
        (
            "",
            f"Kode dan nama wilayah: {REGION_TABLE_SOURCE['title']},"
            f" {REGION_TABLE_SOURCE['path']}.",
            "",
        ),
        (
            "",
            "Daftar dalam satu sel dipisah ` | `. Tanggal ditulis seperti di catatan (`YYYY`,"
            " `YYYY-MM` atau `YYYY-MM-DD`). Sel kosong: tidak diisi atau belum diketahui.",
            "",
        ),
        (
            "",
            "Daftar rincian (sumber, tautan, indikator, penghargaan_rinci, tahapan_rinci): satu"
            " butir per baris di dalam sel (Alt+Enter), bagian-bagiannya dipisah ` | ` menurut"
            " urutan di keterangan kolomnya.",
            "",
        ),
        (
            "",
            "Impor: lembar inovasi, replikasi, wilayah dan kegiatan dibaca kembali oleh"
            " `python -m generator impor`. Kolom yang dibuat dari catatan lain (url, url_json,"
            " nama wilayah dan provinsi, jumlah_*, judul, tanggal_mulai, tahap_terakhir) tidak"
            " dibaca; sel kosong tidak menghapus isi catatan yang sudah ada.",
            "",
        ),
        ("", "", ""),
        ("lembar", "kolom", "isi"),
    ]
    for table in TABLES:
        rows += [(table.name, column.name, column.description) for column in table.columns]
    return rows


def workbook(records: dict[str, list[Json]], base_url: str | None, built: dt.date) -> bytes:
    """The XLSX workbook of every table, the same bytes for the same catalogue and date."""
    output = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    book = xlsxwriter.Workbook(output, options)
    created = dt.datetime(built.year, built.month, built.day, tzinfo=dt.UTC)
    book.set_properties({"title": TITLE, "created": created})
    bold = book.add_format({"bold": True})
    text = book.add_format({"text_wrap": False})
    quoted = book.add_format({"quote_prefix": True})
    guide = book.add_worksheet(GUIDE_SHEET)
    for row, cells in enumerate(guide_rows(base_url, built.isoformat())):
        guide.write_row(row, 0, cells, bold if row in (0, 2, 9) else text)
    guide.set_column(0, 0, 12)
    guide.set_column(1, 1, 28)
    guide.set_column(2, 2, 90)
    for table in TABLES:
        sheet = book.add_worksheet(table.name)
        sheet.write_row(0, 0, [column.name for column in table.columns], bold)
        sheet.freeze_panes(1, 0)
        for row, record in enumerate(records[table.name], start=1):
            for col, column in enumerate(table.columns):
                _write(sheet, row, col, _value(column, record), quoted)
        sheet.autofilter(0, 0, len(records[table.name]), len(table.columns) - 1)
    book.close()
    return output.getvalue()


def _value(column: Column, record: Json) -> Any:
    value = column.value(record)
    if value is None or isinstance(value, bool | int):
        return value
    return str(value)


def _write(sheet: Any, row: int, col: int, value: Any, quoted: Any) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int):
        sheet.write_number(row, col, value)
    elif value.startswith(FORMULA_STARTS):
        sheet.write_string(row, col, value[:CELL_LIMIT], quoted)
    else:
        sheet.write_string(row, col, value[:CELL_LIMIT])
