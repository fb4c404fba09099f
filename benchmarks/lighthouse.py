"""Lighthouse scores of the shipped site: six pages, mobile and desktop, median of 3 runs.

    python benchmarks/lighthouse.py                 # build the shipped catalogue, measure
    python benchmarks/lighthouse.py --site site/    # measure a site built already
    python benchmarks/lighthouse.py --runs 1 --presets mobile --pages statistik

Writes a section of benchmarks/RESULTS.md between `<!-- lighthouse:start -->` and
`<!-- lighthouse:end -->` (replaced on every run; `run.py` keeps it). Lighthouse is the npm
package pinned in benchmarks/lighthouse/package-lock.json, installed there by `npm ci` when
missing; Chromium is /usr/bin/chromium (or $CHROME_PATH). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # devtools, as run.py does

from measure import machine_facts, wait_for_quiet_machine
from report import replace_marked_section

from devtools.search_measure import serve_folder

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NODE_PROJECT = HERE / "lighthouse"
LIGHTHOUSE = NODE_PROJECT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CATEGORY_NAMES = ("performance", "accessibility", "best practices", "SEO")
PRESETS = ("mobile", "desktop")
# The goal of issue 21: performance 95 on a phone, every other category 100.
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")


@dataclass(frozen=True)
class Target:
    """A page to measure: its name in the report and its path on the site."""

    name: str
    path: str


@dataclass
class Measured:
    """The runs of one page with one preset: scores (0-100) per category, and per run the
    audits of those categories that did not pass."""

    target: Target
    preset: str
    scores: dict[str, list[int]] = field(default_factory=dict)
    failed: list[list[str]] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    error: str = ""

    def median(self, category: str) -> int | None:
        values = self.scores.get(category, [])
        return round(statistics.median(values)) if values else None


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and preset")
    parser.add_argument("--presets", default=",".join(PRESETS), help="mobile,desktop")
    parser.add_argument("--pages", default="", help="only these page names, comma-separated")
    parser.add_argument("--max-load", type=float, default=3.0, help="wait for a lower load")
    parser.add_argument("--load-patience", type=float, default=600.0, help="seconds to wait")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per run")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = _options(argv)
    _install_lighthouse()
    with tempfile.TemporaryDirectory(prefix="katalog-lighthouse-") as work:
        site = options.site.resolve() if options.site else Path(work) / "site"
        with _serving(site) as base:
            if not options.site:
                _build(site, base)
            targets = _targets(site, options.pages)
            results = [
                _measure(target, preset, base, options)
                for target in targets
                for preset in options.presets.split(",")
            ]
    section = _report(results, options, built=not options.site)
    path: Path = options.output
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(replace_marked_section(old, section), encoding="utf-8")
    print(section)
    return 0


def _install_lighthouse() -> None:
    """`npm ci` in benchmarks/lighthouse/ when the pinned Lighthouse is not installed."""
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NODE_PROJECT, check=True)


def _build(site: Path, base: str) -> None:
    """The shipped catalogue as it is published: with its address (canonical links, the
    sitemap Material's script fetches), here the local server's."""
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(site), "--site-url", base],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files as a host serves them: text compressed with gzip when the browser asks
    (GitHub Pages, Netlify and Cloudflare all do), so the scores are not those of an
    uncompressed development server."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the parent redirects `/x` to `/x/`
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Body:
    """A file-like body for `SimpleHTTPRequestHandler.copyfile`."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def _serving(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port) in a thread, text gzipped; yields the base URL.
    The folder need not exist yet: the build may write it after the port is known."""
    with serve_folder(site, _Handler) as base:
        yield base


def _targets(site: Path, only: str) -> list[Target]:
    """Home, the innovations hub, the largest innovation and region pages (the most content
    a visitor meets), the statistics and a search."""

    def largest(kind: str) -> str:
        pages = sorted(site.glob(f"{kind}/*/index.html"), key=lambda p: (-p.stat().st_size, p))
        return f"/{kind}/{pages[0].parent.name}/"

    targets = [
        Target("beranda", "/"),
        Target("inovasi", "/inovasi/"),
        Target("inovasi (terbesar)", largest("inovasi")),
        Target("wilayah (terbesar)", largest("wilayah")),
        Target("statistik", "/statistik/"),
        Target("cari", "/cari/?q=kesehatan"),
    ]
    names = {n.strip() for n in only.split(",") if n.strip()}
    return [t for t in targets if not names or t.name.split(" ")[0] in names]


def _measure(target: Target, preset: str, base: str, options: argparse.Namespace) -> Measured:
    measured = Measured(target, preset)
    for run in range(options.runs):
        measured.loads.append(wait_for_quiet_machine(options.max_load, options.load_patience))
        print(f"{target.path} {preset} {run + 1}/{options.runs}", file=sys.stderr)
        try:
            result = _lighthouse(base + target.path, preset, options.timeout)
        except (subprocess.SubprocessError, json.JSONDecodeError) as error:
            measured.error = str(error).splitlines()[0][:200]
            continue
        for category in CATEGORIES:
            score = result["categories"][category]["score"]
            if score is not None:
                measured.scores.setdefault(category, []).append(round(score * 100))
        measured.failed.append(_failed_audits(result))
    return measured


def _lighthouse(url: str, preset: str, timeout: float) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=--headless=new --no-sandbox",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, env=environment, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _failed_audits(result: dict[str, Any]) -> list[str]:
    """The scored audits of the four categories that did not pass, as `audit (score)`."""
    failed = []
    for category in CATEGORIES:
        for ref in result["categories"][category]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            score = audit.get("score")
            if ref.get("weight", 0) and score is not None and score < 0.9:
                failed.append(f"{ref['id']} ({round(score * 100)})")
    return sorted(set(failed))


def _report(results: list[Measured], options: argparse.Namespace, built: bool) -> str:
    machine = machine_facts()
    version = json.loads((NODE_PROJECT / "package.json").read_text(encoding="utf-8"))
    lines = [
        "## Lighthouse",
        "",
        "Generated by `benchmarks/lighthouse.py` (see `benchmarks/README.md`); replaced on "
        "every run.",
        "",
        f"- Date: {machine.date}; commit `{_git('rev-parse', '--short', 'HEAD')}`"
        + (" with uncommitted changes" if _git("status", "--porcelain", "-uno") else ""),
        f"- Machine: {machine.cpu_model}; `nproc` {machine.cpus}; memory "
        f"{machine.memory_gib:.1f} GiB; {machine.system}; {_chromium_version()}",
        f"- Lighthouse {version['dependencies']['lighthouse']} (npm, pinned), default mobile "
        "preset (simulated slow 4G, 4x CPU slowdown) and `--preset=desktop`; "
        f"median of {options.runs} runs per page and preset",
        "- Site: "
        + (
            "the shipped catalogue, built by `python -m generator build` with the local "
            "server's address as `--site-url`"
            if built
            else f"`{options.site}`"
        )
        + "; served from 127.0.0.1 by Python's http.server, text gzipped as hosts do",
        f"- 1-minute load at the start of the runs: {_load_range(results)}",
        "",
        "| page | path | preset | " + " | ".join(CATEGORY_NAMES) + " |",
        "|---|---|---|" + "---:|" * len(CATEGORIES),
    ]
    for m in results:
        cells = [str(m.median(c)) if m.median(c) is not None else "—" for c in CATEGORIES]
        lines.append(f"| {m.target.name} | `{m.target.path}` | {m.preset} | {' | '.join(cells)} |")
    lines += ["", *_misses(results)]
    return "\n".join(lines).rstrip() + "\n"


def _misses(results: list[Measured]) -> list[str]:
    """Below the goal (performance 95 on mobile, 100 elsewhere): the audits that failed in
    every run, which are the reason and not the noise."""
    lines = [
        "Goal: performance at least 95 on mobile; accessibility, best practices and SEO 100.",
        "",
    ]
    for m in results:
        short = [
            c
            for c in CATEGORIES
            if (m.median(c) or 0) < GOALS[c] and (c != "performance" or m.preset == "mobile")
        ]
        if m.error:
            lines.append(f"- {m.target.name}, {m.preset}: a run failed: {m.error}")
        if short:
            always = set.intersection(*(set(f) for f in m.failed)) if m.failed else set()
            audits = ", ".join(sorted(always)) or "none failed in every run"
            lines.append(
                f"- {m.target.name}, {m.preset}, below the goal in {', '.join(short)}: {audits}"
            )
    return lines


def _load_range(results: list[Measured]) -> str:
    loads = [load for m in results for load in m.loads]
    return f"{min(loads):.2f} to {max(loads):.2f}" if loads else "not measured"


def _chromium_version() -> str:
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        done = subprocess.run([chrome, "--version"], capture_output=True, text=True, timeout=30)
        return done.stdout.strip()
    return chrome


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
