"""How far replications got, as view data: the stage timeline of an innovation (one lane per
replicating region) and the progress rows of a region (a commitment event's board, one row
per signatory, is in `boards`).

Stage steps are plain HTML with their text beside them, so they read without colour or
JavaScript; the timeline is an SVG (`timeline_chart.timeline`) with a table carrying every date.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypedDict

from markupsafe import Markup

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.model import Replication
from generator.records.vocabulary import CANCELLED, REPLICATION_STAGES
from generator.site import statistics, timeline_chart
from generator.site.structure import Link, Page


class StageStep(TypedDict):
    code: str
    label: str
    reached: bool  # a dated record of this stage
    unrecorded: bool  # before the furthest recorded stage, but with no record of its own


class StageSteps(TypedDict):
    """How far a replication got: each stage reached or not, `reached` of `of`, the last
    stage as text."""

    steps: list[StageStep]
    reached: int
    of: int
    cancelled: bool
    stage: str
    stage_code: str
    stage_date: str


class ProgressRow(StageSteps):
    """A replication on a progress table: what, whose, where, and how far it got."""

    link: str
    innovation: Link
    owner: Link
    region: Link
    agency: str
    local_name: str | None
    started: str


def stage_steps(replication: Replication) -> StageSteps:
    """The six stages as steps recorded or not, with the last stage as text. Only a dated
    stage is shown as reached; an earlier one without a record is shown as not recorded."""
    recorded = statistics.recorded_stages(replication)
    furthest = statistics.furthest_stage(replication)
    latest = replication.latest_stage
    return {
        "steps": [
            {
                "code": code,
                "label": labels.REPLICATION_STAGE[code],
                "reached": code in recorded,
                "unrecorded": code not in recorded and i < furthest,
            }
            for i, code in enumerate(REPLICATION_STAGES)
        ],
        "reached": len(recorded),
        "of": len(REPLICATION_STAGES),
        "cancelled": latest.tahap == CANCELLED,
        "stage": labels.label(labels.REPLICATION_STAGE, latest.tahap),
        "stage_code": latest.tahap,
        "stage_date": latest.tanggal.indonesian(),
    }


def progress_row(page: Page, replication: Replication) -> ProgressRow:
    """One replication on a progress table: what, whose, where, and how far it got."""
    return {
        "link": page.href(urls.replication(replication.slug)),
        "innovation": page.innovation(replication.inovasi),
        "owner": page.owner(page.site.catalogue.innovations[replication.inovasi]),
        "region": page.region(replication.wilayah),
        "agency": replication.instansi,
        "local_name": replication.nama_lokal,
        "started": replication.started.indonesian(),
        **stage_steps(replication),
    }


def _symbol(stage: str) -> str:
    """The mark of a stage on the timeline and its legend: its number, or × for cancelled."""
    return "×" if stage == CANCELLED else str(REPLICATION_STAGES.index(stage) + 1)


def _mark(replication: Replication, index: int) -> timeline_chart.Mark:
    stage = replication.tahapan[index]
    label = labels.label(labels.REPLICATION_STAGE, stage.tahap)
    return timeline_chart.Mark(
        date=stage.tanggal.first_day,
        stage=stage.tahap,
        symbol=_symbol(stage.tahap),
        label=f"{label}: {stage.tanggal.indonesian()}",
        date_label=timeline_chart.short_date(stage.tanggal.year, stage.tanggal.month),
    )


TIMELINE_TABLE = "Tahapan replikasi per wilayah"
"""The caption of the table under an innovation's timeline (`_timeline.html`)."""


class DatedStage(TypedDict):
    """One recorded stage with its date as read (`date`) and as ISO (`iso`), and the mark
    that stands for it on the timeline (`symbol`)."""

    code: str
    label: str
    date: str
    iso: str
    symbol: str


class TimelineRow(ProgressRow):
    """A replicating region's lane as a table row, with every stage it recorded."""

    stages: list[DatedStage]


class LegendEntry(TypedDict):
    """A mark of the timeline and the stage it stands for."""

    symbol: str
    label: str
    code: str


class Timeline(TypedDict):
    """An innovation's replication history: the SVG (None without replications or with one
    dated stage in all), its table and its legend."""

    svg: Markup | None
    rows: list[TimelineRow]
    legend: list[LegendEntry]
    caption: str


