"""The catalogue's numbers: counts computed once from the records, for charts and tables.

Every function takes the catalogue and returns plain, ordered counts; nothing here draws
(`charts`) or links (`views`). Rows that could grow with the national region table are
grouped: Kalimantan Barat's regions one by one, every other province as one row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TypedDict

from markupsafe import Markup

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.model import Catalogue, Replication
from generator.records.vocabulary import CANCELLED, REPLICATION_STAGES
from generator.site import charts
from generator.site.structure import Link, Page, Site

ALL_REGIONS = " (semua wilayah)"


@dataclass(frozen=True)
class Count:
    """One counted value: a stable key, its Indonesian label and the number."""

    key: str
    label: str
    value: int


@dataclass(frozen=True)
class YearRow:
    """One row of a row-by-year grid: counts aligned with the grid's years, and the total."""

    key: str
    label: str
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class AgencyYear:
    """The agencies of one region that produced at least one innovation in one year."""

    region: str
    year: int
    agencies: tuple[str, ...]


def innovations_per_sector(catalogue: Catalogue) -> list[Count]:
    """Innovations per sector, in the vocabulary's order; sectors with none are left out."""
    counted = Counter(i.bidang for i in catalogue.innovations.values())
    return [
        Count(code, sector.nama, counted[code])
        for code, sector in catalogue.sectors.items()
        if counted[code]
    ]


def innovations_per_maturity(catalogue: Catalogue) -> list[Count]:
    """Innovations per maturity (`tahap`), from initiative to implementation."""
    counted = Counter(i.tahap for i in catalogue.innovations.values())
    return [Count(k, label, counted[k]) for k, label in labels.MATURITY.items()]


def replications_per_latest_stage(catalogue: Catalogue) -> list[Count]:
    """Replications by the last stage recorded for each: they add up to all replications."""
    counted = Counter(r.latest_stage.tahap for r in catalogue.replications.values())
    return [Count(k, label, counted[k]) for k, label in labels.REPLICATION_STAGE.items()]


def furthest_stage(replication: Replication) -> int:
    """The index in `REPLICATION_STAGES` of the furthest stage a replication recorded; -1 if
    it recorded none but a cancellation."""
    reached = [
        REPLICATION_STAGES.index(s.tahap) for s in replication.tahapan if s.tahap != CANCELLED
    ]
    return max(reached, default=-1)


def is_cancelled(replication: Replication) -> bool:
    return replication.latest_stage.tahap == CANCELLED


def replications_reaching_stage(catalogue: Catalogue) -> list[Count]:
    """How many replications reached each stage. A replication recorded at a later stage has
    passed the earlier ones too (a record may start at `implementasi`). Cancelled ones count
    for the stages they reached, and once more under `dibatalkan`."""
    furthest = Counter(furthest_stage(r) for r in catalogue.replications.values())
    counts = []
    for index, code in enumerate(REPLICATION_STAGES):
        value = sum(n for stage, n in furthest.items() if stage >= index)
        counts.append(Count(code, labels.REPLICATION_STAGE[code], value))
    cancelled = sum(1 for r in catalogue.replications.values() if is_cancelled(r))
    counts.append(Count(CANCELLED, labels.REPLICATION_STAGE[CANCELLED], cancelled))
    return counts


def replications_started_per_year(catalogue: Catalogue) -> list[Count]:
    """Replications by the year of their first recorded stage, every year in the range."""
    counted = Counter(r.started.year for r in catalogue.replications.values())
    if not counted:
        return []
    return [Count(str(y), str(y), counted[y]) for y in range(min(counted), max(counted) + 1)]


def _home_codes(catalogue: Catalogue) -> list[str]:
    """The home province and its regencies and cities, by code."""
    home = catalogue.home_province
    return [home, *(r.code for r in catalogue.regions.regions_of(home))]


def region_group(catalogue: Catalogue, code: str) -> tuple[str, str]:
    """The row a region's numbers go to: (key, label). The home province's regions stand
    alone; any other region is counted with its province."""
    region = catalogue.region(code)
    if region.province_code == catalogue.home_province:
        return code, catalogue.region_name(code)
    province = catalogue.region(region.province_code)
    return f"{province.code}*", f"{province.full_name}{ALL_REGIONS}"


def innovations_per_region_and_year(catalogue: Catalogue) -> tuple[list[int], list[YearRow]]:
    """Innovations by owner and first year: (years, rows). Kalimantan Barat's 15 regions
    come first, in code order, even when they have none; other provinces follow."""
    counted: dict[str, Counter[int]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for innovation in catalogue.innovations.values():
        key, label = region_group(catalogue, innovation.wilayah)
        counted[key][innovation.tahun] += 1
        names[key] = label
    all_years = [i.tahun for i in catalogue.innovations.values()]
    years = list(range(min(all_years), max(all_years) + 1)) if all_years else []
    home = _home_codes(catalogue)
    for code in home:
        names.setdefault(code, catalogue.region_name(code))
    others = sorted(k for k in names if k not in home)
    rows = [
        YearRow(key, names[key], tuple(counted[key][y] for y in years)) for key in [*home, *others]
    ]
    return years, rows


def agencies_per_region_and_year(
    catalogue: Catalogue,
) -> tuple[list[int], list[YearRow], list[AgencyYear]]:
    """For each of Kalimantan Barat's regions and each year: how many agencies (`instansi`)
    produced an innovation, and which. The province asks every agency for at least one a
    year, so this is the table it steers by. Returns (years, count rows, agency lists)."""
    agencies: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    home = _home_codes(catalogue)
    for code in home:
        for innovation in catalogue.innovations_of(code):
            agencies[code][innovation.tahun].add(innovation.instansi.strip())
    present = [y for code in home for y in agencies[code]]
    years = list(range(min(present), max(present) + 1)) if present else []
    rows = [
        YearRow(code, catalogue.region_name(code), tuple(len(agencies[code][y]) for y in years))
        for code in home
    ]
    lists = [
        AgencyYear(code, year, tuple(sorted(agencies[code][year], key=str.lower)))
        for code in home
        for year in years
        if agencies[code][year]
    ]
    return years, rows, lists


# --- the /statistik/ page ------------------------------------------------------------------


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
    years: list[int]
    svg: Markup | None
    rows: list[HeatMapRow]


def _heat(
    page: Page, chart_id: str, title: str, desc: str, years: list[int], rows: list[YearRow]
) -> HeatMap:
    columns = [str(y) for y in years]
    return {
        "id": chart_id,
        "title": title,
        "years": years,
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


def _grid_desc(lead: str, years: list[int], rows: list[YearRow]) -> str:
    busiest = sorted((r for r in rows if r.total), key=lambda r: (-r.total, r.key))[:3]
    text = f"{lead} Tahun {years[0]} sampai {years[-1]}." if years else lead
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
    year: int
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
                "Jumlah perangkat daerah di Kalimantan Barat yang menghasilkan paling sedikit "
                "satu inovasi, per wilayah dan tahun.",
                agency_years,
                agency_rows,
            ),
            agency_years,
            agency_rows,
        ),
        "agency_lists": [
            {
                "region": page.region(a.region),
                "year": a.year,
                "count": len(a.agencies),
                "agencies": list(a.agencies),
            }
            for a in agency_lists
        ],
    }
