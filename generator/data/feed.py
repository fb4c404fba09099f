"""The Atom feed of innovations and replications, newest first.

An entry's `updated` is the record's own most recent date (never the build's clock), so two
builds of the same catalogue write the same feed. Entry ids are `urn:uuid:` names derived from
the record kind and slug: they stay the same wherever the site is hosted.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from generator.data.records import Links, RecordData
from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.records.dates import PartialDate
from generator.records.model import Innovation, Replication

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
FEED_TITLE = "Katalog Inovasi Pelayanan Publik: inovasi dan replikasi terbaru"
AUTHOR = "Katalog Inovasi Pelayanan Publik"
ID_NAMESPACE = uuid.UUID("6f1f3f4e-8d0b-5c3a-9f3e-6b61746c6f67")  # fixed forever: ids depend on it
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def record_id(kind: str, slug: str) -> str:
    """A permanent Atom id for a record, independent of the site's address."""
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'{kind}/{slug}')}"


def innovation_updated(innovation: Innovation) -> PartialDate | None:
    """The most recent date an innovation record shows: checked, a source, an award, its year;
    None for a record that shows no date at all (a partial record may not)."""
    dates = [PartialDate(innovation.tahun)] if innovation.tahun else []
    dates += [d for d in (innovation.diperbarui, innovation.status_per) if d]
    dates += [s.tanggal for s in innovation.sumber if s.tanggal]
    dates += [a.tahun for a in innovation.penghargaan if a.tahun]
    return max(dates, default=None)


def replication_updated(replication: Replication) -> PartialDate:
    """The most recent date of a replication: its latest stage or a newer source."""
    dates = [stage.tanggal for stage in replication.tahapan]
    dates += [s.tanggal for s in replication.sumber if s.tanggal]
    return max(dates)


def timestamp(date: PartialDate | dt.date) -> str:
    """RFC 3339 at midnight UTC of the date's first day (`2021` -> `2021-01-01T00:00:00Z`)."""
    day = date.first_day if isinstance(date, PartialDate) else date
    return f"{day.isoformat()}T00:00:00Z"


@dataclass(frozen=True)
class Entry:
    kind: str
    slug: str
    title: str
    updated: PartialDate
    page: str
    summary: str
    category: tuple[str, str] | None


FEED_ENTRIES = 200
"""Entries in the feed: the newest. A feed reader fetches the whole file on every poll, and
all of a national catalogue would be tens of megabytes; every record is in katalog.json."""


def feed_entries(data: RecordData, limit: int = FEED_ENTRIES) -> list[Entry]:
    """The `limit` newest entries of innovations and replications, newest first, then by
    kind and slug."""
    catalogue = data.catalogue
    dated = [(i.slug, "inovasi", innovation_updated(i)) for i in catalogue.innovations.values()]
    newest = sorted(
        [(slug, kind, date) for slug, kind, date in dated if date is not None]
        + [(r.slug, "replikasi", replication_updated(r)) for r in catalogue.replications.values()],
        key=lambda item: (-item[2].first_day.toordinal(), item[1], item[0]),
    )[:limit]
    entries = []
    for slug, kind, updated in newest:
        if kind == "inovasi":
            i = catalogue.innovations[slug]
            sector = catalogue.sector_name(i.bidang)
            entries.append(
                Entry(
                    kind,
                    slug,
                    f"{i.nama} ({catalogue.owner_name(i)})",
                    updated,
                    data.innovation_page(slug),
                    i.ringkasan,
                    (i.bidang, sector) if i.bidang and sector else None,
                )
            )
        else:
            r = catalogue.replications[slug]
            entries.append(
                Entry(
                    kind,
                    slug,
                    catalogue.replication_title(r),
                    updated,
                    data.replication_page(slug),
                    _replication_summary(catalogue, r),
                    None,
                )
            )
    return entries


def _replication_summary(catalogue: Catalogue, replication: Replication) -> str:
    innovation = catalogue.innovations[replication.inovasi]
    latest = replication.latest_stage
    stage = labels.label(labels.REPLICATION_STAGE, latest.tahap)
    return (
        f"{catalogue.region_name(replication.wilayah)} ({replication.instansi}) mereplikasi"
        f" {innovation.nama} dari {catalogue.owner_name(innovation)}."
        f" Tahap terakhir: {stage} ({latest.tanggal.indonesian()})."
    )


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def atom_feed(data: RecordData, links: Links, fallback_updated: dt.date) -> bytes:
    """The Atom feed; its `updated` is the newest entry's, or `fallback_updated` when empty."""
    entries = feed_entries(data)
    # Plain tag names under a literal default-namespace attribute: ElementTree would otherwise
    # invent `ns0:` prefixes, which feed readers accept but people reading the file do not.
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "id"})
    _add(feed, "id", record_id("feed", FEED_PATH))
    _add(feed, "title", FEED_TITLE)
    _add(feed, "updated", timestamp(entries[0].updated if entries else fallback_updated))
    _add(
        feed,
        "link",
        rel="self",
        type="application/atom+xml",
        href=links.from_file(FEED_PATH, FEED_PATH),
    )
    _add(feed, "link", rel="alternate", type="text/html", href=links.from_file("", FEED_PATH))
    author = _add(feed, "author")
    publisher = data.catalogue.identity.publisher
    _add(author, "name", publisher.nama if publisher else AUTHOR)
    if publisher:
        _add(author, "email", publisher.email)
    for entry in entries:
        element = _add(feed, "entry")
        _add(element, "id", record_id(entry.kind, entry.slug))
        _add(element, "title", entry.title)
        _add(element, "updated", timestamp(entry.updated))
        _add(
            element,
            "link",
            rel="alternate",
            type="text/html",
            href=links.from_file(entry.page, FEED_PATH),
        )
        _add(
            element, "link", rel="alternate", type="application/json",
            href=links.from_file(urls.twin_path(entry.page), FEED_PATH),
        )  # fmt: skip
        _add(element, "summary", entry.summary)
        _add(element, "category", term=entry.kind, label=entry.kind.capitalize())
        if entry.category:
            _add(element, "category", term=entry.category[0], label=entry.category[1])
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
