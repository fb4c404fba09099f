"""Site search: what the search index holds of each page, and the indexer.

The search runs in the visitor's browser with Pagefind, whose chunked index (under
`pagefind/`) the search page (`docs/assets/cari.js`) loads piece by piece. The index is
Indonesian (`--force-language id`), so Pagefind's Indonesian stemmer matches `layanan` with
`pelayanan`, `kesehatan` with `sehat`.

What is indexed: innovation, region and event pages, each through a small *index document*
written from the record (`index_documents`), not through the published page: the published
HTML repeats the theme, other records' names and tables, and reading it made Pagefind the
slowest step of a large build. An index document holds the page's title (its `h1`, which
Pagefind shows as the result's title), the record's own words, and, for innovations, the
facets (`FACETS`) as `data-pagefind-filter` elements, so the search page can count and
filter by region, sector, year, maturity and so on.

Long text fields are cut at `FIELD_CHARS` in the index (at a word's end): Pagefind keeps
about 45 bytes of memory per indexed byte of text until it writes the index, and the search
page fetches one index chunk per query word, whose size grows with the words indexed. A real
record's fields are far shorter than the cut; a field that runs to pages is found by its
opening.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import labels, urls
from .markdown_render import markdown_text
from .model import Catalogue, Event, Innovation
from .search_bundle import BundleFormatError, normalise_bundle
from .views import Site

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

FIELD_CHARS = 600
"""Characters of each long text field that the index reads (see the module's doc)."""


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


def _text(markdown: str | None) -> str:
    """A markdown field as plain text, cut at `FIELD_CHARS` after a whole word."""
    text = " ".join(markdown_text(markdown).split())
    if len(text) <= FIELD_CHARS:
        return text
    cut = text[:FIELD_CHARS]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def _document(title: str, texts: list[str], facets: list[tuple[str, str]]) -> str:
    paragraphs = "".join(f"<p>{html.escape(text)}</p>" for text in texts if text)
    filters = "".join(
        f'<span data-pagefind-filter="{key}">{html.escape(value)}</span>' for key, value in facets
    )
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title></title></head>'
        f"<body><h1>{html.escape(title)}</h1>{paragraphs}"
        f"<div data-pagefind-ignore>{filters}</div></body></html>"
    )


def _innovation_document(site: Site, innovation: Innovation) -> str:
    catalogue = site.catalogue
    sector = catalogue.sectors.get(innovation.bidang)
    # Prose first: a result's excerpt is cut from the words around the match, and reads
    # better from a sentence than from the list of region, agency, sector and tags.
    texts = [
        innovation.kepanjangan or "",
        innovation.ringkasan,
        _text(innovation.masalah),
        _text(innovation.solusi),
        _text(innovation.hasil),
        catalogue.region_name(innovation.wilayah),
        innovation.instansi,
        sector.nama if sector else innovation.bidang,
        " ".join(innovation.tag),
    ]
    return _document(innovation.nama, texts, innovation_facets(catalogue, innovation))


def _region_document(site: Site, code: str) -> str:
    catalogue = site.catalogue
    region = catalogue.region(code)
    profile = catalogue.profiles.get(code)
    texts = []
    if not region.is_province:
        texts.append(catalogue.region_name(region.province_code))
    if profile is not None:
        texts += [profile.ibu_kota or "", _text(profile.uraian)]
    return _document(catalogue.region_name(code), texts, [("halaman", PAGE_KIND["region"])])


def _event_document(site: Site, event: Event) -> str:
    texts = [
        labels.label(labels.EVENT_KIND, event.jenis),
        event.tempat or "",
        site.catalogue.region_name(event.penyelenggara) if event.penyelenggara else "",
        _text(event.uraian),
    ]
    return _document(event.nama, texts, [("halaman", PAGE_KIND["event"])])


def index_documents(site: Site) -> Iterator[tuple[str, str]]:
    """(page path in the site, e.g. `inovasi/x/index.html`; its index document) for every
    page the search finds."""
    catalogue = site.catalogue
    for slug, innovation in sorted(catalogue.innovations.items()):
        yield urls.innovation(slug) + "index.html", _innovation_document(site, innovation)
    for code in site.region_codes:
        yield urls.region(catalogue.region_slug(code)) + "index.html", _region_document(site, code)
    for slug, event in sorted(catalogue.events.items()):
        yield urls.event(slug) + "index.html", _event_document(site, event)


