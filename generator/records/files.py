"""The catalogue folder: where each kind of record lives, the record files read from it, and
the facts of its reference files (regions, sectors, settings) that checks need before any
record is read."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.records import urls
from generator.records.loader import Located, load_file
from generator.records.problems import Problem, display_path
from generator.records.regions import RegionTable
from generator.records.schema import check_against_schema, guide_for

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SLUG = 80
SECTOR_FILE = Path("referensi") / "bidang.yml"
SETTINGS_FILE = "katalog.yml"


@dataclass
class Record:
    """One record file after loading: its kind, slug, where it lives, and its values."""

    kind: str
    slug: str
    path: Path
    display: str
    data: Located

    @property
    def relative(self) -> str:
        """The file's path inside the catalogue, e.g. `inovasi/cms-desa.yml`."""
        return f"{self.kind}/{self.path.name}"

    @property
    def values(self) -> dict[str, Any]:
        return self.data.value if isinstance(self.data.value, dict) else {}


def record_files(folder: Path, kind: str) -> list[Path]:
    """The record files of one kind, in a stable order."""
    kind_dir = folder / kind
    if not kind_dir.is_dir():
        return []
    return [kind_dir / name for name in sorted(os.listdir(kind_dir)) if name.endswith(".yml")]


def slug_problem(kind: str, slug: str, display: str) -> Problem | None:
    """What is wrong with a record file's name (`slug`.yml), which becomes its page address."""
    if not SLUG.match(slug) or len(slug) > MAX_SLUG:
        return Problem(
            display, 1, 1, "",
            f"nama berkas `{slug}.yml` bukan slug yang sah",
            "pakai huruf kecil a-z, angka, dan tanda hubung, paling panjang 80 "
            "karakter, misalnya `cms-desa.yml`",
        )  # fmt: skip
    if kind == "inovasi" and slug in urls.LISTING_FOLDERS:
        return Problem(
            display, 1, 1, "",
            f"nama berkas `{slug}.yml` dipakai situs untuk daftar inovasi (`/inovasi/{slug}/`)",
            f"beri nama lain yang memuat nama inovasinya, misalnya `{slug}-kabupaten-sambas.yml`",
        )  # fmt: skip
    if kind == "kegiatan" and slug in urls.EVENT_FOLDERS:
        return Problem(
            display, 1, 1, "",
            f"nama berkas `{slug}.yml` dipakai situs untuk halaman daftar kegiatan "
            f"(`/kegiatan/{slug}/`)",
            "beri nama lain yang memuat nama kegiatannya, misalnya `komitmen-replikasi-2024.yml`",
        )  # fmt: skip
    return None


@dataclass
class CatalogueFacts:
    """What the checks need to know about the catalogue a record is added to."""

    folder: Path
    regions: RegionTable
    sectors: dict[str, str]  # kode -> nama
    require_sources: bool

    @classmethod
    def read(cls, folder: Path) -> CatalogueFacts:
        regions = RegionTable.read(folder / "referensi")
        sectors: dict[str, str] = {}
        sector_file = folder / SECTOR_FILE
        if sector_file.is_file():
            loaded = load_file(sector_file, display_path(sector_file), guide_for("bidang"))
            items = loaded.data.value if loaded.data else None
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and isinstance(item.get("kode"), str):
                    sectors[item["kode"]] = str(item.get("nama", item["kode"]))
        settings_file = folder / SETTINGS_FILE
        required = False
        if settings_file.is_file():
            loaded = load_file(settings_file, display_path(settings_file), guide_for("katalog"))
            settings = loaded.data.value if loaded.data else None
            required = isinstance(settings, dict) and settings.get("wajib_sumber") is True
        return cls(folder, regions, sectors, required)

    def slugs(self, kind: str) -> list[str]:
        return [path.stem for path in record_files(self.folder, kind)]

    def record_values(self, kind: str, slug: str) -> dict[str, Any]:
        """The values of an existing record, or an empty mapping when it cannot be read."""
        path = self.folder / kind / f"{slug}.yml"
        loaded = load_file(path, display_path(path), guide_for(kind))
        value = loaded.data.value if loaded.data else None
        return value if isinstance(value, dict) else {}


def load_reference_file(path: Path, schema_name: str, problems: list[Problem]) -> Located | None:
    """A settings or vocabulary file loaded and checked against its schema: its values when
    they are valid, None when the file is absent or has problems (added to `problems`)."""
    if not path.is_file():
        return None
    display = display_path(path)
    loaded = load_file(path, display, guide_for(schema_name))
    problems.extend(loaded.problems)
    if loaded.data is None:
        return None
    found = check_against_schema(schema_name, loaded.data, display)
    problems.extend(found)
    return None if found else loaded.data
