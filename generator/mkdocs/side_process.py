"""What an incremental build makes beside its pages, as early as it can: the open data in a
process of its own, and the search index.

An incremental build has few pages left to make, so its time went into the steps that remake
everything: at 10,000 innovations the open data (half a minute) and the search index
(documents, then Pagefind) ran one after the other in the process that renders the pages,
while the other core idled. Here they start the moment the catalogue is read: the open data
in a forked process (it inherits the catalogue), written once MkDocs has emptied the site
(`start_writing`); Pagefind indexing into a hidden folder of the staging site (MkDocs leaves
names starting with a dot alone when it empties the site), moved into place at the end.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import queue
import shutil
import signal
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from generator.data.exports import write_files
from generator.mkdocs.open_data import Downloads, open_data_files
from generator.records.catalogue import Catalogue
from generator.search.documents import scratch_parent, write_index_documents
from generator.search.indexer import Indexer, IndexSummary
from generator.site.data_page import Summary, summaries
from generator.site.search_page import BUNDLE
from generator.site.structure import Site

INDEX_ASIDE = ".katalog-indeks"
"""Where Pagefind writes in the staging site until MkDocs is done with it."""

# What the side process works from: set just before it forks, so that it inherits the
# catalogue instead of receiving a pickled copy (as `shells` does for the page workers).
_JOB: tuple[Catalogue, Site, Path, str | None, Any, Any] | None = None


def _side_work() -> list[str]:
    """In the side process: every open-data file (the table of those the `/data/` page lists
    handed to the build), written once MkDocs has emptied the site; the paths written."""
    assert _JOB is not None
    catalogue, site, site_dir, site_url, outbox, ready = _JOB
    _end_with_parent()
    try:
        files = open_data_files(catalogue, site, site_url)
    except BaseException as error:
        outbox.put(repr(error))
        raise
    outbox.put(summaries(files))
    parent = os.getppid()
    while not ready.wait(1):
        if os.getppid() != parent:  # the build was killed: nothing to write for
            return []
    return [path.as_posix() for path in write_files(site_dir, files)]


class EarlyIndex:
    """The search index of an incremental build, started as soon as the catalogue is read:
    Pagefind runs beside the side process and the pages, writing into a hidden folder of the
    staging site, moved into place by `finish`."""

    def __init__(self, site: Site, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.scratch = Path(tempfile.mkdtemp(prefix="katalog-index-", dir=scratch_parent(site)))
        try:
            write_index_documents(site, self.scratch / "dokumen")
            self.indexer = Indexer(self.scratch / "dokumen", site_dir / INDEX_ASIDE)
        except BaseException:
            shutil.rmtree(self.scratch, ignore_errors=True)
            raise

    def finish(self) -> IndexSummary:
        try:
            summary = self.indexer.finish()
        finally:
            self.stop()
        (self.site_dir / INDEX_ASIDE / BUNDLE).rename(self.site_dir / BUNDLE)
        (self.site_dir / INDEX_ASIDE).rmdir()
        return summary

    def stop(self) -> None:
        self.indexer.stop()
        shutil.rmtree(self.scratch, ignore_errors=True)


def _end_with_parent() -> None:
    """Have the kernel end this process (SIGTERM, which ends Pagefind too) when the build is
    killed: else it would go on writing into a staging folder the next build removes."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the parent's check while waiting (`_side_work`) remains


PR_SET_PDEATHSIG = 1


class ForkedDownloads(Downloads):
    """The open data and the search index, made by the side process (see the module)."""

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
            self._future = self._pool.submit(_side_work)
        finally:
            _JOB = None
            if not frozen_before:
                gc.unfreeze()

    def get(self, catalogue: Catalogue, site: Site | None, site_url: str | None) -> list[Summary]:
        """The downloads, for the `/data/` page, as soon as the side process has them."""
        while self.last is None:
            try:
                got = self._outbox.get(timeout=0.5)
            except queue.Empty:
                if self._future.done():
                    self._future.result()  # its exception, if it failed
                continue
            if isinstance(got, str):
                self._future.result()
                raise RuntimeError(f"data terbuka gagal dibuat: {got}")
            self.last = got
        return self.last

    def start_writing(self) -> None:
        """MkDocs has emptied the site: the files may go in."""
        self._ready.set()

    def finish(self, site_dir: Path) -> list[Path]:
        """Wait for the side process; the paths it wrote."""
        self._ready.set()
        try:
            written = self._future.result()
        except BaseException:
            self.cancel()
            raise
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        return [site_dir / path for path in written]

    def cancel(self) -> None:
        """The build failed: end the side process where it is."""
        if self._pool is not None:
            processes = list((getattr(self._pool, "_processes", None) or {}).values())
            self._future.cancel()
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
                process.join(10)
                if process.is_alive():
                    process.kill()
                    process.join()
            self._pool = None
