"""Scale benchmark: synthetic catalogues of growing size, validated and built, beside the
yardstick (Hugo + Pagefind building the same pages), checked against the goals of issue 22.

    python benchmarks/run.py                  # sizes 1000, 10000 and 50000, 3 runs each
    python benchmarks/run.py --sizes 1000 --runs 1
    python benchmarks/run.py --sizes 100000 --runs 1 --merge   # the national size, once

Writes benchmarks/RESULTS.md (and results.json beside it) after every step, so a stopped
run still leaves what it measured. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import hugo_site
from incremental import build_into, measure_incremental
from measure import Run, Trash, machine_facts, run_measured, wait_for_quiet_machine
from report import write_report
from results import SizeResult, read_results, write_results
from serve import ServeFailed, measure_serve
from site_facts import site_facts
from visits import measure_page_load, measure_searches

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
# The measurements of search and page weight live in `devtools/` at the repository's root,
# which `python benchmarks/run.py` does not put on the path by itself.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def _sizes(text: str) -> list[int]:
    return [int(n) for n in text.split(",") if n.strip()]


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    add = parser.add_argument
    add("--sizes", type=_sizes, default=[1000, 10000, 50000], help="innovation counts")
    add("--runs", type=int, default=3, help="runs per measurement (median; default 3)")
    add("--seed", type=int, default=1)
    add("--max-load", type=float, default=1.0, help="wait until 1-min load is below")
    add("--load-patience", type=float, default=900, help="seconds to wait for it")
    add("--timeout", type=float, default=3600, help="seconds per command")
    add("--repeat-limit", type=float, default=300, help="a run longer than this is not repeated")
    add("--no-hugo", action="store_true", help="skip the Hugo + Pagefind yardstick")
    add("--no-serve", action="store_true", help="skip the `mkdocs serve` edit latency")
    add("--serve-sizes", type=_sizes, default=[1000, 10000], help="sizes to serve")
    add("--incremental-sizes", type=_sizes, default=[1000, 10000], help="one-record builds")
    add("--work-dir", type=Path, default=HERE / ".work")
    add("--output", type=Path, default=HERE / "RESULTS.md")
    add("--report-only", action="store_true", help="rewrite RESULTS.md from results.json")
    add("--only-import", action="store_true", help="after synth, measure only `impor`")
    add("--no-import", action="store_true", help="skip `impor` of the catalogue's workbook")
    add("--merge", action="store_true", help="keep other sizes from the previous results.json")
    add("--keep", action="store_true", help="keep catalogues and sites in the work dir")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = _options(argv)
    machine = machine_facts()
    data = options.output.with_name("results.json")
    if options.report_only:
        context, previous = read_results(data)
        write_report(options.output, machine, context, previous)
        return 0
    context = {
        "command": "python benchmarks/run.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "runs": options.runs,
        "seed": options.seed,
    }
    results: list[SizeResult] = []
    if options.merge:
        results = [r for r in read_results(data)[1] if r.size not in options.sizes]

    def save() -> None:
        write_report(options.output, machine, context, results)
        write_results(data, machine, context, results)

    trash = Trash(options.work_dir / ".trash")
    try:
        for size in options.sizes:
            commit = f"{context['commit']}{' (uncommitted changes)' if context['dirty'] else ''}"
            result = SizeResult(
                size, measured=machine_facts().date, command=context["command"], commit=commit
            )
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


class _Size:
    """What the steps of one size share: its result, folders, options and the trash."""

    def __init__(
        self, result: SizeResult, work: Path, options: argparse.Namespace, trash: Trash
    ) -> None:
        self.result, self.work, self.options, self.trash = result, work, options, trash
        self.catalogue, self.logs = work / "catalogue", work / "logs"

    def quiet(self, run: str) -> None:
        """Wait for a quiet machine before `run`; record the load it starts with."""
        options = self.options
        load = wait_for_quiet_machine(options.max_load, options.load_patience)
        self.result.loads[run] = load

    def measured(self, command: list[str], log: str, cwd: Path = REPO) -> Run:
        return run_measured(command, cwd, self.logs / log, self.options.timeout)

    def note(self, text: str) -> None:
        self.result.notes.append(text)


def _measure_size(
    result: SizeResult,
    work: Path,
    options: argparse.Namespace,
    save: Callable[[], None],
    trash: Trash,
) -> None:
    size = _Size(result, work, options, trash)
    print(f"== {result.size} inovasi", file=sys.stderr)
    synth = [PYTHON, "-m", "devtools", "synth", "--innovations", str(result.size)]
    synth += ["--out", str(size.catalogue), "--seed", str(options.seed)]
    result.synth = size.measured(synth, "synth.log")
    if not result.synth.ok:
        size.note(f"synth gagal: {result.synth.tail()}")
        return
    result.summary = result.synth.tail(1).split(": ", 1)[-1]  # the counts
    catalogue = site_facts(size.catalogue)
    result.catalogue_files, result.catalogue_bytes = catalogue.files, catalogue.bytes
    if options.only_import:
        _measure_import(size)
        return
    if not _measure_validate(size):
        return
    save()
    if not options.no_import:
        _measure_import(size)
        save()
    site = _measure_builds(size, save)
    if site is not None and result.size in options.incremental_sizes:
        _measure_incremental(size, site)
        save()
    for index in range(options.runs):
        trash.discard(work / f"site-{index}")
        trash.discard(work / f"hugo-site-{index}")
    if not options.no_serve and result.size in options.serve_sizes:
        _measure_serve(size)


def _measure_validate(size: _Size) -> bool:
    for index in range(size.options.runs):
        size.quiet(f"validate {index + 1}")
        command = [PYTHON, "-m", "generator", "validate", str(size.catalogue)]
        run = size.measured(command, f"validate-{index}.log")
        size.result.validate.append(run)
        print(f"  validate {index + 1}: {run.seconds:.1f} s", file=sys.stderr)
        if not run.ok:
            size.note(f"validate gagal: {run.tail()}")
            return False
    return True


def _measure_import(size: _Size) -> None:
    """`impor` of the catalogue's workbook (as `data/katalog.xlsx` has it) into an empty
    catalogue: reading every sheet, writing each record into a checked copy, validating."""
    book, empty = size.work / "katalog.xlsx", size.work / "kosong"
    command = [PYTHON, "-m", "devtools", "workbook", "--catalogue", str(size.catalogue)]
    made = size.measured([*command, "--out", str(book), "--empty", str(empty)], "workbook.log")
    if not made.ok:
        size.note(f"workbook gagal: {made.tail()}")
        return
    size.result.impor_rows = made.tail(1).split(": ", 1)[-1]
    for index in range(size.options.runs):
        target = size.work / f"impor-{index}"
        shutil.copytree(empty, target)
        size.quiet(f"impor {index + 1}")
        command = [PYTHON, "-m", "generator", "impor", str(book), "--catalogue", str(target)]
        run = size.measured(command, f"impor-{index}.log")
        size.result.impor.append(run)
        print(f"  impor {index + 1}: {run.seconds:.1f} s, {_mib(run)}", file=sys.stderr)
        size.trash.discard(target)
        if not run.ok:
            size.note(f"impor gagal: {run.tail()}")
            return


def _measure_builds(size: _Size, save: Callable[[], None]) -> Path | None:
    """Full builds, each into a new folder, alternating with the yardstick: our build n, then
    Hugo + Pagefind run n over the open data of our first build. Then what the last sites
    hold and what a browser fetches from ours. Returns our last site (None if none)."""
    result, options = size.result, size.options
    full = _build_command(size.catalogue, full=True)
    project = None
    site = hugo = None
    for index in range(options.runs):
        size.quiet(f"build {index + 1}")
        built = size.work / f"site-{index}"
        run = size.measured([*full, "--site-dir", str(built)], f"build-{index}.log")
        result.build.append(run)
        print(f"  build {index + 1}: {run.seconds:.1f} s, {_mib(run)}", file=sys.stderr)
        if not run.ok:
            size.note(f"build gagal ({run.stopped or run.returncode}): {run.tail()}")
            break
        site = built
        save()
        if index == 0 and not options.no_hugo:
            project = _prepare_hugo(size, site)
        if project is not None:
            made = _run_hugo(size, project, index)
            project = project if made is not None else None  # failed: ours go on alone
            hugo = made or hugo
        longest = max(run.seconds, _hugo_seconds(result, index))
        if longest > options.repeat_limit:
            size.note(f"build: satu kali saja (lebih dari {options.repeat_limit:.0f} s)")
            break
    if site is None:
        return None
    result.site = site_facts(site)
    result.hugo_site = site_facts(hugo) if hugo is not None else None
    searches = measure_searches(site)
    result.search_bytes, result.search_parts = searches.bytes, searches.parts
    result.search_results = searches.results
    result.notes += searches.failures
    result.page_load, failure = measure_page_load(site)
    if failure:
        size.note(failure)
    save()
    return site


def _prepare_hugo(size: _Size, site: Path) -> Path | None:
    """The yardstick's project over the open data of our build in `site` (not timed)."""
    if hugo_site.hugo_binary() is None:
        size.note(f"Hugo: {hugo_site.unavailable_reason()}")
        return None
    try:
        return hugo_site.prepare(site, size.work / "hugo")
    except OSError as error:
        size.note(f"Hugo: {error}")
        return None


