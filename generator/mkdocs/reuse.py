"""Keeping the last build's record pages across `mkdocs serve` rebuilds.

MkDocs empties the served site before every rebuild, so each edit rewrote every record page
and JSON twin: at 1,000 innovations a hundred megabytes per keystroke-save, and the disk's
write-back slowed each rebuild more than the last. Instead, before MkDocs cleans, the record
sections are moved into a hidden folder of the site (MkDocs leaves names starting with a dot
alone), moved back once MkDocs has written its own pages, and then only files whose bytes
changed are written (`write_if_changed`). What the rebuild did not make again (a deleted
record's page or twin) is removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

KEPT = ".katalog-simpan"


def _delete_in_background(path: Path) -> threading.Thread:
    thread = threading.Thread(
        target=shutil.rmtree, args=(path,), kwargs={"ignore_errors": True}, daemon=True
    )
    thread.start()
    return thread


def _remove_pages_below(folder: Path, name: str, made: set[str]) -> None:
    """Delete the pages in `folder` (the section's `name`) that are not `made`, and the
    folders they leave empty."""
    for page in sorted(folder.rglob("index.html"), reverse=True):
        below = page.parent.relative_to(folder).as_posix()
        if (name if below == "." else f"{name}/{below}") in made:
            continue
        page.unlink()
        for parent in [page.parent, *page.parent.parents]:
            if parent == folder.parent or any(parent.iterdir()):
                break
            parent.rmdir()


class KeptSections:
    """The record sections of one served site, kept through MkDocs' cleaning."""

    def __init__(self, site_dir: Path, sections: Iterable[str]) -> None:
        self.site_dir = site_dir
        self.sections = tuple(sections)
        self.restored: dict[str, set[str]] = {}
        self.deletions: list[threading.Thread] = []

    def keep(self) -> None:
        """Move the sections out of MkDocs' way (call before it cleans the site)."""
        kept = self.site_dir / KEPT
        if kept.exists():  # left by a rebuild that stopped halfway: stale, not to be trusted
            self.deletions.append(_delete_in_background(self._aside(kept)))
        present = [name for name in self.sections if (self.site_dir / name).is_dir()]
        if present:
            kept.mkdir()
            for name in present:
                (self.site_dir / name).rename(kept / name)

    def restore(self) -> None:
        """Put the kept sections back, under what MkDocs wrote into them (a section's index,
        its shells), and note the kept entries (`restored`); the kept entries MkDocs wrote
        again are deleted in the background. MkDocs' few entries move into the kept folder,
        not the other way round: at 10,000 innovations moving every kept page back one by one
        took seconds of each rebuild."""
        kept = self.site_dir / KEPT
        self.restored = {}
        if not kept.is_dir():
            return
        replaced = kept / ".diganti"
        for name in self.sections:
            old = kept / name
            if not old.is_dir():
                continue
            new = self.site_dir / name
            written = set()
            if new.exists():
                for entry in new.iterdir():
                    if (old / entry.name).exists():
                        replaced.mkdir(exist_ok=True)
                        (old / entry.name).rename(replaced / f"{name}-{entry.name}")
                    entry.rename(old / entry.name)
                    written.add(entry.name)
                new.rmdir()
            old.rename(new)
            self.restored[name] = {entry.name for entry in os.scandir(new)} - written
        self.deletions.append(_delete_in_background(self._aside(kept)))

    def remove_unmade(self, made: Iterable[str], folders: bool) -> None:
        """Delete the restored pages (`folders`) or files (JSON twins) that this build did not
        make again, given the site paths it made (`inovasi/x`, `inovasi/tahap/uji-coba`,
        `inovasi/x.json`): their record, or the last record of their list, is gone."""
        made_by_section: dict[str, set[str]] = {}
        for path in made:
            section, _, rest = path.partition("/")
            made_by_section.setdefault(section, set()).add(rest.strip("/"))
        for section, names in self.restored.items():
            made_here = made_by_section.get(section, set())
            tops = {rest.split("/", 1)[0] for rest in made_here}
            nesting = {rest.split("/", 1)[0] for rest in made_here if "/" in rest}
            if folders:  # pages below pages (`tahap/uji-coba`)
                for name in sorted(names & nesting):
                    _remove_pages_below(self.site_dir / section / name, name, made_here)
            for name in sorted(names - tops):
                target = self.site_dir / section / name
                if folders and target.is_dir():
                    shutil.rmtree(target, ignore_errors=True)
                    names.discard(name)
                elif not folders and target.is_file():
                    target.unlink(missing_ok=True)
                    names.discard(name)

    def wait(self) -> None:
        """Wait for the background deletions (at the end of serving)."""
        for thread in self.deletions:
            thread.join()
        self.deletions = []

    def _aside(self, folder: Path) -> Path:
        """`folder` renamed to a fresh name beside the site, ready to delete at leisure."""
        target = Path(tempfile.mkdtemp(prefix=".katalog-lama", dir=self.site_dir.parent))
        folder.rename(target / folder.name)
        return target
