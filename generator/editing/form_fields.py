"""The contribution form's fields, made from the record schemas: one field for every property
of every record kind, in the format's key order, with an Indonesian label, a widget chosen
from the property's shape, and the schema's description as its help.

A property the label table below does not name still gets a field (labelled with its key), and
`tests/test_form.py` fails on it, so a key added to a schema reaches the form, labelled.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from generator.editing.template import KEY_ORDER
from generator.records import vocabulary
from generator.records.schema import schema_file

FORM_KINDS = ("inovasi", "replikasi", "kegiatan", "wilayah")

_SHARED_LABELS = {
    "catatan": "Catatan penyunting",
    "sumber": "Sumber",
    "sumber.judul": "Judul halaman",
    "sumber.url": "Alamat halaman (URL)",
    "sumber.tanggal": "Tanggal terbit",
}

# Labels by kind: `key` for a record's key, `key.sub` for a key inside its items or mapping.
FIELD_LABELS: dict[str, dict[str, str]] = {
    "inovasi": {
        "nama": "Nama inovasi",
        "kepanjangan": "Kepanjangan nama",
        "lengkap": "Catatan belum lengkap: sumber belum menyebut instansi, tahun, bidang, "
        "jenis, atau tahap",
        "jenis_pemilik": "Pemilik inovasi",
        "wilayah": "Wilayah pemilik",
        "instansi": "Instansi (perangkat daerah, atau lembaga pemilik)",
        "tahun": "Tahun mulai diterapkan",
        "tahun_pasti": "Tahun mulai belum pasti: sumber hanya menunjukkan inovasi sudah "
        "berjalan pada tahun itu",
        "bidang": "Bidang",
        "jenis": "Jenis",
        "tahap": "Tahap kematangan",
        "status": "Status",
        "status_per": "Status per tanggal",
        "ringkasan": "Ringkasan",
        "masalah": "Masalah yang dijawab",
        "solusi": "Cara kerja (solusi)",
        "hasil": "Hasil dan dampak",
        "indikator": "Indikator hasil",
        "indikator.nama": "Apa yang diukur",
        "indikator.nilai": "Nilai sesudah inovasi",
        "indikator.satuan": "Satuan",
        "indikator.sebelum": "Nilai sebelum inovasi",
        "indikator.periode": "Periode pengukuran",
        "indikator.sumber": "Sumber angka",
        "syarat_replikasi": "Syarat replikasi",
        "dasar_hukum": "Dasar hukum",
        "kontak": "Kontak",
        "kontak.nama": "Nama narahubung atau instansi",
        "kontak.jabatan": "Jabatan",
        "kontak.email": "Surel",
        "kontak.telepon": "Telepon",
        "kontak.alamat": "Alamat kantor",
        "kontak.situs": "Situs resmi",
        "tautan": "Tautan",
        "tautan.judul": "Teks tautan",
        "tautan.url": "Alamat (URL)",
        "sdgs": "Tujuan Pembangunan Berkelanjutan (SDGs)",
        "tag": "Kata kunci (pisahkan dengan koma)",
        "penghargaan": "Penghargaan",
        "penghargaan.nama": "Nama penghargaan",
        "penghargaan.tahun": "Tanggal atau tahun diberikan",
        "penghargaan.pemberi": "Pemberi",
        "penghargaan.kegiatan": "Kegiatan tempat penghargaan diberikan",
        "alias": "Slug lama (alias)",
        "diperbarui": "Terakhir diperiksa",
    },
    "replikasi": {
        "inovasi": "Inovasi yang direplikasi",
        "wilayah": "Wilayah yang mereplikasi",
        "instansi": "Instansi yang mereplikasi",
        "nama_lokal": "Nama di wilayah ini (bila berbeda)",
        "kegiatan": "Kegiatan (komitmen atau program) replikasi ini",
        "tahapan": "Tahapan",
        "tahapan.tahap": "Tahap",
        "tahapan.tanggal": "Tanggal",
        "tahapan.catatan": "Keterangan",
        "modifikasi": "Penyesuaian dengan kondisi setempat",
        "hasil": "Hasil di wilayah ini",
    },
    "kegiatan": {
        "nama": "Nama kegiatan",
        "jenis": "Jenis kegiatan",
        "tanggal": "Tanggal kegiatan",
        "tempat": "Tempat",
        "penyelenggara": "Wilayah penyelenggara (bila pemerintah daerah)",
        "peserta": "Wilayah peserta",
        "dasar": "Dasar hukum",
        "hasil": "Hasil kompetisi",
        "hasil.inovasi": "Inovasi",
        "hasil.penghargaan": "Penghargaan yang diterima",
        "inovasi": "Inovasi yang dibahas",
        "uraian": "Uraian",
    },
    "wilayah": {
        "kode": "Wilayah",
        "nama": "Nama (bila berbeda dari tabel wilayah nasional)",
        "ibu_kota": "Ibu kota",
        "situs": "Situs web resmi",
        "uraian": "Profil singkat",
    },
}

# Help in place of the schema's description where that speaks of YAML values (`false`).
FIELD_HELP: dict[str, str] = {
    "inovasi:lengkap": "Centang bila sumber baru menyebut nama, pemilik, dan ringkasan: cukup "
    "isi itu dan sumbernya; bagian lain dilengkapi bila sumber menyebutnya.",
    "inovasi:tahun_pasti": "Centang bila sumber hanya menunjukkan inovasi sudah berjalan pada "
    "tahun itu, bukan bahwa inovasi dimulai pada tahun itu.",
    "inovasi:jenis_pemilik": "Pemerintah daerah (bawaan) memiliki inovasi lewat wilayahnya. "
    "Untuk pemilik lain, tulis nama lembaganya di isian Instansi; wilayah boleh kosong.",
}

# The labels of each controlled value, by `kind:key` (then `key`); the schema gives the order.
_CHOICE_LABELS: dict[str, dict[str, str]] = {
    "inovasi:jenis": vocabulary.INNOVATION_KIND,
    "inovasi:jenis_pemilik": vocabulary.OWNER_KIND,
    "inovasi:tahap": vocabulary.MATURITY,
    "inovasi:status": vocabulary.STATUS,
    "kegiatan:jenis": vocabulary.EVENT_KIND,
    "replikasi:tahapan.tahap": vocabulary.REPLICATION_STAGE,
}

# What one row of a repeated field is called ("Tambah sumber", "Sumber 2").
_ROW_NOUNS = {
    "tahapan": "tahap",
    "dasar_hukum": "dasar hukum",
    "dasar": "dasar hukum",
    "peserta": "peserta",
    "alias": "slug lama",
}

# Keys whose slug names another record or a vocabulary entry: the form offers a list.
_REFERENCES = {"bidang": "sector", "inovasi": "innovation", "kegiatan": "event"}
# Shared definitions by their widget (`common.schema.json#/$defs/<name>`).
_DEFINITIONS = {
    "kode_wilayah": "region",
    "tanggal": "date",
    "url": "url",
    "markdown": "markdown",
    "catatan": "markdown",
}
_INPUT_KINDS = {"email": "email", "telepon": "tel"}


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    names = (*FORM_KINDS, "common")
    return {
        f"{name}.schema.json": json.loads(schema_file(name).read_text(encoding="utf-8"))
        for name in names
    }


def _definition(node: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The shared definition a node refers to (`""` for none), and the node it resolves to
    with the referring node's own description kept."""
    ref = node.get("$ref")
    if not ref:
        return "", node
    name = ref.rsplit("/", 1)[-1]
    target = _schemas()["common.schema.json"]["$defs"][name]
    inner = _definition(target)[1]
    resolved = {**inner, **{k: v for k, v in node.items() if k != "$ref"}}
    resolved.setdefault("description", target.get("description", ""))
    return name, resolved


