"""Listings in pages of bounded size.

A national catalogue holds tens of thousands of innovations, and a page listing them all
(`/inovasi/`, a large region, a sector) would be megabytes that a phone on mobile data cannot
open. Every such listing is cut into pages of `PER_PAGE` entries at stable addresses: the
listing's own address for the first, `halaman/<n>/` below it for the others
(`urls.paged`). Each page links to the first, previous, next and last page and to a window
of page numbers, so every entry stays reachable by links alone, without JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypedDict, TypeVar

from generator.records import urls
from generator.site.breadcrumbs import Breadcrumbs, breadcrumbs
from generator.site.structure import Link, Page, Site

PER_PAGE = 100
"""Entries per page: about 60 KB of cards, so a page stays far below 150 KB with the theme."""
WINDOW = 2  # page numbers shown on each side of the current one

T = TypeVar("T")


class Pager(TypedDict):
    """Where a page sits in its listing: `number` of `count` pages, entries `start` to `end`
    of `total`; the links are None where there is no such page (or it is this one)."""

    number: int
    count: int
    total: int
    start: int
    end: int
    first: str | None
    previous: str | None
    next: str | None
    last: str | None
    numbers: list[Link | None]  # a window of page links; None stands for skipped numbers


def per_page() -> int:
    """Read at each call, so a test can make small pages (`monkeypatch.setattr`)."""
    return PER_PAGE


def split(entries: Sequence[T], size: int | None = None) -> list[Sequence[T]]:
    """`entries` in pages of `size` (`per_page()` by default); one (empty) page for an empty
    listing."""
    size = size or per_page()
    return [entries[i : i + size] for i in range(0, len(entries), size)] or [entries[:0]]


def pager(
    page: Page, base: str, number: int, count: int, total: int, size: int | None = None
) -> Pager | None:
    """The links of page `number` of the `count` pages of `size` entries (`per_page()` by
    default) of the listing at `base`, as seen from `page`; None for a listing that fits one
    page."""
    if count <= 1:
        return None
    size = size or per_page()

    def link(n: int) -> str | None:
        return page.href(urls.paged(base, n)) if n != number and 1 <= n <= count else None

    shown = sorted({1, count, *range(max(1, number - WINDOW), min(count, number + WINDOW) + 1)})
    numbers: list[Link | None] = []
    for index, n in enumerate(shown):
        if index and n > shown[index - 1] + 1:
            numbers.append(None)
        numbers.append(Link(link(n) or "", str(n)))
    return {
        "number": number,
        "count": count,
        "total": total,
        "start": (number - 1) * size + 1,
        "end": min(number * size, total),
        "first": link(1),
        "previous": link(number - 1),
        "next": link(number + 1),
        "last": link(count),
        "numbers": numbers,
    }


@dataclass(frozen=True)
class Part(Generic[T]):
    """One page of a listing at `base`: the page, its number, its entries and its links to
    the others."""

    page: Page
    base: str
    number: int
    entries: Sequence[T]
    pager: Pager | None

    def title(self, title: str) -> str:
        """The listing's title, with the page's number after the first."""
        return title if self.number == 1 else f"{title}, halaman {self.number}"

    def breadcrumbs(self, ancestors: list[tuple[str, str]], title: str) -> Breadcrumbs:
        """The first page's trail ends at the listing's `title`; a later page's goes through
        the listing to "Halaman n"."""
        if self.number == 1:
            return breadcrumbs(self.page, ancestors, title)
        return breadcrumbs(self.page, [*ancestors, (self.base, title)], f"Halaman {self.number}")


def parts(site: Site, base: str, entries: Sequence[T], size: int | None = None) -> list[Part[T]]:
    """The listing at `base` of `entries`, in pages of `size` (`per_page()` by default)."""
    chunks = split(entries, size)
    found = []
    for number, chunk in enumerate(chunks, 1):
        page = Page(site, urls.paged(base, number))
        links = pager(page, base, number, len(chunks), len(entries), size)
        found.append(Part(page, base, number, chunk, links))
    return found
