"""What an incremental build makes beside its pages, in a process of its own: the open data
and the search index.

An incremental build has few pages left to make, so its time went into the steps that remake
everything: at 10,000 innovations the open data (half a minute) and the search index
(documents, then Pagefind) ran one after the other in the process that renders the pages,
while the other core idled. Here they start the moment the catalogue is read, in a forked
process (it inherits the catalogue), while this process makes the pages: Pagefind indexes
into a hidden folder of the staging site (MkDocs leaves names starting with a dot alone when
it empties the site) while the open data is made; the files are written once MkDocs has
emptied the site (`start_writing`); the index moves into place at the end (`finish`).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import queue
import signal
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from generator.data.exports import ExportFile, write_files
from generator.mkdocs.open_data import Downloads, open_data_files
from generator.records.catalogue import Catalogue
from generator.search.documents import scratch_parent, write_index_documents
from generator.search.indexer import Indexer
from generator.site.data_page import downloads
from generator.site.search_page import BUNDLE
from generator.site.structure import Site

_DOWNLOADS = {row.path for row in downloads()}
"""The files the `/data/` page lists (its table of downloads needs their bytes)."""
INDEX_ASIDE = ".katalog-indeks"
"""Where Pagefind writes in the staging site until MkDocs is done with it."""

# What the side process works from: set just before it forks, so that it inherits the
# catalogue instead of receiving a pickled copy (as `shells` does for the page workers).
_JOB: tuple[Catalogue, Site, Path, str | None, Any, Any] | None = None


def _side_work() -> tuple[list[str], str]:
    """In the side process: the index documents and Pagefind's start, every open-data file
    (the downloads handed to the `/data/` page), the files written once MkDocs has emptied
    the site, and the index moved into place. The paths written, and the index's summary."""
    assert _JOB is not None
    catalogue, site, site_dir, site_url, outbox, ready = _JOB
    _end_with_parent()
    try:
        with tempfile.TemporaryDirectory(prefix="katalog-index-", dir=scratch_parent(site)) as s:
            documents = Path(s) / "dokumen"
            write_index_documents(site, documents)
            indexer = Indexer(documents, site_dir / INDEX_ASIDE)

            # Ended by the build (`cancel`): Pagefind goes too, or it would write into the
            # staging folder after the build removed it.
            def ended(*_: object) -> None:
                indexer.stop()
                os._exit(1)

            signal.signal(signal.SIGTERM, ended)
            try:
                files = open_data_files(catalogue, site, site_url)
                outbox.put([f for f in files if f.path in _DOWNLOADS or f.path.startswith("data/")])
                parent = os.getppid()
                while not ready.wait(1):
                    if os.getppid() != parent:  # the build was killed: nothing to write for
                        return [], ""
                written = [path.as_posix() for path in write_files(site_dir, files)]
                summary = indexer.finish()
            finally:
                indexer.stop()
    except BaseException as error:
        outbox.put(repr(error))
        raise
    (site_dir / INDEX_ASIDE / BUNDLE).rename(site_dir / BUNDLE)
    (site_dir / INDEX_ASIDE).rmdir()
    return written, str(summary)


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

    def get(
        self, catalogue: Catalogue, site: Site | None, site_url: str | None
    ) -> list[ExportFile]:
        """The downloads, for the `/data/` page, as soon as the side process has them."""
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
        """MkDocs has emptied the site: the files may go in."""
        self._ready.set()

    def finish(self, site_dir: Path) -> tuple[list[Path], str]:
        """Wait for the side process; the paths it wrote, and the index's summary."""
        self._ready.set()
        try:
            written, summary = self._future.result()
        except BaseException:
            self.cancel()
            raise
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        return [site_dir / path for path in written], summary

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
