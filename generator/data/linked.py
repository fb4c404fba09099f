"""Linked data: the DCAT catalogue of the data files and schema.org JSON-LD for record pages.

`data/dcat.jsonld` describes each dataset (the whole catalogue, one per record kind, the
schemas) with its distributions, for open-data portals that harvest DCAT (CKAN, Satu Data).
Without a base URL its addresses are relative to `data/dcat.jsonld`, as JSON-LD resolves them.
"""

from __future__ import annotations

import json
from typing import Any

from generator.data.records import FORMAT_VERSION, Json, Links, RecordData
from generator.data.tables import ODBL, TABLES
from generator.records import urls
from generator.records.model import Catalogue, Event, Innovation, RegionProfile, Replication
from generator.records.regions import Region

DATA_DIR = "data/"
KATALOG_PATH = "data/katalog.json"
DATAPACKAGE_PATH = "data/datapackage.json"
DCAT_PATH = "data/dcat.jsonld"
SCHEMA_DIR = "data/schema/"
CATALOGUE_TITLE = "Katalog Inovasi Pelayanan Publik"
PUBLISHER = "Katalog Inovasi Pelayanan Publik"
LANGUAGE_ID = "http://publications.europa.eu/resource/authority/language/IND"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
DATAPACKAGE_SPEC = "https://specs.frictionlessdata.io/data-package/"
JSON_SCHEMA_SPEC = "https://json-schema.org/draft/2020-12/schema"

DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _id(address: str) -> Json:
    return {"@id": address}


def _text(value: str) -> Json:
    return {"@value": value, "@language": "id"}


def _distribution(
    links: Links, path: str, title: str, media_type: str, conforms_to: str | None = None
) -> Json:
    address = _id(links.from_file(path, DCAT_PATH))
    distribution: Json = {
        "@type": "dcat:Distribution",
        "dct:title": title,
        "dcat:accessURL": address,
        "dcat:downloadURL": address,
        "dcat:mediaType": _id(MEDIA_TYPE + media_type),
        "dct:format": media_type.rsplit("/", 1)[-1].upper(),
        "dct:license": _id(ODBL["path"]),
    }
    if conforms_to:
        distribution["dct:conformsTo"] = _id(conforms_to)
    return distribution


def dcat_catalogue(data: RecordData, links: Links, modified: str, schema_names: list[str]) -> Json:
    """The DCAT-AP style catalogue: one dcat:Dataset per data file family, with distributions;
    the JSON twin of every record is a distribution of its kind's dataset."""
    here = links.from_file(DCAT_PATH, DCAT_PATH)
    landing = _id(links.from_file(DATA_DIR, DCAT_PATH))
    datapackage = links.from_file(DATAPACKAGE_PATH, DCAT_PATH)

    def dataset(key: str, title: str, description: str, distributions: list[Json]) -> Json:
        return {
            "@id": f"{here}#{key}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"katalog-inovasi/{key}",
            "dct:title": _text(title),
            "dct:description": _text(description),
            "dct:language": _id(LANGUAGE_ID),
            "dct:license": _id(ODBL["path"]),
            "dct:modified": {"@value": modified, "@type": "xsd:date"},
            "dct:publisher": {"@type": "foaf:Agent", "foaf:name": PUBLISHER},
            "dcat:keyword": ["inovasi", "pelayanan publik", key],
            "dcat:landingPage": landing,
            "dcat:distribution": distributions,
        }

    pages = {
        "inovasi": [data.innovation_page(s) for s in data.catalogue.innovations],
        "replikasi": [data.replication_page(s) for s in data.catalogue.replications],
        "wilayah": [data.region_page(code) for code in data.region_codes],
        "kegiatan": [data.event_page(s) for s in data.catalogue.events],
    }
    datasets = [
        dataset(
            "katalog",
            "Katalog lengkap (JSON)",
            "Semua catatan dengan rujukan yang sudah diuraikan, dalam satu berkas, beserta"
            " paket data Frictionless dan umpan Atom.",
            [
                _distribution(links, KATALOG_PATH, "katalog.json", "application/json"),
                _distribution(
                    links,
                    DATAPACKAGE_PATH,
                    "datapackage.json",
                    "application/json",
                    DATAPACKAGE_SPEC,
                ),
                _distribution(links, "feed.xml", "feed.xml", "application/atom+xml"),
            ],
        )
    ]
    for table in TABLES:
        twins = [
            _distribution(links, urls.twin_path(page), urls.twin_path(page), "application/json")
            for page in pages[table.name]
        ]
        csv = _distribution(links, DATA_DIR + table.path, table.path, "text/csv", datapackage)
        datasets.append(dataset(table.name, table.title, table.description, [csv, *twins]))
    datasets.append(
        dataset(
            "skema",
            "Skema JSON catatan",
            "JSON Schema (draft 2020-12) setiap jenis catatan, dengan keterangan berbahasa"
            " Indonesia.",
            [
                _distribution(
                    links, f"{SCHEMA_DIR}{name}", name, "application/schema+json", JSON_SCHEMA_SPEC
                )
                for name in schema_names
            ],
        )
    )
    return {
        "@context": DCAT_CONTEXT,
        "@id": here,
        "@type": "dcat:Catalog",
        "dct:title": _text(CATALOGUE_TITLE),
        "dct:description": _text(
            "Data terbuka katalog inovasi pelayanan publik pemerintah daerah dan replikasinya."
        ),
        "dct:language": _id(LANGUAGE_ID),
        "dct:license": _id(ODBL["path"]),
        "dct:modified": {"@value": modified, "@type": "xsd:date"},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": PUBLISHER},
        "dct:hasVersion": FORMAT_VERSION,
        "foaf:homepage": _id(links.from_file("", DCAT_PATH)),
        "dcat:dataset": datasets,
    }