# Room one index document takes in scratch space with its folder, generously: the longest
# fields are cut at FIELD_CHARS, and a synthetic 10,000-innovation catalogue averages 2.7 KB.
DOCUMENT_ROOM = 16_384
MEMORY_FOLDER = Path("/dev/shm")


def scratch_parent(site: Site) -> str | None:
    """Where the index documents go: a memory-backed folder (`/dev/shm`) when there is one
    with room for them, else the system's temporary folder (None).

    They live for one build. On disk, creating and then deleting ten thousand folders and
    files costs more than writing them, and more again for whatever the next minute
    creates: ext4 without a journal skips recently freed inodes one by one when it
    allocates (measured here: 30,000 folders and files took 22 s to create right after
    deleting as many, 2 s a minute later, 0.8 s in /dev/shm)."""
    documents = (
        len(site.catalogue.innovations) + len(site.region_codes) + len(site.catalogue.events)
    )
    try:
        info = os.statvfs(MEMORY_FOLDER)
    except OSError:
        return None
    if not os.access(MEMORY_FOLDER, os.W_OK | os.X_OK):
        return None
    if info.f_bavail * info.f_frsize < documents * DOCUMENT_ROOM:
        return None
    return str(MEMORY_FOLDER)


def write_index_documents(site: Site, folder: Path) -> int:
    """Write every index document under `folder`, at its page's path; returns how many."""
    count = 0
    for path, document in index_documents(site):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, encoding="utf-8")
        count += 1
    return count


def pagefind_command(documents: Path, site_dir: Path) -> list[str]:
    """The indexer's command line: index the documents under `documents`, write the bundle
    into the site (the `pagefind` package's binary)."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(documents),
        "--output-path",
        str(site_dir / BUNDLE),
        "--force-language",
        "id",
        "--quiet",
    ]


def pagefind_environment() -> dict[str, str]:
    """The environment Pagefind runs in: as many worker threads as the cores the two
    page-writing processes leave, at least one. It runs beside them; on two cores, with a
    thread per core its threads mostly waited on each other (measured at 10,000
    innovations: 10 s of system time against 3 s with one thread, and 10.9 s against 6.8 s
    even when it ran alone)."""
    threads = max(1, (os.cpu_count() or 1) - 2)
    return {**os.environ, "TOKIO_WORKER_THREADS": str(threads)}


class Indexer:
    """A Pagefind run over written index documents, in the background: start it, do other
    work, then `finish` (or `stop` on the way out of a failed build)."""

    def __init__(self, documents: Path, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._log: IO[bytes] = (documents.parent / (documents.name + ".log")).open("w+b")
        self._process = subprocess.Popen(
            pagefind_command(documents, site_dir),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=pagefind_environment(),
        )

    def finish(self) -> IndexSummary:
        """Wait for Pagefind; make its output reproducible; summarise the bundle."""
        returncode = self._process.wait()
        self._log.seek(0)
        output = self._log.read().decode("utf-8", "replace")
        self._log.close()
        bundle = self.site_dir / BUNDLE
        if returncode != 0 or not (bundle / "pagefind.js").is_file():
            tail = output.strip().splitlines()[-5:]
            raise IndexFailed("Pagefind gagal membuat indeks pencarian: " + " / ".join(tail))
        try:
            normalise_bundle(bundle)
        except (BundleFormatError, OSError, ValueError, KeyError) as error:
            raise IndexFailed(f"Indeks Pagefind tidak terbaca: {error}") from None
        files = [p for p in bundle.rglob("*") if p.is_file()]
        pages = sum(1 for p in bundle.glob("fragment/*") if p.is_file())
        return IndexSummary(pages, len(files), sum(p.stat().st_size for p in files))

    def stop(self) -> None:
        """End a run that is no longer wanted (the build failed elsewhere)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._log.close()
