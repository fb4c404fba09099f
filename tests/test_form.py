"""The contribution form at /kontribusi/formulir/: an editor fills it in headless Chromium for
each record kind, and the file it gives is a record the catalogue's validator accepts; the
result offers what the catalogue has configured (GitHub, the publisher's e-mail) and never
speaks of configuration. The scripts' parts on their own are in test_form_parts.py."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.editing.form_data import form_data
from generator.mkdocs.build import build_site
from generator.records.loader import load_text
from generator.records.schema import SCHEMA_DIR, guide_for
from generator.records.settings import Identity
from generator.records.validate import read_catalogue

from .conftest import (
    REPOSITORY,
    make_catalogue,
    serve_directory,
    write_config,
    write_settings,
)

FORM_URL = "/kontribusi/formulir/"
FORM_SCRIPTS = [
    "formulir-dom.js",
    "formulir-yaml.js",
    "formulir-isian.js",
    "formulir-periksa.js",
    "formulir-kirim.js",
    "formulir-wilayah.js",
    "formulir-kolom.js",
    "formulir.js",
]
PUBLISHER = {"nama": "Biro Uji", "email": "biro@example.org"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("formulir")
    catalogue = make_catalogue(root / "catalogue")
    write_settings(
        catalogue,
        f"""\
        provinsi: "61"
        repositori: {REPOSITORY}
        pengelola:
          nama: {PUBLISHER["nama"]}
          email: {PUBLISHER["email"]}
        """,
    )
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
    page.click("#f-inovasi-sumber .k-tambah")
    page.fill("#f-inovasi-sumber-2-judul", "Profil dinas")
    page.fill("#f-inovasi-sumber-2-url", "https://example.org/profil")


def submit(page: Any, kind: str) -> None:
    page.click(f"#k-form-{kind} button[type=submit]")


def problems_after_adding(catalogue: Path, kind: str, slug: str, text: str) -> list[str]:
    (catalogue / kind / f"{slug}.yml").write_text(text, encoding="utf-8")
    return [problem.format() for problem in read_catalogue(catalogue).problems]


def downloaded(page: Any) -> tuple[str, str]:
    """The file "Unduh berkas" gives: its name and text (the text shown on the page too)."""
    with page.expect_download() as info:
        page.click("#k-unduh")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text == page.text_content("#k-yaml")
    return info.value.suggested_filename, text


def accepted(tmp_path: Path, page: Any, kind: str, slug: str) -> Any:
    """The downloaded record, placed in a small catalogue: the validator finds no problem."""
    name, text = downloaded(page)
    assert name == f"{slug}.yml"
    catalogue = make_catalogue(tmp_path / "catalogue")
    assert problems_after_adding(catalogue, kind, slug, text) == [], text
    result = read_catalogue(catalogue)
    assert result.catalogue is not None
    return result.catalogue


def record_of(text: str, kind: str) -> Any:
    loaded = load_text(text, f"{kind}.yml", guide_for(kind))
    assert loaded.problems == [] and loaded.data is not None
    return loaded.data.value


def test_innovation_with_every_part_gives_a_record_validate_accepts(
    form: Any, tmp_path: Path
) -> None:
    fill_innovation(form)
    assert form.input_value("#f-inovasi-slug") == "sipandai-uji-1-ketapang"
    form.select_option("#f-inovasi-status", "aktif")
    form.fill("#f-inovasi-status_per", "12/03/2023")
    form.click("#f-inovasi-indikator .k-tambah")
    form.fill("#f-inovasi-indikator-1-nama", "Waktu tunggu")
    form.fill("#f-inovasi-indikator-1-nilai", "15")
    form.fill("#f-inovasi-indikator-1-satuan", "menit")
    form.fill("#f-inovasi-syarat_replikasi", "Perbup dan anggaran TI.")
    form.click("#f-inovasi-dasar_hukum .k-tambah")
    form.fill("#f-inovasi-dasar_hukum-1", "Perbup Ketapang Nomor 1 Tahun 2021, tentang Uji")
    form.fill("#f-inovasi-kontak-nama", "Petugas Uji")
    form.fill("#f-inovasi-kontak-email", "uji@example.org")
    form.fill("#f-inovasi-kontak-telepon", "+62 534 000000")
    form.fill("#f-inovasi-kontak-situs", "example.org/dinkes")
    form.click("#f-inovasi-tautan .k-tambah")
    form.fill("#f-inovasi-tautan-1-judul", "Aplikasi")
    form.fill("#f-inovasi-tautan-1-url", "www.example.org/app")
    form.check("#f-inovasi-sdgs-3")
    form.check("#f-inovasi-sdgs-16")
    form.click("#f-inovasi-penghargaan .k-tambah")
    form.fill("#f-inovasi-penghargaan-1-nama", "Top 45 Uji")
    form.fill("#f-inovasi-penghargaan-1-tahun", "Agustus 2021")
    form.select_option("#f-inovasi-penghargaan-1-kegiatan", "uji-komitmen")
    form.fill("#f-inovasi-diperbarui", "1.2.2024")
    form.fill("#f-inovasi-catatan", "Dua sumber berbeda soal tahun.")
    submit(form, "inovasi")
    assert "lolos pemeriksaan" in form.text_content("#k-ringkasan-galat")
    assert form.evaluate("document.activeElement.id") == "k-hasil-judul"
    catalogue = accepted(tmp_path, form, "inovasi", "sipandai-uji-1-ketapang")
    innovation = catalogue.innovations["sipandai-uji-1-ketapang"]
    assert innovation.nama == 'SIPANDAI "Uji": #1'
    assert innovation.solusi == "Warga mendaftar.\n\n- petugas: memanggil\n- </script> `kode`"
    assert innovation.tag == ("antrean", "puskesmas")
    record = record_of(form.text_content("#k-yaml"), "inovasi")
    assert 'wilayah: "61.04"  # Kabupaten Ketapang\n' in form.text_content("#k-yaml")
    assert record["status_per"] == "2023-03-12"  # typed day/month/year
    assert record["diperbarui"] == "2024-02-01"
    assert record["penghargaan"] == [
        {"nama": "Top 45 Uji", "tahun": "2021-08", "kegiatan": "uji-komitmen"}
    ]
    assert record["kontak"]["situs"] == "https://example.org/dinkes"  # `https://` added
    assert record["tautan"] == [{"judul": "Aplikasi", "url": "https://www.example.org/app"}]
    assert record["sdgs"] == [3, 16]
    assert record["dasar_hukum"] == ["Perbup Ketapang Nomor 1 Tahun 2021, tentang Uji"]
    assert record["indikator"] == [{"nama": "Waktu tunggu", "nilai": "15", "satuan": "menit"}]
    assert "jenis_pemilik" not in record and "lengkap" not in record  # defaults stay unwritten


def test_an_incomplete_record_of_another_owner_is_accepted(form: Any, tmp_path: Path) -> None:
    form.check("#f-inovasi-lengkap")
    form.select_option("#f-inovasi-jenis_pemilik", "perguruan-tinggi")
    assert form.is_hidden("label[for=f-inovasi-wilayah] .k-wajib")  # not required now
    form.fill("#f-inovasi-nama", "Klinik Uji Kampus")
    form.fill("#f-inovasi-instansi", "Universitas Uji")
    form.fill("#f-inovasi-ringkasan", "Layanan konsultasi hukum gratis bagi warga.")
    form.fill("#f-inovasi-sumber-1-judul", "Berita kampus")
    form.fill("#f-inovasi-sumber-1-url", "https://example.org/kampus")
    form.fill("#f-inovasi-slug", "klinik-uji-kampus")
    submit(form, "inovasi")
    catalogue = accepted(tmp_path, form, "inovasi", "klinik-uji-kampus")
    innovation = catalogue.innovations["klinik-uji-kampus"]
    assert innovation.lengkap is False and innovation.jenis_pemilik == "perguruan-tinggi"


def test_replication_filled_in_gives_a_record_validate_accepts(form: Any, tmp_path: Path) -> None:
    form.check("#k-jenis-replikasi")
    assert form.is_hidden("#k-form-inovasi")
    form.select_option("#f-replikasi-inovasi", "uji-layanan-b")
    form.fill("#f-replikasi-wilayah-cari", "ketapang")
    assert form.input_value("#f-replikasi-wilayah") == "61.04"
    assert form.input_value("#f-replikasi-slug") == "uji-layanan-b-di-ketapang"
    form.fill("#f-replikasi-instansi", "Dinas Uji Ketapang")
    form.fill("#f-replikasi-nama_lokal", "Layanan B Ketapang")
    form.select_option("#f-replikasi-kegiatan", "uji-komitmen")
    form.select_option("#f-replikasi-tahapan-1-tahap", "komitmen")
    form.fill("#f-replikasi-tahapan-1-tanggal", "10/05/2022")
    form.click("#f-replikasi-tahapan .k-tambah")
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
    catalogue = accepted(tmp_path, form, "replikasi", "uji-layanan-b-di-ketapang")
    replication = catalogue.replications["uji-layanan-b-di-ketapang"]
    assert replication.kegiatan == "uji-komitmen"
    assert [str(s.tanggal) for s in replication.tahapan] == ["2022-05-10", "2023"]


def test_event_filled_in_gives_a_record_validate_accepts(form: Any, tmp_path: Path) -> None:
    form.check("#k-jenis-kegiatan")
    form.fill("#f-kegiatan-nama", "Kompetisi Uji 2022")
    assert form.input_value("#f-kegiatan-slug") == "kompetisi-uji-2022"
    form.select_option("#f-kegiatan-jenis", "kompetisi")
    form.fill("#f-kegiatan-tanggal", "07.12.2022")
    form.fill("#f-kegiatan-tempat", "Pontianak")
    form.select_option("#f-kegiatan-penyelenggara", "61")
    form.click("#f-kegiatan-peserta .k-tambah")
    form.fill("#f-kegiatan-peserta-1-cari", "sambas")
    form.click("#f-kegiatan-peserta .k-tambah")
    form.select_option("#f-kegiatan-peserta-2", "61.04")
    form.click("#f-kegiatan-dasar .k-tambah")
    form.fill("#f-kegiatan-dasar-1", "Keputusan Gubernur Uji Nomor 1 Tahun 2022")
    form.click("#f-kegiatan-hasil .k-tambah")
    form.select_option("#f-kegiatan-hasil-1-inovasi", "uji-layanan-a")
    form.fill("#f-kegiatan-hasil-1-penghargaan", "Terbaik I")
    form.click("#f-kegiatan-inovasi .k-tambah")
    form.select_option("#f-kegiatan-inovasi-1", "uji-layanan-b")
    form.fill("#f-kegiatan-uraian", "Kompetisi inovasi tingkat provinsi.")
    form.fill("#f-kegiatan-sumber-1-judul", "Berita kompetisi")
    form.fill("#f-kegiatan-sumber-1-url", "example.org/kompetisi")
    submit(form, "kegiatan")
    text = form.text_content("#k-yaml")
    assert 'penyelenggara: "61"  # Provinsi Kalimantan Barat\n' in text
    assert '  - "61.01"  # Kabupaten Sambas\n' in text
    catalogue = accepted(tmp_path, form, "kegiatan", "kompetisi-uji-2022")
    event = catalogue.events["kompetisi-uji-2022"]
    assert event.peserta == ("61.01", "61.04")
    assert str(event.tanggal) == "2022-12-07"
    assert [s.url for s in event.sumber] == ["https://example.org/kompetisi"]


def test_region_profile_filled_in_gives_a_record_validate_accepts(
    form: Any, tmp_path: Path
) -> None:
    form.check("#k-jenis-wilayah")
    form.fill("#f-wilayah-kode-cari", "sanggau")
    assert form.input_value("#f-wilayah-kode") == "61.03"
    assert form.input_value("#f-wilayah-slug") == "kabupaten-sanggau"
    assert form.get_attribute("#f-wilayah-slug", "readonly") is not None
    form.fill("#f-wilayah-ibu_kota", "Sanggau")
    form.fill("#f-wilayah-situs", "sanggau.go.id")
    form.fill("#f-wilayah-uraian", "Kabupaten di perbatasan.")
    form.fill("#f-wilayah-sumber-1-judul", "Profil daerah")
    form.fill("#f-wilayah-sumber-1-url", "https://example.org/sanggau")
    submit(form, "wilayah")
    catalogue = accepted(tmp_path, form, "wilayah", "kabupaten-sanggau")
    assert catalogue.profiles["61.03"].situs == "https://sanggau.go.id"
    # A region that has a profile already is refused.
    form.fill("#f-wilayah-kode-cari", "kubu raya")
    submit(form, "wilayah")
    assert "sudah punya profil di wilayah/kabupaten-kubu-raya.yml" in error_of(
        form, "f-wilayah-kode"
    )


def test_every_field_of_every_kind_is_on_the_form_and_labelled(form: Any, site: Path) -> None:
    data = json.loads((site / "assets" / "formulir-data.json").read_text(encoding="utf-8"))
    for kind, fields in data["fields"].items():
        form.check(f"#k-jenis-{kind}")
        for add in form.locator(f"#k-form-{kind} .k-tambah").all():
            add.click()  # one row of every repeated field
        for field in fields:
            node = form.locator(f"#f-{kind}-{field['key']}")
            assert node.count() == 1, (kind, field["key"])
            names = node.evaluate(
                "n => n.tagName === 'FIELDSET' ? n.querySelector('legend').textContent"
                " : [...n.labels].map(l => l.textContent).join(' ')"
            )
            assert field["label"] in names, (kind, field["key"])
            for sub in field.get("fields", []):
                key, inner = field["key"], sub["key"]
                inner = f"#f-{kind}-{key}-{inner}, #f-{kind}-{key}-1-{inner}"
                assert form.locator(inner).first.evaluate("c => c.labels.length") == 1


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
    assert any(i.startswith("Sumber 1, alamat halaman (url) [sumber.0.url]: teks") for i in items)
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


def test_dates_typed_day_first_are_rewritten_and_impossible_ones_refused(form: Any) -> None:
    form.check("#k-jenis-kegiatan")
    form.fill("#f-kegiatan-tanggal", "12/03/2023")
    form.press("#f-kegiatan-tanggal", "Tab")
    assert form.input_value("#f-kegiatan-tanggal") == "2023-03-12"
    note = form.locator("#f-kegiatan-tanggal-diubah")
    assert (
        note.text_content() == "Tanggal 12/03/2023 ditulis sebagai 2023-03-12 (hari/bulan/tahun)."
    )
    assert "f-kegiatan-tanggal-diubah" in str(
        form.get_attribute("#f-kegiatan-tanggal", "aria-describedby")
    )
    form.fill("#f-kegiatan-tanggal", "31/02/2023")
    form.press("#f-kegiatan-tanggal", "Tab")
    assert "bukan tanggal yang ada di kalender" in error_of(form, "f-kegiatan-tanggal")
    form.fill("#f-kegiatan-tanggal", "12/03/23")
    submit(form, "kegiatan")
    assert "tahunnya hanya dua angka" in error_of(form, "f-kegiatan-tanggal")
    items = form.locator("#k-ringkasan-galat li").all_text_contents()
    assert sum("Tanggal kegiatan" in item for item in items) == 1  # one message, not two


def test_rules_beyond_the_schema_are_checked(form: Any) -> None:
    form.check("#k-jenis-replikasi")
    form.select_option("#f-replikasi-inovasi", "uji-layanan-a")
    form.select_option("#f-replikasi-wilayah", "61.12")  # the owner itself
    form.fill("#f-replikasi-instansi", "Dinas")
    form.select_option("#f-replikasi-tahapan-1-tahap", "komitmen")
    form.fill("#f-replikasi-tahapan-1-tanggal", "2999-01")
    submit(form, "replikasi")
    assert "adalah pemilik inovasi uji-layanan-a" in error_of(form, "f-replikasi-wilayah")
    assert "ada di masa depan" in error_of(form, "f-replikasi-tahapan-1-tanggal")
    assert "wajib punya sumber" in error_of(form, "f-replikasi-sumber")
    form.fill("#f-replikasi-slug", "uji-a-di-ketapang")
    submit(form, "replikasi")
    assert "sudah dipakai oleh replikasi/uji-a-di-ketapang.yml" in error_of(
        form, "f-replikasi-slug"
    )


def test_the_region_picker_searches_every_region_and_starts_at_home(form: Any) -> None:
    groups = form.eval_on_selector_all("#f-inovasi-wilayah optgroup", "g => g.map(x => x.label)")
    assert groups[0] == "Kalimantan Barat" and len(groups) > 30
    first = form.eval_on_selector_all("#f-inovasi-wilayah option", "o => o.map(x => x.value)")
    assert first[:3] == ["", "61", "61.01"]
    form.fill("#f-inovasi-wilayah-cari", "sambas")
    assert form.input_value("#f-inovasi-wilayah") == "61.01"
    assert form.text_content("#f-inovasi-wilayah-cocok") == "Dipilih: Kabupaten Sambas (61.01)."
    form.fill("#f-inovasi-wilayah-cari", "surabaya")  # any Indonesian region
    assert form.input_value("#f-inovasi-wilayah") == "35.78"
    form.fill("#f-inovasi-wilayah-cari", "kabupaten")
    assert form.input_value("#f-inovasi-wilayah") == ""  # many match: the editor chooses
    assert "wilayah cocok" in str(form.text_content("#f-inovasi-wilayah-cocok"))


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


def mail_of(page: Any) -> tuple[str, str, str, str]:
    href = str(page.get_attribute("#k-surel", "href"))
    link = urlsplit(href)
    assert link.scheme == "mailto"
    query = parse_qs(link.query, strict_parsing=True)
    return href, link.path, query["subject"][0], query["body"][0]


def test_the_mail_link_writes_to_the_publisher_with_the_record(form: Any) -> None:
    fill_innovation(form)
    submit(form, "inovasi")
    _, address, subject, body = mail_of(form)
    assert address == PUBLISHER["email"]
    assert subject == 'Catatan inovasi baru: SIPANDAI "Uji": #1 (sipandai-uji-1-ketapang.yml)'
    text = str(form.text_content("#k-yaml"))
    assert body == (
        "Catatan inovasi baru untuk katalog, berkas catalogue/inovasi/sipandai-uji-1-ketapang.yml:"
        "\r\n\r\n" + text.rstrip("\n").replace("\n", "\r\n")
    )
    steps = str(form.text_content("#k-langkah"))
    assert "Biro Uji (biro@example.org)" in steps and "terpotong" not in steps


def test_a_long_record_is_cut_in_the_mail_at_a_line_with_a_note(form: Any) -> None:
    fill_innovation(form)
    lines = [f"Baris {n}: warga dilayani cepat, tepat, dan ramah — “uji” 😀." for n in range(80)]
    form.fill("#f-inovasi-solusi", "\n".join(lines))
    submit(form, "inovasi")
    href, _, _, body = mail_of(form)
    assert 1500 < len(href) <= 1800
    assert re.search(r"%(?![0-9A-F]{2})", href) is None  # never a broken escape
    kept, _, note = body.rpartition("\r\n\r\n")
    assert note == "# catatan terpotong; lampirkan berkas yang diunduh"
    whole = (
        "Catatan inovasi baru untuk katalog, berkas catalogue/inovasi/sipandai-uji-1-ketapang.yml:"
        "\r\n\r\n" + str(form.text_content("#k-yaml")).replace("\n", "\r\n")
    )
    assert whole.startswith(kept + "\r\n")  # cut after a whole line
    assert "Baris 0:" in kept and "Baris 79:" not in kept
    assert "lampirkan berkas yang diunduh" in str(form.text_content("#k-langkah"))


def test_without_configuration_the_result_says_how_to_send_the_file(
    browser: Any, base_url: str, site: Path
) -> None:
    data = json.loads((site / "assets" / "formulir-data.json").read_text(encoding="utf-8"))
    data["github_new"] = ""
    data["pengelola"] = None
    page = browser.new_page()
    page.route("**/formulir-data.json", lambda route: route.fulfill(json=data))
    page.goto(base_url + FORM_URL)
    fill_innovation(page)
    submit(page, "inovasi")
    assert page.is_visible("#k-unduh")
    assert page.is_hidden("#k-github") and page.is_hidden("#k-surel")
    text = str(page.text_content(".k-formulir__hasil"))
    for word in ("repositori", "katalog.yml", "pengelola katalog belum", "pengelola.email"):
        assert word not in text
    guide = page.locator("#k-langkah a")
    assert guide.evaluate("a => a.href") == base_url + "/kontribusi/#jalan-a-tanpa-git"
    page.close()
    built = BeautifulSoup((site / "kontribusi" / "index.html").read_text("utf-8"), "html.parser")
    assert built.find(id="jalan-a-tanpa-git") is not None


@pytest.mark.parametrize("kind", ["inovasi", "replikasi", "kegiatan", "wilayah"])
def test_works_at_phone_width(browser: Any, base_url: str, kind: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(base_url + FORM_URL)
    page.wait_for_selector("#f-inovasi-nama")
    page.check(f"#k-jenis-{kind}")
    for add in page.locator(f"#k-form-{kind} .k-tambah").all():
        add.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('#k-formulir input, #k-formulir select, "
        "#k-formulir textarea')].filter(c => c.labels.length === 0).map(c => c.id)"
    )
    assert unlabelled == []
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
    assert [s.get("src") for s in scripts] == [f"../../assets/{n}" for n in FORM_SCRIPTS]
    assert all(s.has_attr("defer") for s in scripts)  # run in this order, after parsing
    assert all(not s.string for s in scripts)  # no inline script (`script-src 'self'`)
    for name in FORM_SCRIPTS:
        assert (site / "assets" / name).is_file()
    guide = BeautifulSoup(
        (site / "kontribusi" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert guide.select_one('article a[href="formulir/"]') is not None


def test_form_data_carries_the_schemas_unchanged(site: Path) -> None:
    data = json.loads((site / "assets" / "formulir-data.json").read_text(encoding="utf-8"))
    for name in ("inovasi", "replikasi", "kegiatan", "wilayah", "common"):
        file = f"{name}.schema.json"
        assert data["schemas"][file] == json.loads((SCHEMA_DIR / file).read_text("utf-8"))
    assert {"kode": "kesehatan", "nama": "Kesehatan"} in data["bidang"]
    assert {"kode": "61.04", "nama": "Kabupaten Ketapang", "provinsi": "Kalimantan Barat",
            "slug": "ketapang", "profil": "kabupaten-ketapang"} in data["wilayah"]  # fmt: skip
    assert [i["slug"] for i in data["inovasi"]] == ["uji-layanan-a", "uji-layanan-b"]
    assert data["kegiatan"] == [{"slug": "uji-komitmen", "nama": "Komitmen Uji"}]
    assert data["profil"] == [{"slug": "kabupaten-kubu-raya", "kode": "61.12"}]
    assert data["provinsi_utama"] == ["61"]
    assert data["github_new"] == "https://example.org/katalog/new/main"
    assert data["pengelola"] == PUBLISHER


def test_form_data_without_settings_offers_no_github_or_mail(tmp_path: Path) -> None:
    result = read_catalogue(make_catalogue(tmp_path / "catalogue"))
    assert result.catalogue is not None
    data = form_data(result.catalogue)
    assert data["github_new"] == "" and data["pengelola"] is None


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
