"""Property-based rendering (issue 10): valid records full of hostile-looking text, generated
by Hypothesis, go through the real loader and validator, every page source and every data
file; what comes out is well-formed, inert, and still says what the editor wrote."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markupsafe
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.utils import meta as mkdocs_meta

from generator.data.exports import build_date_for, write_exports
from generator.records.catalogue import Catalogue
from generator.records.validate import read_catalogue
from generator.site.pages import PageSource, page_sources

from .conftest import make_catalogue

# --- text an editor (or an attacker) could type ---------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>", "</script>", '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>", "]]>", "<![CDATA[", "<!--", "-->", "{{ 7*7 }}", "{% raw %}",
    "{# #}", "${7*7}", "&amp;", "&lt;b&gt;", "&#x3C;script&#x3E;",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[klik](javascript:alert(1))", "![x](data:text/html;base64,PHNjcmlwdD4=)",
    "<iframe src=//evil.example>", "<style>*{display:none}</style>", "<base href=//evil.example/>",
    "<meta http-equiv=refresh content=0;url=//evil.example>", "javascript:alert(1)",
    "data:text/html,<b>x</b>", "=HYPERLINK(\"http://evil.example\")", "+1", "-1", "@SUM(A1)",
    "\u202e", "\u200f", "\u200b", "\ufeff", "\u2028", "😀", "👨‍👩‍👧", "اَلْعَرَبِيَّةُ", "---", "...",
    "# judul", "* butir", "> kutip", "`kode`", "```", "| a | b |", "\\", "'", '"', "`", "%",
    "\t", "\x01", "\x1b[31m", "\x7f", "\x85", "\u0301", "\ufffe",
]  # fmt: skip
# Everything YAML can carry: no NUL and no lone surrogate (neither survives a UTF-8 file).
CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
LONG_WORDS = st.integers(min_value=60, max_value=400).map(lambda n: "Panjang" * (n // 7))
FRAGMENTS = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(CHARACTERS, min_size=1, max_size=20),
    st.sampled_from(["Layanan", "Dinas", "desa", "KTP", " ", "\n", "\n\n"]),
    LONG_WORDS,
)
MARKDOWN_FRAGMENTS = st.one_of(
    FRAGMENTS,
    st.sampled_from(["\n\n- ", "\n\n1. ", "\n\n## ", "\n\n```\n", "\n\n    ", "**", "_", "\n\n> "]),
    st.sampled_from(["[aman](https://contoh.go.id/a?b=1&c=2)", "<https://contoh.go.id>"]),
)


def text(max_size: int) -> st.SearchStrategy[str]:
    """Non-empty text of at most `max_size` characters (the schema's `maxLength`)."""
    return st.lists(FRAGMENTS, min_size=1, max_size=6).map(lambda parts: "".join(parts)[:max_size])


MARKDOWN = st.lists(MARKDOWN_FRAGMENTS, min_size=1, max_size=12).map(lambda p: "".join(p)[:20000])

# --- values with a shape --------------------------------------------------------------------

TODAY = dt.date.today()
LAST_YEAR = TODAY.year - 1
# Region codes of the national table, and profile files named by their region's slug.
REGION_CODES = ["61", "61.01", "61.04", "61.12", "61.71", "33.74", "11.01"]
PROFILES = {"61.04": "kabupaten-ketapang", "61.71": "kota-pontianak"}
SECTORS = ["kesehatan", "pendidikan", "administrasi-kependudukan"]  # tests/fixtures/base
STAGES = ["komitmen", "pendampingan", "rencana-aksi", "uji-coba", "implementasi", "evaluasi"]
SLUG_WORDS = st.from_regex(r"[a-z0-9]{1,10}", fullmatch=True)
URL_PATHS = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Z"), blacklist_characters="<>\"'`\\"),
    max_size=30,
)
URLS = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}.example/{path}",
    st.sampled_from(["http", "https"]),
    SLUG_WORDS,
    URL_PATHS,
)
EMAILS = st.builds(lambda a, b: f"{a}@{b}.go.id", SLUG_WORDS, SLUG_WORDS)
PHONES = st.from_regex(r"\+?[0-9][0-9 ()-]{5,20}", fullmatch=True)


def dates(first: dt.date) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=first, max_value=dt.date(LAST_YEAR, 12, 31))


