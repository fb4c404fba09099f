"""The contribution form at /kontribusi/formulir/: an editor fills it in headless Chromium, and
the YAML it writes is a record the catalogue's validator accepts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs.build import build_site
from generator.records.loader import load_text
from generator.records.schema import SCHEMA_DIR, guide_for
from generator.records.settings import Identity
from generator.records.validate import read_catalogue

from .conftest import (
    REPO,
    REPOSITORY,
    make_catalogue,
    serve_directory,
    write_config,
    write_settings,
)

FORM_URL = "/kontribusi/formulir/"
FORM_JS = REPO / "docs" / "assets" / "formulir.js"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("formulir")
    catalogue = make_catalogue(root / "catalogue")
    write_settings(catalogue, f"repositori: {REPOSITORY}\n")
    build_site(catalogue, root / "site", write_config(root))
    return root / "site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_directory(site) as base:
        yield base


@pytest.fixture
def form(browser: Any, base_url: str) -> Iterator[Any]:
    """The form page, loaded, with the page's script errors collected."""
    page = browser.new_page(accept_downloads=True)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + FORM_URL)
    page.wait_for_selector("#f-inovasi-nama")
    yield page
    page.close()
    assert errors == []


def fill_innovation(page: Any) -> None:
    page.fill("#f-inovasi-nama", 'SIPANDAI "Uji": #1')
    page.fill("#f-inovasi-kepanjangan", "Sistem Pelayanan: Data # Terpadu")
    page.select_option("#f-inovasi-wilayah", "61.04")
    page.fill("#f-inovasi-instansi", "Dinas Kesehatan")
    page.fill("#f-inovasi-tahun", "2021")
    page.select_option("#f-inovasi-bidang", "kesehatan")
    page.select_option("#f-inovasi-jenis", "digital")
    page.select_option("#f-inovasi-tahap", "uji-coba")
    page.fill("#f-inovasi-ringkasan", "Warga mendaftar lewat aplikasi, antrean berkurang.")
    page.fill("#f-inovasi-solusi", "Warga mendaftar.\n\n- petugas: memanggil\n- </script> `kode`")
    page.fill("#f-inovasi-tag", "antrean, puskesmas")
    page.fill("#f-inovasi-sumber-1-judul", "Berita peluncuran")
    page.fill("#f-inovasi-sumber-1-url", "https://example.org/berita?id=1&x=2")
    page.fill("#f-inovasi-sumber-1-tanggal", "2021-03")
    page.click("#k-form-inovasi .k-tambah")
    page.fill("#f-inovasi-sumber-2-judul", "Profil dinas")
    page.fill("#f-inovasi-sumber-2-url", "https://example.org/profil")


def submit(page: Any, kind: str) -> None:
    page.click(f"#k-form-{kind} button[type=submit]")


def problems_after_adding(catalogue: Path, kind: str, slug: str, text: str) -> list[str]:
    (catalogue / kind / f"{slug}.yml").write_text(text, encoding="utf-8")
    return [problem.format() for problem in read_catalogue(catalogue).problems]


def test_innovation_filled_in_gives_a_record_validate_accepts(form: Any, tmp_path: Path) -> None:
    fill_innovation(form)
    assert form.input_value("#f-inovasi-slug") == "sipandai-uji-1-ketapang"
    submit(form, "inovasi")
    text = form.text_content("#k-yaml")
    assert text.startswith(
        "# yaml-language-server: $schema=../../generator/schemas/inovasi.schema.json\n"
    )
    assert 'wilayah: "61.04"  # Kabupaten Ketapang\n' in text
    catalogue = make_catalogue(tmp_path / "catalogue")
    assert problems_after_adding(catalogue, "inovasi", "sipandai-uji-1-ketapang", text) == []
    record = read_catalogue(catalogue)
    assert record.catalogue is not None
    innovation = record.catalogue.innovations["sipandai-uji-1-ketapang"]
    assert innovation.nama == 'SIPANDAI "Uji": #1'
    assert innovation.tahun == 2021
    assert innovation.solusi == "Warga mendaftar.\n\n- petugas: memanggil\n- </script> `kode`"
    assert innovation.tag == ("antrean", "puskesmas")
    assert [s.url for s in innovation.sumber] == [
        "https://example.org/berita?id=1&x=2",
        "https://example.org/profil",
    ]
    assert "lolos pemeriksaan" in form.text_content("#k-ringkasan-galat")


