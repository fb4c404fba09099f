"""The text of a new record file: required keys filled in, every optional key left commented
out under its description, so an editor sees what else a record can say.

Descriptions come from the JSON Schemas, so the comments never drift from the format; the
example values are obviously illustrative and never written as facts.
"""

from __future__ import annotations

import json
import re
import textwrap
from functools import cache
from typing import Any

from generator.records.schema import schema_file

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../generator/schemas/{kind}.schema.json"
WIDTH = 92

# The order of keys in a new record, required and optional, per kind (FORMAT.md's order).
KEY_ORDER: dict[str, tuple[str, ...]] = {
    "inovasi": (
        "nama", "kepanjangan", "lengkap", "jenis_pemilik", "wilayah", "instansi", "tahun",
        "tahun_pasti", "bidang", "jenis", "tahap", "status", "status_per", "ringkasan", "masalah",
        "solusi", "hasil", "indikator",
        "syarat_replikasi", "dasar_hukum", "kontak", "tautan", "sdgs", "tag", "penghargaan",
        "alias", "diperbarui", "catatan", "sumber",
    ),
    "replikasi": (
        "inovasi", "wilayah", "instansi", "nama_lokal", "kegiatan", "tahapan", "modifikasi",
        "hasil", "catatan", "sumber",
    ),
    "kegiatan": (
        "nama", "jenis", "tanggal", "tempat", "penyelenggara", "peserta", "dasar", "hasil",
        "inovasi", "uraian", "catatan", "sumber",
    ),
    "wilayah": ("kode", "nama", "ibu_kota", "situs", "uraian", "catatan", "sumber"),
}  # fmt: skip

# Example values of optional keys, shown commented out. `{kind}:{key}` overrides `{key}`.
_EXAMPLES: dict[str, str] = {
    "kepanjangan": "Kepanjangan singkatan nama inovasi",
    "tahun_pasti": "false",
    "status": "aktif",
    "status_per": '"2025-08"',
    "lengkap": "false",
    "jenis_pemilik": "perguruan-tinggi",
    "kegiatan:inovasi": "[slug-inovasi, slug-inovasi-lain]",
    "masalah": "|\n  Masalah yang dijawab, dalam satu atau beberapa paragraf.",
    "solusi": "|\n  Cara kerja inovasi: siapa melakukan apa, dengan alat apa.",
    "hasil": "|\n  Hasil dan dampaknya, sebaiknya dengan angka dan sumbernya.",
    "indikator": (
        "\n  - nama: Jumlah warga yang dilayani\n    nilai: 1200\n    satuan: orang"
        '\n    sebelum: 300\n    periode: "2023"\n    sumber: https://contoh.go.id/berita'
    ),
    "syarat_replikasi": "|\n  Aturan, anggaran, SDM dan TI yang dibutuhkan wilayah lain.",
    "dasar_hukum": "\n  - Peraturan Bupati Nomor ... Tahun ... tentang ...",
    "kontak": "\n  nama: Nama petugas\n  jabatan: Jabatan\n  email: petugas@contoh.go.id",
    "tautan": "\n  - judul: Aplikasi\n    url: https://contoh.go.id/aplikasi",
    "sdgs": "[3, 16]",
    "tag": "[kata kunci, kata kunci lain]",
    "penghargaan": (
        '\n  - nama: Nama penghargaan seperti ditulis sumbernya\n    tahun: "2021"'
        "\n    pemberi: Kementerian PANRB"
    ),
    "alias": "[slug-lama]",
    "diperbarui": '"2024-01-31"',
    "catatan": "|\n  Catatan penyunting tentang sumber, misalnya bila dua sumber berbeda.",
    "sumber": (
        "\n  - judul: Judul halaman sumber\n    url: https://contoh.go.id/berita"
        '\n    tanggal: "2024-01-31"'
    ),
    "replikasi:nama_lokal": "Nama inovasi di wilayah ini",
    "replikasi:kegiatan": "slug-kegiatan",
    "modifikasi": "|\n  Apa yang disesuaikan dengan kondisi setempat.",
    "replikasi:hasil": "|\n  Hasil replikasi di wilayah ini.",
    "tempat": "Nama tempat, kota",
    "penyelenggara": '"61"',
    "peserta": '["61.04", "61.12"]',
    "dasar": "\n  - KepmenPANRB Nomor ... Tahun ...",
    "kegiatan:hasil": "\n  - inovasi: slug-inovasi\n    penghargaan: Nama penghargaan",
    "uraian": "|\n  Uraian singkat dalam satu atau beberapa paragraf.",
    "nama": "Nama wilayah bila berbeda dari tabel wilayah nasional",
    "ibu_kota": "Nama ibu kota",
    "situs": "https://contoh.go.id",
}

_PLAIN = re.compile(r"^[A-Za-z(À-ɏ][^:#\n\"'{}\[\]&*!|>%@`]*$")
_RESERVED = re.compile(r"^(y|n|yes|no|true|false|on|off|null|~)$", re.IGNORECASE)


def scalar(value: Any) -> str:
    """A value as YAML text that every YAML tool reads the same way: numbers as numbers,
    text that could look like anything else in double quotes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and not _RESERVED.match(text) and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)


def folded(key: str, text: str) -> list[str]:
    """`key: text`, folded over several lines (`>-`) when it is long."""
    text = " ".join(text.split())
    line = f"{key}: {scalar(text)}"
    if len(line) <= WIDTH:
        return [line]
    return [
        f"{key}: >-",
        *textwrap.wrap(text, WIDTH - 2, initial_indent="  ", subsequent_indent="  "),
    ]


@cache
def _schema(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(schema_file(name).read_text(encoding="utf-8"))
    return document


def description(kind: str, key: str) -> str:
    """The schema's Indonesian description of `key`, following a reference when needed."""
    prop = _schema(kind).get("properties", {}).get(key, {})
    if "description" in prop:
        return str(prop["description"])
    target = str(prop.get("$ref", ""))
    if target.startswith("common.schema.json#/$defs/"):
        found = _schema("common")["$defs"][target.rsplit("/", 1)[1]]
        return str(found.get("description", ""))
    return ""


def _commented_example(kind: str, key: str) -> list[str]:
    example = _EXAMPLES.get(f"{kind}:{key}", _EXAMPLES.get(key, "..."))
    first, *rest = f"{key}: {example}".replace(": \n", ":\n").split("\n")
    return [f"# {first}", *(f"# {line}" for line in rest)]


def _comment(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="# ", subsequent_indent="# ")


def render_record(kind: str, filled: dict[str, list[str]], title: str) -> str:
    """The text of a new record: the schema comment, a short guide, then every key of the
    kind in order; `filled[key]` holds the lines of the keys that have a value, the others
    are written commented out under their description."""
    lines = [
        SCHEMA_COMMENT.format(kind=kind),
        f"# {title}",
        "# Dibuat dengan `python -m generator new`. Kunci yang diawali `# ` bersifat pilihan:",
        "# hapus `# ` di depannya lalu isi nilainya. Panduan: docs/kontribusi.md",
    ]
    after_comment = False
    for key in KEY_ORDER[kind]:
        if key in filled:
            if after_comment:
                lines.append("")
            lines.extend(filled[key])
            after_comment = False
            continue
        lines.append("")
        after_comment = True
        lines.extend(_comment(description(kind, key) + " (pilihan)"))
        lines.extend(_commented_example(kind, key))
    return "\n".join(lines) + "\n"
