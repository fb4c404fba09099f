"""The DCAT catalogue of the data files, `data/dcat.jsonld`.

It describes each dataset (the whole catalogue, one per record kind, the schemas) with its
distributions, for open-data portals that harvest DCAT (CKAN, Satu Data). Without a base URL
its addresses are relative to `data/dcat.jsonld`, as JSON-LD resolves them.

Every record's JSON twin is a distribution (31,000 at 10,000 innovations), so a
distribution is written compactly: its context makes the file's addresses, media type,
format and licence plain strings (`"dcat:downloadURL": "../inovasi/x.json"`, the media
types and file types as `iana:` and `filetype:` names), and the class of a media type, a
file type or the licence is stated at its first use only (`{"@id": ..., "@type": ...}`):
the same RDF graph as writing them in full everywhere, in under half the bytes.
"""

from __future__ import annotations

import re

from generator.data.columns import ODBL
from generator.data.records import FORMAT_VERSION, Json, Links, RecordData
from generator.data.spreadsheets import WORKBOOK_NAME
from generator.data.tables import TABLES
from generator.records import urls
from generator.records.settings import Publisher

DATA_DIR = "data/"
KATALOG_PATH = "data/katalog.json"
DATAPACKAGE_PATH = "data/datapackage.json"
DCAT_PATH = "data/dcat.jsonld"
SCHEMA_DIR = "data/schema/"
CATALOGUE_TITLE = "Katalog Inovasi Pelayanan Publik"
PUBLISHER = "Katalog Inovasi Pelayanan Publik"
LANGUAGE_ID = "http://publications.europa.eu/resource/authority/language/IND"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
DATAPACKAGE_SPEC = "https://specs.frictionlessdata.io/data-package/"
JSON_SCHEMA_SPEC = "https://json-schema.org/draft/2020-12/schema"
VCARD = "http://www.w3.org/2006/vcard/ns#"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

IRI = {"@type": "@id"}  # a property whose string values are addresses (JSON-LD coercion)
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "iana": MEDIA_TYPE,
    "filetype": FILE_TYPE,
    "dcat:accessURL": IRI,
    "dcat:downloadURL": IRI,
    "dcat:mediaType": IRI,
    "dct:format": IRI,
    "dct:license": IRI,
    "dct:conformsTo": IRI,
}


def _id(address: str) -> Json:
    return {"@id": address}


def _text(value: str) -> Json:
    return {"@value": value, "@language": "id"}


def _typed(address: str, rdf_type: str) -> Json:
    """A resource named by its IRI and typed with the class DCAT-AP expects of the property
    (its range), so that the file validates without fetching the controlled vocabularies."""
    return {"@id": address, "@type": rdf_type}


class _Shared:
    """Resources that most distributions name (the licence, media types, file types): typed
    at their first use in the file, named by their address alone afterwards (a property in
    the context's coercions)."""

    def __init__(self) -> None:
        self.typed: set[str] = set()

    def __call__(self, address: str, rdf_type: str) -> Json | str:
        if address in self.typed:
            return address
        self.typed.add(address)
        return _typed(address, rdf_type)


# Each kind of data file: its type in the EU file-type vocabulary and its IANA media type.
# JSON Schemas are plain JSON to both (`application/schema+json` is not registered at IANA);
# `dct:conformsTo` names the JSON Schema specification.
FORMATS = {
    "csv": ("CSV", "text/csv"),
    "json": ("JSON", "application/json"),
    "atom": ("ATOM", "application/atom+xml"),
    "xlsx": ("XLSX", XLSX_TYPE),
}


def _file_address(links: Links, path: str) -> str:
    """A data file's address as `dcat.jsonld` gives it: `links.from_file(path, DCAT_PATH)`,
    without its general path arithmetic (31,000 times at 10,000 innovations)."""
    if links.base:
        return links.base + path
    return path.removeprefix(DATA_DIR) if path.startswith(DATA_DIR) else "../" + path


def _distribution(
    links: Links,
    shared: _Shared,
    path: str,
    title: str,
    kind: str,
    conforms_to: str | None = None,
) -> Json:
    """One file of a dataset; `kind` is a key of FORMATS."""
    address = _file_address(links, path)
    file_type, media_type = FORMATS[kind]
    distribution: Json = {
        "@type": "dcat:Distribution",
        "dct:title": title,
        "dcat:accessURL": address,
        "dcat:downloadURL": address,
        "dcat:mediaType": shared("iana:" + media_type, "dct:MediaType"),
        "dct:format": shared("filetype:" + file_type, "dct:MediaTypeOrExtent"),
        "dct:license": shared(ODBL["path"], "dct:LicenseDocument"),
    }
    if conforms_to:
        distribution["dct:conformsTo"] = shared(conforms_to, "dct:Standard")
    return distribution


def _dataset(
    links: Links,
    shared: _Shared,
    modified: str,
    key: str,
    title: str,
    description: str,
    distributions: list[Json],
) -> Json:
    return {
        "@id": f"{links.from_file(DCAT_PATH, DCAT_PATH)}#{key}",
        "@type": "dcat:Dataset",
        "dct:identifier": f"katalog-inovasi/{key}",
        "dct:title": _text(title),
        "dct:description": _text(description),
        "dct:language": _typed(LANGUAGE_ID, "dct:LinguisticSystem"),
        "dct:license": shared(ODBL["path"], "dct:LicenseDocument"),
        "dct:modified": {"@value": modified, "@type": "xsd:date"},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": PUBLISHER},
        "dcat:keyword": ["inovasi", "pelayanan publik", key],
        "dcat:landingPage": _typed(links.from_file(DATA_DIR, DCAT_PATH), "foaf:Document"),
        "dcat:distribution": distributions,
    }