def innovation_timeline(page: Page, replications: list[Replication]) -> Timeline:
    """The replication history of one innovation: a timeline SVG, one lane per replicating
    region in the order they began, and the table with every stage and date."""
    catalogue = page.site.catalogue
    if not replications:
        return {"svg": None, "rows": [], "legend": [], "caption": TIMELINE_TABLE}
    lanes = [
        timeline_chart.Lane(
            r.wilayah,
            catalogue.region_name(r.wilayah),
            tuple(_mark(r, i) for i in range(len(r.tahapan))),
        )
        for r in replications
    ]
    # The table beside the drawing carries every stage and date, with links: the drawing's
    # description says where they are instead of repeating them.
    desc = (
        f"Tahapan replikasi di {len(replications)} wilayah, satu baris per wilayah, "
        "ditempatkan menurut tanggal. Setiap tahap dan tanggalnya ada di tabel "
        f"“{TIMELINE_TABLE}” di bawah gambar ini."
    )
    innovation = catalogue.innovations[replications[0].inovasi]
    # One dated stage in all draws as a lone dot on an empty axis: the list says it better.
    marks = sum(len(lane.marks) for lane in lanes)
    return {
        "svg": timeline_chart.timeline(
            "linimasa-replikasi", f"Linimasa replikasi {innovation.nama}", desc, lanes
        )
        if marks > 1
        else None,
        "rows": [_timeline_row(page, r) for r in replications],
        "legend": _legend({s.tahap for r in replications for s in r.tahapan}),
        "caption": TIMELINE_TABLE,
    }


def _timeline_row(page: Page, replication: Replication) -> TimelineRow:
    """A replicating region's lane as a table row: how far it got and every dated stage."""
    return {
        **progress_row(page, replication),
        "stages": [
            {
                "code": s.tahap,
                "label": labels.label(labels.REPLICATION_STAGE, s.tahap),
                "date": s.tanggal.indonesian(),
                "iso": s.tanggal.iso(),
                "symbol": _symbol(s.tahap),
            }
            for s in replication.tahapan
        ],
    }


def _legend(used: set[str]) -> list[LegendEntry]:
    """The marks of the stages a timeline shows, in the stages' order."""
    return [
        {"symbol": _symbol(code), "label": label, "code": code}
        for code, label in labels.REPLICATION_STAGE.items()
        if code in used
    ]


REGION_ROWS = 25
"""Detail rows and replicating regions shown on a region's page, each way: about 25 KB each,
so that the page stays light for a region with thousands (the rest are in `replikasi.csv`)."""


class RegionCount(TypedDict):
    """One region that replicated another's innovations: how many, and how many reached
    implementation."""

    region: Link
    count: int
    implemented: int


class RegionProgress(TypedDict):
    """A region's replications (`done`) and those of its innovations by others (`received`):
    at most `REGION_ROWS` rows each, `*_more` of the `*_total` not listed."""

    done: list[ProgressRow]
    done_total: int
    done_more: int
    received: list[ProgressRow]
    received_total: int
    received_more: int
    received_by_region: list[RegionCount]  # the `REGION_ROWS` that replicated most
    received_regions_more: int
    done_owners: int
    received_regions: int
    done_implemented: int
    csv: str


def region_progress(page: Page, code: str) -> RegionProgress:
    """A region's replications (what it took from whom, how far each got) and the
    replications of its own innovations by other regions, with a summary per replicating
    region. Detail rows stop at the `REGION_ROWS` most recent; the summaries are bounded by
    the number of regions, so the page stays readable for a region with thousands."""
    catalogue = page.site.catalogue
    implemented = "implementasi"
    done = sorted(catalogue.replications_by(code), key=lambda r: (r.started, r.slug), reverse=True)
    received = sorted(
        (r for i in catalogue.innovations_of(code) for r in catalogue.replications_of(i.slug)),
        key=lambda r: (r.started, r.slug),
        reverse=True,
    )
    per_region: dict[str, list[Replication]] = defaultdict(list)
    for replication in received:
        per_region[replication.wilayah].append(replication)
    by_region: list[RegionCount] = [
        {
            "region": page.region(region),
            "count": len(items),
            "implemented": sum(1 for r in items if implemented in statistics.recorded_stages(r)),
        }
        for region, items in sorted(per_region.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    return {
        "done": [progress_row(page, r) for r in done[:REGION_ROWS]],
        "done_total": len(done),
        "done_more": max(0, len(done) - REGION_ROWS),
        "received": [progress_row(page, r) for r in received[:REGION_ROWS]],
        "received_total": len(received),
        "received_more": max(0, len(received) - REGION_ROWS),
        "received_by_region": by_region[:REGION_ROWS],
        "received_regions_more": max(0, len(by_region) - REGION_ROWS),
        "done_owners": len({catalogue.owner_name(catalogue.innovations[r.inovasi]) for r in done}),
        "received_regions": len(per_region),
        "done_implemented": sum(1 for r in done if implemented in statistics.recorded_stages(r)),
        "csv": page.href("data/replikasi.csv"),
    }
