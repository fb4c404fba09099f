"""Each row of a sheet as a record: its values read cell by cell, the existing record it
updates (same slug, or the same name and owner), or the slug of a new one.

A new record's slug is the one `new` suggests (name and region for an innovation, innovation
and region for a replication, the name for an event, the region's own for a profile). When a
record of the same kind has that slug already but is another record, or an earlier row took
it, the first free of `-2`, `-3`, ... is appended: the same rows give the same slugs.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.editing import cells
from generator.editing.answers import RegionMatch
from generator.editing.record_text import suggested_slug
from generator.editing.sheet_fields import DEFAULTS, FIELDS, KNOWN_COLUMNS, SheetField
from generator.editing.sheet_reading import Sheet, cell_name
from generator.records.files import MAX_SLUG, SLUG, CatalogueFacts, record_files
from generator.records.problems import Problem
from generator.records.regions import slugify

SLUG_COLUMN = {"inovasi": "slug", "replikasi": "slug", "kegiatan": "slug", "wilayah": "kode"}


@dataclass
class RowRecord:
    """One row read as a record."""

    sheet: Sheet
    row: int
    values: dict[str, Any]
    columns: dict[str, int]  # record key -> the 1-based column it was read from
    slug: str = ""
    existing: Path | None = None  # the record file this row updates
    current: dict[str, Any] = field(default_factory=dict)  # that record's values
    problems: list[Problem] = field(default_factory=list)

    def column_of(self, key: str) -> int:
        """The column a key is read from: the cell read, else the key's column in the
        header, else the row's first cell."""
        if key in self.columns:
            return self.columns[key]
        for spec in FIELDS[self.kind]:
            if spec.key == key and spec.column in self.sheet.header:
                return self.sheet.header.index(spec.column) + 1
        return 1

    @property
    def kind(self) -> str:
        return self.sheet.kind

    def problem(self, key: str, message: str, hint: str = "") -> Problem:
        """A problem at the cell the key came from (the row's first cell otherwise)."""
        return self.sheet.problem(self.row, self.column_of(key), message, hint, key)


def header_problems(sheet: Sheet) -> list[Problem]:
    """Columns the tables do not have (with a guess), and columns named twice."""
    known = KNOWN_COLUMNS[sheet.kind]
    problems = []
    seen: set[str] = set()
    for number, name in enumerate(sheet.header, start=1):
        if not name:
            continue
        if name in seen:
            problems.append(sheet.problem(1, number, f"kolom `{name}` muncul dua kali"))
        seen.add(name)
        if name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
            problems.append(
                sheet.problem(
                    1, number, f"kolom `{name}` tidak dikenal di lembar {sheet.kind}",
                    f"maksud Anda `{close[0]}`?" if close else "pakai judul kolom templat",
                )
            )  # fmt: skip
    return problems


def read_row(sheet: Sheet, row: int, raw: list[cells.RawCell], facts: CatalogueFacts) -> RowRecord:
    """The row's values; a cell that cannot be read is a problem at that cell."""
    index = {name: number for number, name in enumerate(sheet.header, start=1) if name}
    record = RowRecord(sheet, row, {}, {})

    def cell(column: str | None) -> tuple[int, cells.RawCell] | None:
        number = index.get(column or "")
        if number is None or number > len(raw) or raw[number - 1].empty:
            return None
        return number, raw[number - 1]

    for spec in FIELDS[sheet.kind]:
        found, reader = cell(spec.column), spec.read
        if found is None and spec.read_fallback is not None:
            found, reader = cell(spec.fallback), spec.read_fallback
        if found is not None:
            _read_cell(record, spec, found, reader, facts)
    slug_cell = cell(SLUG_COLUMN[sheet.kind])
    if slug_cell is not None and sheet.kind != "wilayah":
        record.columns.setdefault("", slug_cell[0])
        try:
            record.slug = cells.text(cells.checked(slug_cell[1]))
        except cells.CellError as error:
            record.problems.append(record.sheet.problem(row, slug_cell[0], error.message))
    for key, default in DEFAULTS.get(sheet.kind, {}).items():
        if record.values.get(key) == default:
            del record.values[key]
    return record


def _read_cell(
    record: RowRecord,
    spec: SheetField,
    found: tuple[int, cells.RawCell],
    reader: Any,
    facts: CatalogueFacts,
) -> None:
    number, raw = found
    record.columns[spec.key] = number
    try:
        value = reader(cells.checked(raw), facts)
    except cells.CellError as error:
        record.problems.append(record.problem(spec.key, error.message, error.hint))
        return
    if value not in ("", [], {}, None):
        record.values[spec.key] = value


# --- which record a row is ---------------------------------------------------------------------


