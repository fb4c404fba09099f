"""A synthetic catalogue for scale tests: valid records in realistic shapes and sizes.

Every name says "Sintetis" and every text is drawn from a fixed word list, so nobody can
mistake a synthetic record for a fact. The output depends only on the count and the seed
(no clock, no set ordering), so the same arguments give byte-identical files. Records are
written as text directly rather than through a YAML dumper, which keeps 10,000 innovations
to a few seconds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .model import CANCELLED, REPLICATION_STAGES
from .regions import PROVINCE_FILE, REGENCY_FILE, Region, RegionTable

MARKER = ".synth"
REFERENCE_FILES = (PROVINCE_FILE, REGENCY_FILE, "LISENSI-ODbL.md")
OUTPUT_ENTRIES = ("inovasi", "replikasi", "kegiatan", "wilayah", "referensi", MARKER)
REPOSITORY = Path(__file__).resolve().parents[1]
REAL_CATALOGUE = REPOSITORY / "catalogue"

# Fixed, so that output never depends on the day it is made; it lies in the past.
FIRST_YEAR = 2014
HORIZON = dt.date(2025, 12, 31)

SECTORS = (
    ("kesehatan", "Kesehatan", "Dinas Kesehatan"),
    ("pendidikan", "Pendidikan", "Dinas Pendidikan"),
    (
        "administrasi-kependudukan",
        "Administrasi Kependudukan",
        "Dinas Kependudukan dan Pencatatan Sipil",
    ),
    ("perizinan-dan-investasi", "Perizinan dan Investasi", "Dinas Penanaman Modal dan PTSP"),
    ("sosial", "Sosial", "Dinas Sosial"),
    ("ekonomi-dan-umkm", "Ekonomi dan UMKM", "Dinas Koperasi dan UMKM"),
    ("pemerintahan-desa", "Pemerintahan Desa", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("tata-kelola-pemerintahan", "Tata Kelola Pemerintahan", "Sekretariat Daerah"),
    ("pertanian-dan-pangan", "Pertanian dan Pangan", "Dinas Pertanian"),
    ("lingkungan-hidup", "Lingkungan Hidup", "Dinas Lingkungan Hidup"),
    ("perhubungan", "Perhubungan", "Dinas Perhubungan"),
    ("pekerjaan-umum", "Pekerjaan Umum", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("ketenagakerjaan", "Ketenagakerjaan", "Dinas Tenaga Kerja"),
    ("pariwisata", "Pariwisata", "Dinas Pariwisata"),
    ("keuangan-daerah", "Keuangan Daerah", "Badan Pengelolaan Keuangan Daerah"),
)

WORDS = [
    "pelayanan",
    "masyarakat",
    "warga",
    "desa",
    "kelurahan",
    "kecamatan",
    "layanan",
    "data",
    "petugas",
    "aplikasi",
    "puskesmas",
    "sekolah",
    "anggaran",
    "laporan",
    "program",
    "kegiatan",
    "pendataan",
    "verifikasi",
    "koordinasi",
    "percepatan",
    "peningkatan",
    "pengelolaan",
    "pemantauan",
    "pendampingan",
    "sosialisasi",
    "pelatihan",
    "kader",
    "rujukan",
    "antrean",
    "berkas",
    "dokumen",
    "jadwal",
    "waktu",
    "biaya",
    "informasi",
    "pengaduan",
    "umpan",
    "balik",
    "perangkat",
    "daerah",
    "dinas",
    "bidang",
    "seksi",
    "tim",
    "relawan",
    "lapangan",
    "rumah",
    "tangga",
    "keluarga",
    "ibu",
    "anak",
    "lansia",
    "pelajar",
    "guru",
    "bidan",
    "perawat",
    "dokter",
    "petani",
    "nelayan",
    "pedagang",
    "pelaku",
    "usaha",
    "kelompok",
    "terpadu",
    "terintegrasi",
    "mandiri",
    "cepat",
    "mudah",
    "murah",
    "tepat",
    "transparan",
    "akuntabel",
    "berkelanjutan",
    "digital",
    "daring",
    "luring",
    "terjadwal",
    "berkala",
    "bulanan",
    "mingguan",
    "harian",
    "akurat",
    "lengkap",
    "terbuka",
    "menurunkan",
    "meningkatkan",
    "mempercepat",
    "memudahkan",
    "menjangkau",
    "mencatat",
    "memeriksa",
    "menyusun",
    "menyalurkan",
    "mengirim",
    "menerima",
    "membina",
    "melibatkan",
    "memperbaiki",
    "menyederhanakan",
    "mengukur",
    "dengan",
    "melalui",
    "untuk",
    "dari",
    "pada",
    "dalam",
    "bagi",
    "oleh",
    "serta",
    "dan",
    "atau",
    "sehingga",
    "agar",
    "secara",
    "tanpa",
    "antar",
    "setiap",
    "seluruh",
    "sebagian",
    "banyak",
    "sedikit",
    "jarak",
    "jauh",
    "dekat",
    "wilayah",
    "terpencil",
    "sasaran",
    "capaian",
    "target",
    "indikator",
    "hasil",
    "dampak",
    "manfaat",
    "biaya",
    "mutu",
    "standar",
    "prosedur",
    "persyaratan",
    "formulir",
    "surat",
    "izin",
    "sertifikat",
    "kartu",
    "catatan",
    "arsip",
    "basis",
    "peta",
    "titik",
]

AWARD_RANKS = ("Juara 1", "Juara 2", "Juara 3", "Harapan 1", "Harapan 2", "Nominasi Terbaik")


class SynthRefused(Exception):
    """The target folder must not receive synthetic records; the message says why."""


@dataclass
class _Innovation:
    slug: str
    number: str
    owner: Region
    sector: tuple[str, str, str]
    year: int
    awards: list[tuple[str, str, str]] = field(default_factory=list)  # (nama, tahun, kegiatan)


@dataclass
class _Event:
    slug: str
    kind: str
    date: dt.date
    name: str
    participants: set[str] = field(default_factory=set)
    results: list[tuple[str, str]] = field(default_factory=list)  # (innovation slug, award)


@dataclass
class _Replication:
    slug: str
    innovation: _Innovation
    region: Region
    stages: list[tuple[str, dt.date]]
    event: _Event | None


def write_synthetic_catalogue(count: int, out_dir: Path, seed: int = 1) -> str:
    """Write a valid synthetic catalogue of `count` innovations into `out_dir`.

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
    writer = _Generator(count, seed, regions)
    writer.generate()

    _clear_previous_output(target)
    referensi = target / "referensi"
    referensi.mkdir(parents=True, exist_ok=True)
    for name in REFERENCE_FILES:
        shutil.copyfile(table_dir / name, referensi / name)
    _write(referensi / "bidang.yml", _sectors_yaml())
    writer.write(target)
    _write(
        target / MARKER,
        "Katalog sintetis untuk uji skala, dibuat oleh `python -m generator synth`.\n"
        "Isinya bukan data nyata dan boleh dihapus atau ditimpa.\n"
        f"inovasi: {count}\nbenih: {seed}\n",
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


def _write(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are a subset of YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _block(key: str, text: str, indent: str = "") -> str:
    """`key: |-` followed by the text, indented; blank lines stay blank."""
    inner = indent + "  "
    lines = [inner + line if line else "" for line in text.split("\n")]
    return f"{indent}{key}: |-\n" + "\n".join(lines) + "\n"


def _sectors_yaml() -> str:
    lines = ["# Kosakata bidang katalog sintetis (bukan data nyata).\n"]
    for code, name, agency in SECTORS:
        lines.append(f"- kode: {code}\n  nama: {_q(name)}\n")
        lines.append(f"  uraian: {_q(f'Bidang sintetis; instansi khas: {agency}.')}\n")
    return "".join(lines)


class _Generator:
    """Draws the whole catalogue in memory first (awards and participants need to know
    about each other), then writes it."""

    def __init__(self, count: int, seed: int, regions: list[Region]) -> None:
        self.count = count
        self.rng = random.Random(f"katalog-sintetis:{seed}")
        self.width = max(5, len(str(count)))
        self.provinces = [region for region in regions if region.is_province]
        self.regencies = [region for region in regions if not region.is_province]
        self.sentences = [self._sentence() for _ in range(3000)]
        self.innovations: list[_Innovation] = []
        self.replications: list[_Replication] = []
        self.events: list[_Event] = []

    # --- drawing ------------------------------------------------------------------------

    def _sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(7, 16))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def _paragraphs(self, low: int, high: int) -> str:
        rng = self.rng
        paragraphs = [
            " ".join(rng.choices(self.sentences, k=rng.randint(3, 6)))
            for _ in range(rng.randint(low, high))
        ]
        return "\n\n".join(paragraphs)

    def _summary(self, number: str) -> str:
        target = self.rng.randint(150, 290)
        text = f"Inovasi Sintetis {number} adalah contoh data uji."
        while len(text) < target:
            text += " " + self.rng.choice(self.sentences)
        if len(text) > 300:
            text = text[:299].rsplit(" ", 1)[0].rstrip(",.") + "."
        return text

    def _day_between(self, first: dt.date, last: dt.date) -> dt.date:
        span = max(0, (last - first).days)
        return first + dt.timedelta(days=self.rng.randint(0, span))

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
                _Innovation(
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
            date = self._day_between(
                dt.date(FIRST_YEAR + 1, 1, 1), HORIZON - dt.timedelta(days=200)
            )
            number = f"{index + 1:03d}"
            self.events.append(
                _Event(f"komitmen-replikasi-sintetis-{number}", "komitmen-replikasi", date,
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
                self.replications.append(_Replication(slug, innovation, region, stages, event))
        for event in commitments:
            if not event.participants:
                event.participants.update(r.code for r in rng.sample(self.regencies, 5))

    def _stages(self, innovation: _Innovation, event: _Event | None) -> list[tuple[str, dt.date]]:
        rng = self.rng
        if event is not None:
            first_index, date = 0, event.date
        else:
            first_index = 0 if rng.random() < 0.8 else rng.randint(1, 4)
            start = dt.date(innovation.year + 1, 1, 1)
            date = self._day_between(start, HORIZON - dt.timedelta(days=30))
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
                date = self._day_between(dt.date(year, 1, 1), dt.date(year, 12, 31))
                name = f"Kompetisi Inovasi Sintetis {year}" + (
                    f" Seri {index + 1}" if per_year > 1 else ""
                )
                event = _Event(
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

    # --- writing ------------------------------------------------------------------------

    def write(self, target: Path) -> None:
        for kind in ("inovasi", "replikasi", "kegiatan", "wilayah"):
            (target / kind).mkdir(parents=True, exist_ok=True)
        for innovation in self.innovations:
            _write(target / "inovasi" / f"{innovation.slug}.yml", self._innovation_yaml(innovation))
        for replication in self.replications:
            _write(
                target / "replikasi" / f"{replication.slug}.yml",
                self._replication_yaml(replication),
            )
        for event in self.events:
            _write(target / "kegiatan" / f"{event.slug}.yml", self._event_yaml(event))
        for province in self.provinces:
            _write(target / "wilayah" / f"{province.slug}.yml", self._profile_yaml(province))

    def _innovation_yaml(self, innovation: _Innovation) -> str:
        rng = self.rng
        sector_code, sector_name, agency = innovation.sector
        number = innovation.number
        parts = [
            f"nama: {_q(f'Inovasi Sintetis {number}')}\n",
            f"kepanjangan: {_q(' '.join(w.capitalize() for w in rng.choices(WORDS, k=rng.randint(3, 6))))}\n",
            f"wilayah: {_q(innovation.owner.code)}\n",
            f"instansi: {_q(agency)}\n",
            f"tahun: {innovation.year}\n",
        ]
        if rng.random() < 0.1:
            parts.append("tahun_pasti: false\n")
        parts += [
            f"bidang: {sector_code}\n",
            f"jenis: {'digital' if rng.random() < 0.6 else 'non-digital'}\n",
            f"tahap: {rng.choices(('inisiatif', 'uji-coba', 'penerapan'), weights=(1, 2, 7))[0]}\n",
            f"status: {rng.choices(('aktif', 'vakum', 'dihentikan'), weights=(85, 10, 5))[0]}\n",
            f"ringkasan: {_q(self._summary(number))}\n",
            _block("masalah", self._paragraphs(2, 3)),
        ]
        solution = self._paragraphs(2, 4)
        if rng.random() < 0.5:
            steps = "\n".join(f"- {s}" for s in rng.sample(self.sentences, rng.randint(3, 5)))
            solution += "\n\nLangkah layanan:\n\n" + steps
        parts.append(_block("solusi", solution))
        parts.append(_block("hasil", self._paragraphs(1, 3)))
        if rng.random() < 0.5:
            before = rng.randint(20, 90)
            parts.append(
                "indikator:\n"
                f"  - nama: {_q(f'Waktu layanan {sector_name.lower()} (sintetis)')}\n"
                f'    nilai: "{max(1, before - rng.randint(5, 19))}"\n'
                "    satuan: menit\n"
                f'    sebelum: "{before}"\n'
                f'    periode: "{innovation.year}–{min(innovation.year + 2, HORIZON.year)}"\n'
            )
        if rng.random() < 0.4:
            parts.append(_block("syarat_replikasi", self._paragraphs(1, 2)))
        if rng.random() < 0.6:
            parts.append(
                "dasar_hukum:\n"
                f"  - {_q(f'Peraturan Sintetis Nomor {rng.randint(1, 60)} Tahun {innovation.year}')}\n"
            )
        if rng.random() < 0.5:
            parts.append(
                "kontak:\n"
                f"  nama: {_q(f'Narahubung Sintetis {number}')}\n"
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
        parts.append("tag: [" + ", ".join(_q(t) for t in tags) + "]\n")
        if innovation.awards:
            parts.append("penghargaan:\n")
            for name, year, event_slug in innovation.awards:
                parts.append(
                    f"  - nama: {_q(name)}\n    tahun: {year}\n"
                    f"    pemberi: Panitia Kompetisi Sintetis\n    kegiatan: {event_slug}\n"
                )
        updated = self._day_between(dt.date(innovation.year, 1, 1), HORIZON)
        parts.append(f"diperbarui: {updated.isoformat()}\n")
        return "".join(parts)

    def _replication_yaml(self, replication: _Replication) -> str:
        rng = self.rng
        innovation = replication.innovation
        parts = [
            f"inovasi: {innovation.slug}\n",
            f"wilayah: {_q(replication.region.code)}\n",
            f"instansi: {_q(innovation.sector[2])}\n",
        ]
        if rng.random() < 0.3:
            parts.append(f"nama_lokal: {_q(f'Inovasi Sintetis {innovation.number} Lokal')}\n")
        if replication.event is not None:
            parts.append(f"kegiatan: {replication.event.slug}\n")
        parts.append("tahapan:\n")
        for name, date in replication.stages:
            parts.append(f"  - tahap: {name}\n    tanggal: {date.isoformat()}\n")
            if rng.random() < 0.2:
                parts.append(f"    catatan: {_q(rng.choice(self.sentences))}\n")
        if rng.random() < 0.5:
            parts.append(_block("modifikasi", self._paragraphs(1, 2)))
        if len(replication.stages) >= 4 and rng.random() < 0.6:
            parts.append(_block("hasil", self._paragraphs(1, 2)))
        return "".join(parts)

    def _event_yaml(self, event: _Event) -> str:
        rng = self.rng
        host = rng.choice(self.provinces)
        parts = [
            f"nama: {_q(event.name)}\n",
            f"jenis: {event.kind}\n",
            f"tanggal: {event.date.isoformat()}\n",
            f"tempat: {_q(f'Ibu kota {host.full_name} (sintetis)')}\n",
            f"penyelenggara: {_q(host.code)}\n",
        ]
        if event.participants:
            parts.append("peserta:\n")
            parts.extend(f'  - "{code}"\n' for code in sorted(event.participants))
        if event.kind == "komitmen-replikasi":
            parts.append(
                f"dasar:\n  - {_q(f'Keputusan Sintetis Nomor {rng.randint(1, 400)} Tahun {event.date.year}')}\n"
            )
        if event.results:
            parts.append("hasil:\n")
            for slug, award in event.results:
                parts.append(f"  - inovasi: {slug}\n    penghargaan: {_q(award)}\n")
        parts.append(_block("uraian", self._paragraphs(1, 2)))
        return "".join(parts)

    def _profile_yaml(self, region: Region) -> str:
        return f"kode: {_q(region.code)}\n" + _block("uraian", self._paragraphs(1, 2))
