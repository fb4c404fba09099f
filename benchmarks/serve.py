"""`mkdocs serve` as an editor runs it (livereload on): the wall time from saving one edited
innovation record until its page, fetched over HTTP, shows the new name.

The livereload server holds every page request while a rebuild is running, so a page that
contains the new name was served by a finished rebuild: what the editor's browser reloads.

The machine's load is not waited for while the server runs: its own file watcher keeps the
load up (at 10,000 innovations it never dropped below the benchmark's limit). The caller
waits for a quiet machine once, before the server starts; before each edit the last
rebuild's background work (search index, open data) must be done (`_wait_background`: a
rebuild waits for it, so an edit saved meanwhile would time both) and the server itself must
be idle, measured against what it uses when nothing happens (`_settle`).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from measure import command_environment

POLL_SECONDS = 0.05
IDLE_WINDOW_SECONDS = 1.0
# The file watcher keeps using some CPU while nothing happens: after the first build the
# server's share of a core is sampled over SETTLE_WINDOWS windows, the lowest is its idle
# share, and it counts as idle when it uses less than that plus IDLE_CPU_SHARE (a rebuild
# uses a whole core or more).
SETTLE_WINDOWS = 5
IDLE_CPU_SHARE = 0.3
IDLE_PATIENCE_SECONDS = 120.0
STOP_PATIENCE_SECONDS = 30.0


class ServeFailed(Exception):
    """The server could not be started or measured; the message is the report's note."""


@dataclass
class ServeTimes:
    """What one `mkdocs serve` session measured."""

    first_build: float | None = None  # start of the command until the first page was served
    edits: list[float] = field(default_factory=list)  # record saved until its page shows it
    idle_cpu: float | None = None  # the share of a core the idle server used (`_settle`)
    loads: list[float] = field(default_factory=list)  # the 1-minute load at each edit


