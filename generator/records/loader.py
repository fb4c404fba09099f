"""Read one YAML record file into plain values, with the line and column of every value.

The text is read (plain UTF-8 files of a bounded size only), composed into nodes without
YAML's own typing, and converted into values by `conversion.Converter`, which lets the
schema decide what a scalar is. Anything YAML allows but a record has no use for (several
documents, too deep a nesting, and what the converter refuses) is a located problem.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.records.conversion import IMPLICIT_TAG, MAX_DEPTH, Converter, KeyPath, TypeGuide
from generator.records.problems import Problem

MAX_FILE_BYTES = 1_000_000
# Composing a node tree recurses once per level (in C for libyaml): a file of 100,000 `[`
# crashed the process. Nesting is measured on the event stream before composing.
MAX_PARSE_DEPTH = 100

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextLoader(_BaseLoader):  # type: ignore[misc]
    """Composes nodes without resolving implicit types: every untagged node keeps one tag,
    so a tag other than that one was written by the editor."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return IMPLICIT_TAG


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
    converter = Converter(display, anchors="&" in text)
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
