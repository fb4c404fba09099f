"""The listings of innovations as pages: `/inovasi/` and each filter value's listing (a
sector, a year, a stage, a status, the replicated ones), and a region's own innovations,
each cut into pages of bounded size (`paging`) at stable addresses."""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import TypedDict

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.model import Innovation
from generator.site import browse, paging
from generator.site.breadcrumbs import Breadcrumbs
from generator.site.browse import Facet, SectorGroup, YearLink
from generator.site.fingerprints import Planned, entries_inputs
from generator.site.paging import Pager
from generator.site.structure import InnovationItem, Site


class InnovationsHubView(TypedDict):
    """`/inovasi/`: the filters the list can be narrowed by (`facets`, also in place with
    JavaScript), the years as links only, and the innovations by sector."""

    total: int
    facets: list[Facet]  # on the first page only, as the years
    years: list[YearLink]
    groups: list[SectorGroup]
    # The in-place filter, when the whole list is on this one page (else None: the filters'
    # links lead to the listings, which hold every match).
    filter_script: str | None
    pager: Pager | None
    hub: str
    breadcrumbs: Breadcrumbs | None  # on the later pages: Beranda › Inovasi › halaman n


class ListingView(TypedDict):
    """The innovations of one filter value (`listing.html`); `hub` links to all innovations."""

    title: str
    description: str
    entries: list[InnovationItem]
    hub: str
    show_sector: bool  # not on a sector's own page
    breadcrumbs: Breadcrumbs  # Beranda › Inovasi › the listing
    pager: Pager | None
    total: int
    groups: list[SectorGroup] | None  # a region's innovations by sector, instead of `entries`


def innovations_hub_pages(site: Site) -> list[Planned]:
    """Each page of `/inovasi/`: every innovation, grouped by sector, with the filters that
    lead to each listing on the first page (which shows something of every innovation)."""
    innovations = browse.in_sector_order(site, site.catalogue.innovations.values())
    hub_parts = paging.parts(site, urls.INNOVATIONS, innovations)
    pages = []
    for part in hub_parts:
        shown = innovations if part.number == 1 else part.entries
        inputs = entries_inputs(site, shown, part.number, len(hub_parts), len(innovations))
        view = partial(_hub_view, part, len(innovations), len(hub_parts) == 1)
        pages.append(
            Planned(part.page.here, "innovations_hub.html", part.title("Inovasi"), inputs, view)
        )
    return pages


def _hub_view(part: paging.Part[Innovation], total: int, whole: bool) -> InnovationsHubView:
    page, first = part.page, part.number == 1
    return {
        "total": total,
        "facets": browse.hub_facets(page) if first else [],
        "years": browse.year_links(page) if first else [],
        "groups": browse.sector_groups(page, part.entries),
        "filter_script": page.href(urls.LISTING_FILTER_SCRIPT) if whole else None,
        "pager": part.pager,
        "hub": page.href(urls.INNOVATIONS),
        "breadcrumbs": None if first else part.breadcrumbs([], "Inovasi"),
    }


def _listing(
    site: Site,
    base: str,
    title: str,
    innovations: list[Innovation],
    description: str = "",
    show_sector: bool = True,
) -> list[Planned]:
    """The pages of one filter value's listing, newest first."""
    pages = []
    parts = paging.parts(site, base, sorted(innovations, key=browse.newest_by_name))
    for part in parts:
        inputs = entries_inputs(
            site, part.entries, title, description, show_sector, part.number, len(parts),
            len(innovations),
        )  # fmt: skip
        view = partial(_listing_view, part, title, description, show_sector, len(innovations))
        pages.append(Planned(part.page.here, "listing.html", part.title(title), inputs, view))
    return pages


def _listing_view(
    part: paging.Part[Innovation], title: str, description: str, show_sector: bool, total: int
) -> ListingView:
    page = part.page
    return {
        "title": part.title(title),
        "description": description,
        "entries": [page.innovation_item(i) for i in part.entries],
        "hub": page.href(urls.INNOVATIONS),
        "show_sector": show_sector,
        "breadcrumbs": part.breadcrumbs([(urls.INNOVATIONS, "Inovasi")], title),
        "pager": part.pager,
        "total": total,
        "groups": None,
    }


