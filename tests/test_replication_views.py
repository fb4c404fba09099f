"""Replication history and statistics as a visitor sees them: the timeline on an innovation
page, the progress tables of a region, the progress board of a commitment, the network on
/replikasi/ and the charts on /statistik/. Every number drawn or tabled is checked against
counts computed here, directly from the records of a small test catalogue."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.mkdocs.build import build_site
from generator.records.catalogue import Catalogue
from generator.records.model import Replication
from generator.records.validate import read_catalogue
from generator.records.vocabulary import CANCELLED, REPLICATION_STAGES
from tests.conftest import write_config
from tests.test_site import write_catalogue

RECORDS = {
    "referensi/bidang.yml": """
        - kode: kesehatan
          nama: Kesehatan
        - kode: administrasi-kependudukan
          nama: Administrasi Kependudukan
        - kode: pendidikan
          nama: Pendidikan
        - kode: pariwisata
          nama: Pariwisata
    """,
    "inovasi/alfa.yml": """
        nama: Alfa
        wilayah: "61.12"
        instansi: Dinas Kesehatan
        tahun: 2019
        bidang: kesehatan
        jenis: digital
        tahap: penerapan
        ringkasan: Inovasi uji Alfa.
    """,
    "inovasi/beta.yml": """
        nama: Beta
        wilayah: "61.12"
        instansi: Dinas Kesehatan
        tahun: 2019
        bidang: kesehatan
        jenis: non-digital
        tahap: uji-coba
        ringkasan: Inovasi uji Beta, dari instansi yang sama dan tahun yang sama.
    """,
    "inovasi/gama.yml": """
        nama: Gama
        wilayah: "61.12"
        instansi: Disdukcapil
        tahun: 2020
        bidang: administrasi-kependudukan
        jenis: digital
        tahap: penerapan
        ringkasan: Inovasi uji Gama.
    """,
    "inovasi/delta.yml": """
        nama: Delta
        wilayah: "61.71"
        instansi: Dinas Pendidikan
        tahun: 2021
        bidang: pendidikan
        jenis: digital
        tahap: inisiatif
        ringkasan: Inovasi uji Delta.
    """,
    "inovasi/epsilon.yml": """
        nama: Epsilon
        wilayah: "32.75"
        instansi: Disdukcapil
        tahun: 2018
        bidang: administrasi-kependudukan
        jenis: digital
        tahap: penerapan
        ringkasan: Inovasi uji dari provinsi lain.
    """,
    "inovasi/nakal.yml": """
        nama: "A&B <script>x</script>"
        wilayah: "61.04"
        instansi: "<b>Dinas</b> Kesehatan"
        tahun: 2021
        bidang: kesehatan
        jenis: digital
        tahap: penerapan
        ringkasan: Nama dengan tanda yang harus di-escape.
    """,
    "inovasi/zeta.yml": """
        nama: Zeta
        wilayah: "61.72"
        instansi: Dinas Pendidikan
        tahun: 2021
        bidang: pendidikan
        jenis: non-digital
        tahap: uji-coba
        ringkasan: Inovasi uji yang belum direplikasi.
    """,
    "replikasi/alfa-ketapang.yml": """
        inovasi: alfa
        wilayah: "61.04"
        instansi: Dinkes Ketapang
        kegiatan: komitmen-2022
        tahapan:
          - tahap: komitmen
            tanggal: "2022-03"
          - tahap: pendampingan
            tanggal: "2022-05-10"
          - tahap: rencana-aksi
            tanggal: "2022-08"
          - tahap: uji-coba
            tanggal: "2023-01-15"
          - tahap: implementasi
            tanggal: "2023-06"
        modifikasi: Dijalankan di puskesmas terapung.
    """,
    "replikasi/alfa-landak.yml": """
        inovasi: alfa
        wilayah: "61.08"
        instansi: Dinkes Landak
        kegiatan: komitmen-2022
        tahapan:
          - tahap: komitmen
            tanggal: "2022-03"
          - tahap: pendampingan
            tanggal: "2022-06"
    """,
    "replikasi/alfa-bekasi.yml": """
        inovasi: alfa
        wilayah: "32.75"
        instansi: Dinkes Bekasi
        tahapan:
          - tahap: implementasi
            tanggal: "2021"
    """,
    "replikasi/beta-ketapang.yml": """
        inovasi: beta
        wilayah: "61.04"
        instansi: Dinkes Ketapang
        kegiatan: komitmen-2022
        tahapan:
          - tahap: komitmen
            tanggal: "2022-03"
          - tahap: dibatalkan
            tanggal: "2022-12"
    """,
    "replikasi/gama-pontianak.yml": """
        inovasi: gama
        wilayah: "61.71"
        instansi: Disdukcapil Pontianak
        tahapan:
          - tahap: uji-coba
            tanggal: "2020-11"
          - tahap: implementasi
            tanggal: "2021-04-01"
          - tahap: evaluasi
            tanggal: "2022-02"
    """,
    "replikasi/epsilon-kubu-raya.yml": """
        inovasi: epsilon
        wilayah: "61.12"
        instansi: Disdukcapil Kubu Raya
        tahapan:
          - tahap: pendampingan
            tanggal: "2021"
    """,
    "replikasi/delta-sambas.yml": """
        inovasi: delta
        wilayah: "61.01"
        instansi: Disdik Sambas
        kegiatan: komitmen-2022
        tahapan:
          - tahap: komitmen
            tanggal: "2022-03-10"
    """,
    "replikasi/nakal-pontianak.yml": """
        inovasi: nakal
        wilayah: "61.71"
        instansi: Dinkes Pontianak
        kegiatan: komitmen-2022
        tahapan:
          - tahap: komitmen
            tanggal: "2022-04"
          - tahap: pendampingan
            tanggal: "2022-06"
    """,
    "kegiatan/komitmen-2022.yml": """
        nama: Komitmen Replikasi Uji 2022
        jenis: komitmen-replikasi
        tanggal: "2022-03-10"
        penyelenggara: "61"
        peserta: ["61.04", "61.08", "61.09", "61.71"]
    """,
}
EVENT = "komitmen-2022"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalogue]:
    root = tmp_path_factory.mktemp("replikasi")
    folder = write_catalogue(root / "catalogue", RECORDS)
    build_site(folder, root / "site", write_config(root))
    result = read_catalogue(folder)
    assert result.catalogue is not None
    return root / "site", result.catalogue


@pytest.fixture(scope="module")
def site(built: tuple[Path, Catalogue]) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def catalogue(built: tuple[Path, Catalogue]) -> Catalogue:
    return built[1]


def body(site: Path, url: str) -> Tag:
    path = site / url.strip("/") / "index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one("article")
    assert found is not None
    return found


def bars(figure: Tag) -> dict[str, int]:
    """A bar chart's numbers as drawn, by key."""
    return {g["data-key"]: int(g["data-value"]) for g in figure.select("svg g.k-bar")}


