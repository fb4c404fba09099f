"""`impor`: an office's workbook or CSV files become validated records, and back.

Tiny workbooks are made with openpyxl as an editor's Excel would store them (numbers, dates,
formulas); every problem must be located at its cell, and nothing written when one row fails.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.data.exports import export_files
from generator.data.tables import TABLES
from generator.editing.importing import import_tables
from generator.records.validate import read_catalogue

from .conftest import REPO

BUILD_DATE = dt.date(2026, 1, 1)
INNOVATION_HEADER = [c.name for c in TABLES[0].columns]
GOOD = {
    "nama": "SI-IMPOR",
    "wilayah_kode": "61.04",
    "instansi": "Dinas Uji Impor",
    "tahun": 2021,
    "bidang_kode": "kesehatan",
    "jenis": "digital",
    "tahap": "penerapan",
    "ringkasan": "Inovasi uji yang dibaca dari lembar kerja.",
}


def workbook(path: Path, sheets: dict[str, list[dict[str, Any]]]) -> Path:
    """A workbook with one sheet per kind, the tables' full header, and the given rows."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        header = next(t for t in TABLES if t.name == name).columns
        sheet = book.create_sheet(name)
        sheet.append([c.name for c in header])
        for row in rows:
            sheet.append([row.get(c.name) for c in header])
    book.save(path)
    return path


def files_of(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.yml"))
    }


def column(name: str) -> str:
    return openpyxl.utils.get_column_letter(INNOVATION_HEADER.index(name) + 1)


def test_export_then_import_into_an_empty_folder_gives_the_same_catalogue(
    tmp_path: Path,
) -> None:
    shipped = read_catalogue(REPO / "catalogue").catalogue
    assert shipped is not None
    exported = {f.path: f.content for f in export_files(shipped, None, BUILD_DATE)}
    book = tmp_path / "katalog.xlsx"
    book.write_bytes(exported["data/katalog.xlsx"])
    empty = tmp_path / "kosong"
    shutil.copytree(REPO / "catalogue" / "referensi", empty / "referensi")
    shutil.copy(REPO / "catalogue" / "katalog.yml", empty / "katalog.yml")

    result = import_tables([book], empty)

    assert result.problems == [] and result.written
    kinds = ("inovasi", "replikasi", "wilayah", "kegiatan")
    shipped_files = [p for kind in kinds for p in (REPO / "catalogue" / kind).glob("*.yml")]
    assert len(result.created) == len(shipped_files)
    imported = read_catalogue(empty).catalogue
    assert imported is not None
    again = {f.path: f.content for f in export_files(imported, None, BUILD_DATE)}
    assert again.keys() == exported.keys()
    for path, content in exported.items():
        assert again[path] == content, path
    # Imported again over itself, nothing changes.
    assert import_tables([book], empty, dry_run=True).changes == []


def test_one_mistake_of_each_kind_is_located_and_nothing_is_written(
    catalogue_dir: Path, tmp_path: Path
) -> None:
    rows = [
        GOOD,
        {**GOOD, "nama": "Wilayah Salah", "wilayah_kode": "Kabupaten Atlantis"},
        {**GOOD, "nama": "Tahun Salah", "tahun": "dua ribu"},
        {**GOOD, "nama": "Bidang Salah", "bidang_kode": "perikanan-laut"},
        {**GOOD, "nama": "Tanpa Instansi", "instansi": None},
        dict(GOOD),
        {**GOOD, "nama": "=A2"},
        {**GOOD, "nama": "Tanggal Seri", "status": "aktif", "status_per": 45123},
    ]
    book = workbook(tmp_path / "daftar.xlsx", {"inovasi": rows})
    before = files_of(catalogue_dir)

    code, out = run("impor", str(book), "--catalogue", str(catalogue_dir))

    assert code == 1
    assert files_of(catalogue_dir) == before
    lines = out.splitlines()

    def at(cell: str, *words: str) -> None:
        found = [line for line in lines if line.startswith(f"{book}:inovasi!{cell}: error: ")]
        assert any(all(w in line for w in words) for line in found), (cell, words, out)

    at(f"{column('wilayah_kode')}3", "Kabupaten Atlantis")
    at(f"{column('tahun')}4", "`dua ribu` bukan tahun", "tulis tahun empat angka")
    at(f"{column('bidang_kode')}5", "perikanan-laut")
    at(f"{column('instansi')}6", "kolom `instansi` wajib diisi")
    at("A7", "mengulang baris 2")
    at(f"{column('nama')}8", "rumus `=A2`", "tempel sebagai nilai")
    at(f"{column('status_per')}9", "nomor seri", "2023-07-16", "YYYY-MM-DD")
    assert not any(f"!{column('nama')}2:" in line or "!A2:" in line for line in lines)


