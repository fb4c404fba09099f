"""Open data: every data file the site publishes beside its pages.

A plain library (no MkDocs): `export_files` returns the files (site-relative path, bytes),
`write_exports` writes them into a built site. Each record is made once, for every file that
holds it (`record_files`). The output depends only on the catalogue, the
base URL and the `build_date` passed in, never on the clock, so two builds of the same
catalogue are byte-identical. What each file holds is documented for readers in `docs/data.md`.

- `data/katalog.json`: every record, references resolved, with a format version;
- `data/{inovasi,replikasi,wilayah,kegiatan}.csv` and `data/datapackage.json` (Frictionless);
- `data/katalog.xlsx`: the same tables for spreadsheets, and `data/templat-impor.xlsx`;
- `data/schema/<kind>.schema.json`: the JSON Schemas of the records;
- `data/dcat.jsonld`: a DCAT catalogue of the datasets, for open-data portals;
- `<kind>/<slug>.json`: the JSON twin of every record page;
- `feed.xml`: an Atom feed of innovations and replications;
- `inovasi/<alias>/index.html` and `inovasi/<alias>.json`: an innovation's old addresses.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from generator.data.columns import ODBL, REGION_TABLE_SOURCE
from generator.data.dcat import (
    DATA_DIR,
    DATAPACKAGE_PATH,
    DCAT_PATH,
    KATALOG_PATH,
    SCHEMA_DIR,
    dcat_catalogue,
)
from generator.data.feed import FEED_PATH, atom_feed, innovation_updated, replication_updated
from generator.data.record_files import ENCODER as _ENCODER
from generator.data.record_files import RecordFiles, record_files
from generator.data.records import FORMAT_VERSION, Json, Links, RecordData
from generator.data.spreadsheets import TEMPLATE_NAME, WORKBOOK_NAME, workbook
from generator.data.tables import TABLES, datapackage
from generator.records import urls
from generator.records.catalogue import Catalogue
from generator.records.schema import SCHEMA_DIR as SOURCE_SCHEMA_DIR

Part = bytes | memoryview
REDIRECT_KEY = "dialihkan_ke"
EPOCH = dt.date(1970, 1, 1)


class ExportFile:
    """One published file: its path inside the site (`data/inovasi.csv`), its bytes, and for a
    download, the rows (records, feed entries) it holds, for the `/data/` page's table.

    The bytes may be held in parts (`joined`): `katalog.json` and the JSON twins are made of
    the same serialised records, held once until written."""

    __slots__ = ("parts", "path", "rows")

    def __init__(self, path: str, content: bytes, rows: int | None = None) -> None:
        self.path = path
        self.parts: Sequence[Part] = (content,)
        self.rows = rows

    @classmethod
    def joined(cls, path: str, parts: Sequence[Part], rows: int | None = None) -> ExportFile:
        """A file whose bytes are `parts` one after the other."""
        export = cls(path, b"", rows)
        export.parts = parts
        return export

    @property
    def content(self) -> bytes:
        return b"".join(self.parts)

    @property
    def size(self) -> int:
        return sum(len(part) for part in self.parts)

    def __repr__(self) -> str:
        return f"ExportFile({self.path!r}, {self.size} bytes)"

    def __reduce__(self) -> tuple[type[ExportFile], tuple[str, bytes, int | None]]:
        # Sent to or from another process as one piece (a memoryview does not pickle).
        return (ExportFile, (self.path, self.content, self.rows))


def json_bytes(value: Any) -> bytes:
    """The one JSON serialisation of the exports: UTF-8, sorted keys, compact.

    Compact, because machines read these files and visitors on slow connections fetch the
    twins; and because `indent` makes `json` fall back from its C encoder to Python (measured:
    2.2 s of a 1,000-innovation build)."""
    return (_ENCODER.encode(value) + "\n").encode("utf-8")


def build_date_for(catalogue: Catalogue, environ: Mapping[str, str] | None = None) -> dt.date:
    """The date a build stands for: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the
    newest date any record shows, else 1970-01-01. Never the wall clock."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    updated = [innovation_updated(i) for i in catalogue.innovations.values()]
    dates = [date.first_day for date in updated if date is not None]
    dates += [replication_updated(r).first_day for r in catalogue.replications.values()]
    dates += [e.tanggal.first_day for e in catalogue.events.values()]
    dates += [
        s.tanggal.first_day for p in catalogue.profiles.values() for s in p.sumber if s.tanggal
    ]
    return max(dates, default=EPOCH)


