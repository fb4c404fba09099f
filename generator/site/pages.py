"""Page sources: records in, pages out (path, content, title, edit path), with no MkDocs.

The format of a page source. Each page is a Markdown file whose front matter holds `title`,
`description` and, for a record page, `edit_path` (the record's file, `catalogue/...yml`),
and whose body is one block of HTML rendered here with Jinja2 (autoescape on; markdown fields
are converted and sanitized by `markdown_render`). Any Markdown engine passes such a body
through untouched, so `python -m generator pages --out DIR` gives sources another
MkDocs-compatible engine can build. The body has no blank line (a blank line would end a
CommonMark HTML block); an empty line inside `<pre>` is kept as `&#10;`.

Choice for speed: the MkDocs plugin does not run the body through Markdown at all; it hands
the ready HTML to MkDocs (`on_page_content`) and builds the table of contents from `toc`. A
site of thousands of record pages then costs one template render per page.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from generator.records import urls
from generator.records.catalogue import Catalogue
from generator.records.problems import Problem
from generator.records.settings import Identity
from generator.site import boards, home_page, listing_pages, listings, views
from generator.site.fingerprints import Planned
from generator.site.record_footer import repository_path
from generator.site.search_page import search_page_view
from generator.site.statistics_page import statistics_view
from generator.site.structure import Site, number_text

_HEADING = re.compile(r'<h2 id="([a-z0-9-]+)"[^>]*>(.*?)</h2>')
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")


@dataclass(frozen=True)
class PageSource:
    """One generated page: where it goes, what it says, and which record file it shows."""

    path: str
    title: str
    body: str
    description: str = ""
    edit_path: str | None = None
    toc: tuple[tuple[str, str], ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.path.removesuffix("index.md")

    @property
    def content(self) -> str:
        """The whole page source: YAML front matter, then the HTML body."""
        meta: dict[str, Any] = {"title": self.title}
        if self.description:
            meta["description"] = self.description
        if self.edit_path:
            meta["edit_path"] = self.edit_path
        meta.update(self.metadata)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        if yaml.safe_load(front) != meta:
            # PyYAML writes some line-break characters (a trailing U+0085) raw inside quotes,
            # where every YAML reader folds them: such a page gets escaped front matter.
            front = yaml.safe_dump(meta, allow_unicode=False, sort_keys=False, width=1000)
        return f"---\n{front}---\n\n{self.body}\n"


class _Environment(Environment):
    """Jinja's environment, looking up a dict's keys first. The views are dicts, and for
    `v.nama` Jinja tries the attribute first: an AttributeError raised and caught at every
    lookup, four million of them in a 10,000-innovation build. A dict's own methods
    (`v.items()`) are still found when it has no such key."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def _environment() -> Environment:
    env = _Environment(
        loader=PackageLoader("generator.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["angka"] = number_text
    return env


class PageMaker:
    """Renders view data with the templates into page sources."""

    def __init__(self) -> None:
        self.env = _environment()

    def make(
        self,
        url: str,
        template: str,
        title: str,
        view: Mapping[str, Any],
        description: str = "",
        edit_path: str | None = None,
    ) -> PageSource:
        html = self.env.get_template(template).render(title=title, v=view)
        # A blank line's newline becomes a character reference: the same text, no blank line.
        body = _BLANK_LINE.sub(lambda blank: "&#10;" + blank.group(0)[1:], html.strip())
        toc = tuple((anchor, label) for anchor, label in _HEADING.findall(body))
        return PageSource(urls.source_path(url), title, body, description, edit_path, toc)


def page_sources(
    catalogue: Catalogue, identity: Identity | None = None, updated: Mapping[str, str] | None = None
) -> list[PageSource]:
    """Every generated page of the site for a valid catalogue, hubs first. `identity` is where
    the site is published and edited (the catalogue's own by default): its address makes the
    record pages' JSON-LD absolute. `updated` are the record files' last commit dates."""
    site = Site(catalogue, identity, updated)
    maker = PageMaker()
    return [*site_page_sources(site, maker), *record_page_sources(site, maker)]


def site_page_sources(site: Site, maker: PageMaker) -> list[PageSource]:
    """The pages about the catalogue as a whole: hubs, statistics, search, the listings each
    filter of `/inovasi/` leads to (`browse`), the boards' later pages, and the redirects at
    innovations' earlier slugs."""
    planned = planned_pages(site)
    return [*fixed_page_sources(site, maker), *(make_planned(maker, page) for page in planned)]


def make_planned(maker: PageMaker, page: Planned) -> PageSource:
    return maker.make(page.url, page.template, page.title, page.view())


def planned_pages(site: Site) -> list[Planned]:
    """The pages about many records that are planned before they are made (`Planned`): each
    listing's pages but the first of `/inovasi/` and `/kegiatan/`, and the boards' later
    pages. An incremental build makes them only when what they show changed."""
    return [
        *listing_pages.innovations_hub_pages(site)[1:],
        *listing_pages.listing_pages(site),
        *listing_pages.region_listing_pages(site),
        *listings.events_hub_pages(site)[1:],
        *boards.board_pages(site),
    ]


def fixed_page_sources(site: Site, maker: PageMaker) -> list[PageSource]:
    """The site's own pages made each time: the home page, the hubs in the navigation,
    search, and the redirects at innovations' earlier slugs."""
    return [
        replace(
            maker.make(
                urls.HOME,
                "home.html",
                "Beranda",
                home_page.home_view(site),
                "Katalog inovasi pelayanan publik Kalimantan Barat dan replikasinya.",
            ),
            # The ways in stand side by side: the page needs the width more than a contents.
            metadata={"hide": ["toc"]},
        ),
        make_planned(maker, listing_pages.innovations_hub_pages(site)[0]),
        maker.make(urls.REGIONS, "regions_hub.html", "Wilayah", listings.regions_hub_view(site)),
        maker.make(
            urls.REPLICATIONS,
            "replications_hub.html",
            "Replikasi",
            listings.replications_hub_view(site),
        ),
        make_planned(maker, listings.events_hub_pages(site)[0]),
        maker.make(
            urls.STATISTICS,
            "statistics.html",
            "Statistik",
            statistics_view(site),
            "Inovasi per wilayah, tahun, bidang dan tahap; replikasi per tahap; perangkat daerah "
            "yang berinovasi.",
        ),
        replace(
            maker.make(
                urls.SEARCH,
                "search.html",
                "Cari inovasi",
                search_page_view(),
                "Cari inovasi pelayanan publik menurut wilayah, bidang, tahun dan status.",
            ),
            # The results need the width; the site menu stays in the header tabs.
            metadata={"katalog_search": True, "hide": ["navigation", "toc"]},
        ),
        *_alias_redirects(maker, site.catalogue),
    ]


def record_page_sources(
    site: Site,
    maker: PageMaker,
    part: int = 0,
    parts: int = 1,
    only: Container[str] | None = None,
) -> Iterator[PageSource]:
    """One page per record (innovation, region, replication, event), made one at a time so a
    large catalogue's pages need not all be held at once; with `parts` > 1, only every
    `parts`-th record from `part` on, so that several processes can share the work; with
    `only`, only the pages at those URLs (an incremental build's changed pages)."""
    catalogue = site.catalogue
    count = itertools.count()

    def mine(url: str) -> bool:
        return (only is None or url in only) and next(count) % parts == part

    for innovation in catalogue.innovations.values():
        if mine(urls.innovation(innovation.slug)):
            yield maker.make(
                urls.innovation(innovation.slug),
                "innovation.html",
                innovation.nama,
                views.innovation_view(site, innovation),
                innovation.ringkasan,
                repository_path(innovation.path),
            )
    for code in site.region_codes:
        if not mine(urls.region(site.region_slug(code))):
            continue
        profile = catalogue.profiles.get(code)
        region = views.region_view(site, code)
        yield maker.make(
            urls.region(site.region_slug(code)),
            "region.html",
            region["name"],
            region,
            f"Inovasi pelayanan publik dan replikasi {region['name']}.",
            repository_path(profile.path) if profile else None,
        )
    for replication in catalogue.replications.values():
        if not mine(urls.replication(replication.slug)):
            continue
        replicated = views.replication_view(site, replication)
        yield maker.make(
            urls.replication(replication.slug),
            "replication.html",
            replicated["title"],
            replicated,
            edit_path=repository_path(replication.path),
        )
    for event in catalogue.events.values():
        if mine(urls.event(event.slug)):
            yield maker.make(
                urls.event(event.slug),
                "event.html",
                event.nama,
                views.event_view(site, event),
                edit_path=repository_path(event.path),
            )


def _alias_redirects(maker: PageMaker, catalogue: Catalogue) -> list[PageSource]:
    """A page at each earlier slug of an innovation that sends the visitor to the current one."""
    pages = []
    for innovation in catalogue.innovations.values():
        for alias in innovation.alias:
            here = urls.innovation(alias)
            target = urls.relative(here, urls.innovation(innovation.slug))
            view = {"target": target, "name": innovation.nama}
            made = maker.make(here, "redirect.html", innovation.nama, view)
            pages.append(replace(made, metadata={"redirect": target}))
    return pages


def problems_page_source(problems: list[Problem]) -> PageSource:
    """The home page shown by `mkdocs serve` while the catalogue has problems."""
    view = {"problems": [p.format() for p in problems], "count": len(problems)}
    return PageMaker().make(urls.HOME, "problems.html", "Katalog bermasalah", view)


def write_page_sources(
    catalogue: Catalogue, out_dir: Path, updated: Mapping[str, str] | None = None
) -> int:
    """Write every page source under `out_dir`; return how many were written. `updated` are
    the record files' last commit dates (`history.last_changed`)."""
    sources = page_sources(catalogue, updated=updated)
    for source in sources:
        target = out_dir / source.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.content, encoding="utf-8")
    return len(sources)
