"""View data for the record pages: code decides, templates render.

Each `*_view` function returns a plain dict (its shape in `view_types`) of ready-made values
(links with their relative `href`, labels in Indonesian, markdown fields already rendered and
sanitized). Templates only loop and print; they never look anything up in the catalogue.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit

from generator.data.jsonld import Record, jsonld_for
from generator.records import urls
from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.records.dates import PartialDate, parse_date
from generator.records.model import Event, Indicator, Innovation, Replication, Source
from generator.site.boards import board_parts, commitment_board
from generator.site.breadcrumbs import (
    event_breadcrumbs,
    innovation_breadcrumbs,
    region_breadcrumbs,
    replication_breadcrumbs,
)
from generator.site.listing_pages import region_first_page
from generator.site.markdown import phone_url, render_markdown, safe_url
from generator.site.origin import origin_view
from generator.site.progress import REGION_ROWS, innovation_timeline, region_progress
from generator.site.record_footer import record_footer
from generator.site.structure import Page, Site, newest_first, year_text
from generator.site.view_types import (
    AwardView,
    ContactView,
    EventView,
    IndicatorView,
    InnovationView,
    OpenData,
    ParticipantView,
    RegionEventView,
    RegionSummary,
    RegionView,
    ReplicationView,
    SourceView,
)


def open_data(page: Page, record: Record) -> OpenData:
    """A record page's machine-readable twins: its schema.org JSON-LD, ready to embed in a
    script element, and the link to its JSON file (see `exports`)."""
    return {
        "jsonld": jsonld_for(page.site.catalogue, record, page.site.base_url),
        "json_twin": page.href(urls.twin_path(page.here)),
    }


def period_text(period: str | None) -> str | None:
    """An indicator's period: a date as a citizen reads it, any other text as written."""
    if not period:
        return None
    date = parse_date(period)
    return date.indonesian() if date else period


def date_text(date: PartialDate | None) -> str | None:
    return date.indonesian() if date else None


def sources_view(sources: tuple[Source, ...]) -> list[SourceView]:
    return [
        {"title": s.judul, "url": safe_url(s.url), "date": date_text(s.tanggal)} for s in sources
    ]


def innovation_view(site: Site, innovation: Innovation) -> InnovationView:
    """Every field of an innovation record, and its replication history."""
    page = Page(site, urls.innovation(innovation.slug))
    owner_profile = site.catalogue.profiles.get(innovation.wilayah) if innovation.wilayah else None
    replications = sorted(site.catalogue.replications_of(innovation.slug), key=lambda r: r.started)
    regional = innovation.regional
    return {
        "name": innovation.nama,
        "expansion": innovation.kepanjangan,
        "summary": innovation.ringkasan,
        "owner": page.owner(innovation),
        "owner_kind": None if regional else labels.OWNER_KIND[innovation.jenis_pemilik],
        "location": (
            page.region(innovation.wilayah) if innovation.wilayah and not regional else None
        ),
        "agency": innovation.instansi if regional else None,
        "year": year_text(innovation),
        "sector": page.sector(innovation.bidang) if innovation.bidang else None,
        "kind": labels.label_or_unknown(labels.INNOVATION_KIND, innovation.jenis),
        "maturity": labels.label_or_unknown(labels.MATURITY, innovation.tahap),
        "status": innovation.status,
        "status_label": _status_text(innovation),
        "unknown": _unknown_fields(innovation),
        "form": page.href(urls.FORM),
        "events": [page.event(e.slug) for e in site.catalogue.events_about(innovation.slug)],
        "problem": render_markdown(innovation.masalah),
        "solution": render_markdown(innovation.solusi),
        "outcome": render_markdown(innovation.hasil),
        "indicators": [_indicator(i) for i in innovation.indikator],
        "awards": _awards(page, innovation),
        "legal_basis": list(innovation.dasar_hukum),
        "links": [{"title": judul, "url": safe_url(url)} for judul, url in innovation.tautan],
        "sdgs": [f"{n}. {labels.SDG.get(n, '')}".rstrip(". ") for n in innovation.sdgs],
        "tags": list(innovation.tag),
        "sources": sources_view(innovation.sumber),
        "notes": render_markdown(innovation.catatan),
        "timeline": innovation_timeline(page, replications),
        "replications": [
            {**page.replication_item(r), "adaptation": render_markdown(r.modifikasi)}
            for r in replications
        ],
        "requirements": render_markdown(innovation.syarat_replikasi),
        "contact": _contact(innovation.kontak),
        "owner_site": safe_url(owner_profile.situs) if owner_profile else None,
        "contribute": page.href(urls.CONTRIBUTE),
        "open_data": open_data(page, innovation),
        "breadcrumbs": innovation_breadcrumbs(page, innovation),
        "origin": origin_view(page, innovation),
        "footer": record_footer(page, innovation.nama, innovation.path, innovation.diperbarui),
        "similar": [
            page.innovation_item(site.catalogue.innovations[slug])
            for slug in site.similar.get(innovation.slug, ())
        ],
    }