def serve_config(repo: Path, catalogue: Path) -> str:
    """The project's mkdocs.yml with every path made absolute and the katalog plugin's
    `catalogue:` pointing at `catalogue`, so it can live in a work folder."""
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str((repo / config.get("docs_dir", "docs")).resolve())
    theme = config.get("theme", {})
    if isinstance(theme, dict) and "custom_dir" in theme:
        theme["custom_dir"] = str((repo / theme["custom_dir"]).resolve())
    found = False
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "katalog" in plugin:
            plugin["katalog"] = {**(plugin["katalog"] or {}), "catalogue": str(catalogue)}
            found = True
    if not found:
        raise ServeFailed("mkdocs.yml proyek tidak memakai plugin `katalog`")
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def measure_serve(
    python: str,
    repo: Path,
    catalogue: Path,
    work: Path,
    edits: int,
    timeout: float,
) -> ServeTimes:
    """Start `mkdocs serve` on the synthetic `catalogue`, wait for its first build, then
    edit `edits` innovation records one after the other (the server idle before each) and
    time each until its page shows the new name. Records are restored afterwards. The
    machine's load is recorded at each edit, not waited for (see the module's text).

    Raises ServeFailed with a one-paragraph explanation when anything goes wrong.
    """
    work.mkdir(parents=True, exist_ok=True)
    config = work / "mkdocs.yml"
    config.write_text(serve_config(repo, catalogue), encoding="utf-8")
    records = sorted((catalogue / "inovasi").glob("*.yml"))
    if not records:
        raise ServeFailed(f"tidak ada rekaman inovasi di {catalogue / 'inovasi'}")
    chosen = [records[(len(records) // 2 + i * 7) % len(records)] for i in range(edits)]
    originals = {path: path.read_bytes() for path in chosen}
    times = ServeTimes()
    log = work / "serve.log"
    try:
        with _server(python, config, work, log) as (process, base):
            first = chosen[0]
            times.first_build = _wait_first_page(
                process, f"{base}/inovasi/{first.stem}/", timeout, log
            )
            _wait_background(process, log, 1)
            times.idle_cpu = _settle(process)
            for index, record in enumerate(chosen):
                _wait_background(process, log, index + 1)
                _wait_idle(process, times.idle_cpu + IDLE_CPU_SHARE)
                times.loads.append(os.getloadavg()[0])
                name = f"Suntingan Tolok Ukur {index + 1} {secrets.token_hex(4)}"
                start = time.perf_counter()
                _save_like_an_editor(record, _renamed(originals[record], name), work)
                url = f"{base}/inovasi/{record.stem}/"
                times.edits.append(_wait_for_text(process, url, name, start, timeout, log))
                print(f"  serve edit {index + 1}: {times.edits[-1]:.1f} s", file=sys.stderr)
    finally:
        for path, content in originals.items():
            path.write_bytes(content)
    return times


def _renamed(record: bytes, name: str) -> bytes:
    """The record with its top-level `nama` replaced by `name` (letters, digits, spaces)."""
    text = record.decode("utf-8")
    new, count = re.subn(r"(?m)^nama:.*$", f'nama: "{name}"', text, count=1)
    if count != 1:
        raise ServeFailed("rekaman inovasi sintetis tanpa baris `nama:` di tingkat atas")
    return new.encode("utf-8")


def _save_like_an_editor(path: Path, content: bytes, work: Path) -> None:
    """Write a temporary file outside the watched folders, then rename it over the record,
    as most editors save: the watcher never sees a half-written record."""
    temporary = work / f".{path.name}.tmp"
    temporary.write_bytes(content)
    os.replace(temporary, path)


@contextlib.contextmanager
def _server(
    python: str, config: Path, work: Path, log: Path
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`mkdocs serve` on a free local port in its own process group, stopped (with all its
    children) on the way out. Its temporary site goes into the work folder."""
    port = _free_port()
    tmp = work / "tmp"
    tmp.mkdir(exist_ok=True)
    command = [python, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        try:
            process = subprocess.Popen(
                command,
                cwd=work,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env=command_environment(TMPDIR=str(tmp)),
            )
        except OSError as error:
            raise ServeFailed(f"`mkdocs serve` tidak dapat dijalankan: {error}") from None
        try:
            yield process, f"http://127.0.0.1:{port}"
        finally:
            _stop(process)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C as an editor stops it (MkDocs removes its temporary site), then harder
    signals to the whole process group until no process of the group is left."""
    group = process.pid
    for sig, patience in ((signal.SIGINT, STOP_PATIENCE_SECONDS), (signal.SIGTERM, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, sig)
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            if process.poll() is not None and not _group_members(group):
                return
            time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)
    process.wait()


def _group_members(group: int) -> list[int]:
    """The live processes of a process group (zombies excluded)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def _group_cpu_seconds(group: int) -> float:
    """CPU time used so far by the processes of a group, their waited-for children included."""
    ticks = 0
    for pid in _group_members(group):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


BACKGROUND_DONE = "Indeks pencarian:"
"""What the server logs when a rebuild's background work (search index, open data) is done."""


def _wait_background(process: subprocess.Popen[bytes], log: Path, builds: int) -> None:
    """Wait (at most IDLE_PATIENCE_SECONDS) until the background work of `builds` builds is
    done: a rebuild waits for the last one's, so an edit saved during it would time both."""
    deadline = time.monotonic() + IDLE_PATIENCE_SECONDS
    while time.monotonic() < deadline:
        if log.read_text(encoding="utf-8", errors="replace").count(BACKGROUND_DONE) >= builds:
            return
        _check_running(process, log, "menunggu indeks pencarian")
        time.sleep(POLL_SECONDS * 4)


def _settle(process: subprocess.Popen[bytes]) -> float:
    """The share of a core the server uses when nothing happens: the lowest of
    SETTLE_WINDOWS windows of IDLE_WINDOW_SECONDS (its file watcher's steady cost)."""
    shares = []
    used = _group_cpu_seconds(process.pid)
    for _ in range(SETTLE_WINDOWS):
        time.sleep(IDLE_WINDOW_SECONDS)
        now = _group_cpu_seconds(process.pid)
        shares.append((now - used) / IDLE_WINDOW_SECONDS)
        used = now
    return min(shares)


def _wait_idle(process: subprocess.Popen[bytes], share: float) -> None:
    """Wait until the server has used less than `share` of a core for a whole
    IDLE_WINDOW_SECONDS (at most IDLE_PATIENCE_SECONDS): no rebuild running or pending."""
    deadline = time.monotonic() + IDLE_PATIENCE_SECONDS
    used = _group_cpu_seconds(process.pid)
    while time.monotonic() < deadline:
        time.sleep(IDLE_WINDOW_SECONDS)
        now = _group_cpu_seconds(process.pid)
        if now - used < share * IDLE_WINDOW_SECONDS:
            return
        used = now


# Straight to the local server, whatever proxy the environment names.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _fetch(url: str, timeout: float) -> str | None:
    """The body of `url`, or None while the server does not answer (yet) or answers an error."""
    try:
        with _DIRECT.open(url, timeout=timeout) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_first_page(
    process: subprocess.Popen[bytes], url: str, timeout: float, log: Path
) -> float:
    """Seconds until `url` is served for the first time (the first build done)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        _check_running(process, log, "sebelum situs pertama selesai dibangun")
        if _fetch(url, timeout) is not None:
            return time.perf_counter() - start
        time.sleep(0.2)
    raise ServeFailed(f"`mkdocs serve` belum melayani {url} setelah {timeout:.0f} s\n{_tail(log)}")


def _wait_for_text(
    process: subprocess.Popen[bytes], url: str, text: str, start: float, timeout: float, log: Path
) -> float:
    """Seconds from `start` until the page at `url` contains `text`, polled every 50 ms."""
    while time.perf_counter() - start < timeout:
        _check_running(process, log, "setelah rekaman disunting")
        body = _fetch(url, timeout)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    raise ServeFailed(
        f"{url} belum menampilkan nama baru {timeout:.0f} s setelah rekaman disimpan\n{_tail(log)}"
    )


def _check_running(process: subprocess.Popen[bytes], log: Path, when: str) -> None:
    if process.poll() is not None:
        raise ServeFailed(
            f"`mkdocs serve` berhenti (kode {process.returncode}) {when}\n{_tail(log)}"
        )


def _tail(log: Path, lines: int = 8) -> str:
    raw = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    return "\n".join(re.sub(r"\x1b\[[0-9;]*m", "", raw).strip().splitlines()[-lines:])
