"""The Pagefind run: the index documents in, a reproducible chunked index under
`pagefind/` out.

The search runs in the visitor's browser with Pagefind, whose chunked index (under
`pagefind/`) the search page (`docs/assets/cari.js`) loads piece by piece. The index is
Indonesian (`--force-language id`), so Pagefind's Indonesian stemmer matches `layanan` with
`pelayanan`, `kesehatan` with `sehat`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from generator.search.bundle import BundleFormatError, normalise_bundle
from generator.site.search_page import BUNDLE


@dataclass(frozen=True)
class IndexSummary:
    """What the indexer did: pages indexed, and the index's files and bytes on disk."""

    pages: int
    files: int
    bytes: int

    def __str__(self) -> str:
        return (
            f"Indeks pencarian: {self.pages} halaman, {self.files} berkas, "
            f"{self.bytes / 1024:.0f} KB."
        )


class IndexFailed(Exception):
    """The indexer stopped; the message holds the tail of its output."""


_ENDS_WITH_BUILD = (
    "import ctypes, runpy, signal, sys\n"
    "try:\n"
    "    ctypes.CDLL(None).prctl(1, signal.SIGTERM)\n"
    "except (OSError, AttributeError):\n"
    "    pass\n"
    "sys.argv[0] = 'pagefind'\n"
    "runpy.run_module('pagefind', run_name='__main__')\n"
)
"""`python -m pagefind`, but ended by the kernel when the build that started it dies
(PR_SET_PDEATHSIG, kept as `pagefind` execs its binary): a killed build's Pagefind would
otherwise go on writing into the staging folder the next build removes."""


def pagefind_command(documents: Path, site_dir: Path) -> list[str]:
    """The indexer's command line: index the documents under `documents`, write the bundle
    into the site (the `pagefind` package's binary)."""
    return [
        sys.executable,
        "-c",
        _ENDS_WITH_BUILD,
        "--site",
        str(documents),
        "--output-path",
        str(site_dir / BUNDLE),
        "--force-language",
        "id",
        "--quiet",
    ]


def pagefind_environment() -> dict[str, str]:
    """The environment Pagefind runs in: as many worker threads as the cores the two
    page-writing processes leave, at least one. It runs beside them; on two cores, with a
    thread per core its threads mostly waited on each other (measured at 10,000
    innovations: 10 s of system time against 3 s with one thread, and 10.9 s against 6.8 s
    even when it ran alone)."""
    threads = max(1, (os.cpu_count() or 1) - 2)
    return {**os.environ, "TOKIO_WORKER_THREADS": str(threads)}


class Indexer:
    """A Pagefind run over written index documents, in the background: start it, do other
    work, then `finish` (or `stop` on the way out of a failed build)."""

    def __init__(self, documents: Path, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._log: IO[bytes] = (documents.parent / (documents.name + ".log")).open("w+b")
        self._process = subprocess.Popen(
            pagefind_command(documents, site_dir),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=pagefind_environment(),
        )

    def finish(self) -> IndexSummary:
        """Wait for Pagefind; make its output reproducible; summarise the bundle."""
        returncode = self._process.wait()
        self._log.seek(0)
        output = self._log.read().decode("utf-8", "replace")
        self._log.close()
        bundle = self.site_dir / BUNDLE
        if returncode != 0 or not (bundle / "pagefind.js").is_file():
            tail = output.strip().splitlines()[-5:]
            raise IndexFailed("Pagefind gagal membuat indeks pencarian: " + " / ".join(tail))
        try:
            normalise_bundle(bundle)
        except (BundleFormatError, OSError, ValueError, KeyError) as error:
            raise IndexFailed(f"Indeks Pagefind tidak terbaca: {error}") from None
        files = [p for p in bundle.rglob("*") if p.is_file()]
        pages = sum(1 for p in bundle.glob("fragment/*") if p.is_file())
        return IndexSummary(pages, len(files), sum(p.stat().st_size for p in files))

    def stop(self) -> None:
        """End a run that is no longer wanted (the build failed elsewhere)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._log.close()
