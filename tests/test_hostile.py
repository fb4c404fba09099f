"""Hostile records (issue 10): every case of `tests/hostile/` is either refused with a
located message or published inert. The browser half is `test_hostile_browser.py`."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.data.exports import build_date_for, export_files
from generator.records.validate import read_catalogue

from .conftest import make_catalogue
from .hostile.corpus import Case, hostile_site, inert_cases, rejected_cases

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster")
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("case", rejected_cases(), ids=lambda case: case.name)
def test_rejected_case_is_refused_with_a_located_message(tmp_path: Path, case: Case) -> None:
    catalogue = make_catalogue(tmp_path / "catalogue")
    target = case.place(catalogue)
    result = read_catalogue(catalogue)
    assert result.catalogue is None
    lines = [problem.format() for problem in result.problems]
    for problem in result.problems:
        assert Path(problem.path).resolve() == target.resolve(), lines
        assert problem.line >= 1 and problem.column >= 1
        assert re.match(r"^.+:\d+:\d+: error: \S", problem.format())
    for message in case.messages:
        assert any(message in line for line in lines), (message, lines)
    assert not Path("/tmp/katalog-pwned").exists()


@pytest.mark.parametrize("case", inert_cases(), ids=lambda case: case.name)
def test_inert_case_is_a_valid_record(tmp_path: Path, case: Case) -> None:
    catalogue = make_catalogue(tmp_path / "catalogue")
    case.place(catalogue)
    result = read_catalogue(catalogue)
    assert [p.format() for p in result.problems] == []


def test_a_symlinked_record_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "rahasia.yml"
    outside.write_text("nama: RAHASIA\n", encoding="utf-8")
    catalogue = make_catalogue(tmp_path / "catalogue")
    (catalogue / "inovasi" / "bocor.yml").symlink_to(outside)
    (catalogue / "inovasi" / "passwd.yml").symlink_to("/etc/passwd")
    result = read_catalogue(catalogue)
    lines = [problem.format() for problem in result.problems]
    assert len(lines) == 2, lines
    assert all("bukan tautan simbolik" in line for line in lines)
    assert not any("RAHASIA" in line or "root:x" in line for line in lines)


def test_a_symlinked_record_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "luar"
    outside.mkdir()
    catalogue = make_catalogue(tmp_path / "catalogue")
    os.rename(catalogue / "kegiatan", outside / "kegiatan")
    (catalogue / "kegiatan").symlink_to(outside / "kegiatan")
    lines = [problem.format() for problem in read_catalogue(catalogue).problems]
    assert any("folder `kegiatan/` tidak boleh berupa tautan simbolik" in line for line in lines)


def test_a_fifo_named_like_a_record_does_not_block(tmp_path: Path) -> None:
    catalogue = make_catalogue(tmp_path / "catalogue")
    os.mkfifo(catalogue / "inovasi" / "pipa.yml")
    lines = [problem.format() for problem in read_catalogue(catalogue).problems]
    assert any("pipa.yml:1:1: error: berkas catatan harus berkas biasa" in line for line in lines)


# --- the published site and data files of the inert cases ----------------------------------


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _scheme_is_safe(value: str) -> bool:
    value = value.strip().lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", value)
    return scheme is None or value.startswith(SAFE_SCHEMES)


def test_hostile_pages_hold_no_live_markup() -> None:
    _, site = hostile_site()
    pages = _html_pages(site)
    assert len(pages) > 20
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(raw, "html.parser")
        where = page.relative_to(site).as_posix()
        for script in soup.find_all("script"):
            if script.get("src"):
                assert not re.match(r"^([a-z]+:)?//", script["src"]), (where, script)
            else:
                assert script.get("type") in DATA_SCRIPT_TYPES, (where, str(script)[:200])
                json.loads(script.string or "null")
        # As many script elements as "<script" in the text: no payload opened one unseen.
        assert raw.lower().count("<script") == len(soup.find_all("script")), where
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                assert not name.lower().startswith("on"), (where, str(element)[:200])
                if name.lower() in URL_ATTRIBUTES:
                    assert _scheme_is_safe(str(value)), (where, str(element)[:200])
            assert element.name not in ("iframe", "object", "embed", "base", "frame"), where
            if element.name == "meta" and element.get("http-equiv", "").lower() == "refresh":
                target = element["content"].split("url=", 1)[-1]
                assert not re.match(r"^([a-z]+:)?//|^[a-z]+:", target.strip().lower()), where
            if element.name == "a" and re.match(r"^https?:", element.get("href", "")):
                assert "noopener" in element.get("rel", []) or not element.get("target")


def test_hostile_links_carry_noopener_noreferrer() -> None:
    _, site = hostile_site()
    soup = BeautifulSoup(
        (site / "inovasi" / "markdown-links" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    links = [a for a in soup.select("article a[href^='https://example.org/aman']")]
    assert links and all(set(a["rel"]) >= {"noopener", "noreferrer"} for a in links)
    assert soup.select("a[href^='mailto:a@example.org']")
    assert "window.__pwned" in soup.get_text()  # shown as text, not dropped silently


def _exports() -> dict[str, bytes]:
    catalogue_dir, _ = hostile_site()
    result = read_catalogue(catalogue_dir)
    assert result.catalogue is not None
    files = export_files(result.catalogue, None, build_date_for(result.catalogue))
    return {file.path: file.content for file in files}


def test_csv_cells_never_start_a_formula() -> None:
    tables = {path: content for path, content in _exports().items() if path.endswith(".csv")}
    assert tables
    seen_guarded = 0
    for path, content in tables.items():
        for row in csv.reader(io.StringIO(content.decode("utf-8"))):
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), (path, cell)
                seen_guarded += cell.startswith(("'=", "'+", "'-", "'@"))
    assert seen_guarded >= 5


def test_feed_and_json_exports_parse_and_hold_no_markup_break_out() -> None:
    exports = _exports()
    feed = [content for path, content in exports.items() if path.endswith(".xml")]
    assert feed
    for content in feed:
        root = ET.fromstring(content)
        assert not [e for e in root.iter() if e.tag.lower().endswith("script")]
    for path, content in exports.items():
        if path.endswith((".json", ".jsonld")):
            json.loads(content)


def test_jsonld_in_pages_cannot_end_its_script() -> None:
    catalogue_dir, _ = hostile_site()
    from generator.data.jsonld import jsonld_for

    result = read_catalogue(catalogue_dir)
    assert result.catalogue is not None
    catalogue = result.catalogue
    records = [
        *catalogue.innovations.values(),
        *catalogue.replications.values(),
        *catalogue.events.values(),
    ]
    for record in records:
        text = jsonld_for(catalogue, record)
        assert "<" not in text and ">" not in text, text[:200]
        json.loads(text)