def test_values_as_excel_stores_them_are_read_as_meant(catalogue_dir: Path, tmp_path: Path) -> None:
    rows = [
        {**GOOD, "wilayah_kode": 61.07, "tahun": 2023.0, "diperbarui": dt.datetime(2024, 5, 6)},
        {**GOOD, "nama": "SI-IMPOR", "wilayah_kode": "Kabupaten Sambas", "tahun": "2021"},
        {**GOOD, "slug": "si-impor-melawi", "nama": "Lain", "wilayah_kode": "61.10"},
        {**GOOD, "wilayah_kode": 61.1, "sdgs": "3 | 16", "tag": "a | b"},
    ]
    book = workbook(tmp_path / "daftar.xlsx", {"inovasi": rows})

    result = import_tables([book], catalogue_dir)

    assert result.problems == []
    written = {c.path.name: c.after for c in result.created}
    # The slug an earlier row took: the documented suffix.
    assert sorted(written) == [
        "si-impor-bengkayang.yml",
        "si-impor-melawi-2.yml",
        "si-impor-melawi.yml",
        "si-impor-sambas.yml",
    ]
    first = written["si-impor-bengkayang.yml"]
    assert first.startswith("# yaml-language-server: $schema=../../generator/schemas/")
    assert 'wilayah: "61.07"\n' in first and "tahun: 2023\n" in first
    assert 'diperbarui: "2024-05-06"\n' in first
    assert 'wilayah: "61.01"\n' in written["si-impor-sambas.yml"]
    assert "nama: Lain\n" in written["si-impor-melawi.yml"]
    melawi = written["si-impor-melawi-2.yml"]
    assert 'wilayah: "61.10"\n' in melawi and "sdgs: [3, 16]\n" in melawi
    assert read_catalogue(catalogue_dir).problems == []


def test_an_update_keeps_the_records_comments_and_other_keys(
    catalogue_dir: Path, tmp_path: Path
) -> None:
    path = catalogue_dir / "inovasi" / "uji-layanan-a.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(
        original.replace("tahun: 2019\n", "# Tahun dari laporan 2020.\ntahun: 2019\n")
        + "# Catatan penyunting di akhir berkas.\n",
        encoding="utf-8",
    )
    row = {"slug": "uji-layanan-a", "nama": "UJI-A", "tahun": 2018, "tag": "uji | impor"}
    book = workbook(tmp_path / "daftar.xlsx", {"inovasi": [row]})

    code, out = run("impor", str(book), "--catalogue", str(catalogue_dir), "--dry-run")
    assert code == 0, out
    assert "-tahun: 2019\n+tahun: 2018\n" in out and "+tag: [uji, impor]" in out
    assert "tahun: 2019" in path.read_text(encoding="utf-8")  # a dry run writes nothing

    code, out = run("impor", str(book), "--catalogue", str(catalogue_dir))
    assert code == 0, out
    text = path.read_text(encoding="utf-8")
    assert "# A test record: its facts are fictional" in text
    assert "# Tahun dari laporan 2020.\ntahun: 2018\n" in text
    assert text.endswith("tag: [uji, impor]\n# Catatan penyunting di akhir berkas.\n")
    assert "kepanjangan: Layanan Uji A\n" in text and "instansi: Dinas Uji\n" in text
    assert read_catalogue(catalogue_dir).problems == []


def test_the_same_name_and_owner_updates_the_record(catalogue_dir: Path, tmp_path: Path) -> None:
    row = {"nama": "UJI-A", "wilayah_kode": "61.12", "instansi": "Dinas Uji Baru"}
    book = workbook(tmp_path / "daftar.xlsx", {"inovasi": [row]})
    result = import_tables([book], catalogue_dir)
    assert result.problems == [] and [c.path.name for c in result.updated] == ["uji-layanan-a.yml"]
    assert result.created == []


