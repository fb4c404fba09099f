"""`mkdocs serve` watches by kernel events, not by polling every file (issue 22): the
server's observer is swapped before it starts, MkDocs' own watches move with it, an edit in
the catalogue asks for a rebuild, and reading a record (as every rebuild does) does not."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from generator.mkdocs.watching import KernelObserver, watch_by_kernel


def _server(root: Path) -> LiveReloadServer:
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))


def _wants_rebuild(server: LiveReloadServer, seconds: float) -> bool:
    """Whether the server was asked to rebuild within `seconds` (its own flag: a test only)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with server._rebuild_cond:
            if server._want_rebuild:
                return True
        time.sleep(0.05)
    return False


@pytest.fixture
def watched(tmp_path: Path):  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    catalogue = tmp_path / "catalogue" / "inovasi"
    docs.mkdir()
    catalogue.mkdir(parents=True)
    record = catalogue / "a.yml"
    record.write_text("nama: A\n", encoding="utf-8")
    server = _server(tmp_path / "site")
    server.watch(str(docs))
    assert isinstance(server.observer, PollingObserver)  # what MkDocs gives it
    watch_by_kernel(server, [str(docs), str(tmp_path / "mkdocs.yml")])
    server.watch(str(tmp_path / "catalogue"))
    server.observer.start()
    time.sleep(0.2)  # the kernel watches are in place once the observer's thread runs
    yield server, docs, record
    server.observer.stop()
    server.observer.join()


def test_observer_is_the_kernels_and_keeps_mkdocs_watches(watched) -> None:  # type: ignore[no-untyped-def]
    server, docs, _ = watched
    assert isinstance(server.observer, KernelObserver)
    assert not isinstance(server.observer, PollingObserver)
    assert len(server.observer.emitters) == 2  # the docs, moved over, and the catalogue
    (docs / "baru.md").write_text("# Baru\n", encoding="utf-8")
    assert _wants_rebuild(server, 3)


def test_an_edit_asks_for_a_rebuild_and_a_read_does_not(watched) -> None:  # type: ignore[no-untyped-def]
    server, _, record = watched
    assert record.read_text(encoding="utf-8") == "nama: A\n"
    assert not _wants_rebuild(server, 1)
    record.write_text("nama: B\n", encoding="utf-8")
    assert _wants_rebuild(server, 3)


def test_swapping_twice_changes_nothing(tmp_path: Path) -> None:
    server = _server(tmp_path)
    watch_by_kernel(server, [])
    first = server.observer
    watch_by_kernel(server, [])
    assert server.observer is first
