"""`mkdocs serve` hears of edits from the kernel instead of looking at every file.

MkDocs' server watches with watchdog's polling observer: twice a second it lists and stats
every file under each watched folder. With the catalogue watched, a national catalogue's
30,000 record files (at 10,000 innovations) were stat'ed 60,000 times a second, and the
machine never fell quiet. `watch_by_kernel` gives the server, before it starts watching,
the observer watchdog picks for the system (inotify on Linux, FSEvents on macOS,
ReadDirectoryChanges on Windows; polling only where there is none), and moves the watches
MkDocs already made (the docs, `mkdocs.yml`, the theme) onto it.

Kernel observers also report a file opened, or closed without a write, which polling never
saw; the rebuild itself opens every record, so each rebuild would start the next. Only
changes (created, modified, moved, deleted, closed after a write) reach the server.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    EVENT_TYPE_CLOSED_NO_WRITE,
    EVENT_TYPE_OPENED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

_NOT_CHANGES = frozenset({EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE})


class _ChangesOnly(FileSystemEventHandler):
    """Passes on the events that say a file changed."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.event_type not in _NOT_CHANGES:
            self.handler.dispatch(event)


class KernelObserver(Observer):  # type: ignore[misc,valid-type]
    """The system's own observer, showing its handlers changes only."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str,
        *,
        recursive: bool = False,
        **extra: Any,
    ) -> ObservedWatch:
        watch: ObservedWatch = super().schedule(
            _ChangesOnly(event_handler), path, recursive=recursive, **extra
        )
        return watch


def watch_by_kernel(server: LiveReloadServer, watched: Iterable[str | None]) -> None:
    """Give `server` a `KernelObserver` in place of its polling one, moving the watches of
    `watched` (paths MkDocs may have watched; others are skipped) onto it. Call before the
    server starts (a plugin's `on_serve`)."""
    if isinstance(server.observer, KernelObserver):
        return
    moved: list[str] = []
    for path in dict.fromkeys(path for path in watched if path):
        while True:
            try:
                server.unwatch(path)
            except KeyError:  # not (or no longer) watched
                break
            moved.append(path)
    old: BaseObserver = server.observer
    server.observer = KernelObserver()
    old.unschedule_all()
    for path in moved:
        server.watch(path)
