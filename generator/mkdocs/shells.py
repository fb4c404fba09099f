"""Record pages poured into a page the theme rendered once.

MkDocs renders every page through the whole theme template (Material's `base.html` with its
partials): about 3 ms a page here, so 30,000 record pages cost minutes. Yet all record pages
of one section share everything the theme draws (header, tabs, sidebars, footer, asset
links, which are relative and so equal at equal depth); they differ only in title,
description, body, table of contents, edit link and their own address.

So MkDocs renders one *shell* page per group of record pages (a section, with or without an
edit link), with markers where those parts go, and each record page is the shell with the
markers replaced: string joins, no template. This module holds that logic and knows nothing
of MkDocs; `mkdocs_plugin` renders the shells and writes the pages.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import re
from collections.abc import Callable, Container, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from generator.data.exports import write_if_changed
from generator.site.pages import PageMaker, PageSource, record_page_sources
from generator.site.structure import Site
from generator.site.whitespace import collapse_indentation

# Markers: ASCII words no record can produce in the rendered theme (the body, where record
# text goes, is never searched for markers: it is inserted last).
_TAG = "k7f3a"
TITLE = f"KatalogShellTitle{_TAG}"
DESCRIPTION = f"KatalogShellDescription{_TAG}"
EDIT = f"katalog-shell-edit-{_TAG}"
TOC_ID = f"katalog-shell-toc-{_TAG}"
TOC_TITLE = f"KatalogShellToc{_TAG}"
BODY = f"<h1><!--katalog-shell-body-{_TAG}--></h1>"

# The theme's lighter page for record pages (theme_overrides/record.html).
SHELL_TEMPLATE = "record.html"
RECORD_SECTIONS = ("inovasi", "wilayah", "replikasi", "kegiatan")
_RECORD_PAGE = re.compile(
    r"^(" + "|".join(RECORD_SECTIONS) + r")/([a-z0-9]+(?:-[a-z0-9]+)*)/index\.md$"
)


@dataclass(frozen=True, order=True)
class Group:
    """Pages that one shell serves: a section, with or without an edit link, at a depth (the
    slashes in their URL: 2 for a record page, `inovasi/x/`; more for a listing's later
    pages, `inovasi/halaman/2/`), since their links to the theme's files are relative."""

    section: str
    editable: bool
    depth: int = 2
    # Whether its pages have a table of contents: Material draws a page without one
    # differently (no "skip to content" link, an empty contents sidebar). Record pages
    # always have one; a listing's page may not.
    toc: bool = True
    # Record pages take the theme's lighter page (`SHELL_TEMPLATE`); a listing's later pages
    # stay as MkDocs draws its first (`test_incremental` compares them byte for byte).
    record: bool = True

    @property
    def slug(self) -> str:
        """The shell page's own slug."""
        kind = ("e" if self.editable else "n") + ("" if self.toc else "t")
        kind += "" if self.record else "s"
        return f"katalog-shell-{kind}{self.depth if self.depth != 2 else ''}-{_TAG}"

    @property
    def marker(self) -> str:
        """What stands in the shell's URL for a page's path below its section (`x` in
        `inovasi/x/`): the shell's slug, and as many folders more as the depth needs."""
        return self.slug + "/a" * (self.depth - 2)

    @property
    def source(self) -> PageSource:
        """The shell page, rendered by MkDocs like any generated page."""
        return PageSource(
            path=f"{self.section}/{self.marker}/index.md",
            title=TITLE,
            body=BODY,
            description=DESCRIPTION,
            edit_path=EDIT if self.editable else None,
            toc=((TOC_ID, TOC_TITLE),) if self.toc else (),
            metadata={"template": SHELL_TEMPLATE} if self.record else {},
        )


def site_group(url: str, toc: bool) -> Group:
    """The shell of a page about many records (`fingerprints.Planned`) at `url`, with a table
    of contents or without."""
    return Group(url.split("/")[0], False, url.count("/"), toc, record=False)


def below_section(url: str) -> str:
    """A page's path below its section: `x` for `inovasi/x/`, `halaman/2` for
    `inovasi/halaman/2/`."""
    return url.split("/", 1)[1].rstrip("/")


def group_of(source: PageSource) -> Group | None:
    """The shell group of a record page; None for a page MkDocs renders itself (hubs,
    listings, redirects, hand-written pages)."""
    match = _RECORD_PAGE.match(source.path)
    if match is None or source.metadata:
        return None
    return Group(match.group(1), source.edit_path is not None)


def all_groups() -> list[Group]:
    """Every shell a site may need: each record section, with and without an edit link."""
    return [Group(section, editable) for section in RECORD_SECTIONS for editable in (True, False)]


