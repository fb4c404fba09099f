"""Escaping on the paths a record rarely takes, with fixed hostile examples (the random ones
of `test_render_properties.py` reach them only sometimes; `test_hostile.py` checks that no
markup is live but not that the text is still shown, and never reaches these paths):

- the plain-text fallback of `render_markdown`, taken when a line of a markdown field starts
  more than `MAX_BLOCK_PREFIX` characters deep in quote and list markers, in every markdown
  field of every record kind;
- an indicator's `sumber`, free text that becomes a link only when it is a web, mail or phone
  address (`safe_url`): `javascript:`, `data:` and `vbscript:` must stay text;
- text that reaches HTML elsewhere: awards, competition results, contact, links, sources,
  stage notes, the redirect page at an innovation's earlier slug, the search index;
- URL fields when the validator is bypassed (the pages must not rely on the schema alone).

Every payload carries a marker element (`<b class="x-FIELD">`) and a script that names its
field: the published page must hold neither as an element, and must show both as text.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

# The only internal imports of this file (update them here when the package is reorganised).
from generator.cli import main
from generator.records.validate import read_catalogue
from generator.site.markdown import MAX_BLOCK_PREFIX, render_markdown, safe_url
from generator.site.pages import page_sources

from .conftest import REPO, make_catalogue

BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "poster")


def payload(field: str) -> str:
    """Markup that must reach the page as text: a marker element and a script."""
    return f'<b class="x-{field}">{field}</b><script>__pwned("{field}")</script>'


def deep(field: str) -> str:
    """A markdown line nested past the guard, so `render_markdown` takes its plain-text
    fallback; the payload follows the markers."""
    return "> " * (MAX_BLOCK_PREFIX // 2 + 4) + payload(field)


def _block(text: str) -> str:
    """`text` as a YAML block scalar value (after `key:`)."""
    return "|\n  " + text + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


DEEP_FIELDS = {
    "inovasi": ["masalah", "solusi", "hasil", "syarat_replikasi", "catatan"],
    "replikasi": ["modifikasi", "hasil", "catatan"],
    "kegiatan": ["uraian", "catatan"],
    "wilayah": ["uraian", "catatan"],
}

# Indicator sources: (indicator name, source as written); only the last is a real address.
INDICATOR_SOURCES = [
    ("Indikator js", "javascript:alert(1)"),
    ("Indikator JS besar", "JaVaScRiPt:alert(2)"),
    ("Indikator spasi", "  javascript:alert(3)"),
    ("Indikator data", 'data:text/html,<script>window.__pwned="indikator"</script>'),
    ("Indikator data64", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    ("Indikator vbs", "vbscript:msgbox(1)"),
    ("Indikator aman", "https://example.org/indikator?a=1&b=2"),
]
EMAIL = "a'b&c@example.org"  # valid for the schema; quote and ampersand must stay escaped


def _deep_keys(kind: str) -> str:
    return "".join(f"{key}: {_block(deep(f'{kind}-{key}'))}" for key in DEEP_FIELDS[kind])


def _innovation() -> str:
    indicators = "".join(
        f'  - nama: {name}\n    nilai: "{index}"\n    sumber: {_quoted(source)}\n'
        for index, (name, source) in enumerate(INDICATOR_SOURCES, start=1)
    )
    return (
        f"nama: {_quoted('Nama ' + payload('nama'))}\n"
        'wilayah: "61.12"\n'
        f"instansi: {_quoted(payload('instansi'))}\n"
        "tahun: 2020\n"
        "bidang: kesehatan\n"
        "jenis: digital\n"
        "tahap: penerapan\n"
        f"ringkasan: {_quoted(payload('ringkasan'))}\n"
        "alias: [uji-hostil-lama]\n"
        f"{_deep_keys('inovasi')}"
        f"indikator:\n{indicators}"
        "kontak:\n"
        f"  nama: {_quoted(payload('kontak-nama'))}\n"
        f"  jabatan: {_quoted(payload('kontak-jabatan'))}\n"
        f"  email: {_quoted(EMAIL)}\n"
        "penghargaan:\n"
        f"  - nama: {_quoted(payload('penghargaan-nama'))}\n"
        '    tahun: "2021"\n'
        f"    pemberi: {_quoted(payload('penghargaan-pemberi'))}\n"
        "tautan:\n"
        f"  - judul: {_quoted(payload('tautan-judul'))}\n"
        "    url: https://example.org/tautan?a=1&b=2\n"
        f"dasar_hukum: [{_quoted(payload('dasar-hukum'))}]\n"
        f"tag: [{_quoted(payload('tag'))}]\n"
        "sumber:\n"
        f"  - judul: {_quoted(payload('sumber-judul'))}\n"
        "    url: https://example.org/sumber?a=1&b=2\n"
    )


def _replication() -> str:
    return (
        "inovasi: uji-hostil\n"
        'wilayah: "61.04"\n'
        f"instansi: {_quoted(payload('replikasi-instansi'))}\n"
        f"nama_lokal: {_quoted(payload('nama-lokal'))}\n"
        "kegiatan: uji-lomba\n"
        "tahapan:\n"
        "  - tahap: komitmen\n"
        '    tanggal: "2021-12-07"\n'
        f"    catatan: {_quoted(payload('tahap-catatan'))}\n"
        f"{_deep_keys('replikasi')}"
    )


def _event() -> str:
    return (
        f"nama: {_quoted('Lomba ' + payload('kegiatan-nama'))}\n"
        "jenis: kompetisi\n"
        'tanggal: "2022-08-17"\n'
        f"tempat: {_quoted(payload('tempat'))}\n"
        'penyelenggara: "61"\n'
        'peserta: ["61.04", "61.12"]\n'
        f"dasar: [{_quoted(payload('dasar'))}]\n"
        "hasil:\n"
        "  - inovasi: uji-hostil\n"
        f"    penghargaan: {_quoted(payload('hasil-penghargaan'))}\n"
        f"{_deep_keys('kegiatan')}"
    )


def _profile() -> str:
    return (
        'kode: "61.12"\n'
        f"ibu_kota: {_quoted(payload('ibu-kota'))}\n"
        "situs: https://example.org/profil?a=1&b=2\n"
        f"{_deep_keys('wilayah')}"
    )


def hostile_catalogue(target: Path) -> Path:
    catalogue = make_catalogue(target)
    records = {
        "inovasi/uji-hostil.yml": _innovation(),
        "replikasi/uji-hostil-di-ketapang.yml": _replication(),
        "kegiatan/uji-lomba.yml": _event(),
        "wilayah/kabupaten-kubu-raya.yml": _profile(),
    }
    for name, text in records.items():
        (catalogue / name).write_text(text, encoding="utf-8")
    return catalogue


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The hostile catalogue and the site `build` made of it (one build for the module)."""
    root = tmp_path_factory.mktemp("escaping")
    catalogue = hostile_catalogue(root / "catalogue")
    site = root / "site"
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--catalogue", str(catalogue),
            "--site-dir", str(site),
            "--config", str(REPO / "mkdocs.yml"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    yield catalogue, site
    shutil.rmtree(root, ignore_errors=True)


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _article(soup: BeautifulSoup) -> BeautifulSoup:
    found = soup.select_one("article")
    assert found is not None
    return found


def _text(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


def _scheme_of(value: str) -> str:
    """A URL as a browser reads its scheme, stricter: browsers drop leading white space and
    control characters, and tabs and newlines anywhere; this drops every one of them."""
    return re.sub(r"[\x00-\x20]", "", value).lower()


def assert_inert(soup: BeautifulSoup, where: str) -> None:
    """No marker element, no record script, no script-bearing URL."""
    for element in soup.find_all(True):
        classes = element.get("class") or []
        assert not [c for c in classes if c.startswith("x-")], (where, str(element)[:200])
        if element.name == "script" and element.get("type") in DATA_SCRIPT_TYPES:
            # record text inside JSON data is expected, but it must not be able to end the
            # element (no "<" at all) and must stay one JSON document
            assert "<" not in (element.string or ""), (where, str(element)[:200])
            json.loads(element.string or "null")
        elif element.name == "script":
            assert "__pwned" not in (element.string or ""), (where, str(element)[:200])
            assert "alert(" not in (element.string or ""), (where, str(element)[:200])
        for name in URL_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                assert not _scheme_of(str(value)).startswith(BAD_SCHEMES), (where, str(element))


def shown(field: str) -> str:
    """How a payload reads on the page: its markup as text."""
    return " ".join(payload(field).split())


# --- the whole site -----------------------------------------------------------------------


def test_no_page_of_the_site_holds_live_record_markup(built: tuple[Path, Path]) -> None:
    _, site = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(raw, "html.parser")
        assert_inert(soup, path.relative_to(site).as_posix())
        # every "<script" in the file is an element the parser saw: none hides in a comment
        # or an attribute that a browser would read differently
        assert raw.lower().count("<script") == len(soup.find_all("script")), path


@pytest.mark.parametrize(
    ("page", "kind"),
    [
        ("inovasi/uji-hostil", "inovasi"),
        ("replikasi/uji-hostil-di-ketapang", "replikasi"),
        ("kegiatan/uji-lomba", "kegiatan"),
        ("wilayah/kabupaten-kubu-raya", "wilayah"),
    ],
)
def test_plain_text_fallback_shows_the_markup_as_text(
    built: tuple[Path, Path], page: str, kind: str
) -> None:
    """The fallback was taken (the quote markers are still there as text, not blockquotes)
    and the payload after them is text too."""
    _, site = built
    article = _article(_page(site, page))
    text = _text(article)
    for key in DEEP_FIELDS[kind]:
        field = f"{kind}-{key}"
        assert " ".join(deep(field).split()) in text, field
    assert_inert(article, page)


def test_the_fallback_of_a_replication_also_on_its_innovation_page(
    built: tuple[Path, Path],
) -> None:
    _, site = built
    text = _text(_article(_page(site, "inovasi/uji-hostil")))
    assert " ".join(deep("replikasi-modifikasi").split()) in text


def test_indicator_sources_that_are_not_web_addresses_stay_text(
    built: tuple[Path, Path],
) -> None:
    _, site = built
    article = _article(_page(site, "inovasi/uji-hostil"))
    items = {
        item.select_one(".k-indicator__name").get_text(): item
        for item in article.select(".k-indicators li")
    }
    assert sorted(items) == sorted(name for name, _ in INDICATOR_SOURCES)
    for name, source in INDICATOR_SOURCES[:-1]:
        item = items[name]
        assert item.find("a") is None, (name, str(item))
        assert f"sumber: {' '.join(source.split())}" in _text(item), (name, str(item))
    name, source = INDICATOR_SOURCES[-1]
    links = items[name].find_all("a")
    assert [(a["href"], a.get_text()) for a in links] == [(source, "sumber")]
    assert set(links[0]["rel"]) == {"noopener", "noreferrer"}


def test_innovation_text_fields_are_shown_escaped(built: tuple[Path, Path]) -> None:
    _, site = built
    soup = _page(site, "inovasi/uji-hostil")
    article = _article(soup)
    text = _text(article)
    assert article.h1.get_text() == "Nama " + payload("nama")
    assert soup.title.get_text().startswith("Nama " + payload("nama"))
    for field in (
        "instansi", "ringkasan", "kontak-nama", "kontak-jabatan", "penghargaan-nama",
        "penghargaan-pemberi", "tautan-judul", "dasar-hukum", "tag", "sumber-judul",
        "hasil-penghargaan",  # the competition result, listed with the awards
    ):  # fmt: skip
        assert shown(field) in text, field
    email = article.select_one("a[href^='mailto:']")
    assert email is not None and (email["href"], email.get_text()) == (f"mailto:{EMAIL}", EMAIL)
    raw = (site / "inovasi" / "uji-hostil" / "index.html").read_text(encoding="utf-8")
    assert EMAIL not in raw  # the quote and the ampersand are escaped in the markup
    hrefs = {a.get_text(): a["href"] for a in article.select("a[href^='https:']")}
    assert hrefs[payload("tautan-judul")] == "https://example.org/tautan?a=1&b=2"
    assert hrefs[payload("sumber-judul")] == "https://example.org/sumber?a=1&b=2"


def test_replication_event_and_region_text_are_shown_escaped(built: tuple[Path, Path]) -> None:
    _, site = built
    replication = _text(_article(_page(site, "replikasi/uji-hostil-di-ketapang")))
    for field in ("replikasi-instansi", "nama-lokal", "tahap-catatan"):
        assert shown(field) in replication, field
    event = _article(_page(site, "kegiatan/uji-lomba"))
    assert event.h1.get_text() == "Lomba " + payload("kegiatan-nama")
    for field in ("tempat", "dasar", "hasil-penghargaan"):
        assert shown(field) in _text(event), field
    region = _article(_page(site, "wilayah/kabupaten-kubu-raya"))
    assert shown("ibu-kota") in _text(region)
    site_link = region.select_one("a[href^='https://example.org/profil']")
    assert site_link is not None and site_link["href"] == "https://example.org/profil?a=1&b=2"


def test_the_page_at_an_earlier_slug_shows_the_name_as_text(built: tuple[Path, Path]) -> None:
    _, site = built
    soup = _page(site, "inovasi/uji-hostil-lama")
    assert_inert(soup, "inovasi/uji-hostil-lama")
    assert shown("nama") in _text(soup)
    assert [a["href"] for a in soup.select("article a[href]")] == ["../../inovasi/uji-hostil/"]
    refresh = soup.select_one('meta[http-equiv="refresh"]')
    assert refresh is not None and refresh["content"] == "0; url=../../inovasi/uji-hostil/"
    assert soup.title.get_text().startswith("Nama " + payload("nama"))


def _fragments(site: Path) -> list[dict[str, object]]:
    """Pagefind's stored page fragments (gzip, a signature, then JSON)."""
    fragments = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        fragments.append(json.loads(data[data.index(b"{") :]))
    return fragments


def test_the_search_index_holds_the_markup_as_words(built: tuple[Path, Path]) -> None:
    """The index document of a record is HTML: its text must be escaped there, or Pagefind
    would read the payload as elements (and drop the script's words)."""
    _, site = built
    fragments = _fragments(site)
    innovation = [f for f in fragments if str(f.get("url", "")).endswith("uji-hostil/")]
    assert len(innovation) == 1, [f.get("url") for f in fragments]
    content = str(innovation[0]["content"])
    title = str(innovation[0]["meta"]["title"])  # type: ignore[index]
    assert '__pwned("nama")' in title
    for field in ("ringkasan", "instansi", "tag", "inovasi-masalah"):
        assert f'__pwned("{field}")' in content, (field, content[:500])


# --- URL fields when the validator is bypassed --------------------------------------------

HOSTILE_URLS = [
    "javascript:alert(1)",
    " JavaScript:alert(2)",
    "data:text/html,<script>alert(3)</script>",
    "vbscript:msgbox(4)",
    "//evil.example/x",
]


def test_pages_do_not_rely_on_the_schema_for_urls(catalogue_dir: Path) -> None:
    """Records that the schema would refuse, put straight into the model: every URL field
    still becomes text or no link at all, never a live `javascript:`/`data:` link."""
    record = catalogue_dir / "inovasi" / "uji-layanan-a.yml"
    record.write_text(
        record.read_text(encoding="utf-8")
        + "sumber:\n  - judul: Sumber uji\n    url: https://example.org/sumber\n",
        encoding="utf-8",
    )
    catalogue = read_catalogue(catalogue_dir).catalogue
    assert catalogue is not None
    template = catalogue.innovations["uji-layanan-a"].sumber[0]
    sources = tuple(replace(template, judul=f"sumber {url}", url=url) for url in HOSTILE_URLS)
    innovations = [
        replace(
            innovation,
            tautan=tuple((f"tautan {url}", url) for url in HOSTILE_URLS),
            sumber=sources,
            kontak={"email": '"><script>alert(5)</script>', "telepon": "javascript:1"},
        )
        for innovation in catalogue.innovations.values()
    ]
    bypassed = type(catalogue)(
        regions=catalogue.regions,
        sectors=list(catalogue.sectors.values()),
        profiles=[replace(p, situs=HOSTILE_URLS[0]) for p in catalogue.profiles.values()],
        innovations=innovations,
        replications=[replace(r, sumber=sources) for r in catalogue.replications.values()],
        events=[replace(e, sumber=sources) for e in catalogue.events.values()],
    )
    pages = {source.path: source for source in page_sources(bypassed)}
    assert len(pages) > 10
    for path, source in pages.items():
        soup = BeautifulSoup(source.body, "html.parser")
        assert_inert(soup, path)
        for anchor in soup.find_all("a", href=True):
            assert not _scheme_of(anchor["href"]).startswith("//"), (path, str(anchor))
    for path in (
        "inovasi/uji-layanan-a/index.md",
        "replikasi/uji-a-di-ketapang/index.md",
        "kegiatan/uji-komitmen/index.md",
    ):
        text = _text(BeautifulSoup(pages[path].body, "html.parser"))
        for url in HOSTILE_URLS:  # the titles are still shown, as text
            assert f"sumber {' '.join(url.split())}" in text, (path, url)
    innovation = _text(BeautifulSoup(pages["inovasi/uji-layanan-a/index.md"].body, "html.parser"))
    assert "tautan javascript:alert(1)" in innovation
    assert '"><script>alert(5)</script>' in innovation


# --- render_markdown's fallback, directly -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        deep("langsung"),
        "- " * (MAX_BLOCK_PREFIX // 2 + 1) + "<script>alert(1)</script>",
        " " * (MAX_BLOCK_PREFIX + 1) + "x\n<img src=x onerror=alert(1)>",
        "1. " * (MAX_BLOCK_PREFIX // 3 + 1) + '<a href="javascript:alert(1)">x</a> & "q"',
    ],
    ids=["quotes", "list-markers", "indent", "ordered-markers"],
)
def test_render_markdown_fallback_escapes_fixed_examples(text: str) -> None:
    html = str(render_markdown(text))
    assert html.startswith("<p>") and html.endswith("</p>")
    soup = BeautifulSoup(html, "html.parser")
    assert [element.name for element in soup.find_all(True)] == ["p"], html
    assert soup.p.get_text() == text


def test_render_markdown_below_the_guard_still_renders_markdown() -> None:
    """The control: one level less deep is Markdown (quotes become blockquotes)."""
    shallow = "> " * (MAX_BLOCK_PREFIX // 2 - 1) + "teks"
    assert "<blockquote>" in str(render_markdown(shallow))


@pytest.mark.parametrize("url", [*HOSTILE_URLS, "data:image/png;base64,AAAA", "\tjavascript:x"])
def test_safe_url_refuses_script_bearing_addresses(url: str) -> None:
    assert safe_url(url) is None
