"""The catalogue: every record of one catalogue, with the lookups the pages and exports need
(who owns what, who replicated what, which events concern an innovation)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Literal

from generator.records.model import (
    Award,
    Event,
    Innovation,
    RegionProfile,
    Replication,
    Sector,
)
from generator.records.regions import Region, RegionTable
from generator.records.settings import Identity
from generator.records.vocabulary import OWNER_KIND

Origin = Literal["home", "outside", "unknown"]
"""Where an innovation comes from, seen from the catalogue's home province."""


class Catalogue:
    """All records of one catalogue, with the lookups the pages and exports need."""

    def __init__(
        self,
        regions: RegionTable,
        sectors: list[Sector],
        profiles: list[RegionProfile],
        innovations: list[Innovation],
        replications: list[Replication],
        events: list[Event],
        home_province: str | None = None,
        identity: Identity | None = None,
        synonyms: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        self.regions = regions
        self.sectors = {s.kode: s for s in sectors}
        self.profiles = {p.kode: p for p in sorted(profiles, key=lambda p: p.kode)}
        self.innovations = {i.slug: i for i in sorted(innovations, key=lambda i: i.slug)}
        self.replications = {r.slug: r for r in sorted(replications, key=lambda r: r.slug)}
        self.events = {e.slug: e for e in sorted(events, key=lambda e: e.slug)}
        # The province whose regencies and cities every listing shows, with or without records
        # (`katalog.yml`'s `provinsi`); empty for a catalogue without innovations or settings.
        self.home_province = home_province or self._most_owning_province()
        # The home province and its regencies and cities, by code (none without a province).
        self.home_codes = (
            [self.home_province, *(r.code for r in regions.regions_of(self.home_province))]
            if self.home_province
            else []
        )
        # Groups of words the search treats as one (`referensi/sinonim.yml`).
        self.synonyms = synonyms
        # Where the site is published and edited, and who publishes it (`katalog.yml`).
        self.identity = identity or Identity()
        self._innovations_by_region: dict[str, list[Innovation]] = defaultdict(list)
        for innovation in self.innovations.values():
            if innovation.wilayah is not None:
                self._innovations_by_region[innovation.wilayah].append(innovation)
        self._replications_of: dict[str, list[Replication]] = defaultdict(list)
        self._replications_by_region: dict[str, list[Replication]] = defaultdict(list)
        self._replications_of_event: dict[str, list[Replication]] = defaultdict(list)
        for replication in self.replications.values():
            self._replications_of[replication.inovasi].append(replication)
            self._replications_by_region[replication.wilayah].append(replication)
            if replication.kegiatan:
                self._replications_of_event[replication.kegiatan].append(replication)
        self._events_of_region: dict[str, list[Event]] = defaultdict(list)
        self._results_of: dict[str, list[tuple[Event, str]]] = defaultdict(list)
        self._events_about: dict[str, list[Event]] = defaultdict(list)
        for event in self.events.values():
            for code in {*event.peserta, *([event.penyelenggara] if event.penyelenggara else [])}:
                self._events_of_region[code].append(event)
            for result in event.hasil:
                self._results_of[result.inovasi].append((event, result.penghargaan))
            for slug in event.inovasi:
                self._events_about[slug].append(event)

    def region(self, code: str) -> Region:
        region = self.regions.get(code)
        assert region is not None, f"validated catalogue refers to unknown region {code}"
        return region

    def region_slug(self, code: str) -> str:
        """The slug of a region's page (`/wilayah/<slug>/`): its profile's file name, else the
        national table's name (validation makes the two agree)."""
        profile = self.profiles.get(code)
        return profile.slug if profile else self.region(code).slug

    def sector_name(self, code: str | None) -> str | None:
        """A sector's name, or its code when the vocabulary lacks it; None for no sector."""
        if code is None:
            return None
        sector = self.sectors.get(code)
        return sector.nama if sector else code

    def owner_name(self, innovation: Innovation) -> str:
        """Who owns an innovation, as a reader names it: its region for a regional government,
        else the owning body (`instansi`), else the kind of owner."""
        if innovation.owning_region is not None:
            return self.region_name(innovation.owning_region)
        return innovation.instansi or OWNER_KIND.get(innovation.jenis_pemilik, "")

    def origin_of(self, innovation: Innovation) -> Origin:
        """`home` for an innovation of the home province or one of its regencies and cities,
        `outside` for one of another region, `unknown` when its record names no region (an
        owner other than a regional government may leave it out). Without a home province,
        all are `home`: there is nothing to set them apart from."""
        if not self.home_province:
            return "home"
        if innovation.wilayah is None:
            return "unknown"
        province = self.region(innovation.wilayah).province_code
        return "home" if province == self.home_province else "outside"

    def home_name(self) -> str:
        """The home province's name, e.g. `Kalimantan Barat` (empty without one)."""
        return self.region(self.home_province).name if self.home_province else ""

    def events_about(self, innovation_slug: str) -> list[Event]:
        """The events that name an innovation among those they concern (`kegiatan.inovasi`)."""
        return self._events_about.get(innovation_slug, [])

    def _most_owning_province(self) -> str:
        """The province whose regions own the most innovations (the lowest code on a tie)."""
        owned = Counter(
            self.region(i.wilayah).province_code
            for i in self.innovations.values()
            if i.wilayah is not None
        )
        return min(owned, key=lambda code: (-owned[code], code)) if owned else ""

    def replication_title(self, replication: Replication) -> str:
        """`Replikasi CMS Desa di Kabupaten Ketapang`: the one title of a replication, on its
        page, in listings and in every export."""
        innovation = self.innovations[replication.inovasi]
        return f"Replikasi {innovation.nama} di {self.region_name(replication.wilayah)}"

    def region_name(self, code: str) -> str:
        profile = self.profiles.get(code)
        if profile and profile.nama:
            return profile.nama
        return self.region(code).full_name

    def innovations_of(self, region_code: str) -> list[Innovation]:
        """Innovations owned by one region."""
        return self._innovations_by_region.get(region_code, [])

    def results_of(self, innovation_slug: str) -> list[tuple[Event, str]]:
        """(event, award) for each event result of one innovation, in the events' order."""
        return self._results_of.get(innovation_slug, [])

    def awards_of(self, innovation: Innovation) -> list[Award]:
        """Every award of one innovation: those its record lists, then each competition result
        of an event the record does not already name (a result repeats an award recorded
        with its event: it is listed once). A result is an award given at its event's date,
        its giver unknown."""
        awarded_at = {a.kegiatan for a in innovation.penghargaan if a.kegiatan}
        return [
            *innovation.penghargaan,
            *(
                Award(award, event.tanggal, None, event.slug)
                for event, award in self.results_of(innovation.slug)
                if event.slug not in awarded_at
            ),
        ]

    def replications_of(self, innovation_slug: str) -> list[Replication]:
        """Replications of one innovation, by any region."""
        return self._replications_of.get(innovation_slug, [])

    def replications_by(self, region_code: str) -> list[Replication]:
        """Replications carried out by one region."""
        return self._replications_by_region.get(region_code, [])

    def replications_in(self, event_slug: str) -> list[Replication]:
        """Replications that belong to one event (a commitment or programme)."""
        return self._replications_of_event.get(event_slug, [])

    def events_of(self, region_code: str) -> list[Event]:
        """Events a region organised or took part in."""
        return self._events_of_region.get(region_code, [])

    def published_region_codes(self) -> set[str]:
        """Regions that get a page: every profile, and every region that owns, replicates or
        takes part in anything."""
        codes = set(self.profiles)
        codes.update(self._innovations_by_region)
        codes.update(self._replications_by_region)
        codes.update(self._events_of_region)
        return codes
