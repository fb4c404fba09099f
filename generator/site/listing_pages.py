"""The listings of innovations as pages: `/inovasi/` and each filter value's listing (a
sector, a year, a stage, a status, the replicated ones), and a region's own innovations,
each cut into pages of bounded size (`paging`) at stable addresses."""

from __future__ import annotations

from collections import defaultdict
from typing import TypedDict

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.model import Innovation
from generator.site import browse, paging
from generator.site.breadcrumbs import Breadcrumbs, breadcrumbs
from generator.site.browse import Facet, SectorGroup, YearLink
from generator.site.paging import Pager
from generator.site.structure import InnovationItem, Page, Site


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


def innovations_hub_pages(site: Site) -> list[tuple[str, str, InnovationsHubView]]:
    """(URL, title, view) of each page of `/inovasi/`: every innovation, grouped by sector,
    with the filters that lead to each listing on the first page."""
    innovations = browse.in_sector_order(site, site.catalogue.innovations.values())
    chunks = paging.split(innovations)
    pages = []
    for number, chunk in enumerate(chunks, 1):
        url = urls.paged(urls.INNOVATIONS, number)
        page = Page(site, url)
        title = "Inovasi" if number == 1 else f"Inovasi, halaman {number}"
        view: InnovationsHubView = {
            "total": len(innovations),
            "facets": browse.hub_facets(page) if number == 1 else [],
            "years": browse.year_links(page) if number == 1 else [],
            "groups": browse.sector_groups(page, chunk),
            "filter_script": page.href(urls.LISTING_FILTER_SCRIPT) if len(chunks) == 1 else None,
            "pager": paging.pager(page, urls.INNOVATIONS, number, len(chunks), len(innovations)),
            "hub": page.href(urls.INNOVATIONS),
            "breadcrumbs": None
            if number == 1
            else breadcrumbs(page, [(urls.INNOVATIONS, "Inovasi")], f"Halaman {number}"),
        }
        pages.append((url, title, view))
    return pages


def _listing(
    site: Site,
    base: str,
    title: str,
    innovations: list[Innovation],
    description: str = "",
    show_sector: bool = True,
) -> list[tuple[str, str, ListingView]]:
    """The pages of one filter value's listing, newest first."""
    chunks = paging.split(sorted(innovations, key=browse.newest_by_name))
    pages = []
    for number, chunk in enumerate(chunks, 1):
        url = urls.paged(base, number)
        page = Page(site, url)
        page_title = title if number == 1 else f"{title}, halaman {number}"
        ancestors = [(urls.INNOVATIONS, "Inovasi")]
        if number > 1:
            ancestors.append((base, title))
        view: ListingView = {
            "title": page_title,
            "description": description,
            "entries": [page.innovation_item(i) for i in chunk],
            "hub": page.href(urls.INNOVATIONS),
            "show_sector": show_sector,
            "breadcrumbs": breadcrumbs(
                page, ancestors, page_title if number == 1 else f"Halaman {number}"
            ),
            "pager": paging.pager(page, base, number, len(chunks), len(innovations)),
            "total": len(innovations),
            "groups": None,
        }
        pages.append((url, page_title, view))
    return pages


def listing_pages(site: Site) -> list[tuple[str, str, ListingView]]:
    """(page URL, title, view) of every filter value's listing that has innovations: per
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


def _region_chunks(
    site: Site, code: str
) -> tuple[list[list[Innovation]], dict[str | None, int], int]:
    """A region's own innovations by sector, newest first in each, cut into pages; how many
    each sector has; how many in all."""
    owned = browse.in_sector_order(site, site.catalogue.innovations_of(code), browse.newest_by_name)
    counts: dict[str | None, int] = defaultdict(int)
    for innovation in owned:
        counts[innovation.bidang] += 1
    return [list(chunk) for chunk in paging.split(owned)], counts, len(owned)


def region_first_page(site: Site, code: str) -> tuple[list[SectorGroup], Pager | None]:
    """The groups and pager of the innovations on a region's own page (the first part)."""
    chunks, counts, total = _region_chunks(site, code)
    page = Page(site, urls.region(site.region_slug(code)))
    return browse.sector_groups(page, chunks[0], browse.newest_by_name, counts), paging.pager(
        page, page.here, 1, len(chunks), total
    )


def region_innovation_pages(site: Site, code: str) -> list[tuple[str, str, ListingView]]:
    """(URL, title, view) of the pages that continue a region's list of innovations."""
    chunks, counts, total = _region_chunks(site, code)
    base = urls.region(site.region_slug(code))
    name = site.catalogue.region_name(code)
    pages = []
    for number, chunk in enumerate(chunks[1:], 2):
        url = urls.paged(base, number)
        page = Page(site, url)
        title = f"Inovasi milik {name}, halaman {number}"
        ancestors = [(urls.REGIONS, "Wilayah"), (base, name)]
        view: ListingView = {
            "title": title,
            "description": "",
            "entries": [],
            "hub": page.href(urls.INNOVATIONS),
            "show_sector": False,
            "breadcrumbs": breadcrumbs(page, ancestors, f"Halaman {number}"),
            "pager": paging.pager(page, base, number, len(chunks), total),
            "total": total,
            "groups": browse.sector_groups(page, chunk, browse.newest_by_name, counts),
        }
        pages.append((url, title, view))
    return pages


def region_listing_pages(site: Site) -> list[tuple[str, str, ListingView]]:
    """The pages that continue the innovation lists of the regions owning more than a page."""
    pages = []
    limit = paging.per_page()
    for code in site.region_codes:
        if len(site.catalogue.innovations_of(code)) > limit:
            pages.extend(region_innovation_pages(site, code))
    return pages
