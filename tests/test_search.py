"""Site search, the way a visitor uses it: a small catalogue built with the real build (the
Pagefind index included), served over HTTP and driven in Chromium. Typing, stemming, facet
filters and their counts, the address that keeps the state, the header search box, and the
innovation listing with and without JavaScript."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs.build import build_site
from generator.site.search_page import FACETS

from .conftest import serve_directory, write_config
from .test_site import write_catalogue

RECORDS = {
    "referensi/bidang.yml": """
        - kode: pemerintahan-desa
          nama: Pemerintahan Desa
        - kode: administrasi-kependudukan
          nama: Administrasi Kependudukan
    """,
    "referensi/sinonim.yml": """
        - [dukcapil, disdukcapil, kependudukan dan pencatatan sipil]
        - [bumdes, badan usaha milik desa]
    """,
    "inovasi/antre-daring.yml": """
        nama: Antre Daring
        wilayah: "61.12"
        instansi: Dinas Kependudukan dan Pencatatan Sipil
        tahun: 2019
        bidang: administrasi-kependudukan
        jenis: digital
        tahap: penerapan
        status: aktif
        status_per: "2024-05"
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
        status: aktif
        status_per: "2024-05"
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
        status: aktif
        ringkasan: >-
          Pembukuan dana desa dan transaksi nontunai dipantau bersama; kepala desa
          menandatangani laporannya secara elektronik.
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


INNOVATIONS = {"Akta Bayi", "Antre Daring", "CMS Desa", "Kebun Gizi", "Siskeudes Kota"}
PAGES = 21  # the five innovations and the regions' pages (one per region of the province)


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


def every_result(tab: Any) -> list[str]:
    """All the result titles, "Tampilkan hasil berikutnya" pressed until none is left."""
    results(tab)
    count = int(tab.get_attribute(".k-search__status", "data-count"))
    shown = tab.locator(".k-result").count()
    while shown < count:
        tab.click(".k-results__more")
        tab.wait_for_function(f"() => document.querySelectorAll('.k-result').length > {shown}")
        shown = tab.locator(".k-result").count()
    assert tab.locator(".k-results__more").is_hidden()
    return tab.locator(".k-result__title").all_text_contents()


def after(tab: Any, condition: str) -> list[str]:
    """The results of the search that a change of the form started: `condition` on the
    address tells that it started (the page writes the address first)."""
    tab.wait_for_function(f"() => location.search{condition}")
    return results(tab)


def options(tab: Any, facet: str) -> dict[str, int]:
    """A facet's values with the counts written next to them, as the panel shows them (none
    when the facet is hidden)."""
    found = tab.eval_on_selector_all(
        f"fieldset:not([hidden]) > #k-facet-{facet} li:not([hidden]) label",
        """els => els.map(e => [e.querySelector('.k-facet__value').innerText,
                               e.querySelector('.k-facet__count').innerText])""",
    )
    counts = {}
    for value, count in found:
        number = re.fullmatch(r"(\d+)\s+hasil", count.strip())
        assert number, f"{facet} {value}: count reads {count!r}"
        counts[value] = int(number.group(1))
    return counts


def ticked(tab: Any, facet: str) -> list[str]:
    """The values ticked in a facet."""
    return tab.eval_on_selector_all(
        f"#k-facet-{facet} input[type=checkbox]:checked",
        "els => els.map(e => e.closest('label').querySelector('.k-facet__value').innerText)",
    )


def tick(tab: Any, facet: str, value: str) -> None:
    """Click a value's label in a facet, as a visitor does."""
    tab.locator(f"#k-facet-{facet} label", has_text=value).click()


def chips(tab: Any) -> list[str]:
    """The chosen filters listed above the results, as they read on the screen."""
    return tab.eval_on_selector_all(
        ".k-chosen:not([hidden]) .k-chip",
        """els => els.map(e => {
            const seen = e.cloneNode(true);
            seen.querySelectorAll('.k-visually-hidden, [aria-hidden]').forEach(n => n.remove());
            return seen.textContent.trim();
        })""",
    )


