"""The replication network between regions (who learns from whom), and the `/replikasi/`
overview built on it: the network, replications begun per year, and stages reached.

The network is grouped by region: one node per region, one arrow per (owner, replicating
region) pair weighted by how many replications go that way. Its size is bounded whatever
the catalogue holds: at most `MAX_NODES` nodes (the regions with most replications, the
rest merged into one "Wilayah lain" node) and `MAX_EDGES` arrows (the heaviest; the rest
are summed in one line). The layout is a circle ordered by region code, so the same
catalogue always gives the same drawing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TypedDict

from markupsafe import Markup

from generator.records.catalogue import Catalogue
from generator.site import charts, network_chart, statistics
from generator.site.structure import Page

MAX_NODES = 16
MAX_EDGES = 60
# Below this many replications, or with fewer regions or bars than this, a chart would be a
# dot or two and a bar: the page says it in a sentence instead.
FEWEST_TO_DRAW = 3
OTHERS = "lain"
OTHERS_COLOUR = "#5f6b73"
HOME_COLOUR = charts.BAR_COLOUR
ELSEWHERE_COLOUR = "#1565c0"


@dataclass(frozen=True)
class Network:
    """A bounded network: the nodes and arrows drawn, and what was merged or left out."""

    nodes: list[network_chart.Node]
    edges: list[network_chart.Edge]
    total: int
    regions: int
    merged_regions: int
    within_merged: int
    hidden_pairs: int
    hidden_count: int


def region_flows(catalogue: Catalogue) -> Counter[tuple[str, str]]:
    """Replications per (owner region, replicating region). An innovation owned by a body
    other than a regional government is not drawn: the network is between regions."""
    flows: Counter[tuple[str, str]] = Counter()
    for replication in catalogue.replications.values():
        innovation = catalogue.innovations[replication.inovasi]
        if innovation.owning_region is not None:
            flows[innovation.owning_region, replication.wilayah] += 1
    return flows


def replication_network(
    catalogue: Catalogue, max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES
) -> Network:
    """The network of replication between regions, bounded to `max_nodes` and `max_edges`."""
    flows = region_flows(catalogue)
    out_count: Counter[str] = Counter()
    in_count: Counter[str] = Counter()
    for (source, target), count in flows.items():
        out_count[source] += count
        in_count[target] += count
    regions = sorted(set(out_count) | set(in_count))
    if len(regions) <= max_nodes:
        kept = set(regions)
    else:
        ranked = sorted(regions, key=lambda c: (-(out_count[c] + in_count[c]), c))
        kept = set(ranked[: max_nodes - 1])

    def group(code: str) -> str:
        return code if code in kept else OTHERS

    grouped: Counter[tuple[str, str]] = Counter()
    for (source, target), count in flows.items():
        grouped[group(source), group(target)] += count
    within_merged = grouped.pop((OTHERS, OTHERS), 0)
    nodes = [
        network_chart.Node(
            code,
            catalogue.region_name(code),
            out_count[code],
            in_count[code],
            HOME_COLOUR if code.split(".")[0] == catalogue.home_province else ELSEWHERE_COLOUR,
        )
        for code in sorted(kept)
    ]
    merged = [c for c in regions if c not in kept]
    if merged:
        nodes.append(
            network_chart.Node(
                OTHERS,
                f"Wilayah lain ({len(merged)} wilayah)",
                sum(out_count[c] for c in merged),
                sum(in_count[c] for c in merged),
                OTHERS_COLOUR,
            )
        )
    ranked_edges = sorted(grouped.items(), key=lambda item: (-item[1], item[0]))
    shown = ranked_edges[:max_edges]
    hidden = ranked_edges[max_edges:]
    return Network(
        nodes=nodes,
        edges=[network_chart.Edge(s, t, n) for (s, t), n in shown],
        total=sum(flows.values()),
        regions=len(regions),
        merged_regions=len(merged),
        within_merged=within_merged,
        hidden_pairs=len(hidden),
        hidden_count=sum(n for _, n in hidden),
    )


def _network_desc(network: Network, names: dict[str, str]) -> str:
    if not network.total:
        return "Belum ada replikasi yang tercatat."
    text = (
        f"{network.total} replikasi antara {network.regions} wilayah. Setiap panah berjalan dari "
        "wilayah pemilik inovasi ke wilayah yang mereplikasinya; makin tebal, makin banyak."
    )
    top = [f"{names[e.source]} ke {names[e.target]}: {e.count}" for e in network.edges[:3]]
    if top:
        text += " Terbanyak: " + "; ".join(top) + "."
    if network.merged_regions:
        text += (
            f" {network.merged_regions} wilayah dengan replikasi paling sedikit digabung menjadi "
            "satu simpul Wilayah lain di tengah."
        )
    return text + " Tabel di samping memuat angka yang sama."


class NodeLink(TypedDict):
    """A node's region as a link; the merged "Wilayah lain" node has no page (`href` None)."""

    href: str | None
    text: str


