"""The replication and statistics views at scale: a synthetic catalogue of 10,000 innovations
(about 20,000 replications) keeps every chart and the pages that hold them bounded. Only the
view data and the pages concerned are rendered, not the whole site.

Measured on the seed-1 synthetic catalogue (issue 7): network SVG 20.6 KB, /replikasi/ 66 KB,
/statistik/ 208 KB (59 KB and 681 cells since its grids are shaded tables, issue 21), busiest
commitment page 439 KB (363 signatories), busiest region page
(see the report of issue 7), busiest innovation page 24 KB.
"""

from __future__ import annotations

import re

import pytest

from devtools.synth import write_synthetic_catalogue
from generator.records import urls
from generator.records.catalogue import Catalogue
from generator.records.validate import read_catalogue
from generator.site import listings, network, progress, statistics_page, views
from generator.site.pages import PageMaker

SIZE = 10_000
KB = 1024


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    folder = tmp_path_factory.mktemp("skala") / "katalog"
    write_synthetic_catalogue(SIZE, folder)
    result = read_catalogue(folder)
    assert result.problems == [] and result.catalogue is not None
    return result.catalogue


@pytest.fixture(scope="module")
def site(catalogue: Catalogue) -> views.Site:
    return views.Site(catalogue)


def svgs(html: str) -> dict[str, int]:
    """Each chart's id and size in bytes."""
    return {
        m.group(1): len(m.group(0).encode())
        for m in re.finditer(r'<svg class="k-chart[^"]*" id="([^"]+)".*?</svg>', html, re.S)
    }


def test_the_catalogue_is_at_scale(catalogue: Catalogue) -> None:
    assert len(catalogue.innovations) == SIZE
    assert len(catalogue.replications) >= 18_000


def test_the_network_stays_bounded(catalogue: Catalogue) -> None:
    drawn = network.replication_network(catalogue)
    assert drawn.regions > network.MAX_NODES  # so regions were merged
    assert len(drawn.nodes) == network.MAX_NODES
    assert len(drawn.edges) == network.MAX_EDGES
    shown = sum(e.count for e in drawn.edges)
    assert shown + drawn.hidden_count + drawn.within_merged == len(catalogue.replications)


def test_replications_hub_stays_bounded(site: views.Site) -> None:
    html = (
        PageMaker()
        .make(
            urls.REPLICATIONS,
            "replications_hub.html",
            "Replikasi",
            listings.replications_hub_view(site),
        )
        .body
    )
    sizes = svgs(html)
    assert sizes["jaringan-replikasi"] < 40 * KB
    assert sizes["replikasi-per-tahun"] < 10 * KB and sizes["replikasi-per-tahap"] < 10 * KB
    assert len(html.encode()) < 150 * KB
    rows = re.search(r'data-table="jaringan-replikasi">.*?</table>', html, re.S)
    assert rows is not None and rows.group(0).count("<tr>") <= network.MAX_EDGES + 1


def test_statistics_page_stays_bounded(site: views.Site) -> None:
    html = (
        PageMaker()
        .make(
            urls.STATISTICS, "statistics.html", "Statistik", statistics_page.statistics_view(site)
        )
        .body
    )
    sizes = svgs(html)
    assert "inovasi-per-wilayah-tahun" not in sizes  # the grids are shaded tables, not drawings
    assert max(sizes.values()) < 20 * KB
    grid = re.search(r'data-table="inovasi-per-wilayah-tahun">.*?</table>', html, re.S)
    assert grid is not None
    assert len(grid.group(0).encode()) < 150 * KB  # 15 regions + 38 provinces by years
    # A phone lays out every element: runs of empty years are one cell each.
    assert html.count("<td") < 1500
    assert len(html.encode()) < 120 * KB


def test_region_and_innovation_pages_stay_readable(site: views.Site, catalogue: Catalogue) -> None:
    maker = PageMaker()

    def received(code: str) -> int:
        return sum(len(catalogue.replications_of(i.slug)) for i in catalogue.innovations_of(code))

    busiest = max(site.region_codes, key=received)
    assert received(busiest) > progress.REGION_ROWS
    view = views.region_view(site, busiest)
    assert len(view["progress"]["received"]) == progress.REGION_ROWS
    assert len(view["progress"]["received_by_region"]) <= progress.REGION_ROWS
    html = maker.make(urls.region(site.region_slug(busiest)), "region.html", "Wilayah", view).body
    assert len(html.encode()) < 120 * KB
    innovation = max(
        catalogue.innovations.values(), key=lambda i: len(catalogue.replications_of(i.slug))
    )
    html = maker.make(
        urls.innovation(innovation.slug),
        "innovation.html",
        innovation.nama,
        views.innovation_view(site, innovation),
    ).body
    assert svgs(html)["linimasa-replikasi"] < 20 * KB
    assert len(html.encode()) < 100 * KB


def test_commitment_board_grows_with_its_signatories_only(
    site: views.Site, catalogue: Catalogue
) -> None:
    commitments = [e for e in catalogue.events.values() if e.jenis == "komitmen-replikasi"]
    busiest = max(
        commitments, key=lambda e: len(e.peserta) + len(catalogue.replications_in(e.slug))
    )
    html = (
        PageMaker()
        .make(urls.event(busiest.slug), "event.html", busiest.nama, views.event_view(site, busiest))
        .body
    )
    rows = len(busiest.peserta) + len(catalogue.replications_in(busiest.slug))
    assert len(html.encode()) < rows * 1.2 * KB
    assert svgs(html)["capaian-komitmen"] < 10 * KB
