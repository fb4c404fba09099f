"""A synthetic catalogue for scale tests: valid records in realistic shapes and sizes.

Every name says "Sintetis" and every text is drawn from a fixed word list, so nobody can
mistake a synthetic record for a fact. The output depends only on the count and the seed
(no clock, no set ordering), so the same arguments give byte-identical files. This module
draws the catalogue; `synth_records` writes its records, `synth_vocabulary` holds the words.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path

from devtools.synth_records import (
    DrawnEvent,
    DrawnInnovation,
    DrawnReplication,
    RecordWriter,
    Texts,
    sectors_yaml,
    write_text,
)
from devtools.synth_vocabulary import AWARD_RANKS, FIRST_YEAR, HORIZON, SECTORS
from generator.records.regions import PROVINCE_FILE, REGENCY_FILE, Region, RegionTable
from generator.records.vocabulary import CANCELLED, REPLICATION_STAGES

MARKER = ".synth"
REFERENCE_FILES = (PROVINCE_FILE, REGENCY_FILE, "LISENSI-ODbL.md")
OUTPUT_ENTRIES = ("inovasi", "replikasi", "kegiatan", "wilayah", "referensi", MARKER)
REPOSITORY = Path(__file__).resolve().parents[1]
REAL_CATALOGUE = REPOSITORY / "catalogue"


class SynthRefused(Exception):
    """The target folder must not receive synthetic records; the message says why."""


def write_synthetic_catalogue(
    count: int, out_dir: Path, seed: int = 1, long_text: bool = False
) -> str:
    """Write a valid synthetic catalogue of `count` innovations into `out_dir`; its text
    fields as long as the shipped records' (`synth_records.SENTENCES`), or, with `long_text`,
    two to four paragraphs each (a stress test).

    Refuses (SynthRefused) a folder inside the real catalogue, or a non-empty folder that
    is not an earlier synthetic output. Returns a one-line summary in Indonesian.
    """
    if count < 1:
        raise SynthRefused("jumlah inovasi harus paling sedikit 1")
    target = _checked_target(out_dir)
    table_dir = REAL_CATALOGUE / "referensi"
    if not all((table_dir / name).is_file() for name in REFERENCE_FILES):
        raise SynthRefused(f"tabel wilayah nasional tidak ditemukan di {table_dir}")
    table = RegionTable.read(table_dir)
    regions = sorted(table.by_code.values(), key=lambda region: region.code)
    writer = _Generator(count, seed, regions, long_text)
    writer.generate()

    _clear_previous_output(target)
    referensi = target / "referensi"
    referensi.mkdir(parents=True, exist_ok=True)
    for name in REFERENCE_FILES:
        shutil.copyfile(table_dir / name, referensi / name)
    write_text(referensi / "bidang.yml", sectors_yaml())
    RecordWriter(writer.texts, writer.provinces).write(target, writer)
    write_text(
        target / MARKER,
        "Katalog sintetis untuk uji skala, dibuat oleh `python -m generator synth`.\n"
        "Isinya bukan data nyata dan boleh dihapus atau ditimpa.\n"
        f"inovasi: {count}\nbenih: {seed}\n" + ("teks: panjang\n" if long_text else ""),
    )
    return (
        f"Katalog sintetis ditulis ke {out_dir}: {count} inovasi, "
        f"{len(writer.replications)} replikasi, {len(writer.events)} kegiatan (benih {seed})."
    )


def _checked_target(out_dir: Path) -> Path:
    """The resolved target, or SynthRefused when writing there could harm real records."""
    target = out_dir.resolve()
    forbidden = {REAL_CATALOGUE, (Path.cwd() / "catalogue").resolve()}
    for catalogue in forbidden:
        if target == catalogue or catalogue in target.parents:
            raise SynthRefused(
                f"menolak menulis ke {out_dir}: folder itu (atau induknya) adalah katalog "
                "resmi catalogue/; pilih folder lain, misalnya /tmp/katalog-sintetis"
            )
    if target.exists() and not target.is_dir():
        raise SynthRefused(f"menolak menulis ke {out_dir}: itu berkas, bukan folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise SynthRefused(
            f"menolak menulis ke {out_dir}: folder tidak kosong dan bukan hasil synth "
            f"sebelumnya (tidak ada berkas {MARKER}); pilih folder kosong atau yang belum ada"
        )
    return target


def _clear_previous_output(target: Path) -> None:
    """Remove what an earlier run wrote, so a smaller run leaves no stale records behind."""
    for name in OUTPUT_ENTRIES:
        entry = target / name
        if entry.is_dir():
            shutil.rmtree(entry)
        elif entry.exists():
            entry.unlink()


class _Generator:
    """Draws the whole catalogue in memory before anything is written (awards and
    participants need to know about each other); `synth_records` writes it."""

    def __init__(self, count: int, seed: int, regions: list[Region], long_text: bool) -> None:
        self.count = count
        self.texts = Texts(seed, long_text)
        self.rng = self.texts.rng
        self.width = max(5, len(str(count)))
        self.provinces = [region for region in regions if region.is_province]
        self.regencies = [region for region in regions if not region.is_province]
        self.innovations: list[DrawnInnovation] = []
        self.replications: list[DrawnReplication] = []
        self.events: list[DrawnEvent] = []

    # --- drawing ------------------------------------------------------------------------

    def generate(self) -> None:
        self._draw_innovations()
        self._draw_commitment_events()
        self._draw_replications()
        self._draw_competitions()

    def _draw_innovations(self) -> None:
        rng = self.rng
        owners = self.regencies[:]
        rng.shuffle(owners)
        # After every regency has one, owners cluster: a few regions hold many innovations.
        pool = self.regencies + self.provinces
        weights = [rng.paretovariate(1.2) for _ in pool]
        cumulative = list(itertools.accumulate(weights))
        for index in range(self.count):
            number = f"{index + 1:0{self.width}d}"
            owner = (
                owners[index]
                if index < len(owners)
                else rng.choices(pool, cum_weights=cumulative)[0]
            )
            self.innovations.append(
                DrawnInnovation(
                    slug=f"inovasi-sintetis-{number}",
                    number=number,
                    owner=owner,
                    sector=rng.choice(SECTORS),
                    year=rng.randint(FIRST_YEAR, HORIZON.year - 1),
                )
            )

    def _draw_commitment_events(self) -> None:
        total = max(2, self.count // 250)
        for index in range(total):
            date = self.texts.day_between(
                dt.date(FIRST_YEAR + 1, 1, 1), HORIZON - dt.timedelta(days=200)
            )
            number = f"{index + 1:03d}"
            self.events.append(
                DrawnEvent(f"komitmen-replikasi-sintetis-{number}", "komitmen-replikasi", date,
                       f"Komitmen Replikasi Sintetis {number}")
            )  # fmt: skip

    def _draw_replications(self) -> None:
        rng = self.rng
        commitments = sorted(self.events, key=lambda event: event.date)
        after_year = {
            year: [e for e in commitments if e.date.year > year]
            for year in range(FIRST_YEAR, HORIZON.year + 1)
        }
        for innovation in self.innovations:
            wanted = rng.choices((0, 1, 2, 3, 4, 5), weights=(12, 25, 30, 18, 10, 5))[0]
            regions = [
                r for r in rng.sample(self.regencies, wanted + 1) if r is not innovation.owner
            ]
            for region in regions[:wanted]:
                later = after_year[innovation.year]
                event = rng.choice(later) if later and rng.random() < 0.4 else None
                stages = self._stages(innovation, event)
                if event is not None:
                    event.participants.add(region.code)
                slug = f"{innovation.slug}-{region.code.replace('.', '-')}"
                self.replications.append(DrawnReplication(slug, innovation, region, stages, event))
        for event in commitments:
            if not event.participants:
                event.participants.update(r.code for r in rng.sample(self.regencies, 5))

    def _stages(
        self, innovation: DrawnInnovation, event: DrawnEvent | None
    ) -> list[tuple[str, dt.date]]:
        rng = self.rng
        if event is not None:
            first_index, date = 0, event.date
        else:
            first_index = 0 if rng.random() < 0.8 else rng.randint(1, 4)
            start = dt.date(innovation.year + 1, 1, 1)
            date = self.texts.day_between(start, HORIZON - dt.timedelta(days=30))
        stages = [(REPLICATION_STAGES[first_index], date)]
        reached = rng.randint(first_index, len(REPLICATION_STAGES) - 1)
        for name in REPLICATION_STAGES[first_index + 1 : reached + 1]:
            date = date + dt.timedelta(days=rng.randint(14, 180))
            if date > HORIZON:
                break
            stages.append((name, date))
        last = stages[-1][1] + dt.timedelta(days=rng.randint(30, 200))
        if rng.random() < 0.05 and last <= HORIZON:
            stages.append((CANCELLED, last))
        return stages

    def _draw_competitions(self) -> None:
        rng = self.rng
        per_year = max(1, self.count // 2000)
        years = HORIZON.year - FIRST_YEAR
        # About one innovation in ten wins something.
        winners_each = max(3, min(20, round(self.count / 10 / years / per_year)))
        for year in range(FIRST_YEAR + 1, HORIZON.year + 1):
            eligible = [i for i in self.innovations if i.year <= year]
            for index in range(per_year):
                date = self.texts.day_between(dt.date(year, 1, 1), dt.date(year, 12, 31))
                name = f"Kompetisi Inovasi Sintetis {year}" + (
                    f" Seri {index + 1}" if per_year > 1 else ""
                )
                event = DrawnEvent(
                    f"kompetisi-inovasi-sintetis-{year}-{index + 1}", "kompetisi", date, name
                )
                winners = rng.sample(
                    eligible, min(len(eligible), rng.randint(winners_each - 2, winners_each + 2))
                )
                for rank, innovation in enumerate(winners):
                    award = AWARD_RANKS[min(rank, len(AWARD_RANKS) - 1)]
                    event.results.append((innovation.slug, award))
                    innovation.awards.append((f"{award} {name}", str(year), event.slug))
                self.events.append(event)
