"""The shapes of the record pages' view data (`views`), and of the parts several view modules
share (`RegionSummary`): what each template may print.

Views are `TypedDict`s, plain dicts at run time (the templates look keys up first, see
`pages`), checked by mypy where they are made. Keys are English, like every Python name; the
values are the records' Indonesian text. Each other view module defines its shapes beside the
function that makes them (`listings`, `progress`, `network`, `statistics`, `charts`).
"""

from __future__ import annotations

from typing import TypedDict

from markupsafe import Markup

from generator.site.boards import CommitmentBoard
from generator.site.breadcrumbs import Breadcrumbs
from generator.site.browse import SectorGroup
from generator.site.origin import OriginView
from generator.site.paging import Pager
from generator.site.progress import RegionProgress, Timeline
from generator.site.record_footer import RecordFooter
from generator.site.structure import InnovationItem, Link, ReplicationItem


class OpenData(TypedDict):
    jsonld: str  # schema.org JSON-LD, safe inside a script element
    json_twin: str  # the page's JSON file, relative to the page


class SourceView(TypedDict):
    title: str
    url: str | None
    date: str | None


class ContactView(TypedDict):
    name: str | None
    position: str | None
    address: str | None
    website: str | None
    website_text: str | None
    email: str | None
    email_url: str | None
    phone: str | None
    phone_url: str | None


class IndicatorView(TypedDict):
    name: str
    value: str
    before: str | None
    period: str | None
    source: str | None
    source_url: str | None


class AwardView(TypedDict):
    name: str
    year: str | None
    giver: str | None
    event: Link | None


class LinkView(TypedDict):
    title: str
    url: str | None


class ReplicationWithAdaptation(ReplicationItem):
    adaptation: Markup


class InnovationView(TypedDict):
    name: str
    expansion: str | None
    summary: str
    owner: Link
    owner_kind: str | None  # for an owner other than a regional government
    location: Link | None  # where such an owner's innovation is, when a source says
    agency: str | None
    year: str
    sector: Link | None
    kind: str
    maturity: str
    status: str | None
    status_label: str
    unknown: list[str]  # what a partial record does not know yet
    form: str
    events: list[Link]
    problem: Markup
    solution: Markup
    outcome: Markup
    indicators: list[IndicatorView]
    awards: list[AwardView]
    legal_basis: list[str]
    links: list[LinkView]
    sdgs: list[str]
    tags: list[str]
    sources: list[SourceView]
    notes: Markup
    timeline: Timeline
    replications: list[ReplicationWithAdaptation]
    requirements: Markup
    contact: ContactView | None
    owner_site: str | None
    contribute: str
    open_data: OpenData
    breadcrumbs: Breadcrumbs
    origin: OriginView | None  # None: from the home province
    footer: RecordFooter | None
    similar: list[InnovationItem]


class StageView(TypedDict):
    label: str
    code: str
    date: str
    notes: str | None


class ReplicationView(TypedDict):
    title: str
    innovation: Link
    summary: str
    owner: Link
    owner_agency: str | None
    region: Link
    agency: str
    local_name: str | None
    event: Link | None
    stages: list[StageView]
    latest: str
    adaptation: Markup
    outcome: Markup
    sources: list[SourceView]
    notes: Markup
    open_data: OpenData
    breadcrumbs: Breadcrumbs
    footer: RecordFooter | None


class ParticipantView(TypedDict):
    region: Link
    replications: list[ReplicationItem]


class ResultView(TypedDict):
    innovation: Link
    owner: Link
    award: str


class EventView(TypedDict):
    name: str
    kind: str
    date: str
    place: str | None
    organiser: Link | None
    basis: list[str]
    innovations: list[Link]  # the innovations the event concerns
    description: Markup
    participants: list[ParticipantView]
    without_replication: int
    other_replications: list[ReplicationItem]
    board: CommitmentBoard
    results: list[ResultView]
    sources: list[SourceView]
    notes: Markup
    open_data: OpenData
    breadcrumbs: Breadcrumbs
    footer: RecordFooter | None


class RegionEventView(TypedDict):
    link: Link
    date: str
    kind: str
    role: str


class RegionAwardView(TypedDict):
    innovation: Link
    name: str
    year: str | None
    giver: str | None


class RegionSummary(TypedDict):
    """A region as one row of a region table: what it owns and what it replicates."""

    link: Link
    owned: int
    replicated: int


class RegionView(TypedDict):
    name: str
    code: str
    is_province: bool
    province: Link | None
    capital: str | None
    website: str | None
    website_text: str | None
    description: Markup
    sources: list[SourceView]
    notes: Markup
    owned_count: int
    owned_sectors: int
    outside: str | None  # "dari luar Kalimantan Barat" for a region of another province
    owned_by_sector: list[SectorGroup]  # the first page's (`paging`)
    owned_pager: Pager | None
    invite: bool  # few or no innovations: ask for more
    contribute: str  # the contribution form, with the region chosen
    replicated: list[ReplicationItem]
    replicated_by_others: list[ReplicationItem]
    progress: RegionProgress
    events: list[RegionEventView]
    awards: list[RegionAwardView]  # its newest innovations' first (`REGION_ROWS`)
    awards_more: int
    members: list[RegionSummary]
    open_data: OpenData
    breadcrumbs: Breadcrumbs
    footer: RecordFooter | None