def partial(day: dt.date, precision: int) -> str:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` of `day` (the format accepts all three)."""
    return day.isoformat()[: (4, 7, 10)[precision]]


PRECISION = st.integers(min_value=0, max_value=2)
DATES = st.builds(partial, dates(dt.date(1990, 1, 1)), PRECISION)


def optional(draw: Any, record: dict[str, Any], key: str, values: st.SearchStrategy[Any]) -> None:
    """Set `record[key]` or leave the key out, as Hypothesis decides."""
    if draw(st.booleans()):
        record[key] = draw(values)


def sources() -> st.SearchStrategy[list[dict[str, str]]]:
    source = st.fixed_dictionaries({"judul": text(300), "url": URLS}, optional={"tanggal": DATES})
    return st.lists(source, min_size=1, max_size=2)


@st.composite
def innovation(draw: Any, event_slug: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "nama": draw(text(150)),
        "wilayah": draw(st.sampled_from(REGION_CODES)),
        "instansi": draw(text(200)),
        "tahun": draw(st.integers(min_value=1990, max_value=LAST_YEAR)),
        "bidang": draw(st.sampled_from(SECTORS)),
        "jenis": draw(st.sampled_from(["digital", "non-digital"])),
        "tahap": draw(st.sampled_from(["inisiatif", "uji-coba", "penerapan"])),
        "ringkasan": draw(text(300)),
    }
    optional(draw, record, "kepanjangan", text(400))
    optional(draw, record, "tahun_pasti", st.booleans())
    optional(draw, record, "status", st.sampled_from(["aktif", "vakum", "dihentikan"]))
    for key in ("masalah", "solusi", "hasil", "syarat_replikasi", "catatan"):
        optional(draw, record, key, MARKDOWN)
    indicator = st.fixed_dictionaries(
        {"nama": text(200), "nilai": text(100)},
        optional={"satuan": text(50), "sebelum": text(100), "periode": text(100),
                  "sumber": text(2000)},
    )  # fmt: skip
    optional(draw, record, "indikator", st.lists(indicator, min_size=1, max_size=2))
    optional(draw, record, "dasar_hukum", st.lists(text(300), min_size=1, max_size=2))
    contact = st.fixed_dictionaries(
        {}, optional={"nama": text(150), "jabatan": text(200), "email": EMAILS, "telepon": PHONES}
    )
    optional(draw, record, "kontak", contact)
    link = st.fixed_dictionaries({"judul": text(200), "url": URLS})
    optional(draw, record, "tautan", st.lists(link, min_size=1, max_size=2))
    sdgs = st.lists(st.integers(min_value=1, max_value=17), min_size=1, max_size=3, unique=True)
    optional(draw, record, "sdgs", sdgs)
    optional(draw, record, "tag", st.lists(text(60), min_size=1, max_size=3))
    award = st.fixed_dictionaries(
        {"nama": text(300)},
        optional={"tahun": DATES, "pemberi": text(200), "kegiatan": st.just(event_slug)},
    )
    optional(draw, record, "penghargaan", st.lists(award, min_size=1, max_size=2))
    optional(draw, record, "sumber", sources())
    optional(draw, record, "diperbarui", DATES)
    return record


@st.composite
def replication(
    draw: Any, slug: str, owned: dict[str, Any], region: str, event_slug: str
) -> dict[str, Any]:
    """A replication of innovation `slug` (record `owned`) by `region`, with its stages in
    order, none dated before the innovation's year."""
    names = [name for name in STAGES if draw(st.booleans())] or ["komitmen"]
    if draw(st.booleans()):
        names.append("dibatalkan")
    days = sorted(
        draw(
            st.lists(dates(dt.date(owned["tahun"], 1, 1)), min_size=len(names), max_size=len(names))
        )
    )
    stages = []
    for name, day in zip(names, days, strict=True):
        stage: dict[str, Any] = {"tahap": name, "tanggal": partial(day, draw(PRECISION))}
        optional(draw, stage, "catatan", text(1000))
        stages.append(stage)
    record: dict[str, Any] = {
        "inovasi": slug,
        "wilayah": region,
        "instansi": draw(text(200)),
        "tahapan": stages,
    }
    optional(draw, record, "nama_lokal", text(150))
    optional(draw, record, "kegiatan", st.just(event_slug))
    for key in ("modifikasi", "hasil", "catatan"):
        optional(draw, record, key, MARKDOWN)
    optional(draw, record, "sumber", sources())
    return record


@st.composite
def event(draw: Any, innovation_slugs: list[str]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "nama": draw(text(300)),
        "jenis": draw(
            st.sampled_from(
                ["komitmen-replikasi", "kompetisi", "penetapan", "pendampingan", "lainnya"]
            )
        ),
        "tanggal": draw(DATES),
    }
    optional(draw, record, "tempat", text(300))
    optional(draw, record, "penyelenggara", st.sampled_from(REGION_CODES))
    optional(draw, record, "peserta", st.lists(st.sampled_from(REGION_CODES), unique=True))
    optional(draw, record, "dasar", st.lists(text(300), min_size=1, max_size=2))
    result = st.fixed_dictionaries(
        {"inovasi": st.sampled_from(innovation_slugs), "penghargaan": text(300)}
    )
    optional(draw, record, "hasil", st.lists(result, min_size=1, max_size=2))
    for key in ("uraian", "catatan"):
        optional(draw, record, key, MARKDOWN)
    optional(draw, record, "sumber", sources())
    return record


@st.composite
def profile(draw: Any) -> tuple[str, dict[str, Any]]:
    code = draw(st.sampled_from(sorted(PROFILES)))
    record: dict[str, Any] = {"kode": code}
    optional(draw, record, "nama", text(150))
    optional(draw, record, "ibu_kota", text(150))
    optional(draw, record, "situs", URLS)
    for key in ("uraian", "catatan"):
        optional(draw, record, key, MARKDOWN)
    optional(draw, record, "sumber", sources())
    return PROFILES[code], record


@st.composite
def catalogues(draw: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """Records to add to the test base catalogue, by kind and slug: one to three innovations
    (one with earlier slugs), replications between them, an event, maybe a region profile."""
    event_slug = "kegiatan-acak-" + draw(SLUG_WORDS)
    count = draw(st.integers(min_value=1, max_value=3))
    innovations = {
        f"inovasi-acak-{index}-{draw(SLUG_WORDS)}": draw(innovation(event_slug))
        for index in range(count)
    }
    first = next(iter(innovations))
    if draw(st.booleans()):
        innovations[first]["alias"] = [f"nama-lama-{draw(SLUG_WORDS)}"]
    replications = {}
    for index, (slug, record) in enumerate(innovations.items()):
        # A region replicates an innovation once, and never its own.
        others = [code for code in REGION_CODES if code != record["wilayah"]]
        regions = draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
        for number, region in enumerate(regions):
            made = draw(replication(slug, record, region, event_slug))
            replications[f"replikasi-acak-{index}-{number}"] = made
    records = {
        "inovasi": innovations,
        "replikasi": replications,
        "kegiatan": {event_slug: draw(event(list(innovations)))},
        "wilayah": {},
    }
    if draw(st.booleans()):
        slug, record = draw(profile())
        records["wilayah"][slug] = record
    return records


# --- what the output must be ----------------------------------------------------------------

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
SITE_SCRIPT = re.compile(r"^(\.\./)*assets/[a-z-]+\.js$")
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Balance(HTMLParser):
    """Fails on the first end tag that does not close the innermost open element: record text
    that escaped its element (a stray `</div>`, an unclosed `<p>`) shows up here."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.errors.append(f"</{tag}> inside {self.open[-3:]}")


def assert_well_formed(source: PageSource) -> BeautifulSoup:
    checker = _Balance()
    checker.feed(source.body)
    checker.close()
    assert not checker.errors, (source.url, checker.errors[:3])
    assert not checker.open, (source.url, checker.open)
    # Read back as MkDocs (and other engines) read front matter.
    _, front = mkdocs_meta.get_data(source.content)
    assert front["title"] == source.title, source.url
    return BeautifulSoup(source.body, "html.parser")


def _scheme_is_safe(value: str) -> bool:
    value = re.sub(r"[\x00-\x20]", "", value).lower()  # browsers ignore these in a scheme
    return re.match(r"^[a-z][a-z0-9+.-]*:", value) is None or value.startswith(SAFE_SCHEMES)


def assert_inert(source: PageSource, soup: BeautifulSoup) -> None:
    """Only the site's own scripts, no event handler, no script-bearing URL, no frame."""
    scripts = soup.find_all("script")
    assert source.body.lower().count("<script") == len(scripts), source.url
    for script in scripts:
        if script.get("src"):
            assert SITE_SCRIPT.match(script["src"]) and not script.string, (source.url, script)
        else:
            assert script.get("type") == "application/ld+json", (source.url, str(script)[:200])
            json.loads(script.string or "")
    for element in soup.find_all(True):
        # (The message, the element's markup, is only made when an assertion fails.)
        forbidden = element.name in ("iframe", "object", "embed", "base", "frame", "style")
        assert not forbidden, (source.url, str(element)[:200])
        assert not (element.name == "meta" and element.get("http-equiv")), source.url
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (source.url, str(element)[:200])
            if name.lower() in URL_ATTRIBUTES:
                assert _scheme_is_safe(str(value)), (source.url, str(element)[:200])


def heading(soup: BeautifulSoup) -> str:
    found = soup.find("h1")
    assert found is not None
    return visible(str(found.get_text()))


def visible(text: str) -> str:
    """Text as a heading shows it: HTML collapses runs of its (ASCII) white space."""
    return re.sub(r"[ \t\n\f\r]+", " ", text).strip(" ")


def assert_names_shown(catalogue: Catalogue, pages: dict[str, PageSource]) -> None:
    """Each record's name is the text of its page's heading, escaped in the markup."""
    shown = {}
    for slug, record in catalogue.innovations.items():
        shown[f"inovasi/{slug}/"] = record.nama
    for slug, event_record in catalogue.events.items():
        shown[f"kegiatan/{slug}/"] = event_record.nama
    for region in catalogue.profiles.values():
        if region.nama is not None:
            shown[f"wilayah/{region.slug}/"] = region.nama
    for url, name in shown.items():
        source = pages[url]
        assert heading(BeautifulSoup(source.body, "html.parser")) == visible(name), url
        # The heading holds the name escaped, as written by the template. (Elsewhere the same
        # characters may appear legitimately: a markdown field may say `<b>x</b>`, which the
        # sanitizer keeps, and the JSON-LD element ends with the site's own `</script>`.)
        # (A blank line in the name stands in the body as `&#10;`: see `pages`.)
        body = source.body.replace("&#10;", "\n")
        assert f"<h1>{markupsafe.escape(name)}</h1>" in body, url
        assert source.title == name