_TOC_ITEM = re.compile(
    r'<li class="md-nav__item">\s*<a href="#' + TOC_ID + r'"[^>]*>.*?</a>\s*</li>', re.S
)
# Outside the table of contents the first entry's anchor stands alone (Material's "skip to
# content" link), so it is a slot of its own; so is the end of the contents sidebar's opening
# tag, which takes `hidden` on a page without headings.
_TOC_SIDEBAR = 'data-md-type="toc"'
_SLOT = re.compile(
    "("
    + "|".join(
        re.escape(m) for m in (TITLE, DESCRIPTION, EDIT, BODY, TOC_ID, "\0toc\0", _TOC_SIDEBAR)
    )
    + ")"
)


class Shell:
    """A rendered shell page, cut at its markers, ready to take record pages."""

    def __init__(self, html: str, group: Group) -> None:
        toc_items = _TOC_ITEM.findall(html)
        if group.toc and not toc_items:
            raise ValueError("shell page has no table-of-contents marker")
        self.toc_item = toc_items[0] if group.toc else ""
        html = _TOC_ITEM.sub("\0toc\0", html)
        if BODY not in html or TITLE not in html:
            raise ValueError("shell page lost its title or body marker")
        self.group = group
        self.parts: list[str] = []
        for part in _SLOT.split(html):
            # The shell's own URL stands in canonical links: split it out as a slot too.
            pieces = part.split(group.marker)
            for index, piece in enumerate(pieces):
                if index:
                    self.parts.append("\0slug\0")
                self.parts.append(piece)

    def render(self, source: PageSource, site_description: str) -> str:
        """The record page: the shell with this page's parts in place of the markers."""
        slug = below_section(source.url)
        # As MkDocs writes them (after `collapse_indentation`): one item a line.
        toc = "\n".join(
            self.toc_item.replace(f"#{TOC_ID}", f"#{escape(anchor)}").replace(
                TOC_TITLE, escape(label)
            )
            for anchor, label in source.toc
        )
        values = {
            TITLE: escape(source.title),
            DESCRIPTION: escape(source.description or site_description),
            EDIT: escape(source.edit_path or ""),
            BODY: collapse_indentation(source.body),
            "\0toc\0": toc,
            TOC_ID: escape(source.toc[0][0]) if source.toc else "",
            "\0slug\0": slug,
            # A toc-less shell has the sidebar hidden already.
            _TOC_SIDEBAR: _TOC_SIDEBAR
            if source.toc or not self.group.toc
            else f"{_TOC_SIDEBAR} hidden",
        }
        return "".join(values.get(part, part) for part in self.parts)


def sitemap_with_pages(
    xml: str, poured: dict[Group, list[str]], groups: Iterable[Group] | None = None
) -> str:
    """MkDocs' sitemap, listing each shell (when the site has an address): every shell entry
    becomes one entry per page (by its path below the section) it served, in order; an
    unused shell's entry goes. `groups`: the shells (`all_groups()` by default).

    One pass over MkDocs' own entries: replacing the shells one after the other searched the
    growing sitemap again for each (5 s of every rebuild at 10,000 innovations)."""
    by_path = {
        f"/{group.section}/{group.marker}/": group
        for group in (all_groups() if groups is None else groups)
    }

    def expand(entry: re.Match[str]) -> str:
        text = entry.group(0)
        loc = _LOC.search(text)
        address = loc.group(1) if loc else ""
        path = next((path for path in by_path if address.endswith(path)), None)
        if path is None:
            return text
        group = by_path.pop(path)  # each shell is listed once
        return "".join(text.replace(group.marker, slug) for slug in poured.get(group, []))

    return _URL_ENTRY.sub(expand, xml)


_URL_ENTRY = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)
_LOC = re.compile(r"<loc>([^<]*)</loc>")


# What the page-writing processes work from: set just before they fork, so they inherit it
# instead of receiving a pickled copy of the whole catalogue. The shells come later, through
# the queue: the workers start on the pages before MkDocs has rendered the shells.
_JOB: tuple[Site, Path, str, Any, Container[str] | None] | None = None
PARALLEL_FROM = 500  # records; below this, one process is quicker than starting two
_STOP = "stop"  # sent instead of the shells when the build failed before they were made