def identity(kind: str, values: dict[str, Any]) -> tuple[str, ...] | None:
    """What makes two records the same one besides the slug: name and owner."""
    if kind == "inovasi" and values.get("nama"):
        return (slugify(str(values["nama"])), str(values.get("wilayah", "")))
    if kind == "replikasi" and values.get("inovasi") and values.get("wilayah"):
        return (str(values["inovasi"]), str(values["wilayah"]))
    if kind == "kegiatan" and values.get("nama"):
        return (slugify(str(values["nama"])),)
    if kind == "wilayah" and values.get("kode"):
        return (str(values["kode"]),)
    return None


class ExistingRecords:
    """The catalogue's records of one kind, by slug and by identity."""

    def __init__(self, facts: CatalogueFacts, kind: str) -> None:
        self.folder = facts.folder / kind
        self.slugs = {path.stem for path in record_files(facts.folder, kind)}
        self.by_identity: dict[tuple[str, ...], str] = {}
        self.values = {slug: facts.record_values(kind, slug) for slug in sorted(self.slugs)}
        for slug, values in self.values.items():
            found = identity(kind, values)
            if found is not None:
                self.by_identity.setdefault(found, slug)


def place_rows(rows: list[RowRecord], facts: CatalogueFacts) -> None:
    """Give every row its slug and the file it updates; a row that repeats an earlier one
    (same slug, or same name and owner) is a problem."""
    existing = {kind: ExistingRecords(facts, kind) for kind in {r.kind for r in rows}}
    taken: dict[tuple[str, str], RowRecord] = {}
    seen: dict[tuple[str, tuple[str, ...]], RowRecord] = {}
    for record in rows:
        known = existing[record.kind]
        found = identity(record.kind, record.values)
        earlier = seen.get((record.kind, found)) if found else None
        if not record.slug:
            record.slug = known.by_identity.get(found, "") if found else ""
        if not record.slug:
            record.slug = _new_slug(record, facts, known, taken)
        if earlier is None:
            earlier = taken.get((record.kind, record.slug))
        if earlier is not None:
            record.problems.append(
                record.problem(
                    "", f"baris ini mengulang baris {earlier.row} (`{record.slug}`)",
                    "hapus salah satu baris, atau gabungkan isinya",
                )
            )  # fmt: skip
            continue
        if not SLUG.match(record.slug) or len(record.slug) > MAX_SLUG:
            record.problems.append(
                record.problem(
                    "", f"`{record.slug}` bukan slug yang sah",
                    f"pakai huruf kecil a-z, angka dan tanda hubung, paling panjang {MAX_SLUG}",
                )
            )  # fmt: skip
            continue
        taken[(record.kind, record.slug)] = record
        if found:
            seen[(record.kind, found)] = record
        if record.slug in known.slugs:
            record.existing = known.folder / f"{record.slug}.yml"
            record.current = known.values[record.slug]


def _new_slug(
    record: RowRecord,
    facts: CatalogueFacts,
    known: ExistingRecords,
    taken: dict[tuple[str, str], RowRecord],
) -> str:
    base = _suggested(record, facts)
    if not base:
        return f"baris-{record.row}"  # the validator reports the missing name
    slug, number = base, 1
    while slug in known.slugs or (record.kind, slug) in taken:
        number += 1
        slug = f"{base[: MAX_SLUG - len(str(number)) - 1].rstrip('-')}-{number}"
    return slug


def _suggested(record: RowRecord, facts: CatalogueFacts) -> str:
    values = record.values
    region = facts.regions.get(str(values.get("wilayah" if record.kind != "wilayah" else "kode")))
    answers: dict[str, Any] = dict(values)
    if region is not None:
        answers["wilayah"] = RegionMatch(region, True)
    if record.kind == "wilayah":
        return region.slug if region else ""
    if record.kind == "kegiatan":
        return suggested_slug("kegiatan", answers, facts.regions) if values.get("nama") else ""
    if record.kind == "inovasi" and values.get("nama") and region is None:
        return slugify(str(values["nama"]))[:MAX_SLUG].rstrip("-")
    needed = ("nama",) if record.kind == "inovasi" else ("inovasi",)
    if region is None or not all(values.get(k) for k in needed):
        return ""
    return suggested_slug(record.kind, answers, facts.regions)


def at_cell(record: RowRecord, problem: Problem) -> Problem:
    """A validator's problem in the row's record, at the cell its key came from. A missing
    key is an empty cell; other messages stay the validator's, hints included."""
    key = problem.key_path.split(".")[0].split("[")[0]
    column = record.column_of(key)
    message = problem.message
    if message.startswith("kunci wajib `") and "." not in problem.key_path:
        name = next((s.column for s in FIELDS[record.kind] if s.key == key), key)
        where = "kosong" if name in record.sheet.header else "tidak ada di lembar ini"
        message = f"kolom `{name}` wajib diisi, tetapi {where}"
    found = record.sheet.problem(record.row, column, message, problem.hint, problem.key_path)
    if record.existing is not None and key not in record.columns:
        shown = cell_name(record.sheet, record.row, column)
        return replace(found, message=f"{message} (di {record.kind}/{record.slug}.yml, {shown})")
    return found