def _schema_names() -> list[str]:
    """Every schema file: the record kinds' and the shared definitions they refer to."""
    return sorted(path.name for path in SOURCE_SCHEMA_DIR.glob("*.schema.json"))


def export_files(
    catalogue: Catalogue,
    base_url: str | None,
    build_date: dt.date,
    extra_region_codes: Iterable[str] = (),
    html_redirects: bool = True,
) -> list[ExportFile]:
    """Every data file of the site, sorted by path.

    `base_url` is the site's address (`site_url`); without it, links inside the files are
    relative (see `docs/data.md`). `extra_region_codes` are regions that get a page beyond
    the catalogue's published ones (so that each region page has its JSON twin).
    `html_redirects=False` leaves out the HTML pages at an innovation's old addresses, for a
    site whose page generator already makes them; the JSON files at old addresses stay."""
    links = Links(base_url)
    data = RecordData(catalogue, links, frozenset(extra_region_codes))
    made = record_files(data, base_url, build_date)
    total = sum(len(table.records) for table in made.tables.values())
    files = [
        ExportFile(DATA_DIR + WORKBOOK_NAME, made.workbook, rows=made.workbook_rows),
        ExportFile(DATA_DIR + TEMPLATE_NAME, _template(base_url, build_date)),
        _katalog(catalogue, made, base_url, build_date.isoformat(), total),
    ]
    for table in made.tables.values():
        path = DATA_DIR + table.table.path
        files.append(ExportFile.joined(path, table.csv_lines, rows=len(table.records)))
    files += _about_files(data, base_url, build_date)
    twins = _twins(made)
    files += twins
    files += _redirects(catalogue, data, twins, html_redirects)
    files.sort(key=lambda f: f.path)
    return files


def _template(base_url: str | None, build_date: dt.date) -> bytes:
    """The workbook's sheets without rows (`impor`'s form)."""
    return workbook({table.name: [] for table in TABLES}, base_url, build_date)


def _about_files(data: RecordData, base_url: str | None, build_date: dt.date) -> list[ExportFile]:
    """The files about the data: the data package, the schemas, DCAT, and the feed."""
    built = build_date.isoformat()
    created = f"{built}T00:00:00Z"
    files = [ExportFile(DATAPACKAGE_PATH, json_bytes(datapackage(base_url, created)))]
    schema_names = _schema_names()
    for name in schema_names:
        files.append(ExportFile(SCHEMA_DIR + name, (SOURCE_SCHEMA_DIR / name).read_bytes()))
    dcat = dcat_catalogue(data, data.links, built, schema_names)
    files.append(ExportFile(DCAT_PATH, json_bytes(dcat)))
    feed = atom_feed(data, data.links, build_date)
    files.append(ExportFile(FEED_PATH, feed, rows=feed.count(b"<entry>")))
    return files


def _twin_head(kind: str, moved_to: str | None = None) -> bytes:
    """What a twin has before its record's keys (its record's JSON without the opening
    brace): the format version and the record kind, and at an old address `dialihkan_ke`.
    These come first, so a twin is its record's bytes as `katalog.json` holds them, which
    are serialised once for both; a JSON object's keys have no order (RFC 8259)."""
    head: Json = {} if moved_to is None else {REDIRECT_KEY: moved_to}
    head.update(jenis_catatan=kind, versi_format=FORMAT_VERSION)
    return _ENCODER.encode(head).encode("utf-8")[:-1] + b","


def _twins(made: RecordFiles) -> list[ExportFile]:
    """The JSON twin of every record page."""
    files = []
    for kind, table in made.tables.items():
        head = _twin_head(kind)
        for page, record in zip(table.pages, table.records, strict=True):
            parts = (head, memoryview(record)[1:], b"\n")
            files.append(ExportFile.joined(urls.twin_path(page), parts))
    return files


def _katalog(
    catalogue: Catalogue, made: RecordFiles, base_url: str | None, built: str, total: int
) -> ExportFile:
    """`katalog.json`: what the catalogue is, then every record, its keys sorted as the
    records' own; made of the records' serialised bytes, without copying them."""
    about = _katalog_about(catalogue, made, base_url, built)
    keys = sorted([*about, *made.tables])
    parts: list[Part] = []
    for n, key in enumerate(keys):
        parts.append((b"{" if n == 0 else b",") + _ENCODER.encode(key).encode("utf-8") + b":")
        if key not in made.tables:
            parts.append(_ENCODER.encode(about[key]).encode("utf-8"))
            continue
        records = made.tables[key].records
        parts.append(b"[")
        for i, record in enumerate(records):
            if i:
                parts.append(b",")
            parts.append(record)
        parts.append(b"]")
    parts.append(b"}\n")
    return ExportFile.joined(KATALOG_PATH, parts, rows=total)


