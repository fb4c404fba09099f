"""The catalogue as typed records with their indexes.

Built only from records that passed validation, so every reference here resolves and every
date parses; code downstream (pages, exports) never re-checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.records.dates import PartialDate, parse_date
from generator.records.vocabulary import REGIONAL_GOVERNMENT


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
    """An innovation record. A partial record (`lengkap: false`) may leave out what no source
    gives: every field that may be missing is None here, and views show it as unknown."""

    slug: str
    path: str
    nama: str
    ringkasan: str
    wilayah: str | None = None  # None only for an owner other than a regional government
    instansi: str | None = None
    tahun: int | None = None
    bidang: str | None = None
    jenis: str | None = None
    tahap: str | None = None
    jenis_pemilik: str = REGIONAL_GOVERNMENT
    lengkap: bool = True
    kepanjangan: str | None = None
    tahun_pasti: bool = True
    status: str | None = None  # None: no source shows whether it still runs
    status_per: PartialDate | None = None
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

    @property
    def regional(self) -> bool:
        """Owned by a regional government (through its region), not by another body."""
        return self.jenis_pemilik == REGIONAL_GOVERNMENT

    @property
    def owning_region(self) -> str | None:
        """The region that owns the innovation: a regional government's `wilayah`; None for
        any other owner, whose `wilayah` only says where it is."""
        return self.wilayah if self.regional else None


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
    inovasi: tuple[str, ...] = ()  # the innovations the event concerns
    uraian: str | None = None
    sumber: tuple[Source, ...] = ()
    catatan: str | None = None


def innovation_from(slug: str, path: str, data: dict[str, Any]) -> Innovation:
    return Innovation(
        slug=slug,
        path=path,
        nama=data["nama"],
        ringkasan=data["ringkasan"],
        wilayah=data.get("wilayah"),
        instansi=data.get("instansi"),
        tahun=data.get("tahun"),
        bidang=data.get("bidang"),
        jenis=data.get("jenis"),
        tahap=data.get("tahap"),
        jenis_pemilik=data.get("jenis_pemilik") or REGIONAL_GOVERNMENT,
        lengkap=data.get("lengkap", True),
        kepanjangan=data.get("kepanjangan"),
        tahun_pasti=data.get("tahun_pasti", True),
        status=data.get("status"),
        status_per=_date(data.get("status_per")),
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
        inovasi=tuple(data.get("inovasi") or ()),
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
