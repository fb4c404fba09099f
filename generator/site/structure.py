"""The site model: the whole catalogue as the site sees it (`Site`), one page's point of view
(`Page`, whose links are relative to it) and a link (`Link`). Every view module builds on these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TypedDict

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.records.model import Innovation, Replication
from generator.records.settings import Identity
from generator.site.similar import similar_innovations


@dataclass(frozen=True)
class Link:
    href: str
    text: str


class InnovationItem(TypedDict):
    """An innovation as one card of a listing: what a visitor needs to tell whether it is for
    them. `summary` is one line (`one_line`); `facets` are its values for the listing filter
    (`FACET_KEYS`, joined by `|`), read by `saring.js`."""

    link: Link
    expansion: str | None
    summary: str
    owner: Link
    year: str
    sector: str | None
    stage: str | None
    status: str | None
    status_label: str
    replications: int
    partial: bool
    outside: str | None  # "dari luar Kalimantan Barat" for one from elsewhere
    facets: str


class ReplicationItem(TypedDict):
    """A replication as one line of a listing."""

    link: str
    innovation: Link
    owner: Link
    region: Link
    agency: str
    local_name: str | None
    stage: str
    stage_code: str
    stage_date: str
    started: str


class Site:
    """What every view needs to know about the whole catalogue, computed once per build."""

    def __init__(
        self,
        catalogue: Catalogue,
        identity: Identity | None = None,
        updated: Mapping[str, str] | None = None,
    ) -> None:
        self.catalogue = catalogue
        # Where the site is published and edited: the catalogue's own (`katalog.yml`) unless
        # the build was given others. Its address makes the JSON-LD addresses absolute;
        # without it they are relative to each page, as the exports' are.
        self.identity = identity or catalogue.identity
        self.base_url = self.identity.site_url
        # When each record file last changed in git (`history.last_changed`), by its path in
        # the catalogue (`inovasi/x.yml`); empty outside git.
        self.updated: Mapping[str, str] = updated or {}
        # The home province and all its regencies and cities have pages, with records or not.
        self.home_codes = catalogue.home_codes
        self.region_codes = sorted(catalogue.published_region_codes() | set(self.home_codes))

    @cached_property
    def similar(self) -> dict[str, tuple[str, ...]]:
        """The "Inovasi serupa" of every innovation, computed once (linear time, `similar`)."""
        return similar_innovations(self.catalogue).similar

    def region_slug(self, code: str) -> str:
        return self.catalogue.region_slug(code)

    def has_region_page(self, code: str) -> bool:
        return code in self.region_codes


class Page:
    """Links as seen from one page: every `href` is relative to `here`."""

    def __init__(self, site: Site, here: str) -> None:
        self.site = site
        self.here = here

    def href(self, target: str) -> str:
        return urls.relative(self.here, target)

    def region(self, code: str) -> Link:
        return Link(
            self.href(urls.region(self.site.region_slug(code))),
            self.site.catalogue.region_name(code),
        )

    def innovation(self, slug: str) -> Link:
        return Link(self.href(urls.innovation(slug)), self.site.catalogue.innovations[slug].nama)

    def event(self, slug: str) -> Link:
        return Link(self.href(urls.event(slug)), self.site.catalogue.events[slug].nama)

    def replication(self, replication: Replication) -> Link:
        return Link(
            self.href(urls.replication(replication.slug)),
            self.site.catalogue.replication_title(replication),
        )

    def owner(self, innovation: Innovation) -> Link:
        """Who owns an innovation: its region's page for a regional government; for any other
        owner, its group on the regions page (such owners are never shown as a region)."""
        if innovation.owning_region is not None:
            return self.region(innovation.owning_region)
        group = f"{self.href(urls.REGIONS)}#{owner_anchor(innovation.jenis_pemilik)}"
        return Link(group, self.site.catalogue.owner_name(innovation))

    def sector(self, kode: str) -> Link:
        sector = self.site.catalogue.sectors.get(kode)
        return Link(self.href(urls.sector(kode)), sector.nama if sector else kode)

    def innovation_item(self, innovation: Innovation) -> InnovationItem:
        """An innovation as one card of a listing."""
        replications = len(self.site.catalogue.replications_of(innovation.slug))
        return {
            "link": self.innovation(innovation.slug),
            "expansion": one_line(innovation.kepanjangan) if innovation.kepanjangan else None,
            "summary": one_line(innovation.ringkasan),
            "owner": self.owner(innovation),
            "year": year_text(innovation) if innovation.tahun else "tahun belum diketahui",
            "sector": self.site.catalogue.sector_name(innovation.bidang),
            "stage": labels.MATURITY.get(innovation.tahap) if innovation.tahap else None,
            "status": innovation.status,
            "status_label": labels.label(labels.STATUS_SHORT, innovation.status)
            if innovation.status
            else "",
            "replications": replications,
            "partial": not innovation.lengkap,
            # From outside the home province: its page says why the catalogue holds it.
            "outside": f"dari luar {self.site.catalogue.home_name()}"
            if self.site.catalogue.origin_of(innovation) == "outside"
            else None,
            "facets": "|".join(facet_values(innovation, replications)),
        }

    def replication_item(self, replication: Replication) -> ReplicationItem:
        """A replication as one line of a listing: who, what, how far, since when."""
        innovation = self.site.catalogue.innovations[replication.inovasi]
        stage = replication.latest_stage
        return {
            "link": self.href(urls.replication(replication.slug)),
            "innovation": self.innovation(innovation.slug),
            "owner": self.owner(innovation),
            "region": self.region(replication.wilayah),
            "agency": replication.instansi,
            "local_name": replication.nama_lokal,
            "stage": labels.label(labels.REPLICATION_STAGE, stage.tahap),
            "stage_code": stage.tahap,
            "stage_date": stage.tanggal.indonesian(),
            "started": replication.started.indonesian(),
        }


def number_text(number: int) -> str:
    """A count as Indonesian writes it: `1.234`, the thousands marked with a dot."""
    return f"{number:,}".replace(",", ".")


def year_text(innovation: Innovation) -> str:
    """The year an innovation began as a reader should take it: exact, "at the latest", or
    not known."""
    if innovation.tahun is None:
        return labels.UNKNOWN
    return str(innovation.tahun) if innovation.tahun_pasti else f"paling lambat {innovation.tahun}"


FACET_KEYS = ("wilayah", "bidang", "pemilik", "tahap", "status", "direplikasi")
"""The filters of the innovation listings, in the order of `facet_values`; each is also the
name of its URL parameter on `/inovasi/` (`?wilayah=61.01`)."""

UNKNOWN_VALUE = "?"
"""A facet's value when no source has given it (or, for `wilayah`, an owner other than a
regional government, which no region page lists)."""


def facet_values(innovation: Innovation, replications: int) -> tuple[str, ...]:
    """An innovation's value for each of `FACET_KEYS`: codes, never labels."""
    return tuple(
        value or UNKNOWN_VALUE
        for value in (
            innovation.owning_region,
            innovation.bidang,
            innovation.jenis_pemilik,
            innovation.tahap,
            innovation.status,
            "ya" if replications else "belum",
        )
    )


