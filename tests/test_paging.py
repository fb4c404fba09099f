"""Long listings in pages (issue 22): `/inovasi/`, each filter value's listing and a region's
own innovations are cut into pages at stable addresses (`/inovasi/halaman/2/`), each page
links to the others, and every innovation stays reachable by links alone, without
JavaScript. Built from a small catalogue with pages of one or two entries."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs.build import build_site
from generator.records import urls
from generator.site import paging
from generator.site.pages import PageMaker
from generator.site.structure import Page

from .conftest import write_config
from .test_browse import SITE_RECORDS, bodies
from .test_site import write_catalogue

INNOVATIONS = {"cms-desa", "salju", "e-open", "uji-nakal", "lapor-sambas"}


def test_a_pager_links_first_previous_next_last_and_a_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(paging, "PER_PAGE", 10)
    page = Page.__new__(Page)  # links only: no site needed
    page.here = "inovasi/halaman/5/"
    pager = paging.pager(page, urls.INNOVATIONS, 5, 9, 85)
    assert pager is not None
    assert (pager["start"], pager["end"], pager["total"]) == (41, 50, 85)
    up = "../../../inovasi/"
    assert pager["first"] == up
    assert pager["previous"] == up + "halaman/4/"
    assert pager["next"] == up + "halaman/6/"
    assert pager["last"] == up + "halaman/9/"
    shown = [n.text if n else "…" for n in pager["numbers"]]
    assert shown == ["1", "…", "3", "4", "5", "6", "7", "…", "9"]
    assert [n.href for n in pager["numbers"] if n and n.text == "5"] == [""]  # this page
    last = paging.pager(page, urls.INNOVATIONS, 9, 9, 85)
    assert last is not None and last["next"] is None and last["end"] == 85
    assert paging.pager(page, urls.INNOVATIONS, 1, 1, 7) is None


def test_pages_of_a_listing_hold_every_entry_once_in_order() -> None:
    entries = list(range(250))
    chunks = paging.split(entries)
    assert [len(c) for c in chunks] == [100, 100, 50]
    assert [x for c in chunks for x in c] == entries
    assert paging.split([]) == [[]]


@pytest.fixture(scope="module")
def small_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paging, "PER_PAGE", 2)
        return bodies(tmp_path_factory.mktemp("halaman"), SITE_RECORDS)


def test_innovations_hub_is_cut_into_numbered_pages(
    small_pages: dict[str, BeautifulSoup],
) -> None:
    hub_pages = sorted(u for u in small_pages if u.startswith("inovasi/halaman/"))
    assert hub_pages == ["inovasi/halaman/2/", "inovasi/halaman/3/"]
    first = small_pages["inovasi/"]
    assert first.select_one("nav.k-browse") is not None  # the filters, on the first page
    assert first.select_one("script") is None  # no in-place filter over a partial list
    where = first.select_one("nav.k-pager .k-pager__where")
    assert where is not None and where.get_text() == "1–2 dari 5 · halaman 1 dari 3"
    second = small_pages["inovasi/halaman/2/"]
    assert second.select_one("h1").get_text() == "Inovasi, halaman 2"
    assert [a.get_text() for a in second.select("nav.k-breadcrumbs a")] == [
        "Beranda",
        "Inovasi",
        "Halaman 2",
    ]
    assert second.select_one('a[rel="prev"]')["href"] == "../../../inovasi/"
    assert second.select_one('a[rel="next"]')["href"] == "../../../inovasi/halaman/3/"
    cards = [len(small_pages[u].select("li.k-card")) for u in ["inovasi/", *hub_pages]]
    assert cards == [2, 2, 1]


def test_a_regions_list_continues_on_its_own_pages(small_pages: dict[str, BeautifulSoup]) -> None:
    # Kubu Raya owns two innovations; with two per page, both fit its own page.
    region = small_pages["wilayah/kabupaten-kubu-raya/"]
    assert len(region.select("li.k-card")) == 2
    assert region.select_one("nav.k-pager") is None


def test_region_pages_continue_when_a_region_owns_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paging, "PER_PAGE", 1)
    pages = bodies(tmp_path, SITE_RECORDS)
    first = pages["wilayah/kabupaten-kubu-raya/"]
    second = pages["wilayah/kabupaten-kubu-raya/halaman/2/"]
    assert len(first.select("li.k-card")) == len(second.select("li.k-card")) == 1
    names = {c.select_one("a.k-card__title").get_text() for c in first.select("li.k-card")}
    names |= {c.select_one("a.k-card__title").get_text() for c in second.select("li.k-card")}
    assert names == {"CMS Desa", "Salju"}
    assert second.select_one('a[rel="prev"]')["href"] == "../../../../wilayah/kabupaten-kubu-raya/"
    crumbs = [a.get_text() for a in second.select("nav.k-breadcrumbs a")]
    assert crumbs == ["Beranda", "Wilayah", "Kabupaten Kubu Raya", "Halaman 2"]


def test_the_events_hub_is_paged_newest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paging, "PER_PAGE", 1)
    pages = bodies(tmp_path, SITE_RECORDS)
    first, second = pages["kegiatan/"], pages["kegiatan/halaman/2/"]
    titles = [
        [a.get_text() for a in p.select("li.k-card a.k-card__title")] for p in (first, second)
    ]
    assert titles == [["Komitmen Replikasi Kalbar 2022"], ["KIPP 2021"]]
    assert first.select_one("p.k-lead").get_text().startswith("2 kegiatan: ")
    assert first.select_one("nav.k-pager a[rel=next]")["href"] == "halaman/2/"
    assert second.select_one("h1").get_text() == "Kegiatan, halaman 2"
    assert second.select_one('a[rel="prev"]')["href"] == "../../../kegiatan/"
    crumbs = [a.get_text() for a in second.select("nav.k-breadcrumbs a")]
    assert crumbs == ["Beranda", "Kegiatan", "Halaman 2"]


def _links(page_url: str, soup: BeautifulSoup) -> set[str]:
    found = set()
    for anchor in soup.select("a[href]"):
        target = urljoin("https://x/" + page_url, anchor["href"])
        parts = urlsplit(target)
        if parts.netloc == "x" and not parts.query:
            found.add(parts.path.lstrip("/"))
    return found


def test_every_innovation_is_reachable_by_links_from_the_home_page(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The built site, crawled from its home page along plain links, as a visitor without
    JavaScript (or a search engine) would."""
    root = tmp_path_factory.mktemp("halaman-situs")
    catalogue = write_catalogue(root / "catalogue", SITE_RECORDS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paging, "PER_PAGE", 1)
        build_site(catalogue, root / "site", write_config(root))
    site = root / "site"
    seen: set[str] = set()
    queue = deque([""])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        html = site / url / "index.html" if not url.endswith(".html") else site / url
        if not html.is_file():
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        queue.extend(_links(url, soup) - seen)
    assert {f"inovasi/{slug}/" for slug in INNOVATIONS} <= seen
    assert {"inovasi/halaman/5/", "wilayah/kabupaten-kubu-raya/halaman/2/"} <= seen
    assert {"kegiatan/halaman/2/", "kegiatan/kipp-2021/", "kegiatan/komitmen-2022/"} <= seen
    assert (site / "inovasi" / "halaman" / "5" / "index.html").is_file()