def _run_hugo(size: _Size, project: Path, index: int) -> Path | None:
    """Run `index` of the yardstick into a new folder; None when a step failed (a note)."""
    size.quiet(f"hugo {index + 1}")
    site = size.work / f"hugo-site-{index}"
    runs = {"hugo": size.result.hugo, "pagefind": size.result.pagefind}
    for step in hugo_site.commands(project, site):
        run = size.measured(step.command, f"{step.name}-{index}.log", cwd=step.cwd)
        runs[step.name].append(run)
        print(f"  {step.name} {index + 1}: {run.seconds:.1f} s, {_mib(run)}", file=sys.stderr)
        if not run.ok:
            size.note(f"{step.name} gagal ({run.stopped or run.returncode}): {run.tail()}")
            return None
    return site


def _hugo_seconds(result: SizeResult, index: int) -> float:
    runs = [runs[index] for runs in (result.hugo, result.pagefind) if len(runs) > index]
    return sum(run.seconds for run in runs)


def _measure_incremental(size: _Size, site: Path) -> None:
    """One record changed, then built again into the last full build's folder."""
    command = _build_command(size.catalogue, full=False)
    found = measure_incremental(
        build_into(command, REPO, size.logs, size.options.timeout),
        size.catalogue,
        site,
        size.options.runs,
        lambda index: size.quiet(f"one-record build {index + 1}"),
    )
    size.result.incremental = found.runs
    size.result.notes += found.notes
    for index, run in enumerate(found.runs):
        print(f"  one-record build {index + 1}: {run.seconds:.1f} s", file=sys.stderr)


