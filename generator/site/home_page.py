"""View data for the home page (Beranda): a search box, the ways in (the home province's regions
and the sectors, with how many innovations each holds), the numbers, the records updated last
and the latest replication stages.
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import TypedDict

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.dates import PartialDate
from generator.records.model import Innovation
from generator.site.origin import OriginCounts, origin_counts
from generator.site.record_footer import record_updated
from generator.site.structure import Link, Page, Site
from generator.site.view_types import RegionSummary

UPDATED_ON_HOME = 8
ACTIVITY_ON_HOME = 8


class Counts(TypedDict):
    """How many pages of each record kind the site has, and where its innovations come from."""

    innovations: int
    origins: OriginCounts
    regions: int
    replications: int
    events: int


class HomeLinks(TypedDict):
    search: str
    innovations: str
    regions: str
    replications: str
    events: str
    about: str
    contribute: str


class SectorEntry(TypedDict):
    """A sector's listing page and how many innovations it holds."""

    link: Link
    count: int


class UpdatedEntry(TypedDict):
    """An innovation whose record changed lately, and when (`date_iso` for <time>)."""

    link: Link
    owner: Link
    date: str
    date_iso: str


class Activity(TypedDict):
    """A stage a replication reached, as a line of the home page's latest activity."""

    date: str
    stage: str
    region: Link
    innovation: Link
    link: str


class HomeView(TypedDict):
    home_name: str
    counts: Counts
    links: HomeLinks
    regions: list[RegionSummary]  # the home province first, then its regencies and cities
    sectors: list[SectorEntry]
    unknown_sector: int
    updated: list[UpdatedEntry]
    activity: list[Activity]


def home_view(site: Site) -> HomeView:
    """Beranda: search first, then the ways in, the numbers and what changed lately."""
    page = Page(site, urls.HOME)
    catalogue = site.catalogue
    sectors = Counter(i.bidang for i in catalogue.innovations.values())
    return {
        "home_name": catalogue.home_name(),
        "counts": {
            "innovations": len(catalogue.innovations),
            "origins": origin_counts(catalogue),
            "regions": len(site.region_codes),
            "replications": len(catalogue.replications),
            "events": len(catalogue.events),
        },
        "links": {
            "search": page.href(urls.SEARCH),
            "innovations": page.href(urls.INNOVATIONS),
            "regions": page.href(urls.REGIONS),
            "replications": page.href(urls.REPLICATIONS),
            "events": page.href(urls.EVENTS),
            "about": page.href(urls.ABOUT),
            "contribute": page.href(urls.CONTRIBUTE),
        },
        "regions": [
            {
                "link": page.region(code),
                "owned": len(catalogue.innovations_of(code)),
                "replicated": len(catalogue.replications_by(code)),
            }
            for code in _home_regions(site)
        ],
        "sectors": [
            {"link": page.sector(code), "count": count}
            for code, count in sorted(
                ((c, n) for c, n in sectors.items() if c is not None),
                key=lambda pair: (-pair[1], page.sector(pair[0]).text.lower()),
            )
        ],
        "unknown_sector": sectors.get(None, 0),
        "updated": _updated(page),
        "activity": _activity(page),
    }


def _home_regions(site: Site) -> list[str]:
    """The home province, then its regencies and cities by name (a visitor looks a name up;
    the codes' order is the government's)."""
    province, *members = site.home_codes or [""]
    named = sorted(members, key=lambda code: site.catalogue.region_name(code))
    return [province, *named] if province else []


def _updated(page: Page) -> list[UpdatedEntry]:
    """The innovations updated last, by the date their page shows as "Terakhir diperbarui"
    (the record's `diperbarui`, else its file's last commit): newest first, then by name.
    Records without either date are left out: their place in the order is not known."""
    dated: list[tuple[PartialDate, Innovation]] = []
    for innovation in page.site.catalogue.innovations.values():
        date = record_updated(page.site, innovation.path, innovation.diperbarui)
        if date is not None:
            dated.append((date, innovation))
    dated.sort(key=lambda pair: (pair[1].nama.lower(), pair[1].slug))
    dated.sort(key=lambda pair: pair[0], reverse=True)
    return [
        {
            "link": page.innovation(innovation.slug),
            "owner": page.owner(innovation),
            "date": date.indonesian(),
            "date_iso": date.iso(),
        }
        for date, innovation in dated[:UPDATED_ON_HOME]
    ]


def _activity(page: Page) -> list[Activity]:
    """The latest stages replications reached, newest first."""
    catalogue = page.site.catalogue
    # The few newest, not every stage sorted (the same result, in linear time).
    latest = heapq.nlargest(
        ACTIVITY_ON_HOME,
        ((stage, r) for r in catalogue.replications.values() for stage in r.tahapan),
        key=lambda pair: (pair[0].tanggal, pair[1].slug),
    )
    return [
        {
            "date": stage.tanggal.indonesian(),
            "stage": labels.label(labels.REPLICATION_STAGE, stage.tahap),
            "region": page.region(r.wilayah),
            "innovation": page.innovation(r.inovasi),
            "link": page.href(urls.replication(r.slug)),
        }
        for stage, r in latest
    ]
