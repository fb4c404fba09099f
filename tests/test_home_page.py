"""The home page a visitor starts from (issue 21): a search box that works without JavaScript,
the ways in by region and by sector with their counts, the numbers (how many innovations come
from the home province and how many from elsewhere), and the records updated last in the order
of their dates; and the note on the page of an innovation from outside the home province.

A small catalogue in a git repository whose commits carry chosen dates, built and read back."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs.build import build_site

from .conftest import write_config
from .test_site import article, page, write_catalogue


def _innovation(name: str, region: str, sector: str, year: int, extra: str = "") -> str:
    return f"""
        nama: {name}
        wilayah: "{region}"
        instansi: Dinas Contoh
        tahun: {year}
        tahun_pasti: false
        bidang: {sector}
        jenis: digital
        tahap: penerapan
        ringkasan: Inovasi {name} untuk uji beranda.
        {extra}
    """


# Committed (or checked, `diperbarui`) on these dates; the start years say nothing of them.
RECORDS = {
    "referensi/bidang.yml": """
        - kode: kesehatan
          nama: Kesehatan
        - kode: pendidikan
          nama: Pendidikan
        - kode: administrasi-kependudukan
          nama: Administrasi Kependudukan
    """,
    "inovasi/alfa.yml": _innovation("Alfa", "61.01", "kesehatan", 2019, 'diperbarui: "2024-05-01"'),
    "inovasi/beta.yml": _innovation("Beta", "61.71", "kesehatan", 2018),
    "inovasi/delta.yml": _innovation(
        "Delta", "61.71", "pendidikan", 2017, 'diperbarui: "2025-01-10"'
    ),
    "inovasi/gama.yml": _innovation("Gama", "61.12", "kesehatan", 2016),
    "inovasi/terbaru.yml": _innovation("Terbaru Tahunnya", "61.04", "pendidikan", 2025),
    "inovasi/e-open.yml": _innovation("e-OPen", "32.75", "administrasi-kependudukan", 2018),
    "inovasi/sendiri.yml": _innovation("Jauh Sendiri", "32.75", "administrasi-kependudukan", 2020),
    "inovasi/kampus.yml": """
        nama: Kuliah Daring
        jenis_pemilik: perguruan-tinggi
        instansi: Universitas Contoh
        lengkap: false
        ringkasan: Kuliah jarak jauh.
    """,
    "replikasi/e-open-kubu-raya.yml": """
        inovasi: e-open
        wilayah: "61.12"
        instansi: Disdukcapil Kubu Raya
        tahapan:
          - tahap: pendampingan
            tanggal: "2021"
    """,
    "kegiatan/komitmen-2022.yml": """
        nama: Komitmen Replikasi Kalbar 2022
        jenis: komitmen-replikasi
        tanggal: "2022-03-10"
        penyelenggara: "61"
        peserta: ["61.04", "61.12"]
        inovasi: [e-open, kampus]
    """,
}

COMMIT_DATES = {
    "inovasi/beta.yml": "2025-01-10",
    "inovasi/gama.yml": "2023-02-01",
    "inovasi/terbaru.yml": "2022-06-30",
}


def _commit_each_on_its_date(folder: Path) -> None:
    """Every file committed; those of COMMIT_DATES last, each on its date."""

    def git(*args: str, date: str = "2020-01-01") -> None:
        stamp = f"{date}T12:00:00+07:00"
        env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        subprocess.run(
            ["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.org", *args],
            cwd=folder, env=env, check=True, capture_output=True,
        )  # fmt: skip

    git("init", "-q")
    git("add", "-A", *(f":!{name}" for name in COMMIT_DATES))
    git("commit", "-q", "-m", "awal", "--allow-empty")
    for name, date in sorted(COMMIT_DATES.items(), key=lambda item: item[1]):
        git("add", name)
        git("commit", "-q", "-m", name, date=date)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("beranda")
    catalogue = write_catalogue(root / "catalogue", RECORDS)
    _commit_each_on_its_date(catalogue)
    build_site(catalogue, root / "site", write_config(root))
    return root / "site"


@pytest.fixture(scope="module")
def home(site: Path) -> BeautifulSoup:
    return article(page(site, ""))


def _entries(home: BeautifulSoup, heading: str) -> list[tuple[str, str, str]]:
    """(name, link, count text) of each entry under a home page heading."""
    section = home.select_one(f"section[aria-labelledby={heading}]")
    assert section is not None
    return [
        (li.a.get_text(), li.a["href"], li.select_one(".k-entries__count").get_text())
        for li in section.select("ul.k-entries > li")
    ]


def test_the_search_box_is_a_plain_form_to_the_search_page(site: Path, home: BeautifulSoup) -> None:
    form = home.select_one("form[role=search]")
    assert form is not None
    assert (form["action"], form["method"]) == ("cari/", "get")
    assert (site / "cari" / "index.html").is_file()
    field = form.select_one("input[name=q]")
    assert field is not None and field["type"] == "search"
    label = form.select_one(f"label[for={field['id']}]")
    assert label is not None and label.get_text() == "Cari inovasi"
    assert form.select_one("button[type=submit]") is not None


def test_the_ways_in_by_region_name_the_home_province_then_its_regions_by_name(
    site: Path, home: BeautifulSoup
) -> None:
    regions = _entries(home, "menurut-wilayah")
    assert len(regions) == 15
    assert regions[0] == (
        "Provinsi Kalimantan Barat",
        "wilayah/provinsi-kalimantan-barat/",
        "0 inovasi",
    )
    names = [name for name, _, _ in regions[1:]]
    assert names == sorted(names) and names[0] == "Kabupaten Bengkayang"
    counts = {name: count for name, _, count in regions}
    assert counts["Kota Pontianak"] == "2 inovasi"
    assert counts["Kabupaten Kubu Raya"] == "1 inovasi · 1 replikasi"
    for _, href, _ in regions:
        assert (site / href / "index.html").is_file(), href


def test_the_ways_in_by_sector_count_their_innovations_most_first(
    site: Path, home: BeautifulSoup
) -> None:
    assert _entries(home, "menurut-bidang") == [
        ("Kesehatan", "inovasi/bidang/kesehatan/", "3 inovasi"),
        ("Administrasi Kependudukan", "inovasi/bidang/administrasi-kependudukan/", "2 inovasi"),
        ("Pendidikan", "inovasi/bidang/pendidikan/", "2 inovasi"),
    ]
    assert "1 inovasi belum diketahui bidangnya." in home.get_text()


def test_the_numbers_say_how_many_innovations_come_from_elsewhere(home: BeautifulSoup) -> None:
    counts = {c["data-count"]: c.get_text() for c in home.select("[data-count]")}
    assert counts["innovations"] == "8"
    assert counts["innovations-home"] == "5"
    assert counts["innovations-outside"] == "2"  # of Kota Bekasi
    assert counts["innovations-unknown-origin"] == "1"  # a university naming no region
    detail = " ".join(home.select_one(".k-count__detail").get_text().split())
    assert detail == "5 dari Kalimantan Barat, 2 dari luar, 1 tanpa wilayah asal"


def test_updated_records_come_by_their_dates_not_by_their_start_years(
    home: BeautifulSoup,
) -> None:
    """`diperbarui` where the record has it, else its file's last commit; a tie by name.
    Records with neither date (the first commit is the same for all the others here) follow
    the same rule: they were all committed on 1 January 2020."""
    updated = home.select("ol.k-updates > li")
    shown = [(li.a.get_text(), li.time["datetime"]) for li in updated]
    assert shown[:5] == [
        ("Beta", "2025-01-10"),
        ("Delta", "2025-01-10"),
        ("Alfa", "2024-05-01"),
        ("Gama", "2023-02-01"),
        ("Terbaru Tahunnya", "2022-06-30"),
    ]
    assert {date for _, date in shown[5:]} == {"2020-01-01"}
    assert updated[0].select_one(".k-muted a").get_text() == "Kota Pontianak"
    assert "1 Januari 2020" in updated[-1].get_text()


def test_outside_innovation_says_where_it_comes_from_and_why_it_is_here(site: Path) -> None:
    note = article(page(site, "inovasi/e-open")).select_one("aside.k-origin")
    assert note is not None
    assert " ".join(note.get_text().split()) == (
        "Inovasi dari luar Kalimantan Barat; ada di katalog ini karena direplikasi oleh "
        "Kabupaten Kubu Raya (pendampingan sejak 2021) dan tercantum dalam Komitmen Replikasi "
        "Kalbar 2022 (komitmen replikasi, 10 Maret 2022)."
    )
    links = [(a.get_text(), a["href"]) for a in note.select("a")]
    assert links == [
        ("Kabupaten Kubu Raya", "../../wilayah/kabupaten-kubu-raya/"),
        ("Komitmen Replikasi Kalbar 2022", "../../kegiatan/komitmen-2022/"),
    ]


def test_an_outside_innovation_without_a_known_reason_says_only_where_it_is_from(
    site: Path,
) -> None:
    note = article(page(site, "inovasi/sendiri")).select_one("aside.k-origin")
    assert note is not None
    assert note.get_text(strip=True) == "Inovasi dari luar Kalimantan Barat."


def test_an_innovation_naming_no_region_says_so(site: Path) -> None:
    note = article(page(site, "inovasi/kampus")).select_one("aside.k-origin")
    assert note is not None
    text = " ".join(note.get_text().split())
    assert text.startswith("Catatan inovasi ini tidak menyebut wilayah asalnya; ")
    assert "tercantum dalam Komitmen Replikasi Kalbar 2022" in text


def test_home_province_innovations_carry_no_origin_note(site: Path) -> None:
    for slug in ("alfa", "beta", "gama"):
        assert article(page(site, f"inovasi/{slug}")).select_one(".k-origin") is None
