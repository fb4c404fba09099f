"""Statistics, timelines and tables on a phone (issue 21): names that never break mid-word,
wide tables that scroll in a box with a hint, the newest years first, a sentence instead of a
chart with one number, and, in Chromium at 390 px, names on whole words and a vertical
timeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from generator.mkdocs.build import build_site
from tests.conftest import serve_directory, write_config
from tests.test_replication_views import RECORDS
from tests.test_site import write_catalogue

ONE_INNOVATION = {
    "referensi/bidang.yml": """
        - kode: kesehatan
          nama: Kesehatan
    """,
    "inovasi/tunggal.yml": """
        nama: Tunggal
        wilayah: "61.06"
        instansi: Dinas Kesehatan
        tahun: 2021
        bidang: kesehatan
        jenis: digital
        tahap: penerapan
        ringkasan: Satu-satunya inovasi.
    """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("statistik-ponsel")
    build_site(write_catalogue(root / "catalogue", RECORDS), root / "site", write_config(root))
    return root / "site"


@pytest.fixture(scope="module")
def lonely_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("statistik-sepi")
    folder = write_catalogue(root / "catalogue", ONE_INNOVATION)
    build_site(folder, root / "site", write_config(root))
    return root / "site"


def article(site: Path, url: str) -> Tag:
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one("article")
    assert found is not None
    return found


def test_every_name_cell_of_the_statistics_keeps_whole_words(site: Path) -> None:
    page = article(site, "statistik")
    for table in page.select("table.k-heat-table"):
        names = table.select("tbody tr > :first-child")
        assert len(names) >= 15  # every region of the home province
        assert all(cell.name == "th" and "k-name" in cell["class"] for cell in names)
    assert page.select('[data-list="perangkat-daerah-daftar"] summary .k-name')


def test_grids_scroll_in_a_labelled_box_with_a_hint(site: Path) -> None:
    page = article(site, "statistik")
    for grid in ("inovasi-per-wilayah-tahun", "perangkat-daerah-per-tahun"):
        table = page.select_one(f'table[data-table="{grid}"]')
        assert table is not None
        box = table.find_parent(class_="k-wide__box")
        assert box is not None and box["tabindex"] == "0" and box["role"] == "region"
        caption = table.select_one("caption")
        assert caption is not None and box["aria-labelledby"] == caption["id"]
        hint = box.find_parent(class_="k-wide").select_one(".k-wide__hint")
        assert hint.get_text() == "Geser untuk melihat tahun lain"
    for url in ("wilayah/kota-pontianak", "kegiatan/komitmen-2022"):
        assert article(site, url).select(".k-wide .k-wide__hint + .k-wide__frame table")


def test_grids_open_on_the_newest_year_and_leave_out_empty_years(site: Path) -> None:
    figure = article(site, "statistik").select_one('[data-figure="inovasi-per-wilayah-tahun"]')
    headings = [th.get_text() for th in figure.select("thead th")]
    assert headings[:2] == ["Wilayah", "Jumlah"]
    years = [int(y) for y in headings[2:]]
    # RECORDS start innovations in 2018-2021 and none in between is empty.
    assert years == sorted(years, reverse=True) and years[0] == 2021 and years[-1] == 2018
    # A row with no innovation is one empty cell spanning every year.
    empty = figure.select_one('tr[data-key="61.02"]')
    assert [td.get("colspan") for td in empty.select("td")[1:]] == [str(len(years))]


def test_a_chart_with_one_number_says_it_in_a_sentence(lonely_site: Path) -> None:
    page = article(lonely_site, "statistik")
    assert page.select("svg") == []
    assert page.select("table.k-heat-table") == []
    sector = page.select_one('[data-chart-note="inovasi-per-bidang"]')
    assert sector.get_text() == (
        "Jumlah inovasi per bidang: hanya Kesehatan yang berisi angka (1). "
        "Grafik ditampilkan setelah lebih dari satu kelompok berisi angka."
    )
    region = page.select_one('[data-chart-note="inovasi-per-wilayah-tahun"]')
    assert region.get_text() == (
        "Baru ada satu angka: 1 untuk Kabupaten Kapuas Hulu pada tahun 2021."
    )
    assert page.select_one('[data-chart-note="replikasi-tahap-terakhir"]').get_text() == (
        "Belum ada data."
    )


# --- in Chromium ------------------------------------------------------------------------------

# For every word of every name cell: the rectangles of its text. A word on one line has one
# line box; a word broken across lines ("Kabupate" / "n") has two, at different heights.
SPLIT_WORDS = """() => {
  const split = [];
  for (const cell of document.querySelectorAll(".k-name")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(cell.textContent.trim());
      }
    }
  }
  return split;
}"""


def test_at_390_px_no_name_is_split_and_the_page_does_not_overflow(
    browser: Any, site: Path
) -> None:
    with serve_directory(site) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for url in ("statistik/", "wilayah/kota-pontianak/", "kegiatan/komitmen-2022/"):
            page.goto(f"{base}/{url}")
            assert page.locator(".k-name").count() >= 1
            assert page.evaluate(SPLIT_WORDS) == [], url
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
        page.goto(f"{base}/statistik/")
        assert page.locator(".k-wide__hint").first.is_visible()
        page.close()


def test_the_timeline_is_vertical_at_390_px_and_drawn_at_1280(browser: Any, site: Path) -> None:
    """On a phone the drawing gives way to its table, whose stages read top to bottom, each
    behind the drawing's numbered mark, in view without scrolling sideways."""
    with serve_directory(site) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{base}/inovasi/alfa/")
        assert not page.locator(".k-timeline-chart").is_visible()
        stages = page.locator(".k-timeline-table .k-stage-dates > li")
        assert stages.count() >= 3
        boxes = [stages.nth(i).bounding_box() for i in range(stages.count())]
        assert all(box is not None for box in boxes)
        tops = [box["y"] for box in boxes if box]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one under the other
        assert max(b["x"] for b in boxes if b) - min(b["x"] for b in boxes if b) < 1
        assert max(b["x"] + b["width"] for b in boxes if b) <= 390
        marks = stages.evaluate_all(
            "items => items.map(li => getComputedStyle(li, '::before').content)"
        )
        assert all(mark not in ("none", "normal", "") for mark in marks), marks
        page.set_viewport_size({"width": 1280, "height": 900})
        assert page.locator(".k-timeline-chart svg").is_visible()
        page.close()


def test_a_timeline_with_one_dated_stage_is_a_list_not_a_drawing(site: Path) -> None:
    figure = article(site, "inovasi/epsilon").select_one('[data-figure="linimasa-replikasi"]')
    assert figure.select("svg") == []
    table = figure.select_one("table.k-timeline-table")
    stages = [li.get_text(" ", strip=True) for li in table.select("ol.k-stage-dates > li")]
    assert stages == ["Pendampingan, 2021"]
