"""Browsing the innovations as a citizen does (issue 21): cards that say whether an innovation
is for them, `/inovasi/` filtered by region, sector, owner, stage, status and replication with
and without JavaScript, region pages by sector that ask for what they lack, and `/replikasi/`
saying in a sentence what is too little to draw. Built from small catalogues in tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from generator.mkdocs.build import build_site
from generator.records.validate import read_catalogue
from generator.site.pages import page_sources
from generator.site.structure import ONE_LINE, one_line

from .conftest import serve_directory, write_config
from .test_site import RECORDS, write_catalogue

PARTIAL = {
    "inovasi/lapor-sambas.yml": """
        nama: Lapor Sambas
        wilayah: "61.01"
        lengkap: false
        ringkasan: >-
          Kanal aduan warga Kabupaten Sambas lewat pesan singkat yang diteruskan ke perangkat
          daerah yang berwenang, dengan balasan tertulis kepada pelapor paling lambat tiga hari
          kerja sesudah aduan diterima. Diluncurkan Bupati pada tahun yang sama.
        sumber:
          - judul: Berita peluncuran
            url: https://example.org/lapor-sambas
    """,
}
SITE_RECORDS = {**RECORDS, **PARTIAL}


def bodies(tmp_path: Path, records: dict[str, str]) -> dict[str, BeautifulSoup]:
    """The page bodies of a catalogue by page URL (`inovasi/`), parsed, without MkDocs."""
    result = read_catalogue(write_catalogue(tmp_path / "catalogue", records))
    assert result.catalogue is not None, [p.format() for p in result.problems]
    return {
        source.url: BeautifulSoup(source.body, "html.parser")
        for source in page_sources(result.catalogue)
    }


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    return bodies(tmp_path_factory.mktemp("jelajah"), SITE_RECORDS)


def card(body: BeautifulSoup, name: str) -> Tag:
    for item in body.select("li.k-card"):
        title = item.select_one("a.k-card__title")
        if title is not None and title.get_text() == name:
            return item
    raise AssertionError(f"no card for {name}")


def text(tag: Tag | None) -> str:
    assert tag is not None
    return tag.get_text(" ", strip=True)


def resolve(here: str, href: str) -> str:
    """A relative link from the page at `here` as a page URL (`wilayah/x/`), no fragment."""
    return urlsplit(urljoin(f"https://k.test/{here}", href)).path.lstrip("/")


# --- the one-line summary --------------------------------------------------------------------


def test_summary_line_is_the_first_sentence() -> None:
    assert one_line("Desa membayar nontunai. Semua tercatat.") == "Desa membayar nontunai."
    # An abbreviation or a number does not end the sentence.
    assert one_line("RSUD dr. Soedarso di Kab. Sambas melayani. Lalu.") == (
        "RSUD dr. Soedarso di Kab. Sambas melayani."
    )
    assert one_line("Luas 6.500 km² dan 19 kecamatan.") == "Luas 6.500 km² dan 19 kecamatan."


def test_long_summary_line_is_cut_after_a_whole_word() -> None:
    long = "kata " * 60
    line = one_line(long)
    assert len(line) <= ONE_LINE and line.endswith("kata…")


# --- cards -----------------------------------------------------------------------------------


def test_card_says_whose_how_far_whether_it_runs_and_who_copies_it(
    pages: dict[str, BeautifulSoup],
) -> None:
    hub = pages["inovasi/"]
    cms = card(hub, "CMS Desa")
    assert text(cms.select_one(".k-card__meta")) == "Kabupaten Kubu Raya · 2019 · tahap penerapan"
    assert text(cms.select_one(".k-card__text")) == (
        "Belanja desa dibayar nontunai sehingga setiap transaksi tercatat."
    )
    assert text(cms.select_one(".k-badge--replicated")) == "direplikasi 1 wilayah"
    assert cms.select_one(".k-badge--partial") is None
    salju = card(hub, "Salju")
    assert text(salju.select_one(".k-status--vakum")) == "Vakum"
    assert salju.select_one(".k-badge--replicated") is None
    assert "paling lambat 2020 · tahap uji coba" in text(salju.select_one(".k-card__meta"))


def test_partial_record_card_says_so_and_shows_one_line(pages: dict[str, BeautifulSoup]) -> None:
    lapor = card(pages["inovasi/"], "Lapor Sambas")
    assert text(lapor.select_one(".k-badge--partial")) == "catatan belum lengkap"
    summary = text(lapor.select_one(".k-card__text"))
    assert summary.startswith("Kanal aduan warga Kabupaten Sambas") and summary.endswith("…")
    assert len(summary) <= ONE_LINE and "Diluncurkan" not in summary
    # What no source gives is left out, not guessed.
    assert text(lapor.select_one(".k-card__meta")) == "Kabupaten Sambas · tahun belum diketahui"
    assert lapor.select_one(".k-status") is None


def test_sector_listing_uses_the_same_card(pages: dict[str, BeautifulSoup]) -> None:
    sector = pages["inovasi/bidang/kesehatan/"]
    salju = card(sector, "Salju")
    # The page says the sector once, in its title; each card says the rest.
    assert text(salju.select_one(".k-card__meta")) == (
        "Kabupaten Kubu Raya · paling lambat 2020 · tahap uji coba"
    )
    assert salju.select_one(".k-status--vakum") is not None
    stage = card(pages["inovasi/tahap/uji-coba/"], "Salju")
    assert "Kesehatan" in text(stage.select_one(".k-card__meta"))


# --- the filters of /inovasi/ without JavaScript ----------------------------------------------


def facet(hub: BeautifulSoup, key: str) -> dict[str, tuple[str | None, int]]:
    """A filter line of /inovasi/: label -> (linked page URL or None, count)."""
    line = hub.select_one(f'.k-browse p[data-saring="{key}"]')
    assert line is not None, key
    values = {}
    for item in line.select("[data-nilai]"):
        count = int(str(item.next_sibling).split("(")[1].split(")")[0])
        href = item.get("href")
        values[item.get_text()] = (resolve("inovasi/", str(href)) if href else None, count)
    return values


def test_every_filter_value_links_to_a_page_listing_its_innovations(
    pages: dict[str, BeautifulSoup],
) -> None:
    hub = pages["inovasi/"]
    for key in ("bidang", "tahap", "status", "direplikasi"):
        for label, (url, count) in facet(hub, key).items():
            if url is None:
                continue
            listed = pages[url].select("li.k-card")
            assert len(listed) == count, (key, label)
    assert facet(hub, "status") == {
        "Vakum": ("inovasi/status/vakum/", 1),
        "belum diketahui": (None, 4),
    }
    assert facet(hub, "direplikasi")["sudah"] == ("inovasi/direplikasi/", 2)
    replicated = pages["inovasi/direplikasi/"].select("a.k-card__title")
    assert sorted(a.get_text() for a in replicated) == ["CMS Desa", "e-OPen"]
    stage = pages["inovasi/tahap/uji-coba/"]
    assert [a.get_text() for a in stage.select("a.k-card__title")] == ["Salju"]


def test_region_filter_leads_to_each_region_page_even_without_innovations(
    pages: dict[str, BeautifulSoup],
) -> None:
    regions = facet(pages["inovasi/"], "wilayah")
    assert regions["Kab. Kubu Raya"] == ("wilayah/kabupaten-kubu-raya/", 2)
    assert regions["Kab. Mempawah"] == ("wilayah/kabupaten-mempawah/", 0)
    assert regions["Kota Bekasi"] == ("wilayah/kota-bekasi/", 1)
    owners = facet(pages["inovasi/"], "pemilik")
    assert owners == {"Pemerintah daerah": ("wilayah/", 5)}


# --- region pages ------------------------------------------------------------------------------


def test_region_page_groups_innovations_by_sector_with_counts(
    pages: dict[str, BeautifulSoup],
) -> None:
    region = pages["wilayah/kabupaten-kubu-raya/"]
    assert [text(h) for h in region.select("h3")] == ["Pemerintahan Desa (1)", "Kesehatan (1)"]
    groups = {
        text(h): [a.get_text() for a in h.find_next_sibling("ul").select("a.k-card__title")]
        for h in region.select("h3")
    }
    assert groups == {"Pemerintahan Desa (1)": ["CMS Desa"], "Kesehatan (1)": ["Salju"]}
    # The replications it made are there too.
    assert "e-OPen" in text(region.select_one("#replikasi").find_next("table"))


def invitation(body: BeautifulSoup) -> tuple[str, dict[str, list[str]]]:
    """The invitation's sentence and the query of its link."""
    box = body.select_one(".k-invite")
    assert box is not None
    link = box.select_one("a")
    assert link is not None
    address = urlsplit(str(link["href"]))
    assert resolve("wilayah/x/", address.path) == "kontribusi/formulir/"
    return text(box), parse_qs(address.query)


