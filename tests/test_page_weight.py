"""Light pages for slow mobile data (issue 13): a byte budget for the HTML of each page kind,
on the small test site and on the largest page of each kind of the shipped catalogue, and the
cold-cache weight of an innovation page (every request, measured in a real browser)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devtools.page_weight import cold_cache_weight

from .conftest import serve_directory
from .test_accessibility import build_test_site, page_kinds

KB = 1024
# HTML bytes of one page, per kind. An innovation page at most 40 KB is the budget;
# hubs list every record and are the first to outgrow theirs (time to paginate).
BUDGETS = {
    "home": 40 * KB,
    "innovations hub": 100 * KB,
    "innovation": 40 * KB,
    "sector listing": 60 * KB,
    "year listing": 60 * KB,
    "regions hub": 60 * KB,
    "region": 60 * KB,
    "replications hub": 100 * KB,
    "replication": 30 * KB,
    "events hub": 60 * KB,
    "event": 40 * KB,
    "about": 40 * KB,
    "contribute": 60 * KB,
    "open data": 60 * KB,
    "not found": 20 * KB,
    "search": 40 * KB,
    "statistics": 150 * KB,
    "contribution form": 60 * KB,
}
# Every byte of a first visit to an innovation page (HTML, styles, scripts, icons), uncompressed.
COLD_CACHE_BUDGET = 400 * KB


def kind_of(site: Path, html_file: Path) -> str | None:
    """The page kind of a built page, from its address."""
    parts = html_file.relative_to(site).parts
    if parts == ("404.html",):
        return "not found"
    if parts[-1] != "index.html":
        return None
    url = "/".join(parts[:-1])
    fixed = {url.rstrip("/"): kind for kind, url in page_kinds(site).items()}
    if url in fixed:
        return fixed[url]
    top, rest = parts[0], parts[1:-1]
    if top == "inovasi" and rest and rest[0] in ("bidang", "tahun", "tahap", "status"):
        return "year listing" if rest[0] == "tahun" else "sector listing"
    if top == "inovasi" and rest == ("direplikasi",):
        return "sector listing"
    if len(rest) == 1:
        return {
            "inovasi": "innovation",
            "wilayah": "region",
            "replikasi": "replication",
            "kegiatan": "event",
        }.get(top)
    return fixed.get(url)


def heaviest_pages(site: Path) -> dict[str, tuple[int, str]]:
    """The largest HTML file of each page kind: (bytes, path)."""
    heaviest: dict[str, tuple[int, str]] = {}
    for html_file in site.rglob("*.html"):
        kind = kind_of(site, html_file)
        if kind is None:
            continue
        size = html_file.stat().st_size
        if size > heaviest.get(kind, (0, ""))[0]:
            heaviest[kind] = (size, html_file.relative_to(site).as_posix())
    return heaviest


def over_budget(heaviest: dict[str, tuple[int, str]]) -> list[str]:
    return [
        f"{path}: {size / KB:.1f} KB > {BUDGETS[kind] / KB:.0f} KB ({kind})"
        for kind, (size, path) in heaviest.items()
        if size > BUDGETS[kind]
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_test_site(tmp_path_factory.mktemp("katalog-weight"))


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_directory(site) as base:
        yield base


def test_every_page_kind_has_a_budget_and_the_test_site_keeps_it(site: Path) -> None:
    heaviest = heaviest_pages(site)
    assert set(page_kinds(site)) <= set(heaviest) <= set(BUDGETS)
    assert over_budget(heaviest) == []


def test_the_shipped_catalogues_largest_pages_keep_their_budget(shipped_site: Path) -> None:
    heaviest = heaviest_pages(shipped_site)
    assert "innovation" in heaviest and heaviest["innovation"][0] <= 40 * KB
    assert over_budget(heaviest) == []


def test_an_innovation_page_on_a_cold_cache(browser: Any, base_url: str) -> None:
    weight = cold_cache_weight(browser, f"{base_url}/inovasi/cms-desa/")
    print(weight.summary())
    assert weight.by_type.get("document", 0) <= 40 * KB
    assert weight.transferred <= COLD_CACHE_BUDGET, weight.summary()
    without_js = cold_cache_weight(browser, f"{base_url}/inovasi/cms-desa/", javascript=False)
    print(without_js.summary())
    assert without_js.transferred < weight.transferred
