"""Read one YAML record file into plain values, with the line and column of every value.

YAML's own typing is where hand-written records go wrong: `61.10` becomes the number 61.1,
`yes` becomes True, `2021-12-07` becomes a date object. This loader never guesses: every
scalar keeps the text the editor typed, and the schema (through :class:`TypeGuide`) decides
whether it is a whole number, a boolean or text. Anything YAML allows but a record has no use
for (aliases, custom tags, several documents, duplicate keys) is a located problem.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from generator.records.problems import Problem, format_key_path

MAX_FILE_BYTES = 1_000_000
MAX_STRING_CHARS = 50_000
MAX_DEPTH = 12
# Composing a node tree recurses once per level (in C for libyaml): a file of 100,000 `[`
# crashed the process. Nesting is measured on the event stream before composing.
MAX_PARSE_DEPTH = 100

_IMPLICIT = "katalog:implicit"
_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    _IMPLICIT,
    _STR_TAG,
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_INT = re.compile(r"^[-+]?[0-9]+$")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KeyPath = tuple[str | int, ...]


class _TextLoader(_BaseLoader):  # type: ignore[misc]
    """Composes nodes without resolving implicit types: every untagged node keeps one tag,
    so a tag other than that one was written by the editor."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return _IMPLICIT


class TypeGuide(Protocol):
    """What the schema expects at one place of a record (see `schema.SchemaNode`)."""

    @property
    def json_type(self) -> str | None: ...

    def property(self, key: str) -> TypeGuide | None: ...

    def known_keys(self) -> list[str] | None: ...

    def items(self) -> TypeGuide | None: ...


@dataclass
class Located:
    """A record's values, and the YAML text they came from.

    Positions are looked up only when a problem is reported: the text is composed again
    then. A valid record costs no position bookkeeping, and no node tree is kept in memory
    (kept, the trees of 30,000 records took 600 MB)."""

    value: Any
    text: str = ""
    _root: yaml.Node | None = field(default=None, repr=False)
    # Where the text is read from when it was not kept (a record checked in another
    # process: its text did not travel back, see `validate._check_part`).
    source: Path | None = field(default=None, repr=False)

    @property
    def root(self) -> yaml.Node | None:
        if self._root is None and not self.text and self.source is not None:
            self.text = read_text(self.source, str(self.source))[0] or ""
        if self._root is None and self.text:
            loader = _TextLoader(self.text)
            try:
                self._root = loader.get_single_node()
            finally:
                loader.dispose()
        return self._root

    def _node(self, key_path: KeyPath) -> tuple[yaml.Node | None, yaml.Node | None]:
        """The value node at `key_path` (or its nearest ancestor) and the key node above it."""
        node, key_node = self.root, None
        for part in key_path:
            child = None
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == part:
                        child, key_node = v, k  # the first one, as in the value
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child, key_node = node.value[part], None
            if child is None:
                return node, None
            node = child
        return node, key_node

    def position(self, key_path: KeyPath) -> tuple[int, int]:
        """1-based line and column of `key_path`'s value, or of its nearest ancestor."""
        node, _ = self._node(tuple(key_path))
        if node is None:
            return (1, 1)
        return node.start_mark.line + 1, node.start_mark.column + 1

    def key_position(self, key_path: KeyPath) -> tuple[int, int]:
        """1-based line and column of the key that holds `key_path` (its value's if none)."""
        node, key_node = self._node(tuple(key_path))
        found = key_node or node
        if found is None:
            return (1, 1)
        return found.start_mark.line + 1, found.start_mark.column + 1


@dataclass
class LoadedFile:
    path: str
    data: Located | None
    problems: list[Problem]


def _line_col_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return line, column


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or a located problem when it is too large or not UTF-8."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        mode = stat.S_IFREG  # gone: reading says so below
    if not stat.S_ISREG(mode):
        # A pull request can add a symlink: it must not make the build read outside the
        # catalogue. A FIFO or device would block or never end.
        return None, [
            Problem(
                display, 1, 1, "", "berkas catatan harus berkas biasa, bukan tautan simbolik",
                "ganti tautan dengan berkas YAML yang sebenarnya",
            )
        ]  # fmt: skip
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # never more: a huge file is not read whole
            size = len(raw) if len(raw) <= MAX_FILE_BYTES else path.stat().st_size
    except OSError as error:
        return None, [Problem(display, 1, 1, "", f"berkas tidak dapat dibaca: {error.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(
                display, 1, 1, "",
                f"berkas terlalu besar ({size:,} byte; batas {MAX_FILE_BYTES:,} byte)",
                "pecah isinya atau pindahkan lampiran ke tautan",
            )
        ]  # fmt: skip
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line, column = _line_col_of_byte(raw, error.start)
        byte = raw[error.start]
        return None, [
            Problem(
                display, line, column, "",
                f"berkas bukan UTF-8: byte 0x{byte:02X} pada offset {error.start} tidak valid",
                "simpan ulang berkas dengan pengodean UTF-8",
            )
        ]  # fmt: skip


