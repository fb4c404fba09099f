"""The breadcrumbs of the record pages: where a page sits in the catalogue, from Beranda down
to the page itself (Beranda › Wilayah › Kabupaten Sambas › an innovation), shown as a list of
links and given to search engines as a schema.org BreadcrumbList.

Every record page sits under one hub: an innovation under Wilayah and its owner (a region's
page, or the owner's group on the regions page), a region under Wilayah, a replication under
Replikasi and the innovation it replicates, an event under Kegiatan.
"""

from __future__ import annotations

from typing import TypedDict

from generator.data.jsonld import breadcrumbs_jsonld
from generator.records import urls
from generator.records.model import Event, Innovation, Replication
from generator.site.structure import Link, Page, owner_anchor

HOME_NAME = "Beranda"


class Breadcrumbs(TypedDict):
    """`trail`: links from Beranda to the page's parent; `current`: the page's own name;
    `jsonld`: the same as a BreadcrumbList, ready for a JSON-LD script element."""

    trail: list[Link]
    current: str
    jsonld: str


def breadcrumbs(page: Page, ancestors: list[tuple[str, str]], current: str) -> Breadcrumbs:
    """The breadcrumbs of `page`: Beranda, then `ancestors` (page URL, name), then `current`."""
    trail = [(urls.HOME, HOME_NAME), *ancestors]
    return {
        "trail": [Link(page.href(target), name) for target, name in trail],
        "current": current,
        "jsonld": breadcrumbs_jsonld(page.here, [*trail, (page.here, current)], page.site.base_url),
    }


def _region_ancestors(page: Page, code: str) -> list[tuple[str, str]]:
    """Wilayah and the region. (Not the province between them: the regions page lists the
    home province's regencies and cities first, and a shorter trail fits a phone's line.)"""
    site = page.site
    return [
        (urls.REGIONS, "Wilayah"),
        (urls.region(site.region_slug(code)), site.catalogue.region_name(code)),
    ]


def innovation_breadcrumbs(page: Page, innovation: Innovation) -> Breadcrumbs:
    """Beranda › Wilayah › its owner's region (or the owner's group) › the innovation."""
    catalogue = page.site.catalogue
    if innovation.owning_region is not None:
        ancestors = _region_ancestors(page, innovation.owning_region)
    else:
        group = f"{urls.REGIONS}#{owner_anchor(innovation.jenis_pemilik)}"
        ancestors = [(urls.REGIONS, "Wilayah"), (group, catalogue.owner_name(innovation))]
    return breadcrumbs(page, ancestors, innovation.nama)


def region_breadcrumbs(page: Page, code: str) -> Breadcrumbs:
    """Beranda › Wilayah › the region."""
    *ancestors, (_, name) = _region_ancestors(page, code)
    return breadcrumbs(page, ancestors, name)


def replication_breadcrumbs(page: Page, replication: Replication) -> Breadcrumbs:
    """Beranda › Replikasi › the innovation replicated › the replication."""
    catalogue = page.site.catalogue
    innovation = catalogue.innovations[replication.inovasi]
    ancestors = [
        (urls.REPLICATIONS, "Replikasi"),
        (urls.innovation(innovation.slug), innovation.nama),
    ]
    return breadcrumbs(page, ancestors, catalogue.replication_title(replication))


def event_breadcrumbs(page: Page, event: Event) -> Breadcrumbs:
    """Beranda › Kegiatan › the event."""
    return breadcrumbs(page, [(urls.EVENTS, "Kegiatan")], event.nama)