def _measure_serve(size: _Size) -> None:
    """Edit-to-reload latency of `mkdocs serve` (see serve.py); a failure is a note. The
    machine must be quiet when the server starts; while it runs, its own file watcher keeps
    the load up, so each edit's load is recorded, not waited for."""
    result, options = size.result, size.options
    size.quiet("serve")
    try:
        times = measure_serve(
            PYTHON, REPO, size.catalogue, size.work / "serve", options.runs, options.timeout
        )
    except ServeFailed as error:
        size.note(f"mkdocs serve: {error}")
        return
    except Exception as error:  # a failed measurement is a note, not a failed benchmark
        size.note(f"mkdocs serve: {type(error).__name__}: {error}")
        return
    result.serve_first_build, result.serve_edits = times.first_build, times.edits
    result.serve_idle_cpu = times.idle_cpu
    for index, load in enumerate(times.loads):
        result.loads[f"serve edit {index + 1}"] = load


def _build_command(catalogue: Path, full: bool) -> list[str]:
    """`generator build` of `catalogue` with the project's mkdocs.yml (no --site-dir yet);
    with `full`, `--full` where the build has it (one that may reuse its folder's site)."""
    command = [PYTHON, "-m", "generator", "build", "--catalogue", str(catalogue)]
    command += ["--config", str(REPO / "mkdocs.yml")]
    return [*command, "--full"] if full and _has_full_option() else command


@functools.cache
def _has_full_option() -> bool:
    done = subprocess.run(
        [PYTHON, "-m", "generator", "build", "--help"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return "--full" in done.stdout


def _mib(run: Run) -> str:
    return f"{run.tree_peak_kib / 1024:.0f} MiB (tree), {run.peak_kib / 1024:.0f} MiB (wait4)"


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