def table(figure: Tag) -> dict[str, int]:
    """The numbers of the table beside a chart, by key."""
    return {tr["data-key"]: int(tr.select_one("td").get_text()) for tr in figure.select("tbody tr")}


def dated(replication: Replication) -> set[str]:
    """The stages a replication dates: the only ones a page may show as reached."""
    return {s.tahap for s in replication.tahapan} - {CANCELLED}


# --- innovation page ------------------------------------------------------------------------


def test_innovation_timeline_has_one_lane_per_region_with_every_dated_stage(
    site: Path, catalogue: Catalogue
) -> None:
    page = body(site, "inovasi/alfa")
    figure = page.select_one('[data-figure="linimasa-replikasi"]')
    assert figure is not None
    replications = sorted(catalogue.replications_of("alfa"), key=lambda r: r.started)
    lanes = figure.select("svg g.k-lane")
    assert [lane["data-key"] for lane in lanes] == [r.wilayah for r in replications]
    for lane, replication in zip(lanes, replications, strict=True):
        marks = [(m["data-stage"], m["data-date"]) for m in lane.select("g.k-mark")]
        assert marks == [(s.tahap, s.tanggal.first_day.isoformat()) for s in replication.tahapan]
    rows = figure.select("tbody tr")
    assert [r["data-region"] for r in rows] == [
        catalogue.region_name(r.wilayah) for r in replications
    ]
    for row, replication in zip(rows, replications, strict=True):
        dated = [(li["data-stage"], li["data-date"]) for li in row.select("li")]
        assert dated == [(s.tahap, s.tanggal.iso()) for s in replication.tahapan]
    text = page.get_text(" ", strip=True)
    assert "Dijalankan di puskesmas terapung" in text  # what the region modified
    assert "Maret 2022" in text and "15 Januari 2023" in text


