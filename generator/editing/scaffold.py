"""Drafting a new record for `python -m generator new`: the questions for each record kind,
the checks run on every answer as it is given, the slug, and the written file.

The command line supplies the answers (options, or prompts through an :class:`Asker`); this
module decides what is asked, what a valid answer is, and what the record says. A wrong
answer is a :class:`FieldError` with a message and a hint in Indonesian.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from generator.editing.template import folded, render_record, scalar
from generator.records.dates import parse_date
from generator.records.files import (
    MAX_SLUG,
    SLUG,
    CatalogueFacts,
    record_files,
)
from generator.records.model import CANCELLED, REPLICATION_STAGES
from generator.records.problems import Problem, display_path
from generator.records.regions import Region, RegionTable, slugify
from generator.records.validate import read_catalogue

INNOVATION_KINDS = ("digital", "non-digital")
INNOVATION_STAGES = ("inisiatif", "uji-coba", "penerapan")
EVENT_KINDS = ("komitmen-replikasi", "kompetisi", "penetapan", "pendampingan", "lainnya")
_URL = re.compile(r"^https?://[^\s<>\"'`]+$")


class FieldError(ValueError):
    """An answer that cannot go into the record; the message says why and what to do."""


# --- checks: each takes the answer's text and returns the value for the record -------------


@dataclass(frozen=True)
class RegionMatch:
    """A region found from what an editor typed; `certain` when the text named it exactly."""

    region: Region
    certain: bool


def _bare_name(region: Region) -> str:
    return slugify(re.sub(r"^(Kabupaten|Kota) ", "", region.name))


def resolve_region(facts: CatalogueFacts, text: str) -> RegionMatch:
    """A region from its code (`61.12`) or name (`Kubu Raya`, `Kota Pontianak`)."""
    text = text.strip()
    table = facts.regions
    found = table.get(text)
    if found:
        return RegionMatch(found, True)
    wanted = slugify(text)
    exact = [r for r in table.by_code.values() if wanted in (r.slug, slugify(r.name))]
    if not exact:
        exact = [r for r in table.by_code.values() if not r.is_province and _bare_name(r) == wanted]
    if len(exact) == 1:
        return RegionMatch(exact[0], True)
    if exact:  # `Bekasi`: a regency and a city share the name
        return RegionMatch(exact[0], False)
    guess = table.suggest(text)
    if guess is None and wanted:
        bare = {_bare_name(r): r for r in table.by_code.values() if not r.is_province}
        close = difflib.get_close_matches(wanted, list(bare), n=1, cutoff=0.75)
        guess = bare[close[0]] if close else None
    if guess is None:
        raise FieldError(
            f"`{text}` bukan nama atau kode wilayah yang dikenal; tulis nama kabupaten/kota "
            "(mis. `Kubu Raya`, `Kota Pontianak`) atau kodenya (mis. `61.12`)"
        )
    return RegionMatch(guess, False)


def check_sector(facts: CatalogueFacts, text: str) -> str:
    """A sector code from `referensi/bidang.yml`, also found by its name."""
    wanted = slugify(text)
    if wanted in facts.sectors:
        return wanted
    for code, name in facts.sectors.items():
        if slugify(name) == wanted:
            return code
    close = difflib.get_close_matches(wanted, sorted(facts.sectors), n=1, cutoff=0.5)
    hint = (
        f"maksud Anda `{close[0]}`?" if close else "pilih salah satu: " + ", ".join(facts.sectors)
    )
    raise FieldError(f"bidang `{text}` tidak ada di kosakata bidang; {hint}")


def check_choice(choices: tuple[str, ...]) -> Callable[[CatalogueFacts, str], str]:
    def check(facts: CatalogueFacts, text: str) -> str:
        wanted = slugify(text)
        if wanted in choices:
            return wanted
        close = difflib.get_close_matches(wanted, choices, n=1, cutoff=0.5)
        hint = f"; maksud Anda `{close[0]}`?" if close else ""
        allowed = ", ".join(f"`{c}`" for c in choices)
        raise FieldError(f"`{text}` bukan pilihan yang sah ({allowed}){hint}")

    return check


def check_year(facts: CatalogueFacts, text: str) -> int:
    text = text.strip()
    this_year = dt.date.today().year
    if not re.fullmatch(r"\d{4}", text) or not 1900 <= int(text) <= this_year:
        raise FieldError(f"`{text}` bukan tahun; tulis empat angka, 1900–{this_year}, mis. `2021`")
    return int(text)


def check_date(facts: CatalogueFacts, text: str) -> str:
    parsed = parse_date(text.strip())
    if parsed is None:
        raise FieldError(
            f"`{text}` bukan tanggal; tulis `YYYY-MM-DD`, atau `YYYY-MM` / `YYYY` bila sumber "
            "hanya menyebut bulan atau tahun"
        )
    if parsed.first_day > dt.date.today():
        raise FieldError(f"tanggal `{text}` ada di masa depan; catat hanya yang sudah terjadi")
    return parsed.iso()


def check_text(limit: int) -> Callable[[CatalogueFacts, str], str]:
    def check(facts: CatalogueFacts, text: str) -> str:
        text = " ".join(text.split())
        if not text:
            raise FieldError("tidak boleh kosong")
        if len(text) > limit:
            raise FieldError(f"terlalu panjang: {len(text)} karakter (batas {limit}); persingkat")
        return text

    return check


def check_url(facts: CatalogueFacts, text: str) -> str:
    text = text.strip()
    if not _URL.match(text):
        raise FieldError(f"`{text}` bukan alamat web lengkap; awali dengan `https://`")
    return text


def check_innovation(facts: CatalogueFacts, text: str) -> str:
    """The slug of an existing innovation, also found by its name (`CMS Desa`)."""
    slugs = facts.slugs("inovasi")
    wanted = slugify(text)
    if wanted in slugs:
        return wanted
    starting = [s for s in slugs if s.startswith(wanted + "-")]
    if len(starting) == 1:
        return starting[0]
    close = starting or difflib.get_close_matches(wanted, slugs, n=3, cutoff=0.6)
    hint = "maksud Anda " + " atau ".join(f"`{s}`" for s in close) + "?" if close else ""
    hint = hint or "tulis slug inovasinya, yaitu nama berkasnya di catalogue/inovasi/ tanpa `.yml`"
    raise FieldError(f"inovasi `{text}` tidak ditemukan; {hint}")


def check_event(facts: CatalogueFacts, text: str) -> str:
    slugs = facts.slugs("kegiatan")
    wanted = slugify(text)
    if wanted in slugs:
        return wanted
    close = difflib.get_close_matches(wanted, slugs, n=1, cutoff=0.6)
    hint = f"maksud Anda `{close[0]}`?" if close else "buat dulu kegiatannya: `new kegiatan`"
    raise FieldError(f"kegiatan `{text}` tidak ditemukan; {hint}")


def check_regions(facts: CatalogueFacts, text: str) -> list[RegionMatch]:
    """Several regions, separated by commas or semicolons."""
    parts = [part for part in re.split(r"[,;]", text) if part.strip()]
    if not parts:
        raise FieldError("tulis paling sedikit satu wilayah")
    return [resolve_region(facts, part) for part in parts]


# --- the questions of each kind --------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One answer a record needs: its record key, option, prompt and check."""

    key: str
    option: str
    label: str
    check: Callable[[CatalogueFacts, str], Any]
    required: bool = True
    default: str | None = None


