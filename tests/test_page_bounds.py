"""Every page light at national scale, whatever the skew (issue 22): on a synthetic catalogue
of 10,000 innovations where one regency owns a fifth of them and a commitment has hundreds of
signatories, the body of every page about the catalogue as a whole (hubs, listings and their
pages, board pages) and of the largest record page of each kind stays under 140 KB, so that
with the theme's ~10 KB around it no page passes 150 KB. Only page sources are rendered, not
the whole site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from devtools.synth import write_synthetic_catalogue
from generator.records import urls
from generator.records.catalogue import Catalogue
from generator.records.validate import read_catalogue
from generator.site import paging, views
from generator.site.pages import PageMaker, site_page_sources

SIZE = 10_000
SKEWED_REGION = "61.01"  # Kabupaten Sambas, made to own a fifth of the catalogue
KB = 1024
LIMIT = 140 * KB

_WILAYAH = re.compile(r'^wilayah: "[0-9.]+"$', re.M)


def _skew(folder: Path) -> set[str]:
    """Give the first fifth of the innovations to one regency, and drop the replications that
    would now be that regency replicating its own innovation; the slugs given."""
    given = set()
    for path in sorted((folder / "inovasi").glob("*.yml"))[: SIZE // 5]:
        text = path.read_text(encoding="utf-8")
        path.write_text(_WILAYAH.sub(f'wilayah: "{SKEWED_REGION}"', text, 1), encoding="utf-8")
        given.add(path.stem)
    for path in (folder / "replikasi").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        slug = re.search(r"^inovasi: \"?([a-z0-9-]+)\"?$", text, re.M)
        if slug and slug.group(1) in given and f'wilayah: "{SKEWED_REGION}"' in text:
            path.unlink()
    return given


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> views.Site:
    folder = tmp_path_factory.mktemp("miring") / "katalog"
    # Long texts (two to four paragraphs a field, five times a real record's): the worst case.
    write_synthetic_catalogue(SIZE, folder, long_text=True)
    _skew(folder)
    result = read_catalogue(folder)
    assert result.problems == [], [p.format() for p in result.problems[:5]]
    assert result.catalogue is not None
    return views.Site(result.catalogue)


def test_the_catalogue_is_skewed(site: views.Site) -> None:
    catalogue: Catalogue = site.catalogue
    assert len(catalogue.innovations) == SIZE
    assert len(catalogue.innovations_of(SKEWED_REGION)) >= SIZE // 5
    assert max(len(e.peserta) for e in catalogue.events.values()) >= 300


def test_every_page_about_the_whole_catalogue_stays_light(site: views.Site) -> None:
    sizes = {s.url: len(s.body.encode()) for s in site_page_sources(site, PageMaker())}
    heavy = {url: size for url, size in sizes.items() if size >= LIMIT}
    assert heavy == {}
    # The skewed regency's list continues over pages; the listings are paged too.
    region_pages = [u for u in sizes if u.startswith(urls.region("kabupaten-sambas") + "halaman/")]
    assert len(region_pages) == -(-len(site.catalogue.innovations_of(SKEWED_REGION)) // 100) - 1
    assert urls.paged(urls.INNOVATIONS, SIZE // paging.PER_PAGE) in sizes


def test_the_largest_record_page_of_each_kind_stays_light(site: views.Site) -> None:
    catalogue = site.catalogue
    maker = PageMaker()
    region = views.region_view(site, SKEWED_REGION)
    event = max(catalogue.events.values(), key=lambda e: len(e.peserta))
    innovation = max(
        catalogue.innovations.values(), key=lambda i: len(catalogue.replications_of(i.slug))
    )
    replication = max(catalogue.replications.values(), key=lambda r: len(r.tahapan))
    pages = {
        "wilayah": maker.make("wilayah/x/", "region.html", "Wilayah", region),
        "kegiatan": maker.make(
            "kegiatan/x/", "event.html", event.nama, views.event_view(site, event)
        ),
        "inovasi": maker.make(
            "inovasi/x/",
            "innovation.html",
            innovation.nama,
            views.innovation_view(site, innovation),
        ),
        "replikasi": maker.make(
            "replikasi/x/",
            "replication.html",
            "Replikasi",
            views.replication_view(site, replication),
        ),
    }
    sizes = {kind: len(page.body.encode()) for kind, page in pages.items()}
    assert all(size < LIMIT for size in sizes.values()), sizes
