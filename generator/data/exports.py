"""Open data: every data file the site publishes beside its pages.

A plain library (no MkDocs): `export_files` returns the files as (site-relative path, bytes),
`write_exports` writes them into a built site. The output depends only on the catalogue, the
base URL and the `build_date` passed in, never on the clock, so two builds of the same
catalogue are byte-identical. What each file holds is documented for readers in `docs/data.md`.

- `data/katalog.json`: every record, references resolved, with a format version;
- `data/{inovasi,replikasi,wilayah,kegiatan}.csv` and `data/datapackage.json` (Frictionless);
- `data/excel/<table>.csv` and `data/katalog.xlsx`: the same tables for spreadsheets;
- `data/schema/<kind>.schema.json`: the JSON Schemas of the records;
- `data/dcat.jsonld`: a DCAT catalogue of the datasets, for open-data portals;
- `<kind>/<slug>.json`: the JSON twin of every record page;
- `feed.xml`: an Atom feed of innovations and replications;
- `inovasi/<alias>/index.html` and `inovasi/<alias>.json`: an innovation's old addresses.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

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
from generator.data.records import FORMAT_VERSION, Json, Links, RecordData
from generator.data.spreadsheets import (
    EXCEL_DIR,
    TEMPLATE_NAME,
    WORKBOOK_NAME,
    excel_csv,
    workbook,
)
from generator.data.tables import TABLES, datapackage, table_csv
from generator.records import urls
from generator.records.catalogue import Catalogue
from generator.records.schema import SCHEMA_DIR as SOURCE_SCHEMA_DIR

REDIRECT_KEY = "dialihkan_ke"
EPOCH = dt.date(1970, 1, 1)


class ExportFile(NamedTuple):
    """One published file: its path inside the site (`data/inovasi.csv`) and its bytes."""

    path: str
    content: bytes


def json_bytes(value: Any) -> bytes:
    """The one JSON serialisation of the exports: UTF-8, sorted keys, compact.

    Compact, because machines read these files and visitors on slow connections fetch the
    twins; and because `indent` makes `json` fall back from its C encoder to Python (measured:
    2.2 s of a 1,000-innovation build)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


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
    records = data.all_records()
    files = _downloads(catalogue, data, records, base_url, build_date)
    files.extend(_twins(catalogue, data, records, html_redirects))
    files.sort(key=lambda f: f.path)
    return files


def _downloads(
    catalogue: Catalogue,
    data: RecordData,
    records: dict[str, list[Json]],
    base_url: str | None,
    build_date: dt.date,
) -> list[ExportFile]:
    """The files a person downloads: the whole catalogue, the tables, the workbook, the data
    package, the schemas, DCAT and the feed."""
    links = data.links
    built = build_date.isoformat()
    files: list[ExportFile] = []

    files.append(
        ExportFile(KATALOG_PATH, json_bytes(_katalog(catalogue, records, base_url, built)))
    )
    for table in TABLES:
        files.append(ExportFile(DATA_DIR + table.path, table_csv(table, records[table.name])))
        excel = excel_csv(table, records[table.name])
        files.append(ExportFile(DATA_DIR + EXCEL_DIR + table.path, excel))
    files.append(ExportFile(DATA_DIR + WORKBOOK_NAME, workbook(records, base_url, build_date)))
    blank = workbook({table.name: [] for table in TABLES}, base_url, build_date)
    files.append(ExportFile(DATA_DIR + TEMPLATE_NAME, blank))
    created = f"{built}T00:00:00Z"
    files.append(ExportFile(DATAPACKAGE_PATH, json_bytes(datapackage(base_url, created))))
    schema_names = _schema_names()
    for name in schema_names:
        files.append(ExportFile(SCHEMA_DIR + name, (SOURCE_SCHEMA_DIR / name).read_bytes()))
    files.append(
        ExportFile(DCAT_PATH, json_bytes(dcat_catalogue(data, links, built, schema_names)))
    )
    files.append(ExportFile(FEED_PATH, atom_feed(data, links, build_date)))
    return files


def _twins(
    catalogue: Catalogue, data: RecordData, records: dict[str, list[Json]], html_redirects: bool
) -> list[ExportFile]:
    """The JSON twin of every record page, and an innovation's old addresses."""
    pages = {
        "wilayah": data.region_page,
        "inovasi": data.innovation_page,
        "replikasi": data.replication_page,
        "kegiatan": data.event_page,
    }
    twins: dict[str, Json] = {}
    for kind, items in records.items():
        for record in items:
            page = pages[kind](record["kode"] if kind == "wilayah" else record["slug"])
            twins[page] = {"versi_format": FORMAT_VERSION, "jenis_catatan": kind, **record}
    files = [ExportFile(urls.twin_path(page), json_bytes(twin)) for page, twin in twins.items()]
    return files + _redirects(catalogue, data, twins, html_redirects)


def _katalog(
    catalogue: Catalogue, records: dict[str, list[Json]], base_url: str | None, built: str
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
        "jumlah": {kind: len(items) for kind, items in records.items()},
        "bidang": [
            {"kode": s.kode, "nama": s.nama, "uraian": s.uraian or None}
            for s in sorted(catalogue.sectors.values(), key=lambda s: s.kode)
        ],
        **records,
    }


def _redirects(
    catalogue: Catalogue, data: RecordData, twins: dict[str, Json], html_pages: bool
) -> list[ExportFile]:
    """For each old slug of an innovation: an HTML page that sends visitors (and search
    engines, through the canonical link) to the new page, and a copy of the JSON twin with
    `dialihkan_ke`, since a static host cannot redirect a JSON file."""
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
            moved = {**twins[page], REDIRECT_KEY: data.links.address(urls.twin_path(page))}
            files.append(ExportFile(urls.twin_path(old_page), json_bytes(moved)))
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
    folders: set[Path] = set()  # thousands of files share a few folders: one mkdir each
    for export in exports:
        target = site_dir / export.path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        write_if_changed(target, export.content)
        written.append(target)
    return written
