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
) -> str:
    """Build the site from `catalogue_dir` into `site_dir`; return a one-line summary,
    after a line saying how to give the site its address when it has none. The catalogue is
    read inside `reading()` (the command line's process-wide settings for it); `overrides`
    are addresses that take the place of `katalog.yml`'s (`--site-url`, `--repo-url`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        raise BuildFailed([f"{config_file}: berkas konfigurasi MkDocs tidak ditemukan"])
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        plugin = config.plugins.get("katalog")
        if plugin is not None:
            plugin.config.catalogue = str(catalogue_dir.resolve())
            plugin.reading = reading
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
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(abort).splitlines()) from None
    except ConfigurationError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed([f"{config_file}: {error}"]) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, site_dir)
    hint = ""
    if plugin is not None:
        pages = plugin.pages_made  # walking a national site's 100,000 files took a second
        if plugin.identity is not None and plugin.identity.site_url is None:
            hint = NO_ADDRESS_HINT + "\n"
    else:
        pages = sum("index.html" in files for _, _, files in os.walk(site_dir))
    return f"{hint}Situs dibangun di {site_dir}: {pages} halaman."


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
