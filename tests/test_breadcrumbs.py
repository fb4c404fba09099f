"""Where a page sits (issue 21): every record page of the shipped site starts with breadcrumbs
from Beranda (a navigation landmark with an ordered list, the page itself marked current, the
same trail as a schema.org BreadcrumbList), lights the tab of its section, and shows no empty
sidebar."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from generator.records.settings import Identity
from generator.records.urls import LISTING_FOLDERS
from generator.records.validate import read_catalogue
from generator.site.pages import page_sources

from .conftest import REPO, serve_directory

SECTION_TAB = {"inovasi": "Inovasi", "wilayah": "Wilayah", "replikasi": "Replikasi"}
SECTION_TAB["kegiatan"] = "Kegiatan"
_RECORD_PAGE = re.compile(r"^(inovasi|wilayah|replikasi|kegiatan)/([a-z0-9-]+)/index\.html$")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def record_pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    """(section, page) of every record page (not hubs, listings or redirects at old slugs)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        match = _RECORD_PAGE.match(path.relative_to(site).as_posix())
        if match is None or match.group(2) in LISTING_FOLDERS:
            continue
        soup = _soup(path)
        if soup.select_one('meta[http-equiv="refresh"]') is None:
            pages.append((match.group(1), soup))
    return pages


@pytest.fixture(scope="module")
def shipped_pages(shipped_site: Path) -> list[tuple[str, BeautifulSoup]]:
    pages = record_pages(shipped_site)
    assert {section for section, _ in pages} == set(SECTION_TAB)
    return pages


def _breadcrumb_jsonld(article: Any) -> dict[str, Any]:
    for script in article.select('script[type="application/ld+json"]'):
        value = json.loads(script.string)
        if value.get("@type") == "BreadcrumbList":
            return value
    raise AssertionError("no BreadcrumbList")


def test_every_record_page_starts_with_breadcrumbs_from_beranda(
    shipped_site: Path, shipped_pages: list[tuple[str, BeautifulSoup]]
) -> None:
    for section, soup in shipped_pages:
        url = soup.select_one('link[rel="canonical"]') or soup.title
        article = soup.select_one("article")
        nav = article.select_one('nav[aria-label="Remah roti"]')
        assert nav is not None, url
        items = nav.select(":scope > ol > li")
        links = [li.a for li in items]
        assert links[0].get_text() == "Beranda" and len(items) >= 3, url
        current = items[-1].a
        assert current["aria-current"] == "page"
        assert current.get_text() == article.h1.get_text(), url
        assert [a for a in nav.select("[aria-current]")] == [current]
        if section in ("inovasi", "wilayah"):
            assert links[1].get_text() == "Wilayah"
        else:
            assert links[1].get_text() == SECTION_TAB[section]
        jsonld = _breadcrumb_jsonld(article)
        assert [e["name"] for e in jsonld["itemListElement"]] == [a.get_text() for a in links]
        assert [e["position"] for e in jsonld["itemListElement"]] == list(range(1, len(links) + 1))
        assert [e["item"] for e in jsonld["itemListElement"]] == [a["href"] for a in links]


def test_breadcrumb_links_lead_to_pages_that_exist(
    shipped_site: Path, shipped_pages: list[tuple[str, BeautifulSoup]]
) -> None:
    """From the page's own folder, each crumb's link (without its #anchor) is a built page."""
    for path in sorted(shipped_site.rglob("index.html")):
        soup = _soup(path)
        nav = soup.select_one('nav[aria-label="Remah roti"]')
        if nav is None:
            continue
        for a in nav.select("a"):
            target = (path.parent / a["href"].split("#")[0]).resolve() / "index.html"
            assert target.is_file(), (path, a["href"])


def test_a_record_page_lights_the_tab_of_its_section(
    shipped_pages: list[tuple[str, BeautifulSoup]],
) -> None:
    for section, soup in shipped_pages:
        active = soup.select(".md-tabs__item--active")
        assert [li.get_text(strip=True) for li in active] == [SECTION_TAB[section]]


def test_hubs_and_listings_light_their_own_tab(shipped_site: Path) -> None:
    for url, tab in [
        ("", "Beranda"),
        ("inovasi/", "Inovasi"),
        ("inovasi/bidang/kesehatan/", "Inovasi"),
        ("kegiatan/", "Kegiatan"),
        ("kontribusi/formulir/", "Kontribusi"),
    ]:
        soup = _soup(shipped_site / url / "index.html")
        active = soup.select(".md-tabs__item--active")
        assert [li.get_text(strip=True) for li in active] == [tab], url


def test_no_page_shows_an_empty_sidebar(shipped_site: Path) -> None:
    """The navigation is all in the tabs: the left sidebar is hidden on every page (it stays
    the phone's drawer); the contents sidebar shows only where there are contents."""
    for path in sorted(shipped_site.rglob("index.html")):
        soup = _soup(path)
        if soup.select_one('meta[http-equiv="refresh"]') is not None:
            continue
        primary = soup.select_one(".md-sidebar--primary")
        assert primary is not None and primary.has_attr("hidden"), path
        toc = soup.select_one(".md-sidebar--secondary")
        if toc is not None and not toc.has_attr("hidden"):
            assert toc.select("li a"), path


def test_breadcrumbs_jsonld_addresses_are_absolute_with_the_site_address() -> None:
    result = read_catalogue(REPO / "catalogue")
    assert result.catalogue is not None
    identity = Identity.of("https://katalog.example.go.id/kalbar", None)
    source = next(
        s
        for s in page_sources(result.catalogue, identity)
        if s.path == "inovasi/cms-desa-kubu-raya/index.md"
    )
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source.body)
    trail = next(json.loads(s) for s in scripts if '"BreadcrumbList"' in s)
    base = "https://katalog.example.go.id/kalbar/"
    assert [(e["name"], e["item"]) for e in trail["itemListElement"]] == [
        ("Beranda", base),
        ("Wilayah", urljoin(base, "wilayah/")),
        ("Kabupaten Kubu Raya", urljoin(base, "wilayah/kabupaten-kubu-raya/")),
        ("CMS Desa", urljoin(base, "inovasi/cms-desa-kubu-raya/")),
    ]


def test_breadcrumbs_show_on_a_phone(browser: Any, shipped_site: Path) -> None:
    """At 390 px the trail is on screen above the title, wrapped within the width."""
    with serve_directory(shipped_site) as base:
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        try:
            tab.goto(base + "/inovasi/cms-desa-kubu-raya/")
            crumbs = tab.locator('nav[aria-label="Remah roti"]')
            assert crumbs.is_visible()
            box = crumbs.bounding_box()
            title = tab.locator("article h1").bounding_box()
            assert box is not None and title is not None
            assert box["y"] + box["height"] <= title["y"]
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390
            for name in ("Beranda", "Wilayah", "Kabupaten Kubu Raya"):
                link = crumbs.get_by_role("link", name=name, exact=True)
                assert link.is_visible()
                assert link.bounding_box()["x"] + link.bounding_box()["width"] <= 390
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        finally:
            tab.close()
