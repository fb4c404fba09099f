"""What the benchmark measured for one catalogue size, and results.json: written after every
step, read back for `--merge` and `--report-only`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from measure import Machine, Run
from site_facts import SiteFacts


@dataclass
class SizeResult:
    """Everything measured for one catalogue size."""

    size: int
    measured: str = ""  # date and time the measurement of this size started
    command: str = ""
    commit: str = ""  # the code measured (with --merge, sizes may come from other commits)
    summary: str = ""
    catalogue_files: int = 0
    catalogue_bytes: int = 0
    synth: Run | None = None
    validate: list[Run] = field(default_factory=list)
    # `impor` of the catalogue's own workbook into an empty catalogue: the rows it held.
    impor: list[Run] = field(default_factory=list)
    impor_rows: str = ""
    build: list[Run] = field(default_factory=list)  # full builds, each into a new folder
    site: SiteFacts | None = None
    # The yardstick, run after each katalog build: Hugo, then Pagefind over Hugo's output
    # (`pagefind[i]` indexed the site of `hugo[i]`).
    hugo: list[Run] = field(default_factory=list)
    pagefind: list[Run] = field(default_factory=list)
    hugo_site: SiteFacts | None = None
    # One innovation record changed, then built again into the last full build's folder.
    incremental: list[Run] = field(default_factory=list)
    # The 1-minute load at the start of each run, by run ("build 1", "serve edit 2").
    loads: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # Per query: bytes a browser fetched until the first results showed (compressed), those
    # bytes by kind of file, and the number of results.
    search_bytes: dict[str, int] = field(default_factory=dict)
    search_parts: dict[str, dict[str, int]] = field(default_factory=dict)
    search_results: dict[str, int] = field(default_factory=dict)
    # A cold-cache load of the median-sized innovation page: requests, bytes sent (served
    # uncompressed) and the gzip estimate of the bodies.
    page_load: dict[str, int] = field(default_factory=dict)
    # `mkdocs serve` with livereload: seconds until the first build was served, and from
    # saving one edited innovation record until its page showed the new name, per edit; the
    # share of a core the idle server used (its file watcher).
    serve_first_build: float | None = None
    serve_edits: list[float] = field(default_factory=list)
    serve_idle_cpu: float | None = None


RUN_LISTS = ("validate", "impor", "build", "hugo", "pagefind", "incremental")


def write_results(
    path: Path, machine: Machine, context: dict[str, Any], results: list[SizeResult]
) -> None:
    data = {
        "machine": asdict(machine),
        "context": context,
        "sizes": [asdict(result) for result in results],
    }
    path.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")


def read_results(path: Path) -> tuple[dict[str, Any], list[SizeResult]]:
    """The context and sizes of an earlier run; ({}, []) when there is none. Fields an older
    benchmark wrote and this one no longer measures are left out."""
    if not path.is_file():
        return {}, []
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("context", {}), [_size(item) for item in data["sizes"]]


def _size(data: dict[str, Any]) -> SizeResult:
    known = {key: value for key, value in data.items() if key in SizeResult.__dataclass_fields__}
    for key in RUN_LISTS:
        known[key] = [_run(item) for item in known.get(key) or []]
    if known.get("synth"):
        known["synth"] = _run(known["synth"])
    for key in ("site", "hugo_site"):
        if known.get(key):
            known[key] = SiteFacts.from_json(known[key])
    loads = known.get("loads") or {}
    if isinstance(loads, list):  # older files: the loads in order, without their runs
        loads = {f"run {index + 1}": load for index, load in enumerate(loads)}
    known["loads"] = loads
    return SizeResult(**known)


def _run(data: dict[str, Any]) -> Run:
    known = {key: value for key, value in data.items() if key in Run.__dataclass_fields__}
    return Run(**{**known, "log": Path(data["log"])})
