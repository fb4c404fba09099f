"""Read a whole catalogue folder, check every record, and build the model when all is well.

All problems of all files are collected in one run; the model is built only from a catalogue
without problems, so nothing downstream sees a half-valid record.
"""

from __future__ import annotations

import gc
import marshal
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Any

from generator.records.catalogue import Catalogue
from generator.records.files import (
    SECTOR_FILE,
    Record,
    load_reference_file,
    record_files,
    slug_problem,
)
from generator.records.loader import LoadedFile, Located, load_file
from generator.records.model import (
    Sector,
    event_from,
    innovation_from,
    profile_from,
    replication_from,
)
from generator.records.problems import Problem, display_path, one_message_per_spot
from generator.records.regions import PROVINCE_FILE, REGENCY_FILE, RegionTable
from generator.records.rules import check_cross_references
from generator.records.schema import RECORD_KINDS, check_against_schema, guide_for
from generator.records.settings import Settings, read_settings
from generator.records.synonyms import Synonyms, read_synonyms


@dataclass
class ReadResult:
    catalogue: Catalogue | None
    problems: list[Problem]
    records: list[Record] = field(default_factory=list)

    def count(self, kind: str) -> int:
        """How many records of `kind` were read (loaded, valid or not)."""
        return sum(1 for record in self.records if record.kind == kind)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while records load.

    Loading allocates hundreds of thousands of small objects (YAML nodes, values) and keeps
    many of them; with the collector running, its full passes over them made loading 10,000
    innovations several times slower (measured: 15 s against 5 s). None of them form cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class RecordCache:
    """Each record file's loaded values and schema problems, reused while the file is
    unchanged: `mkdocs serve` reads the whole catalogue again after every edit, and most of
    that time went into parsing and checking files that had not changed. Cross-record rules
    always run again."""

    def __init__(self) -> None:
        self._entries: dict[tuple[Path, str], tuple[tuple[int, ...], LoadedFile, list[Problem]]]
        self._entries = {}
        self._seen: set[tuple[Path, str]] = set()

    def check(self, kind: str, path: Path, display: str) -> tuple[LoadedFile, list[Problem]]:
        """The file loaded and checked against its kind's schema, from the cache if its size,
        times and inode are those seen last time."""
        key = (path, display)
        self._seen.add(key)
        try:
            info = path.stat()
            stamp: tuple[int, ...] = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)
        except OSError:
            stamp = ()
        cached = self._entries.get(key)
        if stamp and cached is not None and cached[0] == stamp:
            return cached[1], cached[2]
        loaded, problems = _check_file(kind, path, display)
        if stamp:
            self._entries[key] = (stamp, loaded, problems)
        return loaded, problems

    def forget_unseen(self) -> None:
        """Drop the files not read since the last call (deleted records, another folder)."""
        self._entries = {k: v for k, v in self._entries.items() if k in self._seen}
        self._seen = set()


def _check_file(kind: str, path: Path, display: str) -> tuple[LoadedFile, list[Problem]]:
    loaded = load_file(path, display, guide_for(kind))
    if loaded.data is None:
        return loaded, []
    return loaded, check_against_schema(kind, loaded.data, display)


Checked = tuple[LoadedFile, list[Problem]]
PARALLEL_FROM = 2000  # record files; below this, one process is quicker than starting two
_JOBS: list[tuple[str, Path, str]] = []  # what the checking processes inherit when forked


_Row = tuple[Any, bool, list[tuple[Any, ...]], list[tuple[Any, ...]]]


def _check_part(part: int, parts: int) -> bytes:
    """Check every `parts`-th file from `part` on, in a forked process. What travels back is
    plain values in `marshal`'s format (a fifth of the time of pickling the checked
    files): each file's values, whether it loaded, and its problems as tuples. The text
    and node tree stay behind; a position asked for later reads the file again."""
    rows: list[_Row] = []
    for kind, path, display in _JOBS[part::parts]:
        loaded, found = _check_file(kind, path, display)
        loaded_value = loaded.data.value if loaded.data is not None else None
        rows.append(
            (
                loaded_value,
                loaded.data is not None,
                [astuple(p) for p in loaded.problems],
                [astuple(p) for p in found],
            )
        )
    return marshal.dumps(rows)


