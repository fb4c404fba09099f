"""The generated parts of the hand-written `/data/` page (`docs/data.md`).

The page's text stays hand-written; two marks in it are filled at build time so that what
it lists cannot drift from what the build publishes:

- `<!-- katalog:unduhan -->`: a table of every download (a link relative to the page, its
  format, size, rows and the build date), made from the export files themselves (the rows
  as their maker counted them: reading 100 MB of JSON back to count them cost a second and
  half a gigabyte);
- `<!-- katalog:alamat -->`: a sentence saying which address the examples use.

In the examples, `https://contoh.go.id/katalog` stands for the site's address: it becomes
the real one when the catalogue's `situs` (or `--site-url`) is set, and is dropped otherwise,
which leaves addresses relative to the site's root (`/data/katalog.json`).
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from collections.abc import Iterable
from typing import NamedTuple, Protocol

from generator.data.exports import ExportFile
from generator.data.spreadsheets import TEMPLATE_NAME, WORKBOOK_NAME
from generator.data.tables import TABLES
from generator.records.dates import MONTHS_ID
from generator.site.structure import number_text

DATA_PAGE = "data.md"
DOWNLOADS_MARK = "<!-- katalog:unduhan -->"
ADDRESS_MARK = "<!-- katalog:alamat -->"
EXAMPLE_ADDRESS = "https://contoh.go.id/katalog"


class Listed(Protocol):
    """What the downloads table needs of a file: an `ExportFile`, or a `Summary` of one."""

    @property
    def path(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def rows(self) -> int | None: ...


class Summary(NamedTuple):
    """A listed file without its bytes: what a process that makes the files elsewhere sends
    for the table (`summaries`)."""

    path: str
    size: int
    rows: int | None


def summaries(files: Iterable[ExportFile]) -> list[Summary]:
    """The files the downloads table lists, as their summaries."""
    listed = {row.path for row in downloads()}
    return [Summary(f.path, f.size, f.rows) for f in files if f.path in listed]


class Download(NamedTuple):
    """One row of the downloads table: the file's site path, what it holds, its format."""

    path: str
    holds: str
    format: str


def downloads() -> list[Download]:
    """Every data file a person may want, spreadsheets first."""
    rows = [
        Download(f"data/{WORKBOOK_NAME}", "semua tabel, dengan lembar Petunjuk", "XLSX (Excel)"),
        Download(
            f"data/{TEMPLATE_NAME}",
            "templat kosong untuk mengirim catatan dari lembar kerja (lihat Kontribusi)",
            "XLSX (Excel)",
        ),
    ]
    rows.append(Download("data/katalog.json", "semua catatan, lengkap", "JSON"))
    rows += [Download(f"data/{t.path}", f"tabel {t.name}, untuk program", "CSV") for t in TABLES]
    rows += [
        Download("data/datapackage.json", "paket data Frictionless keempat CSV", "JSON"),
        Download("data/dcat.jsonld", "katalog DCAT untuk portal data", "JSON-LD"),
        Download("feed.xml", "umpan inovasi dan replikasi terbaru", "Atom"),
    ]
    return rows


def file_size(size: int) -> str:
    """A size as Indonesian readers write it: `84,8 KB`, `1,2 MB`, `512 B`."""
    if size < 1024:
        return f"{size} B"
    for unit, scale in (("KB", 1024), ("MB", 1024**2)):
        if size < scale * 1024 or unit == "MB":
            return f"{size / scale:.1f} {unit}".replace(".", ",")
    raise AssertionError  # unreachable


def indonesian_date(date: dt.date) -> str:
    return f"{date.day} {MONTHS_ID[date.month - 1]} {date.year}"


def downloads_table(files: Iterable[Listed], page_url: str, build_date: dt.date) -> str:
    """The downloads as an HTML table (MkDocs leaves raw HTML and its links alone)."""
    exports = {f.path: f for f in files}
    date = indonesian_date(build_date)
    lines = [
        '<div class="k-scroll">',
        '<table class="unduhan">',
        "<thead><tr><th>berkas</th><th>isi</th><th>format</th>"
        '<th class="k-num">ukuran</th><th class="k-num">baris</th><th>tanggal</th></tr></thead>',
        "<tbody>",
    ]
    for row in downloads():
        export = exports.get(row.path)
        if export is None:
            continue
        href = html.escape(posixpath.relpath(row.path, page_url or "."), quote=True)
        rows = export.rows
        cells = [
            f'<a href="{href}"><code>{html.escape(row.path.removeprefix("data/"))}</code></a>',
            html.escape(row.holds),
            html.escape(row.format),
            file_size(export.size),
            "—" if rows is None else number_text(rows),
            date,
        ]
        numeric = (False, False, False, True, True, False)
        lines.append(
            "<tr>"
            + "".join(
                f'<td class="k-num">{cell}</td>' if right else f"<td>{cell}</td>"
                for cell, right in zip(cells, numeric, strict=True)
            )
            + "</tr>"
        )
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def address_sentence(site_url: str | None) -> str:
    if site_url:
        return f"Contoh di bawah memakai alamat situs ini, `{site_url.rstrip('/')}`."
    return (
        "Alamat situs ini belum diatur (`situs` di `catalogue/katalog.yml`), jadi contoh di"
        " bawah memakai alamat relatif terhadap akar situs, misalnya `/data/katalog.json`:"
        " tuliskan alamat tempat Anda membuka situs ini di depannya."
    )


def data_page_markdown(
    markdown: str,
    files: Iterable[Listed],
    page_url: str,
    site_url: str | None,
    build_date: dt.date,
) -> str:
    """The `/data/` page's Markdown with its generated parts filled in (see the module)."""
    address = site_url.rstrip("/") if site_url else ""
    markdown = markdown.replace(EXAMPLE_ADDRESS, address)
    markdown = markdown.replace(ADDRESS_MARK, address_sentence(site_url))
    return markdown.replace(DOWNLOADS_MARK, downloads_table(files, page_url, build_date))
