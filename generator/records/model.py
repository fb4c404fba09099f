"""The catalogue as typed records with their indexes.

Built only from records that passed validation, so every reference here resolves and every
date parses; code downstream (pages, exports) never re-checks.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.records.dates import PartialDate, parse_date
from generator.records.regions import Region, RegionTable


def _date(text: str | None) -> PartialDate | None:
    return parse_date(text) if text else None


@dataclass(frozen=True)
class Source:
    judul: str
    url: str
    tanggal: PartialDate | None

    @classmethod
    def many(cls, items: list[dict[str, Any]] | None) -> tuple[Source, ...]:
        return tuple(cls(i["judul"], i["url"], _date(i.get("tanggal"))) for i in items or ())


@dataclass(frozen=True)
class Sector:
    kode: str
    nama: str
    uraian: str = ""


@dataclass(frozen=True)
class RegionProfile:
    slug: str
    path: str
    kode: str
    nama: str | None
    ibu_kota: str | None
    situs: str | None
    uraian: str | None
    sumber: tuple[Source, ...]
    catatan: str | None


@dataclass(frozen=True)
class Award:
    nama: str
    tahun: PartialDate | None
    pemberi: str | None
    kegiatan: str | None


@dataclass(frozen=True)
class Indicator:
    nama: str
    nilai: str
    satuan: str | None
    sebelum: str | None
    periode: str | None
    sumber: str | None


@dataclass(frozen=True)
class Innovation:
    slug: str
    path: str
    nama: str
    wilayah: str
    instansi: str
    tahun: int
    bidang: str
    jenis: str
    tahap: str
    ringkasan: str
    kepanjangan: str | None = None
    tahun_pasti: bool = True
    status: str = "aktif"
    masalah: str | None = None
    solusi: str | None = None
    hasil: str | None = None
    indikator: tuple[Indicator, ...] = ()
    syarat_replikasi: str | None = None
    dasar_hukum: tuple[str, ...] = ()
    kontak: dict[str, str] = field(default_factory=dict)
    tautan: tuple[tuple[str, str], ...] = ()
    sdgs: tuple[int, ...] = ()
    tag: tuple[str, ...] = ()
    penghargaan: tuple[Award, ...] = ()
    sumber: tuple[Source, ...] = ()
    catatan: str | None = None
    alias: tuple[str, ...] = ()
    diperbarui: PartialDate | None = None


@dataclass(frozen=True)
class Stage:
    tahap: str
    tanggal: PartialDate
    catatan: str | None


@dataclass(frozen=True)
class Replication:
    slug: str
    path: str
    inovasi: str
    wilayah: str
    instansi: str
    tahapan: tuple[Stage, ...]
    nama_lokal: str | None = None
    kegiatan: str | None = None
    modifikasi: str | None = None
    hasil: str | None = None
    sumber: tuple[Source, ...] = ()
    catatan: str | None = None

    @property
    def latest_stage(self) -> Stage:
        return self.tahapan[-1]

    @property
    def started(self) -> PartialDate:
        return self.tahapan[0].tanggal


@dataclass(frozen=True)
class Result:
    inovasi: str
    penghargaan: str


@dataclass(frozen=True)
class Event:
    slug: str
    path: str
    nama: str
    jenis: str
    tanggal: PartialDate
    tempat: str | None = None
    penyelenggara: str | None = None
    peserta: tuple[str, ...] = ()
    dasar: tuple[str, ...] = ()
    hasil: tuple[Result, ...] = ()
    uraian: str | None = None
    sumber: tuple[Source, ...] = ()
    catatan: str | None = None


def innovation_from(slug: str, path: str, data: dict[str, Any]) -> Innovation:
    return Innovation(
        slug=slug,
        path=path,
        nama=data["nama"],
        wilayah=data["wilayah"],
        instansi=data["instansi"],
        tahun=data["tahun"],
        bidang=data["bidang"],
        jenis=data["jenis"],
        tahap=data["tahap"],
        ringkasan=data["ringkasan"],
        kepanjangan=data.get("kepanjangan"),
        tahun_pasti=data.get("tahun_pasti", True),
        status=data.get("status") or "aktif",
        masalah=data.get("masalah"),
        solusi=data.get("solusi"),
        hasil=data.get("hasil"),
        indikator=tuple(
            Indicator(
                i["nama"],
                i["nilai"],
                i.get("satuan"),
                i.get("sebelum"),
                i.get("periode"),
                i.get("sumber"),
            )
            for i in data.get("indikator") or ()
        ),
        syarat_replikasi=data.get("syarat_replikasi"),
        dasar_hukum=tuple(data.get("dasar_hukum") or ()),
        kontak=dict(data.get("kontak") or {}),
        tautan=tuple((t["judul"], t["url"]) for t in data.get("tautan") or ()),
        sdgs=tuple(data.get("sdgs") or ()),
        tag=tuple(data.get("tag") or ()),
        penghargaan=tuple(
            Award(a["nama"], _date(a.get("tahun")), a.get("pemberi"), a.get("kegiatan"))
            for a in data.get("penghargaan") or ()
        ),
        sumber=Source.many(data.get("sumber")),
        catatan=data.get("catatan"),
        alias=tuple(data.get("alias") or ()),
        diperbarui=_date(data.get("diperbarui")),
    )


def replication_from(slug: str, path: str, data: dict[str, Any]) -> Replication:
    stages = tuple(
        Stage(s["tahap"], parse_date(s["tanggal"]) or PartialDate(1900), s.get("catatan"))
        for s in data["tahapan"]
    )
    return Replication(
        slug=slug,
        path=path,
        inovasi=data["inovasi"],
        wilayah=data["wilayah"],
        instansi=data["instansi"],
        tahapan=stages,
        nama_lokal=data.get("nama_lokal"),
        kegiatan=data.get("kegiatan"),
        modifikasi=data.get("modifikasi"),
        hasil=data.get("hasil"),
        sumber=Source.many(data.get("sumber")),
        catatan=data.get("catatan"),
    )


def event_from(slug: str, path: str, data: dict[str, Any]) -> Event:
    return Event(
        slug=slug,
        path=path,
        nama=data["nama"],
        jenis=data["jenis"],
        tanggal=parse_date(data["tanggal"]) or PartialDate(1900),
        tempat=data.get("tempat"),
        penyelenggara=data.get("penyelenggara"),
        peserta=tuple(data.get("peserta") or ()),
        dasar=tuple(data.get("dasar") or ()),
        hasil=tuple(Result(r["inovasi"], r["penghargaan"]) for r in data.get("hasil") or ()),
        uraian=data.get("uraian"),
        sumber=Source.many(data.get("sumber")),
        catatan=data.get("catatan"),
    )


def profile_from(slug: str, path: str, data: dict[str, Any]) -> RegionProfile:
    return RegionProfile(
        slug=slug,
        path=path,
        kode=data["kode"],
        nama=data.get("nama"),
        ibu_kota=data.get("ibu_kota"),
        situs=data.get("situs"),
        uraian=data.get("uraian"),
        sumber=Source.many(data.get("sumber")),
        catatan=data.get("catatan"),
    )


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
        self._innovations_by_region: dict[str, list[Innovation]] = defaultdict(list)
        for innovation in self.innovations.values():
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
        for event in self.events.values():
            for code in {*event.peserta, *([event.penyelenggara] if event.penyelenggara else [])}:
                self._events_of_region[code].append(event)
            for result in event.hasil:
                self._results_of[result.inovasi].append((event, result.penghargaan))

    def region(self, code: str) -> Region:
        region = self.regions.get(code)
        assert region is not None, f"validated catalogue refers to unknown region {code}"
        return region

    def region_slug(self, code: str) -> str:
        """The slug of a region's page (`/wilayah/<slug>/`): its profile's file name, else the
        national table's name (validation makes the two agree)."""
        profile = self.profiles.get(code)
        return profile.slug if profile else self.region(code).slug

    def _most_owning_province(self) -> str:
        """The province whose regions own the most innovations (the lowest code on a tie)."""
        owned = Counter(self.region(i.wilayah).province_code for i in self.innovations.values())
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
