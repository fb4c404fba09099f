"""Incremental builds (issue 22): a build into the last build's site folder takes over the
record pages whose inputs did not change, and its site is byte for byte the site a full build
of the same catalogue makes, whatever changed in between."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from devtools.synth import write_synthetic_catalogue
from generator.mkdocs import plugin as mkdocs_plugin
from generator.mkdocs.after_pages import AfterPages
from generator.mkdocs.build import build_site
from generator.mkdocs.incremental import manifest_path, record_digests
from generator.mkdocs.publishing import Overrides
from generator.records.validate import read_catalogue
from generator.site import paging
from generator.site.fingerprints import fingerprints, record_page_inputs
from generator.site.pages import (
    PageMaker,
    make_planned,
    planned_pages,
    record_page_sources,
    site_page_sources,
)
from generator.site.structure import Site

from .conftest import REPO

Change = Callable[[Path], None]
ADDRESSES = Overrides("https://inovasi.example.org/", "https://example.org/katalog")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # records refuse YAML aliases


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def _edit(path: Path, change: Callable[[dict[str, Any]], object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(_dump(data), encoding="utf-8")


def _records(folder: Path, kind: str) -> dict[str, dict[str, Any]]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((folder / kind).glob("*.yml"))
    }


def _replicated(folder: Path) -> str:
    """An innovation with replications, one an event names too when there is one."""
    replicated = {r["inovasi"] for r in _records(folder, "replikasi").values()}
    named = {s for e in _records(folder, "kegiatan").values() for s in e.get("inovasi", [])}
    return sorted(replicated & named or replicated)[0]


def _rename_innovation(folder: Path) -> None:
    """A new slug (file name) for an innovation, its references following, the old one kept
    as an alias."""
    old = _replicated(folder)
    new = old + "-baru"
    (folder / "inovasi" / f"{old}.yml").rename(folder / "inovasi" / f"{new}.yml")
    _edit(folder / "inovasi" / f"{new}.yml", lambda d: d.__setitem__("alias", [old]))
    for path in sorted((folder / "replikasi").glob("*.yml")):
        if yaml.safe_load(path.read_text(encoding="utf-8"))["inovasi"] == old:
            _edit(path, lambda d: d.__setitem__("inovasi", new))
    for path in sorted((folder / "kegiatan").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(f"{old}\n", f"{new}\n"), encoding="utf-8")


def _delete_innovation(folder: Path) -> None:
    """An innovation goes, with its replications and the events' mentions of it."""
    slug = _replicated(folder)
    (folder / "inovasi" / f"{slug}.yml").unlink()
    for path in sorted((folder / "replikasi").glob("*.yml")):
        if yaml.safe_load(path.read_text(encoding="utf-8"))["inovasi"] == slug:
            path.unlink()
    for path in sorted((folder / "kegiatan").glob("*.yml")):
        if slug not in path.read_text(encoding="utf-8"):
            continue

        def drop(data: dict[str, Any]) -> None:
            data["inovasi"] = [s for s in data.get("inovasi", []) if s != slug] or None
            data["hasil"] = [r for r in data.get("hasil", []) if r["inovasi"] != slug] or None
            for key in ("inovasi", "hasil"):
                if data[key] is None:
                    del data[key]

        _edit(path, drop)


def _add_replication(folder: Path) -> None:
    """A new replication by a region that has none of this innovation yet."""
    slug = _replicated(folder)
    base = next(r for r in _records(folder, "replikasi").values() if r["inovasi"] == slug)
    taken = {r["wilayah"] for r in _records(folder, "replikasi").values() if r["inovasi"] == slug}
    region = next(code for code in ("61.01", "61.02", "61.03", "61.04") if code not in taken)
    added = {**base, "wilayah": region}
    added.pop("kegiatan", None)
    path = folder / "replikasi" / f"{slug}-{region.replace('.', '-')}.yml"
    path.write_text(_dump(added), encoding="utf-8")


def _move_innovation(folder: Path) -> None:
    """An innovation moves to the region that owns another one."""
    slug = _replicated(folder)
    owners = [r.get("wilayah") for s, r in _records(folder, "inovasi").items() if s != slug]
    region = next(code for code in owners if code and "." in code)
    _edit(folder / "inovasi" / f"{slug}.yml", lambda d: d.update(wilayah=region))


def _add_innovation(folder: Path) -> None:
    first = sorted((folder / "inovasi").glob("*.yml"))[0]
    copy = folder / "inovasi" / "inovasi-tambahan.yml"
    shutil.copy(first, copy)
    _edit(copy, lambda d: d.update(nama="Inovasi Tambahan", tahun=2011, alias=[]))
    _edit(copy, lambda d: d.pop("alias"))