def _whole_catalogue_dataset(links: Links, shared: _Shared, modified: str) -> Json:
    return _dataset(
        links,
        shared,
        modified,
        "katalog",
        "Katalog lengkap (JSON)",
        "Semua catatan dengan rujukan yang sudah diuraikan, dalam satu berkas, beserta"
        " paket data Frictionless, buku kerja lembar kerja (XLSX) dan umpan Atom.",
        [
            _distribution(links, shared, KATALOG_PATH, "katalog.json", "json"),
            _distribution(links, shared, DATA_DIR + WORKBOOK_NAME, WORKBOOK_NAME, "xlsx"),
            _distribution(
                links, shared, DATAPACKAGE_PATH, "datapackage.json", "json", DATAPACKAGE_SPEC
            ),
            _distribution(links, shared, "feed.xml", "feed.xml", "atom"),
        ],
    )


def _table_datasets(data: RecordData, links: Links, shared: _Shared, modified: str) -> list[Json]:
    """One dataset per record kind: its CSV table, and the JSON twin of every record."""
    pages = {
        "inovasi": [data.innovation_page(s) for s in data.catalogue.innovations],
        "replikasi": [data.replication_page(s) for s in data.catalogue.replications],
        "wilayah": [data.region_page(code) for code in data.region_codes],
        "kegiatan": [data.event_page(s) for s in data.catalogue.events],
    }
    datapackage = links.from_file(DATAPACKAGE_PATH, DCAT_PATH)
    datasets = []
    for table in TABLES:
        twins = [
            _distribution(links, shared, path, path, "json")
            for path in map(urls.twin_path, pages[table.name])
        ]
        path = DATA_DIR + table.path
        csv = _distribution(links, shared, path, table.path, "csv", datapackage)
        distributions = [csv, *twins]
        datasets.append(
            _dataset(
                links, shared, modified, table.name, table.title, table.description, distributions
            )
        )
    return datasets


def _schema_dataset(links: Links, shared: _Shared, modified: str, schema_names: list[str]) -> Json:
    return _dataset(
        links,
        shared,
        modified,
        "skema",
        "Skema JSON catatan",
        "JSON Schema (draft 2020-12) setiap jenis catatan, dengan keterangan berbahasa Indonesia.",
        [
            _distribution(links, shared, f"{SCHEMA_DIR}{name}", name, "json", JSON_SCHEMA_SPEC)
            for name in schema_names
        ],
    )


def _publisher(publisher: Publisher | None) -> Json:
    """The catalogue's publisher (`pengelola`), else the catalogue itself by name."""
    if publisher is None:
        return {"@type": "foaf:Agent", "foaf:name": PUBLISHER}
    return {
        "@type": "foaf:Agent",
        "foaf:name": publisher.nama,
        "foaf:mbox": _id(f"mailto:{publisher.email}"),
    }


def _contact_point(publisher: Publisher) -> Json:
    """Whom to ask about the data (DCAT-AP recommends a vCard)."""
    contact: Json = {
        "@type": "vcard:Kind",
        "vcard:fn": publisher.nama,
        "vcard:hasEmail": _id(f"mailto:{publisher.email}"),
    }
    if publisher.telepon:
        contact["vcard:hasTelephone"] = _id("tel:" + re.sub(r"[^0-9+]", "", publisher.telepon))
    if publisher.alamat:
        address = {"@type": "vcard:Address", "vcard:street-address": publisher.alamat}
        contact["vcard:hasAddress"] = address
    return contact


def dcat_catalogue(data: RecordData, links: Links, modified: str, schema_names: list[str]) -> Json:
    """The DCAT-AP style catalogue: one dcat:Dataset per data file family, with distributions;
    the JSON twin of every record is a distribution of its kind's dataset. Its publisher is
    the catalogue's `pengelola` when `katalog.yml` names one."""
    shared = _Shared()
    license_ = shared(ODBL["path"], "dct:LicenseDocument")  # typed here, on the catalogue
    datasets = [
        _whole_catalogue_dataset(links, shared, modified),
        *_table_datasets(data, links, shared, modified),
        _schema_dataset(links, shared, modified, schema_names),
    ]
    publisher = data.catalogue.identity.publisher
    context: Json = DCAT_CONTEXT
    if publisher is not None:
        context = {**DCAT_CONTEXT, "vcard": VCARD}
        for dataset in datasets:
            dataset["dct:publisher"] = _publisher(publisher)
            dataset["dcat:contactPoint"] = _contact_point(publisher)
    return {
        "@context": context,
        "@id": links.from_file(DCAT_PATH, DCAT_PATH),
        "@type": "dcat:Catalog",
        "dct:title": _text(CATALOGUE_TITLE),
        "dct:description": _text(
            "Data terbuka katalog inovasi pelayanan publik pemerintah daerah dan replikasinya."
        ),
        "dct:language": _typed(LANGUAGE_ID, "dct:LinguisticSystem"),
        "dct:license": license_,
        "dct:modified": {"@value": modified, "@type": "xsd:date"},
        "dct:publisher": _publisher(publisher),
        "dct:hasVersion": FORMAT_VERSION,
        "foaf:homepage": _typed(links.from_file("", DCAT_PATH), "foaf:Document"),
        "dcat:dataset": datasets,
    }
