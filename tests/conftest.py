"""Shared helpers: tiny catalogues built in a temporary folder."""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from devtools.search_measure import serve_folder

# Property tests: CI (CI=true, set by .ci/run) replays the same generated examples on every
# run, so a red run means a change broke something; a developer's run explores new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REGION_TABLE = REPO / "catalogue" / "referensi"


REPOSITORY = "https://example.org/katalog"  # a repository's web address, for edit links
EDIT_BASE = f"{REPOSITORY}/edit/main"


def write_config(folder: Path, site_url: str = "") -> Path:
    """The repository's mkdocs.yml in `folder`, with absolute docs and theme folders and a
    `site_url` when given."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {REPO / 'docs'}")
    text = text.replace("custom_dir: theme_overrides", f"custom_dir: {REPO / 'theme_overrides'}")
    if site_url:
        text += f"\nsite_url: {site_url}\n"
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def write_settings(catalogue_dir: Path, text: str) -> Path:
    """Add `text` (YAML keys) to the catalogue's `katalog.yml`, e.g. its `repositori`."""
    path = catalogue_dir / "katalog.yml"
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    path.write_text(before + textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def make_catalogue(target: Path) -> Path:
    """A small valid catalogue: the test base records plus the national region table."""
    shutil.copytree(FIXTURES / "base", target)
    for name in ("wilayah-provinsi.csv", "wilayah-kabupaten-kota.csv"):
        shutil.copy(REGION_TABLE / name, target / "referensi" / name)
    return target


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    return make_catalogue(tmp_path / "catalogue")


# --- browser tests ------------------------------------------------------------------------
# Playwright drives Debian's Chromium (/usr/bin/chromium; scripts/test.sh installs it). In CI
# (CI=true) a missing browser fails the run; on a developer's machine the tests are skipped.

CHROMIUM = os.environ.get("KATALOG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium shared by the session's browser tests."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: browser tests never skip in CI")
        pytest.skip(f"{CHROMIUM} is missing (scripts/test.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve_directory(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on 127.0.0.1 (a free port), uncompressed; yields the base URL."""
    with serve_folder(folder, _QuietHandler) as base:
        yield base


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the shipped catalogue with the project's mkdocs.yml, built once for every
    test that reads it."""
    from generator.mkdocs.build import build_site

    root = tmp_path_factory.mktemp("katalog-shipped")
    build_site(REPO / "catalogue", root / "site", REPO / "mkdocs.yml")
    return root / "site"
