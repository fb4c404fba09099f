"""One source for each vocabulary: the values in `generator/records/vocabulary.py` are the
values everywhere else, so a copy that drifts (a new status added to the schema but not to the
labels, a stage renamed in the form) fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.editing.answers import EVENT_KINDS, INNOVATION_KINDS, INNOVATION_STAGES
from generator.editing.form_fields import form_fields
from generator.records import vocabulary
from generator.records.schema import SCHEMA_DIR
from generator.site.charts import STAGE_COLOURS

ROOT = Path(__file__).resolve().parents[1]
STAGES_AND_CANCELLED = [*vocabulary.REPLICATION_STAGES, vocabulary.CANCELLED]


def _schema(kind: str) -> dict[str, object]:
    loaded = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _enum(kind: str, *path: str) -> list[str]:
    node: object = _schema(kind)
    for step in path:
        assert isinstance(node, dict), (kind, path)
        node = node[step]
    assert isinstance(node, dict)
    values = node["enum"]
    assert isinstance(values, list)
    return values


@pytest.mark.parametrize(
    ("kind", "path", "values"),
    [
        ("inovasi", ("properties", "jenis"), list(vocabulary.INNOVATION_KIND)),
        ("inovasi", ("properties", "tahap"), list(vocabulary.MATURITY)),
        ("inovasi", ("properties", "status"), list(vocabulary.STATUS)),
        (
            "replikasi",
            ("properties", "tahapan", "items", "properties", "tahap"),
            STAGES_AND_CANCELLED,
        ),
        ("kegiatan", ("properties", "jenis"), list(vocabulary.EVENT_KIND)),
    ],
    ids=["inovasi.jenis", "inovasi.tahap", "inovasi.status", "replikasi.tahap", "kegiatan.jenis"],
)
def test_schema_enums_are_the_vocabulary(
    kind: str, path: tuple[str, ...], values: list[str]
) -> None:
    assert _enum(kind, *path) == values


def test_every_stage_has_a_label_and_a_colour() -> None:
    assert list(vocabulary.REPLICATION_STAGE) == STAGES_AND_CANCELLED
    assert list(STAGE_COLOURS) == STAGES_AND_CANCELLED


def test_statuses_have_a_facet_label() -> None:
    assert list(vocabulary.STATUS_SHORT) == list(vocabulary.STATUS)


def test_new_offers_the_vocabulary() -> None:
    assert list(INNOVATION_KINDS) == list(vocabulary.INNOVATION_KIND)
    assert list(INNOVATION_STAGES) == list(vocabulary.MATURITY)
    assert list(EVENT_KINDS) == list(vocabulary.EVENT_KIND)


def test_the_form_takes_the_stages_from_the_vocabulary() -> None:
    scripts = "".join(
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "docs" / "assets").glob("formulir*.js"))
    )
    for stage in vocabulary.REPLICATION_STAGES:
        assert f'"{stage}"' not in scripts, f"docs/assets/formulir*.js names stage {stage}"
    stages = next(f for f in form_fields("replikasi") if f["key"] == "tahapan")
    choice = next(f for f in stages["fields"] if f["key"] == "tahap")
    assert choice["options"] == [
        {"value": value, "label": label} for value, label in vocabulary.REPLICATION_STAGE.items()
    ]


def _format_row(key: str, section: str) -> str:
    text = (ROOT / "FORMAT.md").read_text(encoding="utf-8")
    part = text[text.index(section) :]
    row = re.search(rf"^\| {key} \|(.*)$", part, re.M)
    assert row, f"FORMAT.md: no row for `{key}` after {section!r}"
    return row.group(1)


@pytest.mark.parametrize(
    ("key", "section", "values"),
    [
        ("jenis", "catalogue/inovasi/", list(vocabulary.INNOVATION_KIND)),
        ("tahap", "catalogue/inovasi/", list(vocabulary.MATURITY)),
        ("status", "catalogue/inovasi/", list(vocabulary.STATUS)),
        ("tahapan", "catalogue/replikasi/", STAGES_AND_CANCELLED),
        ("jenis", "catalogue/kegiatan/", list(vocabulary.EVENT_KIND)),
    ],
    ids=["inovasi.jenis", "inovasi.tahap", "inovasi.status", "replikasi.tahap", "kegiatan.jenis"],
)
def test_format_documents_the_vocabulary(key: str, section: str, values: list[str]) -> None:
    row = _format_row(key, section)
    # The values are the code spans of the row (its type, or for stages its meaning).
    assert re.findall(r"`([a-z-]+)`", row) == values


def test_no_region_code_is_written_into_the_code() -> None:
    """The home province comes from the catalogue (`katalog.yml`), not from the code. (The
    record templates of `new` show example codes to the editor: not a vocabulary.)"""
    examples = ROOT / "generator" / "editing" / "template.py"
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "generator").rglob("*.py"))
        if path != examples
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""["']6[0-9](\.[0-9]{2})?["']""", line)
    ]
    assert not found, "region codes in the code:\n" + "\n".join(found)
