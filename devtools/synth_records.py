"""Synthetic records: what `synth` draws, and the YAML text it writes for each.

Records are written as text directly rather than through a YAML dumper, which keeps 10,000
innovations to a few seconds. Every random draw comes from one `Texts.rng`, in a fixed
order, so the same seed gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from devtools.synth_vocabulary import HORIZON, SECTORS, WORDS
from generator.records.regions import Region


@dataclass
class DrawnInnovation:
    slug: str
    number: str
    owner: Region
    sector: tuple[str, str, str]
    year: int
    awards: list[tuple[str, str, str]] = field(default_factory=list)  # (nama, tahun, kegiatan)


@dataclass
class DrawnEvent:
    slug: str
    kind: str
    date: dt.date
    name: str
    participants: set[str] = field(default_factory=set)
    results: list[tuple[str, str]] = field(default_factory=list)  # (innovation slug, award)


@dataclass
class DrawnReplication:
    slug: str
    innovation: DrawnInnovation
    region: Region
    stages: list[tuple[str, dt.date]]
    event: DrawnEvent | None


class Drawn(Protocol):
    """A drawn catalogue, ready to write."""

    innovations: list[DrawnInnovation]
    replications: list[DrawnReplication]
    events: list[DrawnEvent]


SENTENCES: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
    "masalah": ((1, 2, 3), (25, 50, 25)),
    "solusi": ((1, 2, 3, 4, 6, 10), (15, 45, 25, 10, 3, 2)),
    "hasil": ((1, 2, 3, 4, 6, 9), (20, 30, 25, 10, 10, 5)),
    "syarat_replikasi": ((1, 2, 3), (40, 40, 20)),
    "modifikasi": ((1, 2, 3), (45, 45, 10)),
    "hasil_replikasi": ((1, 2, 3), (50, 40, 10)),
    "uraian_kegiatan": ((2, 3, 4, 6, 9, 20), (25, 20, 20, 20, 10, 5)),
    "uraian_wilayah": ((3, 4, 5, 6, 7), (20, 30, 25, 15, 10)),
}
"""How many sentences (about 95 characters each) a text field gets, and how often: drawn to
follow the shipped catalogue's own lengths (November 2026; characters, quartiles and 90th
percentile: masalah 156/183/219/284, solusi 158/214/284/373 up to 988, hasil 149/243/343/570
up to 869, a replication's modifikasi 156, an event's uraian 185/379/609/890 up to 1,926, a
region's uraian 315/416/578/684). Until then every field was two to four paragraphs, five
times the real median: pages, open data and the search index of a synthetic catalogue were
heavier than a real one's. `long_text` keeps those lengths, for stress tests."""

LONG_PARAGRAPHS: dict[str, tuple[int, int]] = {
    "masalah": (2, 3),
    "solusi": (2, 4),
    "hasil": (1, 3),
    "syarat_replikasi": (1, 2),
    "modifikasi": (1, 2),
    "hasil_replikasi": (1, 2),
    "uraian_kegiatan": (1, 2),
    "uraian_wilayah": (1, 2),
}
"""The paragraphs (of three to six sentences) of each field in `long_text` catalogues."""


class Texts:
    """The random source of a synthetic catalogue, and the texts drawn from it: sentences of
    the word list, field texts of those sentences, summaries and days."""

    def __init__(self, seed: int, long_text: bool = False) -> None:
        self.rng = random.Random(f"katalog-sintetis:{seed}")
        self.sentences = [self.sentence() for _ in range(3000)]
        self.long_text = long_text

    def sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(7, 16))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def field(self, name: str) -> str:
        """The text of one field (`SENTENCES`), in paragraphs of at most three sentences."""
        if self.long_text:
            return self.paragraphs(*LONG_PARAGRAPHS[name])
        counts, weights = SENTENCES[name]
        chosen = self.rng.choices(self.sentences, k=self.rng.choices(counts, weights)[0])
        return "\n\n".join(" ".join(chosen[i : i + 3]) for i in range(0, len(chosen), 3))

    def steps(self) -> str | None:
        """A solution's list of service steps, or None: half the long-text solutions had one;
        the shipped records seldom do."""
        if self.rng.random() >= (0.5 if self.long_text else 0.1):
            return None
        count = self.rng.randint(3, 5) if self.long_text else self.rng.randint(2, 4)
        return "\n".join(f"- {s}" for s in self.rng.sample(self.sentences, count))

    def paragraphs(self, low: int, high: int) -> str:
        rng = self.rng
        paragraphs = [
            " ".join(rng.choices(self.sentences, k=rng.randint(3, 6)))
            for _ in range(rng.randint(low, high))
        ]
        return "\n\n".join(paragraphs)

    def summary(self, number: str) -> str:
        target = self.rng.randint(150, 290)
        text = f"Inovasi Sintetis {number} adalah contoh data uji."
        while len(text) < target:
            text += " " + self.rng.choice(self.sentences)
        if len(text) > 300:
            text = text[:299].rsplit(" ", 1)[0].rstrip(",.") + "."
        return text

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        span = max(0, (last - first).days)
        return first + dt.timedelta(days=self.rng.randint(0, span))


