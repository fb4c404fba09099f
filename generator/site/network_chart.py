"""The replication network as a drawing: regions on a circle, arrows from the region whose
innovation was replicated to the region replicating it (drawn with the pieces of `charts`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.site.charts import BAR_COLOUR, short_region_name, shorten, svg_open, svg_text

WIDTH, HEIGHT, CENTRE_X, CENTRE_Y, RADIUS = 800.0, 600.0, 400.0, 300.0, 190.0


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


Position = tuple[float, float, float]  # x, y, and the angle on the circle


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
    position = _positions(nodes, centre)
    degree = {n.key: n.out_count + n.in_count for n in nodes}
    most = max(degree.values(), default=0) or 1
    size = {k: 7 + 11 * math.sqrt(d / most) for k, d in degree.items()}
    heaviest = max((e.count for e in edges), default=0) or 1
    parts = [svg_open(chart_id, WIDTH, HEIGHT, title, desc, "network")]
    parts.append(
        f'<defs><marker id="{escape(chart_id)}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{BAR_COLOUR}"/></marker></defs>'
    )
    for edge in sorted(edges, key=lambda e: e.count):
        parts.append(_edge(chart_id, edge, position, size[edge.target], heaviest))
    for node in nodes:
        parts.append(_node(node, position[node.key], size[node.key]))
    parts.append("</svg>")
    return Markup("".join(parts))


def _positions(nodes: list[Node], centre: str) -> dict[str, Position]:
    ringed = [n for n in nodes if n.key != centre]
    count = max(1, len(ringed))
    position: dict[str, Position] = {}
    if centre in {n.key for n in nodes}:
        position[centre] = (CENTRE_X, CENTRE_Y, math.pi / 2)
    for index, node in enumerate(ringed):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        position[node.key] = (
            CENTRE_X + RADIUS * math.cos(angle),
            CENTRE_Y + RADIUS * math.sin(angle),
            angle,
        )
    return position


def _edge(
    chart_id: str, edge: Edge, position: dict[str, Position], target_size: float, heaviest: int
) -> str:
    x1, y1, _ = position[edge.source]
    x2, y2, _ = position[edge.target]
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1
    # Bend to the right of the direction, so A->B and B->A are two visible arcs.
    control_x = (x1 + x2) / 2 - dy / length * length * 0.18
    control_y = (y1 + y2) / 2 + dx / length * length * 0.18
    back = target_size + 3
    tx, ty = x2 - control_x, y2 - control_y
    tlen = math.hypot(tx, ty) or 1
    end_x, end_y = x2 - tx / tlen * back, y2 - ty / tlen * back
    stroke = 1.2 + 5 * edge.count / heaviest
    return (
        f'<path class="k-edge" data-from="{escape(edge.source)}" data-to="{escape(edge.target)}" '
        f'data-count="{edge.count}" d="M{x1:.1f},{y1:.1f} Q{control_x:.1f},{control_y:.1f} '
        f'{end_x:.1f},{end_y:.1f}" fill="none" stroke="{BAR_COLOUR}" stroke-opacity="0.6" '
        f'stroke-width="{stroke:.1f}" marker-end="url(#{escape(chart_id)}-arrow)"/>'
    )


def _node(node: Node, position: Position, size: float) -> str:
    x, y, angle = position
    label_x = x + (size + 6) * math.cos(angle)
    label_y = y + (size + 6) * math.sin(angle) + 4
    anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
    if anchor == "middle":
        label_y += 6 if math.sin(angle) > 0 else -2
    return (
        f'<g class="k-node" data-key="{escape(node.key)}" data-label="{escape(node.label)}" '
        f'data-out="{node.out_count}" data-in="{node.in_count}">'
        f"<title>{escape(node.label)}: {node.out_count} kali direplikasi daerah lain, "
        f"{node.in_count} kali mereplikasi</title>"
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" fill="{node.colour}" '
        f'stroke="#ffffff" stroke-width="2"/>'
        + str(
            svg_text(
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
        + "</g>"
    )
