"""The open data in a MkDocs build: the files written beside the pages (`data.exports`) and
the generated parts of the hand-written `/data/` page (`site.data_page`), and the publisher
on the hand-written `/tentang/` page (`site.about_page`)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from generator.data.exports import ExportFile, build_date_for, export_files, write_files
from generator.records.catalogue import Catalogue
from generator.records.settings import Identity
from generator.site.about_page import ABOUT_PAGE, about_page_markdown
from generator.site.data_page import DATA_PAGE, data_page_markdown, downloads
from generator.site.structure import Site


def open_data_files(
    catalogue: Catalogue, site: Site | None, site_url: str | None
) -> list[ExportFile]:
    """Every open-data file beside the pages: katalog.json, the CSV tables and workbooks, the
    feed, DCAT, and each record page's JSON twin. (The page generator makes the HTML redirect
    pages at an innovation's old slugs itself.)"""
    codes = site.region_codes if site else ()
    return export_files(catalogue, site_url, build_date_for(catalogue), codes, html_redirects=False)


def write_open_data(
    catalogue: Catalogue,
    site: Site | None,
    site_dir: Path,
    site_url: str | None,
    files: list[ExportFile] | None = None,
) -> list[Path]:
    """Write the open-data files beside the pages; `files` when this build made them already
    (`Downloads`, for the `/data/` page)."""
    return write_files(site_dir, files or open_data_files(catalogue, site, site_url))


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
    the tables and the workbook twice doubled the cost of the open data)."""

    def __init__(self) -> None:
        self.files: list[ExportFile] | None = None

    def get(
        self, catalogue: Catalogue, site: Site | None, site_url: str | None
    ) -> list[ExportFile]:
        if self.files is None:
            self.files = open_data_files(catalogue, site, site_url)
        return self.files


_DOWNLOADS = {row.path for row in downloads()}
"""The files the `/data/` page lists (its table of downloads needs their bytes)."""

# What the open-data process works from: set just before it forks, so that it inherits the
# catalogue instead of receiving a pickled copy (as `shells` does for the page workers).
_JOB: tuple[Catalogue, Site, Path, str | None, Any, Any] | None = None


def _make_and_write() -> list[str]:
    """In the open-data process: make every file, hand the downloads to the `/data/` page
    (`downloads`), and write the files once MkDocs has emptied the site (`ready`)."""
    assert _JOB is not None
    catalogue, site, site_dir, site_url, outbox, ready = _JOB
    try:
        files = open_data_files(catalogue, site, site_url)
    except BaseException as error:
        outbox.put(repr(error))
        raise
    outbox.put([f for f in files if f.path in _DOWNLOADS or f.path.startswith("data/")])
    parent = os.getppid()
    while not ready.wait(1):
        if os.getppid() != parent:  # the build was killed: nothing to write for
            return []
    return [path.as_posix() for path in write_files(site_dir, files)]


class ForkedDownloads(Downloads):
    """The open data made by a process of its own from the moment the catalogue is read, and
    written by it into the site once MkDocs has emptied it (`start_writing`), while this
    process makes everything else. For an incremental build, where little else is left to
    make: there, making the open data after the pages had it wait on one core while the
    other idled."""

    def __init__(self, catalogue: Catalogue, site: Site, site_dir: Path, site_url: str | None):
        global _JOB
        super().__init__()
        context = multiprocessing.get_context("fork")
        self._outbox, self._ready = context.Queue(), context.Event()
        _JOB = (catalogue, site, site_dir, site_url, self._outbox, self._ready)
        frozen_before = gc.get_freeze_count()
        gc.freeze()  # as `shells.PagePour`: the child does not copy the inherited heap
        try:
            self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(1, mp_context=context)
            self._future = self._pool.submit(_make_and_write)
        finally:
            _JOB = None
            if not frozen_before:
                gc.unfreeze()

    def get(
        self, catalogue: Catalogue, site: Site | None, site_url: str | None
    ) -> list[ExportFile]:
        while self.files is None:
            try:
                got = self._outbox.get(timeout=0.5)
            except queue.Empty:
                if self._future.done():
                    self._future.result()  # its exception, if it failed
                continue
            if isinstance(got, str):
                self._future.result()
                raise RuntimeError(f"data terbuka gagal dibuat: {got}")
            self.files = got
        return self.files

    def start_writing(self) -> None:
        self._ready.set()

    def finish(self, site_dir: Path) -> list[Path]:
        """Wait for the files to be written; their paths."""
        self._ready.set()
        try:
            written = [site_dir / path for path in self._future.result()]
        except BaseException:
            self.cancel()
            raise
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        return written

    def cancel(self) -> None:
        """The build failed: end the open-data process where it is."""
        if self._pool is not None:
            processes = list((getattr(self._pool, "_processes", None) or {}).values())
            self._future.cancel()
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.kill()
                process.join()
            self._pool = None
