"""The progress board of a commitment event, as view data: one row per signatory with its
replications from the event and the stage each reached, and the others it recorded since.
A board of hundreds of signatories is paged (`paging`): the event's page holds the first rows,
`kegiatan/<slug>/halaman/<n>/` the rest."""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import TypedDict

from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.model import Event, Replication
from generator.records.vocabulary import CANCELLED, REPLICATION_STAGES
from generator.site import charts, paging, statistics
from generator.site.breadcrumbs import Breadcrumbs
from generator.site.fingerprints import Inputs, Planned, event_inputs
from generator.site.paging import Pager
from generator.site.progress import ProgressRow, progress_row
from generator.site.structure import Link, Page, Site


class BoardRow(TypedDict):
    """A signatory (or participant), its replications from the event, and the other
    replications it recorded since the event's date (`since`)."""

    region: Link
    replications: list[ProgressRow]
    since: list[ProgressRow]  # the newest few (`SINCE_ROWS`)
    since_more: int  # and how many more, listed on the region's page


class CommitmentBoard(TypedDict):
    """An event's board: a row per signatory, the counts, and the stages reached as a chart
    (None without replications from signatories)."""

    rows: list[BoardRow]  # this page's (`paging`): a board of hundreds of signatories is paged
    with_replication: int
    without_replication: int
    replications: int
    reached: charts.CountsChart | None
    is_commitment: bool
    date: str  # the event's, in Indonesian: the "since" column's heading
    pager: Pager | None


class BoardPageView(TypedDict):
    """A later page of an event's board (`kegiatan/<slug>/halaman/<n>/`)."""

    event: Link
    board: CommitmentBoard
    breadcrumbs: Breadcrumbs


def board_rows() -> int:
    """Signatories per page of a board: a quarter of a listing's, as a row holds a few
    entries each way (about 3 KB at 10,000 innovations)."""
    return max(1, paging.per_page() // 4)


SINCE_ROWS = 3
"""A signatory's other replications since an event, shown on the event's board (the newest);
a region that replicated hundreds would otherwise make the board unbounded."""


def _since(page: Page, event: Event, code: str) -> list[Replication]:
    """A participant's replications not tied to the event that began on or after its date,
    newest first."""
    start = event.tanggal.first_day
    return sorted(
        (
            r
            for r in page.site.catalogue.replications_by(code)
            if r.kegiatan != event.slug and r.started.first_day >= start
        ),
        key=lambda r: (r.started, r.slug),
        reverse=True,
    )


def board_parts(site: Site, event: Event) -> list[paging.Part[str]]:
    """The pages of an event's board: its signatories, `board_rows()` a page, at the event's
    address."""
    return paging.parts(site, urls.event(event.slug), event.peserta, board_rows())


def commitment_board(part: paging.Part[str], event: Event) -> CommitmentBoard:
    """The progress board of a commitment: one row per signatory with its replications from
    this event and the stage each reached; signatories with none are marked as such. The rows
    are those of the board's page `part`; the counts are the whole board's."""
    page = part.page
    linked = page.site.catalogue.replications_in(event.slug)
    by_region: dict[str, list[Replication]] = defaultdict(list)
    for replication in sorted(linked, key=lambda r: (r.started, r.slug)):
        by_region[replication.wilayah].append(replication)
    rows: list[BoardRow] = [
        {
            "region": page.region(code),
            "replications": [progress_row(page, r) for r in by_region.get(code, [])],
            "since": [progress_row(page, r) for r in since[:SINCE_ROWS]],
            "since_more": max(0, len(since) - SINCE_ROWS),
        }
        for code in part.entries
        for since in [_since(page, event, code)]
    ]
    signed = set(event.peserta)
    with_replication = sum(1 for code in signed if by_region.get(code))
    from_signatories = [r for r in linked if r.wilayah in signed]
    counts = [
        statistics.Count(
            code,
            labels.REPLICATION_STAGE[code],
            sum(1 for r in from_signatories if code in statistics.recorded_stages(r)),
        )
        for code in REPLICATION_STAGES
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
        "with_replication": with_replication,
        "without_replication": len(signed) - with_replication,
        "replications": len(from_signatories),
        "reached": charts.counts_chart(
            "capaian-komitmen",
            "Replikasi penanda tangan menurut tahap yang tercatat",
            f"{len(from_signatories)} replikasi dari penanda tangan kegiatan ini; jumlah yang "
            "punya catatan bertanggal untuk tiap tahap:",
            counts,
            colours=True,
        )
        if from_signatories
        else None,
        "is_commitment": event.jenis == "komitmen-replikasi",
        "date": event.tanggal.indonesian(),
        "pager": part.pager,
    }


def board_pages(site: Site) -> list[Planned]:
    """The later pages of every board longer than a page; each shows what its event's own
    page shows of other records (`fingerprints.event_inputs`)."""
    pages = []
    for event in site.catalogue.events.values():
        parts = board_parts(site, event)
        shown = event_inputs(site, event) if len(parts) > 1 else None
        for part in parts[1:]:
            inputs = Inputs(values=[f"{part.number}/{len(parts)}"], base=shown)
            title = part.title(f"Papan capaian {event.nama}")
            view = partial(_board_page_view, part, event)
            pages.append(Planned(part.page.here, "board_page.html", title, inputs, view))
    return pages


def _board_page_view(part: paging.Part[str], event: Event) -> BoardPageView:
    return {
        "event": part.page.event(event.slug),
        "board": commitment_board(part, event),
        "breadcrumbs": part.breadcrumbs([(urls.EVENTS, "Kegiatan")], event.nama),
    }