def label_of(kind: str, path: str) -> str | None:
    """A field's Indonesian label (`path` is `key` or `key.sub`), or None when unnamed."""
    return FIELD_LABELS[kind].get(path) or _SHARED_LABELS.get(path)


def _widget(kind: str, path: str, key: str, node: dict[str, Any], ref: str) -> dict[str, Any]:
    """What control a property gets, from its shape: the parts of a field besides its label."""
    if ref in _DEFINITIONS:
        return {"widget": _DEFINITIONS[ref]}
    if ref == "slug":
        return {"widget": _REFERENCES.get(key, "text")}
    if "enum" in node:
        names = _CHOICE_LABELS.get(f"{kind}:{path}", {})
        options = [{"value": v, "label": names.get(v, v)} for v in node["enum"]]
        return {"widget": "choice", "options": options}
    kind_of = node.get("type")
    if kind_of == "boolean":
        return {"widget": "checkbox", "checked_value": not node.get("default", False)}
    if kind_of == "integer":
        return {"widget": "year"}
    if kind_of == "object":
        return {"widget": "section", "fields": _fields(kind, path, node)}
    if kind_of == "array":
        return _list_widget(kind, path, key, node)
    if key == "ringkasan":
        return {"widget": "summary", "limit": node["maxLength"]}
    return {"widget": "text", "input": _INPUT_KINDS.get(key, "text")}