def _csv_text(path: Path) -> io.StringIO:
    """A CSV file as the csv module wants it: no newline translation (a cell may hold a CR)."""
    return io.StringIO(path.read_bytes().decode("utf-8"), newline="")


def assert_exports_hold_the_names(catalogue: Catalogue, site: Path) -> None:
    for slug, record in catalogue.innovations.items():
        twin = json.loads((site / "inovasi" / f"{slug}.json").read_text(encoding="utf-8"))
        assert twin["nama"] == record.nama
        assert twin["ringkasan"] == record.ringkasan
    for slug, event_record in catalogue.events.items():
        twin = json.loads((site / "kegiatan" / f"{slug}.json").read_text(encoding="utf-8"))
        assert twin["nama"] == event_record.nama
    for path in [*site.rglob("*.json"), *site.rglob("*.jsonld")]:
        json.loads(path.read_text(encoding="utf-8"))
    rows = list(csv.DictReader(_csv_text(site / "data" / "inovasi.csv")))
    names = {row["slug"]: row["nama"] for row in rows}
    for slug, record in catalogue.innovations.items():
        guarded = "'" + record.nama if record.nama.startswith(FORMULA_STARTS) else record.nama
        assert names[slug] == guarded, slug
    for table in (site / "data").glob("*.csv"):
        for row in csv.reader(_csv_text(table)):
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), (table.name, cell)


