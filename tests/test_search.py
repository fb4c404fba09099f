"""Site search, the way a visitor uses it: a small catalogue built with the real build (the
Pagefind index included), served over HTTP and driven in Chromium. Typing, stemming, facet
filters and their counts, the address that keeps the state, the header search box, and the
innovation listing with and without JavaScript."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.build import build_site
from generator.search import FACETS

from .conftest import serve_directory
from .test_site import write_catalogue, write_config

RECORDS = {
    "referensi/bidang.yml": """
        - kode: pemerintahan-desa
          nama: Pemerintahan Desa
        - kode: administrasi-kependudukan
          nama: Administrasi Kependudukan
    """,
    "inovasi/antre-daring.yml": """
        nama: Antre Daring
        wilayah: "61.12"
        instansi: Dinas Kependudukan dan Pencatatan Sipil
        tahun: 2019
        bidang: administrasi-kependudukan
        jenis: digital
        tahap: penerapan
        ringkasan: Nomor antrean pelayanan akta kelahiran diambil dari rumah.
        tag: [akta kelahiran]
    """,
    "inovasi/kebun-gizi.yml": """
        nama: Kebun Gizi
        wilayah: "61.04"
        instansi: Dinas Pertanian
        tahun: 2021
        bidang: pemerintahan-desa
        jenis: non-digital
        tahap: uji-coba
        status: vakum
        ringkasan: Pekarangan ditanami sayur agar balita tumbuh sehat dan bebas stunting.
    """,
    "inovasi/cms-desa.yml": """
        nama: CMS Desa
        wilayah: "61.12"
        instansi: Dinas Pemberdayaan Masyarakat dan Desa
        tahun: 2019
        bidang: pemerintahan-desa
        jenis: digital
        tahap: penerapan
        ringkasan: Belanja dana desa dibayar nontunai sehingga setiap transaksi tercatat.
        tag: [keuangan desa]
    """,
    "inovasi/siskeudes-kota.yml": """
        nama: Siskeudes Kota
        wilayah: "61.71"
        instansi: Badan Keuangan Daerah
        tahun: 2020
        bidang: pemerintahan-desa
        jenis: digital
        tahap: inisiatif
        ringkasan: Pembukuan dana desa dan transaksi nontunai dipantau bersama.
        tag: [keuangan desa]
    """,
    "inovasi/akta-bayi.yml": """
        nama: Akta Bayi
        wilayah: "32.75"
        instansi: Disdukcapil
        tahun: 2018
        bidang: administrasi-kependudukan
        jenis: digital
        tahap: penerapan
        status: dihentikan
        ringkasan: Akta kelahiran bayi terbit sebelum ibu pulang dari rumah bersalin.
        tag: [akta kelahiran]
    """,
    "replikasi/cms-desa-ketapang.yml": """
        inovasi: cms-desa
        wilayah: "61.04"
        instansi: Pemerintah Kabupaten Ketapang
        tahapan:
          - tahap: komitmen
            tanggal: "2022-03"
    """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("katalog-cari")
    catalogue = write_catalogue(root / "catalogue", RECORDS)
    build_site(catalogue, root / "site", write_config(root))
    return root / "site"


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve_directory(site) as url:
        yield url


@pytest.fixture
def tab(browser: Any, base: str) -> Iterator[Any]:
    """A fresh page that records every address it asks for."""
    page = browser.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    try:
        yield page
    finally:
        page.close()


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(
        (site / url.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser"
    )


def search(tab: Any, base: str, address: str) -> list[str]:
    """Open a search address and return the result titles once they are shown."""
    tab.goto(base + address)
    return results(tab)


def results(tab: Any) -> list[str]:
    """The result titles, once the search page has shown the results and facet counts."""
    tab.wait_for_selector("#k-search[data-state=done]", state="attached")
    return sorted(tab.locator(".k-result__title").all_text_contents())


def after(tab: Any, condition: str) -> list[str]:
    """The results of the search that a change of the form started: `condition` on the
    address tells that it started (the page writes the address first)."""
    tab.wait_for_function(f"() => location.search{condition}")
    return results(tab)


def options(tab: Any, facet: str) -> dict[str, int]:
    """A facet's values with their counts, as offered in its select."""
    found = tab.eval_on_selector_all(
        f"#k-facet-{facet} option[data-count]",
        "els => els.map(e => [e.value, Number(e.dataset.count)])",
    )
    return dict(found)


# --- the built files ------------------------------------------------------------------


