"""The workbook for spreadsheet users: `data/katalog.xlsx`, one XLSX file with a sheet per
table, and the same sheets without rows, `data/templat-impor.xlsx`.

A first sheet "Petunjuk" (what each column holds, the licence), then one sheet per table with
the CSV's header and rows. Whole numbers are numbers, yes/no columns are booleans,
everything else is text; a text cell that a spreadsheet would run as a formula is written as
text with Excel's quote prefix (shown without the apostrophe the CSVs add). The file is
reproducible (`xlsx`): every zip member is dated 1980-01-01, and the workbook's created date
is the build date, never the clock.

The rows are written as the exports make the records (`TableBook`), one record at a time,
so that no record's data waits in memory for the workbook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from generator.data.columns import FORMULA_STARTS, ODBL, REGION_TABLE_SOURCE
from generator.data.records import Json
from generator.data.tables import TABLES, Table
from generator.data.xlsx import BOLD, PLAIN, Sheet, Workbook

WORKBOOK_NAME = "katalog.xlsx"
# The same sheets without rows: what an office fills in for `python -m generator impor`.
TEMPLATE_NAME = "templat-impor.xlsx"
GUIDE_SHEET = "Petunjuk"
TITLE = "Katalog Inovasi Pelayanan Publik"
GUIDE_WIDTHS = (12, 28, 90)
GUIDE_HEADINGS = (0, 2, 9)  # the guide's rows in bold


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


class TableBook:
    """The workbook being made: the guide sheet first, then a sheet per table (`table`), in
    the order of `TABLES`, then `close` for its bytes."""

    def __init__(self, base_url: str | None, built: dt.date) -> None:
        self.book = Workbook(TITLE, built, FORMULA_STARTS)
        self.rows = 0
        guide = guide_rows(base_url, built.isoformat())
        with self.book.sheet(GUIDE_SHEET, 3, len(guide), widths=GUIDE_WIDTHS) as sheet:
            for row, cells in enumerate(guide):
                sheet.append(cells, BOLD if row in GUIDE_HEADINGS else PLAIN)

    def table(self, table: Table, rows: int) -> Sheet:
        """The sheet of `table`, its header written: append its `rows` rows (the cells as the
        table's columns give them), then leave the `with`."""
        sheet = self.book.sheet(table.name, len(table.columns), rows + 1, freeze=True)
        sheet.append([column.name for column in table.columns], BOLD)
        self.rows += rows
        return sheet

    def close(self) -> bytes:
        return self.book.close()


def workbook(records: Mapping[str, Sequence[Json]], base_url: str | None, built: dt.date) -> bytes:
    """The XLSX workbook of every table, the same bytes for the same records and date."""
    book = TableBook(base_url, built)
    for table in TABLES:
        with book.table(table, len(records[table.name])) as sheet:
            for record in records[table.name]:
                sheet.append([column.value(record) for column in table.columns])
    return book.close()
