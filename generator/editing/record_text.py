"""A new record's slug and file text: the slug suggested from its name and region, and the
YAML written in the catalogue's style."""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path
from typing import Any

from generator.editing.answers import FieldError, RegionMatch, bare_name
from generator.editing.template import folded, render_record, scalar
from generator.records.files import (
    MAX_SLUG,
    SLUG,
    CatalogueFacts,
)
from generator.records.regions import Region, RegionTable, slugify


def region_slug_part(region: Region, regions: RegionTable) -> str:
    """The region's part of a slug: its bare name (`kubu-raya`), with `kota-`/`kabupaten-`
    kept where a regency and a city share the name (`kota-bekasi`)."""
    if region.is_province:
        return slugify(region.name)
    bare = bare_name(region)
    return region.slug if _shared_bare_names(regions).get(bare, 0) > 1 else bare


@functools.cache
def _shared_bare_names(regions: RegionTable) -> dict[str, int]:
    """How many regencies/cities bear each bare name (counted once per table, so that naming
    every region stays linear: the form data names all 514)."""
    return dict(Counter(bare_name(r) for r in regions.by_code.values() if not r.is_province))


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
