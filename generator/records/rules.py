"""The rules of the format that a schema cannot express: references between records, the
order of dates, and what a replication may point at.

Records reach here after the schema check, possibly with schema problems of their own, so
every rule looks only at values of the right type and leaves the rest to the schema's report.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from typing import Any

from generator.records.dates import PartialDate, parse_date
from generator.records.files import Record
from generator.records.problems import Problem, format_key_path
from generator.records.regions import RegionTable
from generator.records.schema import (
    add_key_hint,
    property_description,
    required_when_complete,
)
from generator.records.vocabulary import CANCELLED, REGIONAL_GOVERNMENT, REPLICATION_STAGES

KeyPath = tuple[str | int, ...]
COMPLETE_HINT = (
    "bila sumber belum menyebutnya, tulis `lengkap: false` agar catatan tampil sebagai "
    "catatan yang belum lengkap"
)


class _Checker:
    def __init__(self, records: list[Record], regions: RegionTable, sectors: set[str]) -> None:
        self.records = records
        self.regions = regions
        self.sectors = sectors
        self.today = dt.date.today()
        self.problems: list[Problem] = []
        self.by_kind: dict[str, dict[str, Record]] = {}
        for record in records:
            self.by_kind.setdefault(record.kind, {})[record.slug] = record

    def report(self, record: Record, key_path: KeyPath, message: str, hint: str = "") -> None:
        line, column = record.data.position(key_path)
        self.problems.append(
            Problem(record.display, line, column, format_key_path(key_path), message, hint)
        )

    # --- values -------------------------------------------------------------------------

    def date(self, record: Record, key_path: KeyPath, value: Any) -> PartialDate | None:
        """A checked date: real on the calendar and not in the future."""
        if not isinstance(value, str):
            return None
        parsed = parse_date(value)
        if parsed is None:
            if len(value) in (4, 7, 10) and value[:4].isdigit():
                self.report(record, key_path, f"`{value}` bukan tanggal yang ada di kalender")
            return None  # a malformed date is the schema's pattern problem
        if parsed.first_day > self.today:
            self.report(
                record, key_path, f"tanggal `{value}` ada di masa depan",
                "catat hanya yang sudah terjadi; rencana ditulis di uraian",
            )  # fmt: skip
        return parsed

    def region(self, record: Record, key_path: KeyPath, value: Any) -> bool:
        """True when `value` is a known region code; a located problem with a guess if not."""
        if not isinstance(value, str):
            return False
        if self.regions.get(value):
            return True
        guess = self.regions.suggest(value)
        hint = (
            f"maksud Anda {guess.code} {guess.full_name}?"
            if guess
            else "lihat catalogue/referensi/wilayah-kabupaten-kota.csv"
        )
        looks_like_code = value.replace(".", "").isdigit()
        what = "tidak ada di tabel wilayah nasional" if looks_like_code else "bukan kode wilayah"
        self.report(record, key_path, f"`{value}` {what}", hint)
        return False

    def reference(
        self, record: Record, key_path: KeyPath, value: Any, kind: str, label: str
    ) -> Record | None:
        if not isinstance(value, str):
            return None
        target = self.by_kind.get(kind, {}).get(value)
        if target is None:
            close = difflib.get_close_matches(
                value, list(self.by_kind.get(kind, {})), n=1, cutoff=0.6
            )
            hint = (
                f"maksud Anda `{close[0]}`?"
                if close
                else f"buat dulu `catalogue/{kind}/{value}.yml`"
            )
            self.report(record, key_path, f"{label} `{value}` tidak ditemukan", hint)
        return target

    def sources(self, record: Record) -> None:
        for index, source in enumerate(_list(record.values.get("sumber"))):
            if isinstance(source, dict):
                self.date(record, ("sumber", index, "tanggal"), source.get("tanggal"))

    # --- kinds --------------------------------------------------------------------------

    def check_profile(self, record: Record, seen: dict[str, Record]) -> None:
        code = record.values.get("kode")
        if not isinstance(code, str) or not self.region(record, ("kode",), code):
            return
        region = self.regions.get(code)
        assert region is not None
        if record.slug != region.slug:
            self.report(
                record, ("kode",),
                f"profil wilayah {code} harus bernama `{region.slug}.yml`, bukan "
                f"`{record.path.name}`",
                f"ganti nama berkas menjadi `{region.slug}.yml`",
            )  # fmt: skip
        if code in seen:
            self.report(
                record, ("kode",), f"wilayah {code} sudah punya profil di {seen[code].relative}"
            )
        seen[code] = record

    def check_innovation(self, record: Record, aliases: dict[str, Record]) -> None:
        values = record.values
        regional = self.owner(record)
        # A `lengkap` that is not a boolean is the schema's to report, not a reason for more.
        if values.get("lengkap", True) is True:
            for key in required_when_complete("inovasi"):
                # Another owner's `instansi` names it: `owner` asks for it in any record.
                if key not in values and (regional or key != "instansi"):
                    self.missing(record, key, COMPLETE_HINT)
        if values.get("status_per") is not None and values.get("status") is None:
            self.report(
                record, ("status_per",), "`status_per` tanpa `status`",
                "tulis juga `status:` yang ditunjukkan sumber pada tanggal itu, atau hapus "
                "`status_per`",
            )  # fmt: skip
        self.date(record, ("status_per",), values.get("status_per"))
        sector = values.get("bidang")
        if isinstance(sector, str) and self.sectors and sector not in self.sectors:
            close = difflib.get_close_matches(sector, sorted(self.sectors), n=1, cutoff=0.5)
            hint = f"maksud Anda `{close[0]}`?" if close else "lihat catalogue/referensi/bidang.yml"
            self.report(
                record, ("bidang",), f"bidang `{sector}` tidak ada di kosakata bidang", hint
            )
        year = values.get("tahun")
        if isinstance(year, int) and not isinstance(year, bool) and year > self.today.year:
            self.report(record, ("tahun",), f"tahun {year} ada di masa depan")
        self.date(record, ("diperbarui",), values.get("diperbarui"))
        for index, award in enumerate(_list(values.get("penghargaan"))):
            if isinstance(award, dict):
                self.date(record, ("penghargaan", index, "tahun"), award.get("tahun"))
                self.reference(
                    record,
                    ("penghargaan", index, "kegiatan"),
                    award.get("kegiatan"),
                    "kegiatan",
                    "kegiatan",
                )
        for index, alias in enumerate(_list(values.get("alias"))):
            if not isinstance(alias, str):
                continue
            if alias in self.by_kind.get("inovasi", {}):
                self.report(
                    record,
                    ("alias", index),
                    f"alias `{alias}` sudah dipakai sebagai slug inovasi lain",
                )
            elif alias in aliases and aliases[alias] is not record:
                self.report(
                    record,
                    ("alias", index),
                    f"alias `{alias}` juga diklaim oleh {aliases[alias].relative}",
                )
            aliases.setdefault(alias, record)

    def owner(self, record: Record) -> bool:
        """A regional government owns through its region (`wilayah` required); any other owner
        is named by `instansi`, and `wilayah`, where it is located, is optional. True for a
        regional government."""
        values = record.values
        regional: bool = values.get("jenis_pemilik", REGIONAL_GOVERNMENT) == REGIONAL_GOVERNMENT
        if regional:
            if "wilayah" not in values:
                self.missing(
                    record, "wilayah",
                    "pemilik selain pemerintah daerah ditulis dengan `jenis_pemilik` dan "
                    "`instansi`",
                )  # fmt: skip
        elif "instansi" not in values:
            self.missing(record, "instansi", "untuk pemilik selain pemda, tulis nama lembaganya")
        if values.get("wilayah") is not None:
            self.region(record, ("wilayah",), values.get("wilayah"))
        return regional

    def missing(self, record: Record, key: str, more: str) -> None:
        """A required key that is absent, with what it means and what else the editor can do."""
        hint = add_key_hint(key, property_description(record.kind, key).rstrip("."))
        self.report(record, (key,), f"kunci wajib `{key}` tidak ada", f"{hint}; {more}")

    def check_replication(self, record: Record, pairs: dict[tuple[str, str], Record]) -> None:
        values = record.values
        innovation = self.reference(
            record, ("inovasi",), values.get("inovasi"), "inovasi", "inovasi"
        )
        region_ok = self.region(record, ("wilayah",), values.get("wilayah"))
        self.reference(record, ("kegiatan",), values.get("kegiatan"), "kegiatan", "kegiatan")
        code = values.get("wilayah")
        if innovation is not None and region_ok and isinstance(code, str):
            owner = innovation.values.get("wilayah")
            if owner == code:
                self.report(
                    record, ("wilayah",),
                    f"wilayah {code} adalah pemilik inovasi `{innovation.slug}`; wilayah tidak "
                    "mereplikasi inovasinya sendiri",
                    "isi `wilayah` dengan kode wilayah yang mereplikasi",
                )  # fmt: skip
            pair = (innovation.slug, code)
            if pair in pairs:
                self.report(
                    record, ("wilayah",),
                    f"wilayah {code} sudah mereplikasi `{innovation.slug}` di "
                    f"{pairs[pair].relative}",
                    "satu wilayah mereplikasi satu inovasi sekali; tambahkan tahapannya di berkas "
                    "itu",
                )  # fmt: skip
            pairs.setdefault(pair, record)
        self._stages(record, innovation)

    def _stages(self, record: Record, innovation: Record | None) -> None:
        previous: tuple[int, str, PartialDate | None] | None = None
        for index, stage in enumerate(_list(record.values.get("tahapan"))):
            if not isinstance(stage, dict):
                continue
            name = stage.get("tahap")
            if not isinstance(name, str):
                continue
            when = self.date(record, ("tahapan", index, "tanggal"), stage.get("tanggal"))
            rank = REPLICATION_STAGES.index(name) if name in REPLICATION_STAGES else None
            if name == CANCELLED:
                rank = len(REPLICATION_STAGES)
            if rank is None:
                continue
            if previous is not None:
                prev_rank, prev_name, prev_when = previous
                if prev_name == CANCELLED:
                    self.report(
                        record, ("tahapan", index, "tahap"), "tidak ada tahap sesudah `dibatalkan`"
                    )
                elif rank < prev_rank:
                    self.report(
                        record, ("tahapan", index, "tahap"),
                        f"tahap `{name}` tidak boleh sesudah `{prev_name}`",
                        "urutan tahap: " + ", ".join(REPLICATION_STAGES) + "; atau dibatalkan",
                    )  # fmt: skip
                if when and prev_when and not prev_when.precedes(when):
                    self.report(
                        record, ("tahapan", index, "tanggal"),
                        f"tanggal mundur: `{when}` lebih awal dari tahap sebelumnya `{prev_name}` "
                        f"({prev_when})",
                        "tahap dicatat berurutan; periksa tanggalnya",
                    )  # fmt: skip
            previous = (rank, name, when)
            year = innovation.values.get("tahun") if innovation else None
            exact = innovation.values.get("tahun_pasti", True) if innovation else False
            if when and isinstance(year, int) and exact is True and when.last_day.year < year:
                self.report(
                    record,
                    ("tahapan", index, "tanggal"),
                    f"tanggal `{when}` lebih awal dari tahun inovasinya dimulai ({year})",
                )

    def check_event(self, record: Record) -> None:
        values = record.values
        self.date(record, ("tanggal",), values.get("tanggal"))
        if values.get("penyelenggara") is not None:
            self.region(record, ("penyelenggara",), values.get("penyelenggara"))
        for index, code in enumerate(_list(values.get("peserta"))):
            self.region(record, ("peserta", index), code)
        for index, result in enumerate(_list(values.get("hasil"))):
            if isinstance(result, dict):
                self.reference(
                    record, ("hasil", index, "inovasi"), result.get("inovasi"), "inovasi", "inovasi"
                )
        for index, slug in enumerate(_list(values.get("inovasi"))):
            self.reference(record, ("inovasi", index), slug, "inovasi", "inovasi")

    def run(self) -> Iterator[Problem]:
        profiles: dict[str, Record] = {}
        aliases: dict[str, Record] = {}
        pairs: dict[tuple[str, str], Record] = {}
        for record in self.records:
            if not isinstance(record.data.value, dict):
                continue
            self.sources(record)
            if record.kind == "wilayah":
                self.check_profile(record, profiles)
            elif record.kind == "inovasi":
                self.check_innovation(record, aliases)
            elif record.kind == "replikasi":
                self.check_replication(record, pairs)
            elif record.kind == "kegiatan":
                self.check_event(record)
        yield from self.problems


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def check_cross_references(
    records: list[Record], regions: RegionTable, sectors: set[str]
) -> list[Problem]:
    """Every cross-record problem of a catalogue, located in the record that has it."""
    return list(_Checker(records, regions, sectors).run())
