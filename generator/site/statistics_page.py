"""`/statistik/` as view data: the numbers of `statistics` drawn as heat maps and charts, each
with the table that carries every number."""

from __future__ import annotations

from typing import TypedDict

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.site import charts
from generator.site.statistics import (
    AgencyYear,
    YearRow,
    agencies_per_region_and_year,
    innovations_per_maturity,
    innovations_per_region_and_year,
    innovations_per_sector,
    replications_per_latest_stage,
)
from generator.site.structure import Link, Page, Site


class HeatCell(TypedDict):
    """One cell of a heat table: a count shaded by its size (`shade` 1 to 5), or a run of
    `span` empty years drawn as one cell (`value` 0, `shade` 0)."""

    value: int
    span: int
    shade: int


class HeatMapRow(TypedDict):
    """One row of a heat table; `href` is None for a row without a page."""

    key: str
    label: str
    href: str | None
    cells: list[HeatCell]
    total: int


class HeatMap(TypedDict):
    """A row-by-year grid as one shaded table, newest year first.

    There is no separate drawing: the table is the heat map (each number printed in a cell
    shaded by its size), which keeps `/statistik/` to a few hundred elements on a phone
    instead of two thousand. `sentence` replaces the table when it would show one number or
    none; `skipped` names the years left out because no row has a number in them."""

    id: str
    title: str
    summary: str
    years: list[str]  # the column labels, newest first, then the unknown year
    unknown: bool  # the last column is the unknown year
    rows: list[HeatMapRow]
    sentence: str | None
    skipped: str | None


def _heat(
    page: Page,
    chart_id: str,
    title: str,
    lead: str,
    years: list[int | None],
    rows: list[YearRow],
) -> HeatMap:
    # Newest first: on a phone the table opens on the latest years, which is what a reader
    # checks first, without any script to scroll it (the region column stays put, sticky).
    shown = [i for i, _ in enumerate(years) if any(r.values[i] for r in rows)]
    order = sorted((i for i in shown if years[i] is not None), key=lambda i: -(years[i] or 0))
    order += [i for i in shown if years[i] is None]
    biggest = max((v for r in rows for v in r.values), default=0)
    return {
        "id": chart_id,
        "title": title,
        "summary": _grid_desc(lead, years, rows),
        "years": [_year_label(years[i]) for i in order],
        "unknown": bool(order) and years[order[-1]] is None,
        "rows": [
            {
                "key": r.key,
                "label": r.label,
                "href": page.region(r.key).href if page.site.has_region_page(r.key) else None,
                "cells": _heat_cells([r.values[i] for i in order], biggest),
                "total": r.total,
            }
            for r in rows
        ],
        "sentence": _little_grid(years, rows),
        "skipped": _year_ranges([y for i, y in enumerate(years) if i not in shown and y]),
    }


def _year_label(year: int | None) -> str:
    return str(year) if year is not None else f"Tahun {labels.UNKNOWN.lower()}"


def _heat_cells(values: list[int], biggest: int) -> list[HeatCell]:
    """The cells of one row: each count with its shade, each run of empty years as one cell
    spanning them (fewer elements; an empty cell reads the same however wide it is)."""
    cells: list[HeatCell] = []
    for value in values:
        if not value and cells and not cells[-1]["value"]:
            cells[-1]["span"] += 1
        else:
            cells.append({"value": value, "span": 1, "shade": charts.heat_shade(value, biggest)})
    return cells


def _little_grid(years: list[int | None], rows: list[YearRow]) -> str | None:
    """The sentence that replaces a grid with one number or none: a table of empty cells
    around a single number says less than the number does."""
    filled = [(r, y, v) for r in rows for y, v in zip(years, r.values, strict=True) if v]
    if not filled:
        return "Belum ada data."
    if len(filled) > 1:
        return None
    row, year, value = filled[0]
    when = f"pada tahun {year}" if year is not None else f"dengan tahun {labels.UNKNOWN.lower()}"
    return f"Baru ada satu angka: {value} untuk {row.label} {when}."


def _year_ranges(years: list[int]) -> str | None:
    """`2001–2004, 2007`: the years left out of a grid, as ranges."""
    ranges: list[list[int]] = []
    for year in sorted(years):
        if ranges and year == ranges[-1][-1] + 1:
            ranges[-1].append(year)
        else:
            ranges.append([year])
    text = [f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in ranges]
    return ", ".join(text) or None


def _grid_desc(lead: str, years: list[int | None], rows: list[YearRow]) -> str:
    busiest = sorted((r for r in rows if r.total), key=lambda r: (-r.total, r.key))[:3]
    known = [y for y in years if y is not None]
    text = f"{lead} Tahun {known[0]} sampai {known[-1]}." if known else lead
    if busiest:
        text += " Terbanyak: " + "; ".join(f"{r.label}: {r.total}" for r in busiest) + "."
    return text


class CountCharts(TypedDict):
    per_sector: charts.CountsChart
    per_maturity: charts.CountsChart
    per_stage: charts.CountsChart


class AgencyYearList(TypedDict):
    """The agencies of one region that produced an innovation in one year, by name."""

    year: str  # the year, or that it is not known
    count: int
    agencies: list[str]


class AgencyList(TypedDict):
    """One region's agencies that produced innovations: how many in all, and by year, newest
    first."""

    region: Link
    count: int
    years: list[AgencyYearList]


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
            f"{len(catalogue.innovations)} inovasi menurut wilayah pemilik dan tahun mulai.",
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
            f"Jumlah perangkat daerah di {page.site.catalogue.home_name()} yang menghasilkan "
            "paling sedikit satu inovasi, per wilayah dan tahun.",
            agency_years,
            agency_rows,
        ),
        "agency_lists": _agency_lists(page, agency_lists),
    }


def _agency_lists(page: Page, lists: list[AgencyYear]) -> list[AgencyList]:
    """The agency names per region, each region's years newest first (the unknown year last),
    in the order of the regions in `lists`."""
    by_region: dict[str, list[AgencyYear]] = {}
    for item in lists:
        by_region.setdefault(item.region, []).append(item)
    return [
        {
            "region": page.region(code),
            "count": len({name for item in items for name in item.agencies}),
            "years": [
                {
                    "year": str(a.year) if a.year is not None else labels.UNKNOWN,
                    "count": len(a.agencies),
                    "agencies": list(a.agencies),
                }
                for a in sorted(items, key=lambda a: (a.year is None, -(a.year or 0)))
            ],
        }
        for code, items in by_region.items()
    ]
