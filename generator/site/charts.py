"""Charts drawn at build time as inline SVG: readable without JavaScript, scaled by viewBox.

Every chart is an `<svg role="img">` labelled by its own `<title>` and `<desc>` (the text
alternative), and every record value in it (region names, sector names) is escaped. The
numbers are also in `data-*` attributes, so tests (and curious readers of the source) can
check them against the table printed beside each chart. Colours keep at least 3:1 contrast
with the page for marks and 4.5:1 for text on marks.

Functions here draw; they never look anything up in the catalogue (see `statistics`,
`network` and `progress` for the numbers).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from markupsafe import Markup, escape

BAR_COLOUR = "#00695c"
MUTED = "#6b6b6b"
GRID = "#d0d0d0"

# One colour per replication stage; white text on each keeps 4.5:1.
STAGE_COLOURS = {
    "komitmen": "#4f5b66",
    "pendampingan": "#1565c0",
    "rencana-aksi": "#6a1b9a",
    "uji-coba": "#a64f00",
    "implementasi": "#00695c",
    "evaluasi": "#1b5e20",
    "dibatalkan": "#b71c1c",
}
# Heat map buckets, lightest first; the last two carry white text.
HEAT = ("#e0f2f1", "#a7d8d2", "#5fb3a9", "#16857a", "#004d40")

SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def _open(chart_id: str, width: float, height: float, title: str, desc: str, kind: str) -> str:
    return (
        f'<svg class="k-chart k-chart--{kind}" id="{escape(chart_id)}" role="img" '
        f'viewBox="0 0 {width:g} {height:g}" xmlns="http://www.w3.org/2000/svg" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'data-chart="{escape(kind)}">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>'
    )


def _text(
    x: float, y: float, text: str, size: float = 12, anchor: str = "start", **attrs: str
) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}"{extra}>'
        f"{escape(text)}</text>"
    )


def shorten(text: str, limit: int) -> str:
    """A label that fits its column: cut at `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def short_region_name(name: str) -> str:
    """`Kabupaten Kayong Utara` -> `Kab. Kayong Utara`, for labels where space is short."""
    for long, short in (("Kabupaten ", "Kab. "), ("Provinsi ", "Prov. ")):
        if name.startswith(long):
            return short + name[len(long) :]
    return name


# --- bar chart -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its number, and a stable key for tests and styling."""

    key: str
    label: str
    value: int
    colour: str = BAR_COLOUR


def bar_chart(chart_id: str, title: str, desc: str, bars: list[Bar]) -> Markup:
    """Horizontal bars, one per row, each labelled with its name and its number."""
    label_width, bar_left, bar_width, row = 160.0, 168.0, 200.0, 26.0
    width = bar_left + bar_width + 52
    height = max(1, len(bars)) * row + 8
    biggest = max((b.value for b in bars), default=0) or 1
    parts = [_open(chart_id, width, height, title, desc, "bar")]
    for index, bar in enumerate(bars):
        top = 4 + index * row
        length = bar.value / biggest * bar_width
        parts.append(
            f'<g class="k-bar" data-key="{escape(bar.key)}" data-label="{escape(bar.label)}" '
            f'data-value="{bar.value}">'
        )
        parts.append(
            _text(label_width, top + 17, shorten(bar.label, 25), 12, "end", fill="currentColor")
        )
        parts.append(
            f'<rect x="{bar_left:g}" y="{top + 4:g}" width="{max(length, 1.5 if bar.value else 0):.1f}" '
            f'height="{row - 8:g}" fill="{bar.colour}" rx="2"/>'
        )
        parts.append(
            _text(bar_left + length + 6, top + 17, str(bar.value), 12, fill="currentColor")
        )
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


# --- heat map ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatRow:
    key: str
    label: str
    values: tuple[int, ...]


def heat_map(
    chart_id: str, title: str, desc: str, columns: list[str], rows: list[HeatRow]
) -> Markup:
    """A grid of counts (rows by columns), each cell shaded by its number and printing it."""
    label_width, cell_w, cell_h, head = 200.0, 38.0, 24.0, 26.0
    width = label_width + cell_w * max(1, len(columns)) + 6
    height = head + cell_h * max(1, len(rows)) + 4
    biggest = max((v for r in rows for v in r.values), default=0) or 1
    parts = [_open(chart_id, width, height, title, desc, "heat")]
    for c, column in enumerate(columns):
        x = label_width + c * cell_w + cell_w / 2
        parts.append(_text(x, 17, column, 11, "middle", fill="currentColor"))
    for r, row in enumerate(rows):
        top = head + r * cell_h
        parts.append(f'<g class="k-heat-row" data-key="{escape(row.key)}">')
        parts.append(
            _text(label_width - 8, top + 16, shorten(row.label, 30), 12, "end", fill="currentColor")
        )
        for c, value in enumerate(row.values):
            x = label_width + c * cell_w
            bucket = (
                min(len(HEAT) - 1, math.ceil(value / biggest * (len(HEAT) - 1))) if value else 0
            )
            fill = HEAT[bucket] if value else "#f4f4f4"
            parts.append(
                f'<rect x="{x + 1:g}" y="{top + 1:g}" width="{cell_w - 2:g}" height="{cell_h - 2:g}" '
                f'fill="{fill}" data-column="{escape(columns[c])}" data-value="{value}"/>'
            )
            if value:
                colour = "#ffffff" if bucket >= len(HEAT) - 2 else "#102a27"
                parts.append(_text(x + cell_w / 2, top + 16, str(value), 11, "middle", fill=colour))
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


# --- replication timeline --------------------------------------------------------------------


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
    label_width, left, right, head, lane_h = 170.0, 182.0, 700.0, 30.0, 56.0
    width = right + 20
    height = head + lane_h * max(1, len(lanes)) + 6
    dates = [m.date for lane in lanes for m in lane.marks]
    first_year = min(dates).year if dates else 2000
    last_year = max(dates).year if dates else 2000
    start, end = dt.date(first_year, 1, 1), dt.date(last_year + 1, 1, 1)
    span = (end - start).days

    def x_of(date: dt.date) -> float:
        return left + (date - start).days / span * (right - left)

    parts = [_open(chart_id, width, height, title, desc, "timeline")]
    step = max(1, math.ceil((last_year + 1 - first_year) / 10))
    for year in range(first_year, last_year + 2, step):
        x = x_of(dt.date(year, 1, 1))
        parts.append(
            f'<line x1="{x:.1f}" y1="{head - 6:g}" x2="{x:.1f}" y2="{height - 4:g}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        if year <= last_year:
            parts.append(_text(x + 3, head - 12, str(year), 11, fill="currentColor"))
    for index, lane in enumerate(lanes):
        middle = head + index * lane_h + lane_h / 2
        parts.append(
            f'<g class="k-lane" data-key="{escape(lane.key)}" data-label="{escape(lane.label)}">'
        )
        parts.append(
            _text(
                label_width,
                middle + 4,
                shorten(short_region_name(lane.label), 27),
                12,
                "end",
                fill="currentColor",
                font_weight="600",
            )
        )
        xs = [x_of(m.date) for m in lane.marks]
        if len(xs) > 1:
            parts.append(
                f'<line x1="{xs[0]:.1f}" y1="{middle:g}" x2="{xs[-1]:.1f}" y2="{middle:g}" '
                f'stroke="{MUTED}" stroke-width="2"/>'
            )
        ends = {"above": -1e9, "below": -1e9}
        for mark, x in zip(lane.marks, xs, strict=True):
            colour = STAGE_COLOURS.get(mark.stage, MUTED)
            parts.append(
                f'<g class="k-mark" data-stage="{escape(mark.stage)}" '
                f'data-date="{mark.date.isoformat()}"><title>{escape(mark.label)}</title>'
                f'<circle cx="{x:.1f}" cy="{middle:g}" r="8.5" fill="{colour}" '
                f'stroke="#ffffff" stroke-width="1.5"/>'
            )
            parts.append(
                _text(x, middle + 4, mark.symbol, 11, "middle", fill="#ffffff", font_weight="700")
            )
            half = len(mark.date_label) * 2.9 + 2
            for row, dy in (("above", -13.0), ("below", 22.0)):
                if x - half > ends[row] + 4:
                    ends[row] = x + half
                    parts.append(
                        _text(x, middle + dy, mark.date_label, 10, "middle", fill="currentColor")
                    )
                    break
            parts.append("</g>")
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


# --- network -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    out_count: int
    in_count: int
    colour: str = BAR_COLOUR


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    count: int


def network(
    chart_id: str,
    title: str,
    desc: str,
    nodes: list[Node],
    edges: list[Edge],
    centre: str = "",
) -> Markup:
    """Nodes on a circle in the given order (the `centre` node, if any, in the middle),
    arrows from source to target, thicker for more.

    The size is fixed whatever the catalogue holds: callers pass a bounded number of nodes
    and edges (see `network.replication_network`).
    """
    width, height, centre_x, centre_y, radius = 800.0, 600.0, 400.0, 300.0, 190.0
    ringed = [n for n in nodes if n.key != centre]
    count = max(1, len(ringed))
    position: dict[str, tuple[float, float, float]] = {}
    if centre in {n.key for n in nodes}:
        position[centre] = (centre_x, centre_y, math.pi / 2)
    for index, node in enumerate(ringed):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        position[node.key] = (
            centre_x + radius * math.cos(angle),
            centre_y + radius * math.sin(angle),
            angle,
        )
    degree = {n.key: n.out_count + n.in_count for n in nodes}
    most = max(degree.values(), default=0) or 1
    size = {k: 7 + 11 * math.sqrt(d / most) for k, d in degree.items()}
    heaviest = max((e.count for e in edges), default=0) or 1
    parts = [_open(chart_id, width, height, title, desc, "network")]
    parts.append(
        f'<defs><marker id="{escape(chart_id)}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{BAR_COLOUR}"/></marker></defs>'
    )
    for edge in sorted(edges, key=lambda e: e.count):
        x1, y1, _ = position[edge.source]
        x2, y2, _ = position[edge.target]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        # Bend to the right of the direction, so A->B and B->A are two visible arcs.
        control_x = (x1 + x2) / 2 - dy / length * length * 0.18
        control_y = (y1 + y2) / 2 + dx / length * length * 0.18
        back = size[edge.target] + 3
        tx, ty = x2 - control_x, y2 - control_y
        tlen = math.hypot(tx, ty) or 1
        end_x, end_y = x2 - tx / tlen * back, y2 - ty / tlen * back
        stroke = 1.2 + 5 * edge.count / heaviest
        parts.append(
            f'<path class="k-edge" data-from="{escape(edge.source)}" data-to="{escape(edge.target)}" '
            f'data-count="{edge.count}" d="M{x1:.1f},{y1:.1f} Q{control_x:.1f},{control_y:.1f} '
            f'{end_x:.1f},{end_y:.1f}" fill="none" stroke="{BAR_COLOUR}" stroke-opacity="0.6" '
            f'stroke-width="{stroke:.1f}" marker-end="url(#{escape(chart_id)}-arrow)"/>'
        )
    for node in nodes:
        x, y, angle = position[node.key]
        label_x = x + (size[node.key] + 6) * math.cos(angle)
        label_y = y + (size[node.key] + 6) * math.sin(angle) + 4
        anchor = (
            "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        )
        if anchor == "middle":
            label_y += 6 if math.sin(angle) > 0 else -2
        parts.append(
            f'<g class="k-node" data-key="{escape(node.key)}" data-label="{escape(node.label)}" '
            f'data-out="{node.out_count}" data-in="{node.in_count}">'
            f"<title>{escape(node.label)}: {node.out_count} kali direplikasi daerah lain, "
            f"{node.in_count} kali mereplikasi</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size[node.key]:.1f}" fill="{node.colour}" '
            f'stroke="#ffffff" stroke-width="2"/>'
        )
        parts.append(
            _text(
                label_x,
                label_y,
                shorten(short_region_name(node.label), 24),
                12,
                anchor,
                fill="currentColor",
                stroke="#ffffff",
                stroke_width="3",
                paint_order="stroke",
            )
        )
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


# --- counts as a chart with its table ---------------------------------------------------------


class Counted(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def value(self) -> int: ...


def counts_chart(
    chart_id: str, title: str, desc_lead: str, counts: Sequence[Counted], colours: bool = False
) -> dict[str, Any]:
    """A bar chart and its table rows from counts; the description lists every number.
    `colours` paints each bar in its replication stage's colour."""
    listed = "; ".join(f"{c.label}: {c.value}" for c in counts)
    bars = [
        Bar(
            c.key, c.label, c.value, STAGE_COLOURS.get(c.key, BAR_COLOUR) if colours else BAR_COLOUR
        )
        for c in counts
    ]
    return {
        "id": chart_id,
        "title": title,
        "svg": bar_chart(chart_id, title, f"{desc_lead} {listed}.", bars) if counts else None,
        "rows": [{"key": c.key, "label": c.label, "value": c.value} for c in counts],
    }
