"""What a visitor's browser fetches from a built site, in Chromium with an empty cache, served
compressed as a static host serves it: until the first search results show, and for a first
visit to an innovation page (`devtools/search_measure.py`, `devtools/page_weight.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from site_facts import FILTER_FOLDERS

# Words the synthetic texts use: one in every record, one in many, and two-word queries
# (Pagefind looks every word up; a sector's name brings its pages' words along).
SEARCH_QUERIES = ("bidan", "arsip", "dokumen arsip", "layanan kesehatan")


@dataclass
class Searches:
    """Per query: the compressed bytes fetched until the first results showed, by kind of
    file, and how many results were found."""

    bytes: dict[str, int] = field(default_factory=dict)
    parts: dict[str, dict[str, int]] = field(default_factory=dict)
    results: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def measure_searches(site: Path, queries: tuple[str, ...] = SEARCH_QUERIES) -> Searches:
    """First-results bytes of each query on `site`; a failed query is a failure line."""
    from devtools.search_measure import first_results_bytes

    found = Searches()
    for query in queries:
        try:
            first = first_results_bytes(site, query)
        except Exception as error:  # a failed measurement is a note, not a failed benchmark
            found.failures.append(f"search `{query}`: {error}")
            continue
        found.bytes[query] = first.total
        found.parts[query] = first.by_kind()
        found.results[query] = first.results
    return found


def measure_page_load(site: Path) -> tuple[dict[str, int], str]:
    """What a first visit to the median-sized innovation page costs: requests, bytes sent
    (served uncompressed) and the gzip estimate of the bodies; or ({}, why it failed)."""
    from devtools.page_weight import measure
    from devtools.search_measure import serve_compressed

    found = site.glob("inovasi/*/index.html")
    innovations = [p for p in found if p.parent.name not in FILTER_FOLDERS]
    pages = sorted(innovations, key=lambda p: (p.stat().st_size, p.name))
    if not pages:
        return {}, "page load: no innovation page"
    page = pages[len(pages) // 2].parent.name
    try:
        with serve_compressed(site) as base:
            weight = measure(f"{base}/inovasi/{page}/")
    except Exception as error:  # a failed measurement is a note, not a failed benchmark
        return {}, f"page load `{page}`: {error}"
    load = {
        "requests": weight.requests,
        "transferred": weight.transferred,
        "gzip_bodies": weight.gzip_bodies,
    }
    return load, ""
