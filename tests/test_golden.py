"""Golden files: the page sources that `pages --out` writes for the small synthetic catalogue
in `tests/golden/catalogue/` are compared, file by file, with the committed copies in
`tests/golden/pages/`. Any change to what a page says shows up as a diff in review.

After a deliberate change to the pages, regenerate the golden files with

    UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and review `git diff tests/golden/pages/` before committing it. (The same variable rewrites
the validator's `.expect` files in `test_validate_corpus.py`.)

The catalogue folder holds the records only: the national region table is copied in from
`catalogue/referensi/` when the test runs.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import REGION_TABLE

GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_CATALOGUE = GOLDEN / "catalogue"
GOLDEN_PAGES = GOLDEN / "pages"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))


def _files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes().decode("utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The page sources of the golden catalogue, by path; written over the golden files
    first when UPDATE_GOLDEN is set."""
    root = tmp_path_factory.mktemp("golden")
    catalogue = root / "catalogue"
    shutil.copytree(GOLDEN_CATALOGUE, catalogue)
    for name in ("wilayah-provinsi.csv", "wilayah-kabupaten-kota.csv"):
        shutil.copy(REGION_TABLE / name, catalogue / "referensi" / name)
    out = root / "pages"
    result = CliRunner().invoke(main, ["pages", "--catalogue", str(catalogue), "--out", str(out)])
    assert result.exit_code == 0, result.output
    if UPDATE:
        shutil.rmtree(GOLDEN_PAGES, ignore_errors=True)
        shutil.copytree(out, GOLDEN_PAGES)
    return _files(out)


def _golden_paths() -> list[str]:
    return sorted(_files(GOLDEN_PAGES)) if GOLDEN_PAGES.is_dir() else []


def test_the_same_pages_are_written(produced: dict[str, str]) -> None:
    expected = set(_files(GOLDEN_PAGES))
    missing, extra = sorted(expected - set(produced)), sorted(set(produced) - expected)
    assert (missing, extra) == ([], []), (
        f"pages no longer written: {missing}; new pages: {extra} "
        "(UPDATE_GOLDEN=1 rewrites tests/golden/pages/)"
    )


@pytest.mark.parametrize("path", _golden_paths())
def test_page_source_equals_its_golden_file(produced: dict[str, str], path: str) -> None:
    expected = (GOLDEN_PAGES / path).read_bytes().decode("utf-8")
    actual = produced.get(path)
    if actual is None:
        pytest.fail(f"{path} is no longer written", pytrace=False)
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"tests/golden/pages/{path} (committed)",
            tofile=f"{path} (written by pages --out)",
        )
        pytest.fail(
            "".join(diff) + "\nUPDATE_GOLDEN=1 rewrites the golden files; review the diff.",
            pytrace=False,
        )


def test_the_golden_catalogue_is_small_and_complete() -> None:
    """What the golden files are meant to cover: 3-4 innovations (one with an earlier slug),
    a replication, an event and a region profile."""
    kinds = {kind: len(list((GOLDEN_CATALOGUE / kind).glob("*.yml"))) for kind in
             ("inovasi", "replikasi", "kegiatan", "wilayah")}  # fmt: skip
    assert 3 <= kinds["inovasi"] <= 4 and kinds["replikasi"] >= 1
    assert kinds["kegiatan"] >= 1 and kinds["wilayah"] >= 1
    assert "inovasi/inovasi-contoh-lama/index.md" in _golden_paths()
