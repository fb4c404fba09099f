"""The command line's failure paths, as an editor meets them: an exit code, the located
Indonesian messages on standard error, no traceback, and nothing half-written (the last good
site stays exactly as it was; no page sources from an invalid catalogue)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main

from .conftest import REPO, make_catalogue

BROKEN_YAML = "YAML tidak valid: struktur YAML tidak lengkap; periksa indentasi dan tanda kutip"


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _break(catalogue: Path) -> Path:
    broken = catalogue / "inovasi" / "rusak.yml"
    broken.write_text("nama: [\n", encoding="utf-8")
    return broken


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes]]:
    """A catalogue and the site `build` made of it, and that site's files."""
    root = tmp_path_factory.mktemp("cli-failures")
    catalogue = make_catalogue(root / "catalogue")
    site = root / "out" / "site"
    result = _run(
        "build", "--catalogue", str(catalogue), "--site-dir", str(site),
        "--config", str(REPO / "mkdocs.yml"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    hint, summary = result.stderr.splitlines()  # without an address, how to give one
    assert hint.startswith("Alamat situs belum diatur")
    assert summary.startswith(f"Situs dibangun di {site.resolve()}: ")
    return catalogue, site, _tree(site)


def test_build_of_an_invalid_catalogue_keeps_the_old_site(
    good_site: tuple[Path, Path, dict[str, bytes]],
) -> None:
    catalogue, site, before = good_site
    broken = _break(catalogue)
    try:
        result = _run(
            "build", "--catalogue", str(catalogue), "--site-dir", str(site),
            "--config", str(REPO / "mkdocs.yml"),
        )  # fmt: skip
    finally:
        broken.unlink()
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{broken}:2:1: error: {BROKEN_YAML}",
        "1 masalah di katalog; situs tidak dibangun.",
    ]
    assert _tree(site) == before
    # No staging folder left; the last build's manifest stays beside its site (`incremental`).
    assert sorted(p.name for p in site.parent.iterdir()) == [".site-manifest.json", "site"]


def test_build_as_a_process_prints_no_traceback(
    good_site: tuple[Path, Path, dict[str, bytes]],
) -> None:
    """The same failure through `python -m generator`, the way CI runs it."""
    catalogue, site, before = good_site
    broken = _break(catalogue)
    try:
        done = subprocess.run(
            [
                sys.executable, "-m", "generator", "build", "--catalogue", str(catalogue),
                "--site-dir", str(site), "--config", str(REPO / "mkdocs.yml"),
            ],
            capture_output=True, text=True, check=False, timeout=300,
        )  # fmt: skip
    finally:
        broken.unlink()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert f"{broken}:2:1: error: {BROKEN_YAML}" in done.stderr.splitlines()
    assert _tree(site) == before


def test_build_without_the_catalogue_folder(tmp_path: Path) -> None:
    """A missing catalogue is a located problem of the build (exit 1), not a usage error as
    for `validate` (exit 2); no site folder is made."""
    missing = tmp_path / "tidak-ada"
    site = tmp_path / "site"
    result = _run(
        "build", "--catalogue", str(missing), "--site-dir", str(site),
        "--config", str(REPO / "mkdocs.yml"),
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{missing}:1:1: error: folder katalog tidak ditemukan",
        "1 masalah di katalog; situs tidak dibangun.",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_build_without_the_mkdocs_configuration(catalogue_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "tidak-ada.yml"
    result = _run(
        "build", "--catalogue", str(catalogue_dir), "--site-dir", str(tmp_path / "site"),
        "--config", str(config),
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{config}: berkas konfigurasi MkDocs tidak ditemukan"]
    assert not (tmp_path / "site").exists()


def test_validate_on_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada"
    result = _run("validate", str(missing))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"Error: folder katalog `{missing}` tidak ditemukan"


def test_pages_of_an_invalid_catalogue_writes_nothing(catalogue_dir: Path, tmp_path: Path) -> None:
    broken = _break(catalogue_dir)
    second = catalogue_dir / "replikasi" / "uji-a-di-ketapang.yml"
    second.write_text(
        second.read_text(encoding="utf-8").replace("uji-layanan-a", "uji-layanan-ax"),
        encoding="utf-8",
    )
    out = tmp_path / "sumber"
    result = _run("pages", "--catalogue", str(catalogue_dir), "--out", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{broken}:2:1: error: {BROKEN_YAML}",
        f"{second}:1:10: error: inovasi `uji-layanan-ax` tidak ditemukan; maksud Anda "
        "`uji-layanan-a`? [inovasi]",
    ]
    assert not out.exists()


def test_pages_of_a_missing_catalogue_writes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada"
    out = tmp_path / "sumber"
    result = _run("pages", "--catalogue", str(missing), "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{missing}:1:1: error: folder katalog tidak ditemukan"]
    assert not out.exists()


def test_pages_without_out_is_a_usage_error(catalogue_dir: Path) -> None:
    result = _run("pages", "--catalogue", str(catalogue_dir))
    assert result.exit_code == 2
    assert "Missing option '--out'" in result.stderr