# schema.org JSON-LD for record pages.

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
        here = data.innovation_page(record.slug)
    elif isinstance(record, Replication):
        here = data.replication_page(record.slug)
    elif isinstance(record, Event):
        here = data.event_page(record.slug)
    else:
        here = data.region_page(record.kode if isinstance(record, RegionProfile) else record.code)

    def link(target: str) -> str:
        if data.links.base:
            return data.links.address(target)
        return "./" if target == here else urls.relative(here, target)

    def area(code: str) -> Json:
        return {
            "@type": "AdministrativeArea",
            "name": catalogue.region_name(code),
            "identifier": code,
            "url": link(data.region_page(code)),
        }

    def sources(items: tuple[Any, ...]) -> list[Json]:
        return [{"@type": "CreativeWork", "name": s.judul, "url": s.url} for s in items]

    value: Json = {"@context": "https://schema.org", "url": link(here)}
    if isinstance(record, Innovation):
        sector = catalogue.sectors.get(record.bidang)
        value |= {
            "@type": "GovernmentService",
            "name": record.nama,
            "description": record.ringkasan,
            "serviceType": sector.nama if sector else record.bidang,
            "provider": {"@type": "GovernmentOrganization", "name": record.instansi},
            "areaServed": area(record.wilayah),
        }
        if record.kepanjangan:
            value["alternateName"] = record.kepanjangan
        if record.tag:
            value["keywords"] = ", ".join(record.tag)
        if record.penghargaan:
            value["award"] = [award.nama for award in record.penghargaan]
        if record.sumber:
            value["subjectOf"] = sources(record.sumber)
    elif isinstance(record, Replication):
        innovation = catalogue.innovations[record.inovasi]
        value |= {
            "@type": "GovernmentService",
            "name": record.nama_lokal or catalogue.replication_title(record),
            "description": catalogue.replication_title(record),
            "provider": {"@type": "GovernmentOrganization", "name": record.instansi},
            "areaServed": area(record.wilayah),
            "isSimilarTo": {
                "@type": "GovernmentService",
                "name": innovation.nama,
                "url": link(data.innovation_page(innovation.slug)),
                "areaServed": area(innovation.wilayah),
            },
        }
        if record.sumber:
            value["subjectOf"] = sources(record.sumber)
    elif isinstance(record, Event):
        value |= {"@type": "Event", "name": record.nama, "startDate": record.tanggal.iso()}
        if record.tempat:
            value["location"] = {"@type": "Place", "name": record.tempat}
        elif record.penyelenggara:
            value["location"] = area(record.penyelenggara)
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
            value["subjectOf"] = sources(record.sumber)
    else:
        code = record.kode if isinstance(record, RegionProfile) else record.code
        region = catalogue.region(code)
        value |= area(code)
        value["url"] = link(here)
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
    return script_safe_json(value)