_REGION_LABEL = "Wilayah pemilik (nama atau kode, mis. `Kubu Raya` atau `61.12`)"
SOURCE_QUESTIONS = (
    Question("sumber_judul", "--sumber-judul", "Judul halaman sumber", check_text(300)),
    Question("sumber_url", "--sumber-url", "Alamat (URL) halaman sumber", check_url),
    Question(
        "sumber_tanggal", "--sumber-tanggal",
        "Tanggal halaman sumber (YYYY-MM-DD, YYYY-MM atau YYYY; kosongkan bila tidak ada)",
        check_date, required=False,
    ),
)  # fmt: skip

QUESTIONS: dict[str, tuple[Question, ...]] = {
    "inovasi": (
        Question("nama", "--nama", "Nama inovasi (seperti dikenal masyarakat)", check_text(150)),
        Question("kepanjangan", "--kepanjangan", "Kepanjangan nama", check_text(300), False),
        Question("wilayah", "--wilayah", _REGION_LABEL, resolve_region),
        Question("instansi", "--instansi", "Instansi (OPD) pemilik", check_text(200)),
        Question("tahun", "--tahun", "Tahun mulai diterapkan", check_year),
        Question("bidang", "--bidang", "Bidang (mis. `kesehatan`)", check_sector),
        Question("jenis", "--jenis", "Jenis (digital/non-digital)", check_choice(INNOVATION_KINDS)),
        Question(
            "tahap", "--tahap", "Tahap (inisiatif/uji-coba/penerapan)",
            check_choice(INNOVATION_STAGES),
        ),
        Question(
            "ringkasan", "--ringkasan", "Ringkasan satu paragraf (teks biasa, maks. 300 karakter)",
            check_text(300),
        ),
    ),
    "replikasi": (
        Question("inovasi", "--inovasi", "Inovasi yang direplikasi (slug atau nama)", check_innovation),
        Question(
            "wilayah", "--wilayah", "Wilayah yang mereplikasi (nama atau kode)", resolve_region
        ),
        Question("instansi", "--instansi", "Instansi (OPD) yang mereplikasi", check_text(200)),
        Question("nama_lokal", "--nama-lokal", "Nama lokal", check_text(150), False),
        Question("kegiatan", "--kegiatan", "Kegiatan (slug)", check_event, False),
        Question(
            "tahapan_awal", "--tahapan-awal",
            "Tahap yang sudah dicapai (" + ", ".join(REPLICATION_STAGES) + ")",
            check_choice((*REPLICATION_STAGES, CANCELLED)), default="komitmen",
        ),
        Question("tanggal", "--tanggal", "Tanggal tahap itu (YYYY-MM-DD, YYYY-MM atau YYYY)", check_date),
    ),
    "kegiatan": (
        Question("nama", "--nama", "Nama kegiatan", check_text(200)),
        Question("jenis", "--jenis", "Jenis (" + ", ".join(EVENT_KINDS) + ")", check_choice(EVENT_KINDS)),
        Question("tanggal", "--tanggal", "Tanggal (YYYY-MM-DD, YYYY-MM atau YYYY)", check_date),
        Question("tempat", "--tempat", "Tempat", check_text(200), False),
        Question("penyelenggara", "--penyelenggara", "Penyelenggara", resolve_region, False),
        Question("peserta", "--peserta", "Peserta (wilayah, dipisah koma)", check_regions, False),
    ),
    "wilayah": (
        Question("wilayah", "--wilayah", "Wilayah (nama atau kode, mis. `Kubu Raya`)", resolve_region),
        Question("ibu_kota", "--ibu-kota", "Ibu kota", check_text(100), False),
        Question("situs", "--situs", "Situs web resmi", check_url, False),
    ),
}  # fmt: skip