def _first(
    kind: str, pick: Callable[[dict[str, Any]], bool] = lambda _: True
) -> Callable[[Path], Path]:
    def find(folder: Path) -> Path:
        return next(
            path
            for path in sorted((folder / kind).glob("*.yml"))
            if pick(yaml.safe_load(path.read_text(encoding="utf-8")))
        )

    return find


def _change(kind: str, change: Callable[[dict[str, Any]], object], **pick: Any) -> Change:
    """Edit the first record of `kind` whose keys include `pick`'s (any value when None)."""

    def chosen(data: dict[str, Any]) -> bool:
        return all(key in data and (v is None or data[key] == v) for key, v in pick.items())

    return lambda folder: _edit(_first(kind, chosen)(folder), change)


def _replicated_innovation(change: Callable[[dict[str, Any]], object]) -> Change:
    return lambda folder: _edit(folder / "inovasi" / f"{_replicated(folder)}.yml", change)


CHANGES: dict[str, Change] = {
    "innovation name": _replicated_innovation(lambda d: d.update(nama="Nama Baru Sekali")),
    "innovation owner": lambda folder: _move_innovation(folder),
    "innovation text": _replicated_innovation(lambda d: d.update(masalah="Antrean lansia.")),
    "innovation year and sector": _replicated_innovation(
        lambda d: d.update(tahun=2001, bidang="kesehatan")
    ),
    "innovation award": _change(
        "inovasi", lambda d: d["penghargaan"][0].update(nama="Juara Baru"), penghargaan=None
    ),
    "replication stage": _change(
        "replikasi",
        lambda d: d["tahapan"].append(
            {"tahap": "dibatalkan", "tanggal": d["tahapan"][-1]["tanggal"]}
        ),
    ),
    "replication of an event": _change(
        "replikasi", lambda d: d.update(instansi="Dinas Baru"), kegiatan=None
    ),
    "replication added": _add_replication,
    "event name": _change("kegiatan", lambda d: d.update(nama="Kegiatan Baru"), hasil=None),
    "event participants": _change(
        "kegiatan", lambda d: d["peserta"].append("61.06"), jenis="komitmen-replikasi"
    ),
    "profile text": _change("wilayah", lambda d: d.update(uraian="Uraian baru.")),
    "profile name": _change("wilayah", lambda d: d.update(nama="Wilayah Bernama Baru")),
    "innovation added": _add_innovation,
    "innovation renamed": _rename_innovation,
    "innovation deleted": _delete_innovation,
}


SHARED = {"profile name"}
"""Changes to what every page shares (`fingerprints.shared_inputs`): every page is made."""