def test_replication_filled_in_gives_a_record_validate_accepts(form: Any, tmp_path: Path) -> None:
    form.check("#k-jenis-replikasi")
    assert form.is_hidden("#k-form-inovasi")
    form.select_option("#f-replikasi-inovasi", "uji-layanan-b")
    form.select_option("#f-replikasi-wilayah", "61.04")
    assert form.input_value("#f-replikasi-slug") == "uji-layanan-b-di-ketapang"
    form.fill("#f-replikasi-instansi", "Dinas Uji Ketapang")
    form.fill("#f-replikasi-nama_lokal", "Layanan B Ketapang")
    form.select_option("#f-replikasi-tahapan-1-tahap", "komitmen")
    form.fill("#f-replikasi-tahapan-1-tanggal", "2022-05-10")
    form.click("#k-form-replikasi .k-grup:has(#f-replikasi-tahapan-1) .k-tambah")
    form.select_option("#f-replikasi-tahapan-2-tahap", "uji-coba")
    form.fill("#f-replikasi-tahapan-2-tanggal", "2023")
    form.fill("#f-replikasi-tahapan-2-catatan", 'Uji coba di "dua" kecamatan')
    form.fill("#f-replikasi-modifikasi", "Formulir kertas\ntetap dilayani.")
    form.fill("#f-replikasi-sumber-1-judul", "Berita komitmen")
    form.fill("#f-replikasi-sumber-1-url", "https://example.org/komitmen")
    submit(form, "replikasi")
    text = form.text_content("#k-yaml")
    assert text.startswith(
        "# yaml-language-server: $schema=../../generator/schemas/replikasi.schema.json\n"
    )
    catalogue = make_catalogue(tmp_path / "catalogue")
    assert problems_after_adding(catalogue, "replikasi", "uji-layanan-b-di-ketapang", text) == []


def error_of(page: Any, field_id: str) -> str:
    control = page.locator(f"#{field_id}")
    assert control.get_attribute("aria-invalid") == "true", field_id
    assert f"{field_id}-galat" in (control.get_attribute("aria-describedby") or "").split()
    return str(page.text_content(f"#{field_id}-galat"))


def test_invalid_values_are_explained_next_to_their_fields(form: Any) -> None:
    fill_innovation(form)
    form.fill("#f-inovasi-nama", "")
    form.fill("#f-inovasi-ringkasan", "x" * 301)
    form.fill("#f-inovasi-sumber-1-url", "javascript:alert(1)")
    form.fill("#f-inovasi-tahun", "abc")
    assert "301/300 karakter: terlalu panjang" in form.text_content("#f-inovasi-ringkasan-hitungan")
    submit(form, "inovasi")
    assert error_of(form, "f-inovasi-nama") == "wajib diisi; isi bagian ini."
    assert error_of(form, "f-inovasi-ringkasan") == (
        "terlalu panjang: 301 karakter (batas 300); persingkat teksnya."
    )
    assert error_of(form, "f-inovasi-sumber-1-url") == (
        "teks javascript:alert(1) harus berupa alamat web lengkap yang diawali https:// "
        "atau http://."
    )
    assert error_of(form, "f-inovasi-tahun") == (
        "harus berupa bilangan bulat, bukan teks abc; tulis angka saja, misalnya 2021."
    )
    summary = form.locator("#k-ringkasan-galat")
    assert summary.get_attribute("role") == "alert"
    assert summary.locator("h2").text_content() == "Ada 5 isian yang perlu diperbaiki"
    items = summary.locator("li").all_text_contents()
    assert error_of(form, "f-inovasi-slug").startswith("wajib diisi")  # made from the name
    assert "Nama inovasi [nama]: wajib diisi; isi bagian ini" in items
    assert any(i.startswith("Sumber 1, alamat (url) [sumber.0.url]: teks") for i in items)
    assert form.is_hidden("#k-yaml")
    assert form.evaluate("document.activeElement.id") == "k-ringkasan-galat"
    # Corrected, the form clears the messages and writes the record.
    form.fill("#f-inovasi-nama", "SIPANDAI")
    form.fill("#f-inovasi-ringkasan", "Ringkas.")
    form.fill("#f-inovasi-sumber-1-url", "https://example.org/b")
    form.fill("#f-inovasi-tahun", "2021")
    submit(form, "inovasi")
    assert form.locator("[aria-invalid]").count() == 0
    assert form.is_visible("#k-yaml")


