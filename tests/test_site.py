"""The published site, built from a small catalogue in a temporary folder and read back
with a real HTML parser, the way a visitor (and a link checker) sees it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs.build import BuildFailed, build_site

from .conftest import EDIT_BASE, REPO, REPOSITORY, write_config

RECORDS = {
    "referensi/bidang.yml": """
        - kode: pemerintahan-desa
          nama: Pemerintahan Desa
          uraian: Tata kelola dan keuangan desa.
        - kode: kesehatan
          nama: Kesehatan
        - kode: administrasi-kependudukan
          nama: Administrasi Kependudukan
    """,
    "wilayah/kabupaten-kubu-raya.yml": """
        kode: "61.12"
        ibu_kota: Sungai Raya
        situs: https://kuburaya.go.id
        uraian: Kabupaten hasil pemekaran tahun **2007**.
        sumber:
          - judul: Profil Kubu Raya
            url: https://kuburaya.go.id/profil
            tanggal: "2020-09-01"
    """,
    "inovasi/cms-desa.yml": """
        nama: CMS Desa
        kepanjangan: Cash Management System desa
        wilayah: "61.12"
        instansi: Dinas Pemberdayaan Masyarakat dan Desa
        tahun: 2019
        bidang: pemerintahan-desa
        jenis: digital
        tahap: penerapan
        ringkasan: Belanja desa dibayar nontunai sehingga setiap transaksi tercatat.
        masalah: Desa mengelola dana *tunai* dalam jumlah besar.
        solusi: |
          Desa bertransaksi lewat aplikasi bank.

          - transfer langsung ke penerima
          - laporan otomatis
        hasil: Ratusan desa memakai aplikasi.
        indikator:
          - nama: Desa pengguna
            nilai: "118"
            satuan: desa
            sebelum: "28"
            periode: "2020"
        syarat_replikasi: Perbup tentang transaksi nontunai dan kerja sama dengan bank daerah.
        dasar_hukum: [Peraturan Bupati Kubu Raya Nomor 27 Tahun 2019]
        kontak:
          nama: Budi
          jabatan: Kepala Bidang
          email: budi@example.org
          telepon: "0561 123 456"
        tautan:
          - judul: Video
            url: https://example.org/video
        sdgs: [16]
        tag: [keuangan desa]
        alias: [cms-kubu-raya]
        penghargaan:
          - nama: Top 45 KIPP
            tahun: "2021"
            pemberi: Kementerian PANRB
            kegiatan: kipp-2021
        sumber:
          - judul: Berita CMS Desa
            url: https://example.org/berita-cms
            tanggal: "2019-05"
    """,
    "inovasi/salju.yml": """
        nama: Salju
        wilayah: "61.12"
        instansi: Dinas Kesehatan
        tahun: 2020
        tahun_pasti: false
        bidang: kesehatan
        jenis: non-digital
        tahap: uji-coba
        status: vakum
        ringkasan: USG portabel dibawa ke desa.
    """,
    "inovasi/e-open.yml": """
        nama: e-OPen
        wilayah: "32.75"
        instansi: Disdukcapil
        tahun: 2018
        bidang: administrasi-kependudukan
        jenis: digital
        tahap: penerapan
        ringkasan: Layanan administrasi kependudukan daring.
    """,
    "inovasi/uji-nakal.yml": """
        nama: "<script>alert('nama')</script> & Co"
        wilayah: "61.71"
        instansi: "<b onmouseover=alert(1)>Dinas</b>"
        tahun: 2021
        bidang: kesehatan
        jenis: digital
        tahap: inisiatif
        ringkasan: "\\"><img src=x onerror=alert(1)>"
        masalah: |
          <script>alert('md')</script>
          [klik](javascript:alert(1)) dan [aman](https://example.org/aman)
          <img src=x onerror=alert(2)>
    """,
    "replikasi/cms-desa-ketapang.yml": """
        inovasi: cms-desa
        wilayah: "61.04"
        instansi: Pemerintah Kabupaten Ketapang
        nama_lokal: Transaksi Non Tunai APBDes
        kegiatan: komitmen-2022
        tahapan:
          - tahap: komitmen
            tanggal: "2022-03"
          - tahap: implementasi
            tanggal: "2023-09-05"
            catatan: Peluncuran di Ketapang.
        modifikasi: Desa tanpa sinyal boleh menyusul.
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
        tempat: Pontianak
        penyelenggara: "61"
        peserta: ["61.04", "61.08"]
    """,
    # Edit links ("Sunting halaman ini", "Sunting catatan ini") lead to this repository.
    "katalog.yml": f"""
        repositori: {REPOSITORY}
    """,
    "kegiatan/kipp-2021.yml": """
        nama: KIPP 2021
        jenis: kompetisi
        tanggal: "2021-07-29"
        hasil:
          - inovasi: cms-desa
            penghargaan: Top 45
    """,
}


def write_catalogue(folder: Path, records: dict[str, str]) -> Path:
    """A catalogue folder with the national region table and the given records."""
    shutil.copytree(
        REPO / "catalogue" / "referensi",
        folder / "referensi",
        ignore=shutil.ignore_patterns("*.yml"),
    )
    for name, text in records.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("katalog")
    catalogue = write_catalogue(root / "catalogue", RECORDS)
    build_site(catalogue, root / "site", write_config(root))
    return root / "site"


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url.strip("/") / "index.html"
    assert path.is_file(), f"no page at /{url}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup) -> BeautifulSoup:
    found = soup.select_one("article")
    assert found is not None
    return found


def test_every_record_has_its_page(site: Path) -> None:
    for url in [
        "inovasi/cms-desa", "inovasi/salju", "inovasi/e-open", "inovasi/uji-nakal",
        "replikasi/cms-desa-ketapang", "replikasi/e-open-kubu-raya",
        "kegiatan/komitmen-2022", "kegiatan/kipp-2021",
        "wilayah/kabupaten-kubu-raya", "wilayah/kota-bekasi", "wilayah/kota-pontianak",
        "wilayah/kabupaten-ketapang", "wilayah/kabupaten-landak",
        "inovasi", "wilayah", "replikasi", "kegiatan", "tentang", "kontribusi",
        "inovasi/bidang/kesehatan", "inovasi/tahun/2019",
    ]:  # fmt: skip
        assert page(site, url).select_one("h1") is not None, url


def test_without_a_publisher_the_about_page_says_so(site: Path) -> None:
    about = article(page(site, "tentang"))
    assert about.select_one("dl.pengelola") is None
    assert "Kontak pengelola katalog ini belum diisi" in about.get_text()
    links = {a.get_text(): a["href"] for a in about.select("a")}
    assert links["halaman Kontribusi"] == "../kontribusi/"
    assert "<!--" not in str(about)


def test_kalbar_province_and_its_fourteen_regencies_always_have_a_page(site: Path) -> None:
    regions = page(site, "wilayah/provinsi-kalimantan-barat")
    assert article(regions).h1.get_text() == "Provinsi Kalimantan Barat"
    rows = article(regions).select("#kabupaten-kota ~ .k-scroll tbody tr")
    assert len(rows) == 14
    home_rows = article(page(site, "")).select("#menurut-wilayah ~ ul.k-entries > li")
    assert len(home_rows) == 15  # the province, then its 14 regencies and cities


def test_home_page_counts_equal_the_records(site: Path) -> None:
    home = article(page(site, ""))
    counts = {c["data-count"]: int(c.get_text()) for c in home.select("[data-count]")}
    region_pages = [p for p in (site / "wilayah").iterdir() if (p / "index.html").is_file()]
    assert counts == {
        "innovations": 4,
        "innovations-home": 3,
        "innovations-outside": 1,  # e-OPen, of Kota Bekasi
        "regions": len(region_pages),
        "replications": 2,
        "events": 2,
    }
    # Kalbar's 15 plus Kota Bekasi (owner) and nothing else.
    assert len(region_pages) == 16


def test_innovation_page_shows_every_field_and_its_replications(site: Path) -> None:
    body = article(page(site, "inovasi/cms-desa"))
    text = body.get_text(" ", strip=True)
    for expected in [
        "CMS Desa", "Cash Management System desa", "Dinas Pemberdayaan Masyarakat dan Desa",
        "Pemerintahan Desa", "Digital", "Penerapan", "Belum diketahui", "tunai",
        "laporan otomatis",
        "118 desa", "28 desa", "Top 45 KIPP", "Peraturan Bupati Kubu Raya Nomor 27 Tahun 2019",
        "16. Perdamaian, Keadilan dan Kelembagaan yang Tangguh", "keuangan desa",
        "Berita CMS Desa", "Mei 2019", "Ingin mereplikasi?", "Perbup tentang transaksi nontunai",
        "Budi", "Kabupaten Ketapang", "Implementasi", "Desa tanpa sinyal boleh menyusul",
    ]:  # fmt: skip
        assert expected in text, expected
    assert text.count("Top 45") == 1  # the competition result repeats the recorded award
    assert body.select_one('a[href="mailto:budi@example.org"]') is not None
    assert body.select_one('a[href="tel:0561123456"]') is not None
    replication = body.select_one('a[href="../../replikasi/cms-desa-ketapang/"]')
    assert replication is not None


def test_uncertain_year_and_status_read_as_such(site: Path) -> None:
    text = article(page(site, "inovasi/salju")).get_text(" ", strip=True)
    assert "paling lambat 2020" in text
    assert "Vakum" in text


def test_edit_links_point_at_the_record_file(site: Path) -> None:
    def edit_href(url: str) -> str | None:
        link = page(site, url).select_one("a.md-content__button")
        return link["href"] if link else None

    assert edit_href("inovasi/cms-desa") == f"{EDIT_BASE}/catalogue/inovasi/cms-desa.yml"
    assert (
        edit_href("replikasi/cms-desa-ketapang")
        == f"{EDIT_BASE}/catalogue/replikasi/cms-desa-ketapang.yml"
    )
    assert edit_href("kegiatan/kipp-2021") == f"{EDIT_BASE}/catalogue/kegiatan/kipp-2021.yml"
    assert (
        edit_href("wilayah/kabupaten-kubu-raya")
        == f"{EDIT_BASE}/catalogue/wilayah/kabupaten-kubu-raya.yml"
    )
    assert edit_href("tentang") == f"{EDIT_BASE}/docs/tentang.md"
    assert edit_href("inovasi") is None  # a hub is made from many records


def test_region_page_lists_owned_replicated_events_and_awards(site: Path) -> None:
    body = article(page(site, "wilayah/kabupaten-kubu-raya"))
    owned = [a.get_text() for a in body.select("#inovasi ~ ul.k-cards a.k-card__title")]
    assert "CMS Desa" in owned and "Salju" in owned
    assert [h.get_text() for h in body.select("h3")][:2] == [
        "Pemerintahan Desa (1)", "Kesehatan (1)",
    ]  # fmt: skip
    text = body.get_text(" ", strip=True)
    assert "e-OPen" in text and "Pendampingan" in text
    assert "Top 45 KIPP" in text
    assert "Sungai Raya" in text
    assert body.select_one("strong").get_text() == "2007"  # markdown profile rendered


def test_event_page_marks_signatories_without_replication(site: Path) -> None:
    body = article(page(site, "kegiatan/komitmen-2022"))
    rows = {
        row.select_one("td a").get_text(): row.select("td")[1].get_text(" ", strip=True)
        for row in body.select("table.k-board-table tbody tr")
    }
    assert rows["Kabupaten Landak"] == "Belum ada replikasi tercatat"
    assert "CMS Desa" in rows["Kabupaten Ketapang"]
    assert "Provinsi Kalimantan Barat" in body.get_text()
    results = article(page(site, "kegiatan/kipp-2021")).get_text(" ", strip=True)
    assert "CMS Desa" in results and "Top 45" in results


def test_record_values_are_escaped_and_markdown_sanitized(site: Path) -> None:
    soup = page(site, "inovasi/uji-nakal")
    assert soup.select('article script:not([type="application/ld+json"])') == []
    for tag in article(soup).find_all(True):
        assert not [name for name in tag.attrs if name.startswith("on")], tag
        assert not str(tag.get("href", "")).startswith("javascript:"), tag
    assert "onerror=alert(1)" in article(soup).select_one(".k-lead").get_text()  # shown as text
    assert article(soup).h1.get_text() == "<script>alert('nama')</script> & Co"
    assert soup.title.get_text().startswith("<script>alert('nama')</script> & Co")
    safe = article(soup).select_one('a[href="https://example.org/aman"]')
    assert safe is not None and safe["rel"] == ["noopener", "noreferrer"]
    meta = soup.select_one('meta[name="description"]')
    assert meta is not None and meta["content"] == '"><img src=x onerror=alert(1)>'


def test_listings_group_innovations_by_sector_and_year(site: Path) -> None:
    hub = article(page(site, "inovasi"))
    assert [h.get_text() for h in hub.select("h2")] == [
        "Pemerintahan Desa", "Kesehatan", "Administrasi Kependudukan",
    ]  # fmt: skip
    year = article(page(site, "inovasi/tahun/2019"))
    assert [a.get_text() for a in year.select("a.k-card__title")] == ["CMS Desa"]


def test_navigation_holds_only_the_hub_pages(site: Path) -> None:
    nav = page(site, "inovasi/cms-desa").select(".md-tabs__link")
    assert [a.get_text(strip=True) for a in nav] == [
        "Beranda", "Inovasi", "Wilayah", "Replikasi", "Kegiatan", "Statistik", "Tentang",
        "Kontribusi",
        "Data Terbuka",
    ]  # fmt: skip


def test_no_internal_link_is_broken(site: Path) -> None:
    broken = []
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("a[href], link[href], script[src], img[src]"):
            target = tag.get("href") or tag.get("src")
            parts = urlsplit(str(target))
            if parts.scheme or parts.netloc or not parts.path:
                continue
            base = site if parts.path.startswith("/") else html_file.parent
            resolved = (base / unquote(parts.path).lstrip("/")).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{html_file.relative_to(site)} -> {target}")
    assert broken == []


def test_invalid_record_stops_the_build_with_located_messages(tmp_path: Path) -> None:
    records = {**RECORDS, "inovasi/rusak.yml": "nama: Rusak\nwilayah: '99.99'\n"}
    catalogue = write_catalogue(tmp_path / "catalogue", records)
    with pytest.raises(BuildFailed) as failure:
        build_site(catalogue, tmp_path / "site", write_config(tmp_path))
    assert any(
        line.startswith("catalogue/inovasi/rusak.yml:") or "rusak.yml:" in line
        for line in failure.value.lines
    )
    assert not (tmp_path / "site").exists()


def test_serve_shows_problems_on_a_page_and_keeps_going(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    records = {**RECORDS, "inovasi/rusak.yml": "nama: Rusak\nwilayah: '99.99'\n"}
    catalogue = write_catalogue(tmp_path / "catalogue", records)
    config = load_config(str(write_config(tmp_path)), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["katalog"]
    plugin.config.catalogue = str(catalogue)
    plugin.on_startup(command="serve", dirty=False)
    build(config)
    home = article(page(tmp_path / "site", ""))
    assert home.h1.get_text() == "Katalog bermasalah"
    problems = [li.get_text() for li in home.select("li code")]
    assert any("rusak.yml:" in p and "99.99" in p for p in problems)


def test_page_sources_are_written_as_files_for_another_engine(tmp_path: Path) -> None:
    from generator.records.validate import read_catalogue
    from generator.site.pages import write_page_sources

    result = read_catalogue(write_catalogue(tmp_path / "catalogue", RECORDS))
    assert result.catalogue is not None
    count = write_page_sources(result.catalogue, tmp_path / "out")
    written = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.md")
    )
    assert count == len(written)
    assert "inovasi/cms-desa/index.md" in written and "index.md" in written
    text = (tmp_path / "out" / "inovasi" / "cms-desa" / "index.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: CMS Desa\n")
    assert "edit_path: catalogue/inovasi/cms-desa.yml" in text
    body = text.split("---\n", 2)[2]
    assert "\n\n" not in body.strip()  # one HTML block for any Markdown engine


def test_an_earlier_slug_redirects_to_the_innovation(site: Path) -> None:
    old = page(site, "inovasi/cms-kubu-raya")
    refresh = old.select_one('meta[http-equiv="refresh"]')
    assert refresh is not None and refresh["content"] == "0; url=../../inovasi/cms-desa/"
    assert old.select_one('article a[href="../../inovasi/cms-desa/"]') is not None


def test_pages_load_nothing_from_other_hosts(site: Path) -> None:
    external = []
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("link[href], script[src], img[src], iframe[src]"):
            target = str(tag.get("href") or tag.get("src"))
            if tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue
            if urlsplit(target).netloc:
                external.append(f"{html_file.relative_to(site)} -> {target}")
    assert external == []
