"""schema.org JSON-LD for record pages, embedded in each page's head.

GovernmentService for innovations and replications, Event for events, AdministrativeArea for
regions (a profile or a region of the national table). Every property is one schema.org
defines for its type (`tests/test_exports.py` keeps a table of them).
"""

from __future__ import annotations

import json
from typing import Any

from generator.data.records import Json, Links, RecordData
from generator.records import urls
from generator.records.catalogue import Catalogue
from generator.records.model import Event, Innovation, RegionProfile, Replication, Source
from generator.records.regions import Region

Record = Innovation | Replication | Event | RegionProfile | Region


def script_safe_json(value: Any) -> str:
    """JSON that can sit inside `<script type="application/ld+json">`: `<`, `>` and `&` are
    written as `\\u003c`-style escapes, so a value holding `</script>` cannot end the script."""
    # Compact: `indent` would make `json` fall back to its pure-Python encoder, on every page.
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def jsonld_for(catalogue: Catalogue, record: Record, base_url: str | None = None) -> str:
    """schema.org JSON-LD for a record's page, ready to embed in a JSON-LD script element.

    GovernmentService for innovations and replications, Event for events, AdministrativeArea
    for regions (a profile or a region of the national table). Without `base_url`, addresses
    are relative to the record's own page."""
    data = RecordData(catalogue, Links(base_url))
    if isinstance(record, Innovation):
        page = _Page(data, data.innovation_page(record.slug))
        fields = _innovation(page, record)
    elif isinstance(record, Replication):
        page = _Page(data, data.replication_page(record.slug))
        fields = _replication(page, record)
    elif isinstance(record, Event):
        page = _Page(data, data.event_page(record.slug))
        fields = _event(page, record)
    else:
        code = record.kode if isinstance(record, RegionProfile) else record.code
        page = _Page(data, data.region_page(code))
        fields = _region(page, code)
    value: Json = {"@context": "https://schema.org", "url": page.link(page.here)}
    return script_safe_json(value | fields)


def _link(links: Links, here: str, target: str) -> str:
    """The address of the page `target` as the page `here` writes it: absolute under the base
    URL; without one, relative to `here`."""
    if links.base:
        return links.address(target)
    return "./" if target == here else urls.relative(here, target)


class _Page:
    """The page a JSON-LD block sits on, and addresses as that page writes them."""

    def __init__(self, data: RecordData, here: str) -> None:
        self.data = data
        self.catalogue = data.catalogue
        self.here = here

    def link(self, target: str) -> str:
        """Absolute under the base URL; without one, relative to this page."""
        return _link(self.data.links, self.here, target)

    def area(self, code: str) -> Json:
        """A region as a schema.org AdministrativeArea, with its page's address."""
        return {
            "@type": "AdministrativeArea",
            "name": self.catalogue.region_name(code),
            "identifier": code,
            "url": self.link(self.data.region_page(code)),
        }


# The schema.org type of each kind of owner (`jenis_pemilik`).
_ORGANISATION = {
    "pemda": "GovernmentOrganization",
    "kementerian-lembaga": "GovernmentOrganization",
    "perguruan-tinggi": "CollegeOrUniversity",
    "bumn-bumd": "Corporation",
    "lainnya": "Organization",
}


def _sources(items: tuple[Source, ...]) -> list[Json]:
    return [{"@type": "CreativeWork", "name": s.judul, "url": s.url} for s in items]


def _innovation(page: _Page, record: Innovation) -> Json:
    value: Json = {
        "@type": "GovernmentService",
        "name": record.nama,
        "description": record.ringkasan,
    }
    sector = page.catalogue.sector_name(record.bidang)
    if sector:
        value["serviceType"] = sector
    owner = record.instansi or page.catalogue.owner_name(record)
    value["provider"] = {"@type": _ORGANISATION[record.jenis_pemilik], "name": owner}
    if record.wilayah:
        value["areaServed"] = page.area(record.wilayah)
    if record.kepanjangan:
        value["alternateName"] = record.kepanjangan
    if record.tag:
        # `keywords` belongs to CreativeWork, not Service: a service's labels are its category.
        value["category"] = list(record.tag)
    if record.penghargaan:
        value["award"] = [award.nama for award in record.penghargaan]
    if record.sumber:
        value["subjectOf"] = _sources(record.sumber)
    return value


def _replication(page: _Page, record: Replication) -> Json:
    catalogue = page.catalogue
    innovation = catalogue.innovations[record.inovasi]
    value: Json = {
        "@type": "GovernmentService",
        "name": record.nama_lokal or catalogue.replication_title(record),
        "description": catalogue.replication_title(record),
        "provider": {"@type": "GovernmentOrganization", "name": record.instansi},
        "areaServed": page.area(record.wilayah),
        "isSimilarTo": {
            "@type": "GovernmentService",
            "name": innovation.nama,
            "url": page.link(page.data.innovation_page(innovation.slug)),
            **({"areaServed": page.area(innovation.wilayah)} if innovation.wilayah else {}),
        },
    }
    if record.sumber:
        value["subjectOf"] = _sources(record.sumber)
    return value


def _event(page: _Page, record: Event) -> Json:
    catalogue = page.catalogue
    value: Json = {"@type": "Event", "name": record.nama, "startDate": record.tanggal.iso()}
    if record.tempat:
        value["location"] = {"@type": "Place", "name": record.tempat}
    elif record.penyelenggara:
        value["location"] = page.area(record.penyelenggara)
    if record.penyelenggara:
        value["organizer"] = {
            "@type": "GovernmentOrganization",
            "name": catalogue.region_name(record.penyelenggara),
        }
    if record.peserta:
        value["attendee"] = [
            {"@type": "GovernmentOrganization", "name": catalogue.region_name(code)}
            for code in record.peserta
        ]
    if record.uraian:
        value["description"] = record.uraian.strip()
    if record.sumber:
        value["subjectOf"] = _sources(record.sumber)
    return value


def _region(page: _Page, code: str) -> Json:
    catalogue = page.catalogue
    region = catalogue.region(code)
    value = page.area(code)
    value["url"] = page.link(page.here)
    if not region.is_province:
        value["containedInPlace"] = {
            "@type": "AdministrativeArea",
            "name": catalogue.region_name(region.province_code),
            "identifier": region.province_code,
        }
    profile = catalogue.profiles.get(code)
    if profile and profile.situs:
        value["sameAs"] = profile.situs
    if profile and profile.uraian:
        value["description"] = profile.uraian.strip()
    return value


def breadcrumbs_jsonld(here: str, trail: list[tuple[str, str]], base_url: str | None) -> str:
    """schema.org BreadcrumbList for the page at `here`: `trail` is (page URL, name) from the
    home page down to the page itself. Addresses are absolute under `base_url`; without one,
    relative to the page, as the record's own JSON-LD."""
    links = Links(base_url)
    items: list[Json] = [
        {"@type": "ListItem", "position": n, "name": name, "item": _link(links, here, target)}
        for n, (target, name) in enumerate(trail, start=1)
    ]
    return script_safe_json(
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
    )
