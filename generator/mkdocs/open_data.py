"""The open data in a MkDocs build: the files written beside the pages (`data.exports`) and
the generated parts of the hand-written `/data/` page (`site.data_page`), and the publisher
on the hand-written `/tentang/` page (`site.about_page`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.pages import Page

from generator.data.exports import ExportFile, build_date_for, export_files, write_files
from generator.records.catalogue import Catalogue
from generator.records.settings import Identity
from generator.site.about_page import ABOUT_PAGE, about_page_markdown
from generator.site.data_page import DATA_PAGE, Summary, data_page_markdown, summaries
from generator.site.structure import Site


def open_data_files(
    catalogue: Catalogue, site: Site | None, site_url: str | None
) -> list[ExportFile]:
    """Every open-data file beside the pages: katalog.json, the CSV tables and workbooks, the
    feed, DCAT, and each record page's JSON twin. (The page generator makes the HTML redirect
    pages at an innovation's old slugs itself.)"""
    codes = site.region_codes if site else ()
    return export_files(catalogue, site_url, build_date_for(catalogue), codes, html_redirects=False)


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
    """One build's open-data files, made at most once: for the `/data/` page's table (which
    lists the downloadable ones) and then written beside the pages (making the records' data,
    the tables and the workbook twice doubled the cost of the open data).

    `last`: under `mkdocs serve`, the table of the last rebuild's files. The files are made
    after the pages there (`on_post_build`), and a rebuild's `/data/` page lists the last
    ones instead of waiting a quarter of a minute (at 10,000 innovations) for its own: a row
    count may lag one edit behind, on a page no editor edits records to see."""

    def __init__(self, last: list[Summary] | None = None) -> None:
        self.files: list[ExportFile] | None = None
        self.last = last

    def made(
        self, catalogue: Catalogue, site: Site | None, site_url: str | None
    ) -> list[ExportFile]:
        """This build's files."""
        if self.files is None:
            self.files = open_data_files(catalogue, site, site_url)
        return self.files

    def get(self, catalogue: Catalogue, site: Site | None, site_url: str | None) -> list[Summary]:
        """The files the `/data/` page lists."""
        if self.last is not None:
            return self.last
        return summaries(self.made(catalogue, site, site_url))

    def write(
        self, catalogue: Catalogue, site: Site | None, site_dir: Path, site_url: str | None
    ) -> list[Path]:
        """Write this build's files beside the pages; the paths written. Only their table is
        kept afterwards: `mkdocs serve` keeps this object until the next rebuild, and the
        files' bytes (hundreds of megabytes at 10,000 innovations) are no longer needed."""
        files, self.files = self.made(catalogue, site, site_url), None
        self.last = summaries(files)
        return write_files(site_dir, files)