def test_region_without_innovations_says_so_and_invites_one(
    pages: dict[str, BeautifulSoup],
) -> None:
    region = pages["wilayah/kabupaten-mempawah/"]
    said = text(region.select_one("#inovasi").find_next_sibling("p"))
    assert said == "Belum ada inovasi Kabupaten Mempawah yang tercatat di katalog ini."
    sentence, query = invitation(region)
    assert sentence.startswith("Tahu inovasi pelayanan publik Kabupaten Mempawah?")
    assert query == {"wilayah": ["61.02"]}
    assert region.select("li.k-card") == []


def test_region_with_few_innovations_asks_for_more(tmp_path: Path) -> None:
    more = {
        f"inovasi/layanan-{n}.yml": f"""
            nama: Layanan {n}
            wilayah: "61.12"
            instansi: Dinas Kesehatan
            tahun: 2021
            bidang: kesehatan
            jenis: digital
            tahap: penerapan
            ringkasan: Layanan uji {n}.
        """
        for n in (1, 2)
    }
    few = bodies(tmp_path / "sedikit", RECORDS)["wilayah/kabupaten-kubu-raya/"]
    sentence, query = invitation(few)
    assert sentence.startswith("Tahu inovasi Kabupaten Kubu Raya lainnya?")
    assert query == {"wilayah": ["61.12"]}
    enough = bodies(tmp_path / "cukup", {**RECORDS, **more})["wilayah/kabupaten-kubu-raya/"]
    assert enough.select_one(".k-invite") is None
    assert [text(h) for h in enough.select("h3")] == ["Pemerintahan Desa (1)", "Kesehatan (3)"]


