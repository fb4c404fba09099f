"""The figures the report and the goals take from one size's runs (medians of the runs that
finished, peaks over them), and how each is written. KB and MB are 1,000 and 1,000,000
bytes (the hosts' limits are written so); memory is in MiB and GiB."""

from __future__ import annotations

from typing import TYPE_CHECKING

from measure import Run, median

if TYPE_CHECKING:
    from results import SizeResult

GIB = 1024**3


def median_of(values: list[float]) -> float | None:
    return median(values) if values else None


def ok(runs: list[Run]) -> list[Run]:
    return [run for run in runs if run.ok]


def median_seconds(runs: list[Run]) -> float | None:
    done = ok(runs)
    return median([run.seconds for run in done]) if done else None


def median_cpu(runs: list[Run]) -> float | None:
    done = [run for run in ok(runs) if run.cpu_seconds]
    return median([run.cpu_seconds for run in done]) if done else None


def tree_peak_bytes(runs: list[Run]) -> float | None:
    """The peak summed resident set of the process tree over the runs (older results.json
    files did not sample it)."""
    done = [run for run in ok(runs) if run.tree_peak_kib]
    return float(max(run.tree_peak_kib for run in done)) * 1024 if done else None


def tree_pss_bytes(runs: list[Run]) -> float | None:
    """The peak summed proportional set of the process tree over the runs (`TreeSampler`)."""
    done = [run for run in ok(runs) if run.tree_pss_kib]
    return float(max(run.tree_pss_kib for run in done)) * 1024 if done else None


def tree_memory_bytes(runs: list[Run]) -> float | None:
    """What the memory goals are judged on: the tree's proportional set, or, for results
    measured before it was sampled, its summed resident set (an upper bound)."""
    return tree_pss_bytes(runs) or tree_peak_bytes(runs)


def process_peak_bytes(runs: list[Run]) -> float | None:
    """The largest single process's peak resident set over the runs (wait4)."""
    done = ok(runs)
    return float(max(run.peak_kib for run in done)) * 1024 if done else None


def shm_peak_bytes(runs: list[Run]) -> float | None:
    done = [run for run in ok(runs) if run.shm_peak_kib]
    return float(max(run.shm_peak_kib for run in done)) * 1024 if done else None


def hugo_pairs(r: SizeResult) -> list[tuple[Run, Run]]:
    """(hugo, pagefind) of each yardstick run where both finished."""
    return [(h, p) for h, p in zip(r.hugo, r.pagefind, strict=False) if h.ok and p.ok]


def hugo_seconds(r: SizeResult) -> float | None:
    """Median over the yardstick's runs of Hugo's time plus Pagefind's."""
    pairs = hugo_pairs(r)
    return median([h.seconds + p.seconds for h, p in pairs]) if pairs else None


def hugo_cpu(r: SizeResult) -> float | None:
    pairs = hugo_pairs(r)
    return median([h.cpu_seconds + p.cpu_seconds for h, p in pairs]) if pairs else None


def hugo_runs(r: SizeResult) -> list[Run]:
    """Both steps of every finished yardstick run (for peaks: they run one after the other)."""
    return [run for pair in hugo_pairs(r) for run in pair]


def incremental_ratio(r: SizeResult) -> float | None:
    return ratio(median_seconds(r.incremental), median_seconds(r.build))


def build_ratio(r: SizeResult) -> float | None:
    return ratio(median_seconds(r.build), hugo_seconds(r))


def bytes_ratio(r: SizeResult) -> float | None:
    ours = r.site.bytes if r.site else None
    return ratio(ours, r.hugo_site.bytes if r.hugo_site else None)


def per_innovation(value: float | None, r: SizeResult) -> float | None:
    return None if value is None else value / r.size


def ratio(ours: float | None, theirs: float | None) -> float | None:
    if ours is None or theirs is None or theirs == 0:
        return None
    return ours / theirs


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def mib(value: float | None) -> str:
    return "—" if value is None else f"{value / 1024**2:,.0f}"


def gib(value: float | None) -> str:
    return "—" if value is None else f"{value / GIB:.2f} GiB"


def mb(value: float | None) -> str:
    return "—" if value is None else f"{value / 1e6:,.1f}"


def kb(value: float | None) -> str:
    return "—" if value is None else f"{value / 1e3:,.0f}"


def count(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def times(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}×" if value >= 0.1 else f"{value:.2g}×"
