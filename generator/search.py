"""Site search: what the search index holds of each page, and the indexer run on the built site.

The search runs in the visitor's browser with Pagefind: `index_site` runs the `pagefind`
binary (from PyPI) over the built HTML as the last step of a build and writes a chunked
index under `pagefind/`, which the search page (`docs/assets/cari.js`) loads piece by
piece. The index is Indonesian (`--force-language id`; the pages say `<html lang="id">`),
so Pagefind's Indonesian stemmer matches `layanan` with `pelayanan`, `kesehatan` with
`sehat`.

What is indexed: the record body of innovation, region and event pages (their templates mark
it `data-pagefind-body`); nothing of the header, nav or footer; and inside a body not the
card lists, tables, sources or "Inovasi serupa" (`EXCLUDED`), which repeat other pages'
words. Innovation pages carry the facets (`FACETS`) as `data-pagefind-filter` elements, so
the search page can count and filter by region, sector, year, maturity and so on.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import labels, urls
from .model import Catalogue, Innovation

BUNDLE = "pagefind"
"""The folder of the index in the site, as the search page expects it."""

FACETS: tuple[tuple[str, str], ...] = (
    ("halaman", "Jenis halaman"),
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

PAGE_KIND = {"innovation": "Inovasi", "region": "Wilayah", "event": "Kegiatan"}
"""The `halaman` facet's value for each indexed kind of page."""

SHORT_STATUS = {"aktif": "Aktif", "vakum": "Vakum", "dihentikan": "Dihentikan"}

INDEXED_GLOB = "{inovasi,wilayah,kegiatan}/**/*.html"
EXCLUDED = (
    "ul.k-cards",
    ".k-scroll",
    "ol.k-sources",
    ".k-note",
    ".k-similar",
    ".k-data-links",
)
"""Parts of an indexed body that list or cite other records: left out of the index."""


def innovation_facets(catalogue: Catalogue, innovation: Innovation) -> list[tuple[str, str]]:
    """The facet values of one innovation page: (filter key, value as a citizen reads it)."""
    region = catalogue.region(innovation.wilayah)
    province = catalogue.region(region.province_code)
    sector = catalogue.sectors.get(innovation.bidang)
    replicated = bool(catalogue.replications_of(innovation.slug))
    return [
        ("halaman", PAGE_KIND["innovation"]),
        ("provinsi", province.full_name),
        ("wilayah", catalogue.region_name(innovation.wilayah)),
        ("bidang", sector.nama if sector else innovation.bidang),
        ("tahun", str(innovation.tahun)),
        ("tahap", labels.label(labels.MATURITY, innovation.tahap)),
        ("status", labels.label(SHORT_STATUS, innovation.status)),
        ("jenis", labels.label(labels.INNOVATION_KIND, innovation.jenis)),
        ("direplikasi", "Ya" if replicated else "Belum"),
    ]


def search_page_view() -> dict[str, Any]:
    """The search page `/cari/`: its facets, and links to the index, the script and the
    listing that serves visitors without JavaScript (all relative to the page)."""
    return {
        "facets": FACETS,
        "bundle": urls.relative(urls.SEARCH, BUNDLE + "/"),
        "base": urls.relative(urls.SEARCH, urls.HOME),
        "script": urls.relative(urls.SEARCH, urls.SEARCH_SCRIPT),
        "listing": urls.relative(urls.SEARCH, urls.INNOVATIONS),
    }


@dataclass(frozen=True)
class IndexSummary:
    """What the indexer did: pages indexed, and the index's files and bytes on disk."""

    pages: int
    files: int
    bytes: int

    def __str__(self) -> str:
        return (
            f"Indeks pencarian: {self.pages} halaman, {self.files} berkas, "
            f"{self.bytes / 1024:.0f} KB."
        )


class IndexFailed(Exception):
    """The indexer stopped; the message holds the tail of its output."""


def pagefind_command(site_dir: Path) -> list[str]:
    """The indexer's command line for a built site (the `pagefind` package's binary)."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--force-language",
        "id",
        "--exclude-selectors",
        ", ".join(EXCLUDED),
        # Only innovation, region and event pages carry `data-pagefind-body`: reading the
        # replication pages and the rest only to skip them took a quarter of the indexing.
        "--glob",
        INDEXED_GLOB,
        "--quiet",
    ]


def index_site(site_dir: Path) -> IndexSummary:
    """Index the built site in `site_dir` with Pagefind; the index goes to `site_dir/pagefind`."""
    bundle = site_dir / BUNDLE
    completed = subprocess.run(
        pagefind_command(site_dir), capture_output=True, text=True, check=False
    )
    if completed.returncode != 0 or not (bundle / "pagefind.js").is_file():
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-5:]
        raise IndexFailed("Pagefind gagal membuat indeks pencarian: " + " / ".join(tail))
    files = [p for p in bundle.rglob("*") if p.is_file()]
    pages = sum(1 for p in bundle.glob("fragment/*") if p.is_file())
    return IndexSummary(pages, len(files), sum(p.stat().st_size for p in files))
