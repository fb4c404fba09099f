"""A catalogue that knows its address, its repository and its publisher (`katalog.yml`'s
`situs`, `repositori`, `cabang`, `pengelola`), built with the real command and read back as
a search engine, a chat app's link preview, an open-data portal and an editor would."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import xmlschema
from bs4 import BeautifulSoup
from click.testing import CliRunner
from rdflib import Graph, URIRef

from generator.cli import main

from .conftest import make_catalogue, write_config, write_settings

SITE = "https://katalog.example.org/inovasi-kalbar/"  # served below a path, like GitHub Pages
REPOSITORY = "https://example.org/pemilik/katalog"
SETTINGS = f"""
    situs: {SITE.rstrip("/")}
    repositori: {REPOSITORY}
    cabang: terbit
    pengelola:
      nama: Biro Uji
      email: biro@example.org
      telepon: "+62 561 000000"
      alamat: Jalan Uji 1, Pontianak
"""
SITEMAP_XSD = Path(__file__).resolve().parent / "standards" / "sitemap.xsd"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site (and what the build said) of the base catalogue with an identity, an
    innovation with an earlier slug and a checked date, and a name that needs escaping."""
    root = tmp_path_factory.mktemp("terbit")
    catalogue = make_catalogue(root / "catalogue")
    write_settings(catalogue, SETTINGS)
    a = catalogue / "inovasi" / "uji-layanan-a.yml"
    a.write_text(a.read_text() + 'alias: [uji-lama]\ndiperbarui: "2024-05-17"\n')
    b = catalogue / "inovasi" / "uji-layanan-b.yml"
    b.write_text(b.read_text().replace("nama: UJI-B", "nama: 'UJI-B \"Cepat\" & <Tepat>'"))
    site = root / "site"
    result = CliRunner().invoke(
        main,
        ["build", "--catalogue", str(catalogue), "--site-dir", str(site),
         "--config", str(write_config(root))],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return site, result.output


@pytest.fixture(scope="module")
def site(built: tuple[Path, str]) -> Path:
    return built[0]


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def og(soup: BeautifulSoup) -> dict[str, str]:
    return {str(m["property"]): str(m["content"]) for m in soup.select("meta[property^='og:']")}


PAGES = {  # url: og:title, one of each kind of page
    "": "Katalog Inovasi Pelayanan Publik",
    "inovasi/": "Inovasi",
    "inovasi/bidang/kesehatan/": "Inovasi bidang Kesehatan",
    "inovasi/uji-layanan-a/": "UJI-A",
    "inovasi/uji-layanan-b/": 'UJI-B "Cepat" & <Tepat>',
    "replikasi/uji-a-di-ketapang/": "Replikasi UJI-A di Kabupaten Ketapang",
    "kegiatan/uji-komitmen/": "Komitmen Uji",
    "wilayah/kabupaten-kubu-raya/": "Kabupaten Kubu Raya",
    "wilayah/kota-pontianak/": "Kota Pontianak",
    "statistik/": "Statistik",
    "tentang/": "Tentang",
}


@pytest.mark.parametrize("url", PAGES)
def test_every_kind_of_page_has_a_canonical_link_and_a_link_preview(site: Path, url: str) -> None:
    soup = page(site, url)
    assert [link["href"] for link in soup.select("link[rel=canonical]")] == [SITE + url]
    description = soup.select_one("meta[name=description]")
    assert description is not None
    assert og(soup) == {
        "og:type": "website",
        "og:site_name": "Katalog Inovasi Pelayanan Publik",
        "og:locale": "id_ID",
        "og:title": PAGES[url],
        "og:description": description["content"],
        "og:url": SITE + url,
    }
    assert description["content"]


def test_preview_values_are_escaped_once(site: Path) -> None:
    html = (site / "inovasi" / "uji-layanan-b" / "index.html").read_text(encoding="utf-8")
    escaped = "UJI-B &quot;Cepat&quot; &amp; &lt;Tepat&gt;"
    assert f'<meta property="og:title" content="{escaped}">' in html


def test_a_page_at_an_earlier_address_points_search_engines_at_the_current_one(
    site: Path,
) -> None:
    soup = page(site, "inovasi/uji-lama/")
    canonical = [link["href"] for link in soup.select("link[rel=canonical]")]
    assert canonical == [SITE + "inovasi/uji-layanan-a/"]
    assert soup.select_one("meta[name=robots]")["content"] == "noindex"  # type: ignore[index]
    assert og(soup) == {}


def _pages(site: Path) -> set[str]:
    """Every page's address: each `index.html` but those at earlier slugs (noindex)."""
    found = set()
    for path in site.rglob("index.html"):
        url = path.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if 'name="robots" content="noindex"' not in path.read_text(encoding="utf-8"):
            found.add(SITE + url)
    return found


def test_the_sitemap_lists_every_page_by_its_full_address(site: Path) -> None:
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = [loc.text for loc in ET.fromstring(xml).findall("./{*}url/{*}loc")]
    assert len(locs) == len(set(locs))
    assert set(locs) == _pages(site)
    assert SITE + "inovasi/uji-layanan-a/" in locs  # a record page, poured into a shell
    assert SITE + "tentang/" in locs  # a hand-written page
    assert SITE + "inovasi/uji-lama/" not in locs
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == xml


def test_the_sitemap_is_valid_against_the_sitemaps_org_schema(site: Path) -> None:
    schema = xmlschema.XMLSchema(SITEMAP_XSD)
    schema.validate(str(site / "sitemap.xml"))  # raises with the reason when invalid


def test_robots_txt_names_the_sitemap(site: Path) -> None:
    assert (site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE}sitemap.xml\n"
    )


