"""A page source's body has no blank line (it would end a Markdown HTML block), yet keeps the
text of a record's preformatted block exactly, blank lines included."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.records.validate import read_catalogue
from generator.site.pages import page_sources

from .conftest import make_catalogue

CODE = "baris 1\n\nbaris 3\n   \nbaris 5\n"


def test_blank_lines_in_a_code_block_survive_exactly(tmp_path: Path) -> None:
    folder = make_catalogue(tmp_path / "catalogue")
    record = folder / "inovasi" / "uji-layanan-a.yml"
    fenced = "".join(
        f"  {line}\n" if line.strip() else "\n" for line in ["```", *CODE.splitlines(), "```"]
    )
    record.write_text(record.read_text(encoding="utf-8") + "solusi: |\n" + fenced, encoding="utf-8")
    result = read_catalogue(folder)
    assert result.catalogue is not None, [p.format() for p in result.problems]
    source = next(
        s for s in page_sources(result.catalogue) if s.path == "inovasi/uji-layanan-a/index.md"
    )
    assert "\n\n" not in source.body and "\n \n" not in source.body
    pre = BeautifulSoup(source.body, "html.parser").select_one("pre")
    assert pre is not None
    assert pre.get_text() == CODE.replace("\n   \n", "\n\n")
