"""`mkdocs serve` rebuilds (issue 11): an edit shows on its page when the rebuild returns; the
search index and open data follow in the background and are complete before the next rebuild
or the end of serving; records removed meanwhile lose their pages; nothing is left behind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import write_config
from .test_site import RECORDS, article, page, write_catalogue


def _serving(tmp_path: Path, catalogue: Path) -> Any:
    from mkdocs.config import load_config

    config = load_config(str(write_config(tmp_path)), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["katalog"]
    plugin.config.catalogue = str(catalogue)
    plugin.on_startup(command="serve", dirty=False)
    return config


def _rebuild(config: Any) -> None:
    from mkdocs.commands.build import build

    build(config, serve_url="http://127.0.0.1:8000/")


def _rename_one_delete_one(catalogue: Path) -> None:
    """The edits of a serve session: CMS Desa renamed, Salju deleted."""
    record = catalogue / "inovasi" / "cms-desa.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("nama: CMS Desa", "nama: CMS Desa Baru"),
        encoding="utf-8",
    )
    (catalogue / "inovasi" / "salju.yml").unlink()


def test_rebuild_shows_the_edit_then_index_and_data_follow(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalogue", RECORDS)
    config = _serving(tmp_path, catalogue)
    plugin = config.plugins["katalog"]
    site = tmp_path / "site"
    _rebuild(config)
    plugin.on_shutdown()  # waits for the background work, as the end of `serve` does
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    old_names = {p.name for p in (site / "pagefind" / "fragment").iterdir()}
    untouched = site / "replikasi" / "e-open-kubu-raya" / "index.html"
    untouched_twin = site / "replikasi" / "e-open-kubu-raya.json"
    stamps = {path: path.stat().st_mtime_ns for path in (untouched, untouched_twin)}

    _rename_one_delete_one(catalogue)
    _rebuild(config)
    # The page is there as soon as the rebuild returns ...
    assert article(page(site, "inovasi/cms-desa")).h1.get_text() == "CMS Desa Baru"
    assert not (site / "inovasi" / "salju").exists()
    plugin.on_shutdown()
    # Pages and twins the edit did not change were kept, not written again.
    assert {path: path.stat().st_mtime_ns for path in stamps} == stamps
    # ... the index and the data once the background work is done.
    katalog = json.loads((site / "data" / "katalog.json").read_text(encoding="utf-8"))
    names = {i["slug"]: i["nama"] for i in katalog["inovasi"]}
    assert names["cms-desa"] == "CMS Desa Baru" and "salju" not in names
    assert not (site / "inovasi" / "salju.json").exists()
    fragments = {p.name for p in (site / "pagefind" / "fragment").iterdir()}
    assert fragments and fragments != old_names
    # What was kept aside during the rebuild is gone.
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".katalog-lama")]
    assert not [p for p in site.iterdir() if p.name.startswith(".")]


def test_rebuild_waits_for_the_previous_background_work(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalogue", RECORDS)
    config = _serving(tmp_path, catalogue)
    plugin = config.plugins["katalog"]
    _rebuild(config)
    first = plugin.background
    assert first is not None
    _rebuild(config)
    assert not first.is_alive()
    plugin.on_shutdown()
    assert plugin.background is None
    assert (tmp_path / "site" / "pagefind" / "pagefind.js").is_file()


def _pages(site: Path) -> dict[str, bytes]:
    """Every HTML page of a served site but `/data/` (which lists the last rebuild's files)."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*.html")
        if path.relative_to(site).as_posix() != "data/index.html"
    }


def test_rebuild_makes_only_the_pages_an_edit_touches(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalogue", RECORDS)
    config = _serving(tmp_path, catalogue)
    plugin = config.plugins["katalog"]
    _rebuild(config)
    plugin.on_shutdown()
    assert plugin.reuse.to_make() is None  # the first build makes every page
    _rename_one_delete_one(catalogue)
    _rebuild(config)
    plugin.on_shutdown()
    remade = plugin.reuse.to_make()
    assert "inovasi/cms-desa/" in remade and "inovasi/salju/" not in remade
    assert "replikasi/e-open-kubu-raya/" not in remade
    assert len(remade) < len(plugin.reuse.fingerprints) / 2
    served = _pages(tmp_path / "site")

    # A new `serve` of the edited catalogue makes every page: the same pages, byte for byte.
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    config = _serving(fresh, catalogue)
    _rebuild(config)
    config.plugins["katalog"].on_shutdown()
    made = _pages(fresh / "site")
    assert (set(served) - set(made), set(made) - set(served)) == (set(), set())
    assert [path for path in made if served[path] != made[path]] == []
