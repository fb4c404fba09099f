"""The goals of issue 22 (national scale), each checked at the sizes the issue sets it for:
met, not met (and by how much), or not measured."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import figures as f

if TYPE_CHECKING:
    from results import SizeResult


@dataclass(frozen=True)
class Goal:
    key: str  # the report row it belongs to
    text: str  # the goal, in words
    limit_text: str  # the limit alone, for a report row's goal cell
    sizes: tuple[int, ...]
    limit: float
    # The measured value (None when not measured) and how it reads.
    value: Callable[[SizeResult], float | None]
    render: Callable[[float | None], str]


def _largest_page(r: SizeResult) -> float | None:
    page = r.site.largest_page if r.site else None
    return float(page.bytes) if page else None


def _bytes_per_innovation(r: SizeResult) -> float | None:
    return f.per_innovation(float(r.site.bytes) if r.site else None, r)


def _first_search(r: SizeResult) -> float | None:
    return float(max(r.search_bytes.values())) if r.search_bytes else None


def _serve(r: SizeResult) -> float | None:
    return f.median_of(r.serve_edits)


def _kb(value: float | None) -> str:
    return "—" if value is None else f"{f.kb(value)} KB"


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{f.seconds(value)} s"


GOALS = (
    Goal(
        "pages", "every HTML page ≤ 150 KB", "≤ 150 KB", (50000,), 150e3, _largest_page, _kb
    ),
    Goal(
        "bytes per innovation", "site ≤ 40 KB per innovation", "≤ 40 KB", (10000,), 40e3,
        _bytes_per_innovation, _kb,
    ),
    Goal(
        "memory", "peak memory of the build's process tree (PSS) ≤ 1 GiB", "≤ 1 GiB", (10000,),
        1 * f.GIB, lambda r: f.tree_memory_bytes(r.build), f.gib,
    ),
    Goal(
        "memory", "peak memory of the build's process tree (PSS) ≤ 2 GiB", "≤ 2 GiB", (50000,),
        2 * f.GIB, lambda r: f.tree_memory_bytes(r.build), f.gib,
    ),
    Goal(
        "search", "first search results ≤ 300 KB, every query", "≤ 300 KB each", (50000,),
        300e3, _first_search, _kb,
    ),
    Goal(
        "serve", "`mkdocs serve` shows an edit ≤ 3 s", "≤ 3 s", (1000, 10000), 3.0, _serve,
        _seconds,
    ),
    Goal(
        "incremental", "one-record build ≤ ¼ of a full build", "≤ 0.25×", (10000,), 0.25,
        f.incremental_ratio, f.times,
    ),
    Goal(
        "build", "full build ≤ 0.8× Hugo + Pagefind's time", "≤ 0.8×", (10000, 50000), 0.8,
        f.build_ratio, f.times,
    ),
    Goal(
        "site bytes", "site bytes ≤ 2× Hugo + Pagefind's", "≤ 2×", (10000, 50000), 2.0,
        f.bytes_ratio, f.times,
    ),
)  # fmt: skip


def verdict(goal: Goal, value: float | None) -> str:
    if value is None:
        return "not measured"
    if value <= goal.limit:
        return "met"
    return f"**not met**: {value / goal.limit:.2f}× the limit"


def goals_table(results: list[SizeResult]) -> list[str]:
    """A row per goal and size it is set for: the measured value and the verdict."""
    by_size = {r.size: r for r in results}
    lines = ["| goal | at | measured | verdict |", "|---|---:|---:|---|"]
    for goal in GOALS:
        for size in goal.sizes:
            r = by_size.get(size)
            value = goal.value(r) if r else None
            measured = goal.render(value) if r else "size not run"
            where = _where(goal, r) if r and value is not None else ""
            lines.append(f"| {goal.text} | {size:,} | {measured}{where} | {verdict(goal, value)} |")
    return [*lines, ""]


def _where(goal: Goal, r: SizeResult) -> str:
    """Which page or query the figure comes from, where it is one of many."""
    if goal.key == "pages" and r.site and r.site.largest_page:
        return f" (`{r.site.largest_page.path}`)"
    if goal.key == "search" and r.search_bytes:
        query = max(r.search_bytes, key=lambda q: r.search_bytes[q])
        return f" (`{query}`)"
    return ""


def goal_cell(key: str, r: SizeResult) -> str:
    """The goals of one report row at this size: each with its verdict where it is set for
    this size, and with the size it is set for elsewhere."""
    cells = []
    for goal in GOALS:
        if goal.key != key:
            continue
        sizes = " and ".join(f"{size:,}" for size in goal.sizes)
        cell = f"{goal.limit_text} at {sizes}"
        if r.size in goal.sizes:
            cell += f": {verdict(goal, goal.value(r))}"
        cells.append(cell)
    return "; ".join(cells) or "—"