def test_partial_import_writes_the_good_rows_and_reports_the_others(
    catalogue_dir: Path, tmp_path: Path
) -> None:
    rows = [GOOD, {**GOOD, "nama": "Tahun Salah", "tahun": 1800}]
    book = workbook(tmp_path / "daftar.xlsx", {"inovasi": rows})

    code, out = run("impor", str(book), "--catalogue", str(catalogue_dir), "--sebagian")

    assert code == 1
    assert (catalogue_dir / "inovasi" / "si-impor-ketapang.yml").is_file()
    assert not (catalogue_dir / "inovasi" / "tahun-salah-ketapang.yml").exists()
    assert f"{book}:inovasi!{column('tahun')}3: error: " in out


def test_csv_problems_name_row_and_column(catalogue_dir: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "inovasi.csv"
    values = [str(GOOD.get(name, "")) for name in INNOVATION_HEADER]
    values[INNOVATION_HEADER.index("tahun")] = "20x1"
    csv_file.write_text(",".join(INNOVATION_HEADER) + "\n" + ",".join(values) + "\n", "utf-8")

    code, out = run("impor", str(csv_file), "--catalogue", str(catalogue_dir))

    assert code == 1
    assert f"{csv_file}:2:{column('tahun')}: error: `20x1` bukan tahun" in out
    assert not (catalogue_dir / "inovasi" / "si-impor-ketapang.yml").exists()


def test_unknown_column_is_reported_with_a_guess(catalogue_dir: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "inovasi"
    sheet.append(["nama", "wilayah_kd"])
    sheet.append(["X", "61.04"])
    book.save(tmp_path / "daftar.xlsx")
    result = import_tables([tmp_path / "daftar.xlsx"], catalogue_dir)
    messages = [p.format() for p in result.problems]
    assert any("inovasi!B1: error: kolom `wilayah_kd` tidak dikenal" in m for m in messages)
    assert any("maksud Anda `wilayah_kode`?" in m for m in messages)
    assert not result.written


def run(*args: str) -> tuple[int, str]:
    outcome = CliRunner().invoke(main, list(args))
    return outcome.exit_code, outcome.output


@pytest.mark.parametrize("value", ["2021-13-01", "kemarin"])
def test_a_date_the_validator_refuses_is_located(
    value: str, catalogue_dir: Path, tmp_path: Path
) -> None:
    book = workbook(tmp_path / "daftar.xlsx", {"inovasi": [{**GOOD, "diperbarui": value}]})
    result = import_tables([book], catalogue_dir)
    places = [p.place for p in result.problems]
    assert f"{book}:inovasi!{column('diperbarui')}2" in places


def test_the_blank_template_has_the_headers_and_imports_to_nothing(
    catalogue_dir: Path, tmp_path: Path
) -> None:
    shipped = read_catalogue(catalogue_dir).catalogue
    assert shipped is not None
    exported = {f.path: f.content for f in export_files(shipped, None, BUILD_DATE)}
    template = tmp_path / "templat-impor.xlsx"
    template.write_bytes(exported["data/templat-impor.xlsx"])
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Petunjuk", "inovasi", "replikasi", "wilayah", "kegiatan"]
    assert [c.value for c in book["inovasi"][1]] == INNOVATION_HEADER
    assert book["inovasi"].max_row == 1
    result = import_tables([template], catalogue_dir)
    assert result.problems == [] and result.changes == []


def test_a_row_for_a_broken_record_is_reported_not_a_crash(
    catalogue_dir: Path, tmp_path: Path
) -> None:
    path = catalogue_dir / "inovasi" / "uji-layanan-a.yml"
    path.write_text("nama: [UJI-A\n", encoding="utf-8")
    book = workbook(
        tmp_path / "daftar.xlsx", {"inovasi": [{"slug": "uji-layanan-a", "tahun": 2018}]}
    )
    result = import_tables([book], catalogue_dir)
    assert any(
        "tidak dapat dibaca" in p.message and p.place.endswith("!A2") for p in result.problems
    )
    assert path.read_text(encoding="utf-8") == "nama: [UJI-A\n"
