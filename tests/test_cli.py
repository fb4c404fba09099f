"""The command line as an editor and a CI job use it: exact output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def test_validate_valid_catalogue_exits_zero(catalogue_dir: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(catalogue_dir)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Katalog valid: 2 inovasi, 1 replikasi, 1 kegiatan, 1 profil wilayah." in result.stderr


def test_validate_invalid_catalogue_prints_located_errors_and_exits_one(
    catalogue_dir: Path,
) -> None:
    path = catalogue_dir / "inovasi" / "uji-layanan-b.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("nama: UJI-B", "nama_inovasi: UJI-B"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(catalogue_dir)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{path}:1:1: error: kunci wajib `nama` tidak ada; tambahkan `nama:` — "
        "Nama inovasi seperti dikenal masyarakat (sering berupa singkatan). [nama]",
        f"{path}:1:1: error: kunci `nama_inovasi` tidak dikenal; maksud Anda `nama`? "
        "[nama_inovasi]",
    ]
    assert "2 masalah di 1 berkas." in result.stderr
    assert "Traceback" not in result.output


def test_validate_json_format(catalogue_dir: Path) -> None:
    (catalogue_dir / "inovasi" / "uji-layanan-b.yml").write_text("nama: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(catalogue_dir)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    [problem] = report["problems"]
    assert problem["line"] == 2 and problem["column"] == 1
    assert problem["message"].startswith("YAML tidak valid")


def test_validate_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "tidak-ada")])
    assert result.exit_code == 2
    assert "folder katalog" in result.output


def test_unknown_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["validate", "--bentuk", "json"])
    assert result.exit_code == 2


def test_the_process_flushes_its_output_and_keeps_exit_codes(catalogue_dir: Path) -> None:
    """`python -m generator` ends without the interpreter's teardown (`cli.run`): every line
    still arrives, through a pipe too, and the exit codes are main's."""
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator", *args],
            capture_output=True, text=True, check=False, timeout=60,
        )  # fmt: skip

    valid = run("validate", str(catalogue_dir))
    assert valid.returncode == 0
    assert valid.stderr.strip().startswith("Katalog valid: 2 inovasi")
    path = catalogue_dir / "inovasi" / "uji-layanan-b.yml"
    path.write_text("nama_inovasi: UJI-B\n", encoding="utf-8")
    invalid = run("validate", "--format", "json", str(catalogue_dir))
    assert invalid.returncode == 1
    assert json.loads(invalid.stdout)["valid"] is False  # the whole document, flushed
    assert run("validate", str(catalogue_dir / "tidak-ada")).returncode == 2
    assert run("--version").returncode == 0