class PairRow(TypedDict):
    """One arrow of the network as a table row: owner region, replicating region, how many."""

    source: NodeLink
    target: NodeLink
    count: int


# The functional form because `in` is a keyword: a node with its outgoing and incoming counts.
NodeView = TypedDict("NodeView", {"href": str | None, "text": str, "out": int, "in": int})


class NetworkView(TypedDict):
    """The network drawn (None with too little to draw: the page lists its few pairs in a
    sentence), its legend (only the colours drawn), its table, and what was left out."""

    svg: Markup | None
    legend: str
    rows: list[PairRow]
    total: int
    regions: int
    merged_regions: int
    within_merged: int
    hidden_pairs: int
    hidden_count: int
    nodes: list[NodeView]


class ReplicationsOverview(TypedDict):
    """`per_year` and `reached` are charts, or with too little to draw (`_few`) a sentence
    (`per_year_text`, `reached_text`) in their place."""

    network: NetworkView
    per_year: charts.CountsChart
    per_year_text: str | None
    reached: charts.CountsChart
    reached_text: str | None
    csv: str


def _drawable(network: Network) -> bool:
    return network.total >= FEWEST_TO_DRAW and network.regions >= FEWEST_TO_DRAW


def _legend(network: Network, home_name: str) -> str:
    """What each colour drawn means, and only the colours drawn."""
    colours = {node.colour for node in network.nodes}
    parts = []
    if HOME_COLOUR in colours:
        parts.append(f"hijau tua: wilayah di {home_name}")
    if ELSEWHERE_COLOUR in colours:
        parts.append("biru: wilayah di provinsi lain")
    if not parts:
        return ""
    return "Titik " + "; ".join(parts) + "."


def _joined(parts: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`."""
    return " dan ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else "".join(parts)


def _few(counts: list[statistics.Count], replications: int) -> bool:
    """Too little for a chart: fewer than `FEWEST_TO_DRAW` replications, or one bar."""
    return replications < FEWEST_TO_DRAW or sum(1 for c in counts if c.value) < 2


def _counts_text(counts: list[statistics.Count], lowercase: bool = False) -> str:
    return _joined(
        [
            f"{c.label.lower() if lowercase else c.label} ({c.value} replikasi)"
            for c in counts
            if c.value
        ]
    )


def _network_view(page: Page, network: Network) -> NetworkView:
    names = {n.key: n.label for n in network.nodes}

    def who(key: str) -> NodeLink:
        if key == OTHERS:
            return {"href": None, "text": names[key]}
        link = page.region(key)
        return {"href": link.href, "text": link.text}

    drawn = _drawable(network)
    return {
        "svg": network_chart.network(
            "jaringan-replikasi",
            "Jaringan replikasi antarwilayah",
            _network_desc(network, names),
            network.nodes,
            network.edges,
            centre=OTHERS,
        )
        if drawn
        else None,
        "legend": _legend(network, page.site.catalogue.home_name()) if drawn else "",
        "rows": [
            {"source": who(e.source), "target": who(e.target), "count": e.count}
            for e in network.edges
        ],
        "total": network.total,
        "regions": network.regions,
        "merged_regions": network.merged_regions,
        "within_merged": network.within_merged,
        "hidden_pairs": network.hidden_pairs,
        "hidden_count": network.hidden_count,
        "nodes": [{**who(n.key), "out": n.out_count, "in": n.in_count} for n in network.nodes],
    }


def replications_overview(page: Page) -> ReplicationsOverview:
    """`/replikasi/` at a glance: the network, replications begun per year, stages reached."""
    catalogue = page.site.catalogue
    per_year = statistics.replications_started_per_year(catalogue)
    reached = statistics.replications_reaching_stage(catalogue)
    return {
        "network": _network_view(page, replication_network(catalogue)),
        "per_year": charts.counts_chart(
            "replikasi-per-tahun",
            "Replikasi yang dimulai per tahun",
            "Jumlah replikasi menurut tahun tahap pertamanya tercatat.",
            per_year,
        ),
        "per_year_text": f"Replikasi yang tercatat dimulai pada {_counts_text(per_year)}."
        if _few(per_year, len(catalogue.replications))
        else None,
        "reached": charts.counts_chart(
            "replikasi-per-tahap",
            "Replikasi menurut tahap yang tercatat",
            "Jumlah replikasi yang punya catatan bertanggal untuk tiap tahap, dan yang "
            "dibatalkan. Tahap tanpa catatan tidak dihitung, walaupun tahap sesudahnya tercatat.",
            reached,
            colours=True,
        ),
        "reached_text": f"Tahap yang tercatat: {_counts_text(reached, lowercase=True)}; "
        "belum ada catatan untuk tahap lain."
        if _few(reached, len(catalogue.replications))
        else None,
        "csv": page.href("data/replikasi.csv"),
    }
