"""The project's own scripts and style sheets reach the site minified (issue 21), while their
sources stay readable in the repository; Material's bundles are copied as they come. The
browser tests run the minified scripts; here Node.js also parses each one."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from generator.mkdocs.assets import minifier_for

from .conftest import REPO

# Each source folder of the project's assets, and where the build puts its files.
OWN_ASSETS = {
    REPO / "docs" / "assets": "assets",
    REPO / "theme_overrides" / "assets" / "javascripts": "assets/javascripts",
}


def own_assets(site: Path) -> list[tuple[Path, Path]]:
    """Each of the project's scripts and style sheets, with its copy in the built site."""
    pairs = []
    for folder, target in OWN_ASSETS.items():
        for source in sorted(folder.iterdir()):
            if source.suffix in (".js", ".css"):
                pairs.append((source, site / target / source.name))
    return pairs


def test_only_sources_not_minified_yet_are_minified() -> None:
    assert minifier_for("assets/cari.js") is not None
    assert minifier_for("assets/katalog.css") is not None
    assert minifier_for("assets/javascripts/bundle.a5f9d56c.min.js") is None
    assert minifier_for("assets/stylesheets/main.57a0d79d.min.css") is None
    assert minifier_for("assets/formulir-data.json") is None


def test_the_site_gets_smaller_copies_without_comments(shipped_site: Path) -> None:
    pairs = own_assets(shipped_site)
    assert len(pairs) >= 8, pairs
    for source, built in pairs:
        text = source.read_text(encoding="utf-8")
        minified = built.read_text(encoding="utf-8")
        assert len(minified) < len(text), f"{built.name} is not smaller than its source"
        first_comment = next(
            line.strip()
            for line in text.splitlines()
            if line.lstrip().startswith(("//", "/*")) and len(line.strip()) > 3
        )
        assert first_comment not in minified, f"{built.name} kept a comment"


def test_material_bundles_are_copied_unchanged(shipped_site: Path) -> None:
    material_assets = Path(material.__file__).parent / "templates" / "assets"
    bundles = sorted((shipped_site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert bundles, "Material's bundle is missing"
    for bundle in bundles:
        original = material_assets / "javascripts" / bundle.name
        assert bundle.read_bytes() == original.read_bytes()


def test_the_minified_scripts_still_parse(shipped_site: Path) -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is missing: CI has it (scripts/test.sh runs npm)")
        pytest.skip("node is missing")
    scripts = [built for _, built in own_assets(shipped_site) if built.suffix == ".js"]
    for script in scripts:
        result = subprocess.run(
            [node, "--check", str(script)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{script.name}: {result.stderr}"
