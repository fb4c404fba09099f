"""Drafting a new record for `python -m generator new`: the questions for each record kind,
the checks run on every answer as it is given, the slug, and the written file.

The command line supplies the answers (options, or prompts through an :class:`Asker`); this
module decides what is asked, what a valid answer is, and what the record says. A wrong
answer is a :class:`FieldError` with a message and a hint in Indonesian.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from generator.editing.answers import (
    EVENT_KINDS,
    INNOVATION_KINDS,
    INNOVATION_STAGES,
    FieldError,
    RegionMatch,
    check_choice,
    check_date,
    check_event,
    check_innovation,
    check_regions,
    check_sector,
    check_text,
    check_url,
    check_year,
    resolve_region,
)
from generator.editing.record_text import check_slug, record_text, suggested_slug, write_record
from generator.records.files import (
    CatalogueFacts,
    record_files,
)
from generator.records.problems import Problem, display_path
from generator.records.validate import read_catalogue
from generator.records.vocabulary import CANCELLED, REPLICATION_STAGES

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
        Question(
            "inovasi", "--inovasi", "Inovasi yang direplikasi (slug atau nama)", check_innovation
        ),
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
        Question(
            "tanggal", "--tanggal", "Tanggal tahap itu (YYYY-MM-DD, YYYY-MM atau YYYY)", check_date
        ),
    ),
    "kegiatan": (
        Question("nama", "--nama", "Nama kegiatan", check_text(200)),
        Question(
            "jenis", "--jenis", "Jenis (" + ", ".join(EVENT_KINDS) + ")", check_choice(EVENT_KINDS)
        ),
        Question("tanggal", "--tanggal", "Tanggal (YYYY-MM-DD, YYYY-MM atau YYYY)", check_date),
        Question("tempat", "--tempat", "Tempat", check_text(200), False),
        Question("penyelenggara", "--penyelenggara", "Penyelenggara", resolve_region, False),
        Question("peserta", "--peserta", "Peserta (wilayah, dipisah koma)", check_regions, False),
    ),
    "wilayah": (
        Question(
            "wilayah", "--wilayah", "Wilayah (nama atau kode, mis. `Kubu Raya`)", resolve_region
        ),
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
        summary = (
            f"Catatan baru belum valid: {len(own)} masalah; "
            "perbaiki berkasnya lalu jalankan `validate`."
        )
    else:
        others = len(result.problems)
        summary = f"Catatan baru valid, tetapi katalog punya {others} masalah di berkas lain."
    return NewRecord([], display, result.problems, bool(own), summary)
