"""The JSON Schemas of the record kinds, and what the loader and validator ask of them.

The schemas in `generator/schemas/` are the single definition of a record's shape: editors'
tools read them (VS Code through the `yaml-language-server` comment), the site publishes them,
the loader asks them which type a scalar is, and the validator checks records against them.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from generator.records.loader import Located
from generator.records.problems import Problem, format_key_path

if TYPE_CHECKING:
    import jsonschema
    from referencing import Registry

# `jsonschema` (and `referencing`) are imported when a record fails the compiled validator,
# the only time they are used: a valid catalogue's `validate` does without their 50 ms.

# The schemas stay at `generator/schemas/`: every record file names its schema by that path.
SCHEMA_DIR = Path(__file__).parents[1] / "schemas"
RECORD_KINDS = ("wilayah", "inovasi", "replikasi", "kegiatan")
SCHEMA_NAMES = (*RECORD_KINDS, "bidang", "katalog", "sinonim", "common")


def schema_file(name: str) -> Path:
    return SCHEMA_DIR / f"{name}.schema.json"


@cache
def _documents() -> dict[str, dict[str, Any]]:
    return {
        f"{name}.schema.json": json.loads(schema_file(name).read_text(encoding="utf-8"))
        for name in SCHEMA_NAMES
    }


@cache
def _registry() -> Registry:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = [
        (uri, Resource.from_contents(doc, default_specification=DRAFT202012))
        for uri, doc in _documents().items()
    ]
    return Registry().with_resources(resources)


@cache
def validator_for(name: str) -> jsonschema.protocols.Validator:
    """A Draft 2020-12 validator for one schema, with the shared definitions registered."""
    import jsonschema

    schema = _documents()[f"{name}.schema.json"]
    return jsonschema.Draft202012Validator(schema, registry=_registry())


def _bundled(node: Any, document: str) -> Any:
    """A self-contained copy of a schema: `$ref`s inlined, annotations the fast validator
    would act on (`default`, which fastjsonschema writes into the data) left out."""
    if isinstance(node, list):
        return [_bundled(item, document) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = SchemaNode(document, {"$ref": node["$ref"]})
        merged = {**_bundled(target.schema, target.document)}
        merged.update({k: v for k, v in node.items() if k not in ("$ref", "default")})
        return merged
    skipped = ("$schema", "$defs", "default")
    return {k: _bundled(v, document) for k, v in node.items() if k not in skipped}


@cache
def _fast_validator(name: str) -> Any:
    """A compiled validator that only answers valid or not; see `check_against_schema`."""
    file = f"{name}.schema.json"
    return fastjsonschema.compile(_bundled(_documents()[file], file))


class SchemaNode:
    """One place in a schema, with `$ref`s followed; the loader's :class:`TypeGuide`.

    Children are built once and kept: the loader asks the same questions for every record."""

    def __init__(self, document: str, schema: dict[str, Any]) -> None:
        while "$ref" in schema:
            target, _, pointer = schema["$ref"].partition("#")
            document = target or document
            schema = _documents()[document]
            for part in filter(None, pointer.split("/")):
                schema = schema[part]
        self.document = document
        self.schema = schema
        self._properties: dict[str, SchemaNode | None] = {}
        self._items: SchemaNode | None = None
        self._known: list[str] | None = None
        kind = schema.get("type")
        self.json_type: str | None = kind if isinstance(kind, str) else None
        if schema.get("additionalProperties") is False:
            self._known = list(schema.get("properties", {}))

    def property(self, key: str) -> SchemaNode | None:
        if key not in self._properties:
            child = self.schema.get("properties", {}).get(key)
            self._properties[key] = SchemaNode(self.document, child) if child is not None else None
        return self._properties[key]

    def known_keys(self) -> list[str] | None:
        return self._known

    def items(self) -> SchemaNode | None:
        if self._items is None:
            child = self.schema.get("items")
            if isinstance(child, dict):
                self._items = SchemaNode(self.document, child)
        return self._items


@cache
def guide_for(name: str) -> SchemaNode:
    """The root of schema `name`, to guide the loader."""
    file = f"{name}.schema.json"
    return SchemaNode(file, _documents()[file])


_TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "boolean": "`true` atau `false`",
    "array": "daftar (butir-butir diawali `- `)",
    "object": "pemetaan (pasangan `kunci: nilai`)",
}


def _describe(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, int):
        return f"bilangan `{value}`"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"teks `{shown}`"
    if isinstance(value, list):
        return "daftar"
    return "pemetaan"


def check_against_schema(name: str, located: Located, display: str) -> list[Problem]:
    """Every schema violation of one record, each located and worded for an editor.

    A compiled validator first answers "valid?" (about 30 times faster); only records that
    fail are walked by `jsonschema`, which reports every error with its path."""
    try:
        _fast_validator(name)(located.value)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems = []
    for error in validator_for(name).iter_errors(located.value):
        problem = _translate(error, located, display)
        if problem is not None:
            problems.append(problem)
    return problems


def _translate(error: jsonschema.ValidationError, located: Located, display: str) -> Problem | None:
    key_path = tuple(error.absolute_path)
    rule: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.instance
    kind = error.validator
    hint = ""
    line, column = located.position(key_path)
    if kind == "additionalProperties":
        return None  # the loader reports unknown keys, with a "did you mean" hint
    if kind == "required":
        missing = error.message.split("'")[1]
        key_path = (*key_path, missing)
        message = f"kunci wajib `{missing}` tidak ada"
        hint = add_key_hint(missing, _property_description(error.schema, missing))
    elif kind == "type":
        expected = _TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        message = f"harus berupa {expected}, bukan {_describe(value)}"
        if value is None:
            message = f"tidak boleh kosong; isi dengan {expected}"
        if error.validator_value == "integer" and isinstance(value, str):
            hint = "tulis angka saja, tanpa tanda kutip, misalnya `2021`"
        elif error.validator_value == "boolean" and isinstance(value, str):
            hint = "tulis `true` atau `false`"
    elif kind == "enum":
        allowed = [str(v) for v in rule]
        message = f"{_describe(value)} bukan nilai yang diizinkan; pilih salah satu: " + ", ".join(
            f"`{v}`" for v in allowed
        )
        close = difflib.get_close_matches(str(value).lower(), allowed, n=1, cutoff=0.5)
        hint = f"maksud Anda `{close[0]}`?" if close else ""
    elif kind == "pattern":
        wanted = schema.get("x-pesan", "tidak sesuai pola " + str(error.validator_value))
        message = f"{_describe(value)} {wanted}"
    elif kind == "maxLength":
        message = f"terlalu panjang: {len(value)} karakter (batas {rule})"
        hint = "persingkat teksnya"
    elif kind == "minLength":
        message = "tidak boleh kosong"
    elif kind == "minItems":
        message = f"harus berisi paling sedikit {error.validator_value} butir"
    elif kind in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        message = f"{_describe(value)} di luar rentang {low}–{high}"
    elif kind == "uniqueItems":
        message = "ada butir yang sama lebih dari sekali"
        hint = "hapus butir yang berulang"
    else:
        message = error.message
    return Problem(display, line, column, format_key_path(key_path), message, hint)


def add_key_hint(key: str, described: str) -> str:
    """What to do about a missing key: add it, with what it means."""
    return f"tambahkan `{key}:` — {described}" if described else f"tambahkan `{key}:`"


def required_when_complete(name: str) -> tuple[str, ...]:
    """The keys a complete record of kind `name` must have (`x-wajib-lengkap`); a partial
    record (`lengkap: false`) may leave them out."""
    return tuple(_documents()[f"{name}.schema.json"].get("x-wajib-lengkap", ()))


def property_description(name: str, key: str) -> str:
    """The description of key `key` of record kind `name`, for hints."""
    return _property_description(_documents()[f"{name}.schema.json"], key)


def _property_description(schema: Any, key: str) -> str:
    if not isinstance(schema, dict):
        return ""
    prop = schema.get("properties", {}).get(key)
    if not isinstance(prop, dict):
        return ""
    return str(
        prop.get("description")
        or SchemaNode("common.schema.json", prop).schema.get("description", "")
    )