def test_rules_beyond_the_schema_are_checked(form: Any) -> None:
    form.check("#k-jenis-replikasi")
    form.select_option("#f-replikasi-inovasi", "uji-layanan-a")
    form.select_option("#f-replikasi-wilayah", "61.12")  # the owner itself
    form.fill("#f-replikasi-instansi", "Dinas")
    form.select_option("#f-replikasi-tahapan-1-tahap", "komitmen")
    form.fill("#f-replikasi-tahapan-1-tanggal", "2999-01")
    submit(form, "replikasi")
    assert "adalah pemilik inovasi `uji-layanan-a`".replace("`", "") in error_of(
        form, "f-replikasi-wilayah"
    )
    assert "ada di masa depan" in error_of(form, "f-replikasi-tahapan-1-tanggal")
    assert "wajib punya sumber" in error_of(form, "f-replikasi-sumber")
    form.fill("#f-replikasi-slug", "uji-a-di-ketapang")
    submit(form, "replikasi")
    assert "sudah dipakai oleh replikasi/uji-a-di-ketapang.yml" in error_of(
        form, "f-replikasi-slug"
    )


def test_download_gives_the_shown_yaml(form: Any) -> None:
    fill_innovation(form)
    submit(form, "inovasi")
    with form.expect_download() as info:
        form.click("#k-unduh")
    download = info.value
    assert download.suggested_filename == "sipandai-uji-1-ketapang.yml"
    assert Path(download.path()).read_text(encoding="utf-8") == form.text_content("#k-yaml")


def test_github_link_opens_a_new_file_with_the_record(form: Any) -> None:
    fill_innovation(form)
    submit(form, "inovasi")
    link = urlsplit(str(form.get_attribute("#k-github", "href")))
    assert f"{link.scheme}://{link.netloc}{link.path}" == (
        f"{REPOSITORY}/new/main/catalogue/inovasi"
    )
    query = parse_qs(link.query)
    assert query["filename"] == ["sipandai-uji-1-ketapang.yml"]
    assert query["value"] == [form.text_content("#k-yaml")]
    assert form.is_hidden("#k-github-belum")


def test_without_a_repository_address_the_github_button_is_explained(
    browser: Any, base_url: str, site: Path
) -> None:
    data = json.loads((site / "assets" / "formulir-data.json").read_text(encoding="utf-8"))
    data["github_new"] = ""
    page = browser.new_page()
    page.route("**/formulir-data.json", lambda route: route.fulfill(json=data))
    page.goto(base_url + FORM_URL)
    fill_innovation(page)
    submit(page, "inovasi")
    assert page.is_hidden("#k-github")
    assert "belum mengisi alamat repositori" in page.text_content("#k-github-belum")
    page.close()


