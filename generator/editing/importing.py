"""`python -m generator impor`: the rows of a workbook or of CSV files become records.

Every row is read, placed (a new record, or an update of the record with its slug, or its
name and owner) and written into a copy of the catalogue, which the real validator then
checks whole: the schema and every cross-record rule, against the rest of the catalogue. Its
problems in an imported record are given back at the row's cell; nothing is written to the
catalogue unless every row passed (or, with `partial`, the rows that passed, once the
catalogue with only them is valid).

An update changes only the keys whose cell is filled and says something else than the
record: an empty cell never removes anything, and the comments and keys the sheet does not
have stay as they were (see `record_yaml.changed_text`).
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.editing.cells import RawCell, boolean
from generator.editing.record_yaml import changed_text, record_yaml
from generator.editing.sheet_reading import Sheet, read_tables
from generator.editing.sheet_rows import (
    RowRecord,
    at_cell,
    header_problems,
    place_rows,
    read_row,
)
from generator.records.files import CatalogueFacts
from generator.records.problems import Problem, display_path
from generator.records.validate import read_catalogue

PROFILE_KEYS = ("ibu_kota", "situs", "uraian", "catatan", "sumber")
MAX_ROUNDS = 5  # partial import: validations after leaving out the rows that failed


@dataclass
class Change:
    """One record the import writes: its file, and its text before (None when new) and after."""

    row: RowRecord
    path: Path
    before: str | None
    after: str

    def diff(self) -> str:
        """A readable unified diff of an update (the whole text of a new record)."""
        shown = display_path(self.path)
        before = (self.before or "").splitlines(keepends=True)
        return "".join(
            difflib.unified_diff(
                before, self.after.splitlines(keepends=True),
                "/dev/null" if self.before is None else shown, shown,
            )
        )  # fmt: skip


@dataclass
class ImportResult:
    """What an import found and did."""

    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)  # written, or to write (dry run)
    unchanged: int = 0  # rows that match their record already
    failed_rows: int = 0
    ignored: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def created(self) -> list[Change]:
        return [c for c in self.changes if c.before is None]

    @property
    def updated(self) -> list[Change]:
        return [c for c in self.changes if c.before is not None]


def import_tables(
    paths: list[Path], folder: Path, dry_run: bool = False, partial: bool = False
) -> ImportResult:
    """Read the tables, check their records with the catalogue, and write them when valid."""
    read = read_tables(paths)
    result = ImportResult(ignored=read.ignored)
    if not folder.is_dir():
        result.problems = [Problem(str(folder), 1, 1, "", "folder katalog tidak ditemukan")]
        return result
    facts = CatalogueFacts.read(folder)
    file_problems = list(read.problems)
    rows: list[RowRecord] = []
    for sheet in read.sheets:
        file_problems += header_problems(sheet)
        rows += _sheet_rows(sheet, facts)
    place_rows(rows, facts)
    changes = [change for row in rows if (change := _change(row, facts)) is not None]
    # The copy lives beside the catalogue, so that its checked files are moved in, not
    # written a second time.
    with tempfile.TemporaryDirectory(prefix=".impor-", dir=folder.resolve().parent) as tmp:
        copy = Path(tmp) / folder.name
        good, other = _validated(folder, copy, changes, partial) if changes else ([], [])
        row_problems = [p for row in rows for p in row.problems]
        result.problems = sorted(file_problems + other) + sorted(row_problems)
        result.failed_rows = sum(1 for row in rows if row.problems)
        changed_rows = {id(change.row) for change in changes}
        result.unchanged = sum(1 for r in rows if id(r) not in changed_rows and not r.problems)
        result.changes = good if partial else changes
        if file_problems or other or (row_problems and not partial):
            return result
        if not dry_run:
            _write(result.changes, copy)
            result.written = True
    return result


def report_lines(result: ImportResult, dry_run: bool) -> list[str]:
    """What the import did, for the editor: the files written (or to write), then a count."""
    lines = []
    verb = "akan ditulis" if dry_run or not result.written else "ditulis"
    for change in result.changes if result.written or dry_run else []:
        state = "baru" if change.before is None else "diubah"
        lines.append(f"{state}: {display_path(change.path)} ({_row_name(change.row)})")
    if result.ignored:
        lines.append("lembar diabaikan (bukan jenis catatan): " + ", ".join(result.ignored))
    summary = (
        f"{len(result.created)} catatan baru dan {len(result.updated)} catatan diubah {verb}; "
        f"{result.unchanged} baris sudah sama dengan catatannya"
    )
    if result.problems:
        summary += f"; {len(result.problems)} masalah di {result.failed_rows} baris"
        if not result.written:
            summary = "Tidak ada yang ditulis: " + summary.replace(f" {verb}", "")
    lines.append(summary + ".")
    return lines


def _row_name(row: RowRecord) -> str:
    sheet = row.sheet
    where = f"{sheet.path}, lembar {sheet.sheet}" if sheet.sheet else sheet.path
    return f"{where}, baris {row.row}"


def _sheet_rows(sheet: Sheet, facts: CatalogueFacts) -> list[RowRecord]:
    rows = []
    profile_column = sheet.header.index("profil") + 1 if "profil" in sheet.header else 0
    for number, raw in sheet.rows:
        record = read_row(sheet, number, raw, facts)
        if sheet.kind == "wilayah" and not _is_profile(record, raw, profile_column):
            continue  # a region shown without a profile: nothing to import
        if sheet.kind == "wilayah":
            region = facts.regions.get(str(record.values.get("kode", "")))
            if region is not None and record.values.get("nama") == region.full_name:
                del record.values["nama"]  # the national table's name is the default
        rows.append(record)
    return rows


def _is_profile(record: RowRecord, raw: list[RawCell], profile_column: int) -> bool:
    if profile_column and profile_column <= len(raw) and not raw[profile_column - 1].empty:
        try:
            return boolean(raw[profile_column - 1].value)
        except ValueError:
            return True  # read as a profile: the validator then names what is wrong
    return any(key in record.values for key in PROFILE_KEYS)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return old.strip() == new.strip()
    return bool(old == new)


def _change(row: RowRecord, facts: CatalogueFacts) -> Change | None:
    """The file text the row makes: a new record, or the existing one with the cells that
    differ from it; None when the row changes nothing or could not be read."""
    if row.problems:
        return None
    if row.existing is None:
        path = facts.folder / row.kind / f"{row.slug}.yml"
        return Change(row, path, None, record_yaml(row.kind, row.values))
    changes = {k: v for k, v in row.values.items() if not _same(row.current.get(k), v)}
    if not changes:
        return None
    try:
        before = row.existing.read_text(encoding="utf-8")
        return Change(row, row.existing, before, changed_text(row.kind, before, changes))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        shown = display_path(row.existing)
        row.problems.append(
            row.problem("", f"catatan {shown} tidak dapat dibaca", "jalankan `validate` dulu")
        )
        return None


# --- checking in a copy of the catalogue -------------------------------------------------------


def _validated(
    folder: Path, copy: Path, changes: list[Change], partial: bool
) -> tuple[list[Change], list[Problem]]:
    """The changes that pass the validator with the rest of the catalogue (in `copy`), and
    the problems outside the imported records. A change's own problems go to its row, at
    their cells. With `partial`, the rows that failed are left out and the rest checked
    again."""
    _copy_catalogue(folder, copy)
    remaining = list(changes)
    by_display: dict[str, Change] = {}
    for change in remaining:
        target = copy / change.row.kind / change.path.name
        _put(target, change.after)
        by_display[f"{display_path(copy / change.row.kind)}/{target.name}"] = change
    for _ in range(MAX_ROUNDS):
        problems = read_catalogue(copy, model=False).problems
        other: list[Problem] = []
        failed: set[int] = set()
        for problem in problems:
            owner = by_display.get(problem.path)
            if owner is None:
                other.append(_outside(problem, copy, folder))
                continue
            owner.row.problems.append(at_cell(owner.row, problem))
            failed.add(id(owner))
        if not failed or not partial:
            return [c for c in remaining if id(c) not in failed], other
        for change in remaining:
            if id(change) in failed:
                _restore(copy / change.row.kind / change.path.name, change.before)
        remaining = [c for c in remaining if id(c) not in failed]
    return [], other


def _copy_catalogue(folder: Path, copy: Path) -> None:
    """The catalogue's settings, reference data and records, hard-linked where possible
    (a file of the copy is replaced, never written through the link)."""
    shutil.copytree(folder, copy, copy_function=_link_or_copy, ignore=_not_catalogue)


def _not_catalogue(directory: str, names: list[str]) -> set[str]:
    return {n for n in names if n.startswith(".")}


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _put(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def _restore(path: Path, before: str | None) -> None:
    path.unlink(missing_ok=True)
    if before is not None:
        path.write_text(before, encoding="utf-8", newline="\n")


def _outside(problem: Problem, copy: Path, folder: Path) -> Problem:
    """A problem of a record the import did not write, at the record's real path."""
    shown_copy, shown = display_path(copy), display_path(folder)
    if problem.path.startswith(shown_copy):
        return replace(problem, path=shown + problem.path[len(shown_copy) :])
    return problem


def _write(changes: list[Change], copy: Path) -> None:
    """Move every checked record from the copy into the catalogue; a file is replaced whole,
    never left half-written."""
    for change in changes:
        change.path.parent.mkdir(parents=True, exist_ok=True)
        checked = copy / change.row.kind / change.path.name
        try:
            os.replace(checked, change.path)
        except OSError:  # another file system
            partial_file = change.path.with_name(f".{change.path.name}.impor")
            partial_file.write_text(change.after, encoding="utf-8", newline="\n")
            os.replace(partial_file, change.path)
