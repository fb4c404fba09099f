"""What the open data costs a build (issue 22): the CPU and wall time of making every data file
(`export_files`) and of writing them (`write_files`), alone, outside MkDocs, and the bytes and
files of each kind. `python -m devtools open-data --catalogue DIR --out DIR`.

The catalogue is read first (not timed) and frozen out of the collector's walks, as the
command line's build does; the files are made for the region pages the site has (the home
province's too). `--profile N` adds the N costliest functions of making them (cProfile
inflates the times, so the totals come from a run without it)."""

from __future__ import annotations

import cProfile
import gc
import io
import pstats
import resource
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# A file's kind: the first matching rule, by the file's site path.
KINDS = (
    ("data/katalog.json", "katalog.json"),
    ("data/excel/", "data/excel/*.csv"),
    ("data/dcat.jsonld", "dcat.jsonld"),
    ("data/katalog.xlsx", "katalog.xlsx"),
    ("data/schema/", "data/schema/*"),
    ("data/", "data/* (csv, others)"),
    ("inovasi/", "inovasi/*.json"),
    ("replikasi/", "replikasi/*.json"),
    ("wilayah/", "wilayah/*.json"),
    ("kegiatan/", "kegiatan/*.json"),
    ("", "others"),
)


def kind_of(path: str) -> str:
    return next(kind for prefix, kind in KINDS if path.startswith(prefix))


def _timed(action: Callable[[], T]) -> tuple[T, float, float]:
    """`action`'s result, the CPU seconds (user + system) it took and its wall seconds."""
    before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    result = action()
    after, wall = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter() - start
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return result, cpu, wall


def measure(catalogue_dir: Path, out_dir: Path, profile: int = 0) -> str:
    """The report: times, then bytes and files per kind (and per innovation)."""
    from generator.data.exports import build_date_for, export_files, write_files
    from generator.records.validate import read_catalogue

    catalogue = read_catalogue(catalogue_dir).catalogue
    if catalogue is None:
        raise SystemExit(f"{catalogue_dir}: the catalogue has problems")
    gc.collect()
    gc.freeze()
    read_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    date = build_date_for(catalogue)
    codes = catalogue.home_codes

    def make() -> Any:
        return export_files(catalogue, None, date, codes, html_redirects=False)

    if out_dir.exists() and any(out_dir.iterdir()):
        # Emptying it here would time ext4 reusing the freed inodes (several times slower,
        # `search.documents.scratch_parent`), not the writing.
        raise SystemExit(f"{out_dir}: not empty; give a new folder")
    files, make_cpu, make_wall = _timed(make)
    _, write_cpu, write_wall = _timed(partial(write_files, out_dir, files))
    innovations = len(catalogue.innovations)
    lines = [
        f"{innovations} inovasi, {len(files)} berkas",
        f"export_files: CPU {make_cpu:.2f} s, wall {make_wall:.2f} s",
        f"write_files:  CPU {write_cpu:.2f} s, wall {write_wall:.2f} s",
        f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
        f" (the catalogue read: {read_rss} MB)",
        "",
        f"{'kind':<22} {'files':>7} {'bytes':>13} {'B/innovation':>13}",
    ]
    sizes: dict[str, list[int]] = {}
    for file in files:
        sizes.setdefault(kind_of(file.path), []).append(file.size)
    total = 0
    for _, kind in KINDS:
        if kind in sizes:
            size = sum(sizes[kind])
            total += size
            lines.append(
                f"{kind:<22} {len(sizes[kind]):>7} {size:>13,} {size / innovations:>13,.0f}"
            )
    lines.append(f"{'total':<22} {len(files):>7} {total:>13,} {total / innovations:>13,.0f}")
    del files
    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(make)
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(profile)
        lines += ["", stream.getvalue()]
    return "\n".join(lines)
