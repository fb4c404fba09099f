"""The section of RESULTS.md for one catalogue size: the measures beside the Hugo yardstick's
with their goals, the largest page of each kind, where the site's bytes go, the runs' loads
and the notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import figures as f
from goals import goal_cell
from site_facts import KINDS, PARTS

if TYPE_CHECKING:
    from results import SizeResult
    from site_facts import SiteFacts

NOT_MEASURED = "not measured"


def size_section(r: SizeResult) -> list[str]:
    lines = [
        f"## {r.size:,} innovations",
        "",
        f"Measured {r.measured or '?'}"
        + (f" at commit `{r.commit}`" if r.commit else "")
        + (f" by `{r.command.strip()}`." if r.command else "."),
        "",
        f"Catalogue: {r.summary or '?'} {r.catalogue_files:,} files, "
        f"{f.mb(r.catalogue_bytes)} MB; synth took "
        f"{f.seconds(r.synth.seconds if r.synth else None)} s.",
        "",
        "| measure | katalog | Hugo + Pagefind | katalog / Hugo | goal |",
        "|---|---:|---:|---:|---|",
        *_time_rows(r),
        *_memory_rows(r),
        *_site_rows(r),
        f"| search: bytes fetched until the first results show (compressed), results found | "
        f"{_search_cell(r)} | — | — | {goal_cell('search', r)} |",
        f"| innovation page, cold cache: requests, KB sent, KB if gzipped | "
        f"{_page_load_cell(r)} | — | — | — |",
        f"| `mkdocs serve`: one record edited to page reloaded | {_serve_cell(r)} | — | — | "
        f"{goal_cell('serve', r)} |",
        "",
        *_kinds_table(r),
        *_parts_table(r),
    ]
    if r.loads:
        loads = ", ".join(f"{run} {load:.2f}" for run, load in r.loads.items())
        lines += [f"1-minute load at the start of each run: {loads}.", ""]
    for note in r.notes:
        lines += ["Note:", "", "```text", note.strip(), "```", ""]
    return lines


def _time_rows(r: SizeResult) -> list[str]:
    build, hugo = f.median_seconds(r.build), f.hugo_seconds(r)
    hugo_alone, pagefind = f.median_seconds(r.hugo), f.median_seconds(r.pagefind)
    incremental = f.median_seconds(r.incremental)
    return [
        f"| validate time, s (median of {len(f.ok(r.validate))}) | "
        f"{f.seconds(f.median_seconds(r.validate))} | — | — | — |",
        f"| `impor` of its workbook ({r.impor_rows or '?'}) into an empty catalogue: s (median"
        f" of {len(f.ok(r.impor))}), peak MiB (tree) | {f.seconds(f.median_seconds(r.impor))}, "
        f"{f.mib(f.tree_peak_bytes(r.impor))} | — | — | — |",
        f"| full build time, s (median of {len(f.ok(r.build))} / {len(f.hugo_pairs(r))}) | "
        f"{f.seconds(build)} | {f.seconds(hugo)} (Hugo {f.seconds(hugo_alone)} + Pagefind "
        f"{f.seconds(pagefind)}) | {f.times(f.build_ratio(r))} | {goal_cell('build', r)} |",
        f"| full build CPU time (user + system), s | {f.seconds(f.median_cpu(r.build))} | "
        f"{f.seconds(f.hugo_cpu(r))} | {f.times(f.ratio(f.median_cpu(r.build), f.hugo_cpu(r)))}"
        " | — |",
        f"| one-record build into the last full build's folder, s (median of "
        f"{len(f.ok(r.incremental))}) and its share of a full build | "
        + (
            f"{f.seconds(incremental)} ({f.times(f.incremental_ratio(r))})"
            if incremental is not None
            else NOT_MEASURED
        )
        + f" | — | — | {goal_cell('incremental', r)} |",
    ]


def _memory_rows(r: SizeResult) -> list[str]:
    tree, hugo_tree = f.tree_peak_bytes(r.build), f.tree_peak_bytes(f.hugo_runs(r))
    single, hugo_single = f.process_peak_bytes(r.build), f.process_peak_bytes(f.hugo_runs(r))
    shm = f.shm_peak_bytes(r.build)
    pss, hugo_pss = f.tree_pss_bytes(r.build), f.tree_pss_bytes(f.hugo_runs(r))
    return [
        f"| peak memory of the build, whole process tree, summed resident sets, MiB | "
        f"{f.mib(tree)}"
        + (f" (and {f.mib(shm)} more in /dev/shm)" if shm else "")
        + f" | {f.mib(hugo_tree)} | {f.times(f.ratio(tree, hugo_tree))} | — |",
        f"| peak memory of the build, whole process tree, proportional (PSS), MiB | {f.mib(pss)} | "
        f"{f.mib(hugo_pss)} | {f.times(f.ratio(pss, hugo_pss))} | {goal_cell('memory', r)} |",
        f"| peak memory of the build, largest single process (`wait4`), MiB | {f.mib(single)} | "
        f"{f.mib(hugo_single)} | {f.times(f.ratio(single, hugo_single))} | — |",
    ]


def _site_rows(r: SizeResult) -> list[str]:
    site, hugo = r.site, r.hugo_site
    ours_bytes = float(site.bytes) if site else None
    hugo_bytes = float(hugo.bytes) if hugo else None
    ours_files = float(site.files) if site else None
    hugo_files = float(hugo.files) if hugo else None
    ours_page = site.innovation_page_median if site else None
    hugo_page = hugo.innovation_page_median if hugo else None
    per = f.per_innovation
    return [
        f"| site size, MB | {f.mb(ours_bytes)} | {f.mb(hugo_bytes)} | "
        f"{f.times(f.bytes_ratio(r))} | {goal_cell('site bytes', r)} |",
        f"| site size per innovation, KB | {f.kb(per(ours_bytes, r))} | "
        f"{f.kb(per(hugo_bytes, r))} | {f.times(f.bytes_ratio(r))} | "
        f"{goal_cell('bytes per innovation', r)} |",
        f"| site files (per innovation) | {f.count(ours_files)} ({_one(per(ours_files, r))}) | "
        f"{f.count(hugo_files)} ({_one(per(hugo_files, r))}) | "
        f"{f.times(f.ratio(ours_files, hugo_files))} | — |",
        f"| bytes per innovation page (median of the innovation pages) | {f.count(ours_page)} | "
        f"{f.count(hugo_page)} | {f.times(f.ratio(ours_page, hugo_page))} | — |",
        f"| largest HTML page, KB (see below) | {_largest_cell(site)} | {_largest_cell(hugo)} | "
        f"— | {goal_cell('pages', r)} |",
    ]


def _one(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _largest_cell(site: SiteFacts | None) -> str:
    page = site.largest_page if site else None
    return "—" if page is None else f"{f.kb(page.bytes)} (`{page.path}`)"


def _kinds_table(r: SizeResult) -> list[str]:
    if not r.site or not r.site.largest:
        return []  # a size measured by an older benchmark
    lines = [
        "The largest HTML page of each kind (KB), and how many pages of the kind there are:",
        "",
        "| kind | pages | largest, KB | page | Hugo: pages | Hugo: largest, KB |",
        "|---|---:|---:|---|---:|---:|",
    ]
    hugo = r.hugo_site.largest if r.hugo_site else {}
    for kind, what in KINDS.items():
        ours = r.site.largest.get(kind)
        theirs = hugo.get(kind)
        if ours is None and theirs is None:
            continue
        lines.append(
            f"| {kind}: {what} | {f.count(ours.pages if ours else None)} | "
            f"{f.kb(ours.bytes if ours else None)} | {f'`{ours.path}`' if ours else '—'} | "
            f"{f.count(theirs.pages if theirs else None)} | "
            f"{f.kb(theirs.bytes if theirs else None)} |"
        )
    return [*lines, ""]


def _parts_table(r: SizeResult) -> list[str]:
    if not r.site or not r.site.part_bytes:
        return []  # a size measured by an older benchmark
    lines = [
        "Where the site's bytes go (MB, and files):",
        "",
        "| part | katalog | per innovation, KB | Hugo + Pagefind | per innovation, KB |",
        "|---|---:|---:|---:|---:|",
    ]
    for part in PARTS:
        cells = []
        for site in (r.site, r.hugo_site):
            size = site.part_bytes.get(part) if site else None
            files = site.part_files.get(part, 0) if site else 0
            cells.append(
                f"{f.mb(size)} ({files:,})" if size is not None else "—",
            )
            cells.append(f.kb(f.per_innovation(size, r)))
        lines.append(f"| {part} | {' | '.join(cells)} |")
    return [*lines, ""]


def _serve_cell(r: SizeResult) -> str:
    if not r.serve_edits:
        failed = any(note.startswith("mkdocs serve") for note in r.notes)
        return "not measured (see the note)" if failed else NOT_MEASURED
    parts = [f"median of {len(r.serve_edits)}: " + ", ".join(f"{s:.1f}" for s in r.serve_edits)]
    if r.serve_first_build is not None:
        parts.append(f"first build served after {r.serve_first_build:.1f} s")
    if r.serve_idle_cpu is not None:
        parts.append(f"idle server used {r.serve_idle_cpu:.0%} of a core")
    return f"{f.seconds(f.median_of(r.serve_edits))} s ({'; '.join(parts)})"


def _search_cell(r: SizeResult) -> str:
    if not r.search_bytes:
        return NOT_MEASURED
    return "; ".join(
        f"`{query}` {f.kb(size)} KB"
        + (f", {r.search_results[query]:,}" if query in r.search_results else "")
        for query, size in r.search_bytes.items()
    )


def _page_load_cell(r: SizeResult) -> str:
    load = r.page_load
    if not load:
        return NOT_MEASURED
    return (
        f"{load['requests']} requests, {f.kb(load['transferred'])} KB, "
        f"~{f.kb(load['gzip_bodies'])} KB"
    )
