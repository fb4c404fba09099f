"""Each broken record in `fixtures/invalid/<kind>/KEY_REASON.yml` gives exactly the located
messages in its `.expect` file (path left out). Run with UPDATE_GOLDEN=1 to rewrite the
`.expect` files after a deliberate change, then review them as a diff."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from generator.records.regions import slugify
from generator.records.validate import read_catalogue

from .conftest import FIXTURES, make_catalogue

INVALID = sorted((FIXTURES / "invalid").glob("*/*.yml"))
VALID = sorted((FIXTURES / "valid").glob("*/*.yml"))
TARGET = re.compile(rb"^# file: (\S+)")


def _install(fixture: Path, catalogue: Path) -> Path:
    kind = fixture.parent.name
    first = fixture.read_bytes().split(b"\n", 1)[0]
    match = TARGET.match(first)
    name = match.group(1).decode() if match else f"{slugify(fixture.stem)}.yml"
    target = catalogue / kind / name
    shutil.copy(fixture, target)
    return target


def _messages(catalogue: Path, installed: Path) -> list[str]:
    result = read_catalogue(catalogue)
    lines = []
    for problem in result.problems:
        assert Path(problem.path).resolve() == installed.resolve(), problem.format()
        lines.append(problem.format().split(":", 1)[1])
    return lines


def test_corpus_is_large_enough() -> None:
    assert len(INVALID) >= 40


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_invalid_record_gives_its_exact_messages(fixture: Path, tmp_path: Path) -> None:
    catalogue = make_catalogue(tmp_path / "catalogue")
    installed = _install(fixture, catalogue)
    messages = _messages(catalogue, installed)
    expect_file = fixture.with_suffix(".expect")
    if os.environ.get("UPDATE_GOLDEN"):
        expect_file.write_text("\n".join(messages) + "\n", encoding="utf-8")
    expected = expect_file.read_text(encoding="utf-8").splitlines()
    assert messages == expected
    assert messages, "a broken record must give at least one message"


@pytest.mark.parametrize("fixture", VALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_valid_record_passes(fixture: Path, tmp_path: Path) -> None:
    catalogue = make_catalogue(tmp_path / "catalogue")
    _install(fixture, catalogue)
    result = read_catalogue(catalogue)
    assert result.problems == []


@pytest.mark.parametrize("fixture", INVALID + VALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_compiled_check_agrees_with_the_full_schema_check(fixture: Path) -> None:
    """The fast validator only decides whether the full one runs: they must agree."""
    import fastjsonschema

    from generator.records.loader import load_file
    from generator.records.schema import _fast_validator, guide_for, validator_for

    kind = fixture.parent.name
    loaded = load_file(fixture, fixture.name, guide_for(kind))
    if loaded.data is None:
        return
    full_ok = validator_for(kind).is_valid(loaded.data.value)
    try:
        _fast_validator(kind)(loaded.data.value)
        fast_ok = True
    except fastjsonschema.JsonSchemaException:
        fast_ok = False
    assert fast_ok == full_ok
