"""Records as open data: every record with its references resolved, as plain JSON values.

One dict per record serves three files: an element of `data/katalog.json`, the record's JSON
twin (`inovasi/<slug>.json` beside the page `inovasi/<slug>/`), and a row of the CSV tables.
Addresses are absolute under the site's `base_url`, or relative to the site root without one.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.records.dates import PartialDate
from generator.records.model import Event, Innovation, Replication, Source

FORMAT_VERSION = "1.2"
"""Version of the export format: the minor part grows when keys are added, the major part
when a key is renamed or dropped."""

Json = dict[str, Any]
RECORD_KINDS = ("wilayah", "inovasi", "replikasi", "kegiatan")


class Links:
    """Addresses of pages and files, from their site-relative paths (`inovasi/x/`)."""

    def __init__(self, base_url: str | None) -> None:
        self.base = base_url.rstrip("/") + "/" if base_url else None

    def address(self, site_path: str) -> str:
        """Absolute under the base URL; without one, the path relative to the site root."""
        return self.base + site_path if self.base else site_path

    def from_file(self, site_path: str, file_path: str) -> str:
        """Absolute under the base URL; without one, relative to the file at `file_path`, so
        a feed reader or a harvester resolves it against the file's own address."""
        if self.base:
            return self.base + site_path
        start = posixpath.dirname(file_path) or "."
        relative = posixpath.relpath(site_path or ".", start)
        if relative == ".":
            return "./"
        return relative + "/" if site_path.endswith("/") else relative


def region_level(catalogue: Catalogue, code: str) -> str:
    """`provinsi`, `kabupaten` or `kota`."""
    region = catalogue.region(code)
    if region.is_province:
        return "provinsi"
    return "kota" if region.name.startswith("Kota ") else "kabupaten"


def _date(value: PartialDate | None) -> str | None:
    return value.iso() if value else None


def _sources(sources: tuple[Source, ...]) -> list[Json]:
    return [{"judul": s.judul, "url": s.url, "tanggal": _date(s.tanggal)} for s in sources]


def _indicators(innovation: Innovation) -> list[Json]:
    return [
        {
            "nama": i.nama,
            "nilai": i.nilai,
            "satuan": i.satuan,
            "sebelum": i.sebelum,
            "periode": i.periode,
            "sumber": i.sumber,
        }
        for i in innovation.indikator
    ]