def _pour_part(part: int, parts: int) -> list[tuple[Group, str]]:
    """Make this part's record pages; write them once the shells have come (the pages made
    before that wait in memory)."""
    assert _JOB is not None
    site, site_dir, description, inbox, only = _JOB
    shells: dict[Group, Shell] | None = None
    waiting: list[PageSource] = []
    written: list[tuple[Group, str]] = []

    def write(source: PageSource, shells: dict[Group, Shell]) -> None:
        group = group_of(source)
        assert group is not None, source.path
        target = site_dir / source.url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(target, shells[group].render(source, description).encode("utf-8"))
        written.append((group, source.path.split("/")[1]))

    for source in record_page_sources(site, PageMaker(), part, parts, only):
        if shells is None:
            try:
                shells = inbox.get_nowait()
            except queue.Empty:
                waiting.append(source)
                continue
            if shells == _STOP:
                return []
            for early in waiting:
                write(early, shells)
            waiting = []
        write(source, shells)
    if shells is None:
        shells = inbox.get()  # every page made before the shells came
        if shells == _STOP:
            return []
        for early in waiting:
            write(early, shells)
    return written


class PagePour:
    """The record pages, made from the moment the catalogue is read and written into their
    shells once MkDocs has rendered those (`deliver`), then `finish`.

    On a large catalogue two forked processes share the pages (the machines this runs on
    have two cores): they start while this process still has the hub pages and MkDocs'
    own pages to make, so that work no longer waits for the cores. Otherwise the pages are
    made here, in `finish`.

    `only`: the URLs of the pages to make (an incremental build's changed pages); all when
    None."""

    def __init__(
        self, site: Site, site_dir: Path, description: str, only: set[str] | None = None
    ) -> None:
        global _JOB
        catalogue = site.catalogue
        records = (
            len(catalogue.innovations)
            + len(site.region_codes)
            + len(catalogue.replications)
            + len(catalogue.events)
        )
        if only is not None:
            records = min(records, len(only))
        self.only = only
        self.parts = min(2, os.cpu_count() or 1) if records >= PARALLEL_FROM else 1
        self.site, self.site_dir, self.description = site, site_dir, description
        self._shells: dict[Group, Shell] | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[tuple[Group, str]]]] = []
        _ = site.similar  # computed once here, not once in each process
        if self.parts == 1:
            return
        context = multiprocessing.get_context("fork")
        self._inbox = context.Queue()
        _JOB = (site, site_dir, description, self._inbox, only)
        # The workers inherit the catalogue copy-on-write: frozen, the collector in a
        # worker does not walk (and so copy) the whole inherited heap. (The command line's
        # build has frozen it already, for good; otherwise it is frozen for the fork only.)
        frozen_before = gc.get_freeze_count()
        gc.freeze()
        try:
            # With `fork`, the pool starts all its processes at the first submit.
            self._pool = ProcessPoolExecutor(self.parts, mp_context=context)
            self._futures = [
                self._pool.submit(_pour_part, part, self.parts) for part in range(self.parts)
            ]
        finally:
            _JOB = None
            if not frozen_before:
                gc.unfreeze()

    def pour(
        self, shells: dict[Group, Shell], meanwhile: Callable[[], None] | None = None
    ) -> dict[Group, list[str]]:
        """Deliver the shells and finish; this process runs `meanwhile` while the workers
        write (after the pages when there are no workers). The slugs written, by group."""
        try:
            self.deliver(shells)
            if meanwhile is not None and self.parts > 1:
                meanwhile()
            poured = self.finish()
        except BaseException:
            self.cancel()
            raise
        if meanwhile is not None and self.parts == 1:
            meanwhile()
        return poured

    def deliver(self, shells: dict[Group, Shell]) -> None:
        """The shells MkDocs rendered: the workers write from now on."""
        self._shells = shells
        for _ in self._futures:
            self._inbox.put(shells)

    def finish(self) -> dict[Group, list[str]]:
        """Wait for every page; the slugs written, by group."""
        global _JOB
        assert self._shells is not None, "deliver the shells first"
        if self._pool is None:
            inbox = _Delivered(self._shells)
            _JOB = (self.site, self.site_dir, self.description, inbox, self.only)
            try:
                results = [_pour_part(0, 1)]
            finally:
                _JOB = None
        else:
            try:
                results = [future.result() for future in self._futures]
            finally:
                self._pool.shutdown()
                self._pool = None
        poured: dict[Group, list[str]] = {}
        for group, slug in sorted(pair for result in results for pair in result):
            poured.setdefault(group, []).append(slug)
        return poured

    def cancel(self) -> None:
        """The build failed. Before the shells were delivered, the workers stop without
        writing anything; after, this waits for them to finish the pages they write."""
        if self._pool is None:
            return
        if self._shells is None:
            for _ in self._futures:
                self._inbox.put(_STOP)
        self._pool.shutdown(cancel_futures=True)
        self._pool = None


class _Delivered:
    """The one-process pour's inbox: the shells are there from the start."""

    def __init__(self, shells: dict[Group, Shell]) -> None:
        self.shells = shells

    def get_nowait(self) -> dict[Group, Shell]:
        return self.shells

    def get(self) -> dict[Group, Shell]:
        return self.shells
