"""Measuring one command: wall time, CPU time and peak memory of that command and of its whole
process tree, with a time limit; waiting for a quiet machine; the trash; the machine's facts."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
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
    peak_kib: int  # wait4: the largest single process (it or a descendant it waited for)
    returncode: int
    stopped: str  # why the watchdog stopped it, "" when it ran to the end
    log: Path
    # The summed resident set of the process and all its descendants, sampled from /proc
    # every SAMPLE_SECONDS: what the whole build (workers, Pagefind) held at its peak.
    tree_peak_kib: int = 0
    cpu_seconds: float = 0.0  # user + system, its waited-for descendants included
    # How much more of /dev/shm was in use at the peak than at the start: files there are
    # memory that no process's resident set shows.
    shm_peak_kib: int = 0
    # The same tree's summed proportional set (PSS: a page shared by n processes counts 1/n),
    # read near the resident peak (`TreeSampler`): the memory the tree really held.
    tree_pss_kib: int = 0

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.stopped

    def tail(self, lines: int = 8) -> str:
        raw = self.log.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"\x1b\[[0-9;]*m", "", raw).strip().splitlines()
        return "\n".join(text[-lines:])


REPO = Path(__file__).resolve().parents[1]


def command_environment(**extra: str) -> dict[str, str]:
    """The environment of a measured command: this checkout first on the module path (the
    code measured is the code here, whatever is installed, from any working folder); MkDocs'
    upgrade notice and colours off, so logs read plainly; `extra` on top."""
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    quiet = {"NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return {**os.environ, "PYTHONPATH": path, **quiet, **extra}


SAMPLE_SECONDS = 0.1
PSS_SECONDS = 0.5
PSS_NEAR_PEAK = 0.9
SHM = Path("/dev/shm")


class TreeSampler:
    """The summed resident set of all the descendants of a process (the launcher, which is
    not counted: the command it started and everything that started), sampled from /proc.

    Each sample lists /proc, reads the parent of every process it has not seen before (so a
    sample costs little once the tree is known) and sums the resident pages of the tree's
    members (`statm`). Pages shared between processes (a forked worker's copy-on-write
    memory) count once per process: the sum bounds the memory used from above.

    The proportional set (`smaps_rollup`'s Pss, shared pages split between their processes)
    is what the tree really holds, but reading it walks every page table (about 40 ms per
    resident GiB): it is read only while the summed resident set is near its peak so far,
    at most every PSS_SECONDS."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.tree = {root}
        self.seen: set[int] = set()
        self.peak_kib = 0
        self.page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
        self.shm_start = _shm_used()
        self.shm_peak = self.shm_start
        self.pss_peak_kib = 0
        self.pss_read_at = -PSS_SECONDS

    def sample(self) -> None:
        alive = {int(name) for name in os.listdir("/proc") if name.isdigit()}
        parents = {pid: _parent(pid) for pid in alive - self.seen}
        self.seen = alive
        self.tree &= alive
        grown = True
        while grown:  # a child may be listed before its parent, both new in this sample
            grown = False
            for pid, parent in parents.items():
                if pid not in self.tree and parent in self.tree:
                    self.tree.add(pid)
                    grown = True
        pages = sum(_resident_pages(pid) for pid in self.tree if pid != self.root)
        total = pages * self.page_kib
        self.peak_kib = max(self.peak_kib, total)
        self.shm_peak = max(self.shm_peak, _shm_used())
        now = time.monotonic()
        if total >= PSS_NEAR_PEAK * self.peak_kib and now - self.pss_read_at >= PSS_SECONDS:
            self.pss_read_at = now
            pss = sum(_proportional_kib(pid) for pid in self.tree if pid != self.root)
            self.pss_peak_kib = max(self.pss_peak_kib, pss)

    @property
    def shm_peak_kib(self) -> int:
        return max(0, self.shm_peak - self.shm_start) // 1024


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None  # gone already


def _resident_pages(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def _proportional_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _shm_used() -> int:
    if not SHM.is_dir():
        return 0
    usage = shutil.disk_usage(SHM)
    return usage.total - usage.free


LAUNCHER = Path(__file__).resolve().with_name("launch.py")


def run_measured(command: list[str], cwd: Path, log: Path, timeout: float) -> Run:
    """Run `command` and measure it: wall time; with wait4(), the peak resident set of its
    largest process and its CPU time (not the benchmark's); and, sampled, the peak of the
    summed resident set of the whole process tree (see `TreeSampler`).

    The command is started by `launch.py`, a small process that reports its wait4 figures:
    started by the benchmark itself, it would carry the benchmark's own peak memory (see
    there). A watchdog stops the command (the whole process group) after `timeout` seconds.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    report = log.with_name(log.name + ".wait4.json")
    report.unlink(missing_ok=True)
    stopped: list[str] = []
    finished = threading.Event()
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-I", "-S", str(LAUNCHER), str(report), *command],
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=command_environment(),
        )
        sampler = TreeSampler(process.pid)

        def watch() -> None:
            while not finished.wait(SAMPLE_SECONDS):
                sampler.sample()
                if time.perf_counter() - start > timeout:
                    stopped.append(f"dihentikan setelah {timeout:.0f} s")
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
    # What the launcher saw of the command; when it was stopped before it could say, the
    # launcher's own figures (its peak then includes the benchmark's).
    facts = {"seconds": seconds, "peak_kib": usage.ru_maxrss, "returncode": process.returncode}
    facts["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    if report.is_file():
        facts.update(json.loads(report.read_text(encoding="utf-8")))
    return Run(
        float(facts["seconds"]),
        int(facts["peak_kib"]),
        int(facts["returncode"]),
        stopped[0] if stopped else "",
        log,
        tree_peak_kib=max(sampler.peak_kib, int(facts["peak_kib"])),
        cpu_seconds=float(facts["cpu_seconds"]),
        shm_peak_kib=sampler.shm_peak_kib,
        tree_pss_kib=sampler.pss_peak_kib,
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