class RecordData:
    """Resolved JSON values of the records of one catalogue, with their addresses."""

    def __init__(
        self, catalogue: Catalogue, links: Links, extra_region_codes: frozenset[str] = frozenset()
    ) -> None:
        self.catalogue = catalogue
        self.links = links
        self._extra_region_codes = extra_region_codes
        # A region is referred to by most records (its owner, replicators, participants):
        # its reference is made once. Records share it, and nothing changes a record's value.
        self._region_refs: dict[str, Json] = {}

    @cached_property
    def region_codes(self) -> list[str]:
        """Regions with a page, sorted: only the whole-catalogue exports need them (a JSON-LD
        block of one page must not pay for a walk over every region)."""
        return sorted(self.catalogue.published_region_codes() | self._extra_region_codes)

    # Page paths (site-relative) of every record kind, from the site's URL builder.

    def innovation_page(self, slug: str) -> str:
        return urls.innovation(slug)

    def replication_page(self, slug: str) -> str:
        return urls.replication(slug)

    def event_page(self, slug: str) -> str:
        return urls.event(slug)

    def region_page(self, code: str) -> str:
        return urls.region(self.catalogue.region_slug(code))

    def _addresses(self, page: str) -> Json:
        return {
            "url": self.links.address(page),
            "url_json": self.links.address(urls.twin_path(page)),
        }

    # References: the few facts of another record a reader needs without a second fetch.

    def region_ref(self, code: str) -> Json:
        ref = self._region_refs.get(code)
        if ref is None:
            region = self.catalogue.region(code)
            province = self.catalogue.regions.province_of(region)
            ref = self._region_refs[code] = {
                "kode": code,
                "nama": self.catalogue.region_name(code),
                "provinsi": {
                    "kode": province.code,
                    "nama": self.catalogue.region_name(province.code),
                },
                "url": self.links.address(self.region_page(code)),
            }
        return ref

    def innovation_ref(self, slug: str) -> Json:
        innovation = self.catalogue.innovations[slug]
        return {
            "slug": slug,
            "nama": innovation.nama,
            "url": self.links.address(self.innovation_page(slug)),
        }

    def event_ref(self, slug: str) -> Json:
        return {
            "slug": slug,
            "nama": self.catalogue.events[slug].nama,
            "url": self.links.address(self.event_page(slug)),
        }

    def replication_ref(self, replication: Replication) -> Json:
        latest = replication.latest_stage
        return {
            "slug": replication.slug,
            "judul": self.catalogue.replication_title(replication),
            "wilayah": self.region_ref(replication.wilayah),
            "instansi": replication.instansi,
            "tahap_terakhir": latest.tahap,
            "tanggal_tahap_terakhir": latest.tanggal.iso(),
            "url": self.links.address(self.replication_page(replication.slug)),
        }

    # Whole records.

    def innovation(self, innovation: Innovation) -> Json:
        """An innovation, with its sector, awards, results at events and replications."""
        catalogue = self.catalogue
        return {
            "slug": innovation.slug,
            **self._addresses(self.innovation_page(innovation.slug)),
            "nama": innovation.nama,
            "kepanjangan": innovation.kepanjangan,
            "lengkap": innovation.lengkap,
            "jenis_pemilik": innovation.jenis_pemilik,
            "wilayah": self.region_ref(innovation.wilayah) if innovation.wilayah else None,
            "instansi": innovation.instansi,
            "tahun": innovation.tahun,
            "tahun_pasti": innovation.tahun_pasti,
            "bidang": (
                {"kode": innovation.bidang, "nama": catalogue.sector_name(innovation.bidang)}
                if innovation.bidang
                else None
            ),
            "jenis": innovation.jenis,
            "tahap": innovation.tahap,
            "status": innovation.status,
            "status_per": _date(innovation.status_per),
            "ringkasan": innovation.ringkasan,
            "masalah": innovation.masalah,
            "solusi": innovation.solusi,
            "hasil": innovation.hasil,
            "indikator": _indicators(innovation),
            "syarat_replikasi": innovation.syarat_replikasi,
            "dasar_hukum": list(innovation.dasar_hukum),
            "kontak": dict(innovation.kontak),
            "tautan": [{"judul": judul, "url": url} for judul, url in innovation.tautan],
            "sdgs": [
                {"nomor": goal, "nama": labels.SDG.get(goal, str(goal))} for goal in innovation.sdgs
            ],
            "tag": list(innovation.tag),
            "penghargaan": self._awards(innovation),
            "hasil_kegiatan": self._results(innovation),
            "replikasi": [
                self.replication_ref(r) for r in catalogue.replications_of(innovation.slug)
            ],
            "sumber": _sources(innovation.sumber),
            "catatan": innovation.catatan,
            "alias": sorted(innovation.alias),
            "diperbarui": _date(innovation.diperbarui),
        }

    def _awards(self, innovation: Innovation) -> list[Json]:
        return [
            {
                "nama": award.nama,
                "tahun": _date(award.tahun),
                "pemberi": award.pemberi,
                "kegiatan": self.event_ref(award.kegiatan) if award.kegiatan else None,
            }
            for award in innovation.penghargaan
        ]

    def _results(self, innovation: Innovation) -> list[Json]:
        """The innovation's results at events, as the events record them."""
        return [
            {"kegiatan": self.event_ref(event.slug), "penghargaan": award}
            for event, award in self.catalogue.results_of(innovation.slug)
        ]

    def replication(self, replication: Replication) -> Json:
        """A replication, with the innovation it copies and its stages."""
        innovation = self.catalogue.innovations[replication.inovasi]
        latest = replication.latest_stage
        return {
            "slug": replication.slug,
            **self._addresses(self.replication_page(replication.slug)),
            "judul": self.catalogue.replication_title(replication),
            "inovasi": {
                **self.innovation_ref(innovation.slug),
                "wilayah": self.region_ref(innovation.wilayah) if innovation.wilayah else None,
                "instansi": innovation.instansi,
            },
            "wilayah": self.region_ref(replication.wilayah),
            "instansi": replication.instansi,
            "nama_lokal": replication.nama_lokal,
            "kegiatan": self.event_ref(replication.kegiatan) if replication.kegiatan else None,
            "tahapan": [
                {"tahap": s.tahap, "tanggal": s.tanggal.iso(), "catatan": s.catatan}
                for s in replication.tahapan
            ],
            "tanggal_mulai": replication.started.iso(),
            "tahap_terakhir": latest.tahap,
            "tanggal_tahap_terakhir": latest.tanggal.iso(),
            "modifikasi": replication.modifikasi,
            "hasil": replication.hasil,
            "sumber": _sources(replication.sumber),
            "catatan": replication.catatan,
        }

    def event(self, event: Event) -> Json:
        """An event, with its participants, its results and the replications that belong to it."""
        return {
            "slug": event.slug,
            **self._addresses(self.event_page(event.slug)),
            "nama": event.nama,
            "jenis": event.jenis,
            "tanggal": event.tanggal.iso(),
            "tempat": event.tempat,
            "penyelenggara": self.region_ref(event.penyelenggara) if event.penyelenggara else None,
            "peserta": [self.region_ref(code) for code in event.peserta],
            "dasar": list(event.dasar),
            "hasil": [
                {"inovasi": self.innovation_ref(r.inovasi), "penghargaan": r.penghargaan}
                for r in event.hasil
            ],
            "inovasi": [self.innovation_ref(slug) for slug in event.inovasi],
            "replikasi": [
                self.replication_ref(r) for r in self.catalogue.replications_in(event.slug)
            ],
            "uraian": event.uraian,
            "sumber": _sources(event.sumber),
            "catatan": event.catatan,
        }

    def region(self, code: str) -> Json:
        """A region with a page: its profile if any, its innovations, replications, events."""
        catalogue = self.catalogue
        region = catalogue.region(code)
        province = catalogue.regions.province_of(region)
        profile = catalogue.profiles.get(code)
        return {
            "kode": code,
            "slug": catalogue.region_slug(code),
            **self._addresses(self.region_page(code)),
            "nama": catalogue.region_name(code),
            "nama_tabel_nasional": region.full_name,
            "tingkat": region_level(catalogue, code),
            "provinsi": {"kode": province.code, "nama": catalogue.region_name(province.code)},
            "profil": profile is not None,
            "ibu_kota": profile.ibu_kota if profile else None,
            "situs": profile.situs if profile else None,
            "uraian": profile.uraian if profile else None,
            "sumber": _sources(profile.sumber) if profile else [],
            "catatan": profile.catatan if profile else None,
            "inovasi": [self.innovation_ref(i.slug) for i in catalogue.innovations_of(code)],
            "replikasi": [self.replication_ref(r) for r in catalogue.replications_by(code)],
            "kegiatan": [self.event_ref(e.slug) for e in catalogue.events_of(code)],
        }

    def count_of(self, kind: str) -> int:
        """How many records of `kind` (`inovasi`, `replikasi`, `wilayah`, `kegiatan`)."""
        catalogue = self.catalogue
        if kind == "wilayah":
            return len(self.region_codes)
        if kind == "inovasi":
            return len(catalogue.innovations)
        return len(catalogue.replications if kind == "replikasi" else catalogue.events)

    def records_of(self, kind: str) -> Iterator[Json]:
        """The records of `kind`, in slug (or region code) order, each made as it is asked
        for: the exports write each and let it go."""
        catalogue = self.catalogue
        if kind == "wilayah":
            return map(self.region, self.region_codes)
        if kind == "inovasi":
            return map(self.innovation, catalogue.innovations.values())
        if kind == "replikasi":
            return map(self.replication, catalogue.replications.values())
        return map(self.event, catalogue.events.values())

    def all_records(self) -> dict[str, list[Json]]:
        """Every record, by kind, in slug (or region code) order."""
        return {kind: list(self.records_of(kind)) for kind in RECORD_KINDS}
