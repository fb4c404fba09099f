"""The open data inside the built site (issue 8): the export files sit beside the pages, every
record page links its JSON twin and embeds its JSON-LD, old addresses still lead somewhere, and
the same catalogue builds into the same bytes."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.data.exports import build_date_for, export_files
from generator.mkdocs.build import build_site
from generator.records.catalogue import Catalogue
from generator.records.validate import read_catalogue
from generator.site.views import Site

from .conftest import write_config
from .test_site import RECORDS, write_catalogue

REPO = Path(__file__).resolve().parent.parent
EPOCH = "1700000000"  # 2023-11-14


class Built:
    """Two builds of one catalogue, with and without SOURCE_DATE_EPOCH."""

    def __init__(self, root: Path) -> None:
        self.catalogue_dir = write_catalogue(root / "catalogue", RECORDS)
        config = write_config(root)
        result = read_catalogue(self.catalogue_dir)
        assert result.catalogue is not None
        self.catalogue: Catalogue = result.catalogue
        self.site = root / "site"
        self.again = root / "site-again"
        self.epoch = root / "site-epoch"
        self.epoch_again = root / "site-epoch-again"
        with pytest.MonkeyPatch.context() as env:
            env.delenv("SOURCE_DATE_EPOCH", raising=False)
            build_site(self.catalogue_dir, self.site, config)
            build_site(self.catalogue_dir, self.again, config)
            env.setenv("SOURCE_DATE_EPOCH", EPOCH)
            build_site(self.catalogue_dir, self.epoch, config)
            build_site(self.catalogue_dir, self.epoch_again, config)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    yield Built(tmp_path_factory.mktemp("katalog-exports"))


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def record_pages(built: Built) -> dict[str, str]:
    """Every record page of the site (`inovasi/cms-desa/`) and its record kind."""
    catalogue = built.catalogue
    pages = {f"inovasi/{slug}/": "inovasi" for slug in catalogue.innovations}
    pages |= {f"replikasi/{slug}/": "replikasi" for slug in catalogue.replications}
    pages |= {f"kegiatan/{slug}/": "kegiatan" for slug in catalogue.events}
    site = Site(catalogue)
    pages |= {f"wilayah/{site.region_slug(code)}/": "wilayah" for code in site.region_codes}
    return pages


def resolve(site: Path, html_file: Path, href: str) -> Path | None:
    """The file a site-internal link points at, or None for a link that leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = site if parts.path.startswith("/") else html_file.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    return target / "index.html" if target.is_dir() else target


def test_every_export_file_is_in_the_site_with_the_librarys_bytes(built: Built) -> None:
    site = built.site
    for name in [
        "data/katalog.json", "data/inovasi.csv", "data/replikasi.csv", "data/wilayah.csv",
        "data/kegiatan.csv", "data/datapackage.json", "data/dcat.jsonld", "feed.xml",
    ]:  # fmt: skip
        assert (site / name).is_file(), name
    schemas = sorted(p.name for p in (REPO / "generator" / "schemas").glob("*.schema.json"))
    assert sorted(p.name for p in (site / "data" / "schema").iterdir()) == schemas
    expected = export_files(
        built.catalogue,
        None,
        build_date_for(built.catalogue, environ={}),
        Site(built.catalogue).region_codes,
        html_redirects=False,
    )
    for export in expected:
        assert (site / export.path).read_bytes() == export.content, export.path
    # The data page documents the files and sits in the navigation.
    data_page = soup_of(site / "data" / "index.html")
    assert data_page.select_one("article h1").get_text() == "Data terbuka"
    tabs = [a.get_text(strip=True) for a in data_page.select(".md-tabs__link")]
    assert "Data Terbuka" in tabs


