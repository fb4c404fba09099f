"""The workbook of a catalogue, as the build publishes it (`data/katalog.xlsx`), and an empty
catalogue beside it: what the benchmark imports with `python -m generator impor`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator.data.records import Links, RecordData
from generator.data.spreadsheets import workbook
from generator.records.files import SETTINGS_FILE
from generator.records.validate import read_catalogue


def write_workbook(folder: Path, out_file: Path, empty_dir: Path | None = None) -> str:
    """Write `folder`'s workbook to `out_file` (and an empty catalogue to `empty_dir`)."""
    catalogue = read_catalogue(folder).catalogue
    if catalogue is None:
        raise SystemExit(f"{folder}: katalog tidak valid; jalankan `validate`")
    records = RecordData(catalogue, Links(None)).all_records()
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_bytes(workbook(records, None, dt.date(2026, 1, 1)))
    if empty_dir is not None:
        shutil.rmtree(empty_dir, ignore_errors=True)
        shutil.copytree(folder / "referensi", empty_dir / "referensi")
        if (folder / SETTINGS_FILE).is_file():
            shutil.copy(folder / SETTINGS_FILE, empty_dir / SETTINGS_FILE)
    rows = ", ".join(f"{len(rows):,} {kind}" for kind, rows in records.items())
    return f"Buku kerja ditulis ke {out_file}: {rows}"