def _synthetic(folder: Path, innovations: int) -> Path:
    """A synthetic catalogue with its home province set, as a real one has it (else the
    province owning the most innovations is home, and a deletion may change it)."""
    write_synthetic_catalogue(innovations, folder)
    catalogue = read_catalogue(folder).catalogue
    assert catalogue is not None
    (folder / "katalog.yml").write_text(
        f'provinsi: "{catalogue.home_province}"\n', encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Large enough for similar lists, events and boards to tie pages together."""
    return _synthetic(tmp_path_factory.mktemp("synth") / "catalogue", 24)


@pytest.fixture(scope="module")
def synthetic_pages(synthetic: Path) -> tuple[dict[str, str], dict[str, str]]:
    return _pages_and_fingerprints(synthetic)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """For whole builds: a few pages of each kind."""
    return _synthetic(tmp_path_factory.mktemp("small") / "catalogue", 8)


def _pages_and_fingerprints(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Every record page's source and the planned pages' (listings and boards in pages of
    four, so that they run to several), and their fingerprints, by URL."""
    catalogue = read_catalogue(folder).catalogue
    assert catalogue is not None
    site = Site(catalogue)
    digests = record_digests(catalogue, folder, site)
    maker = PageMaker()
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(paging, "PER_PAGE", 4)
        planned = planned_pages(site)
        pages = {s.url: s.content for s in record_page_sources(site, maker)}
        pages |= {page.url: make_planned(maker, page).content for page in planned}
    inputs = [*record_page_inputs(site), *((page.url, page.inputs) for page in planned)]
    prints = fingerprints(site, "", digests.__getitem__, inputs)
    assert set(pages) == set(prints)
    return pages, prints


@pytest.mark.parametrize("name", CHANGES)
def test_a_page_that_changes_has_a_new_fingerprint(
    name: str,
    synthetic: Path,
    synthetic_pages: tuple[dict[str, str], dict[str, str]],
    tmp_path: Path,
) -> None:
    """The dependency rules (`fingerprints`) miss nothing: after each kind of change, every
    record page whose source differs has a new fingerprint (else an incremental build would
    keep the old page)."""
    pages, fingerprints = synthetic_pages
    changed = tmp_path / "catalogue"
    shutil.copytree(synthetic, changed)
    CHANGES[name](changed)
    new_pages, new_fingerprints = _pages_and_fingerprints(changed)
    differ = {url for url in pages.keys() & new_pages.keys() if pages[url] != new_pages[url]}
    assert differ, "the change should show on some page that stays"
    missed = {url for url in differ if fingerprints[url] == new_fingerprints[url]}
    assert not missed
    # ... and, but for a shared input, the rules are not so wide that most pages are made.
    kept = {url for url in fingerprints.keys() & new_fingerprints.keys()}
    unchanged = sum(fingerprints[u] == new_fingerprints[u] for u in kept)
    assert unchanged == 0 if name in SHARED else unchanged > len(kept) / 2


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _assert_same_site(built: Path, reference: Path) -> None:
    ours, theirs = _tree(built), _tree(reference)
    assert sorted(ours) == sorted(theirs)
    assert [path for path in ours if ours[path] != theirs[path]] == []


def _taken_over(summary: str) -> int:
    marker = " halaman catatan tidak berubah"
    if marker not in summary:
        return 0
    return int(summary.split(marker)[0].rsplit("(", 1)[1])


STEPS: list[tuple[str, Change, bool]] = [
    # (what changes, how, whether record pages are still taken over)
    ("a record changes", CHANGES["innovation name"], True),
    ("a record is added", CHANGES["innovation added"], True),
    ("a record is renamed", CHANGES["innovation renamed"], True),
    ("a record is deleted", CHANGES["innovation deleted"], True),
    ("a replication is added", CHANGES["replication added"], True),
    (
        "a sector's name in referensi/",
        lambda f: (f / "referensi" / "bidang.yml").write_text(
            (f / "referensi" / "bidang.yml")
            .read_text(encoding="utf-8")
            .replace('nama: "Kesehatan"', 'nama: "Kesehatan Masyarakat"'),
            encoding="utf-8",
        ),
        False,
    ),
    (
        "katalog.yml",
        lambda f: (f / "katalog.yml").write_text(
            (f / "katalog.yml").read_text(encoding="utf-8")
            + 'situs: "https://inovasi.example.org/"\n',
            encoding="utf-8",
        ),
        False,
    ),
]


def test_incremental_builds_make_the_full_builds_site(small: Path, tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue"
    shutil.copytree(small, catalogue)
    site = tmp_path / "incremental" / "site"
    first = build_site(catalogue, site, REPO / "mkdocs.yml")
    assert _taken_over(first) == 0 and manifest_path(site).is_file()
    reference = site
    for number, (what, change, reuses) in enumerate(STEPS):
        change(catalogue)
        summary = build_site(catalogue, site, REPO / "mkdocs.yml")
        reference = tmp_path / f"full-{number}" / "site"
        build_site(catalogue, reference, REPO / "mkdocs.yml")
        _assert_same_site(site, reference)
        assert (_taken_over(summary) > 0) == reuses, what
    sector_page = site / "inovasi" / "bidang" / "kesehatan" / "index.html"
    assert "Kesehatan Masyarakat" in sector_page.read_text(encoding="utf-8")
    # `--full` takes nothing over, and makes the same site.
    summary = build_site(catalogue, site, REPO / "mkdocs.yml", full=True)
    assert "diambil" not in summary
    _assert_same_site(site, reference)


def test_a_failed_or_killed_incremental_build_leaves_the_last_site(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build fails after taking pages over (hard links into its staging folder), another
    is killed: the last site and its manifest stay as they were, and the next build still
    takes pages over."""
    catalogue = tmp_path / "catalogue"
    shutil.copytree(small, catalogue)
    site = tmp_path / "out" / "site"
    build_site(catalogue, site, REPO / "mkdocs.yml")
    before, manifest = _tree(site), manifest_path(site).read_bytes()
    CHANGES["innovation name"](catalogue)

    def crash(self: AfterPages, site_dir: Path, poured: Any) -> None:
        assert len(list(site_dir.rglob("index.html"))) > 50  # pages made and linked
        raise RuntimeError("disk penuh")

    with monkeypatch.context() as patched:
        patched.setattr(AfterPages, "_list_record_pages", crash)
        with pytest.raises(RuntimeError, match="disk penuh"):
            build_site(catalogue, site, REPO / "mkdocs.yml")
    assert _tree(site) == before and manifest_path(site).read_bytes() == manifest

    _kill_a_build(catalogue, site)
    assert _tree(site) == before and manifest_path(site).read_bytes() == manifest

    assert _taken_over(build_site(catalogue, site, REPO / "mkdocs.yml")) > 0
    reference = tmp_path / "reference" / "site"
    build_site(catalogue, reference, REPO / "mkdocs.yml")
    _assert_same_site(site, reference)

    # The killed build's staging folder goes (in the background) and nothing comes back
    # into it: its side process ended with it.
    def others() -> set[str]:
        return {p.name for p in site.parent.iterdir()} - {"site", manifest_path(site).name}

    deadline = time.monotonic() + 60  # a loaded machine deletes slowly
    while others() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1)
    assert others() == set()


def _kill_a_build(catalogue: Path, site: Path) -> None:
    """Start a build into `site` and kill it once its staging folder holds record pages."""
    command = [sys.executable, "-m", "generator", "build", "--catalogue", str(catalogue)]
    build = subprocess.Popen(
        [*command, "--site-dir", str(site), "--config", str(REPO / "mkdocs.yml")],
        cwd=REPO,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and build.poll() is None:
        if list(site.parent.glob(".site-build-*/inovasi/inovasi-sintetis-*")):
            break
        time.sleep(0.005)
    assert build.poll() is None, "the build ended before it could be killed"
    build.send_signal(signal.SIGKILL)
    build.wait()


def test_pages_about_many_records_read_as_mkdocs_renders_them(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The later pages of listings and boards are poured into shells (`shells`), as record
    pages are, so that a build can take them over: each is the page MkDocs would render,
    byte for byte, at every depth, with a table of contents and without."""
    monkeypatch.setattr(paging, "PER_PAGE", 4)  # listings of several pages, boards too
    poured = tmp_path / "poured" / "site"
    build_site(small, poured, REPO / "mkdocs.yml", overrides=ADDRESSES)
    planned = {page.url for page in planned_pages(_site(small))}
    assert {url.count("/") for url in planned} >= {2, 3, 4, 5}
    assert any(url.startswith("kegiatan/") for url in planned)
    # The same pages rendered by MkDocs itself.
    monkeypatch.setattr(mkdocs_plugin, "planned_pages", lambda site: [])
    monkeypatch.setattr(mkdocs_plugin, "fixed_page_sources", site_page_sources)
    rendered = tmp_path / "rendered" / "site"
    build_site(small, rendered, REPO / "mkdocs.yml", overrides=ADDRESSES)
    ours, theirs = _tree(poured), _tree(rendered)
    assert sorted(ours) == sorted(theirs)
    for url in planned:
        assert ours[url + "index.html"] == theirs[url + "index.html"], url
    # The sitemap lists the same pages, those poured in their shells' place.
    sitemap = "sitemap.xml"
    assert sorted(ours[sitemap].splitlines()) == sorted(theirs[sitemap].splitlines())
    assert [p for p in ours if ours[p] != theirs[p] and not p.startswith(sitemap)] == []


def _site(folder: Path) -> Site:
    catalogue = read_catalogue(folder).catalogue
    assert catalogue is not None
    return Site(catalogue)


def test_pages_are_made_again_when_the_shells_differ(small: Path, tmp_path: Path) -> None:
    """The theme changed in a way the shared inputs missed: the pages linked from the last
    site are unlinked and made again, and the last site's files are never written to."""
    site = tmp_path / "out" / "site"
    build_site(small, site, REPO / "mkdocs.yml")
    manifest = manifest_path(site)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["cangkang"] = "lain"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    # The last site's pages, held from outside, with what they say.
    held = tmp_path / "held"
    held.mkdir()
    pages = sorted(site.rglob("index.html"))
    for number, page in enumerate(pages):
        os.link(page, held / str(number))
    before = {number: page.read_bytes() for number, page in enumerate(pages)}
    summary = build_site(small, site, REPO / "mkdocs.yml")
    assert _taken_over(summary) == 0
    assert {n: (held / str(n)).read_bytes() for n in before} == before
    reference = tmp_path / "reference" / "site"
    build_site(small, reference, REPO / "mkdocs.yml")
    _assert_same_site(site, reference)
