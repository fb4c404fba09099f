"""The open data in a MkDocs build: the files written beside the pages (`data.exports`) and
the generated parts of the hand-written `/data/` page (`site.data_page`), and the publisher
on the hand-written `/tentang/` page (`site.about_page`)."""

from __future__ import annotations

from pathlib import Path

from generator.data.exports import build_date_for, export_files, write_exports
from generator.records.catalogue import Catalogue
from generator.records.settings import Identity
from generator.site.about_page import ABOUT_PAGE, about_page_markdown
from generator.site.data_page import DATA_PAGE, data_page_markdown
from generator.site.structure import Site


def write_open_data(
    catalogue: Catalogue, site: Site | None, site_dir: Path, site_url: str | None
) -> list[Path]:
    """The open-data files beside the pages: katalog.json, the CSV tables and workbook, the
    feed, DCAT and each record page's JSON twin. The page generator already makes the HTML
    redirect pages at an innovation's old slugs."""
    return write_exports(
        catalogue,
        site_dir,
        site_url,
        build_date_for(catalogue),
        extra_region_codes=site.region_codes if site else (),
        html_redirects=False,
    )


def page_markdown(
    markdown: str,
    src_uri: str,
    page_url: str,
    catalogue: Catalogue | None,
    site: Site | None,
    identity: Identity,
) -> str:
    """A hand-written page's Markdown; for `/data/` (`docs/data.md`), with its table of
    downloads made from the files this build publishes and its examples' address; for
    `/tentang/` (`docs/tentang.md`), with the catalogue's publisher."""
    if src_uri == ABOUT_PAGE:
        return about_page_markdown(markdown, identity)
    if src_uri != DATA_PAGE or catalogue is None:
        return markdown
    site_url = identity.site_url
    built = build_date_for(catalogue)
    codes = site.region_codes if site else ()
    files = export_files(catalogue, site_url, built, codes, twins=False)
    return data_page_markdown(markdown, files, page_url, site_url, built)
