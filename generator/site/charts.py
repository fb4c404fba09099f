"""Charts drawn at build time as inline SVG: readable without JavaScript, scaled by viewBox.

Every chart is an `<svg role="img">` labelled by its own `<title>` and `<desc>` (the text
alternative), and every record value in it (region names, sector names) is escaped. The
numbers are also in `data-*` attributes, so tests (and curious readers of the source) can
check them against the table printed beside each chart. Colours keep at least 3:1 contrast
with the page for marks and 4.5:1 for text on marks.

Functions here draw; they never look anything up in the catalogue (see `statistics`,
`network` and `progress` for the numbers); the timeline and the network are drawn in
`timeline_chart` and `network_chart` with the same pieces.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypedDict

from markupsafe import Markup, escape

BAR_COLOUR = "#00695c"
MUTED = "#6b6b6b"
GRID = "#d0d0d0"

# One colour per replication stage; white text on each keeps 4.5:1. katalog.css gives the
# timeline's marks and legend the same colours ("Timeline drawing", `.k-legend__mark--*`).
STAGE_COLOURS = {
    "komitmen": "#4f5b66",
    "pendampingan": "#1565c0",
    "rencana-aksi": "#6a1b9a",
    "uji-coba": "#a64f00",
    "implementasi": "#00695c",
    "evaluasi": "#1b5e20",
    "dibatalkan": "#b71c1c",
}
# Heat map shades: `.k-heat-1` (lightest) to `.k-heat-5` in katalog.css, which keep the
# colours and their text's contrast; the statistics' grids are shaded tables, not drawings.
HEAT_SHADES = 5


def svg_open(chart_id: str, width: float, height: float, title: str, desc: str, kind: str) -> str:
    return (
        f'<svg class="k-chart k-chart--{kind}" id="{escape(chart_id)}" role="img" '
        f'viewBox="0 0 {width:g} {height:g}" xmlns="http://www.w3.org/2000/svg" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'data-chart="{escape(kind)}">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>'
    )


def num(value: float) -> str:
    """A coordinate as short as it reads: one decimal at most, none when it is whole
    (`182`, `261.5`); a chart repeats hundreds of them on every page."""
    return f"{round(value, 1):g}"


def svg_text(
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
    parts = [svg_open(chart_id, width, height, title, desc, "bar")]
    for index, bar in enumerate(bars):
        top = 4 + index * row
        length = bar.value / biggest * bar_width
        parts.append(
            f'<g class="k-bar" data-key="{escape(bar.key)}" data-label="{escape(bar.label)}" '
            f'data-value="{bar.value}">'
        )
        parts.append(
            svg_text(label_width, top + 17, shorten(bar.label, 25), 12, "end", fill="currentColor")
        )
        parts.append(
            f'<rect x="{bar_left:g}" y="{top + 4:g}" '
            f'width="{max(length, 1.5 if bar.value else 0):.1f}" '
            f'height="{row - 8:g}" fill="{bar.colour}" rx="2"/>'
        )
        parts.append(
            svg_text(bar_left + length + 6, top + 17, str(bar.value), 12, fill="currentColor")
        )
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


# --- heat map ------------------------------------------------------------------------------


def heat_shade(value: int, biggest: int) -> int:
    """The shade of a heat-map cell, 1 (lightest) to `HEAT_SHADES`, by its share of the
    biggest count; 0 for an empty cell."""
    if not value or not biggest:
        return 0
    return max(1, min(HEAT_SHADES, math.ceil(value / biggest * HEAT_SHADES)))


# --- counts as a chart with its table ---------------------------------------------------------


class Counted(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def value(self) -> int: ...


class ChartRow(TypedDict):
    """One row of the table beside a bar chart."""

    key: str
    label: str
    value: int


class CountsChart(TypedDict):
    """A bar chart and the table with its numbers, or, when they are too few to compare (one
    group or none has a number), a sentence that says them (`svg` None, `rows` empty)."""

    id: str
    title: str
    svg: Markup | None
    rows: list[ChartRow]
    sentence: str | None


def counts_chart(
    chart_id: str, title: str, desc_lead: str, counts: Sequence[Counted], colours: bool = False
) -> CountsChart:
    """A bar chart and its table rows from counts; the description lists every number.
    `colours` paints each bar in its replication stage's colour."""
    filled = [c for c in counts if c.value]
    if len(filled) < 2:
        return {
            "id": chart_id,
            "title": title,
            "svg": None,
            "rows": [],
            "sentence": little_data(desc_lead, filled),
        }
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
        "svg": bar_chart(chart_id, title, f"{desc_lead} {listed}.", bars),
        "rows": [{"key": c.key, "label": c.label, "value": c.value} for c in counts],
        "sentence": None,
    }


def little_data(lead: str, filled: Sequence[Counted]) -> str:
    """What a chart with one bar or none would have shown, as a sentence: `lead` is the
    chart's description lead, e.g. "Jumlah inovasi per bidang:"."""
    if not filled:
        return "Belum ada data."
    only = filled[0]
    return (
        f"{lead} hanya {only.label} yang berisi angka ({only.value}). "
        "Grafik ditampilkan setelah lebih dari satu kelompok berisi angka."
    )
