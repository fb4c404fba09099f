"""Shared helpers: tiny catalogues built in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REGION_TABLE = REPO / "catalogue" / "referensi"


def make_catalogue(target: Path) -> Path:
    """A small valid catalogue: the test base records plus the national region table."""
    shutil.copytree(FIXTURES / "base", target)
    for name in ("wilayah-provinsi.csv", "wilayah-kabupaten-kota.csv"):
        shutil.copy(REGION_TABLE / name, target / "referensi" / name)
    return target


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    return make_catalogue(tmp_path / "catalogue")