def test_innovation_without_replication_has_no_timeline(site: Path) -> None:
    page = body(site, "inovasi/zeta")
    assert page.select_one('[data-figure="linimasa-replikasi"]') is None


# --- region page ----------------------------------------------------------------------------


def test_region_page_shows_what_it_replicated_from_whom_and_how_far(
    site: Path, catalogue: Catalogue
) -> None:
    page = body(site, "wilayah/kabupaten-ketapang")
    done = page.select("#replikasi ~ .k-board")[0]
    expected = sorted(
        catalogue.replications_by("61.04"), key=lambda r: (r.started, r.slug), reverse=True
    )
    rows = done.select("tbody tr")
    assert [r.select("a")[0].get_text() for r in rows] == [
        catalogue.innovations[r.inovasi].nama for r in expected
    ]
    assert [r.select("a")[1].get_text() for r in rows] == [
        catalogue.region_name(catalogue.innovations[r.inovasi].wilayah) for r in expected
    ]
    assert [r["data-stage"] for r in rows] == [r.latest_stage.tahap for r in expected]
    for row, replication in zip(rows, expected, strict=True):
        reached = len(row.select(".k-step--on"))
        assert reached == len(dated(replication))
        assert f"{reached} dari 6 tahap tercatat" in row.get_text(" ", strip=True)


def test_region_page_shows_who_replicated_its_innovations(site: Path, catalogue: Catalogue) -> None:
    page = body(site, "wilayah/kabupaten-kubu-raya")
    received = page.select_one("#direplikasi ~ .k-board table.k-progress-table")
    assert received is not None
    expected = [
        r for i in catalogue.innovations_of("61.12") for r in catalogue.replications_of(i.slug)
    ]
    rows = received.select("tbody tr")
    assert sorted(
        (r.select("a")[0].get_text(), r.select("a")[1].get_text()) for r in rows
    ) == sorted(
        (catalogue.innovations[r.inovasi].nama, catalogue.region_name(r.wilayah)) for r in expected
    )
    regions = len({r.wilayah for r in expected})
    assert f"{len(expected)} replikasi oleh {regions} wilayah" in page.get_text(" ", strip=True)
    summary = page.select_one('table[data-table="direplikasi-per-wilayah"]')
    per_region = {
        tr.select("td")[0].get_text(): (
            int(tr.select("td")[1].get_text()),
            int(tr.select("td")[2].get_text()),
        )
        for tr in summary.select("tbody tr")
    }
    assert per_region == {
        catalogue.region_name(code): (
            sum(1 for r in expected if r.wilayah == code),
            sum(1 for r in expected if r.wilayah == code and "implementasi" in dated(r)),
        )
        for code in {r.wilayah for r in expected}
    }


# --- commitment event -----------------------------------------------------------------------


def test_commitment_board_has_one_row_per_signatory_with_its_stages(
    site: Path, catalogue: Catalogue
) -> None:
    page = body(site, f"kegiatan/{EVENT}")
    event = catalogue.events[EVENT]
    rows = page.select("#peserta ~ .k-wide tbody tr")
    assert [r.select_one("td a").get_text() for r in rows] == [
        catalogue.region_name(c) for c in event.peserta
    ]
    by_region: dict[str, list[str]] = defaultdict(list)
    for replication in catalogue.replications_in(EVENT):
        by_region[replication.wilayah].append(replication.latest_stage.tahap)
    for row, code in zip(rows, event.peserta, strict=True):
        stages = [li["data-stage"] for li in row.select("li[data-stage]")]
        assert sorted(stages) == sorted(by_region.get(code, []))
        if not by_region.get(code):
            assert row.select("td")[1].get_text(strip=True) == "Belum ada replikasi tercatat"
            assert "k-board-row--missing" in row.get("class", [])
    with_replication = sum(1 for c in event.peserta if by_region.get(c))
    text = page.get_text(" ", strip=True)
    assert f"{with_replication} dari {len(event.peserta)} penanda tangan" in text


