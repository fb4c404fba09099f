"""`data/dcat.jsonld` read as RDF and checked against the DCAT-AP 3.0.1 SHACL shapes (the
mandatory constraints and the classes of property values, `tests/standards/dcat-ap/`), as an
open-data portal that harvests DCAT-AP would check it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from generator.data.exports import export_files
from generator.records.catalogue import Catalogue
from generator.records.validate import read_catalogue

from .conftest import write_settings

SHAPES = Path(__file__).resolve().parent / "standards" / "dcat-ap"
SITE = "https://katalog.example.go.id/inovasi-kalbar"
SETTINGS = f"""
    situs: {SITE}
    pengelola:
      nama: Biro Uji
      email: biro@example.org
      telepon: "+62 561 000000"
"""
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"

# rdflib's own JSON-LD parser still builds a ConjunctiveGraph.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


def _catalogue(folder: Path) -> Catalogue:
    result = read_catalogue(folder)
    assert result.problems == []
    assert result.catalogue is not None
    return result.catalogue


def _dcat_graph(catalogue: Catalogue, base: str) -> Graph:
    """The catalogue's `data/dcat.jsonld`, parsed as JSON-LD at `base` (where it is served)."""
    site_url = catalogue.identity.site_url
    files = {f.path: f.content for f in export_files(catalogue, site_url, dt.date(2024, 5, 1))}
    text = files["data/dcat.jsonld"]
    json.loads(text)  # plain JSON first
    return Graph().parse(data=text, format="json-ld", base=base + "data/dcat.jsonld")


def _shapes() -> Graph:
    shapes = Graph()
    for name in ("shapes.ttl", "range.ttl"):
        shapes.parse(SHAPES / name, format="turtle")
    return shapes


def _assert_conforms(graph: Graph) -> None:
    conforms, _, report = pyshacl.validate(graph, shacl_graph=_shapes())
    assert conforms, report


@pytest.fixture
def published(catalogue_dir: Path) -> Graph:
    """The DCAT graph of the test catalogue with an address and a publisher."""
    write_settings(catalogue_dir, SETTINGS)
    catalogue = _catalogue(catalogue_dir)
    assert catalogue.identity.site_url == SITE + "/"
    return _dcat_graph(catalogue, SITE + "/")


def test_dcat_conforms_to_the_dcat_ap_shapes(published: Graph) -> None:
    assert len(published) > 100
    _assert_conforms(published)


def test_dcat_without_address_or_publisher_still_conforms(catalogue_dir: Path) -> None:
    """No `situs`, no `pengelola`: relative addresses resolve against wherever the file is
    read from, and the catalogue names itself as its publisher."""
    catalogue = _catalogue(catalogue_dir)
    assert catalogue.identity.site_url is None and catalogue.identity.publisher is None
    graph = _dcat_graph(catalogue, "file:///situs/")
    _assert_conforms(graph)
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert catalog == URIRef("file:///situs/data/dcat.jsonld")
    publisher = graph.value(catalog, DCT.publisher)
    assert graph.value(publisher, FOAF.name) == Literal("Katalog Inovasi Pelayanan Publik")


def test_distributions_name_their_file_type_and_media_type(published: Graph) -> None:
    formats = {}
    for distribution in published.subjects(RDF.type, DCAT.Distribution):
        url = str(published.value(distribution, DCAT.downloadURL))
        formats[url.rsplit(".", 1)[-1]] = (
            published.value(distribution, DCT["format"]),
            published.value(distribution, DCAT.mediaType),
        )
        license_ = published.value(distribution, DCT.license)
        assert (license_, RDF.type, DCT.LicenseDocument) in published
    assert formats == {
        "csv": (URIRef(FILE_TYPE + "CSV"), URIRef(MEDIA_TYPE + "text/csv")),
        "json": (URIRef(FILE_TYPE + "JSON"), URIRef(MEDIA_TYPE + "application/json")),
        "xml": (URIRef(FILE_TYPE + "ATOM"), URIRef(MEDIA_TYPE + "application/atom+xml")),
        "xlsx": (
            URIRef(FILE_TYPE + "XLSX"),
            URIRef(
                MEDIA_TYPE + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        ),
    }


def test_publisher_and_contact_point_come_from_pengelola(published: Graph) -> None:
    datasets = list(published.subjects(RDF.type, DCAT.Dataset))
    (catalog,) = published.subjects(RDF.type, DCAT.Catalog)
    assert len(datasets) == 6
    for resource in [catalog, *datasets]:
        publisher = published.value(resource, DCT.publisher)
        assert (publisher, RDF.type, FOAF.Agent) in published
        assert published.value(publisher, FOAF.name) == Literal("Biro Uji")
    for dataset in datasets:
        contact = published.value(dataset, DCAT.contactPoint)
        assert (contact, RDF.type, VCARD.Kind) in published
        assert published.value(contact, VCARD.fn) == Literal("Biro Uji")
        assert published.value(contact, VCARD.hasEmail) == URIRef("mailto:biro@example.org")
        assert published.value(contact, VCARD.hasTelephone) == URIRef("tel:+62561000000")


def test_a_broken_distribution_is_reported(published: Graph) -> None:
    """The shapes do catch what this file used to get wrong: a format as plain text."""
    distribution = next(published.subjects(RDF.type, DCAT.Distribution))
    published.set((distribution, DCT["format"], Literal("CSV")))
    conforms, _, report = pyshacl.validate(published, shacl_graph=_shapes())
    assert not conforms
    assert "dct:format" in report or str(DCT["format"]) in report
