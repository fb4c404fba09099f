"""The project's own scripts and style sheets, minified as the build copies them.

The sources stay readable in the repository (`docs/assets/*.js`, `*.css` and
`theme_overrides/assets/javascripts/*.js`); the site gets them without comments and
needless white space (rJSmin and rCSSmin: no renaming, so a minified script reads like its
source in a browser's tools). Material's own bundles (`*.min.js`, `*.min.css`) come
minified already. The Content-Security-Policy names no script hashes (`generator/site/csp.py`),
so nothing else follows the changed bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

_MINIFIERS: dict[str, Callable[[str], str]] = {
    ".js": rjsmin.jsmin,
    ".css": rcssmin.cssmin,
}


def minifier_for(path: str) -> Callable[[str], str] | None:
    """The minifier for a script or style sheet not minified yet, else None."""
    name = path.rsplit("/", 1)[-1]
    if ".min." in name:
        return None
    return _MINIFIERS.get(Path(name).suffix)


def minify_project_assets(files: Files, config: MkDocsConfig) -> list[File]:
    """Minify, in place, the scripts and style sheets that come from the docs folder and the
    theme's `custom_dir`; the files minified."""
    own_dirs = [Path(config.docs_dir).resolve()]
    if config.theme.custom_dir:
        own_dirs.append(Path(config.theme.custom_dir).resolve())
    minified = []
    for file in files:
        minify = minifier_for(file.src_uri)
        if minify is None or not _comes_from(file, own_dirs):
            continue
        file.content_string = minify(file.content_string)
        minified.append(file)
    return minified


def _comes_from(file: File, own_dirs: list[Path]) -> bool:
    if file.abs_src_path is None:  # generated in memory by a plugin
        return False
    source = Path(file.abs_src_path).resolve()
    return any(source.is_relative_to(folder) for folder in own_dirs)
