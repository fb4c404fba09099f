"""What each record page is made from, as a fingerprint that costs no view to compute.

An incremental build (`mkdocs.incremental`) keeps a page of the last build whose fingerprint
is unchanged and makes only the others. A fingerprint is a hash of:

- the *shared* inputs (`shared_inputs` here, and the build's own: generator code,
  templates, theme, `docs/`, `mkdocs.yml`, `referensi/`, `katalog.yml`, the addresses given
  to the build, installed package versions): a change there remakes every page;
- the page's own URL;
- the digest of each record file the page shows something of (`digest(path)`: the file's
  bytes and its last-commit date), and a few values computed from the whole catalogue that
  the page prints (an innovation's similar list, another's number of replications).

What a page shows of other records, and so depends on (each rule mirrors `views`):

- innovation: its record; its owner region's profile (the owner's web address); the events
  that name it (`inovasi`, `hasil`) or that its awards name; its replications; its similar
  innovations (the list, and each one's record and number of replications);
- replication: its record; the innovation replicated; its event;
- event: its record; the replications from it and their innovations; the innovations it
  names (`inovasi`, `hasil`); every replication by each participant (the board's "since"
  column) and their innovations;
- region: its profile; the innovations it owns, their replications, and the events that
  name them or their awards; its replications and their innovations; the events it
  organised or joined; for a province, how many innovations and replications each member
  region has.

- a later page of a listing (`/inovasi/halaman/2/`, a sector's, a year's, a region's): the
  innovations on it (each one's record and number of replications), in their order, and
  where the page sits in the listing; a region's, also how many innovations of each sector
  the region has;
- a later page of an event's board: what the event's page depends on.

A region page also depends on whether its province has a page, and a province's on which
of its regencies and cities have one. Region names and slugs (profiles' `nama`), the home
province, sectors and the site's identity are shared: a change to any of them remakes every page.
`tests/test_incremental.py` checks the rules: whenever a change to the catalogue changes a
page's source, that page's fingerprint changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.records import urls
from generator.records.model import Event, Innovation
from generator.site.structure import Site

Digest = Callable[[str], str]
"""A record file's digest, by its path in the catalogue (`inovasi/x.yml`)."""


@dataclass
class Inputs:
    """What one page is made from: record files (by path) and printed values, and what
    another page is made from (`base`: a board's later page shows what its event's page
    shows, and is fingerprinted without copying that)."""

    paths: set[str] = field(default_factory=set)
    values: list[str] = field(default_factory=list)
    base: Inputs | None = None
    _digest: str | None = field(default=None, repr=False, compare=False)

    def digest(self, digest: Digest) -> str:
        """The digest of the record files and values (computed once)."""
        if self._digest is None:
            hashed = hashlib.blake2b(digest_size=16)
            if self.base is not None:
                hashed.update(self.base.digest(digest).encode())
            for path in sorted(self.paths):
                hashed.update(f"{path}\0{digest(path)}\0".encode())
            hashed.update("\0".join(self.values).encode())
            self._digest = hashed.hexdigest()
        return self._digest

    def fingerprint(self, shared: str, url: str, digest: Digest) -> str:
        hashed = hashlib.blake2b(f"{shared}\0{url}\0".encode(), digest_size=16)
        hashed.update(self.digest(digest).encode())
        return hashed.hexdigest()


@dataclass(frozen=True)
class Planned:
    """A page about many records (a later page of a listing or a board), planned before it
    is made: an incremental build makes its view (`view()`) only when its `inputs` changed."""

    url: str
    template: str
    title: str
    inputs: Inputs
    view: Callable[[], Mapping[str, Any]]


def entries_inputs(site: Site, innovations: Iterable[Innovation], *values: object) -> Inputs:
    """What a page listing `innovations` (as cards, in this order) is made from, with
    `values`: the listing's own (its title, where the page sits in it)."""
    catalogue = site.catalogue
    inputs = Inputs(set(), [repr(value) for value in values])
    for innovation in innovations:
        inputs.paths.add(innovation.path)
        count = len(catalogue.replications_of(innovation.slug))
        inputs.values.append(f"{innovation.slug}:{count}")
    return inputs


def shared_inputs(site: Site) -> str:
    """What every page may show of the catalogue as a whole, as one text to hash."""
    catalogue = site.catalogue
    names = [f"{code}={p.nama or ''}/{p.slug}" for code, p in catalogue.profiles.items()]
    sectors = [f"{s.kode}={s.nama}/{s.uraian}" for s in catalogue.sectors.values()]
    return "\n".join(
        [
            repr(site.identity),
            catalogue.home_province,
            " ".join(names),
            " ".join(sectors),
        ]
    )


