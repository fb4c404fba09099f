"""`/statistik/` as view data: the numbers of `statistics` drawn as heat maps and charts, each
with the table that carries every number."""

from __future__ import annotations

from typing import TypedDict

from markupsafe import Markup

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.site import charts
from generator.site.statistics import (
    ALL_REGIONS,
    YearRow,
    agencies_per_region_and_year,
    innovations_per_maturity,
    innovations_per_region_and_year,
    innovations_per_sector,
    replications_per_latest_stage,
)
from generator.site.structure import Link, Page, Site


def _short_label(label: str) -> str:
    """A row label short enough for a chart: `Prov. Jawa Barat (semua)`."""
    whole = label.endswith(ALL_REGIONS)
    short = charts.short_region_name(label.removesuffix(ALL_REGIONS))
    return f"{short} (semua)" if whole else short


class HeatMapRow(TypedDict):
    """One row of the table beside a heat map; `href` is None for a row without a page."""

    key: str
    label: str
    href: str | None
    counts: list[int]
    total: int


class HeatMap(TypedDict):
    """A heat map (None without years) and the table with every cell's number."""

    id: str
    title: str
    years: list[str]  # the column labels
    svg: Markup | None
    rows: list[HeatMapRow]


def _heat(
    page: Page,
    chart_id: str,
    title: str,
    desc: str,
    years: list[int | None],
    rows: list[YearRow],
) -> HeatMap:
    columns = [str(y) if y is not None else "?" for y in years]
    return {
        "id": chart_id,
        "title": title,
        "years": [str(y) if y is not None else f"Tahun {labels.UNKNOWN.lower()}" for y in years],
        "svg": charts.heat_map(
            chart_id,
            title,
            desc,
            columns,
            [charts.HeatRow(r.key, _short_label(r.label), r.values) for r in rows],
        )
        if years
        else None,
        "rows": [
            {
                "key": r.key,
                "label": r.label,
                "href": page.region(r.key).href if page.site.has_region_page(r.key) else None,
                "counts": list(r.values),
                "total": r.total,
            }
            for r in rows
        ],
    }


def _grid_desc(lead: str, years: list[int | None], rows: list[YearRow]) -> str:
    busiest = sorted((r for r in rows if r.total), key=lambda r: (-r.total, r.key))[:3]
    known = [y for y in years if y is not None]
    text = f"{lead} Tahun {known[0]} sampai {known[-1]}." if known else lead
    if len(known) < len(years):
        text += " Kolom terakhir (?): tahun belum diketahui."
    if busiest:
        text += " Terbanyak: " + "; ".join(f"{r.label}: {r.total}" for r in busiest) + "."
    return text + " Angka setiap sel ada di tabel di samping."


class CountCharts(TypedDict):
    per_sector: charts.CountsChart
    per_maturity: charts.CountsChart
    per_stage: charts.CountsChart


class AgencyList(TypedDict):
    """The agencies of one region that produced an innovation in one year, by name."""

    region: Link
    year: str  # the year, or that it is not known
    count: int
    agencies: list[str]


class AgencyViews(TypedDict):
    agencies: HeatMap
    agency_lists: list[AgencyList]


class StatisticsLinks(TypedDict):
    replications: str
    data: str


class StatisticsView(CountCharts, AgencyViews):
    innovations: int
    replications: int
    per_region_year: HeatMap
    links: StatisticsLinks


def statistics_view(site: Site) -> StatisticsView:
    """`/statistik/`: innovations per region and year, sector and maturity; replications per
    stage; and the agencies of each Kalimantan Barat region that produced an innovation."""
    page = Page(site, urls.STATISTICS)
    catalogue = site.catalogue
    years, region_rows = innovations_per_region_and_year(catalogue)
    return {
        "innovations": len(catalogue.innovations),
        "replications": len(catalogue.replications),
        "per_region_year": _heat(
            page,
            "inovasi-per-wilayah-tahun",
            "Inovasi per wilayah dan tahun mulai",
            _grid_desc(
                f"{len(catalogue.innovations)} inovasi menurut wilayah pemilik dan tahun mulai.",
                years,
                region_rows,
            ),
            years,
            region_rows,
        ),
        **_count_charts(catalogue),
        **_agency_views(page),
        "links": {
            "replications": page.href(urls.REPLICATIONS),
            "data": page.href("data/"),
        },
    }


def _count_charts(catalogue: Catalogue) -> CountCharts:
    """The charts of plain counts: innovations per sector and maturity, replications per
    latest stage."""
    return {
        "per_sector": charts.counts_chart(
            "inovasi-per-bidang",
            "Inovasi per bidang",
            "Jumlah inovasi per bidang:",
            innovations_per_sector(catalogue),
        ),
        "per_maturity": charts.counts_chart(
            "inovasi-per-tahap",
            "Inovasi per tahap kematangan",
            "Jumlah inovasi per tahap kematangan:",
            innovations_per_maturity(catalogue),
        ),
        "per_stage": charts.counts_chart(
            "replikasi-tahap-terakhir",
            "Replikasi menurut tahap terakhir",
            "Jumlah replikasi menurut tahap terakhir yang tercatat:",
            replications_per_latest_stage(catalogue),
            colours=True,
        ),
    }


def _agency_views(page: Page) -> AgencyViews:
    """The agencies of the home province's regions that produced innovations, per year: a heat
    map and the lists behind it."""
    agency_years, agency_rows, agency_lists = agencies_per_region_and_year(page.site.catalogue)
    return {
        "agencies": _heat(
            page,
            "perangkat-daerah-per-tahun",
            "Perangkat daerah yang menghasilkan inovasi, per wilayah dan tahun",
            _grid_desc(
                f"Jumlah perangkat daerah di {page.site.catalogue.home_name()} yang menghasilkan "
                "paling sedikit satu inovasi, per wilayah dan tahun.",
                agency_years,
                agency_rows,
            ),
            agency_years,
            agency_rows,
        ),
        "agency_lists": [
            {
                "region": page.region(a.region),
                "year": str(a.year) if a.year is not None else labels.UNKNOWN,
                "count": len(a.agencies),
                "agencies": list(a.agencies),
            }
            for a in agency_lists
        ],
    }