ALL_OPTIONS = sorted(
    {q.option for qs in QUESTIONS.values() for q in qs} | {q.option for q in SOURCE_QUESTIONS}
)


def questions_for(kind: str, facts: CatalogueFacts, sources_given: bool) -> tuple[Question, ...]:
    """The questions of one kind; the sources are required when the catalogue demands them
    or when the editor has started giving one."""
    if facts.require_sources or sources_given:
        return (*QUESTIONS[kind], *SOURCE_QUESTIONS)
    return (*QUESTIONS[kind], *(replace(q, required=False) for q in SOURCE_QUESTIONS))


def check_across(kind: str, facts: CatalogueFacts, answers: dict[str, Any]) -> None:
    """Checks that need several answers: a region never replicates its own innovation, and
    replicates an innovation once."""
    if kind != "replikasi" or "inovasi" not in answers or "wilayah" not in answers:
        return
    code = answers["wilayah"].region.code
    innovation = answers["inovasi"]
    owner = facts.record_values("inovasi", innovation).get("wilayah")
    if owner == code:
        raise FieldError(
            f"wilayah {code} adalah pemilik inovasi `{innovation}`; isi wilayah yang mereplikasi"
        )
    for path in record_files(facts.folder, "replikasi"):
        if innovation not in path.read_text(encoding="utf-8", errors="replace"):
            continue
        values = facts.record_values("replikasi", path.stem)
        if values.get("inovasi") == innovation and values.get("wilayah") == code:
            raise FieldError(
                f"wilayah {code} sudah mereplikasi `{innovation}` di replikasi/{path.name}; "
                "tambahkan tahapannya di berkas itu"
            )


