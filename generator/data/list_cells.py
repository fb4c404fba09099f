"""How a list is written in one spreadsheet cell, for the export and for `impor` alike.

- A list of words or references (`tag`, `dasar_hukum`, `peserta_kode`): the items joined
  with ` | ` (`impor` also accepts one item per line).
- A list of small records (`sumber`, `tautan`, `indikator`, `penghargaan_rinci`,
  `tahapan_rinci`): one item per line (Alt+Enter in Excel), its fields in a fixed order
  joined with ` | `; an empty field stays empty (`Judul | https://... |`), trailing empty
  fields may be left out. A field's own line breaks become spaces (no shipped field has
  one), and ` | ` cannot appear inside a field.
- One small record (`kontak`): its fields in one line, the same way.
"""

from __future__ import annotations

import re
from typing import Any

LIST_SEPARATOR = " | "
# ` | `, and a bar at either end of a line: `| url` has an empty first field. A bar with no
# space beside it (`Berita|Antara`) is part of the text.
_SEPARATOR = re.compile(r"(?:(?<=\s)|^)\|(?=\s|$)")

# The fields of each list-of-records cell, in the order they are written.
SOURCE_FIELDS = ("judul", "url", "tanggal")
LINK_FIELDS = ("judul", "url")
INDICATOR_FIELDS = ("nama", "nilai", "satuan", "sebelum", "periode", "sumber")
AWARD_FIELDS = ("nama", "tahun", "pemberi", "kegiatan")
STAGE_FIELDS = ("tahap", "tanggal", "catatan")
CONTACT_FIELDS = ("nama", "jabatan", "email", "telepon", "alamat", "situs")


def joined(values: list[Any]) -> str:
    """A list of words in one cell: `a | b | c`."""
    return LIST_SEPARATOR.join(str(v) for v in values)


def item_line(item: dict[str, Any], fields: tuple[str, ...]) -> str:
    """One small record as a line of its fields, trailing empty fields left out."""
    cells = ["" if item.get(f) is None else " ".join(str(item[f]).split()) for f in fields]
    while cells and not cells[-1]:
        cells.pop()
    return LIST_SEPARATOR.join(cells).strip()


def item_lines(items: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    """A list of small records, one per line."""
    return "\n".join(item_line(item, fields) for item in items)


def split_items(text: str) -> list[str]:
    """The items of a list of words: separated by ` | ` or by line breaks."""
    parts = [p for line in text.splitlines() for p in _SEPARATOR.split(line)]
    return [p.strip() for p in parts if p.strip()]


def split_fields(line: str) -> list[str]:
    """The fields of one line of a list-of-records cell, empty ones kept."""
    return [part.strip() for part in _SEPARATOR.split(line.strip())]
