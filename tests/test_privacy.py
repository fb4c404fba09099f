"""A government site must not hand its visitors' addresses to third parties (issue 13): no
web fonts from Google, no CDN, no analytics. A real browser loads every page kind, scripts
running, and every request it makes is recorded; any request leaving the site's origin fails
the test (and is blocked, so the test itself never reaches the internet)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import serve_directory
from .test_accessibility import build_test_site, page_kinds

EXTERNAL_IN_CSS = re.compile(r"""(?:@import\s+|url\(\s*['"]?)(?:https?:)?//""", re.IGNORECASE)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_test_site(tmp_path_factory.mktemp("katalog-privacy"))


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_directory(site) as base:
        yield base


def test_no_page_kind_makes_a_request_off_the_sites_origin(
    browser: Any, site: Path, base_url: str
) -> None:
    origin = urlsplit(base_url).netloc
    context = browser.new_context(viewport={"width": 375, "height": 800})
    requested: list[str] = []
    leaving: list[str] = []
    current = [""]

    def record(route: Any) -> None:
        url = route.request.url
        requested.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or parts.netloc == origin:
            route.continue_()
        else:
            leaving.append(f"{current[0]}: {url}")
            route.abort()

    context.route("**/*", record)
    page = context.new_page()
    try:
        for kind, url in page_kinds(site).items():
            current[0] = f"{kind} /{url}"
            page.goto(f"{base_url}/{url}", wait_until="networkidle")
            page.mouse.wheel(0, 5000)  # anything loaded lazily on scrolling
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert requested, "the route saw no request"
    assert any(u.endswith(".css") for u in requested)
    assert leaving == []


def test_no_stylesheet_or_script_refers_to_another_host(site: Path) -> None:
    """What the browser test cannot reach (print styles, fonts for other scripts) in the files."""
    external = []
    for path in site.rglob("*"):
        if path.suffix == ".css" and EXTERNAL_IN_CSS.search(path.read_text(encoding="utf-8")):
            external.append(path.relative_to(site).as_posix())
    assert external == []
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "googletagmanager", "cdn."):
            assert host not in text, f"{html_file.relative_to(site)}: {host}"