# --- the property -----------------------------------------------------------------------------

_BASE = Path(tempfile.mkdtemp(prefix="katalog-render-prop-")) / "catalogue"
make_catalogue(_BASE)


def _write(catalogue: Path, records: dict[str, dict[str, dict[str, Any]]]) -> None:
    for kind, by_slug in records.items():
        for slug, record in by_slug.items():
            text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
            if yaml.safe_load(text) != record:
                # PyYAML's emitter writes a trailing NEL (U+0085) inside single quotes, where
                # any YAML reader folds it: escape non-ASCII characters for such a record.
                text = yaml.safe_dump(record, allow_unicode=False, sort_keys=False)
            (catalogue / kind / f"{slug}.yml").write_text(text, encoding="utf-8")


# No shrinking: a failing example is reported as found (shrinking these catalogues took
# minutes); the examples are small already.
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(records=catalogues())
def test_generated_valid_records_render_inert_and_named(
    records: dict[str, dict[str, dict[str, Any]]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        catalogue_dir = Path(tmp) / "catalogue"
        shutil.copytree(_BASE, catalogue_dir)
        _write(catalogue_dir, records)
        result = read_catalogue(catalogue_dir)
        # A rejected record means the strategy made an invalid one: fix the strategy.
        assert [problem.format() for problem in result.problems] == []
        catalogue = result.catalogue
        assert catalogue is not None
        for slug, record in records["inovasi"].items():
            assert catalogue.innovations[slug].nama == record["nama"]  # YAML round trip

        pages = {source.url: source for source in page_sources(catalogue)}
        for slug in records["inovasi"]:
            assert f"inovasi/{slug}/" in pages
        for source in pages.values():
            assert_inert(source, assert_well_formed(source))
        assert_names_shown(catalogue, pages)

        site = Path(tmp) / "site"
        write_exports(catalogue, site, None, build_date_for(catalogue))
        assert_exports_hold_the_names(catalogue, site)