def load_file(path: Path, display: str, guide: TypeGuide | None) -> LoadedFile:
    """Read and convert one record file; problems are returned, never raised."""
    text, problems = read_text(path, display)
    if text is None:
        return LoadedFile(display, None, problems)
    return load_text(text, display, guide)


def load_text(text: str, display: str, guide: TypeGuide | None) -> LoadedFile:
    """Convert YAML text (one document) into located values, guided by the schema."""
    too_deep = _too_deep(text)
    if too_deep is not None:
        line, column = too_deep
        message = f"struktur terlalu dalam (lebih dari {MAX_DEPTH} tingkat)"
        return LoadedFile(display, None, [Problem(display, line, column, "", message)])
    loader = _TextLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
        what = f"{error.context or ''} {error.problem or ''}"
        return LoadedFile(display, None, [_syntax_problem(display, line, column, what, tab)])
    except yaml.YAMLError as error:
        return LoadedFile(display, None, [Problem(display, 1, 1, "", f"YAML tidak valid: {error}")])
    finally:
        loader.dispose()
    if root is None:
        return LoadedFile(
            display,
            None,
            [
                Problem(
                    display, 1, 1, "", "berkas kosong", "isi catatan sebagai pasangan kunci: nilai"
                )
            ],
        )
    converter = _Converter(display, anchors="&" in text)
    value = converter.convert(root, guide, (), 0)
    return LoadedFile(
        display, Located(value, text, root if converter.problems else None), converter.problems
    )


def _nesting_bound(text: str) -> int:
    """An upper bound of the text's nesting depth, counted cheaply: every level opens with a
    bracket, a brace, a new line or a block indicator (`- `, `? `) and a key on it."""
    indicators = sum(text.count(mark) for mark in ("\n", "[", "{", "-", "?"))
    return 2 * indicators + 2


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the text nests deeper than `MAX_PARSE_DEPTH`, as a 1-based (line, column).

    Parsing events keeps no stack of nodes, so it is safe on any input; it runs only when
    the cheap bound says a record could be that deep. A syntax error is left to composing,
    which reports it with its message."""
    if _nesting_bound(text) <= 4 * MAX_PARSE_DEPTH:
        return None
    loader = _TextLoader(text)
    depth = 0
    first_too_deep: tuple[int, int] | None = None
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                mark = event.start_mark
                where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                if depth == MAX_DEPTH + 2 and first_too_deep is None:
                    first_too_deep = where
                if depth > MAX_PARSE_DEPTH:
                    return first_too_deep or where
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        # libyaml 0.2.6 (in PyYAML's wheels) has a nesting limit of its own and stops there:
        # the same problem, reported at the same place as ours would be.
        if "nesting depth" in str(error):
            mark = getattr(error, "problem_mark", None)
            return first_too_deep or ((mark.line + 1, mark.column + 1) if mark else (1, 1))
        return None
    finally:
        loader.dispose()
    return None


# PyYAML's wording of the syntax errors editors make most, and what to do about each.
_SYNTAX_MESSAGES = (
    ("found another document", "berkas berisi lebih dari satu dokumen",
     "satu berkas hanya boleh berisi satu catatan; hapus `---` kedua"),
    ("mapping values are not allowed", "tanda `:` di tempat yang tidak diharapkan",
     "beri tanda kutip pada nilai yang memuat `: `, atau periksa indentasi"),
    ("could not find expected ':'", "tanda `:` yang diharapkan tidak ditemukan",
     "setiap baris kunci ditulis `kunci: nilai`"),
    ("did not find expected key", "kunci tidak ditemukan di tempat yang diharapkan",
     "periksa tanda kutip yang belum ditutup dan indentasi baris sebelumnya"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip ditutup",
     "tutup tanda kutip yang dibuka"),
    ("found undefined alias", "alias YAML (`*nama`) tidak diizinkan", "tulis nilainya langsung"),
    ("did not find expected", "struktur YAML tidak lengkap", "periksa indentasi dan tanda kutip"),
)  # fmt: skip


def _syntax_problem(display: str, line: int, column: int, what: str, tab: bool) -> Problem:
    if tab:
        return Problem(display, line, column, "", "YAML tidak menerima karakter tab",
                       "pakai spasi untuk indentasi")  # fmt: skip
    for needle, message, hint in _SYNTAX_MESSAGES:
        if needle in what:
            return Problem(display, line, column, "", f"YAML tidak valid: {message}", hint)
    return Problem(
        display, line, column, "", f"YAML tidak valid: {' '.join(what.split())}",
        "periksa indentasi dan tanda kutip",
    )  # fmt: skip


class _Converter:
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
                _IMPLICIT,
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
        plain = node.tag == _IMPLICIT and not node.style
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
