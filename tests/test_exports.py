"""Open data exports: every file checked against the records it comes from."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.data.exports import (
    ExportFile,
    build_date_for,
    export_files,
    write_exports,
)
from generator.data.feed import FEED_ENTRIES, feed_entries
from generator.data.jsonld import Record, jsonld_for
from generator.data.records import FORMAT_VERSION, Links, RecordData
from generator.records.catalogue import Catalogue
from generator.records.model import Event
from generator.records.schema import SCHEMA_DIR
from generator.records.validate import read_catalogue

from .conftest import REPO

ATOM = "{http://www.w3.org/2005/Atom}"
BUILD_DATE = dt.date(2024, 5, 1)
BASE_URL = "https://katalog.example.go.id/inovasi-kalbar/"

# Records added to the test base: a renamed innovation with awards and a hostile name, and a
# competition that gave it an award.
EXTRA = {
    "inovasi/uji-layanan-c.yml": """\
nama: "=HYPERLINK(\\"http://x\\")"
wilayah: "61.04"
instansi: "@Dinas Uji </script><b>"
tahun: 2021
bidang: kesehatan
jenis: digital
tahap: penerapan
ringkasan: "Uji C </script><script>alert(1)</script> & lainnya."
tag: [satu, "-dua"]
sdgs: [3, 16]
alias: [uji-lama-c, uji-c]
diperbarui: "2023-06"
penghargaan:
  - nama: Juara Uji
    tahun: "2022-11-02"
    kegiatan: uji-kompetisi
sumber:
  - judul: Berita uji
    url: https://example.org/berita
    tanggal: "2023-02-01"
""",
    "kegiatan/uji-kompetisi.yml": """\
nama: Kompetisi Uji
jenis: kompetisi
tanggal: "2022-11"
tempat: Pontianak
penyelenggara: "61"
hasil:
  - inovasi: uji-layanan-c
    penghargaan: Juara Uji
