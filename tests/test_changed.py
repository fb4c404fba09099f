"""`validate --changed REF` in a real git repository: only the changed records and the records
that refer to them are reported, exactly as a full run reports them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.records.changed import read_changed
from generator.records.problems import display_path
from generator.records.validate import read_catalogue

from .conftest import make_catalogue


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@contoh.id", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit holds the test catalogue with one broken, unrelated
    record: an old problem a contributor did not cause."""
    catalogue = make_catalogue(tmp_path / "repo" / "catalogue")
    broken = catalogue / "inovasi" / "uji-layanan-b.yml"
    broken.write_text(broken.read_text().replace("tahap: uji-coba", "tahap: ujicoba"))
    git(tmp_path / "repo", "init", "-q", "-b", "main")
    git(tmp_path / "repo", "add", "-A")
    git(tmp_path / "repo", "commit", "-q", "-m", "awal")
    return catalogue


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def same_as_full_run(catalogue: Path, reported: list[str]) -> list[str]:
    full = read_catalogue(catalogue).problems
    return sorted(p.format() for p in full if p.path in reported)


def test_nothing_changed_reports_nothing(repo: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--changed", "HEAD", str(repo)])
    assert result.exit_code == 0
    assert "0 catatan berubah terhadap HEAD; 0 berkas diperiksa" in result.stderr


def test_a_changed_innovation_reports_itself_and_its_replications(repo: Path) -> None:
    innovation = repo / "inovasi" / "uji-layanan-a.yml"
    edit(innovation, 'wilayah: "61.12"', 'wilayah: "61.04"')  # now owned by the replicating region
    edit(innovation, "jenis: digital", "jenis: digitl")
    result = read_changed(repo, "HEAD")
    replication = display_path(repo / "replikasi" / "uji-a-di-ketapang.yml")
    assert result.checked == sorted([display_path(innovation), replication])
    messages = [p.format() for p in result.problems]
    assert any("jenis" in m and m.startswith(display_path(innovation)) for m in messages)
    assert any("adalah pemilik inovasi `uji-layanan-a`" in m for m in messages)
    assert not any("uji-layanan-b" in m for m in messages)  # the old, unrelated problem
    assert messages == same_as_full_run(repo, result.checked)


def test_untracked_and_staged_records_are_changes(repo: Path) -> None:
    new = repo / "inovasi" / "uji-baru.yml"
    new.write_text((repo / "inovasi" / "uji-layanan-a.yml").read_text().replace("2019", "2099"))
    event = repo / "kegiatan" / "uji-komitmen.yml"
    edit(event, 'tanggal: "2021-12-07"', 'tanggal: "2021-13-07"')
    git(repo.parent, "add", str(event))
    cli = CliRunner().invoke(main, ["validate", "--changed", "HEAD", str(repo)])
    assert cli.exit_code == 1
    assert "2 catatan berubah terhadap HEAD" in cli.stderr
    assert f"{display_path(new)}:6:8: error: tahun 2099 ada di masa depan [tahun]" in cli.stdout
    assert "uji-komitmen.yml" in cli.stdout and "uji-layanan-b" not in cli.stdout
    result = read_changed(repo, "HEAD")
    assert display_path(repo / "replikasi" / "uji-a-di-ketapang.yml") in result.checked
    assert [p.format() for p in result.problems] == same_as_full_run(repo, result.checked)


def test_a_deleted_innovation_reports_what_referred_to_it(repo: Path) -> None:
    (repo / "inovasi" / "uji-layanan-a.yml").unlink()
    result = read_changed(repo, "HEAD")
    [problem] = result.problems
    assert problem.path.endswith("replikasi/uji-a-di-ketapang.yml")
    assert problem.message == "inovasi `uji-layanan-a` tidak ditemukan"


def test_a_changed_vocabulary_checks_the_whole_catalogue(repo: Path) -> None:
    edit(repo / "referensi" / "bidang.yml", "- kode: pendidikan\n  nama: Pendidikan\n", "")
    result = read_changed(repo, "HEAD")
    assert result.full
    assert {p.path for p in result.problems} == {
        display_path(repo / "inovasi" / "uji-layanan-b.yml")
    }


def test_an_unknown_ref_is_a_usage_error(repo: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--changed", "tidak-ada", str(repo)])
    assert result.exit_code == 2
    assert "--changed tidak-ada:" in result.output
