"""How a visitor finds the innovations that concern them: the `/inovasi/` hub with its filters
(region, sector, owner kind, stage, status, replicated, year), and the listing page each
filter value leads to, so that every filter works without JavaScript. With JavaScript,
`saring.js` turns the same filters into choices that narrow the hub's list in place; each
card carries its own values (`InnovationItem.facets`).

A facet has Datasette's small regular shape: per value, its label, its count and the page it
leads to (none for a value no source has given yet).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TypedDict

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.model import Innovation
from generator.site.charts import short_region_name
from generator.site.structure import (
    FACET_KEYS,
    UNKNOWN_VALUE,
    InnovationItem,
    Link,
    Page,
    Site,
    facet_values,
    owner_anchor,
)


class SectorGroup(TypedDict):
    """A sector's innovations under its heading; `anchor` is the heading's id; `sector` links
    to the sector's page (None for the innovations whose sector is not known yet)."""

    title: str
    sector: Link | None
    anchor: str
    entries: list[InnovationItem]
    count: int  # the sector's innovations in the whole listing, not only on this page


class FacetValue(TypedDict):
    """One value of a filter: `value` is its code (as in the cards' `facets`), `link` the
    page that lists its innovations (None when it has none)."""

    value: str
    label: str
    count: int
    link: str | None


class Facet(TypedDict):
    key: str  # one of FACET_KEYS, also the hub's URL parameter
    title: str
    values: list[FacetValue]


class YearLink(TypedDict):
    """A year's listing page and how many innovations began that year (no page for the
    innovations whose year is not known yet)."""

    link: str | None
    year: str
    count: int


UNKNOWN_SECTOR_ANCHOR = "bidang-belum-diketahui"


def newest_by_name(innovation: Innovation) -> tuple[int, str, str]:
    """The order of a listing: newest year first, an unknown year last, then by name."""
    return (-(innovation.tahun or 0), innovation.nama.lower(), innovation.slug)


def _by_name(innovation: Innovation) -> tuple[str, str]:
    return (innovation.nama.lower(), innovation.slug)


def in_sector_order(
    site: Site,
    innovations: Iterable[Innovation],
    order: Callable[[Innovation], tuple[object, ...]] = _by_name,
) -> list[Innovation]:
    """`innovations` in the order `sector_groups` shows them, so that a listing cut into pages
    (`paging`) shows on each page the groups of its own slice, in the same order."""
    rank = {code: index for index, code in enumerate(site.catalogue.sectors)}
    last = len(rank)
    return sorted(
        innovations, key=lambda i: (rank.get(i.bidang, last) if i.bidang else last, order(i))
    )


def sector_groups(
    page: Page,
    innovations: Iterable[Innovation],
    order: Callable[[Innovation], tuple[object, ...]] = _by_name,
    counts: dict[str | None, int] | None = None,
) -> list[SectorGroup]:
    """Innovations under their sector's heading, sectors in the catalogue's order, those whose
    sector is not known yet last; `counts` are each sector's innovations in the whole listing
    when these are one page of it."""
    catalogue = page.site.catalogue
    by_sector: dict[str | None, list[Innovation]] = defaultdict(list)
    for innovation in innovations:
        by_sector[innovation.bidang].append(innovation)
    groups: list[SectorGroup] = []
    for code in [*catalogue.sectors, None]:
        if not by_sector.get(code):
            continue
        sector = page.sector(code) if code else None
        groups.append(
            {
                "title": sector.text if sector else f"Bidang {labels.UNKNOWN.lower()}",
                "sector": sector,
                "anchor": code or UNKNOWN_SECTOR_ANCHOR,
                "entries": [page.innovation_item(i) for i in sorted(by_sector[code], key=order)],
                "count": counts[code] if counts else len(by_sector[code]),
            }
        )
    return groups


