"""The catalogue's numbers: counts computed once from the records, for charts and tables.

Every function takes the catalogue and returns plain, ordered counts; nothing here draws
(`charts`) or links (`views`). Rows that could grow with the national region table are
grouped: Kalimantan Barat's regions one by one, every other province as one row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.records.model import Innovation, Replication
from generator.records.vocabulary import CANCELLED, REPLICATION_STAGES
from generator.site.structure import owner_anchor

ALL_REGIONS = " (semua wilayah)"
UNKNOWN_KEY = "belum-diketahui"
UNKNOWN_YEAR = None
"""The column of the records whose year no source has given, after the known years."""


@dataclass(frozen=True)
class Count:
    """One counted value: a stable key, its Indonesian label and the number."""

    key: str
    label: str
    value: int


@dataclass(frozen=True)
class YearRow:
    """One row of a row-by-year grid: counts aligned with the grid's years, and the total."""

    key: str
    label: str
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class AgencyYear:
    """The agencies of one region that produced at least one innovation in one year."""

    region: str
    year: int | None
    agencies: tuple[str, ...]


def innovations_per_sector(catalogue: Catalogue) -> list[Count]:
    """Innovations per sector, in the vocabulary's order; sectors with none are left out."""
    counted = Counter(i.bidang for i in catalogue.innovations.values())
    counts = [
        Count(code, sector.nama, counted[code])
        for code, sector in catalogue.sectors.items()
        if counted[code]
    ]
    return counts + _unknown_count(counted)


def innovations_per_maturity(catalogue: Catalogue) -> list[Count]:
    """Innovations per maturity (`tahap`), from initiative to implementation."""
    counted = Counter(i.tahap for i in catalogue.innovations.values())
    known = [Count(k, label, counted[k]) for k, label in labels.MATURITY.items()]
    return known + _unknown_count(counted)


def _unknown_count(counted: Counter[str | None]) -> list[Count]:
    """The records whose value no source has given yet, counted under "Belum diketahui"
    (nothing when there are none)."""
    return [Count(UNKNOWN_KEY, labels.UNKNOWN, counted[None])] if counted[None] else []


def replications_per_latest_stage(catalogue: Catalogue) -> list[Count]:
    """Replications by the last stage recorded for each: they add up to all replications."""
    counted = Counter(r.latest_stage.tahap for r in catalogue.replications.values())
    return [Count(k, label, counted[k]) for k, label in labels.REPLICATION_STAGE.items()]


def furthest_stage(replication: Replication) -> int:
    """The index in `REPLICATION_STAGES` of the furthest stage a replication recorded; -1 if
    it recorded none but a cancellation."""
    reached = [
        REPLICATION_STAGES.index(s.tahap) for s in replication.tahapan if s.tahap != CANCELLED
    ]
    return max(reached, default=-1)


def recorded_stages(replication: Replication) -> set[str]:
    """The stages a replication has a dated record of: the only ones it is known to have
    reached (an earlier stage without a record is not assumed done)."""
    return {s.tahap for s in replication.tahapan if s.tahap != CANCELLED}


def is_cancelled(replication: Replication) -> bool:
    return replication.latest_stage.tahap == CANCELLED


def replications_reaching_stage(catalogue: Catalogue) -> list[Count]:
    """How many replications have a dated record of each stage. A record that starts at
    `implementasi` counts there only: the earlier stages are not recorded, so not counted.
    Cancelled ones count for the stages they recorded, and once more under `dibatalkan`."""
    recorded = Counter(code for r in catalogue.replications.values() for code in recorded_stages(r))
    counts = [
        Count(code, labels.REPLICATION_STAGE[code], recorded[code]) for code in REPLICATION_STAGES
    ]
    cancelled = sum(1 for r in catalogue.replications.values() if is_cancelled(r))
    counts.append(Count(CANCELLED, labels.REPLICATION_STAGE[CANCELLED], cancelled))
    return counts


def replications_started_per_year(catalogue: Catalogue) -> list[Count]:
    """Replications by the year of their first recorded stage, every year in the range."""
    counted = Counter(r.started.year for r in catalogue.replications.values())
    if not counted:
        return []
    return [Count(str(y), str(y), counted[y]) for y in range(min(counted), max(counted) + 1)]


def owner_group(catalogue: Catalogue, innovation: Innovation) -> tuple[str, str]:
    """The row an innovation's numbers go to: its region's (`region_group`) for a regional
    government; for any other owner, the group of its kind, never a region."""
    if innovation.owning_region is not None:
        return region_group(catalogue, innovation.owning_region)
    return owner_anchor(innovation.jenis_pemilik), labels.OWNER_KIND[innovation.jenis_pemilik]


def region_group(catalogue: Catalogue, code: str) -> tuple[str, str]:
    """The row a region's numbers go to: (key, label). The home province's regions stand
    alone; any other region is counted with its province."""
    region = catalogue.region(code)
    if region.province_code == catalogue.home_province:
        return code, catalogue.region_name(code)
    province = catalogue.region(region.province_code)
    return f"{province.code}*", f"{province.full_name}{ALL_REGIONS}"


def year_columns(years: list[int | None]) -> list[int | None]:
    """Every year from the first to the last known one, then `UNKNOWN_YEAR` when any record's
    year is not known."""
    known = [y for y in years if y is not None]
    columns: list[int | None] = list(range(min(known), max(known) + 1)) if known else []
    return [*columns, UNKNOWN_YEAR] if len(known) < len(years) else columns


def innovations_per_region_and_year(
    catalogue: Catalogue,
) -> tuple[list[int | None], list[YearRow]]:
    """Innovations by owner and first year: (years, rows). The home province's regions come
    first, in code order, even when they have none; other provinces and owners other than
    regional governments follow."""
    counted: dict[str, Counter[int | None]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for innovation in catalogue.innovations.values():
        key, label = owner_group(catalogue, innovation)
        counted[key][innovation.tahun] += 1
        names[key] = label
    years = year_columns([i.tahun for i in catalogue.innovations.values()])
    home = catalogue.home_codes
    for code in home:
        names.setdefault(code, catalogue.region_name(code))
    others = sorted(k for k in names if k not in home)
    rows = [
        YearRow(key, names[key], tuple(counted[key][y] for y in years)) for key in [*home, *others]
    ]
    return years, rows


def agencies_per_region_and_year(
    catalogue: Catalogue,
) -> tuple[list[int | None], list[YearRow], list[AgencyYear]]:
    """For each of Kalimantan Barat's regions and each year: how many agencies (`instansi`)
    produced an innovation, and which. The province asks every agency for at least one a
    year, so this is the table it steers by. Returns (years, count rows, agency lists)."""
    agencies: dict[str, dict[int | None, set[str]]] = defaultdict(lambda: defaultdict(set))
    home = catalogue.home_codes
    for code in home:
        for innovation in catalogue.innovations_of(code):
            agency = (innovation.instansi or "").strip() or f"Perangkat daerah {labels.UNKNOWN}"
            agencies[code][innovation.tahun].add(agency)
    years = year_columns([y for code in home for y in agencies[code]])
    rows = [
        YearRow(code, catalogue.region_name(code), tuple(len(agencies[code][y]) for y in years))
        for code in home
    ]
    lists = [
        AgencyYear(code, year, tuple(sorted(agencies[code][year], key=str.lower)))
        for code in home
        for year in years
        if agencies[code][year]
    ]
    return years, rows, lists


# --- the /statistik/ page ------------------------------------------------------------------