# --- slug and text ---------------------------------------------------------------------------


def region_slug_part(region: Region, regions: RegionTable) -> str:
    """The region's part of a slug: its bare name (`kubu-raya`), with `kota-`/`kabupaten-`
    kept where a regency and a city share the name (`kota-bekasi`)."""
    if region.is_province:
        return slugify(region.name)
    bare = _bare_name(region)
    return region.slug if _shared_bare_names(regions).get(bare, 0) > 1 else bare


@functools.cache
def _shared_bare_names(regions: RegionTable) -> dict[str, int]:
    """How many regencies/cities bear each bare name (counted once per table, so that naming
    every region stays linear: the form data names all 514)."""
    return dict(Counter(_bare_name(r) for r in regions.by_code.values() if not r.is_province))


def suggested_slug(kind: str, answers: dict[str, Any], regions: RegionTable) -> str:
    """The slug by the one slug rule: name and region for an innovation, innovation and
    region for a replication, the name for an event, the region's own slug for a profile."""
    if kind == "wilayah":
        return str(answers["wilayah"].region.slug)
    if kind == "kegiatan":
        text = slugify(str(answers["nama"]))
    elif kind == "inovasi":
        name = slugify(str(answers["nama"]))
        place = region_slug_part(answers["wilayah"].region, regions)
        text = name if name.endswith(place) else f"{name}-{place}"
    else:
        place = region_slug_part(answers["wilayah"].region, regions)
        text = f"{answers['inovasi']}-di-{place}"
    return text[:MAX_SLUG].rstrip("-")


def check_slug(facts: CatalogueFacts, kind: str, slug: str) -> str:
    """A slug that is well formed and not yet taken by a record of the same kind."""
    if not SLUG.match(slug) or len(slug) > MAX_SLUG:
        raise FieldError(
            f"`{slug}` bukan slug yang sah; pakai huruf kecil a-z, angka dan tanda hubung, "
            f"paling panjang {MAX_SLUG} karakter"
        )
    if (facts.folder / kind / f"{slug}.yml").exists():
        raise FieldError(f"slug `{slug}` sudah dipakai oleh {kind}/{slug}.yml; pilih slug lain")
    return slug


def _region_line(key: str, match: RegionMatch) -> str:
    return f"{key}: {scalar(match.region.code)}  # {match.region.full_name}"


