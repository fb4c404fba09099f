"""The data the contribution form (`/kontribusi/formulir/`) needs, written as one JSON file at
build time: the record schemas, the vocabularies, the regions, the existing records it must
not collide with, and where "Buka di GitHub" points.

The form checks records in the browser against the very schemas in `generator/schemas/`, so
they are copied here unchanged, never rewritten by hand into JavaScript.
"""

from __future__ import annotations

import json
from typing import Any

from generator.editing.record_text import region_slug_part
from generator.editing.template import KEY_ORDER, SCHEMA_COMMENT
from generator.records import vocabulary as labels
from generator.records.catalogue import Catalogue
from generator.records.schema import schema_file
from generator.records.settings import Identity

# Where the site serves the file; the form page finds it relative to its own address.
FORM_DATA_PATH = "assets/formulir-data.json"
FORM_KINDS = ("inovasi", "replikasi")


def form_data(catalogue: Catalogue, identity: Identity | None = None) -> dict[str, Any]:
    """Everything the form page reads, as plain JSON values. "Buka di GitHub" opens the new
    file page of `identity`'s repository and branch (the catalogue's own by default;
    `katalog.yml`'s `repositori` and `cabang`), and is hidden without a repository."""
    identity = identity or catalogue.identity
    regions = catalogue.regions
    province_names = {r.code: r.name for r in regions.by_code.values() if r.is_province}
    return {
        "schemas": {
            f"{name}.schema.json": json.loads(schema_file(name).read_text(encoding="utf-8"))
            for name in (*FORM_KINDS, "common")
        },
        "key_order": {kind: list(KEY_ORDER[kind]) for kind in FORM_KINDS},
        "schema_comment": SCHEMA_COMMENT,
        "labels": {
            "jenis": labels.INNOVATION_KIND,
            "tahap": labels.MATURITY,
            "status": labels.STATUS,
            "tahapan": labels.REPLICATION_STAGE,
        },
        "bidang": [{"kode": s.kode, "nama": s.nama} for s in catalogue.sectors.values()],
        "wilayah": [
            {
                "kode": region.code,
                "nama": region.full_name,
                "provinsi": province_names[region.province_code],
                "slug": region_slug_part(region, regions),
            }
            for region in sorted(regions.by_code.values(), key=lambda r: r.code)
        ],
        "provinsi_utama": home_provinces(catalogue),
        "inovasi": [
            {"slug": i.slug, "nama": i.nama, "wilayah": i.wilayah, "tahun": i.tahun}
            for i in catalogue.innovations.values()
        ],
        "replikasi": [
            {"slug": r.slug, "inovasi": r.inovasi, "wilayah": r.wilayah}
            for r in catalogue.replications.values()
        ],
        "github_new": identity.new_file_base(),
    }


def home_provinces(catalogue: Catalogue) -> list[str]:
    """The provinces the catalogue is about (those of its region profiles, else of its
    innovations): their regions come first in the form's region lists."""
    codes = list(catalogue.profiles) or [
        i.wilayah for i in catalogue.innovations.values() if i.wilayah is not None
    ]
    regions = catalogue.regions
    return sorted({r.province_code for c in codes if (r := regions.get(c)) is not None})


def form_data_json(catalogue: Catalogue, identity: Identity | None = None) -> str:
    """The form's data file, compact (it holds the national region table)."""
    return json.dumps(form_data(catalogue, identity), ensure_ascii=False, separators=(",", ":"))
