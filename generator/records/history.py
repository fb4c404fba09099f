"""When each record file last changed, from git: the date of the newest commit that touched it
(what `git log -1 --format=%cs -- <file>` gives), for every file of a catalogue in one walk of
the history instead of one git process per file.

Outside a git repository, without git, or for a file never committed, there is no date. In a
shallow clone (a CI checkout of depth 1) the oldest commit present seems to add every file;
the files it shows are left out, since their real last change lies beyond the clone.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

_COMMIT = "\x01"  # starts a commit's line in the log, which no file name contains


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "-c", "core.quotePath=false", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except OSError:  # no git
        return None
    return done.stdout if done.returncode == 0 else None


def _shallow_commits(folder: Path) -> set[str]:
    """The commits at a shallow clone's edge (their parents were not fetched)."""
    answer = _git(folder, "rev-parse", "--is-shallow-repository", "--git-path", "shallow")
    lines = (answer or "").splitlines()
    if len(lines) < 2 or lines[0] != "true":
        return set()
    shallow = Path(lines[1]) if Path(lines[1]).is_absolute() else folder / lines[1]
    try:
        return set(shallow.read_text(encoding="ascii").split())
    except OSError:
        return set()


def last_changed(folder: Path) -> dict[str, str]:
    """`{"inovasi/cms-desa.yml": "2025-03-14", ...}`: for each file under `folder` (paths
    relative to it) the committer date of the newest commit that changed it; empty outside
    git."""
    log = _git(
        folder, "log", "--no-renames", "--relative", "--name-only",
        f"--format={_COMMIT}%H %cs", "--", ".",
    )  # fmt: skip
    if not log:
        return {}
    edge = _shallow_commits(folder)
    dates: dict[str, str] = {}
    date, counted = "", True
    for line in log.splitlines():
        if line.startswith(_COMMIT):
            commit, _, date = line[1:].partition(" ")
            counted = commit not in edge
        elif line and counted and date > dates.get(line, ""):
            dates[line] = date
    return dates
