"""One spreadsheet cell read as the editor meant it: text, a year, a date, a region code, a
yes/no, or a list in the cell syntax of `generator/data/list_cells.py`.

A cell comes as Excel stores it (openpyxl's value: text, a number, a date and time, a
boolean) or as CSV text. What Excel did to a value is undone where the meaning is certain (a
year stored as `2023.0`, region code 61.10 shown as the number `61.1`, a date cell) and
reported where it is not (a date stored as a serial number, a formula). A cell that cannot go
into a record raises :class:`CellError` with an Indonesian message and hint.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.data.columns import FORMULA_STARTS
from generator.data.list_cells import split_fields, split_items

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (after Excel's leap-year bug)
_CODE_TEXT = re.compile(r"^\d{2}(\.\d{2})?$")


class CellError(ValueError):
    """A cell whose value cannot go into a record."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class RawCell:
    """A cell as read: its value, and whether it holds a formula or an Excel error."""

    value: Any
    formula: bool = False
    error: bool = False

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


def checked(cell: RawCell) -> Any:
    """The cell's value, unless it holds a formula or an error (the sheet must hold values)."""
    if cell.formula:
        raise CellError(
            f"sel berisi rumus `{cell.value}`, bukan nilai",
            "salin selnya lalu tempel sebagai nilai (Tempel Spesial → Nilai)",
        )
    if cell.error:
        raise CellError(f"sel berisi galat Excel `{cell.value}`", "isi selnya dengan nilai")
    return cell.value


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def text(value: Any) -> str:
    """A one-line text: numbers as written (`2023.0` → `2023`), a date cell as `YYYY-MM-DD`,
    the apostrophe the CSV export puts before formula-like text taken off."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, dt.datetime | dt.date):
        return _date_of(value)
    result = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if result.startswith("'") and result[1:].startswith(FORMULA_STARTS):
        result = result[1:]
    return result


def markdown(value: Any) -> str:
    """A text of one or more paragraphs, kept as written (line breaks as LF)."""
    if not isinstance(value, str):
        return text(value)
    result = value.replace("\r\n", "\n").replace("\r", "\n")
    if result.startswith("'") and result[1:].startswith(FORMULA_STARTS):
        result = result[1:]
    return result if result.strip() else ""


def year(value: Any) -> int:
    """A year: `2023`, `2023.0` or the text `2023`."""
    if isinstance(value, dt.datetime | dt.date):
        raise CellError(
            f"tahun tertulis sebagai tanggal ({_date_of(value)})",
            "format sel sebagai Angka lalu tulis tahunnya saja, mis. `2021`",
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer():
            return int(value)
    elif re.fullmatch(r"\d{1,4}(\.0+)?", text(value)):
        return int(float(text(value)))
    raise CellError(f"`{text(value)}` bukan tahun", "tulis tahun empat angka, mis. `2021`")


def date(value: Any) -> str:
    """A date as the records write it: a date cell as `YYYY-MM-DD`, a year typed as a number
    as `YYYY`, text as written (the validator checks it). A number that Excel may have made
    from a date is reported with the date it stands for."""
    if isinstance(value, dt.datetime | dt.date):
        return _date_of(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1000 <= value <= 9999:
            return str(int(value))
        serial = EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise CellError(
            f"tanggal tertulis sebagai angka {_number_text(value)}: Excel menyimpan tanggal"
            f" sebagai nomor seri (angka ini berarti {serial.isoformat()})",
            "format sel sebagai Teks lalu tulis `YYYY-MM-DD`, atau `YYYY-MM` / `YYYY` bila"
            " sumber hanya menyebut bulan atau tahun",
        )
    return text(value)


def _date_of(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0, 0):
            raise CellError(
                f"sel tanggal berisi jam ({value.isoformat(sep=' ')})",
                "tulis tanggalnya saja, `YYYY-MM-DD`",
            )
        value = value.date()
    return value.isoformat()


def region_code(value: Any) -> str:
    """A Kemendagri code: `61.1` typed as a number is 61.10, `61` is the province."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number_text(value) if float(value).is_integer() else f"{value:.2f}"
    return text(value)


def looks_like_code(value: str) -> bool:
    return bool(_CODE_TEXT.match(value))


def boolean(value: Any) -> bool:
    """`true`/`false` as a boolean cell, text (`ya`, `tidak` too) or 1/0."""
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if word in ("true", "ya", "benar", "1", "y"):
        return True
    if word in ("false", "tidak", "salah", "0", "n"):
        return False
    raise CellError(f"`{text(value)}` bukan ya/tidak", "tulis `true` atau `false`")


def words(value: Any) -> list[str]:
    """A list of words or references: `a | b`, or one per line."""
    return split_items(text(value))


def numbers(value: Any) -> list[int]:
    """A list of whole numbers (`3 | 16`)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [year(value)]
    found = []
    for item in words(value):
        if not re.fullmatch(r"\d+(\.0+)?", item):
            raise CellError(f"`{item}` bukan bilangan bulat", "tulis nomornya, mis. `3 | 16`")
        found.append(int(float(item)))
    return found


def items(fields: tuple[str, ...]) -> Callable[[Any], list[dict[str, str]]]:
    """A reader of a list of small records: one per line, fields joined with ` | `."""

    def read(value: Any) -> list[dict[str, str]]:
        return [_fields_of(line, fields, number) for number, line in _lines(value)]

    return read


def item(fields: tuple[str, ...]) -> Callable[[Any], dict[str, str]]:
    """A reader of one small record in one line."""

    def read(value: Any) -> dict[str, str]:
        lines = _lines(value)
        if len(lines) > 1:
            raise CellError(
                "sel ini hanya boleh satu baris",
                "tulis bagian-bagiannya dipisah ` | `: " + " | ".join(fields),
            )
        return _fields_of(lines[0][1], fields, 1) if lines else {}

    return read


def _lines(value: Any) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(text(value).split("\n"), 1) if line.strip()]


def _fields_of(line: str, fields: tuple[str, ...], number: int) -> dict[str, str]:
    parts = split_fields(line)
    if len(parts) > len(fields):
        raise CellError(
            f"baris {number} di sel ini punya {len(parts)} bagian, paling banyak {len(fields)}",
            "urutannya: " + " | ".join(fields) + "; ` | ` tidak boleh ada di dalam satu bagian",
        )
    return {field: part for field, part in zip(fields, parts, strict=False) if part}
