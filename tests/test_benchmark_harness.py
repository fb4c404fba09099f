"""The scale benchmark's own parts (benchmarks/): the memory of a whole process tree, the kind
of each page, the goals' verdicts, results.json read back, and the hand-kept sections of
RESULTS.md surviving a rewrite. The benchmark itself runs for hours; these run in seconds."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path, PurePosixPath

import pytest
import yaml

from .conftest import REPO

# The benchmarks folder is scripts that import each other by name, not a package.
sys.path.insert(0, str(REPO / "benchmarks"))

import goals
import incremental
import measure
import report
import results
import site_facts

MIB = 1024


def test_the_tree_peak_sums_the_processes_that_wait4_sees_one_at_a_time(
    tmp_path: Path,
) -> None:
    # Two children holding 80 MB each at the same time: wait4 reports the larger one, the
    # sampled tree all of them.
    child = "import time; block = b'x' * 80_000_000; time.sleep(1.5)"
    parent = textwrap.dedent(f"""
        import subprocess, sys
        children = [subprocess.Popen([sys.executable, "-c", {child!r}]) for _ in range(2)]
        for process in children:
            process.wait()
        """)
    run = measure.run_measured([sys.executable, "-c", parent], tmp_path, tmp_path / "log", 60)
    assert run.ok, run.tail()
    assert 75e6 / 1024 <= run.peak_kib < 120e6 / 1024
    assert run.tree_peak_kib >= 2 * 78e6 / 1024
    assert run.tree_peak_kib > 1.5 * run.peak_kib
    # Nothing is shared between the two blocks: the proportional sets add up to both.
    assert 2 * 75e6 / 1024 <= run.tree_pss_kib <= run.tree_peak_kib
    assert run.cpu_seconds > 0


def test_the_tree_pss_counts_pages_shared_by_forked_processes_once(tmp_path: Path) -> None:
    # A parent holding 150 MB forks two children that only read it: the summed resident
    # sets count it three times, the proportional sets once.
    program = textwrap.dedent("""
        import os, time
        block = bytearray(150_000_000)
        children = []
        for _ in range(2):
            pid = os.fork()
            if pid == 0:
                time.sleep(2.0)
                os._exit(0)
            children.append(pid)
        for pid in children:
            os.waitpid(pid, 0)
        """)
    run = measure.run_measured([sys.executable, "-c", program], tmp_path, tmp_path / "log", 60)
    assert run.ok, run.tail()
    assert run.tree_peak_kib >= 2.5 * 150e6 / 1024
    assert 140e6 / 1024 <= run.tree_pss_kib <= 1.3 * 150e6 / 1024


def test_a_command_does_not_carry_the_benchmarks_own_peak(tmp_path: Path) -> None:
    # Linux copies the peak of the process that starts a command into the command's; the
    # launcher keeps the benchmark's (here: this test's 200 MB) out of it.
    block = b"x" * 200_000_000
    del block
    run = measure.run_measured(["/bin/true"], tmp_path, tmp_path / "log", 60)
    assert run.ok
    assert run.peak_kib < 50e6 / 1024
    assert run.tree_peak_kib < 50e6 / 1024


def test_a_command_runs_the_code_of_this_checkout_from_any_folder(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "import generator; print(generator.__file__)"]
    run = measure.run_measured(command, tmp_path, tmp_path / "log", 60)
    assert run.ok, run.tail()
    assert run.tail(1) == str(REPO / "generator" / "__init__.py")


def test_a_command_past_its_time_is_stopped(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "import time; time.sleep(30)"]
    run = measure.run_measured(command, tmp_path, tmp_path / "log", timeout=0.5)
    assert not run.ok
    assert run.stopped
    assert run.seconds < 10


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("inovasi/cms-desa/index.html", "innovation"),
        ("inovasi/index.html", "innovations listing"),
        ("inovasi/halaman/3/index.html", "innovations listing"),
        ("inovasi/bidang/kesehatan/halaman/2/index.html", "filtered listings"),
        ("inovasi/direplikasi/index.html", "filtered listings"),
        ("replikasi/cms-desa-31-71/index.html", "replication"),
        ("replikasi/index.html", "hubs"),
        ("wilayah/kota-bandung/index.html", "region"),
        ("wilayah/kota-bandung/halaman/2/index.html", "region listing pages"),
        ("kegiatan/komitmen-2024/index.html", "event"),
        ("kegiatan/komitmen-2024/halaman/4/index.html", "commitment board pages"),
        ("statistik/index.html", "statistics"),
        ("index.html", "other pages"),
        ("404.html", "other pages"),
        ("data/index.html", "other pages"),
    ],
)
def test_pages_are_told_apart_by_their_address(path: str, kind: str) -> None:
    assert site_facts.page_kind(PurePosixPath(path)) == kind


def test_site_facts_find_the_largest_page_of_each_kind(tmp_path: Path) -> None:
    for path, size in [
        ("inovasi/a/index.html", 10),
        ("inovasi/b/index.html", 30),
        ("inovasi/a/index.json", 500),
        ("inovasi/halaman/2/index.html", 70),
        ("pagefind/fragment/x.pf_fragment", 40),
    ]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(b"x" * size)
    facts = site_facts.site_facts(tmp_path)
    assert (facts.files, facts.bytes) == (5, 650)
    assert facts.largest["innovation"] == site_facts.KindFacts(2, 30, "inovasi/b/index.html")
    assert facts.largest_page == site_facts.KindFacts(1, 70, "inovasi/halaman/2/index.html")
    assert facts.part_bytes == {"HTML pages": 110, "JSON twins": 500, "search index": 40}
    assert facts.innovation_page_median == 20


def _run(seconds: float, tree_mib: int = 0) -> measure.Run:
    return measure.Run(seconds, tree_mib * MIB // 2, 0, "", Path("log"), tree_mib * MIB)


def _result(size: int, build_seconds: float, tree_mib: int) -> results.SizeResult:
    result = results.SizeResult(size)
    result.build = [_run(build_seconds, tree_mib) for _ in range(3)]
    result.hugo = [_run(10.0)]
    result.pagefind = [_run(5.0)]
    result.incremental = [_run(build_seconds / 2)]
    return result


def test_goals_are_checked_at_their_sizes_only() -> None:
    table = "\n".join(goals.goals_table([_result(10000, 12.0, 900), _result(50000, 60.0, 3000)]))
    memory = "| peak memory of the build's process tree (PSS) ≤ 1 GiB | 10,000 | 0.88 GiB |"
    assert f"{memory} met |" in table
    assert "≤ 2 GiB | 50,000 | 2.93 GiB | **not met**: 1.46× the limit |" in table
    # 12 s against Hugo's 10 + Pagefind's 5: 0.8×, met; 60 s: 4×, not met.
    assert "Hugo + Pagefind's time | 10,000 | 0.80× | met |" in table
    assert "Hugo + Pagefind's time | 50,000 | 4.00× | **not met**: 5.00× the limit |" in table
    assert "| one-record build ≤ ¼ of a full build | 10,000 | 0.50× | **not met**" in table
    assert "| `mkdocs serve` shows an edit ≤ 3 s | 1,000 | size not run | not measured |" in table
    small = _result(1000, 3.0, 5000)
    assert goals.goal_cell("memory", small) == "≤ 1 GiB at 10,000; ≤ 2 GiB at 50,000"


def test_results_read_back_and_the_hand_kept_sections_survive(tmp_path: Path) -> None:
    result = _result(10000, 12.0, 900)
    result.loads = {"build 1": 0.5}
    result.search_bytes = {"dokumen arsip": 250_000}
    data, output = tmp_path / "results.json", tmp_path / "RESULTS.md"
    machine = measure.machine_facts()
    context = {"command": "python benchmarks/run.py", "commit": "abc", "runs": 3, "seed": 1}
    results.write_results(data, machine, context, [result])
    assert results.read_results(data) == (context, [result])
    output.write_text(
        "old\n<!-- gaps:start -->\nThe memory: the search documents.\n<!-- gaps:end -->\n"
        "<!-- lighthouse:start -->\nScores.\n<!-- lighthouse:end -->\n",
        encoding="utf-8",
    )
    report.write_report(output, machine, context, [result])
    text = output.read_text(encoding="utf-8")
    assert "Stale text." not in text
    assert text.count("The memory: the search documents.") == 1
    assert text.count("Scores.") == 1
    assert "## 10,000 innovations" in text
    assert "build 1 0.50" in text


def test_an_older_results_file_still_reads(tmp_path: Path) -> None:
    """Sizes measured before the yardstick: the straw man's fields are dropped."""
    old_run = {"seconds": 3.0, "peak_kib": 1000, "returncode": 0, "stopped": "", "log": "x"}
    site = {"files": 2, "bytes": 10, "innovation_pages": 1, "innovation_page_median": 5.0}
    data = tmp_path / "results.json"
    size = {"size": 1000, "build": [old_run], "baseline_build": [old_run], "loads": [0.5]}
    size |= {"site": {**site, "partial": False}, "page_sizes": {"index.html": 3}}
    data.write_text(json.dumps({"context": {}, "sizes": [size]}), encoding="utf-8")
    _context, [read] = results.read_results(data)
    assert read.build[0].tree_peak_kib == 0
    assert read.loads == {"run 1": 0.5}
    assert read.site is not None and read.site.largest == {}


def test_the_one_record_change_keeps_the_record_valid(tmp_path: Path) -> None:
    record = tmp_path / "inovasi-sintetis-00001.yml"
    record.write_text('nama: "Inovasi Sintetis 00001"\nkontak:\n  nama: "X"\n', encoding="utf-8")
    name = incremental._rename(record, 0)
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    assert data["nama"] == name
    assert name.startswith("Inovasi Sintetis 00001 Revisi 1 ")
    assert data["kontak"] == {"nama": "X"}
    assert list(tmp_path.iterdir()) == [record]