def test_the_build_says_nothing_about_a_missing_address(built: tuple[Path, str]) -> None:
    assert "Alamat situs belum diatur" not in built[1]


def _is_absolute(address: str) -> bool:
    return urlsplit(address).scheme in ("http", "https", "mailto", "tel")


def test_the_feed_links_to_full_addresses(site: Path) -> None:
    feed = ET.parse(site / "feed.xml").getroot()
    links = [link.attrib["href"] for link in feed.iter(f"{ATOM}link")]
    assert links and all(href.startswith(SITE) for href in links), links
    assert SITE + "feed.xml" in links and SITE + "inovasi/uji-layanan-a/" in links
    author = feed.find(f"{ATOM}author")
    assert author is not None
    assert [(e.tag.removeprefix(ATOM), e.text) for e in author] == [
        ("name", "Biro Uji"),
        ("email", "biro@example.org"),
    ]


def _addresses(text: str) -> list[str]:
    """Every address in a JSON-LD document, as RDF reads it (the context's prefixes and its
    coercions of strings to addresses applied); a relative one would start with `RELATIVE`."""
    graph = Graph().parse(data=text, format="json-ld", base=RELATIVE)
    return [str(term) for triple in graph for term in triple if isinstance(term, URIRef)]


RELATIVE = "http://relative.invalid/"
# The classes and properties (`dcat:Dataset`, `dct:title`): not addresses the site gives.
RDF_VOCABULARIES = (
    "http://www.w3.org/",
    "http://purl.org/dc/terms/",
    "http://xmlns.com/foaf/",
)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_dcat_uses_full_addresses_and_names_the_publisher(site: Path) -> None:
    text = (site / "data" / "dcat.jsonld").read_text(encoding="utf-8")
    dcat = json.loads(text)
    addresses = [a for a in _addresses(text) if not a.startswith(RDF_VOCABULARIES)]
    relative = [a for a in addresses if a.startswith(RELATIVE) or not _is_absolute(a)]
    assert addresses and not relative, relative
    assert SITE + "inovasi/uji-layanan-a.json" in addresses
    assert dcat["@id"] == SITE + "data/dcat.jsonld"
    assert dcat["foaf:homepage"] == {"@id": SITE, "@type": "foaf:Document"}
    publisher = {
        "@type": "foaf:Agent",
        "foaf:name": "Biro Uji",
        "foaf:mbox": {"@id": "mailto:biro@example.org"},
    }
    assert dcat["dct:publisher"] == publisher
    for dataset in dcat["dcat:dataset"]:
        assert dataset["dct:publisher"] == publisher
        assert dataset["dcat:contactPoint"] == {
            "@type": "vcard:Kind",
            "vcard:fn": "Biro Uji",
            "vcard:hasEmail": {"@id": "mailto:biro@example.org"},
            "vcard:hasTelephone": {"@id": "tel:+62561000000"},
            "vcard:hasAddress": {
                "@type": "vcard:Address",
                "vcard:street-address": "Jalan Uji 1, Pontianak",
            },
        }


def _urls(value: Any) -> list[str]:
    """Every value of a key named `url...` in a JSON document."""
    if isinstance(value, dict):
        own = [v for k, v in value.items() if k.startswith("url") and isinstance(v, str)]
        return own + [u for item in value.values() for u in _urls(item)]
    if isinstance(value, list):
        return [u for item in value for u in _urls(item)]
    return []


