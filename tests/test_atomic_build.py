"""Atomic builds (issue 10): a build that fails midway, after writing files, leaves the
previous site exactly as it was and no staging folder behind."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from generator.mkdocs.build import BuildFailed, build_site
from generator.mkdocs.incremental import manifest_path
from generator.mkdocs.plugin import KatalogPlugin

from .conftest import REPO, make_catalogue


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    catalogue = make_catalogue(tmp_path / "catalogue")
    site = tmp_path / "out" / "site"
    build_site(catalogue, site, REPO / "mkdocs.yml")
    return catalogue, site, _tree(site)


def _leftovers(site: Path) -> list[str]:
    """What lies beside the site other than it and its manifest (`incremental`)."""
    own = {site.name, manifest_path(site).name}
    return sorted(p.name for p in site.parent.iterdir() if p.name not in own)


def test_a_crash_after_pages_are_written_keeps_the_old_site(
    built: tuple[Path, Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue, site, before = built
    written: list[Path] = []

    def crash(self: KatalogPlugin, *, config: object) -> None:
        written.extend(Path(config.site_dir).rglob("index.html"))  # type: ignore[attr-defined]
        raise RuntimeError("disk full")

    monkeypatch.setattr(KatalogPlugin, "on_post_build", crash)
    (catalogue / "inovasi" / "uji-layanan-a.yml").write_text(
        (catalogue / "inovasi" / "uji-layanan-a.yml").read_text() + "hasil: Berubah.\n"
    )
    with pytest.raises(RuntimeError, match="disk full"):
        build_site(catalogue, site, REPO / "mkdocs.yml")
    assert len(written) > 10  # it failed midway, with pages already written
    assert _tree(site) == before
    assert _leftovers(site) == []


def test_an_invalid_record_keeps_the_old_site(
    built: tuple[Path, Path, dict[str, bytes]],
) -> None:
    catalogue, site, before = built
    (catalogue / "inovasi" / "rusak.yml").write_text("nama: [\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build_site(catalogue, site, REPO / "mkdocs.yml")
    assert any("rusak.yml:" in line for line in failure.value.lines)
    assert _tree(site) == before
    assert _leftovers(site) == []


def test_a_rebuild_replaces_the_site_and_the_old_one_goes(
    built: tuple[Path, Path, dict[str, bytes]],
) -> None:
    catalogue, site, before = built
    (site / "sisa-lama.txt").write_text("dari situs sebelumnya", encoding="utf-8")
    build_site(catalogue, site, REPO / "mkdocs.yml")
    # The new site is in place when the build returns ...
    assert _tree(site) == before
    # ... and the replaced one is deleted in the background, soon.
    deadline = time.monotonic() + 20
    while _leftovers(site) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _leftovers(site) == []


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(
    built: tuple[Path, Path, dict[str, bytes]],
) -> None:
    """Issue 22: a build killed mid-way (power cut, cancelled CI) leaves its staging folder;
    the next build removes the ones whose process is proven gone, and says so."""
    catalogue, site, _ = built
    finished = subprocess.Popen(["true"])
    finished.wait()  # a process number that no longer runs
    dead = site.parent / ".site-build-mati"
    (dead / "inovasi").mkdir(parents=True)
    (dead / "inovasi" / "index.html").write_text("setengah jadi", encoding="utf-8")
    (site.parent / ".site-build-mati.pemilik").write_text(str(finished.pid), encoding="utf-8")
    running = site.parent / ".site-build-jalan"  # a build still at work (this process)
    running.mkdir()
    (site.parent / ".site-build-jalan.pemilik").write_text(str(os.getpid()), encoding="utf-8")
    unclaimed = site.parent / ".site-build-tanpa-pemilik"  # nothing proves it dead
    unclaimed.mkdir()

    summary = build_site(catalogue, site, REPO / "mkdocs.yml")

    assert f"Folder build yang terhenti dihapus: {dead} (proses {finished.pid}" in summary
    assert str(running) not in summary and str(unclaimed) not in summary
    deadline = time.monotonic() + 20
    while dead.exists() and time.monotonic() < deadline:  # deleted in the background
        time.sleep(0.1)
    assert not dead.exists()
    assert running.is_dir() and unclaimed.is_dir()
    # (The site this build replaced is being deleted in the background: `.site-old-*`.)
    left = [name for name in _leftovers(site) if not name.startswith(".site-old-")]
    assert left == [".site-build-jalan", ".site-build-jalan.pemilik", ".site-build-tanpa-pemilik"]
