"""View data for the hub and listing pages (with the home page, `home_page`, the only pages in
the nav).

Listings are plain HTML lists grouped under headings, readable without JavaScript.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypedDict

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.model import Innovation
from generator.site.network import ReplicationsOverview, replications_overview
from generator.site.structure import (
    InnovationItem,
    Link,
    Page,
    ReplicationItem,
    Site,
    owner_anchor,
)
from generator.site.view_types import RegionSummary

# The replications hub lists the most recently active ones only; every replication is
# listed on its innovation's and its region's page and in data/replikasi.csv.
LATEST_ON_REPLICATIONS_HUB = 50


def _region_summary(page: Page, code: str) -> RegionSummary:
    catalogue = page.site.catalogue
    return {
        "link": page.region(code),
        "owned": len(catalogue.innovations_of(code)),
        "replicated": len(catalogue.replications_by(code)),
    }


def _by_name(innovations: list[Innovation]) -> list[Innovation]:
    return sorted(innovations, key=lambda i: (i.nama.lower(), i.slug))


class SectorGroup(TypedDict):
    """A sector's innovations under its heading; `anchor` is the heading's id; `sector` links
    to the sector's page (None for the innovations whose sector is not known yet)."""

    title: str
    sector: Link | None
    anchor: str
    entries: list[InnovationItem]


class YearLink(TypedDict):
    """A year's listing page and how many innovations began that year (no page for the
    innovations whose year is not known yet)."""

    link: str | None
    year: str
    count: int


class InnovationsHubView(TypedDict):
    total: int
    groups: list[SectorGroup]
    filter_script: str
    years: list[YearLink]


def innovations_hub_view(site: Site) -> InnovationsHubView:
    """Every innovation, grouped by sector, with links to the sector and year listings."""
    page = Page(site, urls.INNOVATIONS)
    catalogue = site.catalogue
    by_sector: dict[str | None, list[Innovation]] = defaultdict(list)
    by_year: dict[int, int] = defaultdict(int)
    for innovation in catalogue.innovations.values():
        by_sector[innovation.bidang].append(innovation)
        if innovation.tahun is not None:
            by_year[innovation.tahun] += 1
    groups: list[SectorGroup] = [
        {
            "title": page.sector(code).text,
            "sector": page.sector(code),
            "anchor": code,
            "entries": [page.innovation_item(i) for i in _by_name(by_sector[code])],
        }
        for code in catalogue.sectors
        if by_sector.get(code)
    ]
    if by_sector.get(None):
        groups.append(
            {
                "title": f"Bidang {labels.UNKNOWN.lower()}",
                "sector": None,
                "anchor": "bidang-belum-diketahui",
                "entries": [page.innovation_item(i) for i in _by_name(by_sector[None])],
            }
        )
    years: list[YearLink] = [
        {"link": page.href(urls.year(y)), "year": str(y), "count": by_year[y]}
        for y in sorted(by_year, reverse=True)
    ]
    unknown_year = len(catalogue.innovations) - sum(by_year.values())
    if unknown_year:
        years.append(
            {"link": None, "year": f"tahun {labels.UNKNOWN.lower()}", "count": unknown_year}
        )
    return {
        "total": len(catalogue.innovations),
        "groups": groups,
        "filter_script": page.href(urls.LISTING_FILTER_SCRIPT),
        "years": years,
    }


class ListingView(TypedDict):
    """A sector's or a year's innovations (`listing.html`); `hub` links to all innovations."""

    title: str
    description: str
    entries: list[InnovationItem]
    hub: str


def sector_pages(site: Site) -> list[tuple[str, str, ListingView]]:
    """(page URL, title, view) for every sector that has innovations."""
    catalogue = site.catalogue
    by_sector: dict[str, list[Innovation]] = defaultdict(list)
    for innovation in catalogue.innovations.values():
        if innovation.bidang is not None:
            by_sector[innovation.bidang].append(innovation)
    pages = []
    for code, innovations in by_sector.items():
        here = urls.sector(code)
        page = Page(site, here)
        sector = catalogue.sectors[code]
        ordered = sorted(innovations, key=lambda i: (-(i.tahun or 0), i.nama.lower()))
        view: ListingView = {
            "title": f"Inovasi bidang {sector.nama}",
            "description": sector.uraian,
            "entries": [page.innovation_item(i) for i in ordered],
            "hub": page.href(urls.INNOVATIONS),
        }
        pages.append((here, view["title"], view))
    return pages


