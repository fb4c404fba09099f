"""Record pages poured into theme-rendered shells read exactly like pages MkDocs renders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs.build import build_site
from generator.mkdocs.shells import Group, Shell, all_groups, group_of, sitemap_with_pages
from generator.site.pages import PageSource

from .conftest import make_catalogue, write_config, write_settings


def test_record_pages_are_grouped_and_the_rest_left_to_mkdocs() -> None:
    record = PageSource(
        "inovasi/uji-a/index.md", "A", "<p>a</p>", edit_path="catalogue/inovasi/uji-a.yml"
    )
    region = PageSource("wilayah/kota-x/index.md", "X", "<p>x</p>")
    hub = PageSource("inovasi/index.md", "Inovasi", "<p>hub</p>")
    listing = PageSource("inovasi/bidang/kesehatan/index.md", "Kesehatan", "<p>l</p>")
    redirect = PageSource(
        "inovasi/lama/index.md", "Lama", "<p>r</p>", metadata={"redirect": "../uji-a/"}
    )
    assert group_of(record) == Group("inovasi", True)
    assert group_of(region) == Group("wilayah", False)
    assert [group_of(p) for p in (hub, listing, redirect)] == [None, None, None]
    assert len({g.slug for g in all_groups()}) == 2
    assert len({g.source.path for g in all_groups()}) == 8


def test_shell_without_markers_is_refused() -> None:
    with pytest.raises(ValueError):
        Shell("<html><title>x</title></html>", Group("inovasi", False))


def test_sitemap_lists_every_poured_page_in_place_of_its_shell() -> None:
    used, unused = Group("inovasi", False), Group("wilayah", True)
    xml = "<urlset>\n    <url>\n         <loc>https://x.id/</loc>\n    </url>\n"
    for group in (used, unused):
        xml += (
            f"    <url>\n         <loc>https://x.id/{group.section}/{group.slug}/</loc>\n"
            "         <lastmod>2026-01-02</lastmod>\n    </url>\n"
        )
    xml += "</urlset>\n"
    out = sitemap_with_pages(xml, {used: ["a", "b"]})
    assert "katalog-shell" not in out
    assert out.count("<lastmod>2026-01-02</lastmod>") == 2
    assert "https://x.id/inovasi/a/</loc>" in out and "https://x.id/inovasi/b/</loc>" in out
    assert "https://x.id/</loc>" in out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shells")
    catalogue = make_catalogue(root / "catalogue")
    write_settings(catalogue, "repositori: https://example.org/repo\n")
    config = write_config(root, site_url="https://katalog.example.org/")
    build_site(catalogue, root / "site", config)
    return root / "site"


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_poured_page_has_its_own_title_description_toc_edit_link_and_address(built: Path) -> None:
    soup = _soup(built, "inovasi/uji-layanan-a")
    assert (
        soup.title is not None and soup.title.string == "UJI-A - Katalog Inovasi Pelayanan Publik"
    )
    meta = soup.find("meta", attrs={"name": "description"})
    assert meta is not None and meta["content"] == "Inovasi uji A untuk pengujian validator."
    canonical = soup.find("link", rel="canonical")
    assert canonical is not None
    assert canonical["href"] == "https://katalog.example.org/inovasi/uji-layanan-a/"
    edit = soup.select_one("a[rel=edit]")
    assert edit is not None
    assert edit["href"] == "https://example.org/repo/edit/main/catalogue/inovasi/uji-layanan-a.yml"
    toc = [a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc and all(href.startswith("#") for href in toc)
    for href in toc:
        assert soup.find(id=href[1:]) is not None, href
    skip = soup.select_one("a.md-skip")
    assert skip is not None and skip["href"] == toc[0]
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == ["UJI-A"]


def test_no_marker_or_shell_is_left_in_the_site(built: Path) -> None:
    for path in built.rglob("*"):
        assert "katalog-shell" not in str(path.relative_to(built))
        if path.suffix in (".html", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert "k7f3a" not in text, path


def test_sitemap_lists_record_pages(built: Path) -> None:
    xml = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://katalog.example.org/inovasi/uji-layanan-a/" in xml
    assert "https://katalog.example.org/replikasi/uji-a-di-ketapang/" in xml


def test_two_processes_write_the_same_pages_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages made by two forked processes equal those made by one, byte for byte. The
    processes start on the pages before MkDocs has rendered the shells (`PagePour`)."""
    from generator.mkdocs import shells

    catalogue = make_catalogue(tmp_path / "catalogue")
    config = write_config(tmp_path)
    sites = {}
    for threshold in (10_000, 0):
        monkeypatch.setattr(shells, "PARALLEL_FROM", threshold)
        site = tmp_path / f"site-{threshold}"
        summary = build_site(catalogue, site, config)
        sites[threshold] = site
        # The count the build reports is the plugin's; it is every page on disk.
        on_disk = sum("index.html" in files for _, _, files in os.walk(site))
        assert summary.endswith(f": {on_disk} halaman."), summary
    one, two = sites[10_000], sites[0]
    pages = sorted(p.relative_to(one) for p in one.rglob("index.html"))
    assert pages == sorted(p.relative_to(two) for p in two.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        assert (one / page).read_bytes() == (two / page).read_bytes(), page


def test_a_build_failing_before_the_shells_stops_the_page_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page workers start in on_config; when the build fails before MkDocs has rendered
    the shells, they stop without writing, and the failure is the build's."""
    import multiprocessing

    from generator.mkdocs import plugin as mkdocs_plugin
    from generator.mkdocs import shells

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("hub pages failed")

    monkeypatch.setattr(shells, "PARALLEL_FROM", 0)
    monkeypatch.setattr(mkdocs_plugin, "fixed_page_sources", broken)
    site = tmp_path / "site"
    with pytest.raises(RuntimeError, match="hub pages failed"):
        build_site(make_catalogue(tmp_path / "catalogue"), site, write_config(tmp_path))
    assert not site.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-build-")] == []
    assert multiprocessing.active_children() == []