def listing_pages(site: Site) -> list[Planned]:
    """The pages of every filter value's listing that has innovations: per
    sector, year, stage and status, and the innovations already replicated."""
    catalogue = site.catalogue
    groups: dict[str, dict[str, list[Innovation]]] = {
        key: defaultdict(list) for key in ("bidang", "tahun", "tahap", "status")
    }
    replicated = []
    for innovation in catalogue.innovations.values():
        for key, value in (
            ("bidang", innovation.bidang),
            ("tahun", str(innovation.tahun) if innovation.tahun else None),
            ("tahap", innovation.tahap),
            ("status", innovation.status),
        ):
            if value is not None:
                groups[key][value].append(innovation)
        if catalogue.replications_of(innovation.slug):
            replicated.append(innovation)
    pages = []
    for code, found in groups["bidang"].items():
        sector = catalogue.sectors[code]
        title = f"Inovasi bidang {sector.nama}"
        pages.extend(_listing(site, urls.sector(code), title, found, sector.uraian, False))
    for year, found in sorted(groups["tahun"].items()):
        pages.extend(_listing(site, urls.year(int(year)), f"Inovasi tahun {year}", found))
    for code, found in groups["tahap"].items():
        title = f"Inovasi pada tahap {labels.label(labels.MATURITY, code).lower()}"
        pages.extend(_listing(site, urls.maturity(code), title, found))
    for code, found in groups["status"].items():
        title = f"Inovasi berstatus {labels.label(labels.STATUS, code).lower()}"
        pages.extend(_listing(site, urls.status(code), title, found))
    if replicated:
        pages.extend(
            _listing(
                site,
                urls.REPLICATED,
                "Inovasi yang sudah direplikasi",
                replicated,
                "Inovasi yang sudah direplikasi paling sedikit satu daerah lain.",
            )
        )
    return pages


def _region_parts(
    site: Site, code: str
) -> tuple[list[paging.Part[Innovation]], dict[str | None, int], int]:
    """A region's own innovations by sector, newest first in each, in pages at its page's
    address; how many each sector has; how many in all."""
    owned = browse.in_sector_order(site, site.catalogue.innovations_of(code), browse.newest_by_name)
    counts: dict[str | None, int] = defaultdict(int)
    for innovation in owned:
        counts[innovation.bidang] += 1
    return paging.parts(site, urls.region(site.region_slug(code)), owned), counts, len(owned)


def region_first_page(site: Site, code: str) -> tuple[list[SectorGroup], Pager | None]:
    """The groups and pager of the innovations on a region's own page (the first part)."""
    region_parts, counts, _ = _region_parts(site, code)
    first = region_parts[0]
    groups = browse.sector_groups(first.page, first.entries, browse.newest_by_name, counts)
    return groups, first.pager


def region_innovation_pages(site: Site, code: str) -> list[Planned]:
    """The pages that continue a region's list of innovations."""
    region_parts, counts, total = _region_parts(site, code)
    name = site.catalogue.region_name(code)
    title = f"Inovasi milik {name}"
    pages = []
    for part in region_parts[1:]:
        inputs = entries_inputs(
            site, part.entries, sorted(counts.items(), key=str), part.number, len(region_parts)
        )
        view = partial(_region_listing_view, part, name, counts, total)
        pages.append(Planned(part.page.here, "listing.html", part.title(title), inputs, view))
    return pages


def _region_listing_view(
    part: paging.Part[Innovation], name: str, counts: dict[str | None, int], total: int
) -> ListingView:
    page = part.page
    return {
        "title": part.title(f"Inovasi milik {name}"),
        "description": "",
        "entries": [],
        "hub": page.href(urls.INNOVATIONS),
        "show_sector": False,
        "breadcrumbs": part.breadcrumbs([(urls.REGIONS, "Wilayah")], name),
        "pager": part.pager,
        "total": total,
        "groups": browse.sector_groups(page, part.entries, browse.newest_by_name, counts),
    }


def region_listing_pages(site: Site) -> list[Planned]:
    """The pages that continue the innovation lists of the regions owning more than a page."""
    pages = []
    limit = paging.per_page()
    for code in site.region_codes:
        if len(site.catalogue.innovations_of(code)) > limit:
            pages.extend(region_innovation_pages(site, code))
    return pages