def record_text(kind: str, answers: dict[str, Any]) -> str:
    """The commented record for the checked answers."""
    filled: dict[str, list[str]] = {}
    for key, value in answers.items():
        if key.startswith(("sumber_", "tahapan_")) or (key == "tanggal" and kind == "replikasi"):
            continue
        if isinstance(value, RegionMatch):
            record_key = "kode" if kind == "wilayah" else key
            filled[record_key] = [_region_line(record_key, value)]
        elif isinstance(value, list):
            codes = ", ".join(scalar(m.region.code) for m in value)
            names = ", ".join(m.region.full_name for m in value)
            filled[key] = [f"{key}: [{codes}]  # {names}"]
        elif key == "situs":
            filled[key] = [f"{key}: {value}"]  # a checked URL needs no quotes
        elif key == "ringkasan":
            filled[key] = folded(key, value)
        else:
            filled[key] = [f"{key}: {scalar(value)}"]
    if kind == "replikasi":
        filled["tahapan"] = [
            "tahapan:",
            f"  - tahap: {answers['tahapan_awal']}",
            f"    tanggal: {scalar(answers['tanggal'])}",
            "  # Tahap berikutnya ditambahkan di bawahnya, berurutan dan bertanggal, mis.:",
            "  # - tahap: rencana-aksi",
            '  #   tanggal: "2024-03"',
        ]
    if "sumber_url" in answers:
        source = [
            "sumber:",
            f"  - judul: {scalar(answers['sumber_judul'])}",
            f"    url: {answers['sumber_url']}",
        ]
        if "sumber_tanggal" in answers:
            source.append(f"    tanggal: {scalar(answers['sumber_tanggal'])}")
        filled["sumber"] = source
    return render_record(kind, filled, _title(kind, answers))


def _title(kind: str, answers: dict[str, Any]) -> str:
    if kind == "inovasi":
        return f"Inovasi {answers['nama']} ({answers['wilayah'].region.full_name})"
    if kind == "replikasi":
        return f"Replikasi `{answers['inovasi']}` di {answers['wilayah'].region.full_name}"
    if kind == "kegiatan":
        return f"Kegiatan {answers['nama']}"
    return f"Profil {answers['wilayah'].region.full_name}"


def write_record(facts: CatalogueFacts, kind: str, slug: str, text: str) -> Path:
    """Write a new record file; never overwrites one that appeared meanwhile."""
    path = facts.folder / kind / f"{slug}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


# --- asking ----------------------------------------------------------------------------------


class Asker(Protocol):
    """How answers are asked for: click prompts on a terminal, or nothing at all."""

    interactive: bool

    def prompt(self, label: str, default: str | None) -> str: ...

    def confirm(self, question: str) -> bool: ...

    def say(self, text: str) -> None: ...


@dataclass
class Collected:
    answers: dict[str, Any] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # options not given
    errors: list[str] = field(default_factory=list)  # `--option: message`


def collect(
    kind: str,
    facts: CatalogueFacts,
    given: dict[str, str | None],
    asker: Asker,
    assume_yes: bool = False,
) -> Collected:
    """Check every given answer and ask for the missing ones (when interactive); a region
    found only by a guess is confirmed by the editor or by `assume_yes`."""
    result = Collected()
    sources_given = any(given.get(q.key) for q in SOURCE_QUESTIONS)
    for question in questions_for(kind, facts, sources_given):
        text = given.get(question.key) or (None if asker.interactive else question.default)
        while True:
            if not text:
                if not question.required:
                    break
                if not asker.interactive:
                    result.missing.append(question.option)
                    break
                text = asker.prompt(question.label, question.default)
                if not text and not question.required:
                    break
            try:
                value = question.check(facts, text)
                value = _confirmed(value, asker, assume_yes)
                result.answers[question.key] = value
                check_across(kind, facts, result.answers)
                break
            except FieldError as error:
                result.answers.pop(question.key, None)
                if not asker.interactive:
                    result.errors.append(f"{question.option}: {error}")
                    break
                asker.say(f"Kesalahan: {error}")
                text = None
    return result


def _confirmed(value: Any, asker: Asker, assume_yes: bool) -> Any:
    matches = value if isinstance(value, list) else [value]
    for match in matches:
        if not isinstance(match, RegionMatch):
            continue
        region = match.region
        if match.certain or assume_yes:
            asker.say(f"Wilayah: {region.full_name} ({region.code})")
        elif not asker.interactive:
            raise FieldError(
                f"maksud Anda {region.code} {region.full_name}? tulis kodenya (`{region.code}`) "
                "atau tambahkan --yes"
            )
        elif not asker.confirm(f"Maksud Anda {region.code} {region.full_name}?"):
            raise FieldError("tulis nama lengkap wilayah (mis. `Kota Pontianak`) atau kodenya")
    return value


