"""Scale benchmark: synthetic catalogues of growing size, validated and built, against the
plain way of building the same pages (Material with its own search, no katalog plugin).

    python benchmarks/run.py                  # sizes 1000 and 10000, 3 runs each
    python benchmarks/run.py --sizes 1000 --runs 1
    python benchmarks/run.py --large          # adds 50000

Writes benchmarks/RESULTS.md (and results.json beside it) after every step, so a stopped
run still leaves what it measured. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from measure import (
    Run,
    SiteFacts,
    Trash,
    machine_facts,
    run_measured,
    site_facts,
    wait_for_quiet_machine,
)
from report import write_report
from serve import ServeFailed, measure_serve

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
# The measurements of search and page weight live in `devtools/` at the repository's root,
# which `python benchmarks/run.py` does not put on the path by itself.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


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
    build: list[Run] = field(default_factory=list)
    site: SiteFacts | None = None
    baseline_pages: list[Run] = field(default_factory=list)
    baseline_build: list[Run] = field(default_factory=list)
    baseline_site: SiteFacts | None = None
    loads: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Bytes a browser fetched until the first results of each query showed (compressed).
    search_bytes: dict[str, int] = field(default_factory=dict)
    # A cold-cache load of the median-sized innovation page: requests, bytes sent (served
    # uncompressed) and the gzip estimate of the bodies.
    page_load: dict[str, int] = field(default_factory=dict)
    # HTML bytes of the pages that summarise the whole catalogue, and of the largest page of
    # each record kind: the views must stay bounded as the catalogue grows (issue 7).
    page_sizes: dict[str, int] = field(default_factory=dict)
    # `mkdocs serve` with livereload: seconds until the first build was served, and from
    # saving one edited innovation record until its page showed the new name, per edit.
    serve_first_build: float | None = None
    serve_edits: list[float] = field(default_factory=list)
    # When the baseline columns come from an earlier run (--no-baseline --merge): its date.
    baseline_measured: str = ""


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes", default="1000,10000", help="innovation counts (default 1000,10000)"
    )
    parser.add_argument("--large", action="store_true", help="add the 50000 size")
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per measurement (median; default 3)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--max-load", type=float, default=1.0, help="wait until 1-min load is below"
    )
    parser.add_argument("--load-patience", type=float, default=900, help="seconds to wait for it")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per command")
    parser.add_argument(
        "--baseline-timeout", type=float, default=1800, help="seconds per baseline build"
    )
    parser.add_argument(
        "--baseline-max-disk-gb", type=float, default=10, help="stop a baseline build using more"
    )
    parser.add_argument(
        "--repeat-limit", type=float, default=300, help="a run longer than this is not repeated"
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the plain-Material baseline"
    )
    parser.add_argument(
        "--no-serve",
        action="store_true",
        help="skip the `mkdocs serve` edit latency (its polling of a large catalogue keeps the"
        " machine busy, so the quiet-machine waits before each edit can take long)",
    )
    parser.add_argument(
        "--baseline-only",
        action="store_true",
        help="measure only the baseline; the katalog columns of each size stay those of the"
        " previous results.json (implies --merge)",
    )
    parser.add_argument(
        "--serve-sizes",
        type=lambda text: {int(n) for n in text.split(",") if n.strip()},
        default=None,
        help="measure `mkdocs serve` only at these sizes (comma-separated; default: all)",
    )
    parser.add_argument("--work-dir", type=Path, default=HERE / ".work")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite RESULTS.md from results.json"
    )
    parser.add_argument(
        "--only-import", action="store_true", help="after synth, measure only `impor`"
    )
    parser.add_argument(
        "--merge", action="store_true", help="keep other sizes from the previous results.json"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep catalogues and sites in the work dir"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = _options(argv)
    sizes = [int(s) for s in options.sizes.split(",") if s.strip()]
    if options.large and 50000 not in sizes:
        sizes.append(50000)
    machine = machine_facts()
    context = {
        "command": "python benchmarks/run.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "runs": options.runs,
        "seed": options.seed,
    }
    results: list[SizeResult] = []
    if options.report_only:
        previous = json.loads(options.output.with_name("results.json").read_text(encoding="utf-8"))
        write_report(options.output, machine, previous["context"], _previous(options.output))
        return 0
    earlier: dict[int, SizeResult] = {}
    if options.merge or options.baseline_only:
        earlier = {r.size: r for r in _previous(options.output)}
        results = [r for r in earlier.values() if r.size not in sizes]

    def save() -> None:
        write_report(options.output, machine, context, results)
        data = {
            "machine": asdict(machine),
            "context": context,
            "sizes": [_jsonable(r) for r in results],
        }
        options.output.with_name("results.json").write_text(
            json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8"
        )

    trash = Trash(options.work_dir / ".trash")
    try:
        for size in sizes:
            commit = f"{context['commit']}{' (uncommitted changes)' if context['dirty'] else ''}"
            result = SizeResult(
                size, measured=machine_facts().date, command=context["command"], commit=commit
            )
            if options.no_baseline and size in earlier:
                _keep_baseline(result, earlier[size])
            if options.baseline_only:
                # The katalog columns stay those of the earlier run; only the baseline is new.
                result = earlier.get(size, result)
                result.baseline_pages, result.baseline_build, result.baseline_site = [], [], None
                result.notes = [n for n in result.notes if not n.startswith("baseline")]
                result.baseline_measured = f"{machine_facts().date} by `{context['command']}`"
            results.append(result)
            results.sort(key=lambda r: r.size)
            work = options.work_dir / f"size-{size}"
            trash.discard(work)
            work.mkdir(parents=True)
            try:
                _measure_size(result, work, options, save, trash)
            finally:
                save()
                if not options.keep:
                    trash.discard(work)
    finally:
        trash.empty()
    print(f"Hasil ditulis ke {options.output}", file=sys.stderr)
    return 0


def _measure_size(
    result: SizeResult,
    work: Path,
    options: argparse.Namespace,
    save: Callable[[], None],
    trash: Trash,
) -> None:
    size = result.size
    catalogue = work / "catalogue"
    logs = work / "logs"
    print(f"== {size} inovasi", file=sys.stderr)

    synth = [PYTHON, "-m", "devtools", "synth", "--innovations", str(size)]
    synth += ["--out", str(catalogue), "--seed", str(options.seed)]
    result.synth = run_measured(synth, REPO, logs / "synth.log", options.timeout)
    if not result.synth.ok:
        result.notes.append(f"synth gagal: {result.synth.tail()}")
        return
    if options.baseline_only:
        _measure_baseline(result, work, catalogue, options, trash)
        return
    result.summary = result.synth.tail(1).split(": ", 1)[-1]  # the counts
    facts = site_facts(catalogue)
    result.catalogue_files, result.catalogue_bytes = facts.files, facts.bytes
    if options.only_import:
        _measure_import(result, work, catalogue, options, trash)
        return

    for index in range(options.runs):
        result.loads.append(wait_for_quiet_machine(options.max_load, options.load_patience))
        run = run_measured(
            [PYTHON, "-m", "generator", "validate", str(catalogue)],
            REPO, logs / f"validate-{index}.log", options.timeout,
        )  # fmt: skip
        result.validate.append(run)
        print(f"  validate {index + 1}: {run.seconds:.1f} s", file=sys.stderr)
        if not run.ok:
            result.notes.append(f"validate gagal: {run.tail()}")
            return
    save()
    _measure_import(result, work, catalogue, options, trash)
    save()

    for index in range(options.runs):
        site = work / f"site-{index}"  # each build into a new folder (see `Trash`)
        result.loads.append(wait_for_quiet_machine(options.max_load, options.load_patience))
        command = [PYTHON, "-m", "generator", "build", "--catalogue", str(catalogue)]
        command += ["--site-dir", str(site), "--config", str(REPO / "mkdocs.yml")]
        run = run_measured(command, REPO, logs / f"build-{index}.log", options.timeout)
        result.build.append(run)
        print(
            f"  build {index + 1}: {run.seconds:.1f} s, {run.peak_kib / 1024:.0f} MiB",
            file=sys.stderr,
        )
        if not run.ok:
            result.notes.append(f"build gagal ({run.stopped or run.returncode}): {run.tail()}")
            break
        if run.seconds > options.repeat_limit:
            result.notes.append(f"build: satu kali saja (lebih dari {options.repeat_limit:.0f} s)")
            break
    if result.build and result.build[-1].ok:
        result.site = site_facts(site)
        _measure_search(result, site)
        _measure_page_load(result, site)
        result.page_sizes = page_sizes(site)
    for index in range(options.runs):
        trash.discard(work / f"site-{index}")
    save()

    if not options.no_serve and (options.serve_sizes is None or size in options.serve_sizes):
        _measure_serve(result, work, catalogue, options)
        save()

    if not options.no_baseline:
        _measure_baseline(result, work, catalogue, options, trash)


def _measure_import(
    result: SizeResult,
    work: Path,
    catalogue: Path,
    options: argparse.Namespace,
    trash: Trash,
) -> None:
    """`impor` of the catalogue's workbook (as `data/katalog.xlsx` has it) into an empty
    catalogue: reading every sheet, writing each record into a checked copy, validating."""
    book, empty, logs = work / "katalog.xlsx", work / "kosong", work / "logs"
    command = [PYTHON, "-m", "devtools", "workbook", "--catalogue", str(catalogue)]
    made = run_measured(
        [*command, "--out", str(book), "--empty", str(empty)],
        REPO, logs / "workbook.log", options.timeout,
    )  # fmt: skip
    if not made.ok:
        result.notes.append(f"workbook gagal: {made.tail()}")
        return
    result.impor_rows = made.tail(1).split(": ", 1)[-1]
    for index in range(options.runs):
        target = work / f"impor-{index}"
        shutil.copytree(empty, target)
        result.loads.append(wait_for_quiet_machine(options.max_load, options.load_patience))
        run = run_measured(
            [PYTHON, "-m", "generator", "impor", str(book), "--catalogue", str(target)],
            REPO, logs / f"impor-{index}.log", options.timeout,
        )  # fmt: skip
        result.impor.append(run)
        print(
            f"  impor {index + 1}: {run.seconds:.1f} s, {run.peak_kib / 1024:.0f} MiB",
            file=sys.stderr,
        )
        trash.discard(target)
        if not run.ok:
            result.notes.append(f"impor gagal: {run.tail()}")
            return


def _measure_serve(
    result: SizeResult, work: Path, catalogue: Path, options: argparse.Namespace
) -> None:
    """Edit-to-reload latency of `mkdocs serve` (see serve.py); a failure is a note."""

    def quiet() -> None:
        result.loads.append(wait_for_quiet_machine(options.max_load, options.load_patience))

    quiet()
    try:
        times = measure_serve(
            PYTHON, REPO, catalogue, work / "serve", options.runs, options.timeout, quiet
        )
    except ServeFailed as error:
        result.notes.append(f"mkdocs serve: {error}")
        return
    except Exception as error:  # a failed measurement is a note, not a failed benchmark
        result.notes.append(f"mkdocs serve: {type(error).__name__}: {error}")
        return
    result.serve_first_build = times.first_build
    result.serve_edits = times.edits


def _keep_baseline(result: SizeResult, earlier: SizeResult) -> None:
    """Carry the baseline of an earlier run of this size into a run without one, dated."""
    if not earlier.baseline_build:
        return
    result.baseline_pages = earlier.baseline_pages
    result.baseline_build = earlier.baseline_build
    result.baseline_site = earlier.baseline_site
    result.baseline_measured = earlier.baseline_measured or earlier.measured
    result.notes += [note for note in earlier.notes if note.startswith("baseline")]


SEARCH_QUERIES = ("bidan", "arsip", "dokumen arsip")  # words the synthetic texts use


def _measure_search(result: SizeResult, site: Path) -> None:
    """Bytes fetched, compressed as a host would serve them, until /cari/ shows the first
    results of each query (Chromium with an empty cache)."""
    from devtools.search_measure import first_results_bytes

    for query in SEARCH_QUERIES:
        try:
            result.search_bytes[query] = first_results_bytes(site, query).total
        except Exception as error:  # a failed measurement is a note, not a failed benchmark
            result.notes.append(f"search `{query}`: {error}")


SUMMARY_PAGES = ("index.html", "inovasi/index.html", "replikasi/index.html", "statistik/index.html")
RECORD_KINDS = ("inovasi", "wilayah", "replikasi", "kegiatan")


def page_sizes(site: Path) -> dict[str, int]:
    """HTML bytes of the summary pages and of the largest page of each record kind."""
    sizes = {
        page: (site / page).stat().st_size for page in SUMMARY_PAGES if (site / page).is_file()
    }
    for kind in RECORD_KINDS:
        pages = [(p.stat().st_size, p) for p in site.glob(f"{kind}/*/index.html")]
        if pages:
            size, page = max(pages)
            sizes[f"largest {kind}: {page.parent.name}"] = size
    return sizes


def _measure_page_load(result: SizeResult, site: Path) -> None:
    """What a first visit to an innovation page costs: every request with an empty cache."""
    from devtools.page_weight import measure
    from devtools.search_measure import serve_compressed

    pages = sorted(site.glob("inovasi/*/index.html"), key=lambda p: (p.stat().st_size, p.name))
    if not pages:
        return
    page = pages[len(pages) // 2].parent.name  # the median-sized innovation page
    try:
        with serve_compressed(site) as base:
            weight = measure(f"{base}/inovasi/{page}/")
    except Exception as error:  # a failed measurement is a note, not a failed benchmark
        result.notes.append(f"page load `{page}`: {error}")
        return
    result.page_load = {
        "requests": weight.requests,
        "transferred": weight.transferred,
        "gzip_bodies": weight.gzip_bodies,
    }


def _measure_baseline(
    result: SizeResult, work: Path, catalogue: Path, options: argparse.Namespace, trash: Trash
) -> None:
    """The same catalogue the plain way: page sources written out, then a plain mkdocs.yml
    (Material, its built-in search, no katalog plugin, MkDocs' automatic nav of every page)."""
    logs = work / "logs"
    base = work / "baseline"
    docs, site = base / "docs", base / "site"
    for index in range(options.runs):
        trash.discard(base)
        base.mkdir(parents=True)
        result.loads.append(wait_for_quiet_machine(options.max_load, options.load_patience))
        pages = run_measured(
            [PYTHON, "-m", "generator", "pages", "--catalogue", str(catalogue), "--out", str(docs)],
            REPO, logs / f"pages-{index}.log", options.timeout,
        )  # fmt: skip
        result.baseline_pages.append(pages)
        if not pages.ok:
            result.notes.append(
                f"baseline: `pages` gagal ({pages.stopped or pages.returncode}): {pages.tail()}"
            )
            return
        config = base / "mkdocs.yml"
        config.write_text(_baseline_config(docs, site), encoding="utf-8")
        build = run_measured(
            [PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config)],
            base, logs / f"baseline-{index}.log", options.baseline_timeout,
            max_disk_bytes=int(options.baseline_max_disk_gb * 1e9),
        )  # fmt: skip
        result.baseline_build.append(build)
        print(
            f"  baseline {index + 1}: pages {pages.seconds:.1f} s + mkdocs {build.seconds:.1f} s",
            file=sys.stderr,
        )
        if not build.ok:
            result.notes.append(
                "baseline: mkdocs "
                f"{build.stopped or f'gagal ({build.returncode})'}\n{build.tail(3)}"
            )
            break
        if pages.seconds + build.seconds > options.repeat_limit:
            result.notes.append(
                f"baseline: satu kali saja (lebih dari {options.repeat_limit:.0f} s)"
            )
            break
    last = result.baseline_build[-1] if result.baseline_build else None
    if last is not None and (last.ok or last.stopped) and site.is_dir():
        result.baseline_site = site_facts(site, partial=not last.ok)
    trash.discard(base)


