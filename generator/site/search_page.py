"""The search page `/cari/`: its facets, its sort key and where it finds the index, the
script, the listing (for visitors without JavaScript and after a search with no results) and
the form to propose an innovation."""

from __future__ import annotations

from typing import TypedDict

from generator.records import urls
from generator.records.vocabulary import UNKNOWN

BUNDLE = "pagefind"
"""The folder of the index in the site, as the search page expects it."""

FACETS: tuple[tuple[str, str], ...] = (
    ("halaman", "Jenis halaman"),
    ("pemilik", "Pemilik"),
    ("provinsi", "Provinsi"),
    ("wilayah", "Wilayah"),
    ("bidang", "Bidang"),
    ("tahun", "Tahun mulai"),
    ("tahap", "Tahap"),
    ("status", "Status"),
    ("jenis", "Digital atau tidak"),
    ("direplikasi", "Sudah direplikasi"),
)
"""The facets of the search page, in the order shown: (filter key, Indonesian label)."""


SORT_KEY = "urutan"
"""The sort key of every index document: its kind of page (innovations first), then its
title, so that a search without words, browsing by facets, lists innovations by name."""


class SearchPageView(TypedDict):
    """The facets, and the addresses the page needs, relative to the page."""

    facets: tuple[tuple[str, str], ...]
    bundle: str
    base: str
    script: str
    listing: str
    form: str
    sort: str
    unknown: str


def search_page_view() -> SearchPageView:
    """The search page `/cari/`: its facets, and links to the index, the script and the
    listing that serves visitors without JavaScript (all relative to the page)."""
    return {
        "facets": FACETS,
        "bundle": urls.relative(urls.SEARCH, BUNDLE + "/"),
        "base": urls.relative(urls.SEARCH, urls.HOME),
        "script": urls.relative(urls.SEARCH, urls.SEARCH_SCRIPT),
        "listing": urls.relative(urls.SEARCH, urls.INNOVATIONS),
        "form": urls.relative(urls.SEARCH, urls.FORM),
        "sort": SORT_KEY,
        "unknown": UNKNOWN,
    }
