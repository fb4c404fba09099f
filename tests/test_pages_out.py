"""`pages --out DIR` writes page sources "for other MkDocs-compatible engines": here they are
built by plain MkDocs with mkdocs-material, without the katalog plugin, with `--strict`.

What the sources cannot bring along is what the katalog plugin and the project's own `docs/`
add to a real build: the data files (each record's JSON twin, `data/`), the site's scripts and
styles (`assets/`), the search index (`pagefind/`) and the hand-written pages (`tentang/`,
`kontribusi/`). Links to those stay dangling in a plain build (MkDocs does not check links
inside raw HTML, so `--strict` passes); every link from one generated page to another
resolves.

Python-Markdown (MkDocs) reads an HTML block to its closing tag even across blank lines; a
CommonMark engine ends the block at the first blank line. So each body is also run through
CommonMark (cmark-gfm), which must give it back unchanged.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import cmarkgfm
import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner
from cmarkgfm.cmark import Options

from generator.cli import main

from .conftest import make_catalogue

# Link targets that only the katalog plugin or the project's docs/ provide (see above).
PLUGIN_ONLY = ("assets/", "data/", "pagefind/", "tentang/", "kontribusi/")
MINIMAL_CONFIG = """\
site_name: Katalog uji tanpa plugin
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
  language: id
"""


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The base catalogue's page sources, and the site plain MkDocs built from them."""
    root = tmp_path_factory.mktemp("pages-out")
    catalogue = make_catalogue(root / "catalogue")
    docs = root / "sumber"
    written = CliRunner().invoke(main, ["pages", "--catalogue", str(catalogue), "--out", str(docs)])
    assert written.exit_code == 0, written.output
    config = root / "mkdocs.yml"
    config.write_text(MINIMAL_CONFIG.format(docs=docs, site=root / "site"), encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)],
        capture_output=True, text=True, check=False, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    return docs, root / "site", written.stderr


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_pages_reports_how_many_sources_it_wrote(plain_site: tuple[Path, Path, str]) -> None:
    docs, _, message = plain_site
    count = len(list(docs.rglob("*.md")))
    assert count > 20
    assert message.strip() == f"{count} sumber halaman ditulis ke {docs}."
    assert {p.suffix for p in docs.rglob("*") if p.is_file()} == {".md"}


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("inovasi/uji-layanan-a", "UJI-A"),
        ("inovasi/uji-layanan-b", "UJI-B"),
        ("kegiatan/uji-komitmen", "Komitmen Uji"),
        ("wilayah/kabupaten-kubu-raya", "Kabupaten Kubu Raya"),
    ],
)
def test_record_pages_exist_with_their_names(
    plain_site: tuple[Path, Path, str], path: str, name: str
) -> None:
    _, site, _ = plain_site
    soup = _page(site, path)
    assert soup.title is not None and soup.title.get_text().startswith(f"{name} - ")
    article = soup.select_one("article")
    assert article is not None
    assert [h1.get_text(strip=True) for h1 in article.find_all("h1")] == [name]


def test_the_body_is_passed_through_as_html(plain_site: tuple[Path, Path, str]) -> None:
    """The body is one HTML block: no Markdown engine wraps it in a paragraph or escapes it."""
    _, site, _ = plain_site
    article = _page(site, "inovasi/uji-layanan-a").select_one("article")
    assert article is not None
    block = article.select_one("div.k-page.k-innovation")
    assert block is not None and block.parent is article
    assert "&lt;div" not in str(article) and "<p><div" not in str(article)
    owner = block.select_one(".k-facts a")
    assert owner is not None and owner["href"] == "../../wilayah/kabupaten-kubu-raya/"
    replication = _page(site, "inovasi/uji-layanan-a").select_one("svg.k-chart")
    assert replication is not None  # the replication timeline survives as inline SVG


def test_links_between_generated_pages_resolve(plain_site: tuple[Path, Path, str]) -> None:
    _, site, _ = plain_site
    dangling: set[str] = set()
    for html_file in site.rglob("*.html"):
        article = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").article
        if article is None:
            continue
        for tag in article.select("a[href], script[src], img[src], link[href]"):
            parts = urlsplit(str(tag.get("href") or tag.get("src")))
            if parts.scheme or parts.netloc or not parts.path:
                continue
            resolved = (html_file.parent / unquote(parts.path)).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                dangling.add(resolved.relative_to(site.resolve()).as_posix())
    provided_elsewhere = {
        target
        for target in dangling
        if f"{target}/".startswith(PLUGIN_ONLY)
        or (target.endswith(".json") and target.count("/") == 1)  # a record's JSON twin
    }
    assert dangling - provided_elsewhere == set()
    assert "inovasi/uji-layanan-a.json" in dangling  # the twins come from the plugin only


def test_a_commonmark_engine_passes_every_body_through(
    plain_site: tuple[Path, Path, str],
) -> None:
    docs, _, _ = plain_site
    changed = []
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("---\n"), path
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        assert isinstance(meta, dict) and meta["title"], path
        rendered = cmarkgfm.markdown_to_html(body, options=Options.CMARK_OPT_UNSAFE)
        if rendered.strip() != body.strip():
            changed.append(path.relative_to(docs).as_posix())
    assert changed == []
