"""The browser harness itself: Chromium loads a page served from a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import serve_directory


def test_chromium_renders_a_served_page(browser: Any, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><title>Uji</title><p id="p">Halo</p>'
        "<script>document.getElementById('p').textContent = 'Halo, peramban';</script>",
        encoding="utf-8",
    )
    with serve_directory(tmp_path) as base:
        page = browser.new_page()
        page.goto(base + "/")
        assert page.title() == "Uji"
        assert page.text_content("#p") == "Halo, peramban"
        page.close()
