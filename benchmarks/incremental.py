"""A one-record change published: an innovation record's name corrected, then the site built
again into the folder of the last full build, as a publish after one edit runs.

Measured the same whatever the build does with the folder it is given: a build that reuses
the previous site (issue 22) shows its gain here; one that rebuilds everything shows none.
Each run changes another record; the records are put back afterwards. The edited record's
page must show the new name, or the run is a note (a build that skipped it is not fast)."""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from measure import Run, run_measured


@dataclass
class Incremental:
    runs: list[Run] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def measure_incremental(
    build: Callable[[Path, Path], Run],
    catalogue: Path,
    site: Path,
    runs: int,
    before_run: Callable[[int], None],
) -> Incremental:
    """`runs` times: rename one innovation (a new record each time), then `build(site, log
    name)`; `before_run(index)` waits for a quiet machine. Stops at the first failure."""
    records = sorted((catalogue / "inovasi").glob("*.yml"))
    chosen = [records[(len(records) // 3 + i * 11) % len(records)] for i in range(runs)]
    originals = {path: path.read_bytes() for path in chosen}
    found = Incremental()
    try:
        for index, record in enumerate(chosen):
            name = _rename(record, index)
            before_run(index)
            run = build(site, Path(f"incremental-{index}.log"))
            found.runs.append(run)
            if not run.ok:
                found.notes.append(f"one-record build failed ({run.stopped or run.returncode})"
                                   f":\n{run.tail()}")  # fmt: skip
                break
            page = site / "inovasi" / record.stem / "index.html"
            if not page.is_file() or name not in page.read_text(encoding="utf-8"):
                found.notes.append(
                    f"one-record build {index + 1}: {page} does not show the new name {name!r}"
                )
                break
    finally:
        for path, content in originals.items():
            path.write_bytes(content)
    return found


def _rename(record: Path, index: int) -> str:
    """Append a word to the record's top-level `nama` (its place in name order stays), saved
    as editors save: a temporary file renamed over the record. Returns the new name."""
    text = record.read_text(encoding="utf-8")
    match = re.search(r"(?m)^nama:[ \t]*(.*)$", text)
    if match is None:
        raise ValueError(f"{record}: no top-level `nama:`")
    old = match.group(1).strip()
    old = json.loads(old) if old.startswith('"') else old.strip("'")
    name = f"{old} Revisi {index + 1} {secrets.token_hex(3)}"
    changed = text[: match.start()] + f"nama: {json.dumps(name)}" + text[match.end() :]
    temporary = record.with_name(f".{record.name}.tmp")
    temporary.write_text(changed, encoding="utf-8")
    os.replace(temporary, record)
    return name


def build_into(
    command: list[str], cwd: Path, logs: Path, timeout: float
) -> Callable[[Path, Path], Run]:
    """A `build(site, log)` for `measure_incremental`: `command` with `--site-dir site`."""

    def build(site: Path, log: Path) -> Run:
        return run_measured([*command, "--site-dir", str(site)], cwd, logs / log, timeout)

    return build
