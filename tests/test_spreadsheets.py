"""The tables for spreadsheet users (issue 18): the XLSX workbook, read back with openpyxl,
holds the same rows as the plain CSVs; its writer (`data.xlsx`) keeps any text as it is."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from generator.data.columns import safe_cell
from generator.data.exports import build_date_for, export_files
from generator.data.spreadsheets import GUIDE_SHEET
from generator.data.tables import TABLES
from generator.data.xlsx import BOLD, CELL_LIMIT, Workbook, column_letter, sheet_reference
from generator.records.catalogue import Catalogue
from generator.records.validate import read_catalogue

from .test_exports import BASE_URL, BUILD_DATE, catalogue  # noqa: F401 (a fixture)

openpyxl = pytest.importorskip("openpyxl")

REPO = Path(__file__).resolve().parent.parent
NAMES = [table.name for table in TABLES]


@pytest.fixture(scope="module")
def shipped() -> dict[str, bytes]:
    result = read_catalogue(REPO / "catalogue")
    assert result.catalogue is not None
    built = build_date_for(result.catalogue, environ={})
    return {f.path: f.content for f in export_files(result.catalogue, None, built)}


@pytest.fixture
def files(catalogue: Catalogue) -> dict[str, bytes]:  # noqa: F811
    return {f.path: f.content for f in export_files(catalogue, BASE_URL, BUILD_DATE)}


def plain_rows(files: dict[str, bytes], name: str) -> list[list[str]]:
    text = files[f"data/{name}.csv"].decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def workbook_rows(content: bytes, name: str) -> list[list[str]]:
    """A sheet's rows written back as CSV cells (`safe_cell`: numbers, true/false, the
    apostrophe before a formula-like text)."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book[name]
    width = sheet.max_column
    return [
        [safe_cell(value) for value in row]
        for row in sheet.iter_rows(values_only=True, max_col=width)
    ]


def test_no_excel_csv_copies(files: dict[str, bytes]) -> None:
    """The workbook serves Excel; the plain CSVs are the only CSVs (no BOM)."""
    assert not any(path.startswith("data/excel/") for path in files)
    assert files["data/inovasi.csv"][:3] != b"\xef\xbb\xbf"


@pytest.mark.parametrize("which", ["files", "shipped"])
def test_workbook_has_a_guide_and_every_tables_rows(
    which: str, request: pytest.FixtureRequest
) -> None:
    files: dict[str, bytes] = request.getfixturevalue(which)
    content = files["data/katalog.xlsx"]
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == [GUIDE_SHEET, *NAMES]
    for name in NAMES:
        assert workbook_rows(content, name) == plain_rows(files, name), name
    guide = [row for row in book[GUIDE_SHEET].iter_rows(values_only=True)]
    text = " ".join(str(cell) for row in guide for cell in row if cell)
    assert "ODbL-1.0" in text and "idn-area-data" in text
    described = {(row[0], row[1]) for row in guide if row[0] in NAMES}
    for table in TABLES:
        for column in table.columns:
            assert (table.name, column.name) in described


def test_workbook_cells_are_typed_and_formulas_stay_text(files: dict[str, bytes]) -> None:
    book = openpyxl.load_workbook(io.BytesIO(files["data/katalog.xlsx"]))
    sheet = book["inovasi"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    hostile = next(row for row in rows if row["slug"].value == "uji-layanan-c")
    assert hostile["nama"].value == '=HYPERLINK("http://x")'
    assert hostile["nama"].data_type == "s" and hostile["nama"].quotePrefix
    assert hostile["instansi"].data_type == "s" and hostile["instansi"].quotePrefix
    assert hostile["tahun"].value == 2021  # a number, not text
    assert isinstance(hostile["tahun_pasti"].value, bool)
    with zipfile.ZipFile(io.BytesIO(files["data/katalog.xlsx"])) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(n) for n in sheets)  # no formula anywhere


def test_workbook_bytes_are_reproducible(catalogue: Catalogue) -> None:  # noqa: F811
    def build() -> bytes:
        files = export_files(catalogue, BASE_URL, BUILD_DATE)
        return next(f.content for f in files if f.path == "data/katalog.xlsx")

    first = build()
    assert build() == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2024-05-01T00:00:00Z" in core  # the build date, never the clock


def test_the_writer_keeps_any_text_and_types(tmp_path: Path) -> None:
    """Text that XML cannot hold as it is (control characters, a CR), text that looks like
    Excel's own escapes, spaces at either end, markup, and a cell over Excel's limit."""
    texts = [
        "a\x01b\x1fc", "line\r\nbreak\rhere\nend", "_x0041_ stays", "  spaces  ",
        "<b>&amp;</b> > x", "=1+1", "x" * (CELL_LIMIT + 5), "tab\tinside",
    ]  # fmt: skip
    book = Workbook("Uji", dt.date(2024, 5, 1), quote_starts=("=",))
    with book.sheet("uji", 4, len(texts) + 1, freeze=True) as sheet:
        sheet.append(["teks", "angka", "ya", "kosong"], BOLD)
        for n, text in enumerate(texts):
            sheet.append([text, n, n % 2 == 0, None if n % 2 else ""])
    (tmp_path / "uji.xlsx").write_bytes(book.close())
    assert excel_texts(tmp_path / "uji.xlsx", "xl/worksheets/sheet1.xml")[4:] == [
        text[:CELL_LIMIT] for text in texts
    ]
    read = openpyxl.load_workbook(tmp_path / "uji.xlsx")["uji"]
    rows = list(read.iter_rows(min_row=2, values_only=True))
    assert rows[3][0] == "  spaces  " and rows[4][0] == "<b>&amp;</b> > x"
    assert [row[1] for row in rows] == list(range(len(texts)))
    assert [row[2] for row in rows] == [n % 2 == 0 for n in range(len(texts))]
    assert all(row[3] is None for row in rows)
    assert read["A1"].font.b and not read["A2"].font.b
    assert read["A7"].quotePrefix and not read["A6"].quotePrefix
    assert read.freeze_panes == "A2" and read.auto_filter.ref == f"A1:D{len(texts) + 1}"


def excel_texts(path: Path, member: str) -> list[str]:
    """The text cells of a sheet as Excel reads them: `_xHHHH_` is the character HHHH, and
    `_x005F_` an underscore (openpyxl leaves the first as it is)."""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read(member))
    texts = [t.text or "" for t in root.iter(f"{main}t")]
    return [re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), t) for t in texts]


def test_column_letters() -> None:
    assert [column_letter(n) for n in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_sheet_references() -> None:
    assert sheet_reference("inovasi") == "inovasi"
    assert sheet_reference("Data 2024") == "'Data 2024'"
    assert sheet_reference("Bu'an") == "'Bu''an'"