def _katalog_about(
    catalogue: Catalogue, made: RecordFiles, base_url: str | None, built: str
) -> Json:
    publisher = catalogue.identity.publisher
    published: Json = {}
    if publisher is not None:  # `pengelola` in katalog.yml; absent otherwise
        published["pengelola"] = {
            "nama": publisher.nama,
            "email": publisher.email,
            "telepon": publisher.telepon,
            "alamat": publisher.alamat,
        }
    return {
        **published,
        "versi_format": FORMAT_VERSION,
        "judul": "Katalog Inovasi Pelayanan Publik",
        "dibangun": built,
        "url_dasar": base_url,
        "lisensi": {"nama": ODBL["title"], "kode": ODBL["name"], "url": ODBL["path"]},
        "sumber_tabel_wilayah": {
            "judul": REGION_TABLE_SOURCE["title"],
            "url": REGION_TABLE_SOURCE["path"],
        },
        "jumlah": {kind: len(table.records) for kind, table in made.tables.items()},
        "bidang": [
            {"kode": s.kode, "nama": s.nama, "uraian": s.uraian or None}
            for s in sorted(catalogue.sectors.values(), key=lambda s: s.kode)
        ],
    }


def _redirects(
    catalogue: Catalogue, data: RecordData, twins: list[ExportFile], html_pages: bool
) -> list[ExportFile]:
    """For each old slug of an innovation: an HTML page that sends visitors (and search
    engines, through the canonical link) to the new page, and a copy of the JSON twin with
    `dialihkan_ke`, since a static host cannot redirect a JSON file."""
    by_path = {twin.path: twin for twin in twins}
    files = []
    for innovation in catalogue.innovations.values():
        page = urls.innovation(innovation.slug)
        for alias in innovation.alias:
            old_page = urls.innovation(alias)
            old_file = old_page + "index.html"
            target = data.links.from_file(page, old_file)
            if html_pages:
                body = _redirect_html(innovation.nama, target)
                files.append(ExportFile(old_file, body.encode("utf-8")))
            twin = by_path[urls.twin_path(page)]
            head = _twin_head("inovasi", data.links.address(twin.path))
            parts = (head, *twin.parts[1:])
            files.append(ExportFile.joined(urls.twin_path(old_page), parts))
    return files


def _redirect_html(title: str, target: str) -> str:
    name = html.escape(title)
    href = html.escape(target, quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="id">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Dialihkan: {name}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{href}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>Halaman ini sudah pindah ke <a href="{href}">{name}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def write_if_changed(target: Path, content: bytes) -> bool:
    """Write `content` to `target` unless it holds exactly that already; True when written."""
    try:
        if target.stat().st_size == len(content) and target.read_bytes() == content:
            return False
    except (FileNotFoundError, NotADirectoryError):
        pass
    target.write_bytes(content)
    return True


def write_exports(
    catalogue: Catalogue,
    site_dir: Path,
    base_url: str | None,
    build_date: dt.date,
    extra_region_codes: Iterable[str] = (),
    html_redirects: bool = True,
) -> list[Path]:
    """Write every data file into the built site at `site_dir`; return the paths written.
    The arguments are those of :func:`export_files`."""
    exports = export_files(catalogue, base_url, build_date, extra_region_codes, html_redirects)
    return write_files(site_dir, exports)


def write_files(site_dir: Path, exports: Iterable[ExportFile]) -> list[Path]:
    """Write data files made by :func:`export_files` into the built site at `site_dir` (each
    only when its content changed); return the paths written."""
    written = []
    root = os.fspath(site_dir)
    folders: set[str] = set()  # thousands of files share a few folders: one mkdir each
    for export in exports:
        target = os.path.join(root, export.path)
        folder = os.path.dirname(target)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        _write_new(target, export)
        written.append(Path(target))
    return written


def _write_new(target: str, export: ExportFile) -> None:
    """Write a file that does not exist yet with as few system calls as a file takes (open,
    write, close: 31,000 twins at 10,000 innovations); one that exists, only if it changed."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        write_if_changed(Path(target), export.content)
        return
    with open(fd, "wb") as file:
        file.writelines(export.parts)