def query(tab: Any) -> list[tuple[str, str]]:
    """The parameters of the page's address, in order."""
    return parse_qsl(urlsplit(tab.url).query)


# --- the built files ------------------------------------------------------------------


def test_index_holds_the_record_pages_in_indonesian(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["id"]
    region_pages = sum(1 for p in (site / "wilayah").iterdir() if (p / "index.html").is_file())
    assert (
        entry["languages"]["id"]["page_count"]
        == len([n for n in RECORDS if n.startswith("inovasi/")]) + region_pages
        == PAGES
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


def test_an_acronym_finds_the_pages_that_spell_the_agency_out(tab: Any, base: str) -> None:
    """`referensi/sinonim.yml`: "dukcapil" finds the record whose agency is written
    "Disdukcapil" and the one written "Dinas Kependudukan dan Pencatatan Sipil"."""
    assert set(search(tab, base, "/cari/?q=dukcapil")) >= {"Antre Daring", "Akta Bayi"}


def test_kesehatan_finds_the_page_that_says_sehat(tab: Any, base: str) -> None:
    assert search(tab, base, "/cari/?q=kesehatan") == ["Kebun Gizi"]


def test_an_over_stemmed_word_finds_nothing(tab: Any, base: str) -> None:
    """Pagefind cuts "beranda" to "anda", which begins "andatangan", its stem of
    "menandatangani" (Siskeudes Kota's summary): not a word of the same family."""
    assert search(tab, base, "/cari/?q=beranda") == []
    assert tab.inner_text(".k-search__status") == "Tidak ada hasil untuk “beranda”."
    # A word being typed still finds the words it begins, and a word its family.
    assert search(tab, base, "/cari/?q=nontu") == ["CMS Desa", "Siskeudes Kota"]
    assert search(tab, base, "/cari/?q=menandatangani") == ["Siskeudes Kota"]


def test_no_query_lists_every_page_innovations_first(tab: Any, base: str) -> None:
    search(tab, base, "/cari/")
    titles = every_result(tab)
    assert len(titles) == PAGES
    assert titles[:5] == sorted(INNOVATIONS)
    assert titles[5:] == sorted(titles[5:]) and all(
        t.startswith(("Kabupaten ", "Kota ", "Provinsi ")) for t in titles[5:]
    )
    assert tab.get_attribute(".k-search__status", "data-count") == str(PAGES)
    assert options(tab, "halaman") == {"Inovasi": 5, "Wilayah": PAGES - 5}
    assert options(tab, "status") == {"Aktif": 3, "Dihentikan": 1, "Vakum": 1}


def tries(tab: Any) -> list[str]:
    """The broader searches offered after a search that found nothing."""
    return [" ".join(t.split()) for t in tab.locator(".k-none__tries li").all_inner_texts()]


def test_no_results_offer_each_word_alone_the_listing_and_the_form(tab: Any, base: str) -> None:
    assert search(tab, base, "/cari/?q=akta+nontunai&status=Aktif") == []
    assert tab.inner_text(".k-search__status") == (
        "Tidak ada hasil untuk “akta nontunai” dengan 1 saringan."
    )
    assert tries(tab) == ["“akta” saja (1 hasil)", "“nontunai” saja (2 hasil)"]
    links = {
        a.get_text(): a["href"]
        for a in BeautifulSoup(tab.inner_html(".k-none"), "html.parser").select("p a")
    }
    assert links == {
        "daftar semua inovasi": "../inovasi/",
        "Usulkan lewat formulir": "../kontribusi/formulir/",
    }
    # A suggestion keeps the filter and shows what its count announced.
    tab.locator(".k-none__tries a", has_text="nontunai").click()
    assert after(tab, ".includes('akta') === false") == ["CMS Desa", "Siskeudes Kota"]
    assert query(tab) == [("q", "nontunai"), ("status", "Aktif")]
    assert tab.locator(".k-none").is_hidden()


def test_no_results_with_a_filter_offer_the_words_without_it(tab: Any, base: str) -> None:
    assert search(tab, base, "/cari/?q=akta&status=Vakum") == []
    assert tries(tab) == ["“akta” tanpa saringan (2 hasil)"]
    assert search(tab, base, "/cari/?q=zzzqx") == []
    assert tries(tab) == []
    assert tab.locator(".k-none__lead").is_hidden()
    assert tab.locator(".k-none a", has_text="Usulkan lewat formulir").is_visible()


def test_typing_shows_results_and_writes_the_address(tab: Any, base: str) -> None:
    search(tab, base, "/cari/")
    tab.fill("#k-search-q", "keuangan desa")
    assert after(tab, ".includes('q=keuangan')") == ["CMS Desa", "Siskeudes Kota"]
    assert parse_qs(urlsplit(tab.url).query) == {"q": ["keuangan desa"]}


def test_facet_filter_counts_and_shared_address(tab: Any, base: str, browser: Any) -> None:
    assert search(tab, base, "/cari/?q=nontunai") == ["CMS Desa", "Siskeudes Kota"]
    assert options(tab, "wilayah") == {"Kabupaten Kubu Raya": 1, "Kota Pontianak": 1}
    assert options(tab, "direplikasi") == {"Ya": 1, "Belum": 1}
    tick(tab, "wilayah", "Kota Pontianak")
    assert after(tab, ".includes('wilayah=')") == ["Siskeudes Kota"]
    assert tab.get_attribute(".k-search__status", "data-count") == "1"
    # The facet with a tick still offers its other value with the count it would add.
    assert options(tab, "wilayah") == {"Kabupaten Kubu Raya": 1, "Kota Pontianak": 1}
    assert options(tab, "tahap") == {"Inisiatif": 1}
    # A facet with one value for every result of the words cannot narrow them: hidden.
    for facet in ("pemilik", "bidang"):
        assert options(tab, facet) == {}
        assert tab.locator(f"fieldset[data-facet={facet}]").is_hidden()
    shared = tab.url
    assert parse_qs(urlsplit(shared).query) == {"q": ["nontunai"], "wilayah": ["Kota Pontianak"]}
    # Whoever opens the shared address sees the same search.
    other = browser.new_page()
    try:
        assert search(other, "", shared) == ["Siskeudes Kota"]
        assert other.input_value("#k-search-q") == "nontunai"
        assert ticked(other, "wilayah") == ["Kota Pontianak"]
    finally:
        other.close()


def test_several_values_per_facet_from_ticks_to_shared_address_and_back(
    tab: Any, base: str
) -> None:
    search(tab, base, "/cari/")
    assert options(tab, "wilayah") == {
        "Kabupaten Kubu Raya": 2,
        "Kabupaten Ketapang": 1,
        "Kota Pontianak": 1,
        "Kota Bekasi": 1,
    }
    # Two regions: either of them.
    tick(tab, "wilayah", "Kabupaten Kubu Raya")
    after(tab, ".includes('wilayah=')")
    tick(tab, "wilayah", "Kota Pontianak")
    assert after(tab, ".includes('Pontianak')") == ["Antre Daring", "CMS Desa", "Siskeudes Kota"]
    # And one sector: both facets hold.
    tick(tab, "bidang", "Pemerintahan Desa")
    assert after(tab, ".includes('bidang=')") == ["CMS Desa", "Siskeudes Kota"]
    assert tab.inner_text(".k-search__status") == "2 hasil dengan 3 saringan."
    assert query(tab) == [
        ("wilayah", "Kabupaten Kubu Raya"),
        ("wilayah", "Kota Pontianak"),
        ("bidang", "Pemerintahan Desa"),
    ]
    # Each count is the number of results with that value, given the other facets' ticks:
    # a region ticked counts its own share, a region not ticked what ticking it would add.
    assert options(tab, "wilayah") == {
        "Kabupaten Kubu Raya": 1,
        "Kabupaten Ketapang": 1,
        "Kota Pontianak": 1,
    }
    assert options(tab, "bidang") == {"Pemerintahan Desa": 2, "Administrasi Kependudukan": 1}
    assert options(tab, "status") == {"Aktif": 2}
    assert options(tab, "tahun") == {"2020": 1, "2019": 1}
    assert tab.inner_text(".k-filters__badge") == "3 dipilih"
    assert chips(tab) == [
        "Wilayah: Kabupaten Kubu Raya",
        "Wilayah: Kota Pontianak",
        "Bidang: Pemerintahan Desa",
    ]
    # Ticking the third region adds the one result its count announced.
    tick(tab, "wilayah", "Kabupaten Ketapang")
    assert after(tab, ".includes('Ketapang')") == ["CMS Desa", "Kebun Gizi", "Siskeudes Kota"]
    tick(tab, "wilayah", "Kabupaten Ketapang")
    assert after(tab, ".includes('Ketapang') === false") == ["CMS Desa", "Siskeudes Kota"]

    # Reloading the address restores every tick and the same results.
    tab.reload()
    assert results(tab) == ["CMS Desa", "Siskeudes Kota"]
    assert sorted(ticked(tab, "wilayah")) == ["Kabupaten Kubu Raya", "Kota Pontianak"]
    assert ticked(tab, "bidang") == ["Pemerintahan Desa"]
    assert ticked(tab, "status") == []
    assert options(tab, "bidang") == {"Pemerintahan Desa": 2, "Administrasi Kependudukan": 1}

    # One chip removes its value; "Hapus semua saringan" removes the rest.
    tab.get_by_role("button", name="Hapus saringan Wilayah: Kota Pontianak").click()
    assert after(tab, ".includes('Pontianak') === false") == ["CMS Desa"]
    assert ticked(tab, "wilayah") == ["Kabupaten Kubu Raya"]
    tab.get_by_role("button", name="Hapus semua saringan").click()
    assert set(after(tab, " === ''")) >= INNOVATIONS
    assert tab.inner_text(".k-search__status") == (
        f"Semua {PAGES} halaman katalog. Ketik kata pencarian atau pilih saringan."
    )
    for facet, _ in FACETS:
        assert ticked(tab, facet) == [], facet
    assert chips(tab) == []
    assert tab.locator(".k-filters__badge").is_hidden()
    assert tab.locator(".k-chosen__clear").is_hidden()
    assert options(tab, "status") == {"Aktif": 3, "Dihentikan": 1, "Vakum": 1}


def test_old_single_value_address_and_unknown_values(tab: Any, base: str) -> None:
    # The address of the one-value-per-facet search page still works; a value no page has
    # stays ticked with 0, so it can be unticked.
    assert search(tab, base, "/cari/?q=akta&status=Aktif&wilayah=") == ["Antre Daring"]
    assert ticked(tab, "status") == ["Aktif"]
    assert search(tab, base, "/cari/?bidang=Pertanian") == []
    assert options(tab, "bidang") == {
        "Pertanian": 0,
        "Pemerintahan Desa": 3,
        "Administrasi Kependudukan": 2,
    }
    tick(tab, "bidang", "Pertanian")
    after(tab, " === ''")
    assert tab.get_attribute(".k-search__status", "data-count") == str(PAGES)
    assert options(tab, "bidang") == {"Pemerintahan Desa": 3, "Administrasi Kependudukan": 2}


def test_filters_alone_browse_the_catalogue(tab: Any, base: str) -> None:
    search(tab, base, "/cari/")
    assert options(tab, "status") == {"Aktif": 3, "Dihentikan": 1, "Vakum": 1}
    assert options(tab, "halaman")["Inovasi"] == 5
    tick(tab, "status", "Aktif")
    assert after(tab, ".includes('status=Aktif')") == ["Antre Daring", "CMS Desa", "Siskeudes Kota"]
    assert options(tab, "jenis") == {"Digital": 3}


def test_filter_panel_on_a_phone(browser: Any, base: str) -> None:
    """Folded above the results, with the number of ticks on it; opened, every control is a
    finger's size, the keyboard ticks values without losing its place, and "Lihat N hasil"
    folds the panel again onto the results."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        search(tab, base, "/cari/?q=desa&wilayah=Kabupaten+Kubu+Raya&wilayah=Kota+Pontianak")
        panel = tab.locator("details.k-filters")
        summary = panel.locator("summary")
        assert panel.evaluate("d => d.open") is False
        assert " ".join(summary.inner_text().split()) == "Saring hasil 2 dipilih"
        # Drawn as a panel, not as Material's "note" box with its icon.
        assert summary.evaluate("s => getComputedStyle(s, '::before').content") in ("none", "")
        assert panel.evaluate("d => getComputedStyle(d).borderLeftColor") != "rgb(68, 138, 255)"
        # The results come right after the folded panel and the chips.
        assert tab.locator(".k-result").first.bounding_box()["y"] < 844

        summary.focus()
        tab.keyboard.press("Enter")
        assert panel.evaluate("d => d.open") is True
        targets = panel.locator("summary, label:visible, button:visible")
        assert targets.count() > 10
        for box in [targets.nth(i).bounding_box() for i in range(targets.count())]:
            assert box is not None and box["height"] >= 44, box

        tab.locator("#k-facet-tahun input").first.focus()
        tab.keyboard.press("Space")
        tab.wait_for_function("() => location.search.includes('tahun=')")
        results(tab)
        assert tab.evaluate("document.activeElement.name") == "tahun"
        assert tab.evaluate("document.activeElement.checked") is True
        assert " ".join(summary.inner_text().split()) == "Saring hasil 3 dipilih"

        count = tab.get_attribute(".k-search__status", "data-count")
        show = tab.locator(".k-filters__show")
        assert show.is_visible() and show.inner_text() == f"Lihat {count} hasil"
        show.click()
        assert panel.evaluate("d => d.open") is False
        assert tab.evaluate("document.activeElement.className") == "k-search__status"
    finally:
        context.close()


def test_filter_panel_beside_the_results_on_a_wide_screen(browser: Any, base: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        search(tab, base, "/cari/?q=desa")
        panel = tab.locator("details.k-filters")
        assert panel.evaluate("d => d.open") is True
        assert tab.locator(".k-filters__show").is_hidden()
        side, main = panel.bounding_box(), tab.locator(".k-results").bounding_box()
        assert side["x"] + side["width"] <= main["x"] and side["y"] <= main["y"]
        # Ticking a value moves neither the panel nor the box that was clicked.
        box = tab.locator("#k-facet-wilayah label", has_text="Kota Pontianak")
        before = box.bounding_box()
        box.click()
        after(tab, ".includes('wilayah=')")
        assert box.bounding_box() == before
        assert panel.bounding_box()["y"] == side["y"]
    finally:
        context.close()


LAYOUT_SHIFTS = """
window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShifts.push(entry.sources.map((s) =>
      s.node ? s.node.nodeName + "." + s.node.className : "?"));
  }
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("address", ["/cari/?q=desa", "/cari/?q=desa&wilayah=Kota+Pontianak"])
def test_nothing_moves_while_the_search_page_fills_in(
    browser: Any, base: str, width: int, address: str
) -> None:
    """The panel, the chips, the results and the footer come without pushing what is shown."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    try:
        tab.add_init_script(LAYOUT_SHIFTS)
        assert search(tab, base, address)
        tab.wait_for_timeout(300)
        assert tab.evaluate("window.layoutShifts") == []
    finally:
        context.close()


def test_without_javascript_the_filter_panel_points_to_the_listing(browser: Any, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(base + "/cari/?q=desa&wilayah=Kota+Pontianak")
        panel = tab.locator("details.k-filters")
        panel.locator("summary").click()
        assert panel.locator("input, button").filter(visible=True).count() == 0
        assert panel.locator("p:visible").all_inner_texts() == [
            "Saringan memerlukan JavaScript. Tanpa JavaScript, telusuri daftar semua inovasi "
            "menurut bidang dan tahun."
        ]
        panel.locator("a", has_text="daftar semua inovasi").click()
        tab.wait_for_url("**/inovasi/")
    finally:
        context.close()


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


# --- the shipped catalogue ------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_base(shipped_site: Path) -> Iterator[str]:
    with serve_directory(shipped_site) as url:
        yield url


DISDUKCAPIL = {
    "Ahir Pakta",
    "AKASIA",
    "e-OPen",
    "Jebol Saplok",
    "Layanan Jemput Bola Disdukcapil Landak",
    "Jemput Bola Perekaman KTP-el Melawi",
    "Laporrama",
    "PECI HAJI",
    "SAPA",
    "si Pacak",
    "SiBALE",
}
"""The shipped innovations whose agency is the civil registry (`instansi` says Disdukcapil or
Dinas Kependudukan dan Pencatatan Sipil)."""


def test_dukcapil_finds_the_civil_registry_innovations(tab: Any, shipped_base: str) -> None:
    tab.goto(shipped_base + "/cari/?q=dukcapil")
    assert set(every_result(tab)) >= DISDUKCAPIL


def test_the_province_is_a_province_not_a_region(tab: Any, shipped_base: str) -> None:
    search(tab, shipped_base, "/cari/?halaman=Inovasi")
    provinces, regions = options(tab, "provinsi"), options(tab, "wilayah")
    assert provinces["Provinsi Kalimantan Barat"] > regions["Kota Pontianak"]
    assert not [name for name in regions if name.startswith("Provinsi ")], regions
    # A province's own innovation still tells its place in the results.
    search(tab, shipped_base, "/cari/?q=akasia")
    assert "Provinsi Kalimantan Barat" in tab.inner_text(".k-result__meta >> nth=0")


# --- a facet with many values ---------------------------------------------------------

YEARS = range(2014, 2022)


@pytest.fixture(scope="module")
def many_years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A catalogue with one innovation a year for eight years, served."""
    root = tmp_path_factory.mktemp("katalog-cari-tahun")
    records = {"referensi/bidang.yml": RECORDS["referensi/bidang.yml"]}
    for year in YEARS:
        records[f"inovasi/layanan-{year}.yml"] = f"""
            nama: Layanan {year}
            wilayah: "61.12"
            instansi: Dinas Kependudukan dan Pencatatan Sipil
            tahun: {year}
            bidang: administrasi-kependudukan
            jenis: digital
            tahap: penerapan
            ringkasan: Layanan arsip kependudukan tahun {year}.
        """
    catalogue = write_catalogue(root / "catalogue", records)
    build_site(catalogue, root / "site", write_config(root))
    with serve_directory(root / "site") as url:
        yield url


def test_long_facet_shows_five_values_and_the_rest_on_demand(tab: Any, many_years: str) -> None:
    search(tab, many_years, "/cari/?q=arsip&tahun=2014")
    # The newest years first, and the ticked one even though it is further down.
    assert list(options(tab, "tahun")) == ["2021", "2020", "2019", "2018", "2017", "2014"]
    more = tab.locator("#k-facet-tahun ~ .k-facet__more")
    assert more.inner_text() == "Tampilkan semua (8)"
    assert more.get_attribute("aria-expanded") == "false"
    more.click()
    assert list(options(tab, "tahun")) == [str(year) for year in reversed(YEARS)]
    assert more.get_attribute("aria-expanded") == "true"
    tick(tab, "tahun", "2015")
    assert after(tab, ".includes('2015')") == ["Layanan 2014", "Layanan 2015"]
    assert query(tab) == [("q", "arsip"), ("tahun", "2014"), ("tahun", "2015")]
    # The list stays open while the counts change.
    assert len(options(tab, "tahun")) == 8
    more.click()
    assert list(options(tab, "tahun")) == ["2021", "2020", "2019", "2018", "2017", "2015", "2014"]