def _checked_from(rows: bytes, jobs: list[tuple[str, Path, str]]) -> list[Checked]:
    checked: list[Checked] = []
    for (value, loaded, problems, found), (_, path, display) in zip(
        marshal.loads(rows), jobs, strict=True
    ):
        data = Located(value, source=path) if loaded else None
        checked.append(
            (
                LoadedFile(display, data, [Problem(*p) for p in problems]),
                [Problem(*p) for p in found],
            )
        )
    return checked


def _check_files(jobs: list[tuple[str, Path, str]], cache: RecordCache | None) -> list[Checked]:
    """Every record file loaded and checked against its schema, in the order of `jobs`. A
    large catalogue is shared by two forked processes (parsing YAML is most of a validation);
    `mkdocs serve` reads through its cache instead, where little is parsed again."""
    global _JOBS
    parts = min(2, os.cpu_count() or 1)
    if cache is not None:
        return [cache.check(kind, path, display) for kind, path, display in jobs]
    if len(jobs) < PARALLEL_FROM or parts < 2:
        return [_check_file(kind, path, display) for kind, path, display in jobs]
    _JOBS = jobs
    try:
        # This process checks one part itself while the others are checked in forked
        # processes: only their results travel back (`_check_part`), not all of them.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(parts - 1, mp_context=context) as pool:
            others = [pool.submit(_check_part, part, parts) for part in range(1, parts)]
            own = [_check_file(kind, path, display) for kind, path, display in jobs[::parts]]
            results = [own] + [
                _checked_from(future.result(), jobs[part::parts])
                for part, future in enumerate(others, start=1)
            ]
    finally:
        _JOBS = []
    checked: list[Checked] = [None] * len(jobs)  # type: ignore[list-item]
    for part, result in enumerate(results):
        checked[part::parts] = result
    return checked


def read_catalogue(
    folder: Path,
    require_sources: bool | None = None,
    cache: RecordCache | None = None,
    model: bool = True,
) -> ReadResult:
    """Load and check every record under `folder`; the model only when there is no problem.
    With a `cache`, unchanged record files are not read again. With `model=False` (checking
    only, as `validate` does) no model is made: no problems means valid, and `catalogue` is
    None either way (the model took a tenth of validating 10,000 innovations)."""
    with _collector_paused():
        result = _read_catalogue(folder, require_sources, cache, model)
    if cache is not None:
        cache.forget_unseen()
    return result


def _read_catalogue(
    folder: Path, require_sources: bool | None, cache: RecordCache | None, model: bool
) -> ReadResult:
    absent = _absent_essentials(folder)
    if absent:
        return ReadResult(None, absent)
    regions = RegionTable.read(folder / "referensi")
    problems: list[Problem] = []
    settings = read_settings(folder, regions, problems)
    if require_sources is None:
        require_sources = settings.require_sources
    sector_list = _read_sectors(folder, problems)
    synonyms = read_synonyms(folder, problems)
    jobs = _record_jobs(folder, problems)
    records, specific, schema_problems = _load_records(jobs, cache)
    if require_sources:
        problems.extend(missing_sources(records))
    specific.extend(check_cross_references(records, regions, {s.kode for s in sector_list}))
    problems = sorted(set(problems + one_message_per_spot(specific, schema_problems)))
    if problems or not model:
        return ReadResult(None, problems, records)
    return ReadResult(_build(records, regions, sector_list, settings, synonyms), [], records)


def _absent_essentials(folder: Path) -> list[Problem]:
    """The problem when there is no catalogue to read: no folder, or no national region
    table (every record's region is checked against it)."""
    if not folder.is_dir():
        return [Problem(str(folder), 1, 1, "", "folder katalog tidak ditemukan")]
    referensi = folder / "referensi"
    if not (referensi / PROVINCE_FILE).is_file() or not (referensi / REGENCY_FILE).is_file():
        return [
            Problem(
                display_path(referensi / REGENCY_FILE),
                1,
                1,
                "",
                "tabel wilayah nasional tidak ada",
                "salin folder referensi/ dari katalog utama",
            )
        ]
    return []


def _read_sectors(folder: Path, problems: list[Problem]) -> list[Sector]:
    sectors_located = load_reference_file(folder / SECTOR_FILE, "bidang", problems)
    if sectors_located is None and not (folder / SECTOR_FILE).is_file():
        problems.append(
            Problem(
                display_path(folder / SECTOR_FILE),
                1,
                1,
                "",
                "kosakata bidang tidak ada",
                "buat berkas daftar {kode, nama}",
            )
        )
    return _sectors(sectors_located, display_path(folder / SECTOR_FILE), problems)


