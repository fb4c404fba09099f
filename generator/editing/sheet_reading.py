"""Reading the tables an office sends: an XLSX workbook (one sheet per record kind, as
`data/katalog.xlsx` has them) or CSV files named after the kind (`inovasi.csv`), each with a
header row. Every cell keeps where it is, so a problem names it as the editor sees it:
`daftar.xlsx:inovasi!F12` in a workbook, `inovasi.csv:12:F` in a CSV (row 12 as a
spreadsheet numbers it, header = row 1; not the text line: a cell may hold line breaks).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.data.spreadsheets import GUIDE_SHEET
from generator.editing.cells import RawCell
from generator.records.problems import Problem, column_letter, display_path

KINDS = ("inovasi", "replikasi", "wilayah", "kegiatan")


@dataclass
class Sheet:
    """One table: its record kind, where it came from, its header and its rows."""

    kind: str
    path: str  # as the editor names the file
    sheet: str  # the sheet's name in a workbook, "" for a CSV file
    header: list[str]
    rows: list[tuple[int, list[RawCell]]] = field(default_factory=list)  # (row number, cells)

    def problem(
        self, row: int, column: int, message: str, hint: str = "", key: str = ""
    ) -> Problem:
        """A problem at one cell (column 1-based)."""
        return Problem(self.path, row, column, key, message, hint, sheet=self.sheet)


@dataclass
class ReadSheets:
    sheets: list[Sheet]
    problems: list[Problem]
    ignored: list[str]  # sheets or files that hold no record kind


def read_tables(paths: list[Path]) -> ReadSheets:
    """Every table of the given workbooks and CSV files."""
    result = ReadSheets([], [], [])
    for path in paths:
        shown = display_path(path)
        if not path.is_file():
            result.problems.append(Problem(shown, 1, 1, "", "berkas tidak ditemukan"))
        elif path.suffix.lower() == ".xlsx":
            _read_workbook(path, shown, result)
        elif path.suffix.lower() == ".csv":
            _read_csv(path, shown, result)
        else:
            result.problems.append(
                Problem(
                    shown, 1, 1, "", f"`{path.name}` bukan berkas .xlsx atau .csv",
                    "simpan lembar kerjanya sebagai Excel Workbook (.xlsx) atau CSV UTF-8",
                )
            )  # fmt: skip
    return result


def _read_workbook(path: Path, shown: str, result: ReadSheets) -> None:
    import openpyxl  # only `impor` needs it: the other commands start without it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        result.problems.append(
            Problem(shown, 1, 1, "", f"berkas tidak dapat dibaca sebagai .xlsx ({error})")
        )
        return
    try:
        for worksheet in book.worksheets:
            name = worksheet.title
            if name not in KINDS:
                if name != GUIDE_SHEET:
                    result.ignored.append(f"{shown}:{name}")
                continue
            rows = worksheet.iter_rows()
            header_cells = next(rows, ())
            sheet = Sheet(name, shown, name, [_header(c.value) for c in header_cells])
            for cells in rows:
                raw = [_raw(c) for c in cells]
                if any(not c.empty for c in raw):
                    # An empty cell of a read-only sheet does not know its row.
                    sheet.rows.append((next(c.row for c in cells if hasattr(c, "row")), raw))
            result.sheets.append(sheet)
    finally:
        book.close()


def _header(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _raw(cell: Any) -> RawCell:
    kind = getattr(cell, "data_type", None)
    return RawCell(cell.value, formula=kind == "f", error=kind == "e")


def _read_csv(path: Path, shown: str, result: ReadSheets) -> None:
    kind = path.stem.lower()
    if kind not in KINDS:
        result.problems.append(
            Problem(
                shown, 1, 1, "", f"nama berkas `{path.name}` tidak menyebut jenis catatan",
                "beri nama inovasi.csv, replikasi.csv, wilayah.csv atau kegiatan.csv",
            )
        )  # fmt: skip
        return
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        result.problems.append(
            Problem(
                shown, 1, 1, "", "berkas CSV bukan UTF-8",
                "di Excel pilih Simpan Sebagai → CSV UTF-8 (Comma delimited)",
            )
        )  # fmt: skip
        return
    reader = csv.reader(io.StringIO(content, newline=""))
    header = next(reader, [])
    sheet = Sheet(kind, shown, "", [_header(v) for v in header])
    for number, values in enumerate(reader, start=2):
        raw = [RawCell(v if v != "" else None) for v in values]
        if any(not c.empty for c in raw):
            sheet.rows.append((number, raw))
    result.sheets.append(sheet)


def cell_name(sheet: Sheet, row: int, column: int) -> str:
    """A cell as the editor names it, for messages that point at another cell."""
    letter = column_letter(column)
    return f"{sheet.sheet}!{letter}{row}" if sheet.sheet else f"{row}:{letter}"