def test_every_record_page_links_its_json_twin(built: Built) -> None:
    site = built.site
    pages = record_pages(built)
    assert len(pages) == 4 + 2 + 2 + 16
    for url, kind in pages.items():
        html_file = site / url / "index.html"
        link = soup_of(html_file).select_one('article a[type="application/json"]')
        assert link is not None and link.get_text() == "Data JSON", url
        twin = resolve(site, html_file, str(link["href"]))
        assert twin == (site / (url.rstrip("/") + ".json")).resolve(), url
        data = json.loads(twin.read_text(encoding="utf-8"))
        assert data["jenis_catatan"] == kind
        assert data["url"] == url


def test_every_record_page_embeds_json_ld_that_parses(built: Built) -> None:
    types = {
        "inovasi": "GovernmentService",
        "replikasi": "GovernmentService",
        "kegiatan": "Event",
        "wilayah": "AdministrativeArea",
    }
    for url, kind in record_pages(built).items():
        scripts = soup_of(built.site / url / "index.html").select(
            'script[type="application/ld+json"]'
        )
        values = [json.loads(script.string or "") for script in scripts]
        # The record itself, and where its page sits (test_breadcrumbs.py checks that one).
        assert sorted(v["@type"] for v in values) == sorted(["BreadcrumbList", types[kind]]), url
        [value] = [v for v in values if v["@type"] != "BreadcrumbList"]
        assert value["@context"] == "https://schema.org"
        assert value["@type"] == types[kind], url
        assert value["url"] == "./", url  # no site_url: relative to the page itself
    hostile = soup_of(built.site / "inovasi" / "uji-nakal" / "index.html")
    scripts = hostile.select('script[type="application/ld+json"]')
    assert all("</script" not in str(script)[8:-9] for script in scripts)
    names = {json.loads(script.string or "").get("name") for script in scripts}
    assert "<script>alert('nama')</script> & Co" in names


def test_every_page_names_the_feed(built: Built) -> None:
    site = built.site
    for html_file in [site / "index.html", site / "inovasi" / "cms-desa" / "index.html"]:
        link = soup_of(html_file).select_one(
            'head link[rel="alternate"][type="application/atom+xml"]'
        )
        assert link is not None, html_file
        assert resolve(site, html_file, str(link["href"])) == (site / "feed.xml").resolve()


def test_old_addresses_redirect_to_the_innovation_and_its_json(built: Built) -> None:
    """A crawl from the home page and from every old address: every internal link, redirect and
    feed link lands on a file, and each old address ends on its innovation's page."""
    site = built.site
    aliases = {
        alias: innovation.slug
        for innovation in built.catalogue.innovations.values()
        for alias in innovation.alias
    }
    assert aliases == {"cms-kubu-raya": "cms-desa"}
    starts = [site / "index.html"] + [site / "inovasi" / a / "index.html" for a in aliases]
    seen: set[Path] = set()
    queue = [p.resolve() for p in starts]
    broken: list[str] = []
    redirects: dict[Path, Path] = {}
    while queue:
        html_file = queue.pop()
        if html_file in seen:
            continue
        seen.add(html_file)
        soup = soup_of(html_file)
        targets = [str(t["href"]) for t in soup.select("a[href], link[rel=alternate][href]")]
        refresh = soup.select_one('meta[http-equiv="refresh"]')
        if refresh is not None:
            match = re.fullmatch(r"0; url=(.+)", str(refresh["content"]))
            assert match is not None
            targets.append(match.group(1))
            target = resolve(site, html_file, match.group(1))
            assert target is not None
            redirects[html_file] = target
        for href in targets:
            target = resolve(site, html_file, href)
            if target is None:
                continue
            if not target.is_file():
                broken.append(f"{html_file.relative_to(site)} -> {href}")
            elif target.suffix == ".html":
                queue.append(target)
    assert broken == []
    for alias, slug in aliases.items():
        old = (site / "inovasi" / alias / "index.html").resolve()
        new = (site / "inovasi" / slug / "index.html").resolve()
        assert redirects[old] == new
        assert soup_of(new).select_one("article h1").get_text() == "CMS Desa"
        moved = json.loads((site / "inovasi" / f"{alias}.json").read_text(encoding="utf-8"))
        current = json.loads((site / "inovasi" / f"{slug}.json").read_text(encoding="utf-8"))
        assert moved.pop("dialihkan_ke") == f"inovasi/{slug}.json"
        assert moved == current
    # The crawl reached every record page and the data files linked from the data page.
    assert all((site / url / "index.html").resolve() in seen for url in record_pages(built))


