"""How far replications got, as view data: the stage timeline of an innovation (one lane per
replicating region), the progress rows of a region, and the progress board of a commitment
event (one row per signatory).

Stage steps are plain HTML with their text beside them, so they read without colour or
JavaScript; the timeline is an SVG (`timeline_chart.timeline`) with a table carrying every date.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.model import Event, Replication
from generator.records.vocabulary import CANCELLED, REPLICATION_STAGES
from generator.site import charts, statistics, timeline_chart
from generator.site.structure import Page


def stage_steps(replication: Replication) -> dict[str, Any]:
    """The six stages as steps reached or not, with the last stage as text."""
    furthest = statistics.furthest_stage(replication)
    latest = replication.latest_stage
    return {
        "steps": [
            {"code": code, "label": labels.REPLICATION_STAGE[code], "reached": i <= furthest}
            for i, code in enumerate(REPLICATION_STAGES)
        ],
        "reached": furthest + 1,
        "of": len(REPLICATION_STAGES),
        "cancelled": latest.tahap == CANCELLED,
        "stage": labels.label(labels.REPLICATION_STAGE, latest.tahap),
        "stage_code": latest.tahap,
        "stage_date": latest.tanggal.indonesian(),
    }


def progress_row(page: Page, replication: Replication) -> dict[str, Any]:
    """One replication on a progress table: what, whose, where, and how far it got."""
    owner = page.site.catalogue.innovations[replication.inovasi].wilayah
    return {
        "link": page.href(urls.replication(replication.slug)),
        "innovation": page.innovation(replication.inovasi),
        "owner": page.region(owner),
        "region": page.region(replication.wilayah),
        "agency": replication.instansi,
        "local_name": replication.nama_lokal,
        "started": replication.started.indonesian(),
        **stage_steps(replication),
    }


def _mark(replication: Replication, index: int) -> timeline_chart.Mark:
    stage = replication.tahapan[index]
    label = labels.label(labels.REPLICATION_STAGE, stage.tahap)
    symbol = "×" if stage.tahap == CANCELLED else str(REPLICATION_STAGES.index(stage.tahap) + 1)
    return timeline_chart.Mark(
        date=stage.tanggal.first_day,
        stage=stage.tahap,
        symbol=symbol,
        label=f"{label}: {stage.tanggal.indonesian()}",
        date_label=timeline_chart.short_date(stage.tanggal.year, stage.tanggal.month),
    )


def innovation_timeline(page: Page, replications: list[Replication]) -> dict[str, Any]:
    """The replication history of one innovation: a timeline SVG, one lane per replicating
    region in the order they began, and the table with every stage and date."""
    catalogue = page.site.catalogue
    if not replications:
        return {"svg": None, "rows": [], "legend": []}
    lanes = [
        timeline_chart.Lane(
            r.wilayah,
            catalogue.region_name(r.wilayah),
            tuple(_mark(r, i) for i in range(len(r.tahapan))),
        )
        for r in replications
    ]
    summary = "; ".join(
        f"{catalogue.region_name(r.wilayah)}: "
        + ", ".join(
            f"{labels.label(labels.REPLICATION_STAGE, s.tahap).lower()} {s.tanggal.indonesian()}"
            for s in r.tahapan
        )
        for r in replications
    )
    desc = (
        f"Tahapan replikasi di {len(replications)} wilayah, satu baris per wilayah, "
        f"ditempatkan menurut tanggal. {summary}."
    )
    innovation = catalogue.innovations[replications[0].inovasi]
    rows = [
        {
            **progress_row(page, r),
            "stages": [
                {
                    "code": s.tahap,
                    "label": labels.label(labels.REPLICATION_STAGE, s.tahap),
                    "date": s.tanggal.indonesian(),
                    "iso": s.tanggal.iso(),
                }
                for s in r.tahapan
            ],
        }
        for r in replications
    ]
    used = {s.tahap for r in replications for s in r.tahapan}
    legend = [
        {
            "symbol": "×" if code == CANCELLED else str(REPLICATION_STAGES.index(code) + 1),
            "label": label,
            "code": code,
        }
        for code, label in labels.REPLICATION_STAGE.items()
        if code in used
    ]
    return {
        "svg": timeline_chart.timeline(
            "linimasa-replikasi", f"Linimasa replikasi {innovation.nama}", desc, lanes
        ),
        "rows": rows,
        "legend": legend,
    }


REGION_ROWS = 100


def region_progress(page: Page, code: str) -> dict[str, Any]:
    """A region's replications (what it took from whom, how far each got) and the
    replications of its own innovations by other regions, with a summary per replicating
    region. Detail rows stop at the `REGION_ROWS` most recent; the summaries are bounded by
    the number of regions, so the page stays readable for a region with thousands."""
    catalogue = page.site.catalogue
    implemented = REPLICATION_STAGES.index("implementasi")
    done = sorted(catalogue.replications_by(code), key=lambda r: (r.started, r.slug), reverse=True)
    received = sorted(
        (r for i in catalogue.innovations_of(code) for r in catalogue.replications_of(i.slug)),
        key=lambda r: (r.started, r.slug),
        reverse=True,
    )
    per_region: dict[str, list[Replication]] = defaultdict(list)
    for replication in received:
        per_region[replication.wilayah].append(replication)
    by_region = [
        {
            "region": page.region(region),
            "count": len(items),
            "implemented": sum(1 for r in items if statistics.furthest_stage(r) >= implemented),
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
        "received_by_region": by_region,
        "done_owners": len({catalogue.innovations[r.inovasi].wilayah for r in done}),
        "received_regions": len(per_region),
        "done_implemented": sum(1 for r in done if statistics.furthest_stage(r) >= implemented),
        "csv": page.href("data/replikasi.csv"),
    }


def commitment_board(page: Page, event: Event) -> dict[str, Any]:
    """The progress board of a commitment: one row per signatory with its replications from
    this event and the stage each reached; signatories with none are marked as such."""
    linked = page.site.catalogue.replications_in(event.slug)
    by_region: dict[str, list[Replication]] = defaultdict(list)
    for replication in sorted(linked, key=lambda r: (r.started, r.slug)):
        by_region[replication.wilayah].append(replication)
    rows = [
        {
            "region": page.region(code),
            "replications": [progress_row(page, r) for r in by_region.get(code, [])],
        }
        for code in event.peserta
    ]
    signed = set(event.peserta)
    from_signatories = [r for r in linked if r.wilayah in signed]
    counts = [
        statistics.Count(
            code,
            labels.REPLICATION_STAGE[code],
            sum(1 for r in from_signatories if statistics.furthest_stage(r) >= index),
        )
        for index, code in enumerate(REPLICATION_STAGES)
    ]
    counts.append(
        statistics.Count(
            CANCELLED,
            labels.REPLICATION_STAGE[CANCELLED],
            sum(1 for r in from_signatories if statistics.is_cancelled(r)),
        )
    )
    return {
        "rows": rows,
        "with_replication": sum(1 for row in rows if row["replications"]),
        "without_replication": sum(1 for row in rows if not row["replications"]),
        "replications": len(from_signatories),
        "reached": charts.counts_chart(
            "capaian-komitmen",
            "Replikasi penanda tangan yang mencapai setiap tahap",
            f"{len(from_signatories)} replikasi dari penanda tangan kegiatan ini; jumlah yang "
            "sudah mencapai tiap tahap:",
            counts,
            colours=True,
        )
        if from_signatories
        else None,
        "is_commitment": event.jenis == "komitmen-replikasi",
    }