def test_works_at_phone_width(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(base_url + FORM_URL)
    page.wait_for_selector("#f-inovasi-nama")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('#k-formulir input, #k-formulir select, "
        "#k-formulir textarea')].filter(c => c.labels.length === 0).map(c => c.id)"
    )
    assert unlabelled == []
    page.close()


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


def test_emitted_yaml_round_trips_hostile_strings(browser: Any) -> None:
    page = browser.new_page()
    page.set_content("<!doctype html><title>uji</title>")
    page.add_script_tag(path=str(FORM_JS))
    record = {"nama": "x", "masalah": "", "tag": [], "sumber": []}
    for index, text in enumerate(HOSTILE):
        record["masalah"] = text
        record["nama"] = text
        record["tag"] = [text, "biasa"]
        record["sumber"] = [{"judul": text, "url": "https://example.org/"}]
        emitted = page.evaluate(
            "r => KatalogFormulir.recordYaml(r, ['nama', 'masalah', 'tag', 'sumber'], '# awal')",
            record,
        )
        loaded = load_text(emitted, f"hostile-{index}.yml", guide_for("inovasi"))
        assert loaded.problems == [], emitted
        assert loaded.data is not None
        assert loaded.data.value == record, emitted
    page.close()


def test_slug_rule_is_the_generators(browser: Any) -> None:
    from generator.records.regions import slugify

    page = browser.new_page()
    page.set_content("<!doctype html><title>uji</title>")
    page.add_script_tag(path=str(FORM_JS))
    for text in ["SIPANDAI (contoh) Kubu Raya", "e-OPen 2.0!", "  --Ä Ketapang--  ", "ÉLAN vital"]:
        assert page.evaluate("t => KatalogFormulir.slugify(t)", text) == slugify(text)
    page.close()


def test_form_page_explains_itself_without_javascript(site: Path) -> None:
    soup = BeautifulSoup(
        (site / "kontribusi" / "formulir" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    noscript = soup.select_one("article noscript")
    assert noscript is not None
    text = noscript.get_text(" ", strip=True)
    assert "memerlukan JavaScript" in text
    assert "python -m generator new inovasi" in text
    assert noscript.select_one('a[href="../"]') is not None
    scripts = soup.select("article script")
    assert [s.get("src") for s in scripts] == ["../../assets/formulir.js"]
    assert all(not s.string for s in scripts)  # no inline script (`script-src 'self'`)
    guide = BeautifulSoup(
        (site / "kontribusi" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert guide.select_one('article a[href="formulir/"]') is not None


def test_form_data_carries_the_schemas_unchanged(site: Path) -> None:
    data = json.loads((site / "assets" / "formulir-data.json").read_text(encoding="utf-8"))
    for name in ("inovasi", "replikasi", "common"):
        file = f"{name}.schema.json"
        assert data["schemas"][file] == json.loads((SCHEMA_DIR / file).read_text("utf-8"))
    assert {"kode": "kesehatan", "nama": "Kesehatan"} in data["bidang"]
    assert {"kode": "61.04", "nama": "Kabupaten Ketapang", "provinsi": "Kalimantan Barat",
            "slug": "ketapang"} in data["wilayah"]  # fmt: skip
    assert [i["slug"] for i in data["inovasi"]] == ["uji-layanan-a", "uji-layanan-b"]
    assert data["github_new"] == "https://example.org/katalog/new/main"


def test_the_form_understands_every_keyword_the_schemas_use() -> None:
    listed = re.search(r"var SUPPORTED = \[(.*?)\];", FORM_JS.read_text("utf-8"), re.S)
    assert listed is not None
    supported = set(re.findall(r'"([^"]+)"', listed.group(1)))
    used: set[str] = set()

    def walk(node: Any, under_properties: bool = False) -> None:
        if isinstance(node, dict):
            if not under_properties:
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

    for name in ("inovasi", "replikasi", "common"):
        walk(json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8")))
    assert used - supported == set()


@pytest.mark.parametrize(
    ("repository", "branch", "new"),
    [
        ("https://github.com/o/r", None, "https://github.com/o/r/new/main"),
        ("https://github.com/o/r/", "terbit", "https://github.com/o/r/new/terbit"),
        ("https://github.com/o/r.git", "main", "https://github.com/o/r/new/main"),
        ("", "main", ""),
        (None, None, ""),
    ],
)
def test_new_file_address_follows_the_repository_and_branch(
    repository: str | None, branch: str | None, new: str
) -> None:
    """The form's "Buka di GitHub" and the edit links derive from one place: `katalog.yml`'s
    `repositori` and `cabang`."""
    assert Identity.of(None, repository, branch).new_file_base() == new