# --- /replikasi/ with little to show ----------------------------------------------------------


def test_replications_hub_says_in_a_sentence_what_is_too_little_to_draw(
    pages: dict[str, BeautifulSoup],
) -> None:
    hub = pages["replikasi/"]
    assert hub.select("svg") == [] and hub.select("figure") == []
    network = text(hub.select_one("#jaringan").find_next_sibling("p"))
    assert "terlalu sedikit untuk digambar" in network
    assert "Kabupaten Ketapang mereplikasi 1 inovasi Kabupaten Kubu Raya" in network
    assert "Kabupaten Kubu Raya mereplikasi 1 inovasi Kota Bekasi" in network
    assert "biru" not in text(hub)  # no legend for dots that are not drawn
    per_year = text(hub.select_one("#per-tahun").find_next_sibling("p"))
    assert (
        per_year
        == "Replikasi yang tercatat dimulai pada 2021 (1 replikasi) dan 2022 (1 replikasi)."
    )


def test_network_legend_lists_only_the_colours_drawn(tmp_path: Path) -> None:
    owners = {
        f"inovasi/inovasi-{code.replace('.', '-')}.yml": f"""
            nama: Inovasi {code}
            wilayah: "{code}"
            instansi: Dinas
            tahun: 2020
            bidang: kesehatan
            jenis: digital
            tahap: penerapan
            ringkasan: Inovasi uji.
        """
        for code in ("61.01", "61.03")
    }
    replications = {
        f"replikasi/r-{owner}-{region}.yml".replace(".", "-").replace("-yml", ".yml"): f"""
            inovasi: inovasi-{owner.replace(".", "-")}
            wilayah: "{region}"
            instansi: Pemerintah daerah
            tahapan:
              - tahap: komitmen
                tanggal: "2022"
        """
        for owner, region in (("61.01", "61.04"), ("61.03", "61.04"), ("61.01", "61.05"))
    }
    records = {"referensi/bidang.yml": RECORDS["referensi/bidang.yml"], **owners, **replications}
    hub = bodies(tmp_path, records)["replikasi/"]
    assert hub.select_one("svg#jaringan-replikasi") is not None
    legend = text(hub.select_one("#jaringan").find_next_sibling("p"))
    assert "hijau tua: wilayah di Kalimantan Barat" in legend
    assert "biru" not in legend and "abu-abu" not in legend


# --- in a browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("jelajah-situs")
    catalogue = write_catalogue(root / "catalogue", SITE_RECORDS)
    build_site(catalogue, root / "site", write_config(root))
    with serve_directory(root / "site") as base:
        yield base


