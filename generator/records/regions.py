"""The national region table: every Indonesian province and regency/city with its code.

Copied unchanged into `catalogue/referensi/` from idn-area-data 4.0.1 (compiled from
Kemendagri, Open Database License): see FORMAT.md.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

PROVINCE_FILE = "wilayah-provinsi.csv"
REGENCY_FILE = "wilayah-kabupaten-kota.csv"


def slugify(text: str) -> str:
    """The one slug rule: lowercase ASCII words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Region:
    """A province or regency/city of the national table."""

    code: str
    name: str
    province_code: str

    @property
    def is_province(self) -> bool:
        return "." not in self.code

    @property
    def full_name(self) -> str:
        """`Provinsi Kalimantan Barat`, `Kabupaten Ketapang`, `Kota Pontianak`."""
        return f"Provinsi {self.name}" if self.is_province else self.name

    @property
    def slug(self) -> str:
        return slugify(self.full_name)


class RegionTable:
    """Lookup by code and by name, with suggestions for what an editor may have meant."""

    def __init__(self, regions: list[Region]) -> None:
        self.by_code = {region.code: region for region in regions}
        self.by_slug = {region.slug: region for region in regions}

    @classmethod
    def read(cls, folder: Path) -> RegionTable:
        regions = []
        with (folder / PROVINCE_FILE).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                regions.append(Region(row["code"], row["name"], row["code"]))
        with (folder / REGENCY_FILE).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                regions.append(Region(row["code"], row["name"], row["province_code"]))
        return cls(regions)

    def get(self, code: str) -> Region | None:
        return self.by_code.get(code)

    def province_of(self, region: Region) -> Region:
        return self.by_code[region.province_code]

    def regions_of(self, province: str) -> list[Region]:
        """The regencies and cities of one province, by code."""
        return sorted(
            (r for r in self.by_code.values() if r.province_code == province and not r.is_province),
            key=lambda r: r.code,
        )

    def suggest(self, text: str) -> Region | None:
        """The region an editor probably meant by a wrong code or a name."""
        if re.fullmatch(r"\d{2}\.\d", text):  # `61.1`: a trailing zero lost, as YAML floats do
            padded = self.by_code.get(text + "0")
            if padded:
                return padded
        wanted = slugify(text)
        if not wanted:
            return None
        for region in self.by_code.values():
            bare = slugify(re.sub(r"^(Kabupaten|Kota) ", "", region.name))
            if wanted in (region.slug, bare, slugify(region.name)):
                return region
        names = {region.slug: region for region in self.by_code.values()}
        close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.75)
        return names[close[0]] if close else None