def test_commitment_board_counts_stages_reached_by_signatories(
    site: Path, catalogue: Catalogue
) -> None:
    figure = body(site, f"kegiatan/{EVENT}").select_one('[data-figure="capaian-komitmen"]')
    assert figure is not None
    signed = set(catalogue.events[EVENT].peserta)
    ours = [r for r in catalogue.replications_in(EVENT) if r.wilayah in signed]
    expected = {code: sum(1 for r in ours if code in dated(r)) for code in REPLICATION_STAGES}
    expected[CANCELLED] = sum(1 for r in ours if r.latest_stage.tahap == CANCELLED)
    assert bars(figure) == expected == table(figure)


# --- /replikasi/ ----------------------------------------------------------------------------


def test_replication_network_edges_match_the_records(site: Path, catalogue: Catalogue) -> None:
    figure = body(site, "replikasi").select_one('[data-figure="jaringan-replikasi"]')
    assert figure is not None
    flows = Counter(
        (catalogue.innovations[r.inovasi].wilayah, r.wilayah)
        for r in catalogue.replications.values()
    )
    drawn = {
        (p["data-from"], p["data-to"]): int(p["data-count"]) for p in figure.select("path.k-edge")
    }
    assert drawn == dict(flows)
    rows = [
        tuple(td.get_text(strip=True) for td in tr.select("td")) for tr in figure.select("tbody tr")
    ]
    assert sorted(rows) == sorted(
        (catalogue.region_name(a), catalogue.region_name(b), str(n)) for (a, b), n in flows.items()
    )
    assert [int(r[2]) for r in rows] == sorted((int(r[2]) for r in rows), reverse=True)
    nodes = {
        g["data-key"]: (int(g["data-out"]), int(g["data-in"])) for g in figure.select("g.k-node")
    }
    regions = {c for pair in flows for c in pair}
    assert nodes == {
        c: (
            sum(n for (a, _), n in flows.items() if a == c),
            sum(n for (_, b), n in flows.items() if b == c),
        )
        for c in regions
    }


def test_replications_per_year_and_per_stage_reached(site: Path, catalogue: Catalogue) -> None:
    page = body(site, "replikasi")
    per_year = page.select_one('[data-figure="replikasi-per-tahun"]')
    started = Counter(str(r.started.year) for r in catalogue.replications.values())
    years = range(int(min(started)), int(max(started)) + 1)
    assert bars(per_year) == {str(y): started.get(str(y), 0) for y in years} == table(per_year)
    reached = page.select_one('[data-figure="replikasi-per-tahap"]')
    stages = [[s.tahap for s in r.tahapan] for r in catalogue.replications.values()]
    # A stage counts only where a replication dates it: a record that starts at a later stage
    # has not shown the earlier ones.
    expected = {code: sum(1 for s in stages if code in s) for code in REPLICATION_STAGES}
    expected[CANCELLED] = sum(1 for s in stages if s[-1] == CANCELLED)
    assert bars(reached) == expected == table(reached)


# --- /statistik/ ----------------------------------------------------------------------------


def grid(figure: Tag) -> dict[tuple[str, str], int]:
    """A heat table's numbers: {(row key, year): count}, non-zero only. A run of empty years
    is one cell spanning them; each row's total (the column after the name) must add up."""
    years = [th.get_text() for th in figure.select("thead th")[2:]]
    tabled = {}
    for tr in figure.select("tbody tr"):
        total, *cells = tr.select("td")
        columns = [year for td in cells for year in [td] * int(td.get("colspan", 1))]
        assert len(columns) == len(years)
        for year, td in zip(years, columns, strict=True):
            if td.get_text(strip=True):
                tabled[tr["data-key"], year] = int(td.get_text())
        row = [v for (key, _), v in tabled.items() if key == tr["data-key"]]
        assert int(total.get_text()) == sum(row)
    return tabled


