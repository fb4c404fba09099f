"""Problems found in records: values, not exceptions.

Every check in the generator reports a :class:`Problem` carrying the file, line, column and
key path, so an editor can go straight to the spot. Messages are in Indonesian (the editors'
language); see README, "Pesan validator".
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in one record file."""

    path: str
    line: int
    column: int
    key_path: str
    message: str
    hint: str = ""
    # A spreadsheet cell rather than a text position (`impor`): the sheet's name in a
    # workbook, "" in a CSV file; `line` is then the row and `column` the column's number.
    sheet: str | None = field(default=None, compare=False)

    @property
    def place(self) -> str:
        """Where it is: `path:line:col`, `book.xlsx:inovasi!F12` or `inovasi.csv:12:F`."""
        if self.sheet is None:
            return f"{self.path}:{self.line}:{self.column}"
        letter = column_letter(self.column)
        if self.sheet:
            return f"{self.path}:{self.sheet}!{letter}{self.line}"
        return f"{self.path}:{self.line}:{letter}"

    def format(self) -> str:
        """Render as `path:line:col: error: message [key.path]`, hint appended."""
        text = f"{self.place}: error: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        if self.key_path:
            text += f" [{self.key_path}]"
        return text

    def as_dict(self) -> dict[str, object]:
        found = asdict(self)
        if self.sheet is None:
            del found["sheet"]
        return found


def column_letter(number: int) -> str:
    """A spreadsheet column's letters: 1 -> `A`, 28 -> `AB`."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def format_key_path(parts: tuple[str | int, ...]) -> str:
    """`("tahapan", 1, "tanggal")` -> `tahapan[1].tanggal`."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def one_message_per_spot(specific: list[Problem], generic: list[Problem]) -> list[Problem]:
    """The specific problems, and the generic ones at a spot no specific one speaks of.

    Where the loader or a rule said something specific about a value (an alias, a region
    code with a guess of what was meant), the schema's generic message about the same value
    would only repeat it less helpfully."""
    spots = {(p.path, p.key_path) for p in specific}
    return specific + [p for p in generic if (p.path, p.key_path) not in spots]


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as editors see it: relative to the working directory when possible."""
    for base in (Path.cwd(), root):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def problems_as_json(problems: list[Problem]) -> str:
    """The `--format json` output: a stable, sorted list of problem objects."""
    return json.dumps(
        {"valid": not problems, "problems": [p.as_dict() for p in sorted(problems)]},
        ensure_ascii=False,
        indent=2,
    )