def _events_of(site: Site, innovation: Innovation) -> Iterator[Event]:
    """The events an innovation's page names: those about it, those it won at, and those its
    awards name."""
    catalogue = site.catalogue
    yield from catalogue.events_about(innovation.slug)
    yield from (event for event, _ in catalogue.results_of(innovation.slug))
    for award in innovation.penghargaan:
        if award.kegiatan:
            yield catalogue.events[award.kegiatan]


def innovation_inputs(site: Site, innovation: Innovation) -> Inputs:
    catalogue = site.catalogue
    inputs = Inputs({innovation.path})
    profile = catalogue.profiles.get(innovation.wilayah) if innovation.wilayah else None
    if profile is not None:
        inputs.paths.add(profile.path)
    inputs.paths.update(event.path for event in _events_of(site, innovation))
    inputs.paths.update(r.path for r in catalogue.replications_of(innovation.slug))
    for slug in site.similar.get(innovation.slug, ()):
        inputs.paths.add(catalogue.innovations[slug].path)
        inputs.values.append(f"{slug}:{len(catalogue.replications_of(slug))}")
    return inputs


def event_inputs(site: Site, event: Event) -> Inputs:
    catalogue = site.catalogue
    inputs = Inputs({event.path})
    replications = [*catalogue.replications_in(event.slug)]
    for code in event.peserta:
        replications += catalogue.replications_by(code)
    for replication in replications:
        inputs.paths.add(replication.path)
        inputs.paths.add(catalogue.innovations[replication.inovasi].path)
    named = [*event.inovasi, *(result.inovasi for result in event.hasil)]
    inputs.paths.update(catalogue.innovations[slug].path for slug in named)
    return inputs


def region_inputs(site: Site, code: str) -> Inputs:
    catalogue = site.catalogue
    inputs = Inputs()
    profile = catalogue.profiles.get(code)
    if profile is not None:
        inputs.paths.add(profile.path)
    for innovation in catalogue.innovations_of(code):
        inputs.paths.add(innovation.path)
        inputs.paths.update(r.path for r in catalogue.replications_of(innovation.slug))
        inputs.paths.update(event.path for event in _events_of(site, innovation))
    for replication in catalogue.replications_by(code):
        inputs.paths.add(replication.path)
        inputs.paths.add(catalogue.innovations[replication.inovasi].path)
    inputs.paths.update(event.path for event in catalogue.events_of(code))
    region = catalogue.region(code)
    inputs.values.append(f"province page:{site.has_region_page(region.province_code)}")
    if region.is_province:
        for member in site.region_codes:
            if member != code and catalogue.region(member).province_code == code:
                owned = len(catalogue.innovations_of(member))
                inputs.values.append(f"{member}:{owned}:{len(catalogue.replications_by(member))}")
    return inputs


def record_page_inputs(site: Site) -> Iterator[tuple[str, Inputs]]:
    """(page URL, what it is made from) for every record page, in `record_page_sources`'
    order."""
    catalogue = site.catalogue
    for innovation in catalogue.innovations.values():
        yield urls.innovation(innovation.slug), innovation_inputs(site, innovation)
    for code in site.region_codes:
        yield urls.region(site.region_slug(code)), region_inputs(site, code)
    for replication in catalogue.replications.values():
        inputs = Inputs({replication.path, catalogue.innovations[replication.inovasi].path})
        if replication.kegiatan:
            inputs.paths.add(catalogue.events[replication.kegiatan].path)
        yield urls.replication(replication.slug), inputs
    for event in catalogue.events.values():
        yield urls.event(event.slug), event_inputs(site, event)


def fingerprints(
    site: Site, shared: str, digest: Digest, pages: Iterable[tuple[str, Inputs]]
) -> dict[str, str]:
    """The fingerprint of each of `pages` (URL, inputs), by URL; `shared` is what the build
    adds to `shared_inputs`."""
    shared = f"{shared}\0{shared_inputs(site)}"
    return {url: inputs.fingerprint(shared, url, digest) for url, inputs in pages}


def record_page_fingerprints(site: Site, shared: str, digest: Digest) -> dict[str, str]:
    """The fingerprint of every record page, by URL."""
    return fingerprints(site, shared, digest, record_page_inputs(site))
