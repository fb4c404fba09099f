"""Every page of the shipped site is valid HTML (issue 21): the Nu HTML Checker, the W3C's
checker, finds no error on any of them. Its warnings are listed, not failed on: most are
about the Content-Security-Policy seen from `file:` addresses, which a web server does not
have.

The checker is `vnu.jar` from the npm package pinned in `tests/tools/` (`scripts/test.sh`
installs it there, and Java when it is missing). It runs once, in one Java process, over
every page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

VNU_JAR = Path(__file__).parent / "tools/node_modules/vnu-jar/build/dist/vnu.jar"

# A page the checker must reject, checked in the same run: proof that the run checked pages
# and that its report is read (Material's toggle as it was, `autocomplete` on a checkbox).
INVALID_PAGE = (
    '<!DOCTYPE html>\n<html lang="id"><head><title>Salah</title></head>\n'
    '<body><input type="checkbox" id="x" autocomplete="off"></body></html>\n'
)


def _java() -> str:
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("java")
    if not VNU_JAR.is_file():
        missing.append(str(VNU_JAR))
    if missing:
        reason = f"{', '.join(missing)} missing (scripts/test.sh installs them)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: the HTML check never skips in CI")
        pytest.skip(reason)
    assert java is not None
    return java


def check_pages(pages: list[Path]) -> list[dict[str, Any]]:
    """The checker's messages on `pages`, from one run."""
    java = _java()
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages: list[dict[str, Any]] = json.loads(result.stderr)["messages"]
    return messages


def _located(message: dict[str, Any], root: Path) -> str:
    url = message.get("url", "")
    path = url.removeprefix("file:")
    where = os.path.relpath(path, root) if path.startswith("/") else url
    line = message.get("lastLine", "?")
    column = message.get("firstColumn", message.get("lastColumn", "?"))
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{line}:{column}: {message['message']} [{extract}]"


def test_every_shipped_page_is_valid_html(shipped_site: Path, tmp_path: Path) -> None:
    pages = sorted(shipped_site.rglob("*.html"))
    assert len(pages) > 100, "the shipped site lost its pages"
    invalid = tmp_path / "invalid.html"
    invalid.write_text(INVALID_PAGE, encoding="utf-8")

    messages = check_pages([*pages, invalid])

    on_invalid = [m for m in messages if m.get("url", "").endswith("/invalid.html")]
    assert any(m["type"] == "error" for m in on_invalid), "the checker missed a known error"
    site_messages = [m for m in messages if m not in on_invalid]
    errors = [m for m in site_messages if m["type"] != "info"]
    warnings = Counter(m["message"].split("“")[0] for m in site_messages if m["type"] == "info")
    for text, count in warnings.most_common():
        print(f"warning ({count}x): {text}")
    located = "\n".join(_located(m, shipped_site) for m in errors)
    assert not errors, f"{len(errors)} HTML errors:\n{located}"