def choose_slug(
    kind: str, facts: CatalogueFacts, answers: dict[str, Any], given: str | None, asker: Asker
) -> str:
    """The record's slug: the one given, or the suggested one (offered for change when
    interactive); a region profile's slug is always the region's own."""
    suggested = suggested_slug(kind, answers, facts.regions)
    if kind == "wilayah":
        if given and given != suggested:
            raise FieldError(f"profil wilayah ini harus bernama `{suggested}.yml`; hapus --slug")
        if (facts.folder / kind / f"{suggested}.yml").exists():
            raise FieldError(
                f"profil wilayah ini sudah ada: wilayah/{suggested}.yml; sunting berkas itu"
            )
        return suggested
    text = given
    while True:
        if not text and asker.interactive:
            text = asker.prompt("Slug (nama berkas, dipakai di alamat halaman)", suggested)
        try:
            return check_slug(facts, kind, text or suggested)
        except FieldError as error:
            if not asker.interactive:
                raise
            asker.say(f"Kesalahan: {error}")
            text = None


# --- the whole step ----------------------------------------------------------------------------


@dataclass
class NewRecord:
    """What `new` did: the usage errors that stopped it, or the file written and what the
    validator then said about the catalogue."""

    usage_errors: list[str] = field(default_factory=list)
    display: str = ""
    problems: list[Problem] = field(default_factory=list)
    own_problems: bool = False
    summary: str = ""


def write_new_record(
    kind: str,
    folder: Path,
    given: dict[str, str | None],
    slug: str | None,
    asker: Asker,
    assume_yes: bool = False,
) -> NewRecord:
    """Check the answers (asking for missing ones), write the commented record, and run the
    real validator on the whole catalogue."""
    facts = CatalogueFacts.read(folder)
    known = {q.key for q in questions_for(kind, facts, True)}
    options = {q.key: q.option for qs in (*QUESTIONS.values(), SOURCE_QUESTIONS) for q in qs}
    stray = sorted(
        options.get(key, key) for key, text in given.items() if text and key not in known
    )
    if stray:
        return NewRecord([f"opsi {', '.join(stray)} tidak dipakai untuk catatan {kind}"])
    collected = collect(kind, facts, given, asker, assume_yes)
    if collected.missing:
        return NewRecord(
            [
                f"isian wajib catatan {kind} belum diberikan: {', '.join(collected.missing)}; "
                "berikan sebagai opsi, atau jalankan perintah ini di terminal agar ditanyakan"
            ]
        )
    if collected.errors:
        return NewRecord(collected.errors)
    try:
        slug = choose_slug(kind, facts, collected.answers, slug, asker)
    except FieldError as error:
        return NewRecord([f"--slug: {error}"])
    path = write_record(facts, kind, slug, record_text(kind, collected.answers))
    display = display_path(path)
    result = read_catalogue(folder)
    own = [p for p in result.problems if p.path == display]
    if result.catalogue is not None:
        cat = result.catalogue
        summary = (
            f"Katalog valid: {len(cat.innovations)} inovasi, {len(cat.replications)} replikasi, "
            f"{len(cat.events)} kegiatan, {len(cat.profiles)} profil wilayah. Lengkapi kunci "
            "pilihan di berkasnya, lalu lihat halamannya dengan `mkdocs serve`."
        )
    elif own:
        summary = f"Catatan baru belum valid: {len(own)} masalah; perbaiki berkasnya lalu jalankan `validate`."
    else:
        others = len(result.problems)
        summary = f"Catatan baru valid, tetapi katalog punya {others} masalah di berkas lain."
    return NewRecord([], display, result.problems, bool(own), summary)