def _facet_counts(site: Site) -> dict[str, dict[str, int]]:
    """How many innovations have each value of each facet."""
    counts: dict[str, dict[str, int]] = {key: defaultdict(int) for key in FACET_KEYS}
    catalogue = site.catalogue
    for innovation in catalogue.innovations.values():
        replications = len(catalogue.replications_of(innovation.slug))
        for key, value in zip(FACET_KEYS, facet_values(innovation, replications), strict=True):
            counts[key][value] += 1
    return counts


def _values(
    counted: dict[str, int], choices: Iterable[tuple[str, str, str | None]]
) -> list[FacetValue]:
    """The values with innovations, in the order given: (value, label, link), then the count
    of those whose value is not known yet, without a page."""
    values: list[FacetValue] = [
        {"value": value, "label": label, "count": counted[value], "link": link}
        for value, label, link in choices
        if counted.get(value)
    ]
    if counted.get(UNKNOWN_VALUE):
        values.append(
            {
                "value": UNKNOWN_VALUE,
                "label": labels.UNKNOWN.lower(),
                "count": counted[UNKNOWN_VALUE],
                "link": None,
            }
        )
    return values


def _region_values(page: Page, counted: dict[str, int]) -> list[FacetValue]:
    """Every region with innovations, and every region of the home province even without:
    its page says so and invites a contribution. Owners other than a regional government
    are not a region; the owner facet lists them."""
    site = page.site
    codes = [*site.home_codes, *(c for c in site.region_codes if c not in site.home_codes)]
    return [
        {
            "value": code,
            "label": short_region_name(site.catalogue.region_name(code)),
            "count": counted.get(code, 0),
            "link": f"{page.region(code).href}#inovasi",
        }
        for code in codes
        if counted.get(code) or code in site.home_codes
    ]


FACET_TITLES = {
    "wilayah": "Wilayah",
    "bidang": "Bidang",
    "pemilik": "Pemilik",
    "tahap": "Tahap",
    "status": "Status",
    "direplikasi": "Direplikasi",
}


def _choices(page: Page) -> dict[str, list[tuple[str, str, str | None]]]:
    """The known values of every facet but `wilayah`, in order: (value, label, its page)."""
    regions = page.href(urls.REGIONS)

    def owner_page(kind: str) -> str:
        # A regional government's innovations are on its region's page; the others are
        # grouped by kind on the regions page.
        if kind == labels.REGIONAL_GOVERNMENT:
            return regions
        return f"{regions}#{owner_anchor(kind)}"

    return {
        "bidang": [
            (code, sector.nama, page.href(urls.sector(code)))
            for code, sector in page.site.catalogue.sectors.items()
        ],
        "pemilik": [(kind, text, owner_page(kind)) for kind, text in labels.OWNER_KIND.items()],
        "tahap": [(c, t, page.href(urls.maturity(c))) for c, t in labels.MATURITY.items()],
        "status": [(c, t, page.href(urls.status(c))) for c, t in labels.STATUS_SHORT.items()],
        "direplikasi": [("ya", "sudah", page.href(urls.REPLICATED)), ("belum", "belum", None)],
    }


def hub_facets(page: Page) -> list[Facet]:
    """The filters of `/inovasi/`, each value linked to the page that lists it."""
    counts = _facet_counts(page.site)
    choices = _choices(page)
    return [
        {
            "key": key,
            "title": FACET_TITLES[key],
            "values": _region_values(page, counts[key])
            if key == "wilayah"
            else _values(counts[key], choices[key]),
        }
        for key in FACET_KEYS
    ]


def year_links(page: Page) -> list[YearLink]:
    by_year: dict[int, int] = defaultdict(int)
    for innovation in page.site.catalogue.innovations.values():
        if innovation.tahun is not None:
            by_year[innovation.tahun] += 1
    years: list[YearLink] = [
        {"link": page.href(urls.year(y)), "year": str(y), "count": by_year[y]}
        for y in sorted(by_year, reverse=True)
    ]
    unknown = len(page.site.catalogue.innovations) - sum(by_year.values())
    if unknown:
        years.append({"link": None, "year": f"tahun {labels.UNKNOWN.lower()}", "count": unknown})
    return years