def test_without_javascript_a_region_filter_is_a_link_to_its_list(
    browser: Any, served: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(served + "/inovasi/")
        tab.locator('.k-browse p[data-saring="wilayah"] a', has_text="Kab. Kubu Raya").click()
        tab.wait_for_url("**/wilayah/kabupaten-kubu-raya/#inovasi")
        titles = tab.locator("article a.k-card__title").all_text_contents()
        assert sorted(titles) == ["CMS Desa", "Salju"]
    finally:
        context.close()


def test_with_javascript_the_filters_narrow_the_list(browser: Any, served: str) -> None:
    tab = browser.new_page()
    try:
        tab.goto(served + "/inovasi/")
        assert tab.locator("li.k-card:visible").count() == 5
        assert tab.locator('.k-browse p[data-saring="wilayah"]').is_hidden()
        tab.select_option("#k-filter-wilayah", "61.12")
        tab.wait_for_selector(".k-filter__count[data-count='2']")
        visible = tab.locator("li.k-card:visible a.k-card__title").all_text_contents()
        assert sorted(visible) == ["CMS Desa", "Salju"]
        assert "wilayah=61.12" in tab.url  # the filtered list can be shared
        tab.select_option("#k-filter-status", "vakum")
        tab.wait_for_selector(".k-filter__count[data-count='1']")
        assert tab.locator("li.k-card:visible a.k-card__title").all_text_contents() == ["Salju"]
        assert tab.locator("article h2:visible").all_text_contents() == ["Kesehatan"]
        # Opened from the shared address, the list is filtered the same way.
        tab.goto(served + "/inovasi/?direplikasi=ya")
        tab.wait_for_selector(".k-filter__count[data-count='2']")
        visible = tab.locator("li.k-card:visible a.k-card__title").all_text_contents()
        assert sorted(visible) == ["CMS Desa", "e-OPen"]
    finally:
        tab.close()


def test_invitation_opens_the_form_with_the_region_chosen(browser: Any, served: str) -> None:
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto(served + "/wilayah/kabupaten-mempawah/")
        tab.click(".k-invite a")
        tab.wait_for_url("**/kontribusi/formulir/?wilayah=61.02")
        tab.wait_for_selector("#f-inovasi-wilayah")
        assert tab.input_value("#f-inovasi-wilayah") == "61.02"
        assert tab.input_value("#f-replikasi-wilayah") == "61.02"
        assert errors == []
    finally:
        tab.close()


def test_a_card_says_when_an_innovation_is_from_outside_the_province(
    pages: dict[str, BeautifulSoup],
) -> None:
    outside = card(pages["inovasi/"], "e-OPen").select_one(".k-badge--outside")
    assert outside is not None and outside.get_text() == "dari luar Kalimantan Barat"
    assert card(pages["inovasi/"], "CMS Desa").select_one(".k-badge--outside") is None


def test_a_region_of_another_province_says_it_once_above_its_cards(
    pages: dict[str, BeautifulSoup],
) -> None:
    """Every card on a region's page shares the region: the badge is said once, not per card."""
    region = pages["wilayah/kota-bekasi/"]
    said = [p.get_text() for p in region.select("#inovasi ~ p") if "dari luar" in p.get_text()]
    assert said == ["Semuanya dari luar Kalimantan Barat."]
    assert card(region, "e-OPen").select_one(".k-badge--outside") is None
    home = pages["wilayah/kabupaten-kubu-raya/"]
    assert "dari luar" not in home.get_text()


def test_the_filter_script_runs_before_the_list_is_drawn(pages: dict[str, BeautifulSoup]) -> None:
    """saring.js loads without `defer` right after the filter links, and the years (which stay
    links) come first, so the choices replace hidden lines below them and nothing above the
    list moves as the page loads (Lighthouse measured a layout shift of 0.3 otherwise)."""
    hub = pages["inovasi/"]
    nav = hub.select_one("nav.k-browse")
    assert nav is not None
    assert nav.select_one("p").get_text().startswith("Tahun mulai:")
    script = nav.find_next_sibling()
    assert script is not None and script.name == "script"
    assert script.get("defer") is None and script["src"].endswith("saring.js")
    first_list = hub.select_one("ul.k-cards")
    assert first_list is not None and script in first_list.find_all_previous("script")