""",
}


@pytest.fixture
def catalogue(catalogue_dir: Path) -> Catalogue:
    for name, text in EXTRA.items():
        (catalogue_dir / name).write_text(text, encoding="utf-8")
    result = read_catalogue(catalogue_dir)
    assert result.problems == []
    assert result.catalogue is not None
    return result.catalogue


@pytest.fixture
def files(catalogue: Catalogue) -> dict[str, bytes]:
    return {f.path: f.content for f in export_files(catalogue, None, BUILD_DATE)}


def _json(files: dict[str, bytes], path: str) -> dict:  # type: ignore[type-arg]
    return json.loads(files[path].decode("utf-8"))


def _rows(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[f"data/{name}.csv"].decode("utf-8"))))


def test_katalog_json_holds_every_record_with_references_resolved(
    catalogue: Catalogue, files: dict[str, bytes]
) -> None:
    katalog = _json(files, "data/katalog.json")
    assert katalog["versi_format"] == FORMAT_VERSION
    assert katalog["dibangun"] == "2024-05-01"
    assert [i["slug"] for i in katalog["inovasi"]] == list(catalogue.innovations)
    assert [r["slug"] for r in katalog["replikasi"]] == list(catalogue.replications)
    assert [e["slug"] for e in katalog["kegiatan"]] == list(catalogue.events)
    assert [w["kode"] for w in katalog["wilayah"]] == sorted(catalogue.published_region_codes())
    assert katalog["jumlah"] == {"inovasi": 3, "replikasi": 1, "kegiatan": 2, "wilayah": 4}

    a = next(i for i in katalog["inovasi"] if i["slug"] == "uji-layanan-a")
    assert a["wilayah"]["kode"] == "61.12"
    assert a["wilayah"]["nama"] == "Kabupaten Kubu Raya"
    assert a["wilayah"]["provinsi"] == {"kode": "61", "nama": "Provinsi Kalimantan Barat"}
    assert a["bidang"] == {"kode": "kesehatan", "nama": "Kesehatan"}
    assert a["kepanjangan"] == "Layanan Uji A"
    assert [r["slug"] for r in a["replikasi"]] == ["uji-a-di-ketapang"]
    assert a["url"] == "inovasi/uji-layanan-a/"
    assert a["url_json"] == "inovasi/uji-layanan-a.json"

    c = next(i for i in katalog["inovasi"] if i["slug"] == "uji-layanan-c")
    assert c["penghargaan"][0]["kegiatan"]["nama"] == "Kompetisi Uji"
    assert c["hasil_kegiatan"] == [
        {
            "kegiatan": {
                "slug": "uji-kompetisi",
                "nama": "Kompetisi Uji",
                "url": "kegiatan/uji-kompetisi/",
            },
            "penghargaan": "Juara Uji",
        }
    ]
    assert c["sdgs"][0] == {"nomor": 3, "nama": "Kehidupan Sehat dan Sejahtera"}
    assert c["diperbarui"] == "2023-06"

    (replication,) = katalog["replikasi"]
    assert replication["inovasi"]["slug"] == "uji-layanan-a"
    assert replication["inovasi"]["nama"] == "UJI-A"
    assert replication["inovasi"]["wilayah"]["nama"] == "Kabupaten Kubu Raya"
    assert replication["inovasi"]["instansi"] == "Dinas Uji"
    assert replication["wilayah"]["nama"] == "Kabupaten Ketapang"
    assert replication["kegiatan"]["nama"] == "Komitmen Uji"
    assert [s["tanggal"] for s in replication["tahapan"]] == ["2021-12-07", "2022-03"]
    assert replication["tahap_terakhir"] == "rencana-aksi"

    event = next(e for e in katalog["kegiatan"] if e["slug"] == "uji-komitmen")
    assert [p["nama"] for p in event["peserta"]] == ["Kabupaten Ketapang", "Kabupaten Kubu Raya"]
    assert [r["slug"] for r in event["replikasi"]] == ["uji-a-di-ketapang"]
    competition = next(e for e in katalog["kegiatan"] if e["slug"] == "uji-kompetisi")
    assert competition["penyelenggara"]["nama"] == "Provinsi Kalimantan Barat"
    assert competition["hasil"][0]["inovasi"]["slug"] == "uji-layanan-c"

    kubu_raya = next(w for w in katalog["wilayah"] if w["kode"] == "61.12")
    assert kubu_raya["profil"] is True
    assert kubu_raya["ibu_kota"] == "Sungai Raya"
    assert kubu_raya["tingkat"] == "kabupaten"
    assert [i["slug"] for i in kubu_raya["inovasi"]] == ["uji-layanan-a"]
    pontianak = next(w for w in katalog["wilayah"] if w["kode"] == "61.71")
    assert (pontianak["slug"], pontianak["tingkat"], pontianak["profil"]) == (
        "kota-pontianak",
        "kota",
        False,
    )


def test_csv_tables_have_one_row_per_record_with_the_records_values(
    catalogue: Catalogue, files: dict[str, bytes]
) -> None:
    innovations = _rows(files, "inovasi")
    assert [r["slug"] for r in innovations] == list(catalogue.innovations)
    a = innovations[0]
    assert a["nama"] == "UJI-A"
    assert (a["wilayah_kode"], a["wilayah_nama"]) == ("61.12", "Kabupaten Kubu Raya")
    assert (a["provinsi_kode"], a["provinsi_nama"]) == ("61", "Provinsi Kalimantan Barat")
    assert (a["tahun"], a["tahun_pasti"], a["bidang_nama"]) == ("2019", "true", "Kesehatan")
    assert (a["jumlah_replikasi"], a["replikasi"]) == ("1", "uji-a-di-ketapang")
    c = innovations[2]
    assert c["sdgs"] == "3 | 16"
    assert c["alias"] == "uji-c | uji-lama-c"
    assert c["diperbarui"] == "2023-06"
    assert c["sumber_url"] == "https://example.org/berita"

    (replication,) = _rows(files, "replikasi")
    assert replication["inovasi_slug"] == "uji-layanan-a"
    assert replication["wilayah_nama"] == "Kabupaten Ketapang"
    assert replication["kegiatan_nama"] == "Komitmen Uji"
    assert replication["tahapan"] == "komitmen 2021-12-07 | rencana-aksi 2022-03"
    assert replication["tanggal_tahap_terakhir"] == "2022-03"

    regions = _rows(files, "wilayah")
    assert [r["kode"] for r in regions] == sorted(catalogue.published_region_codes())
    events = _rows(files, "kegiatan")
    assert [e["slug"] for e in events] == list(catalogue.events)
    assert events[0]["peserta_kode"] == "61.04 | 61.12"
    assert events[1]["hasil"] == "uji-layanan-c: Juara Uji"
    assert files["data/inovasi.csv"].startswith(b"slug,nama,")  # UTF-8, no byte-order mark


def test_csv_cells_cannot_run_as_spreadsheet_formulas(files: dict[str, bytes]) -> None:
    c = _rows(files, "inovasi")[2]
    assert c["nama"] == '\'=HYPERLINK("http://x")'
    assert c["instansi"].startswith("'@Dinas Uji")
    assert c["tag"] == "satu | -dua"  # only a cell's first character matters
    for name in ("inovasi", "replikasi", "wilayah", "kegiatan"):
        for row in _rows(files, name):
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_data_package_validates_with_frictionless(catalogue: Catalogue, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    write_exports(catalogue, tmp_path / "site", BASE_URL, BUILD_DATE)
    package = tmp_path / "site" / "data" / "datapackage.json"
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert [r["path"] for r in descriptor["resources"]] == [
        "inovasi.csv",
        "replikasi.csv",
        "wilayah.csv",
        "kegiatan.csv",
    ]
    assert descriptor["licenses"][0]["name"] == "ODbL-1.0"
    for resource in descriptor["resources"]:
        header = (tmp_path / "site" / "data" / resource["path"]).read_text().splitlines()[0]
        assert header.split(",") == [f["name"] for f in resource["schema"]["fields"]]
        for field in resource["schema"]["fields"]:
            assert field["description"]
            if field["type"] == "string":
                assert "kutip tunggal" in field["description"]


def test_schemas_are_published_unchanged(files: dict[str, bytes]) -> None:
    for kind in ("inovasi", "replikasi", "kegiatan", "wilayah", "common"):
        path = SCHEMA_DIR / f"{kind}.schema.json"
        assert files[f"data/schema/{kind}.schema.json"] == path.read_bytes()


def test_every_record_page_has_a_json_twin_equal_to_its_catalogue_entry(
    files: dict[str, bytes],
) -> None:
    katalog = _json(files, "data/katalog.json")
    twins = 0
    for kind in ("inovasi", "replikasi", "kegiatan", "wilayah"):
        for record in katalog[kind]:
            twin = _json(files, record["url_json"])
            assert twin.pop("versi_format") == FORMAT_VERSION
            assert twin.pop("jenis_catatan") == kind
            assert twin == record
            assert record["url_json"] == record["url"].rstrip("/") + ".json"
            twins += 1
    assert "wilayah/kabupaten-kubu-raya.json" in files
    assert twins == sum(katalog["jumlah"].values())


def test_extra_regions_get_a_twin_and_a_row(catalogue: Catalogue) -> None:
    exported = {f.path: f.content for f in export_files(catalogue, None, BUILD_DATE, ["61.05"])}
    assert "wilayah/kabupaten-sintang.json" in exported
    assert "61.05" in [r["kode"] for r in _rows(exported, "wilayah")]


def test_feed_is_atom_with_an_entry_per_innovation_and_replication(
    catalogue: Catalogue,
) -> None:
    exported = {f.path: f.content for f in export_files(catalogue, BASE_URL, BUILD_DATE)}
    feed = ET.fromstring(exported["feed.xml"])
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(catalogue.innovations) + len(catalogue.replications)
    updated = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}updated") for e in entries}
    assert updated["UJI-A (Kabupaten Kubu Raya)"] == "2019-01-01T00:00:00Z"
    assert updated["Replikasi UJI-A di Kabupaten Ketapang"] == "2022-03-01T00:00:00Z"
    c_title = '=HYPERLINK("http://x") (Kabupaten Ketapang)'
    assert updated[c_title] == "2023-06-01T00:00:00Z"  # `diperbarui`, newer than the source
    assert feed.findtext(f"{ATOM}updated") == max(updated.values())
    assert [e.findtext(f"{ATOM}updated") for e in entries] == sorted(updated.values(), reverse=True)
    for entry in entries:
        assert entry.findtext(f"{ATOM}id", "").startswith("urn:uuid:")
        html_link = entry.find(f"{ATOM}link[@type='text/html']")
        assert html_link is not None
        assert html_link.get("href", "").startswith(BASE_URL)
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)


def test_feed_holds_only_the_newest_entries(catalogue: Catalogue) -> None:
    data = RecordData(catalogue, Links(None))
    everything = feed_entries(data, limit=10_000)
    assert len(everything) == len(catalogue.innovations) + len(catalogue.replications)
    newest = feed_entries(data, limit=2)
    assert newest == everything[:2]
    assert newest[0].updated >= newest[1].updated >= max(e.updated for e in everything[2:])
    assert 50 <= FEED_ENTRIES <= 500  # a feed reader polls the whole file


def test_feed_links_are_relative_without_a_base_url(files: dict[str, bytes]) -> None:
    feed = ET.fromstring(files["feed.xml"])
    hrefs = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert "inovasi/uji-layanan-a/" in hrefs
    assert "inovasi/uji-layanan-a.json" in hrefs
    assert not any(h and h.startswith(("http", "/")) for h in hrefs)


def test_dcat_catalogue_describes_every_data_file(files: dict[str, bytes]) -> None:
    dcat = _json(files, "data/dcat.jsonld")
    assert dcat["@type"] == "dcat:Catalog"
    assert dcat["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    titles = [d["dct:identifier"] for d in dcat["dcat:dataset"]]
    assert titles == [
        "katalog-inovasi/katalog",
        "katalog-inovasi/inovasi",
        "katalog-inovasi/replikasi",
        "katalog-inovasi/wilayah",
        "katalog-inovasi/kegiatan",
        "katalog-inovasi/skema",
    ]
    described = set()
    for dataset in dcat["dcat:dataset"]:
        for distribution in dataset["dcat:distribution"]:
            relative = distribution["dcat:downloadURL"]  # an address (the context says so)
            described.add(posixpath.normpath(posixpath.join("data", relative)))
    exported = {path for path in files if not path.endswith((".html", "dcat.jsonld"))}
    aliases = {"inovasi/uji-lama-c.json", "inovasi/uji-c.json"}
    template = {"data/templat-impor.xlsx"}  # the blank form of `impor`: it holds no data
    assert described == exported - aliases - template


def test_jsonld_is_json_and_cannot_break_out_of_its_script(catalogue: Catalogue) -> None:
    innovation = catalogue.innovations["uji-layanan-c"]
    text = jsonld_for(catalogue, innovation, BASE_URL)
    assert "</script>" not in text and "<" not in text and ">" not in text
    value = json.loads(text)
    assert value["@type"] == "GovernmentService"
    assert value["description"].startswith("Uji C </script>")
    assert value["areaServed"]["name"] == "Kabupaten Ketapang"
    assert value["url"] == BASE_URL + "inovasi/uji-layanan-c/"
    assert value["award"] == ["Juara Uji"]

    relative = json.loads(jsonld_for(catalogue, catalogue.innovations["uji-layanan-a"]))
    assert relative["url"] == "./"
    assert relative["areaServed"]["url"] == "../../wilayah/kabupaten-kubu-raya/"

    event = json.loads(jsonld_for(catalogue, catalogue.events["uji-kompetisi"]))
    assert (event["@type"], event["startDate"]) == ("Event", "2022-11")
    assert event["location"] == {"@type": "Place", "name": "Pontianak"}
    replication = json.loads(jsonld_for(catalogue, catalogue.replications["uji-a-di-ketapang"]))
    assert replication["isSimilarTo"]["url"] == "../../inovasi/uji-layanan-a/"
    region = json.loads(jsonld_for(catalogue, catalogue.profiles["61.12"]))
    assert region["@type"] == "AdministrativeArea"
    assert region["containedInPlace"]["name"] == "Provinsi Kalimantan Barat"
    pontianak = json.loads(jsonld_for(catalogue, catalogue.region("61.71")))
    assert pontianak["url"] == "./"


# schema.org properties of each type this site emits (from the type pages at schema.org: a
# type's own properties and those it inherits), limited to the ones worth writing here.
_THING = {"@type", "name", "description", "url", "identifier", "alternateName", "sameAs",
          "subjectOf", "image", "mainEntityOfPage", "disambiguatingDescription"}  # fmt: skip
_ORGANIZATION = _THING | {"address", "email", "telephone", "areaServed", "award", "location"}
_PLACE = _THING | {"address", "containedInPlace", "containsPlace", "geo"}
SCHEMA_ORG_PROPERTIES = {
    "GovernmentService": _THING | {
        "areaServed", "audience", "availableChannel", "award", "category", "isRelatedTo",
        "isSimilarTo", "provider", "serviceOutput", "serviceType", "jurisdiction",
        "serviceOperator",
    },
    "Event": _THING | {
        "startDate", "endDate", "location", "organizer", "attendee", "eventStatus",
        "eventAttendanceMode", "about", "keywords",
    },
    "Place": _PLACE,
    "AdministrativeArea": _PLACE,
    "GovernmentOrganization": _ORGANIZATION,
    "CollegeOrUniversity": _ORGANIZATION,
    "Corporation": _ORGANIZATION,
    "Organization": _ORGANIZATION,
    "CreativeWork": _THING | {"author", "datePublished", "keywords", "publisher"},
}  # fmt: skip


def _unknown_properties(node: object, path: str = "") -> list[str]:
    """`path.property` for every property that schema.org does not define for its node's
    type, anywhere in a JSON-LD value."""
    if isinstance(node, list):
        return [bad for item in node for bad in _unknown_properties(item, path)]
    if not isinstance(node, dict):
        return []
    allowed = SCHEMA_ORG_PROPERTIES[node["@type"]] | {"@context"}
    bad = [f"{path}{node['@type']}.{key}" for key in node if key not in allowed]
    for key, value in node.items():
        bad += _unknown_properties(value, f"{path}{key}>")
    return bad


def _all_records(catalogue: Catalogue) -> list[Record]:
    return [
        *catalogue.innovations.values(),
        *catalogue.replications.values(),
        *catalogue.events.values(),
        *catalogue.profiles.values(),
        *(catalogue.region(code) for code in sorted(catalogue.published_region_codes())),
    ]


def test_jsonld_uses_only_properties_of_its_types(catalogue: Catalogue) -> None:
    for record in _all_records(catalogue):
        value = json.loads(jsonld_for(catalogue, record, BASE_URL))
        assert _unknown_properties(value) == [], record


def test_shipped_catalogue_jsonld_uses_only_properties_of_its_types() -> None:
    """Every record page of the shipped catalogue; its events with a `tempat` are there."""
    result = read_catalogue(REPO / "catalogue")
    assert result.catalogue is not None
    shipped = result.catalogue
    for record in _all_records(shipped):
        value = json.loads(jsonld_for(shipped, record))
        assert _unknown_properties(value) == [], record
        if isinstance(record, Event) and record.tempat:
            assert value["location"] == {"@type": "Place", "name": record.tempat}
    assert any(event.tempat for event in shipped.events.values())


def test_jsonld_puts_tags_in_category_and_events_in_their_place(catalogue: Catalogue) -> None:
    c = json.loads(jsonld_for(catalogue, catalogue.innovations["uji-layanan-c"]))
    assert c["category"] == ["satu", "-dua"]
    assert "keywords" not in c
    for event in catalogue.events.values():
        value = json.loads(jsonld_for(catalogue, event))
        if event.tempat:
            assert value["location"] == {"@type": "Place", "name": event.tempat}
        elif event.penyelenggara:
            assert value["location"]["@type"] == "AdministrativeArea"
            assert value["location"]["identifier"] == event.penyelenggara


def test_every_alias_redirects_to_the_new_page_and_twin(files: dict[str, bytes]) -> None:
    for alias in ("uji-lama-c", "uji-c"):
        page = f"inovasi/{alias}/index.html"
        text = files[page].decode("utf-8")
        refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', text)
        assert refresh is not None
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), refresh.group(1)))
        assert target == "inovasi/uji-layanan-c"
        assert '<link rel="canonical" href="../uji-layanan-c/">' in text
        assert '<a href="../uji-layanan-c/">' in text
        assert "&lt;" not in text or "=HYPERLINK" in text
        moved = _json(files, f"inovasi/{alias}.json")
        assert moved.pop("dialihkan_ke") == "inovasi/uji-layanan-c.json"
        assert moved == _json(files, "inovasi/uji-layanan-c.json")


def test_alias_redirects_use_absolute_canonical_with_a_base_url(catalogue: Catalogue) -> None:
    exported = {f.path: f.content for f in export_files(catalogue, BASE_URL, BUILD_DATE)}
    text = exported["inovasi/uji-c/index.html"].decode("utf-8")
    assert f'<link rel="canonical" href="{BASE_URL}inovasi/uji-layanan-c/">' in text
    moved = json.loads(exported["inovasi/uji-c.json"])
    assert moved["dialihkan_ke"] == f"{BASE_URL}inovasi/uji-layanan-c.json"


def test_two_builds_are_byte_identical(catalogue_dir: Path, tmp_path: Path) -> None:
    for name, text in EXTRA.items():
        (catalogue_dir / name).write_text(text, encoding="utf-8")
    builds = []
    for site in ("one", "two"):
        result = read_catalogue(catalogue_dir)
        assert result.catalogue is not None
        written = write_exports(result.catalogue, tmp_path / site, BASE_URL, BUILD_DATE)
        builds.append({p.relative_to(tmp_path / site): p.read_bytes() for p in written})
    assert builds[0] == builds[1]
    assert len(builds[0]) > 20


def test_export_files_are_sorted_and_unique(catalogue: Catalogue) -> None:
    exported = export_files(catalogue, None, BUILD_DATE)
    paths = [f.path for f in exported]
    assert paths == sorted(set(paths))
    assert all(isinstance(f, ExportFile) and not f.path.startswith("/") for f in exported)


def test_build_date_comes_from_source_date_epoch_or_the_records(catalogue: Catalogue) -> None:
    assert build_date_for(catalogue, {"SOURCE_DATE_EPOCH": "1700000000"}) == dt.date(2023, 11, 14)
    assert build_date_for(catalogue, {}) == dt.date(2023, 6, 1)


def test_data_page_documents_every_file_and_column() -> None:
    from generator.data.tables import TABLES

    page = (Path(__file__).resolve().parent.parent / "docs" / "data.md").read_text("utf-8")
    for name in ("katalog.json", "datapackage.json", "dcat.jsonld", "feed.xml", "dialihkan_ke"):
        assert name in page
    for table in TABLES:
        assert f"### `{table.path}`" in page
        section = page.split(f"### `{table.path}`", 1)[1].split("\n#", 1)[0]
        for column in table.columns:
            assert f"`{column.name}`" in section, (table.name, column.name)


def test_html_redirects_can_be_left_to_the_page_generator(catalogue: Catalogue) -> None:
    exported = {f.path for f in export_files(catalogue, None, BUILD_DATE, html_redirects=False)}
    assert "inovasi/uji-c/index.html" not in exported
    assert "inovasi/uji-c.json" in exported
    assert not any(path.endswith(".html") for path in exported)
