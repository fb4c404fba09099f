"""A whole-site build: MkDocs into a fresh folder beside the target, swapped in only when
every step succeeded, so a failed build leaves the last good site untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from generator.mkdocs.incremental import Manifest, Previous, manifest_path
from generator.mkdocs.publishing import NO_ADDRESS_HINT, Overrides


class BuildFailed(Exception):
    """The build stopped on a user's problem; `lines` are what to show them."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def build_site(
    catalogue_dir: Path,
    site_dir: Path,
    config_file: Path,
    reading: Callable[[], AbstractContextManager[None]] = nullcontext,
    overrides: Overrides | None = None,
    full: bool = False,
) -> str:
    """Build the site from `catalogue_dir` into `site_dir`; return a one-line summary,
    after a line saying how to give the site its address when it has none. The catalogue is
    read inside `reading()` (the command line's process-wide settings for it); `overrides`
    are addresses that take the place of `katalog.yml`'s (`--site-url`, `--repo-url`).

    The record pages whose inputs did not change since the last build into `site_dir` are
    taken over from it (`incremental`), unless `full`: the site is the same either way."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        raise BuildFailed([f"{config_file}: berkas konfigurasi MkDocs tidak ditemukan"])
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    removed = remove_dead_staging(site_dir.parent)
    manifest_file = manifest_path(site_dir)
    previous = None if full else _previous(site_dir, manifest_file)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=site_dir.parent))
    owner = _claim(staging)
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        plugin = config.plugins.get("katalog")
        if plugin is not None:
            plugin.config.catalogue = str(catalogue_dir.resolve())
            plugin.reading, plugin.previous = reading, previous
            plugin.overrides = overrides or Overrides()
        # As `mkdocs build` does: MkDocs keeps plugin instances that define on_startup for the
        # whole process, so without this a build after a `serve` in the same process would
        # still behave as serving (and show bad records on a page instead of stopping).
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort as abort:
        _give_up(staging, owner)
        raise BuildFailed(str(abort).splitlines()) from None
    except ConfigurationError as error:
        _give_up(staging, owner)
        raise BuildFailed([f"{config_file}: {error}"]) from None
    except BaseException:
        _give_up(staging, owner)
        raise
    # At every moment the manifest beside the site, when there is one, is that site's: the
    # old one goes before the swap, the new one comes after it.
    manifest_file.unlink(missing_ok=True)
    _swap_in(staging, site_dir)
    owner.unlink(missing_ok=True)
    if plugin is not None and plugin.reuse is not None:
        plugin.reuse.manifest().write(manifest_file)
    return _summary(site_dir, plugin, removed)


def _summary(site_dir: Path, plugin: Any, removed: list[str]) -> str:
    """What the build says when it is done: the dead staging folders it removed, how to give
    the site its address when it has none, and the pages it made and took over."""
    hint = "".join(f"{line}\n" for line in removed)
    reuse = plugin.reuse if plugin is not None else None
    if plugin is not None:
        pages = plugin.pages_made  # walking a national site's 100,000 files took a second
        if plugin.identity is not None and plugin.identity.site_url is None:
            hint += NO_ADDRESS_HINT + "\n"
    else:
        pages = sum("index.html" in files for _, _, files in os.walk(site_dir))
    taken = ""
    if reuse is not None and reuse.previous is not None:
        taken = f" ({reuse.linked} halaman catatan tidak berubah, diambil dari build sebelumnya)"
    return f"{hint}Situs dibangun di {site_dir}: {pages} halaman{taken}."


def _previous(site_dir: Path, manifest_file: Path) -> Previous | None:
    """The last build into `site_dir`, when its site and manifest are both there."""
    if not site_dir.is_dir():
        return None
    manifest = Manifest.read(manifest_file)
    return Previous(site_dir, manifest) if manifest is not None else None


STAGING_PREFIX = ".site-build-"
OWNER_SUFFIX = ".pemilik"
"""Beside each staging folder, a file naming the process that builds into it (`_claim`)."""


def _start_time(pid: int) -> str | None:
    """When the kernel started process `pid` (`/proc/<pid>/stat`'s 22nd field), where it
    tells: with it, a later process given the same number is not taken for this one."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _process_id() -> str:
    """This process, as `pid:start`, or `pid` where the start time is not known."""
    start = _start_time(os.getpid())
    return f"{os.getpid()}:{start}" if start else str(os.getpid())


def _alive(claim: str) -> bool:
    pid, _, start = claim.partition(":")
    if not pid.isdigit():
        return True  # not ours to judge: keep it
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    now = _start_time(int(pid))
    return not start or now is None or now == start


def _claim(staging: Path) -> Path:
    owner = staging.with_name(staging.name + OWNER_SUFFIX)
    owner.write_text(_process_id(), encoding="utf-8")
    return owner


def _give_up(staging: Path, owner: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    owner.unlink(missing_ok=True)


def remove_dead_staging(folder: Path) -> list[str]:
    """Remove the staging folders of builds that were killed before they could clean up (a
    power cut, a cancelled CI job): a gigabyte each for a national catalogue. Only a folder
    whose owner file names a process that no longer runs is proven dead; one without an owner
    file (an older build's, or one being created this instant) is left. Returns a line for
    each removed folder."""
    lines = []
    for owner in sorted(folder.glob(f"{STAGING_PREFIX}*{OWNER_SUFFIX}")):
        staging = owner.with_name(owner.name[: -len(OWNER_SUFFIX)])
        try:
            claim = owner.read_text(encoding="utf-8").strip()
        except OSError:
            continue
        if _alive(claim):
            continue
        if staging.is_dir():
            _delete_in_background(staging)
        owner.unlink(missing_ok=True)
        pid = claim.partition(":")[0]
        lines.append(
            f"Folder build yang terhenti dihapus: {staging} (proses {pid} sudah tidak berjalan)."
        )
    return lines


def _swap_in(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `staging` with two renames; the old site is removed last."""
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old-{staging.name}")
        site_dir.rename(old)
    staging.rename(site_dir)
    staging_parent_mode = 0o755
    site_dir.chmod(staging_parent_mode)
    if old is not None:
        _delete_in_background(old)


def _delete_in_background(folder: Path) -> None:
    """Delete the replaced site in a process of its own that the build does not wait for: the
    site of a national catalogue is a gigabyte in a hundred thousand files (ten seconds to
    delete here), and the new site is already in place."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)", folder],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
