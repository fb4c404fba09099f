"""The checks run on every answer of `new` as it is given: each takes the answer's text and
returns the value for the record, or raises a :class:`FieldError` with a message and a hint
in Indonesian."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.records import vocabulary
from generator.records.dates import parse_date
from generator.records.files import (
    CatalogueFacts,
)
from generator.records.regions import Region, slugify

INNOVATION_KINDS = tuple(vocabulary.INNOVATION_KIND)
INNOVATION_STAGES = tuple(vocabulary.MATURITY)
EVENT_KINDS = tuple(vocabulary.EVENT_KIND)
_URL = re.compile(r"^https?://[^\s<>\"'`]+$")


class FieldError(ValueError):
    """An answer that cannot go into the record; the message says why and what to do."""


@dataclass(frozen=True)
class RegionMatch:
    """A region found from what an editor typed; `certain` when the text named it exactly."""

    region: Region
    certain: bool


def bare_name(region: Region) -> str:
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
        exact = [r for r in table.by_code.values() if not r.is_province and bare_name(r) == wanted]
    if len(exact) == 1:
        return RegionMatch(exact[0], True)
    if exact:  # `Bekasi`: a regency and a city share the name
        return RegionMatch(exact[0], False)
    guess = table.suggest(text)
    if guess is None and wanted:
        bare = {bare_name(r): r for r in table.by_code.values() if not r.is_province}
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