def write_text(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are a subset of YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def block(key: str, text: str, indent: str = "") -> str:
    """`key: |-` followed by the text, indented; blank lines stay blank."""
    inner = indent + "  "
    lines = [inner + line if line else "" for line in text.split("\n")]
    return f"{indent}{key}: |-\n" + "\n".join(lines) + "\n"


def sectors_yaml() -> str:
    lines = ["# Kosakata bidang katalog sintetis (bukan data nyata).\n"]
    for code, name, agency in SECTORS:
        lines.append(f"- kode: {code}\n  nama: {quoted(name)}\n")
        lines.append(f"  uraian: {quoted(f'Bidang sintetis; instansi khas: {agency}.')}\n")
    return "".join(lines)


class RecordWriter:
    """Writes drawn records as YAML files, drawing their remaining details from `texts`."""

    def __init__(self, texts: Texts, provinces: list[Region]) -> None:
        self.texts = texts
        self.provinces = provinces

    def write(self, target: Path, drawn: Drawn) -> None:
        for kind in ("inovasi", "replikasi", "kegiatan", "wilayah"):
            (target / kind).mkdir(parents=True, exist_ok=True)
        for innovation in drawn.innovations:
            write_text(
                target / "inovasi" / f"{innovation.slug}.yml", self.innovation_yaml(innovation)
            )
        for replication in drawn.replications:
            write_text(
                target / "replikasi" / f"{replication.slug}.yml",
                self.replication_yaml(replication),
            )
        for event in drawn.events:
            write_text(target / "kegiatan" / f"{event.slug}.yml", self.event_yaml(event))
        for province in self.provinces:
            write_text(target / "wilayah" / f"{province.slug}.yml", self.profile_yaml(province))

    def innovation_yaml(self, innovation: DrawnInnovation) -> str:
        rng = self.texts.rng
        sector_code, sector_name, agency = innovation.sector
        number = innovation.number
        expansion = " ".join(w.capitalize() for w in rng.choices(WORDS, k=rng.randint(3, 6)))
        parts = [
            f"nama: {quoted(f'Inovasi Sintetis {number}')}\n",
            f"kepanjangan: {quoted(expansion)}\n",
            f"wilayah: {quoted(innovation.owner.code)}\n",
            f"instansi: {quoted(agency)}\n",
            f"tahun: {innovation.year}\n",
        ]
        if rng.random() < 0.1:
            parts.append("tahun_pasti: false\n")
        parts += [
            f"bidang: {sector_code}\n",
            f"jenis: {'digital' if rng.random() < 0.6 else 'non-digital'}\n",
            f"tahap: {rng.choices(('inisiatif', 'uji-coba', 'penerapan'), weights=(1, 2, 7))[0]}\n",
            f"status: {rng.choices(('aktif', 'vakum', 'dihentikan'), weights=(85, 10, 5))[0]}\n",
            f"ringkasan: {quoted(self.texts.summary(number))}\n",
            block("masalah", self.texts.field("masalah")),
        ]
        solution = self.texts.field("solusi")
        steps = self.texts.steps()
        if steps is not None:
            solution += "\n\nLangkah layanan:\n\n" + steps
        parts.append(block("solusi", solution))
        parts.append(block("hasil", self.texts.field("hasil")))
        if rng.random() < 0.5:
            before = rng.randint(20, 90)
            parts.append(
                "indikator:\n"
                f"  - nama: {quoted(f'Waktu layanan {sector_name.lower()} (sintetis)')}\n"
                f'    nilai: "{max(1, before - rng.randint(5, 19))}"\n'
                "    satuan: menit\n"
                f'    sebelum: "{before}"\n'
                f'    periode: "{innovation.year}–{min(innovation.year + 2, HORIZON.year)}"\n'
            )
        if rng.random() < 0.4:
            parts.append(block("syarat_replikasi", self.texts.field("syarat_replikasi")))
        if rng.random() < 0.6:
            regulation = f"Peraturan Sintetis Nomor {rng.randint(1, 60)} Tahun {innovation.year}"
            parts.append(f"dasar_hukum:\n  - {quoted(regulation)}\n")
        if rng.random() < 0.5:
            parts.append(
                "kontak:\n"
                f"  nama: {quoted(f'Narahubung Sintetis {number}')}\n"
                "  jabatan: Kepala Seksi\n"
                f"  email: inovasi{number}@contoh.invalid\n"
            )
        if rng.random() < 0.4:
            parts.append(
                "tautan:\n"
                "  - judul: Aplikasi (contoh)\n"
                f"    url: https://example.org/sintetis/{innovation.slug}\n"
            )
        goals = sorted(rng.sample(range(1, 18), rng.randint(0, 3)))
        if goals:
            parts.append("sdgs: [" + ", ".join(str(g) for g in goals) + "]\n")
        tags = sorted(set(rng.choices(WORDS[:60], k=rng.randint(1, 4))))
        parts.append("tag: [" + ", ".join(quoted(t) for t in tags) + "]\n")
        if innovation.awards:
            parts.append("penghargaan:\n")
            for name, year, event_slug in innovation.awards:
                parts.append(
                    f"  - nama: {quoted(name)}\n    tahun: {year}\n"
                    f"    pemberi: Panitia Kompetisi Sintetis\n    kegiatan: {event_slug}\n"
                )
        updated = self.texts.day_between(dt.date(innovation.year, 1, 1), HORIZON)
        parts.append(f"diperbarui: {updated.isoformat()}\n")
        return "".join(parts)

    def replication_yaml(self, replication: DrawnReplication) -> str:
        rng = self.texts.rng
        innovation = replication.innovation
        parts = [
            f"inovasi: {innovation.slug}\n",
            f"wilayah: {quoted(replication.region.code)}\n",
            f"instansi: {quoted(innovation.sector[2])}\n",
        ]
        if rng.random() < 0.3:
            parts.append(f"nama_lokal: {quoted(f'Inovasi Sintetis {innovation.number} Lokal')}\n")
        if replication.event is not None:
            parts.append(f"kegiatan: {replication.event.slug}\n")
        parts.append("tahapan:\n")
        for name, date in replication.stages:
            parts.append(f"  - tahap: {name}\n    tanggal: {date.isoformat()}\n")
            if rng.random() < 0.2:
                parts.append(f"    catatan: {quoted(rng.choice(self.texts.sentences))}\n")
        if rng.random() < 0.5:
            parts.append(block("modifikasi", self.texts.field("modifikasi")))
        if len(replication.stages) >= 4 and rng.random() < 0.6:
            parts.append(block("hasil", self.texts.field("hasil_replikasi")))
        return "".join(parts)

    def event_yaml(self, event: DrawnEvent) -> str:
        rng = self.texts.rng
        host = rng.choice(self.provinces)
        parts = [
            f"nama: {quoted(event.name)}\n",
            f"jenis: {event.kind}\n",
            f"tanggal: {event.date.isoformat()}\n",
            f"tempat: {quoted(f'Ibu kota {host.full_name} (sintetis)')}\n",
            f"penyelenggara: {quoted(host.code)}\n",
        ]
        if event.participants:
            parts.append("peserta:\n")
            parts.extend(f'  - "{code}"\n' for code in sorted(event.participants))
        if event.kind == "komitmen-replikasi":
            decree = f"Keputusan Sintetis Nomor {rng.randint(1, 400)} Tahun {event.date.year}"
            parts.append(f"dasar:\n  - {quoted(decree)}\n")
        if event.results:
            parts.append("hasil:\n")
            for slug, award in event.results:
                parts.append(f"  - inovasi: {slug}\n    penghargaan: {quoted(award)}\n")
        parts.append(block("uraian", self.texts.field("uraian_kegiatan")))
        return "".join(parts)

    def profile_yaml(self, region: Region) -> str:
        text = self.texts.field("uraian_wilayah")
        return f"kode: {quoted(region.code)}\n" + block("uraian", text)
