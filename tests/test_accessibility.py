"""Every citizen can use the site (issue 13): axe-core finds no WCAG 2.2 AA (or best-practice)
problem on any page kind at a desktop and a phone width, record pages read with JavaScript
off, and the error page offers search and the hubs from any depth.

axe-core comes bundled in `axe-playwright-python` and is injected into the page; it fetches
nothing (the privacy test below would see it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.mkdocs.build import build_site

from .conftest import serve_directory, write_config
from .test_site import RECORDS, write_catalogue

WIDTHS = {"desktop": 1280, "mobile": 375}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# One page of each kind in the small test site.
PAGE_KINDS = {
    "home": "",
    "innovations hub": "inovasi/",
    "innovation": "inovasi/cms-desa/",
    "sector listing": "inovasi/bidang/kesehatan/",
    "year listing": "inovasi/tahun/2019/",
    "regions hub": "wilayah/",
    "region": "wilayah/kabupaten-kubu-raya/",
    "replications hub": "replikasi/",
    "replication": "replikasi/cms-desa-ketapang/",
    "events hub": "kegiatan/",
    "event": "kegiatan/komitmen-2022/",
    "about": "tentang/",
    "contribute": "kontribusi/",
    "open data": "data/",
    "not found": "404.html",
}
# Page kinds other parts of the site add; checked whenever the build has them.
OPTIONAL_PAGE_KINDS = {
    "search": "cari/",
    "statistics": "statistik/",
    "contribution form": "kontribusi/formulir/",
}


def build_test_site(root: Path) -> Path:
    """The small test site of `test_site`, built into `root/site`."""
    catalogue = write_catalogue(root / "catalogue", RECORDS)
    build_site(catalogue, root / "site", write_config(root))
    return root / "site"


def page_kinds(site: Path) -> dict[str, str]:
    """Every page kind the built site has, with the address of one page of that kind."""
    kinds = dict(PAGE_KINDS)
    for kind, url in OPTIONAL_PAGE_KINDS.items():
        if (site / url / "index.html").is_file():
            kinds[kind] = url
    return kinds


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_test_site(tmp_path_factory.mktemp("katalog-a11y"))


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_directory(site) as base:
        yield base


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations on the loaded page, one readable line per rule."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_axe_finds_no_violation_on_any_page_kind(
    browser: Any, site: Path, base_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = []
    try:
        for kind, url in page_kinds(site).items():
            page.goto(f"{base_url}/{url}")
            assert page.locator("html").get_attribute("lang") == "id", kind
            problems += [f"{kind} /{url}: {line}" for line in axe_violations(page)]
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("url", ["inovasi/cms-desa/", "wilayah/kabupaten-kubu-raya/"])
def test_record_pages_read_with_javascript_off(browser: Any, base_url: str, url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{base_url}/{url}")
        assert page.locator("article h1").is_visible()
        assert page.locator("article .k-facts").is_visible()
        text = page.locator("article").inner_text()
        assert "Sumber" in text and "Data JSON" in text
        # The hubs stay reachable: the tabs, or on a phone the drawer's navigation links.
        assert page.locator("nav a", has_text="Inovasi").count() > 0
        page.locator(".md-header label[for='__drawer']").click()  # the menu opens without JS
        assert page.locator(".md-nav--primary a", has_text="Wilayah").first.is_visible()
    finally:
        context.close()


def test_error_page_offers_search_and_hubs_at_any_depth(
    browser: Any, site: Path, base_url: str
) -> None:
    """A host serves 404.html for any unknown address, however deep: its styles, links and
    search form still work there."""
    missing = f"{base_url}/inovasi/tidak-ada/lagi/"
    body = (site / "404.html").read_bytes()
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.route(
        missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html")
    )
    try:
        page.goto(missing)
        assert page.locator("article h1").inner_text() == "Halaman tidak ditemukan"
        sheets = page.evaluate(
            "[...document.querySelectorAll('link[rel=stylesheet]')].map(l => [l.href, !!l.sheet])"
        )
        assert sheets and all(loaded for _, loaded in sheets), sheets
        form = page.locator("article form[role=search]")
        assert form.evaluate("f => f.action") == f"{base_url}/cari/"
        assert form.evaluate("f => f.method") == "get"
        assert page.get_by_label("Cari inovasi, wilayah atau kegiatan").get_attribute("name") == "q"
        links = page.locator("article a").evaluate_all("links => links.map(a => a.href)")
        assert f"{base_url}/inovasi/" in links and f"{base_url}/wilayah/" in links
        for href in links:
            response = context.request.get(href)
            assert response.ok, href
    finally:
        context.close()