ONE_LINE = 140
"""The most characters of a card's summary line."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])")
# An abbreviation before a full stop does not end a sentence: titles and names cut short
# (`dr.`, `H.`), and the short forms of regions and offices (`Kab.`, `Kec.`, `No.`).
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:[A-Za-z]|dr|Dr|drg|Ir|Prof|H|Hj|St|Kab|Kec|Kel|Kota|Prov|Jl|No|Tn|Ny|Sdr|dkk|dll|"
    r"a\.n|u\.p|S\.[A-Za-z]+|M\.[A-Za-z]+)\.$"
)


def one_line(text: str, limit: int = ONE_LINE) -> str:
    """The first sentence of a text, cut cleanly after a whole word with an ellipsis when it
    is longer than `limit` characters: a card's summary line."""
    text = " ".join(text.split())
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text, 0, match.start()):
            text = text[: match.start()]
            break
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–-(") + "…"


def owner_anchor(owner_kind: str) -> str:
    """The anchor of an owner group on the regions page, e.g. `pemilik-perguruan-tinggi`."""
    return f"pemilik-{owner_kind}"


def newest_first(innovation: Innovation) -> tuple[int, str, str]:
    """The order of innovation lists: newest year first, an unknown year last, then agency and
    name."""
    return (-(innovation.tahun or 0), innovation.instansi or "", innovation.nama)
