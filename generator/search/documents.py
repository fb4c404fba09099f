"""What the search index holds of each page: one small *index document* per page.

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

import functools
import html
import os
import re
from collections.abc import Iterator
from pathlib import Path

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.records.model import Event, Innovation
from generator.site.markdown import markdown_text
from generator.site.search_page import SORT_KEY
from generator.site.structure import Site

PAGE_KIND = {"innovation": "Inovasi", "region": "Wilayah", "event": "Kegiatan"}
"""The `halaman` facet's value for each indexed kind of page."""


FIELD_CHARS = 600
"""Characters of each long text field that the index reads (see the module's doc)."""


def innovation_facets(catalogue: Catalogue, innovation: Innovation) -> list[tuple[str, str]]:
    """The facet values of one innovation page: (filter key, value as a citizen reads it).

    `wilayah` is the regency or city only: an innovation of a province (or of no region)
    has none, since the province has its own facet (`provinsi`) and the same name under
    both facets counted it twice."""
    unknown = labels.UNKNOWN
    places = [("provinsi", unknown)]
    if innovation.wilayah is not None:
        region = catalogue.region(innovation.wilayah)
        places = [("provinsi", catalogue.region(region.province_code).full_name)]
        if not region.is_province:
            places.append(("wilayah", catalogue.region_name(innovation.wilayah)))
    replicated = bool(catalogue.replications_of(innovation.slug))
    return [
        ("halaman", PAGE_KIND["innovation"]),
        ("pemilik", labels.OWNER_KIND[innovation.jenis_pemilik]),
        *places,
        ("bidang", catalogue.sector_name(innovation.bidang) or unknown),
        ("tahun", str(innovation.tahun) if innovation.tahun else unknown),
        ("tahap", labels.label_or_unknown(labels.MATURITY, innovation.tahap)),
        ("status", labels.label_or_unknown(labels.STATUS_SHORT, innovation.status)),
        ("jenis", labels.label_or_unknown(labels.INNOVATION_KIND, innovation.jenis)),
        ("direplikasi", "Ya" if replicated else "Belum"),
    ]


def _text(markdown: str | None) -> str:
    """A markdown field as plain text, cut at `FIELD_CHARS` after a whole word."""
    text = " ".join(markdown_text(markdown).split())
    if len(text) <= FIELD_CHARS:
        return text
    cut = text[:FIELD_CHARS]
    return cut[: cut.rfind(" ")] if " " in cut else cut


WORD = re.compile(r"[a-z0-9]+")

SYNONYM_WEIGHT = 0.2
"""Pagefind's weight of the synonyms added to a page (its own words weigh 1)."""


@functools.cache
def _synonym_lookup(
    groups: tuple[tuple[str, ...], ...],
) -> tuple[dict[str, list[int]], list[tuple[str, int]]]:
    """For each single-word term the groups it belongs to, and every multi-word phrase with
    its group: built once per catalogue, so a page costs a set lookup per word."""
    words: dict[str, list[int]] = {}
    phrases: list[tuple[str, int]] = []
    for index, group in enumerate(groups):
        for term in group:
            if " " in term:
                phrases.append((f" {term} ", index))
            else:
                words.setdefault(term, []).append(index)
    return words, phrases


def synonyms_for(groups: tuple[tuple[str, ...], ...], texts: list[str]) -> list[str]:
    """The terms of every synonym group the texts use that the texts do not use themselves:
    with them in the index, a query for `dukcapil` finds a page that says `Disdukcapil` or
    `Kependudukan dan Pencatatan Sipil`."""
    if not groups:
        return []
    tokens = WORD.findall(" ".join(texts).lower())
    present = set(tokens)
    spaced = f" {' '.join(tokens)} "
    words, phrases = _synonym_lookup(groups)
    used = {index for word in present for index in words.get(word, ())}
    used |= {index for phrase, index in phrases if phrase in spaced}
    return [
        term
        for index in sorted(used)
        for term in groups[index]
        if (f" {term} " not in spaced if " " in term else term not in present)
    ]


def _document(
    title: str,
    texts: list[str],
    facets: list[tuple[str, str]],
    synonyms: tuple[tuple[str, ...], ...] = (),
) -> str:
    # The sort key (`SORT_KEY`): the kind's place in `PAGE_KIND`, then the title.
    kind = next(value for key, value in facets if key == "halaman")
    order = f"{list(PAGE_KIND.values()).index(kind)} {' '.join(title.lower().split())}"
    # The synonyms go last and weigh little: a page that uses a word itself ranks above one
    # that only has it as a synonym, and a result's excerpt (cut where the matches weigh
    # most) comes from the record's own words, not from the list of synonyms.
    extra = " ".join(synonyms_for(synonyms, [title, *texts]))
    paragraphs = "".join(f"<p>{html.escape(text)}</p>" for text in texts if text)
    if extra:
        paragraphs += f'<p data-pagefind-weight="{SYNONYM_WEIGHT}">{html.escape(extra)}</p>'

    filters = "".join(
        f'<span data-pagefind-filter="{key}">{html.escape(value)}</span>' for key, value in facets
    )
    sort = f'<span data-pagefind-sort="{SORT_KEY}">{html.escape(order)}</span>'
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title></title></head>'
        f"<body><h1>{html.escape(title)}</h1>{paragraphs}"
        f"<div data-pagefind-ignore>{filters}{sort}</div></body></html>"
    )


def _innovation_document(site: Site, innovation: Innovation) -> str:
    catalogue = site.catalogue
    # Prose first: a result's excerpt is cut from the words around the match, and reads
    # better from a sentence than from the list of region, agency, sector and tags.
    texts = [
        innovation.kepanjangan or "",
        innovation.ringkasan,
        _text(innovation.masalah),
        _text(innovation.solusi),
        _text(innovation.hasil),
        catalogue.region_name(innovation.wilayah) if innovation.wilayah else "",
        innovation.instansi or "",
        catalogue.sector_name(innovation.bidang) or "",
        " ".join(innovation.tag),
    ]
    facets = innovation_facets(catalogue, innovation)
    return _document(innovation.nama, texts, facets, catalogue.synonyms)


def _region_document(site: Site, code: str) -> str:
    catalogue = site.catalogue
    region = catalogue.region(code)
    profile = catalogue.profiles.get(code)
    texts = []
    if not region.is_province:
        texts.append(catalogue.region_name(region.province_code))
    if profile is not None:
        texts += [profile.ibu_kota or "", _text(profile.uraian)]
    facets = [("halaman", PAGE_KIND["region"])]
    return _document(catalogue.region_name(code), texts, facets, catalogue.synonyms)


def _event_document(site: Site, event: Event) -> str:
    texts = [
        labels.label(labels.EVENT_KIND, event.jenis),
        event.tempat or "",
        site.catalogue.region_name(event.penyelenggara) if event.penyelenggara else "",
        _text(event.uraian),
    ]
    facets = [("halaman", PAGE_KIND["event"])]
    return _document(event.nama, texts, facets, site.catalogue.synonyms)


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
