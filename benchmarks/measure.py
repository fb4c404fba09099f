"""Measuring one command: wall time and peak memory of exactly that process, with a time
limit and a disk-space guard; plus the facts about the machine and about a built site."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    """One finished (or stopped) command."""

    seconds: float
    peak_kib: int
    returncode: int
    stopped: str  # why the watchdog stopped it, "" when it ran to the end
    log: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.stopped

    def tail(self, lines: int = 8) -> str:
        raw = self.log.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"\x1b\[[0-9;]*m", "", raw).strip().splitlines()
        return "\n".join(text[-lines:])


def command_environment(**extra: str) -> dict[str, str]:
    """The environment of a measured command: MkDocs' upgrade notice and colours off, so
    logs read plainly; `extra` on top."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", **extra}


def run_measured(
    command: list[str],
    cwd: Path,
    log: Path,
    timeout: float,
    max_disk_bytes: int | None = None,
) -> Run:
    """Run `command` and measure it with wait4(): its own peak RSS, not the benchmark's.

    A watchdog stops the command (the whole process group) after `timeout` seconds, or when
    free disk space has dropped by more than `max_disk_bytes` since it started.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    free_at_start = shutil.disk_usage(log.parent).free
    stopped: list[str] = []
    finished = threading.Event()
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=command_environment(),
        )

        def watch() -> None:
            while not finished.wait(1.0):
                elapsed = time.perf_counter() - start
                used = free_at_start - shutil.disk_usage(log.parent).free
                if elapsed > timeout:
                    stopped.append(f"dihentikan setelah {timeout:.0f} s")
                elif max_disk_bytes is not None and used > max_disk_bytes:
                    stopped.append(
                        f"dihentikan: memakai lebih dari {max_disk_bytes / 1e9:.1f} GB disk"
                    )
                if stopped:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGKILL)
                    return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        finished.set()
        watcher.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        seconds, int(usage.ru_maxrss), process.returncode, stopped[0] if stopped else "", log
    )


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def wait_for_quiet_machine(max_load: float, patience: float) -> float:
    """Wait (at most `patience` seconds) until the 1-minute load is below `max_load`;
    return the load at the moment the measurement starts."""
    deadline = time.monotonic() + patience
    load = os.getloadavg()[0]
    while load >= max_load and time.monotonic() < deadline:
        print(f"  beban 1 menit {load:.2f} >= {max_load}; menunggu...", file=sys.stderr)
        time.sleep(15)
        load = os.getloadavg()[0]
    return load


class Trash:
    """Folders the benchmark is done with, deleted when it ends rather than between runs.

    On this machine's file system (ext4 without a journal) a freed inode is not handed out
    again for a minute, and for six while its inode table block is dirty: the allocator
    steps over every recently freed inode, one by one, for each file it creates. Creating
    30,000 folders and files took 22 s right after deleting as many, and 2 s a minute later.
    A build right after the benchmark deleted the last run's site (a gigabyte in 100,000
    files) measured that, not the build. Renaming frees nothing, so a site is moved here,
    and the trash is emptied at the end, or sooner when the disk runs low."""

    def __init__(self, folder: Path, min_free_bytes: int = 20 * 10**9) -> None:
        self.folder = folder
        self.min_free_bytes = min_free_bytes
        self.count = 0

    def discard(self, path: Path) -> None:
        if not path.exists():
            return
        if shutil.disk_usage(path.parent).free < self.min_free_bytes:
            print("  disk hampir penuh: sampah benchmark dihapus sekarang", file=sys.stderr)
            self.empty()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count += 1
        path.rename(self.folder / f"{self.count:04d}-{path.name}")

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class SiteFacts:
    files: int
    bytes: int
    innovation_pages: int
    innovation_page_median: float | None
    partial: bool = False  # the build was stopped: what it had written so far


def site_facts(site: Path, partial: bool = False) -> SiteFacts:
    """Size of a built site, and the median size of its innovation pages."""
    files = 0
    total = 0
    for root, _dirs, names in os.walk(site):
        for name in names:
            files += 1
            total += os.stat(os.path.join(root, name)).st_size
    pages = [p.stat().st_size for p in site.glob("inovasi/*/index.html")]
    page_median = median([float(p) for p in pages]) if pages else None
    return SiteFacts(files, total, len(pages), page_median, partial)


@dataclass
class Machine:
    date: str
    cpus: int
    cpu_model: str
    python: str
    system: str
    memory_gib: float


def machine_facts() -> Machine:
    model = "unknown"
    memory = 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return Machine(
        date=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        cpus=len(os.sched_getaffinity(0)),  # what `nproc` reports
        cpu_model=model,
        python=platform.python_version(),
        system=f"{platform.system()} {platform.release()}",
        memory_gib=memory,
    )


def package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"