def _record_jobs(folder: Path, problems: list[Problem]) -> list[tuple[str, Path, str]]:
    """(kind, path, display) of every record file to load; a file or folder that cannot be
    one is a problem instead."""
    jobs: list[tuple[str, Path, str]] = []
    for kind in RECORD_KINDS:
        for stray in sorted((folder / kind).glob("*.yaml")) if (folder / kind).is_dir() else []:
            problems.append(
                Problem(
                    display_path(stray),
                    1,
                    1,
                    "",
                    "ekstensi berkas harus `.yml`",
                    f"ganti nama menjadi `{stray.stem}.yml`",
                )
            )
        shown_dir = display_path(folder / kind)
        if (folder / kind).is_symlink():
            # A symlinked folder would make the build read files outside the catalogue.
            problems.append(
                Problem(
                    shown_dir, 1, 1, "",
                    f"folder `{kind}/` tidak boleh berupa tautan simbolik",
                    "ganti tautan dengan folder yang sebenarnya",
                )
            )  # fmt: skip
            continue
        for path in record_files(folder, kind):
            display = f"{shown_dir}/{path.name}"
            problem = slug_problem(kind, path.stem, display)
            if problem is not None:
                problems.append(problem)
                continue
            jobs.append((kind, path, display))
    return jobs


def _load_records(
    jobs: list[tuple[str, Path, str]], cache: RecordCache | None
) -> tuple[list[Record], list[Problem], list[Problem]]:
    """The records that loaded, the loader's problems (specific: a value's own message) and
    the schema's problems (generic), kept apart so that one message per spot remains."""
    records = []
    loader_problems: list[Problem] = []
    schema_problems: list[Problem] = []
    for (kind, path, display), (loaded, found) in zip(jobs, _check_files(jobs, cache), strict=True):
        loader_problems.extend(loaded.problems)
        if loaded.data is None:
            continue
        schema_problems.extend(found)
        records.append(Record(kind, path.stem, path, display, loaded.data))
    return records, loader_problems, schema_problems


def _sectors(located: Located | None, display: str, problems: list[Problem]) -> list[Sector]:
    if located is None or not isinstance(located.value, list):
        return []
    sectors: list[Sector] = []
    seen: set[str] = set()
    for index, item in enumerate(located.value):
        if not isinstance(item, dict) or "kode" not in item or "nama" not in item:
            continue
        if item["kode"] in seen:
            line, column = located.position((index, "kode"))
            problems.append(
                Problem(
                    display,
                    line,
                    column,
                    f"[{index}].kode",
                    f"kode bidang `{item['kode']}` muncul dua kali",
                )
            )
        seen.add(item["kode"])
        sectors.append(Sector(item["kode"], item["nama"], item.get("uraian") or ""))
    return sectors


def missing_sources(records: list[Record]) -> list[Problem]:
    """A problem for every record without `sumber` (the shipped catalogue requires them)."""
    problems = []
    for record in records:
        if isinstance(record.data.value, dict) and not record.values.get("sumber"):
            problems.append(
                Problem(
                    record.display, 1, 1, "sumber",
                    "catatan di katalog resmi wajib punya `sumber`",
                    "tambahkan `sumber:` dengan judul, url, dan tanggal halaman yang menyatakan "
                    "faktanya",
                )
            )  # fmt: skip
    return problems


def _build(
    records: list[Record],
    regions: RegionTable,
    sectors: list[Sector],
    settings: Settings,
    synonyms: Synonyms,
) -> Catalogue:
    by_kind: dict[str, list[Record]] = {kind: [] for kind in RECORD_KINDS}
    for record in records:
        by_kind[record.kind].append(record)

    return Catalogue(
        regions=regions,
        sectors=sectors,
        profiles=[profile_from(r.slug, r.relative, r.values) for r in by_kind["wilayah"]],
        innovations=[innovation_from(r.slug, r.relative, r.values) for r in by_kind["inovasi"]],
        replications=[replication_from(r.slug, r.relative, r.values) for r in by_kind["replikasi"]],
        events=[event_from(r.slug, r.relative, r.values) for r in by_kind["kegiatan"]],
        home_province=settings.home_province,
        identity=settings.identity,
        synonyms=synonyms,
    )
