"""What a built site holds: its bytes and files, where the bytes go, and the largest HTML page
of each kind (the goal: every page light, whatever the size of the catalogue).

The kinds follow the site's addresses (`generator/records/urls.py`), written out here so
that the benchmark measures any site at those addresses, ours or the Hugo yardstick's."""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# Folders under `inovasi/` that hold filtered listings, not innovations.
FILTER_FOLDERS = frozenset({"bidang", "tahun", "tahap", "status", "direplikasi"})
PAGED = "halaman"  # `<listing>/halaman/<n>/`: the later pages of a paged listing

# The kinds, in the report's order, with what each holds.
KINDS = {
    "innovation": "innovation pages (`/inovasi/<slug>/`)",
    "replication": "replication pages (`/replikasi/<slug>/`)",
    "region": "region pages (`/wilayah/<slug>/`, the first page of its innovations)",
    "event": "event pages (`/kegiatan/<slug>/`, the first page of its board)",
    "innovations listing": "`/inovasi/` and its `halaman/<n>/` pages",
    "filtered listings": "sector, year, stage, status and replicated listings and their pages",
    "region listing pages": "`/wilayah/<slug>/halaman/<n>/`",
    "commitment board pages": "`/kegiatan/<slug>/halaman/<n>/`",
    "statistics": "`/statistik/`",
    "hubs": "`/wilayah/`, `/replikasi/`, `/kegiatan/` and their pages",
    "other pages": "home, about, contributing, open data, search, 404",
}

# Where the bytes go, in the report's order.
PARTS = ("HTML pages", "JSON twins", "search index", "open data", "assets", "other")


@dataclass
class KindFacts:
    """The pages of one kind: how many, and the largest (bytes, site-relative path)."""

    pages: int
    bytes: int
    path: str


@dataclass
class SiteFacts:
    files: int
    bytes: int
    innovation_pages: int
    innovation_page_median: float | None
    part_bytes: dict[str, int] = field(default_factory=dict)
    part_files: dict[str, int] = field(default_factory=dict)
    largest: dict[str, KindFacts] = field(default_factory=dict)

    @property
    def largest_page(self) -> KindFacts | None:
        """The largest HTML page of the whole site."""
        return max(self.largest.values(), key=lambda kind: kind.bytes, default=None)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SiteFacts:
        """Read back from results.json; older files lack the later fields."""
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        largest = known.get("largest") or {}
        assert isinstance(largest, dict)
        known["largest"] = {kind: KindFacts(**facts) for kind, facts in largest.items()}
        return cls(**known)  # type: ignore[arg-type]


def page_kind(path: PurePosixPath) -> str:
    """The kind of the HTML page at `path` (relative to the site)."""
    parts = path.parts
    if len(parts) < 2 or parts[-1] != "index.html":
        return "other pages"
    top, inner = parts[0], parts[1:-1]
    if top == "statistik" and not inner:
        return "statistics"
    if top == "inovasi":
        if not inner or inner[0] == PAGED:
            return "innovations listing"
        if inner[0] in FILTER_FOLDERS:
            return "filtered listings"
        return "innovation"
    kinds = {"replikasi": "replication", "wilayah": "region", "kegiatan": "event"}
    if top not in kinds:
        return "other pages"
    if not inner or inner[0] == PAGED:
        return "hubs"
    if len(inner) == 1:
        return kinds[top]
    if top == "wilayah":
        return "region listing pages"
    return "commitment board pages" if top == "kegiatan" else "other pages"


def file_part(path: PurePosixPath) -> str:
    """Where a file's bytes go in the breakdown (`PARTS`)."""
    top = path.parts[0] if len(path.parts) > 1 else ""
    if top == "pagefind":
        return "search index"
    if top == "data":
        return "open data"
    if top in ("assets", "css", "js"):
        return "assets"
    if path.suffix == ".html":
        return "HTML pages"
    if path.suffix == ".json":
        return "JSON twins"
    return "other"


def site_facts(site: Path) -> SiteFacts:
    """Size of a built site, where its bytes go, its largest page of each kind, and the
    median size of its innovation pages."""
    facts = SiteFacts(0, 0, 0, None)
    innovation_pages: list[int] = []
    for root, _dirs, names in os.walk(site):
        for name in names:
            size = os.stat(os.path.join(root, name)).st_size
            path = PurePosixPath(Path(root, name).relative_to(site).as_posix())
            facts.files += 1
            facts.bytes += size
            part = file_part(path)
            facts.part_bytes[part] = facts.part_bytes.get(part, 0) + size
            facts.part_files[part] = facts.part_files.get(part, 0) + 1
            if path.suffix != ".html":
                continue
            kind = page_kind(path)
            if kind == "innovation":
                innovation_pages.append(size)
            known = facts.largest.get(kind)
            if known is None:
                facts.largest[kind] = KindFacts(1, size, str(path))
                continue
            known.pages += 1
            if (size, str(path)) > (known.bytes, known.path):
                known.bytes, known.path = size, str(path)
    facts.innovation_pages = len(innovation_pages)
    if innovation_pages:
        facts.innovation_page_median = float(statistics.median(innovation_pages))
    return facts