def _list_widget(kind: str, path: str, key: str, node: dict[str, Any]) -> dict[str, Any]:
    ref, items = _definition(node["items"])
    noun = _ROW_NOUNS.get(key, key.replace("_", " "))
    if items.get("type") == "object":
        return {"widget": "group", "noun": noun, "fields": _fields(kind, path, items)}
    if items.get("type") == "integer":
        names = vocabulary.SDG if key == "sdgs" else {}
        values = range(items["minimum"], items["maximum"] + 1)
        options = [
            {"value": n, "label": f"{n}. {names[n]}" if n in names else str(n)} for n in values
        ]
        return {"widget": "checkboxes", "options": options}
    if key == "tag":
        return {"widget": "tags"}
    item = _widget(kind, path, key, items, ref)
    return {"widget": "list", "noun": noun, "item": item}


def _field(kind: str, path: str, node: dict[str, Any], required: bool) -> dict[str, Any]:
    key = path.rsplit(".", 1)[-1]
    ref, resolved = _definition(node)
    field: dict[str, Any] = {
        "key": key,
        "label": label_of(kind, path) or key,
        "help": FIELD_HELP.get(f"{kind}:{path}", resolved.get("description", "")),
        "required": required,
    }
    if "default" in resolved:
        field["default"] = resolved["default"]
    field.update(_widget(kind, path, key, resolved, ref))
    return field


def _fields(kind: str, parent: str, node: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields of a mapping's properties (a list item's or `kontak`'s), in schema order."""
    needed = set(node.get("required", ()))
    return [
        _field(kind, f"{parent}.{key}", prop, key in needed)
        for key, prop in node.get("properties", {}).items()
    ]


def form_fields(kind: str) -> list[dict[str, Any]]:
    """Every top-level field of a record kind's form, in the format's key order. Required: the
    schema's keys, a complete innovation's (`x-wajib-lengkap`, marked `when_complete`), a
    regional government's `wilayah`, and `sumber`, which the published catalogue requires."""
    schema = _schemas()[f"{kind}.schema.json"]
    properties = schema["properties"]
    order = [k for k in KEY_ORDER[kind] if k in properties]
    order += [k for k in properties if k not in order]
    complete = set(schema.get("x-wajib-lengkap", ()))
    fields = []
    for key in order:
        required = key in schema.get("required", ()) or key == "sumber"
        required = required or (kind == "inovasi" and key == "wilayah")
        field = _field(kind, key, properties[key], required or key in complete)
        if key in complete:
            field["when_complete"] = True
        fields.append(field)
    return fields
