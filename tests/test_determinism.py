"""Deterministic builds (issue 10): one catalogue, two builds, byte-identical sites; the
build date comes from the catalogue (or SOURCE_DATE_EPOCH), never from the clock."""

from __future__ import annotations

import calendar
import os
from pathlib import Path
from typing import Any

import pytest

from generator.data.exports import build_date_for
from generator.mkdocs.build import build_site
from generator.mkdocs.plugin import KatalogPlugin
from generator.records.validate import read_catalogue

from .conftest import REPO, make_catalogue

PAGEFIND = "pagefind/"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    catalogue = make_catalogue(tmp_path / "catalogue")
    build_site(catalogue, tmp_path / "one", REPO / "mkdocs.yml")
    build_site(catalogue, tmp_path / "two", REPO / "mkdocs.yml")
    one, two = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    # The search index too (Pagefind's own output is not ordered: `search_bundle`).
    assert any(p.startswith(PAGEFIND + "filter/") for p in one)
    assert sorted(one) == sorted(two)
    differing = [path for path in one if one[path] != two[path]]
    assert differing == []
    assert "SOURCE_DATE_EPOCH" not in os.environ  # the build restored the environment


def _epoch_during_build(catalogue: Path, site: Path, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """SOURCE_DATE_EPOCH as MkDocs sees it while it builds (sitemap dates, gzip header)."""
    seen: list[str | None] = []
    original = KatalogPlugin.on_post_build

    def spy(self: KatalogPlugin, *, config: Any) -> None:
        seen.append(os.environ.get("SOURCE_DATE_EPOCH"))
        original(self, config=config)

    monkeypatch.setattr(KatalogPlugin, "on_post_build", spy)
    build_site(catalogue, site, REPO / "mkdocs.yml")
    return seen[0]


def test_the_build_date_is_the_catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    catalogue = make_catalogue(tmp_path / "catalogue")
    result = read_catalogue(catalogue)
    assert result.catalogue is not None
    expected = calendar.timegm(build_date_for(result.catalogue).timetuple())
    assert _epoch_during_build(catalogue, tmp_path / "site", monkeypatch) == str(expected)
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_source_date_epoch_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    catalogue = make_catalogue(tmp_path / "catalogue")
    assert _epoch_during_build(catalogue, tmp_path / "site", monkeypatch) == "1700000000"
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