def test_statistics_innovations_per_region_and_year(site: Path, catalogue: Catalogue) -> None:
    figure = body(site, "statistik").select_one('[data-figure="inovasi-per-wilayah-tahun"]')
    expected: Counter[tuple[str, str]] = Counter()
    for innovation in catalogue.innovations.values():
        region = catalogue.region(innovation.wilayah)
        key = innovation.wilayah if region.province_code == "61" else f"{region.province_code}*"
        expected[key, str(innovation.tahun)] += 1
    assert grid(figure) == dict(expected)
    # Kalimantan Barat's 15 regions are always listed, the other provinces after them.
    keys = [tr["data-key"] for tr in figure.select("tbody tr")]
    assert keys[:15] == sorted(c for c in catalogue.regions.by_code if c.startswith("61"))
    assert keys[15:] == ["32*"]


def test_statistics_per_sector_maturity_and_stage(site: Path, catalogue: Catalogue) -> None:
    page = body(site, "statistik")
    innovations = list(catalogue.innovations.values())
    sector = page.select_one('[data-figure="inovasi-per-bidang"]')
    assert bars(sector) == dict(Counter(i.bidang for i in innovations)) == table(sector)
    assert "pariwisata" not in bars(sector)  # a sector with no innovation is left out
    maturity = page.select_one('[data-figure="inovasi-per-tahap"]')
    counted = Counter(i.tahap for i in innovations)
    expected = {k: counted.get(k, 0) for k in ("inisiatif", "uji-coba", "penerapan")}
    assert bars(maturity) == expected == table(maturity)
    stage = page.select_one('[data-figure="replikasi-tahap-terakhir"]')
    latest = Counter(r.latest_stage.tahap for r in catalogue.replications.values())
    expected = {k: latest.get(k, 0) for k in [*REPLICATION_STAGES, CANCELLED]}
    assert bars(stage) == expected == table(stage)
    assert sum(bars(stage).values()) == len(catalogue.replications)


def test_statistics_agencies_per_region_and_year(site: Path, catalogue: Catalogue) -> None:
    page = body(site, "statistik")
    agencies: dict[tuple[str, str], set[str]] = defaultdict(set)
    for innovation in catalogue.innovations.values():
        if innovation.wilayah.startswith("61"):
            agencies[innovation.wilayah, str(innovation.tahun)].add(innovation.instansi)
    figure = page.select_one('[data-figure="perangkat-daerah-per-tahun"]')
    expected = {key: len(names) for key, names in agencies.items()}
    assert grid(figure) == expected
    assert expected["61.12", "2019"] == 1  # two innovations, one agency
    listed = {
        (region["data-region"], li["data-year"]): li.get_text().split(": ", 1)[1]
        for region in page.select('[data-list="perangkat-daerah-daftar"] details')
        for li in region.select("li")
    }
    assert listed == {
        (catalogue.region_name(code), year): "; ".join(sorted(names, key=str.lower))
        for (code, year), names in agencies.items()
    }


def test_statistics_page_is_in_the_navigation(site: Path) -> None:
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    tabs = [a.get_text(strip=True) for a in soup.select(".md-tabs__link")]
    assert "Statistik" in tabs


# --- every chart ----------------------------------------------------------------------------


def test_every_chart_reads_without_javascript_and_has_a_text_alternative(site: Path) -> None:
    charts = 0
    for url in ["inovasi/alfa", "inovasi/nakal", "replikasi", "statistik", f"kegiatan/{EVENT}"]:
        page = body(site, url)
        assert page.select("script:not([type='application/ld+json'])") == []
        for svg in page.select("svg.k-chart"):
            charts += 1
            assert svg["role"] == "img" and svg.get("viewbox")  # html.parser lowercases
            title_id, desc_id = svg["aria-labelledby"].split()
            assert svg.select_one(f"title#{title_id}").get_text().strip()
            assert svg.select_one(f"desc#{desc_id}").get_text().strip()
            assert not [a for t in svg.find_all(True) for a in t.attrs if a.startswith("on")]
            figure = svg.find_parent("figure")
            assert figure is not None and figure.select_one("table caption") is not None
    assert charts >= 9


def test_record_values_in_charts_are_escaped(site: Path) -> None:
    raw = (site / "inovasi" / "nakal" / "index.html").read_text(encoding="utf-8")
    assert "<script>x</script>" not in raw
    svg = body(site, "inovasi/nakal").select_one("svg.k-chart")
    assert svg.select_one("title").get_text() == "Linimasa replikasi A&B <script>x</script>"
