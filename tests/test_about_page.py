"""The publisher on `/tentang/` (`generator/site/about_page.py`): from `katalog.yml`'s
`pengelola`, escaped, with a `mailto:` link; a plain sentence without it. Without a build,
then the real page source and settings read by the validator."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.records.settings import Identity, Publisher
from generator.records.validate import read_catalogue
from generator.site.about_page import PUBLISHER_MARK, about_page_markdown, mailto, tel

from .conftest import REPO, write_settings

PAGE = f"# Tentang\n\n## Pengelola\n\n{PUBLISHER_MARK}\n\n## Lisensi\n"
PUBLISHER = Publisher(
    "Biro Organisasi Setda", "biro@example.go.id", "+62 (561) 736-541", "Jl. Ahmad Yani, Pontianak"
)


def _html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "html.parser")


def test_the_publisher_is_named_with_a_mailto_and_a_tel_link() -> None:
    text = about_page_markdown(PAGE, Identity.of(None, None, publisher=PUBLISHER))
    assert PUBLISHER_MARK not in text and "belum diisi" not in text
    block = _html(text).select_one("dl.pengelola")
    assert block is not None
    rows = dict(zip([t.get_text() for t in block("dt")], block("dd"), strict=True))
    assert list(rows) == ["Nama", "Surel", "Telepon", "Alamat"]
    assert rows["Nama"].get_text() == "Biro Organisasi Setda"
    assert rows["Surel"].a["href"] == "mailto:biro@example.go.id"  # type: ignore[index]
    assert rows["Surel"].get_text() == "biro@example.go.id"
    assert rows["Telepon"].a["href"] == "tel:+62561736541"  # type: ignore[index]
    assert rows["Telepon"].get_text() == "+62 (561) 736-541"
    assert rows["Alamat"].get_text() == "Jl. Ahmad Yani, Pontianak"


def test_telephone_and_address_are_optional() -> None:
    publisher = Publisher("Biro Uji", "biro@example.org")
    block = _html(about_page_markdown(PAGE, Identity(publisher=publisher))).select_one("dl")
    assert block is not None
    assert [t.get_text() for t in block("dt")] == ["Nama", "Surel"]


def test_hostile_values_are_escaped() -> None:
    hostile = Publisher(
        '<script>alert("x")</script> & *Biro* [x](javascript:alert(1))',
        "o'brien&co@example.org",
        None,
        '<img src=x onerror="alert(1)">',
    )
    text = about_page_markdown(PAGE, Identity(publisher=hostile))
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *Biro*" in text
    soup = _html(text)
    dd = soup.select("dl.pengelola dd")
    assert dd[0].get_text() == hostile.nama
    assert dd[2].get_text() == hostile.alamat
    link = soup.select_one("dl.pengelola a")
    assert link is not None and link["href"] == "mailto:o%27brien%26co@example.org"
    assert link.get_text() == "o'brien&co@example.org"
    assert 'href="mailto:o%27brien%26co@example.org"' in text


def test_links_carry_only_what_a_link_may() -> None:
    assert mailto("a.b+c@d.go.id") == "mailto:a.b+c@d.go.id"
    assert tel("0561 (736) 541") == "tel:0561736541"


def test_without_a_publisher_the_page_says_so_and_points_to_the_issues() -> None:
    identity = Identity.of(None, "https://github.com/contoh/katalog/")
    text = about_page_markdown(PAGE, identity)
    assert PUBLISHER_MARK not in text and "<dl" not in text
    assert "Kontak pengelola katalog ini belum diisi" in text
    link = _html(text).select_one("a")
    assert link is not None and link["href"] == "https://github.com/contoh/katalog/issues"


def test_without_a_publisher_or_a_repository_it_points_to_the_contribution_page() -> None:
    text = about_page_markdown(PAGE, Identity())
    assert "Kontak pengelola katalog ini belum diisi" in text
    assert "[halaman Kontribusi](kontribusi.md)" in text
    assert "<a " not in text


def test_the_publisher_comes_from_katalog_yml(catalogue_dir: Path) -> None:
    write_settings(
        catalogue_dir,
        """
        pengelola:
          nama: 'Biro "Uji" & <Co>'
          email: biro@example.org
        """,
    )
    result = read_catalogue(catalogue_dir)
    assert result.problems == [] and result.catalogue is not None
    catalogue = result.catalogue
    page = (REPO / "docs" / "tentang.md").read_text(encoding="utf-8")
    assert page.count(PUBLISHER_MARK) == 1
    text = about_page_markdown(page, catalogue.identity)
    assert "Biro &quot;Uji&quot; &amp; &lt;Co&gt;" in text
    assert '<a href="mailto:biro@example.org">biro@example.org</a>' in text


def test_the_shipped_catalogue_invents_no_publisher() -> None:
    result = read_catalogue(REPO / "catalogue")
    assert result.problems == [] and result.catalogue is not None
    catalogue = result.catalogue
    assert catalogue.identity.publisher is None
    page = (REPO / "docs" / "tentang.md").read_text(encoding="utf-8")
    text = about_page_markdown(page, catalogue.identity)
    assert "belum diisi" in text and "kontribusi.md" in text
