"""The open data in a MkDocs build: the files written beside the pages (`data.exports`) and
the generated parts of the hand-written `/data/` page (`site.data_page`), and the publisher
on the hand-written `/tentang/` page (`site.about_page`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.pages import Page

from generator.data.exports import ExportFile, build_date_for, export_files, write_exports
from generator.records.catalogue import Catalogue
from generator.records.settings import Identity
from generator.site.about_page import ABOUT_PAGE, about_page_markdown
from generator.site.data_page import DATA_PAGE, data_page_markdown
from generator.site.structure import Site


def download_files(
    catalogue: Catalogue, site: Site | None, site_url: str | None
) -> list[ExportFile]:
    """The files a person downloads (the `/data/` page lists them, with their sizes)."""
    codes = site.region_codes if site else ()
    return export_files(catalogue, site_url, build_date_for(catalogue), codes, twins=False)


def write_open_data(
    catalogue: Catalogue,
    site: Site | None,
    site_dir: Path,
    site_url: str | None,
    downloads: list[ExportFile] | None = None,
) -> list[Path]:
    """The open-data files beside the pages: katalog.json, the CSV tables and workbook, the
    feed, DCAT and each record page's JSON twin; `downloads` are the first of those when
    this build has made them already (`download_files`, for the `/data/` page). The page
    generator already makes the HTML redirect pages at an innovation's old slugs."""
    return write_exports(
        catalogue,
        site_dir,
        site_url,
        build_date_for(catalogue),
        extra_region_codes=site.region_codes if site else (),
        html_redirects=False,
        downloads=downloads,
    )


def page_markdown(
    markdown: str, page: Page, site: Site | None, identity: Identity, downloads: Downloads
) -> str:
    """A hand-written page's Markdown; for `/data/` (`docs/data.md`), with its table of
    downloads made from the files this build publishes and its examples' address; for
    `/tentang/` (`docs/tentang.md`), with the catalogue's publisher."""
    if page.file.src_uri == ABOUT_PAGE:
        return about_page_markdown(markdown, identity)
    if page.file.src_uri != DATA_PAGE or site is None:
        return markdown
    site_url = identity.site_url
    files = downloads.get(site.catalogue, site, site_url)
    built = build_date_for(site.catalogue)
    return data_page_markdown(markdown, files, page.url, site_url, built)


class Downloads:
    """One build's downloadable files, made at most once: for the `/data/` page's table and
    then written beside the pages (making the tables and the workbook twice doubled the cost
    of the open data)."""

    def __init__(self) -> None:
        self.files: list[ExportFile] | None = None

    def get(
        self, catalogue: Catalogue, site: Site | None, site_url: str | None
    ) -> list[ExportFile]:
        if self.files is None:
            self.files = download_files(catalogue, site, site_url)
        return self.files