def _baseline_config(docs: Path, site: Path) -> str:
    """A plain mkdocs.yml: the same Markdown extensions as the real site, nothing of ours."""
    return (
        "site_name: Katalog sintetis (baseline)\n"
        f"docs_dir: {json.dumps(str(docs))}\n"
        f"site_dir: {json.dumps(str(site))}\n"
        "use_directory_urls: true\n"
        "theme:\n  name: material\n  language: id\n"
        "plugins:\n  - search\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - tables\n  - toc\n"
    )


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def _jsonable(result: SizeResult) -> dict[str, object]:
    return asdict(result)


def _previous(output: Path) -> list[SizeResult]:
    """The sizes of an earlier run, read back from results.json (for --merge)."""
    path = output.with_name("results.json")
    if not path.is_file():
        return []
    results = []
    for data in json.loads(path.read_text(encoding="utf-8"))["sizes"]:
        for key in ("synth", "validate", "impor", "build", "baseline_pages", "baseline_build"):
            value = data.get(key)
            if isinstance(value, list):
                data[key] = [_run(item) for item in value]
            elif isinstance(value, dict):
                data[key] = _run(value)
        for key in ("site", "baseline_site"):
            if data.get(key):
                data[key] = SiteFacts(**data[key])
        results.append(SizeResult(**data))
    return results


def _run(data: dict[str, Any]) -> Run:
    return Run(**{**data, "log": Path(data["log"])})


if __name__ == "__main__":
    sys.exit(main())