def test_a_commitment_board_is_paged_by_signatory(small_pages: dict[str, BeautifulSoup]) -> None:
    # Two signatories; with listings of two, a board page holds one (its rows are larger).
    first = small_pages["kegiatan/komitmen-2022/"]
    second = small_pages["kegiatan/komitmen-2022/halaman/2/"]
    regions = [
        row.select_one("td a").get_text()
        for body in (first, second)
        for row in body.select("table.k-board-table tbody tr")
    ]
    assert regions == ["Kabupaten Ketapang", "Kabupaten Landak"]
    # The counts are the whole board's on every page.
    assert "dari 2 penanda tangan" in second.get_text(" ", strip=True)
    assert first.select_one("nav.k-pager a[rel=next]")["href"] == "halaman/2/"
    crumbs = [a.get_text() for a in second.select("nav.k-breadcrumbs a")]
    assert crumbs[:2] == ["Beranda", "Kegiatan"] and crumbs[-1] == "Halaman 2"


def test_the_pager_writes_counts_as_indonesian_does() -> None:
    page = Page.__new__(Page)
    page.here = "inovasi/"
    pager = paging.pager(page, urls.INNOVATIONS, 1, 55, 5432)
    html = (
        PageMaker()
        .env.from_string('{% from "_pager.html" import pager %}{{ pager(p) }}')
        .render(p=pager)
    )
    assert "1–100 dari 5.432 · halaman 1 dari 55" in html
