"""The sitemap (`sitemap.xml` and `sitemap.xml.gz`): MkDocs writes it from its pages when the
site has an address (`theme_overrides/sitemap.xml`, which leaves out the pages at earlier
addresses and writes nothing without an address); the record pages poured into shells
(`shells`) are listed in their shells' place here, and the build is dated so that the
sitemap's `<lastmod>` and its gzip header are the same on any day."""

from __future__ import annotations

import calendar
import gzip
import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.utils import get_build_timestamp

from generator.data.exports import build_date_for
from generator.mkdocs.shells import Group, sitemap_with_pages
from generator.records.catalogue import Catalogue

SITEMAP = "sitemap.xml"


def list_record_pages(
    site_dir: Path, poured: dict[Group, list[str]], groups: Iterable[Group] | None = None
) -> None:
    """List the poured pages in the sitemap in place of their shells (`groups`), when there
    is one."""
    sitemap = site_dir / SITEMAP
    if not sitemap.is_file():
        return
    xml = sitemap_with_pages(sitemap.read_text(encoding="utf-8"), poured, groups)
    sitemap.write_text(xml, encoding="utf-8")
    stamp = get_build_timestamp()  # as MkDocs dates its own sitemap.xml.gz
    with gzip.GzipFile(site_dir / f"{SITEMAP}.gz", "wb", mtime=stamp) as packed:
        packed.write(xml.encode("utf-8"))


class BuildDate:
    """`SOURCE_DATE_EPOCH` set to the catalogue's newest date for one build, when unset.

    MkDocs dates the sitemap (`<lastmod>`) and the gzip header of `sitemap.xml.gz` by
    `SOURCE_DATE_EPOCH`, else by today: with it, two builds of one catalogue are identical on
    any day. MkDocs reads it from the environment, so it is set there, and put back as it was
    when the build ends (`restore`)."""

    def __init__(self) -> None:
        self.set_here = False  # this build set SOURCE_DATE_EPOCH

    def set_for(self, catalogue: Catalogue) -> None:
        self.restore()
        if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
            return
        newest = build_date_for(catalogue)
        self.set_here = True
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(newest.timetuple()))

    def restore(self) -> None:
        if self.set_here:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            self.set_here = False