def _awards(page: Page, innovation: Innovation) -> list[AwardView]:
    return [
        {
            "name": a.nama,
            "year": date_text(a.tahun),
            "giver": a.pemberi,
            "event": page.event(a.kegiatan) if a.kegiatan else None,
        }
        for a in page.site.catalogue.awards_of(innovation)
    ]


def _status_text(innovation: Innovation) -> str:
    """ "Aktif, per Agustus 2025": the status a source showed, and when; or not known."""
    if innovation.status is None:
        return labels.UNKNOWN
    text = labels.label(labels.STATUS, innovation.status)
    if innovation.status_per is not None:
        text += f", per {innovation.status_per.indonesian()}"
    return text


# What a partial record may leave out, as its page names it.
_MAY_BE_UNKNOWN = (
    ("instansi", "perangkat daerah pemilik"),
    ("tahun", "tahun mulai diterapkan"),
    ("bidang", "bidang"),
    ("jenis", "jenis (digital, non-digital atau campuran)"),
    ("tahap", "tahap kematangan"),
)


def _unknown_fields(innovation: Innovation) -> list[str]:
    """What the sources of a partial record have not given yet (empty for a complete one)."""
    if innovation.lengkap:
        return []
    unknown = [name for key, name in _MAY_BE_UNKNOWN if getattr(innovation, key) is None]
    if not innovation.regional:
        unknown = [name for name in unknown if name != "perangkat daerah pemilik"]
    return unknown


def _contact(kontak: Mapping[str, str]) -> ContactView | None:
    """Whom to ask, with the e-mail address and telephone number as links."""
    if not kontak:
        return None
    email = kontak.get("email")
    phone = kontak.get("telepon")
    website = kontak.get("situs")
    return {
        "name": kontak.get("nama"),
        "position": kontak.get("jabatan"),
        "address": kontak.get("alamat"),
        "website": safe_url(website) if website else None,
        "website_text": urlsplit(website).netloc if website else None,
        "email": email,
        "email_url": safe_url(f"mailto:{email}") if email else None,
        "phone": phone,
        "phone_url": phone_url(phone) if phone else None,
    }


def _indicator(indicator: Indicator) -> IndicatorView:
    return {
        "name": indicator.nama,
        "value": " ".join(x for x in (indicator.nilai, indicator.satuan) if x),
        "before": (
            " ".join(x for x in (indicator.sebelum, indicator.satuan) if x)
            if indicator.sebelum
            else None
        ),
        "period": period_text(indicator.periode),
        "source": indicator.sumber,
        "source_url": safe_url(indicator.sumber),
    }


def replication_view(site: Site, replication: Replication) -> ReplicationView:
    """One region's replication of one innovation, stage by stage."""
    page = Page(site, urls.replication(replication.slug))
    innovation = site.catalogue.innovations[replication.inovasi]
    title = site.catalogue.replication_title(replication)
    return {
        "title": title,
        "innovation": page.innovation(innovation.slug),
        "summary": innovation.ringkasan,
        "owner": page.owner(innovation),
        "owner_agency": innovation.instansi,
        "region": page.region(replication.wilayah),
        "agency": replication.instansi,
        "local_name": replication.nama_lokal,
        "event": page.event(replication.kegiatan) if replication.kegiatan else None,
        "stages": [
            {
                "label": labels.label(labels.REPLICATION_STAGE, s.tahap),
                "code": s.tahap,
                "date": s.tanggal.indonesian(),
                "notes": s.catatan,
            }
            for s in replication.tahapan
        ],
        "latest": labels.label(labels.REPLICATION_STAGE, replication.latest_stage.tahap),
        "adaptation": render_markdown(replication.modifikasi),
        "outcome": render_markdown(replication.hasil),
        "sources": sources_view(replication.sumber),
        "notes": render_markdown(replication.catatan),
        "open_data": open_data(page, replication),
        "breadcrumbs": replication_breadcrumbs(page, replication),
        "footer": record_footer(page, title, replication.path),
    }


