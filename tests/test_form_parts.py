"""The contribution form's parts on their own: the fields made from the schemas cover every key,
and the scripts' pure functions (YAML, slugs, dates and addresses as staff type them, the
e-mail link) run in headless Chromium without the page."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.editing.form_fields import FORM_KINDS, form_fields, label_of
from generator.records.loader import load_text
from generator.records.regions import slugify
from generator.records.schema import SCHEMA_DIR, guide_for

from .conftest import REPO

ASSETS = REPO / "docs" / "assets"
# The scripts that need no page, in the order the form page loads them.
PURE_SCRIPTS = ["formulir-dom.js", "formulir-yaml.js", "formulir-isian.js", "formulir-kirim.js"]


@pytest.fixture(scope="module")
def scripts(browser: Any) -> Any:
    page = browser.new_page()
    page.set_content("<!doctype html><title>uji</title>")
    for name in PURE_SCRIPTS:
        page.add_script_tag(path=str(ASSETS / name))
    yield page
    page.close()


def schema(kind: str) -> dict[str, Any]:
    return dict(json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text("utf-8")))


def nested_keys(node: dict[str, Any], prefix: str = "") -> set[str]:
    """Every property of a record schema as `key` or `key.sub` (items' and mappings' keys)."""
    keys = set()
    for key, prop in node.get("properties", {}).items():
        keys.add(prefix + key)
        inner = prop.get("items", prop)
        if "properties" in inner:
            keys |= nested_keys(inner, f"{prefix}{key}.")
    return keys


def field_keys(fields: list[dict[str, Any]], prefix: str = "") -> set[str]:
    keys = set()
    for field in fields:
        keys.add(prefix + field["key"])
        keys |= field_keys(field.get("fields", []), f"{prefix}{field['key']}.")
    return keys


@pytest.mark.parametrize("kind", FORM_KINDS)
def test_every_schema_property_has_a_labelled_form_field(kind: str) -> None:
    properties = nested_keys(schema(kind))
    properties |= {f"sumber.{k}" for k in ("judul", "url", "tanggal")}  # `$ref` to common
    assert field_keys(form_fields(kind)) == properties
    assert sorted(p for p in properties if label_of(kind, p) is None) == []


def test_the_form_offers_every_record_kind_of_the_catalogue() -> None:
    shipped = {p.name for p in (REPO / "catalogue").iterdir() if p.is_dir()} - {"referensi"}
    assert set(FORM_KINDS) == shipped


def test_the_form_understands_every_keyword_the_schemas_use() -> None:
    source = (ASSETS / "formulir-periksa.js").read_text("utf-8")
    listed = re.search(r"var SUPPORTED = \[(.*?)\];", source, re.S)
    assert listed is not None
    supported = set(re.findall(r'"([^"]+)"', listed.group(1)))
    used: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            used.update(node)
            for key, value in node.items():
                if key in ("properties", "$defs"):
                    for child in value.values():
                        walk(child)
                elif key != "enum":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for name in (*FORM_KINDS, "common"):
        walk(schema(name))
    assert used - supported == set()


HOSTILE = [
    'kutip "ganda" dan \\ garis miring',
    "titik dua: di tengah, # pagar",
    "- diawali tanda hubung",
    "baris satu\nbaris dua: nilai\n\n  menjorok # bukan komentar",
    "  diawali spasi\nlalu baris",
    "</script><script>alert(1)</script>",
    "tab\tdan kendali \u0007 \u2028 \ufeff akhir",
    "emoji 😀 dan 'tunggal'",
    "yes",
    "2021",
    "null",
    "{a: b}",
    "*alias &jangkar !tag %dir @ `",
]


def test_emitted_yaml_round_trips_hostile_strings(scripts: Any) -> None:
    record: dict[str, Any] = {}
    for index, text in enumerate(HOSTILE):
        record = {
            "nama": text,
            "masalah": text,
            "tag": [text, "biasa"],
            "kontak": {"nama": text, "alamat": "Jalan: 1"},
            "sdgs": [3, 16],
            "sumber": [{"judul": text, "url": "https://example.org/"}],
        }
        emitted = scripts.evaluate(
            "r => KatalogFormulir.recordYaml(r, ['nama', 'masalah', 'tag', 'sumber'], '# awal')",
            record,
        )
        loaded = load_text(emitted, f"hostile-{index}.yml", guide_for("inovasi"))
        assert loaded.problems == [], emitted
        assert loaded.data is not None
        assert loaded.data.value == record, emitted


def test_slug_rule_is_the_generators(scripts: Any) -> None:
    for text in ["SIPANDAI (contoh) Kubu Raya", "e-OPen 2.0!", "  --Ä Ketapang--  ", "ÉLAN vital"]:
        assert scripts.evaluate("t => KatalogFormulir.slugify(t)", text) == slugify(text)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12/03/2023", "2023-03-12"),  # Indonesian order: day, month, year
        ("12-03-2023", "2023-03-12"),
        ("12.03.2023", "2023-03-12"),
        ("1/2/2024", "2024-02-01"),
        ("29/02/2024", "2024-02-29"),
        ("2023/3/5", "2023-03-05"),
        ("03/2023", "2023-03"),
        ("12 Maret 2023", "2023-03-12"),
        ("Agustus 2021", "2021-08"),
        (" 2021-12 ", "2021-12"),
        ("2021", "2021"),
    ],
)
def test_dates_as_staff_type_them_become_the_formats(scripts: Any, typed: str, value: str) -> None:
    result = scripts.evaluate("t => KatalogFormulir.normaliseDate(t)", typed)
    assert result["value"] == value
    assert ("note" in result) == (typed.strip() != value)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("31/02/2023", "bukan tanggal yang ada di kalender"),
        ("29/02/2023", "bukan tanggal yang ada di kalender"),
        ("03/25/2023", "tidak ada bulan ke-25"),  # month first is not how dates are written here
        ("12/03/23", "tahunnya hanya dua angka"),
        ("13/2023", "tidak ada bulan ke-13"),
    ],
)
def test_ambiguous_or_impossible_dates_are_refused(scripts: Any, typed: str, problem: str) -> None:
    result = scripts.evaluate("t => KatalogFormulir.normaliseDate(t)", typed)
    assert "value" not in result
    assert problem in result["problem"] and result["hint"]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("example.org/berita?id=1", "https://example.org/berita?id=1"),
        ("www.kalbarprov.go.id", "https://www.kalbarprov.go.id"),
        ("//example.org/a", "https://example.org/a"),
        ("HTTPS://example.org", "https://example.org"),
        ("https://example.org", "https://example.org"),
        ("javascript:alert(1)", "javascript:alert(1)"),  # left for the schema to refuse
        ("dinas kesehatan", "dinas kesehatan"),
    ],
)
def test_web_addresses_get_their_scheme(scripts: Any, typed: str, value: str) -> None:
    assert scripts.evaluate("t => KatalogFormulir.normaliseUrl(t).value", typed) == value


def mailto(scripts: Any, body: str, limit: int | None = None) -> tuple[str, bool, str]:
    made = scripts.evaluate(
        "([b, l]) => KatalogFormulir.mailtoHref('biro@example.org', 'Catatan: uji', b, l)",
        [body, limit],
    )
    query = parse_qs(urlsplit(made["href"]).query, strict_parsing=True)
    return made["href"], made["cut"], query["body"][0]


def test_a_short_mail_body_is_whole(scripts: Any) -> None:
    href, cut, body = mailto(scripts, "satu: 1\ndua & tiga = 😀\n")
    assert not cut
    assert href.startswith("mailto:biro@example.org?subject=Catatan%3A%20uji&body=")
    assert body == "satu: 1\r\ndua & tiga = 😀"


@pytest.mark.parametrize("limit", [None, 300, 1000])
def test_a_long_mail_body_is_cut_at_a_line_with_a_note(scripts: Any, limit: int | None) -> None:
    lines = [f"baris {n}: “kutip” 😀 % & = ? #" for n in range(200)]
    href, cut, body = mailto(scripts, "\n".join(lines) + "\n", limit)
    assert cut
    assert len(href) <= (limit or 1800)
    assert len(href) > (limit or 1800) - 120  # cut near the limit, not far before it
    assert re.search(r"%(?![0-9A-F]{2})", href) is None
    kept, _, note = body.rpartition("\r\n\r\n")
    assert note == "# catatan terpotong; lampirkan berkas yang diunduh"
    assert kept.split("\r\n") == lines[: len(kept.split("\r\n"))]


def test_the_mail_subject_names_the_record(scripts: Any) -> None:
    subject = scripts.evaluate(
        "() => KatalogFormulir.subjectOf('wilayah', 'Kabupaten Sanggau', 'kabupaten-sanggau.yml')"
    )
    assert subject == "Catatan profil wilayah baru: Kabupaten Sanggau (kabupaten-sanggau.yml)"
    long = scripts.evaluate("() => KatalogFormulir.subjectOf('inovasi', 'x'.repeat(300), 'x.yml')")
    assert len(long) < 140 and long.endswith("... (x.yml)")