def test_index_holds_the_record_pages_in_indonesian(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["id"]
    region_pages = sum(1 for p in (site / "wilayah").iterdir() if (p / "index.html").is_file())
    assert (
        entry["languages"]["id"]["page_count"]
        == len([n for n in RECORDS if n.startswith("inovasi/")]) + region_pages
    )


def test_search_page_without_javascript_points_to_the_listing(site: Path) -> None:
    page = html(site, "cari")
    form = page.select_one("article form[role=search]")
    assert form is not None and form.select_one("input[name=q]") is not None
    assert form.select_one("label[for=k-search-q]") is not None
    notice = page.select_one("article noscript")
    assert notice is not None and "../inovasi/" in str(notice)
    script = page.select_one("article script[src]")
    assert script is not None and script["src"] == "../assets/cari.js"


def test_every_page_has_the_header_search_box_leading_to_the_search_page(site: Path) -> None:
    for url, action in [
        ("", "cari/"),
        ("inovasi/cms-desa", "../../cari/"),
        ("tentang", "../cari/"),
    ]:
        form = html(site, url).select_one("header form[role=search]")
        assert form is not None and form["action"] == action, url
        field = form.select_one("input[name=q]")
        assert field is not None and form.select_one(f"label[for={field['id']}]") is not None


def test_listing_is_complete_without_javascript(site: Path) -> None:
    titles = [a.get_text() for a in html(site, "inovasi").select("article a.k-card__title")]
    assert sorted(titles) == [
        "Akta Bayi",
        "Antre Daring",
        "CMS Desa",
        "Kebun Gizi",
        "Siskeudes Kota",
    ]


def test_similar_innovations_are_of_other_regions(site: Path) -> None:
    section = html(site, "inovasi/cms-desa").select_one("section.k-similar")
    assert section is not None
    assert [a.get_text() for a in section.select("a.k-card__title")] == ["Siskeudes Kota"]
    similar = html(site, "inovasi/antre-daring").select("section.k-similar a.k-card__title")
    assert [a.get_text() for a in similar] == ["Akta Bayi"]


# --- in the browser -------------------------------------------------------------------


def test_layanan_finds_the_page_that_says_pelayanan(tab: Any, base: str) -> None:
    assert search(tab, base, "/cari/?q=layanan") == ["Antre Daring"]


def test_kesehatan_finds_the_page_that_says_sehat(tab: Any, base: str) -> None:
    assert search(tab, base, "/cari/?q=kesehatan") == ["Kebun Gizi"]


def test_typing_shows_results_and_writes_the_address(tab: Any, base: str) -> None:
    search(tab, base, "/cari/")
    tab.fill("#k-search-q", "keuangan desa")
    assert after(tab, ".includes('q=keuangan')") == ["CMS Desa", "Siskeudes Kota"]
    assert parse_qs(urlsplit(tab.url).query) == {"q": ["keuangan desa"]}


def test_facet_filter_counts_and_shared_address(tab: Any, base: str, browser: Any) -> None:
    assert search(tab, base, "/cari/?q=nontunai") == ["CMS Desa", "Siskeudes Kota"]
    assert options(tab, "wilayah") == {"Kabupaten Kubu Raya": 1, "Kota Pontianak": 1}
    assert options(tab, "direplikasi") == {"Ya": 1, "Belum": 1}
    tab.select_option("#k-facet-wilayah", "Kota Pontianak")
    assert after(tab, ".includes('wilayah=')") == ["Siskeudes Kota"]
    assert tab.get_attribute(".k-search__status", "data-count") == "1"
    # The chosen facet still offers its other value with the count it would give.
    assert options(tab, "wilayah") == {"Kabupaten Kubu Raya": 1, "Kota Pontianak": 1}
    assert options(tab, "tahap") == {"Inisiatif": 1}
    shared = tab.url
    assert parse_qs(urlsplit(shared).query) == {"q": ["nontunai"], "wilayah": ["Kota Pontianak"]}
    # Whoever opens the shared address sees the same search.
    other = browser.new_page()
    try:
        assert search(other, "", shared) == ["Siskeudes Kota"]
        assert other.input_value("#k-search-q") == "nontunai"
        assert other.input_value("#k-facet-wilayah") == "Kota Pontianak"
    finally:
        other.close()


def test_filters_alone_browse_the_catalogue(tab: Any, base: str) -> None:
    search(tab, base, "/cari/")
    assert options(tab, "status") == {"Aktif": 3, "Dihentikan": 1, "Vakum": 1}
    assert options(tab, "halaman")["Inovasi"] == 5
    tab.select_option("#k-facet-status", "Aktif")
    assert after(tab, ".includes('status=Aktif')") == ["Antre Daring", "CMS Desa", "Siskeudes Kota"]
    assert options(tab, "jenis") == {"Digital": 3}


def test_header_search_box_leads_to_the_results(tab: Any, base: str) -> None:
    tab.goto(base + "/inovasi/cms-desa/")
    tab.fill("#k-header-q", "stunting")
    tab.press("#k-header-q", "Enter")
    tab.wait_for_url("**/cari/?q=stunting")
    assert results(tab) == ["Kebun Gizi"]


def test_result_links_and_requests_stay_on_the_site(tab: Any, base: str) -> None:
    search(tab, base, "/cari/?q=akta")
    tab.click("text=Antre Daring")
    tab.wait_for_url("**/inovasi/antre-daring/")
    assert all(url.startswith(base) for url in tab.requested), tab.requested


def test_listing_filter_with_javascript(tab: Any, base: str) -> None:
    tab.goto(base + "/inovasi/")
    cards = tab.locator("li.k-card:visible")
    assert cards.count() == 5
    tab.fill("#k-filter-q", "kubu raya")
    tab.wait_for_selector(".k-filter__count[data-count='2']")
    assert sorted(tab.locator("li.k-card:visible a.k-card__title").all_text_contents()) == [
        "Antre Daring",
        "CMS Desa",
    ]
    # The sector headings left without cards are hidden too.
    visible = tab.locator("article h2:visible").all_text_contents()
    assert sorted(visible) == ["Administrasi Kependudukan", "Pemerintahan Desa"]
    tab.fill("#k-filter-q", "pontianak")
    tab.wait_for_selector(".k-filter__count[data-count='1']")
    assert tab.locator("article h2:visible").all_text_contents() == ["Pemerintahan Desa"]
