"""`validate --changed REF`: check only the records changed against a git ref, plus the
records that refer to them, for fast feedback on a large catalogue.

Cross-references need every record, but not every record's every value: all files are read
as text, only the changed ones, the ones that mention them and the ones they point at are
parsed, and only the changed and referring ones are checked against the schema. Every other
record takes part as a stub (its slug only), so "not found" and "did you mean" still see the
whole catalogue. A change to what every record depends on (`referensi/`, `katalog.yml`)
falls back to a full validation.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.records.files import MAX_SLUG, SLUG, CatalogueFacts, Record, record_files
from generator.records.loader import Located, load_file
from generator.records.problems import Problem, display_path, one_message_per_spot
from generator.records.rules import check_cross_references
from generator.records.schema import RECORD_KINDS, check_against_schema, guide_for
from generator.records.validate import missing_sources, read_catalogue

SHARED_PREFIXES = ("referensi/", "katalog.yml")


class ChangedRefError(Exception):
    """The changes cannot be listed: not a git repository, git missing, or an unknown ref."""


@dataclass
class ChangedResult:
    """The problems of the changed and referring records, and which files those were."""

    problems: list[Problem]
    checked: list[str] = field(default_factory=list)  # display paths of the files reported on
    changed: int = 0  # changed record files, deleted ones included
    full: bool = False  # a shared file changed: the whole catalogue was validated


def _git(folder: Path, *args: str) -> list[str]:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise ChangedRefError(f"git tidak dapat dijalankan: {error.strerror}") from None
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or ["git gagal"]
        raise ChangedRefError(detail[0])
    return [line for line in done.stdout.splitlines() if line]


def changed_paths(folder: Path, ref: str) -> set[str]:
    """Files under `folder` changed against `ref` (committed, staged or not) and untracked
    files, as paths relative to `folder`."""
    if ref.startswith("-"):
        raise ChangedRefError(f"`{ref}` bukan nama ref git")
    changed = _git(folder, "diff", "--name-only", "--relative", ref, "--", ".")
    untracked = _git(folder, "ls-files", "--others", "--exclude-standard", "--", ".")
    return set(changed) | set(untracked)


def _record_key(relative: str) -> tuple[str, str] | None:
    kind, _, name = relative.partition("/")
    if kind in RECORD_KINDS and "/" not in name and name.endswith(".yml"):
        return kind, name[: -len(".yml")]
    return None


def _mentions(text: str, words: set[str]) -> bool:
    return any(word in text for word in words)


def _references(kind: str, values: dict[str, Any]) -> set[tuple[str, str]]:
    """The records one record points at, as (kind, slug)."""
    found: set[tuple[str, str]] = set()

    def add(target_kind: str, value: Any) -> None:
        if isinstance(value, str):
            found.add((target_kind, value))

    def items(key: str) -> list[dict[str, Any]]:
        value = values.get(key)
        return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

    if kind == "replikasi":
        add("inovasi", values.get("inovasi"))
        add("kegiatan", values.get("kegiatan"))
    elif kind == "kegiatan":
        for result in items("hasil"):
            add("inovasi", result.get("inovasi"))
    elif kind == "inovasi":
        for award in items("penghargaan"):
            add("kegiatan", award.get("kegiatan"))
    return found


def _aliases(values: dict[str, Any]) -> set[str]:
    aliases = values.get("alias")
    return {a for a in aliases if isinstance(a, str)} if isinstance(aliases, list) else set()


def read_changed(folder: Path, ref: str, require_sources: bool | None = None) -> ChangedResult:
    """Validate what changed against `ref` and what refers to it; see the module docstring."""
    relatives = changed_paths(folder, ref)
    keys = {key for key in map(_record_key, relatives) if key is not None}
    if _needs_full_run(relatives):
        full = read_catalogue(folder, require_sources=require_sources)
        files = sorted({p.path for p in full.problems})
        return ChangedResult(full.problems, files, len(keys), full=True)
    if not keys:
        return ChangedResult([])
    facts = CatalogueFacts.read(folder)
    if require_sources is None:
        require_sources = facts.require_sources
    records = _RecordFiles(folder)
    for key in keys:
        records.load(key)
    relevant = _relevant(records, keys)
    for key in list(relevant):
        # What the relevant records point at is parsed too: the rules look into its values.
        record = records.loaded.get(key)
        for target in _references(key[0], record.values) if record else ():
            records.load(target)
    found, reported = _check(records, relevant, facts, require_sources)
    return ChangedResult(sorted(set(found)), sorted(reported), len(keys))


def _needs_full_run(relatives: set[str]) -> bool:
    """Whether what every record depends on changed, or a file the full run reports by its
    name (a record file whose name is not a slug)."""
    in_record_folders = {r for r in relatives if r.partition("/")[0] in RECORD_KINDS}
    odd_names = {
        r for r in in_record_folders if (k := _record_key(r)) is None or not _is_slug(k[1])
    }
    return bool(odd_names) or any(r.startswith(SHARED_PREFIXES) for r in relatives)


Key = tuple[str, str]  # (kind, slug)


class _RecordFiles:
    """Every record file's text, read at once, and the records parsed from them, each parsed
    at most once and only when asked for."""

    def __init__(self, folder: Path) -> None:
        self.texts: dict[Key, str] = {}
        self.paths: dict[Key, Path] = {}
        for kind in RECORD_KINDS:
            for path in record_files(folder, kind):
                self.paths[kind, path.stem] = path
                self.texts[kind, path.stem] = path.read_text(encoding="utf-8", errors="replace")
        self.loaded: dict[Key, Record] = {}
        self.loader_problems: dict[Key, list[Problem]] = {}

    def load(self, key: Key) -> Record | None:
        """The record at `key`, parsed on the first call; None if it did not load."""
        if key not in self.loaded and key not in self.loader_problems and key in self.paths:
            display = display_path(self.paths[key])
            result = load_file(self.paths[key], display, guide_for(key[0]))
            self.loader_problems[key] = result.problems
            if result.data is not None:
                self.loaded[key] = Record(key[0], key[1], self.paths[key], display, result.data)
        return self.loaded.get(key)

    def records(self) -> list[Record]:
        """Every record: the parsed ones, and a stub (its slug only) for each other."""
        return [
            self.loaded.get(key) or Record(key[0], key[1], path, str(path), Located(None))
            for key, path in self.paths.items()
        ]


def _relevant(records: _RecordFiles, keys: set[Key]) -> set[Key]:
    """The changed records and every record that refers to them. Only the texts that mention
    a changed slug (or alias) are parsed; of those, the ones that really refer are kept."""
    relevant = set(keys)
    changed_innovations = {slug for kind, slug in keys if kind == "inovasi"}
    changed_events = {slug for kind, slug in keys if kind == "kegiatan"}
    alias_words = set(changed_innovations)
    sibling_of: set[str] = set()  # innovations whose replications may now be duplicates
    for key in keys:
        record = records.loaded.get(key)
        if record and key[0] == "inovasi":
            alias_words |= _aliases(record.values)
        if record and key[0] == "replikasi" and isinstance(record.values.get("inovasi"), str):
            sibling_of.add(record.values["inovasi"])
    words = changed_innovations | changed_events | alias_words | sibling_of
    for key, text in records.texts.items():
        if key in relevant or not _mentions(text, words):
            continue
        record = records.load(key)
        if record is None:
            continue
        values = record.values
        targets = _references(key[0], values)
        if (
            any(t in keys for t in targets)
            or (key[0] == "inovasi" and _aliases(values) & alias_words)
            or (key[0] == "replikasi" and values.get("inovasi") in sibling_of)
        ):
            relevant.add(key)
    return relevant


def _check(
    records: _RecordFiles, relevant: set[Key], facts: CatalogueFacts, require_sources: bool
) -> tuple[list[Problem], set[str]]:
    """The problems of the relevant records, and the display paths of those records."""
    reported = {display_path(records.paths[key]) for key in relevant if key in records.paths}
    schema_problems: list[Problem] = []
    specific: list[Problem] = []
    for key in relevant:
        specific.extend(records.loader_problems.get(key, []))
        record = records.loaded.get(key)
        if record is not None:
            schema_problems.extend(check_against_schema(record.kind, record.data, record.display))
    if require_sources:
        specific.extend(
            missing_sources([records.loaded[key] for key in relevant if key in records.loaded])
        )
    rules = check_cross_references(records.records(), facts.regions, set(facts.sectors))
    specific.extend(p for p in rules if p.path in reported)
    # As in a full run: one message per spot, the specific one before the schema's generic one.
    return one_message_per_spot(specific, schema_problems), reported


def _is_slug(text: str) -> bool:
    return bool(SLUG.match(text)) and len(text) <= MAX_SLUG
