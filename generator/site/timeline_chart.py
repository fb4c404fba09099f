"""The replication timeline: one lane per region, stages as numbered marks placed by date
along a shared year axis (drawn with the pieces of `charts`).

It is on every replicated innovation's page, so its look is in katalog.css ("Timeline
drawing": a class per kind of element, a stage's colour from its mark's `data-stage`)
rather than in presentation attributes repeated on every element, and its coordinates are
written as short as they read."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from generator.site.charts import num, short_region_name, shorten, svg_open

SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
LABEL_WIDTH, LEFT, RIGHT, HEAD, LANE_HEIGHT = 170.0, 182.0, 700.0, 30.0, 56.0


@dataclass(frozen=True)
class Mark:
    """One dated stage on a lane."""

    date: dt.date
    stage: str
    symbol: str
    label: str
    date_label: str


@dataclass(frozen=True)
class Lane:
    key: str
    label: str
    marks: tuple[Mark, ...] = field(default_factory=tuple)


def short_date(year: int, month: int = 0) -> str:
    """`Sep 2023` or `2023`: a date label short enough for a mark on a time axis."""
    return f"{SHORT_MONTHS[month - 1]} {year}" if month else str(year)


def timeline(chart_id: str, title: str, desc: str, lanes: list[Lane]) -> Markup:
    """One lane per region, stages as numbered marks placed by date along a shared year axis.

    Date labels go above or below their mark, wherever they do not overlap a neighbour; a
    label that fits neither place is left out of the drawing (the table beside has them all).
    """
    width = RIGHT + 20
    height = HEAD + LANE_HEIGHT * max(1, len(lanes)) + 6
    dates = [m.date for lane in lanes for m in lane.marks]
    first_year = min(dates).year if dates else 2000
    last_year = max(dates).year if dates else 2000
    start, end = dt.date(first_year, 1, 1), dt.date(last_year + 1, 1, 1)
    span = (end - start).days

    def x_of(date: dt.date) -> float:
        return LEFT + (date - start).days / span * (RIGHT - LEFT)

    parts = [svg_open(chart_id, width, height, title, desc, "timeline")]
    parts += _year_axis(first_year, last_year, height, x_of)
    for index, lane in enumerate(lanes):
        parts += _lane(lane, HEAD + index * LANE_HEIGHT + LANE_HEIGHT / 2, x_of)
    parts.append("</svg>")
    return Markup("".join(parts))


def _year_axis(
    first_year: int, last_year: int, height: float, x_of: Callable[[dt.date], float]
) -> list[str]:
    """A grid line and a label for every year (every few years on a long axis): all lines
    one path, all labels one text."""
    step = max(1, math.ceil((last_year + 1 - first_year) / 10))
    years = range(first_year, last_year + 2, step)
    xs = [x_of(dt.date(year, 1, 1)) for year in years]
    top, bottom = num(HEAD - 6), num(height - 4 - (HEAD - 6))
    lines = "".join(f"M{num(x)} {top}v{bottom}" for x in xs)
    labels = "".join(
        f'<tspan x="{num(x + 3)}">{year}</tspan>'
        for year, x in zip(years, xs, strict=True)
        if year <= last_year
    )
    return [
        f'<path class="k-tl-grid" d="{lines}"/>',
        f'<text class="k-tl-year" y="{num(HEAD - 12)}">{labels}</text>',
    ]


def _lane(lane: Lane, middle: float, x_of: Callable[[dt.date], float]) -> list[str]:
    """One region's lane: its name, a line from its first to its last stage, the marks."""
    parts = [
        f'<g class="k-lane" data-key="{escape(lane.key)}">',
        _text("k-tl-lane", LABEL_WIDTH, middle + 4, shorten(short_region_name(lane.label), 27)),
    ]
    xs = [x_of(m.date) for m in lane.marks]
    if len(xs) > 1:
        parts.append(
            f'<line class="k-tl-line" x1="{num(xs[0])}" y1="{num(middle)}" '
            f'x2="{num(xs[-1])}" y2="{num(middle)}"/>'
        )
    ends = {"above": -1e9, "below": -1e9}
    for mark, x in zip(lane.marks, xs, strict=True):
        parts += _mark(mark, x, middle, ends)
    parts.append("</g>")
    return parts


def _mark(mark: Mark, x: float, middle: float, ends: dict[str, float]) -> list[str]:
    """A numbered mark with its date above or below it, where the label does not overlap the
    previous one (`ends`: where the last label of each row ends)."""
    parts = [
        f'<g class="k-mark" data-stage="{escape(mark.stage)}" '
        f'data-date="{mark.date.isoformat()}"><title>{escape(mark.label)}</title>'
        f'<circle cx="{num(x)}" cy="{num(middle)}" r="8.5"/>',
        _text("k-tl-n", x, middle + 4, mark.symbol),
    ]
    half = len(mark.date_label) * 2.9 + 2
    for row, dy in (("above", -13.0), ("below", 22.0)):
        if x - half > ends[row] + 4:
            ends[row] = x + half
            parts.append(_text("k-tl-date", x, middle + dy, mark.date_label))
            break
    parts.append("</g>")
    return parts


def _text(kind: str, x: float, y: float, text: str) -> str:
    """A text of the drawing; its size, weight, anchor and colour come from its class."""
    return f'<text class="{kind}" x="{num(x)}" y="{num(y)}">{escape(text)}</text>'