def year_pages(site: Site) -> list[tuple[str, str, ListingView]]:
    """(page URL, title, view) for every year in which an innovation began."""
    by_year: dict[int, list[Innovation]] = defaultdict(list)
    for innovation in site.catalogue.innovations.values():
        if innovation.tahun is not None:
            by_year[innovation.tahun].append(innovation)
    pages = []
    for year, innovations in sorted(by_year.items()):
        here = urls.year(year)
        page = Page(site, here)
        view: ListingView = {
            "title": f"Inovasi tahun {year}",
            "description": "",
            "entries": [page.innovation_item(i) for i in _by_name(innovations)],
            "hub": page.href(urls.INNOVATIONS),
        }
        pages.append((here, view["title"], view))
    return pages


class ProvinceGroup(TypedDict):
    """The regions with pages in one province outside the home province."""

    province: str
    regions: list[RegionSummary]


class OwnerGroup(TypedDict):
    """The innovations of one kind of owner other than a regional government."""

    title: str
    anchor: str
    entries: list[InnovationItem]


class RegionsHubView(TypedDict):
    home_name: str
    home_regions: list[RegionSummary]
    others: list[ProvinceGroup]
    owners: list[OwnerGroup]


def regions_hub_view(site: Site) -> RegionsHubView:
    """Kalimantan Barat first, then every other region with a page, grouped by province."""
    page = Page(site, urls.REGIONS)
    catalogue = site.catalogue
    others: dict[str, list[str]] = defaultdict(list)
    for code in site.region_codes:
        if code in site.home_codes:
            continue
        region = catalogue.region(code)
        others[region.province_code].append(code)
    by_owner: dict[str, list[Innovation]] = defaultdict(list)
    for innovation in catalogue.innovations.values():
        if not innovation.regional:
            by_owner[innovation.jenis_pemilik].append(innovation)
    return {
        "home_name": catalogue.home_name(),
        "home_regions": [_region_summary(page, c) for c in site.home_codes],
        "others": [
            {
                "province": catalogue.region(p).full_name,
                "regions": [_region_summary(page, c) for c in sorted(codes)],
            }
            for p, codes in sorted(others.items())
        ],
        "owners": [
            {
                "title": labels.OWNER_KIND[kind],
                "anchor": owner_anchor(kind),
                "entries": [page.innovation_item(i) for i in _by_name(by_owner[kind])],
            }
            for kind in labels.OWNER_KIND
            if by_owner.get(kind)
        ],
    }


class StageCount(TypedDict):
    """How many replications stopped last at one stage."""

    label: str
    count: int


class ReplicationsHubView(ReplicationsOverview):
    """`/replikasi/`: the overview, the count per latest stage, and the latest replications
    (`more` not listed)."""

    total: int
    stages: list[StageCount]
    entries: list[ReplicationItem]
    more: int


def replications_hub_view(site: Site) -> ReplicationsHubView:
    """Every replication, the most recently active first, with a count per stage reached."""
    page = Page(site, urls.REPLICATIONS)
    replications = sorted(
        site.catalogue.replications.values(),
        key=lambda r: (r.latest_stage.tanggal, r.slug),
        reverse=True,
    )
    per_stage: dict[str, int] = defaultdict(int)
    for replication in replications:
        per_stage[replication.latest_stage.tahap] += 1
    return {
        "total": len(replications),
        "stages": [
            {"label": label, "count": per_stage[code]}
            for code, label in labels.REPLICATION_STAGE.items()
            if per_stage.get(code)
        ],
        "entries": [page.replication_item(r) for r in replications[:LATEST_ON_REPLICATIONS_HUB]],
        "more": max(0, len(replications) - LATEST_ON_REPLICATIONS_HUB),
        **replications_overview(page),
    }


class EventEntry(TypedDict):
    """An event as one card of the events hub; `replications` counts those recorded in it."""

    link: Link
    date: str
    kind: str
    place: str | None
    participant_count: int
    replications: int


class EventsHubView(TypedDict):
    entries: list[EventEntry]


def events_hub_view(site: Site) -> EventsHubView:
    """Every event, newest first."""
    page = Page(site, urls.EVENTS)
    events = sorted(site.catalogue.events.values(), key=lambda e: (e.tanggal, e.slug), reverse=True)
    return {
        "entries": [
            {
                "link": page.event(e.slug),
                "date": e.tanggal.indonesian(),
                "kind": labels.label(labels.EVENT_KIND, e.jenis),
                "place": e.tempat,
                "participant_count": len(e.peserta),
                "replications": len(site.catalogue.replications_in(e.slug)),
            }
            for e in events
        ]
    }