def test_katalog_json_uses_full_addresses_and_names_the_publisher(site: Path) -> None:
    katalog = json.loads((site / "data" / "katalog.json").read_text(encoding="utf-8"))
    assert katalog["url_dasar"] == SITE
    addresses = _urls(katalog)
    assert addresses and all(_is_absolute(u) for u in addresses)
    assert katalog["inovasi"][0]["url"] == SITE + "inovasi/uji-layanan-a/"
    assert katalog["pengelola"] == {
        "nama": "Biro Uji",
        "email": "biro@example.org",
        "telepon": "+62 561 000000",
        "alamat": "Jalan Uji 1, Pontianak",
    }


RECORD_PAGES = {  # url: the record file, None for a region without a profile
    "inovasi/uji-layanan-a/": "catalogue/inovasi/uji-layanan-a.yml",
    "replikasi/uji-a-di-ketapang/": "catalogue/replikasi/uji-a-di-ketapang.yml",
    "kegiatan/uji-komitmen/": "catalogue/kegiatan/uji-komitmen.yml",
    "wilayah/kabupaten-kubu-raya/": "catalogue/wilayah/kabupaten-kubu-raya.yml",
    "wilayah/kota-pontianak/": None,
}


@pytest.mark.parametrize("url", RECORD_PAGES)
def test_record_pages_link_to_full_addresses_in_their_json_ld(site: Path, url: str) -> None:
    scripts = page(site, url).select("script[type='application/ld+json']")
    values = [json.loads(script.get_text()) for script in scripts]
    [value] = [v for v in values if v["@type"] != "BreadcrumbList"]
    assert value["url"] == SITE + url
    # The breadcrumbs' links too: every address a search engine reads is a full one.
    assert len(values) == 2
    assert all(_is_absolute(u) for v in values for u in _urls(v))


@pytest.mark.parametrize("url", RECORD_PAGES)
def test_record_pages_offer_to_edit_the_record_and_to_report_a_mistake(
    site: Path, url: str
) -> None:
    soup = page(site, url)
    footer = soup.select_one("article footer.k-record-footer")
    assert footer is not None
    assert footer.find("script") is None
    links = {a.get_text(): str(a["href"]) for a in footer.find_all("a")}
    file = RECORD_PAGES[url]
    if file is None:
        assert "Sunting catatan ini" not in links
    else:
        assert links["Sunting catatan ini"] == f"{REPOSITORY}/edit/terbit/{file}"
        button = soup.select_one("a.md-content__button[rel=edit]")
        assert button is not None and button["href"] == links["Sunting catatan ini"]
    report = urlsplit(links["Laporkan kesalahan"])
    assert f"{report.scheme}://{report.netloc}{report.path}" == f"{REPOSITORY}/issues/new"
    query = parse_qs(report.query)
    title = soup.select_one("article h1")
    assert title is not None
    assert query["title"] == [f"Kesalahan di halaman: {title.get_text(strip=True)}"]
    [body] = query["body"]
    assert body.startswith(f"Halaman: {SITE}{url}\n")
    assert (f"\nBerkas catatan: {file}\n" in body) == (file is not None)
    assert "+" not in report.query  # spaces written as %20: a `+` would stay a `+` in a title


def test_the_last_update_is_the_date_the_record_was_checked(site: Path) -> None:
    footer = page(site, "inovasi/uji-layanan-a/").select_one("footer.k-record-footer")
    assert footer is not None
    updated = footer.find("time")
    assert updated is not None and updated["datetime"] == "2024-05-17"
    assert footer.p is not None and footer.p.get_text() == "Terakhir diperbarui 17 Mei 2024."
    # The other records show no date: this catalogue is outside git and they have none.
    other = page(site, "kegiatan/uji-komitmen/").select_one("footer.k-record-footer")
    assert other is not None and other.find("time") is None


def test_the_form_opens_new_files_on_the_published_branch(site: Path) -> None:
    data = json.loads((site / "assets" / "formulir-data.json").read_text(encoding="utf-8"))
    assert data["github_new"] == f"{REPOSITORY}/new/terbit"


def test_hand_written_pages_have_an_edit_button_too(site: Path) -> None:
    button = page(site, "tentang/").select_one("a.md-content__button[rel=edit]")
    assert button is not None and button["href"] == f"{REPOSITORY}/edit/terbit/docs/tentang.md"


def test_the_about_page_names_the_publisher_and_how_to_reach_them(site: Path) -> None:
    block = page(site, "tentang/").select_one("article dl.pengelola")
    assert block is not None
    assert [d.get_text() for d in block("dd")] == [
        "Biro Uji",
        "biro@example.org",
        "+62 561 000000",
        "Jalan Uji 1, Pontianak",
    ]
    assert [a["href"] for a in block("a")] == ["mailto:biro@example.org", "tel:+62561000000"]
    assert "belum diisi" not in page(site, "tentang/").get_text()
