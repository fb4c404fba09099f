"""The data the contribution form (`/kontribusi/formulir/`) needs, written as one JSON file at
build time: the record schemas and the fields made from them, the vocabularies, the regions
(the catalogue's province first), the existing records it must not collide with, and where a
finished record can go (the repository's new-file page, the publisher's e-mail).

The form checks records in the browser against the very schemas in `generator/schemas/`, so
they are copied here unchanged, never rewritten by hand into JavaScript.
"""

from __future__ import annotations

import json
from typing import Any

from generator.editing.form_fields import FORM_KINDS, form_fields
from generator.editing.record_text import region_slug_part
from generator.editing.template import KEY_ORDER, SCHEMA_COMMENT
from generator.records import vocabulary
from generator.records.catalogue import Catalogue
from generator.records.schema import schema_file
from generator.records.settings import Identity

# Where the site serves the file; the form page finds it relative to its own address.
FORM_DATA_PATH = "assets/formulir-data.json"


def form_data(catalogue: Catalogue, identity: Identity | None = None) -> dict[str, Any]:
    """Everything the form page reads, as plain JSON values. "Buka di GitHub" opens the new
    file page of `identity`'s repository and branch (the catalogue's own by default;
    `katalog.yml`'s `repositori` and `cabang`), "Kirim lewat surel" writes to its publisher
    (`pengelola`); either is left out when not known."""
    identity = identity or catalogue.identity
    publisher = identity.publisher
    return {
        "schemas": {
            f"{name}.schema.json": json.loads(schema_file(name).read_text(encoding="utf-8"))
            for name in (*FORM_KINDS, "common")
        },
        "fields": {kind: form_fields(kind) for kind in FORM_KINDS},
        "key_order": {kind: list(KEY_ORDER[kind]) for kind in FORM_KINDS},
        "schema_comment": SCHEMA_COMMENT,
        "stages": list(vocabulary.REPLICATION_STAGES),
        "cancelled": vocabulary.CANCELLED,
        "bidang": [{"kode": s.kode, "nama": s.nama} for s in catalogue.sectors.values()],
        "wilayah": _regions(catalogue),
        "provinsi_utama": [catalogue.home_province] if catalogue.home_province else [],
        "inovasi": [
            {
                "slug": i.slug,
                "nama": i.nama,
                "wilayah": i.wilayah,
                "tahun": i.tahun,
                "tahun_pasti": i.tahun_pasti,
            }
            for i in catalogue.innovations.values()
        ],
        "replikasi": [
            {"slug": r.slug, "inovasi": r.inovasi, "wilayah": r.wilayah}
            for r in catalogue.replications.values()
        ],
        "kegiatan": [{"slug": e.slug, "nama": e.nama} for e in catalogue.events.values()],
        "profil": [{"slug": p.slug, "kode": p.kode} for p in catalogue.profiles.values()],
        "github_new": identity.new_file_base(),
        "pengelola": {"nama": publisher.nama, "email": publisher.email} if publisher else None,
    }


def _regions(catalogue: Catalogue) -> list[dict[str, str]]:
    """Every region of the national table by code: its name, province, the part of a slug it
    gives (`ketapang`) and its profile's file name (`kabupaten-ketapang`)."""
    regions = catalogue.regions
    province_names = {r.code: r.name for r in regions.by_code.values() if r.is_province}
    return [
        {
            "kode": region.code,
            "nama": region.full_name,
            "provinsi": province_names[region.province_code],
            "slug": region_slug_part(region, regions),
            "profil": region.slug,
        }
        for region in sorted(regions.by_code.values(), key=lambda r: r.code)
    ]


def form_data_json(catalogue: Catalogue, identity: Identity | None = None) -> str:
    """The form's data file, compact (it holds the national region table)."""
    return json.dumps(form_data(catalogue, identity), ensure_ascii=False, separators=(",", ":"))
