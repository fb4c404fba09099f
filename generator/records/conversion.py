"""From composed YAML nodes to a record's plain values, guided by the record's schema.

YAML's own typing is where hand-written records go wrong: `61.10` becomes the number 61.1,
`yes` becomes True, `2021-12-07` becomes a date object. Nothing here guesses: every scalar
keeps the text the editor typed, and the schema (through :class:`TypeGuide`) decides whether
it is a whole number, a boolean or text. Anything YAML allows but a record has no use for
(aliases, custom tags, duplicate keys, unknown keys) is a located problem.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import yaml

from generator.records.problems import Problem, format_key_path

MAX_STRING_CHARS = 50_000
MAX_DEPTH = 12

# The one tag the loader gives every node the editor did not tag (`loader._TextLoader`).
IMPLICIT_TAG = "katalog:implicit"
_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    IMPLICIT_TAG,
    _STR_TAG,
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_INT = re.compile(r"^[-+]?[0-9]+$")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}

KeyPath = tuple[str | int, ...]


class TypeGuide(Protocol):
    """What the schema expects at one place of a record (see `schema.SchemaNode`)."""

    @property
    def json_type(self) -> str | None: ...

    def property(self, key: str) -> TypeGuide | None: ...

    def known_keys(self) -> list[str] | None: ...

    def items(self) -> TypeGuide | None: ...


class Converter:
    """Walks composed nodes, guided by the schema, collecting problems as it goes."""

    def __init__(self, display: str, anchors: bool = True) -> None:
        self.display = display
        self.problems: list[Problem] = []
        # Without an anchor (`&name`) there is no alias, and no node to watch for twice.
        self._seen: set[int] | None = set() if anchors else None

    def _problem(self, node: yaml.Node, key_path: KeyPath, message: str, hint: str = "") -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(
                self.display,
                mark.line + 1,
                mark.column + 1,
                format_key_path(key_path),
                message,
                hint,
            )
        )

    def convert(
        self, node: yaml.Node, guide: TypeGuide | None, key_path: KeyPath, depth: int
    ) -> Any:
        """The plain value of `node` at `key_path`: None for a null, and where a problem was
        found."""
        if self._seen is not None:
            if id(node) in self._seen:
                # The composer hands back the very same node object for every alias of an
                # anchor.
                self._problem(
                    node,
                    key_path,
                    "alias YAML (`*nama`) tidak diizinkan",
                    "tulis nilainya langsung",
                )
                return None
            self._seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            self._problem(
                node, key_path, f"tag YAML `{node.tag}` tidak diizinkan", "hapus tag tersebut"
            )
            return None
        if depth > MAX_DEPTH:
            self._problem(
                node, key_path, f"struktur terlalu dalam (lebih dari {MAX_DEPTH} tingkat)"
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, guide, key_path, depth)
        if isinstance(node, yaml.SequenceNode):
            items = guide.items() if guide else None
            return [
                self.convert(child, items, (*key_path, index), depth + 1)
                for index, child in enumerate(node.value)
            ]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, guide, key_path)

    def _mapping(
        self,
        node: yaml.MappingNode,
        guide: TypeGuide | None,
        key_path: KeyPath,
        depth: int,
    ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        known = guide.known_keys() if guide else None
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (
                IMPLICIT_TAG,
                _STR_TAG,
            ):
                self._problem(key_node, key_path, "kunci harus berupa teks biasa")
                continue
            key = key_node.value
            child_path = (*key_path, key)
            if key in first_seen:
                self._problem(
                    key_node, child_path,
                    f"kunci `{key}` muncul dua kali (pertama di baris {first_seen[key]})",
                    "hapus salah satunya; YAML hanya menyimpan yang terakhir",
                )  # fmt: skip
                continue
            first_seen[key] = key_node.start_mark.line + 1
            if known is not None and key not in known:
                self._problem(
                    key_node,
                    child_path,
                    f"kunci `{key}` tidak dikenal",
                    unknown_key_hint(key, known),
                )
                continue
            child_guide = guide.property(key) if guide else None
            result[key] = self.convert(value_node, child_guide, child_path, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, guide: TypeGuide | None, key_path: KeyPath) -> Any:
        text: str = node.value
        plain = node.tag == IMPLICIT_TAG and not node.style
        if len(text) > MAX_STRING_CHARS:
            self._problem(
                node,
                key_path,
                f"teks terlalu panjang ({len(text):,} karakter; batas {MAX_STRING_CHARS:,})",
            )
            return None
        if plain and text in _NULLS:
            return None
        expected = guide.json_type if guide else None
        if plain and expected == "integer" and _INT.match(text):
            return int(text)
        if plain and expected == "boolean" and text in _BOOLS:
            return _BOOLS[text]
        return text


# Old or common wrong spellings editors reach for, with the key the format uses.
KNOWN_MISSPELLINGS = {
    "nama_inovasi": "nama",
    "judul": "nama",
    "kode_wilayah": "wilayah",
    "daerah": "wilayah",
    "opd": "instansi",
    "perangkat_daerah": "instansi",
    "tahun_mulai": "tahun",
    "sektor": "bidang",
    "urusan": "bidang",
    "kategori": "bidang",
    "deskripsi": "ringkasan",
    "tahapan_inovasi": "tahap",
    "referensi": "sumber",
    "tautan_sumber": "sumber",
    "tanggal_kegiatan": "tanggal",
    "lokasi": "tempat",
    "penghargaan_inovasi": "penghargaan",
}


def unknown_key_hint(key: str, known: list[str]) -> str:
    """'maksud Anda `nama`?' for a misspelt key; else the list of allowed keys."""
    import difflib

    guess = KNOWN_MISSPELLINGS.get(key)
    if guess not in known:
        matches = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        guess = matches[0] if matches else None
    if guess:
        return f"maksud Anda `{guess}`?"
    return "kunci yang dikenal: " + ", ".join(f"`{k}`" for k in sorted(known))
