"""The record cache of `mkdocs serve` (issue 11): unchanged files are not parsed again, an
edited, broken or deleted file is seen at once, and the result equals a fresh read."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from generator.records import validate
from generator.records.validate import RecordCache, read_catalogue

from .conftest import make_catalogue


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The record files parsed (by name), through the real loader."""
    seen: list[str] = []
    real = validate.load_file

    def counting(path: Path, *args: Any) -> Any:
        seen.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(validate, "load_file", counting)
    return seen


def _names(folder: Path, cache: RecordCache | None) -> dict[str, str]:
    result = read_catalogue(folder, cache=cache)
    assert result.catalogue is not None, [p.format() for p in result.problems]
    return {slug: i.nama for slug, i in result.catalogue.innovations.items()}


def test_unchanged_files_are_not_parsed_again(tmp_path: Path, loads: list[str]) -> None:
    folder = make_catalogue(tmp_path / "catalogue")
    cache = RecordCache()
    first = _names(folder, cache)
    record_files = [n for n in loads if n not in ("katalog.yml", "bidang.yml")]
    assert "uji-layanan-a.yml" in record_files
    loads.clear()
    assert _names(folder, cache) == first
    assert [n for n in loads if n not in ("katalog.yml", "bidang.yml")] == []


def test_edit_break_and_delete_are_seen_at_once(tmp_path: Path, loads: list[str]) -> None:
    folder = make_catalogue(tmp_path / "catalogue")
    cache = RecordCache()
    _names(folder, cache)
    record = folder / "inovasi" / "uji-layanan-a.yml"
    text = record.read_text(encoding="utf-8")
    # Same size, same second: only the nanoseconds, ctime or inode tell the files apart.
    stat = record.stat()
    record.write_text(text.replace("nama: UJI-A", "nama: UJI-Z"), encoding="utf-8")
    os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    loads.clear()
    assert _names(folder, cache)["uji-layanan-a"] == "UJI-Z"
    assert "uji-layanan-a.yml" in loads and "uji-layanan-b.yml" not in loads

    record.write_text(text.replace('wilayah: "61.12"', 'wilayah: "99.99"'), encoding="utf-8")
    broken = read_catalogue(folder, cache=cache)
    fresh = read_catalogue(folder)
    assert broken.catalogue is None and broken.problems == fresh.problems
    assert any("99.99" in p.format() for p in broken.problems)

    record.write_text(text, encoding="utf-8")
    (folder / "inovasi" / "uji-layanan-b.yml").unlink()
    assert set(_names(folder, cache)) == set(_names(folder, None)) == {"uji-layanan-a"}