def event_view(site: Site, event: Event) -> EventView:
    """An event: who signed or took part, what replications came of it, who won what."""
    page = Page(site, urls.event(event.slug))
    linked = site.catalogue.replications_in(event.slug)
    by_region: dict[str, list[Replication]] = defaultdict(list)
    for replication in linked:
        by_region[replication.wilayah].append(replication)
    participants: list[ParticipantView] = [
        {
            "region": page.region(code),
            "replications": [page.replication_item(r) for r in by_region.get(code, [])],
        }
        for code in event.peserta
    ]
    others = [page.replication_item(r) for r in linked if r.wilayah not in set(event.peserta)]
    return {
        "name": event.nama,
        "kind": labels.label(labels.EVENT_KIND, event.jenis),
        "date": event.tanggal.indonesian(),
        "place": event.tempat,
        "organiser": page.region(event.penyelenggara) if event.penyelenggara else None,
        "basis": list(event.dasar),
        "innovations": [page.innovation(slug) for slug in event.inovasi],
        "description": render_markdown(event.uraian),
        "participants": participants,
        "without_replication": sum(1 for p in participants if not p["replications"]),
        "other_replications": others,
        "board": commitment_board(board_parts(site, event)[0], event),
        "results": [
            {
                "innovation": page.innovation(r.inovasi),
                "owner": page.owner(site.catalogue.innovations[r.inovasi]),
                "award": r.penghargaan,
            }
            for r in event.hasil
        ],
        "sources": sources_view(event.sumber),
        "notes": render_markdown(event.catatan),
        "open_data": open_data(page, event),
        "breadcrumbs": event_breadcrumbs(page, event),
        "footer": record_footer(page, event.nama, event.path),
    }


FEW_INNOVATIONS = 3
"""A region with fewer innovations than this asks its readers for the ones it lacks."""


def region_view(site: Site, code: str) -> RegionView:
    """A region's profile and everything it owns, replicates, joins and won."""
    catalogue = site.catalogue
    region = catalogue.region(code)
    page = Page(site, urls.region(site.region_slug(code)))
    profile = catalogue.profiles.get(code)
    owned = sorted(catalogue.innovations_of(code), key=newest_first)
    province = None
    if not region.is_province and site.has_region_page(region.province_code):
        province = page.region(region.province_code)
    name = catalogue.region_name(code)
    owned_groups, owned_pager = region_first_page(site, code)
    awards = [(i, award) for i in owned for award in catalogue.awards_of(i)]
    return {
        "name": name,
        "code": code,
        "is_province": region.is_province,
        "province": province,
        "capital": profile.ibu_kota if profile else None,
        "website": safe_url(profile.situs) if profile else None,
        "website_text": urlsplit(profile.situs).netloc if profile and profile.situs else None,
        "description": render_markdown(profile.uraian if profile else None),
        "sources": sources_view(profile.sumber) if profile else [],
        "notes": render_markdown(profile.catatan if profile else None),
        "owned_count": len(owned),
        "owned_sectors": len({i.bidang for i in owned}),
        "outside": _outside_note(catalogue, owned),
        "owned_by_sector": owned_groups,
        "owned_pager": owned_pager,
        "invite": len(owned) < FEW_INNOVATIONS,
        "contribute": f"{page.href(urls.FORM)}?{urlencode({'wilayah': code})}",
        "replicated": [
            page.replication_item(r)
            for r in sorted(catalogue.replications_by(code), key=lambda r: r.started, reverse=True)
        ],
        "replicated_by_others": [
            page.replication_item(r)
            for innovation in owned
            for r in sorted(catalogue.replications_of(innovation.slug), key=lambda r: r.started)
        ],
        "progress": region_progress(page, code),
        "events": _region_events(page, code),
        "awards": [
            {
                "innovation": page.innovation(innovation.slug),
                "name": award.nama,
                "year": date_text(award.tahun),
                # A competition result names its event as the giver.
                "giver": award.pemberi
                or (catalogue.events[award.kegiatan].nama if award.kegiatan else None),
            }
            for innovation, award in awards[:REGION_ROWS]
        ],
        # The rest are on the innovations' own pages (a page of hundreds would not be read).
        "awards_more": max(0, len(awards) - REGION_ROWS),
        "members": _members(page, code) if region.is_province else [],
        "open_data": open_data(page, profile or region),
        "breadcrumbs": region_breadcrumbs(page, code),
        "footer": record_footer(page, name, profile.path if profile else None),
    }


def _outside_note(catalogue: Catalogue, owned: list[Innovation]) -> str | None:
    """`dari luar Kalimantan Barat` when a region's own innovations come from another
    province: said once above its cards rather than on each (they share the region)."""
    if owned and catalogue.origin_of(owned[0]) == "outside":
        return f"dari luar {catalogue.home_name()}"
    return None


def _region_events(page: Page, code: str) -> list[RegionEventView]:
    """The events a region organised or joined, newest first."""
    events = sorted(page.site.catalogue.events_of(code), key=lambda e: e.tanggal, reverse=True)
    return [
        {
            "link": page.event(e.slug),
            "date": e.tanggal.indonesian(),
            "kind": labels.label(labels.EVENT_KIND, e.jenis),
            "role": "Penyelenggara" if e.penyelenggara == code else "Peserta",
        }
        for e in events
    ]


def _members(page: Page, province: str) -> list[RegionSummary]:
    """A province's regencies and cities that have pages, with what each owns and replicates."""
    catalogue = page.site.catalogue
    return [
        {
            "link": page.region(c),
            "owned": len(catalogue.innovations_of(c)),
            "replicated": len(catalogue.replications_by(c)),
        }
        for c in page.site.region_codes
        if c != province and catalogue.region(c).province_code == province
    ]