# Pagefind's search index (issue 6) is not byte-reproducible yet: two builds name its files
# differently. Deterministic builds are issue 10's; every other file is compared.
NOT_YET_REPRODUCIBLE = ("pagefind/",)


def differing_files(one: Path, other: Path) -> list[str]:
    """Files that differ between two built sites, or exist in one only."""
    names = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    names |= {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()}
    names = {name for name in names if not name.startswith(NOT_YET_REPRODUCIBLE)}
    return sorted(
        name
        for name in names
        if not (one / name).is_file()
        or not (other / name).is_file()
        or (one / name).read_bytes() != (other / name).read_bytes()
    )


def test_two_builds_of_one_catalogue_have_byte_identical_exports(built: Built) -> None:
    exports = [e.path for e in export_files(built.catalogue, None, build_date_for(built.catalogue))]
    differing = differing_files(built.site, built.again)
    assert [name for name in differing if name in exports] == []
    # Only MkDocs' sitemap carries the clock (its lastmod) when SOURCE_DATE_EPOCH is unset.
    assert set(differing) <= {"sitemap.xml", "sitemap.xml.gz"}


def test_with_source_date_epoch_two_builds_are_byte_identical(built: Built) -> None:
    assert differing_files(built.epoch, built.epoch_again) == []
    katalog = json.loads((built.epoch / "data" / "katalog.json").read_text(encoding="utf-8"))
    assert katalog["dibangun"] == "2023-11-14"
    assert os.environ.get("SOURCE_DATE_EPOCH") != EPOCH  # the fixture restored the environment


def test_the_data_page_links_every_download_and_every_link_resolves(built: Built) -> None:
    """`/data/` (docs/data.md with its generated table): each download has a working
    relative link, its size and rows; every other link on the page lands somewhere."""
    site = built.site
    html_file = site / "data" / "index.html"
    article = soup_of(html_file).select_one("article")
    assert article is not None
    broken = []
    for link in article.select("a[href]"):
        href = str(link["href"])
        target = resolve(site, html_file, href)
        if target is not None and not target.is_file():
            broken.append(href)
        fragment = urlsplit(href).fragment
        anchored = target is not None and fragment and target.suffix == ".html"
        if anchored and soup_of(target).find(id=fragment) is None:
            broken.append(href)
    assert broken == []
    rows = {
        str(tr.select_one("a")["href"]): [td.get_text() for td in tr.select("td")]
        for tr in article.select("table.unduhan tbody tr")
    }
    for name in ["katalog.xlsx", "templat-impor.xlsx", "inovasi.csv", "katalog.json"]:
        assert name in rows, name
    assert not any(href.startswith("excel/") for href in rows)
    assert "../feed.xml" in rows
    date = build_date_for(built.catalogue, environ={})
    for href, cells in rows.items():
        assert resolve(site, html_file, href) is not None
        assert cells[5].endswith(str(date.year)), href
    assert rows["inovasi.csv"][4] == str(len(built.catalogue.innovations))
    everything = sum(
        int(rows[f"{kind}.csv"][4]) for kind in ("inovasi", "replikasi", "wilayah", "kegiatan")
    )
    assert rows["katalog.json"][4] == rows["katalog.xlsx"][4] == str(everything)
    assert rows["templat-impor.xlsx"][4] == "—"
    assert rows["katalog.xlsx"][1].startswith("semua tabel")
    # Without an address the examples use addresses relative to the site's root.
    text = article.get_text()
    assert "contoh.go.id" not in text
    assert 'curl -s "/data/katalog.json"' in text
    assert "belum diatur" in text
