"""The tables for spreadsheet users (issue 18): the Excel CSVs read as Excel reads them, and
the XLSX workbook read back with openpyxl, hold the same rows as the plain CSVs."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from generator.data.columns import safe_cell
from generator.data.exports import build_date_for, export_files
from generator.data.spreadsheets import GUIDE_SHEET, excel_cell
from generator.data.tables import TABLES
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


def excel_rows(files: dict[str, bytes], name: str) -> list[list[str]]:
    """The Excel CSV read the way Excel reads it: the BOM says UTF-8, quoted cells may hold
    line breaks."""
    content = files[f"data/excel/{name}.csv"]
    text = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8-sig", newline="")
    return list(csv.reader(text))


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


@pytest.mark.parametrize("which", ["files", "shipped"])
def test_excel_csvs_have_a_bom_crlf_rows_and_the_plain_csvs_rows(
    which: str, request: pytest.FixtureRequest
) -> None:
    files: dict[str, bytes] = request.getfixturevalue(which)
    multi_line = 0
    for name in NAMES:
        content = files[f"data/excel/{name}.csv"]
        assert content.startswith(b"\xef\xbb\xbfslug,") or content.startswith(b"\xef\xbb\xbfkode,")
        assert content.endswith(b"\r\n")
        assert b"\r" not in content.replace(b"\r\n", b"")  # no lone CR anywhere
        rows = excel_rows(files, name)
        assert rows == plain_rows(files, name), name
        multi_line += sum("\n" in cell for row in rows for cell in row)
    if which == "shipped":
        assert multi_line > 0  # the shipped records do have multi-line cells
    assert files["data/inovasi.csv"][:3] != b"\xef\xbb\xbf"  # the plain CSV is unchanged


def test_excel_cells_write_line_breaks_as_lf() -> None:
    assert excel_cell("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert excel_cell("=1+1") == "'=1+1"
    assert excel_cell(None) == "" and excel_cell(True) == "true" and excel_cell(7) == "7"


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
