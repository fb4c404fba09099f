"""View data for the hub and listing pages (with the home page, `home_page`, the only pages in
the nav).

Listings are plain HTML lists grouped under headings, readable without JavaScript.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import TypedDict

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.model import Event, Innovation
from generator.site import paging
from generator.site.breadcrumbs import Breadcrumbs
from generator.site.fingerprints import Inputs, Planned
from generator.site.network import ReplicationsOverview, replications_overview
from generator.site.paging import Pager
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
    """A page of `/kegiatan/`: its events, newest first, and where it sits in the list (a
    national catalogue records thousands of signings, competitions and visits)."""

    entries: list[EventEntry]
    total: int
    pager: Pager | None
    breadcrumbs: Breadcrumbs | None  # on the later pages: Beranda › Kegiatan › halaman n


def events_hub_pages(site: Site) -> list[Planned]:
    """Each page of `/kegiatan/`: every event, newest first."""
    catalogue = site.catalogue
    events = sorted(catalogue.events.values(), key=lambda e: (e.tanggal, e.slug), reverse=True)
    hub_parts = paging.parts(site, urls.EVENTS, events)
    pages = []
    for part in hub_parts:
        inputs = Inputs(values=[repr((part.number, len(hub_parts), len(events)))])
        for event in part.entries:
            inputs.paths.add(event.path)
            inputs.values.append(f"{event.slug}:{len(catalogue.replications_in(event.slug))}")
        view = partial(_events_hub_view, site, part, len(events))
        pages.append(
            Planned(part.page.here, "events_hub.html", part.title("Kegiatan"), inputs, view)
        )
    return pages


def _events_hub_view(site: Site, part: paging.Part[Event], total: int) -> EventsHubView:
    page = part.page
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
            for e in part.entries
        ],
        "total": total,
        "pager": part.pager,
        "breadcrumbs": None if part.number == 1 else part.breadcrumbs([], "Kegiatan"),
    }
