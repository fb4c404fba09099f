"""Where an innovation comes from, as the catalogue of a home province sees it: from the home
province, from elsewhere, or from a place its record does not name; and, for one from
elsewhere, why the catalogue holds it (a region of the home province replicated it, or an event
held by one of them names it).
"""

from __future__ import annotations

from typing import TypedDict

from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.records.model import Innovation
from generator.site.structure import Link, Page


class OriginCounts(TypedDict):
    """How many innovations come from the home province, from elsewhere, from no named place."""

    home: int
    outside: int
    unknown: int


def origin_counts(catalogue: Catalogue) -> OriginCounts:
    counts: OriginCounts = {"home": 0, "outside": 0, "unknown": 0}
    for innovation in catalogue.innovations.values():
        counts[catalogue.origin_of(innovation)] += 1
    return counts


class Reason(TypedDict):
    """One reason an innovation from elsewhere is in the catalogue, as a sentence's part:
    `before` <a href=link.href>link.text</a> `after`."""

    before: str
    link: Link
    after: str


class OriginView(TypedDict):
    """The note on the page of an innovation not known to come from the home province."""

    outside: bool  # False: its record names no region
    home_name: str  # "Kalimantan Barat"
    reasons: list[Reason]


def origin_view(page: Page, innovation: Innovation) -> OriginView | None:
    """The note for an innovation from elsewhere (or from no named place); None for one of the
    home province."""
    catalogue = page.site.catalogue
    where = catalogue.origin_of(innovation)
    if where == "home":
        return None
    return {
        "outside": where == "outside",
        "home_name": catalogue.home_name(),
        "reasons": inclusion_reasons(page, innovation),
    }


def inclusion_reasons(page: Page, innovation: Innovation) -> list[Reason]:
    """Why the catalogue holds an innovation: each replication by a region of the home
    province, then each event held by one of them that names it (among the innovations the
    event concerns, or in its results)."""
    catalogue = page.site.catalogue
    home = set(catalogue.home_codes)
    reasons: list[Reason] = []
    for replication in catalogue.replications_of(innovation.slug):
        if replication.wilayah in home:
            stage = replication.latest_stage
            reasons.append(
                {
                    "before": "direplikasi oleh",
                    "link": page.region(replication.wilayah),
                    "after": f" ({labels.label(labels.REPLICATION_STAGE, stage.tahap).lower()}"
                    f" sejak {stage.tanggal.indonesian()})",
                }
            )
    awards = {event.slug: award for event, award in catalogue.results_of(innovation.slug)}
    named = [*catalogue.events_about(innovation.slug)]
    named += [catalogue.events[slug] for slug in awards if slug not in {e.slug for e in named}]
    for event in sorted(named, key=lambda e: (e.tanggal, e.slug)):
        if event.penyelenggara not in home:
            continue
        kind = labels.label(labels.EVENT_KIND, event.jenis).lower()
        award = awards.get(event.slug)
        reasons.append(
            {
                "before": f"meraih {award} dalam" if award else "tercantum dalam",
                "link": page.event(event.slug),
                "after": f" ({kind}, {event.tanggal.indonesian()})",
            }
        )
    return reasons
