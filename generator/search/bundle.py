"""Pagefind's index made reproducible: the same pages give the same bytes.

Pagefind (1.5) writes each filter's values, and the list of filters in its metadata file, in
the order of a Rust hash map, which changes from run to run (Pagefind issue #638: fixed for
fragments only). The files are otherwise identical, and their names are hashes of their
content, so two builds of one catalogue differed in five filter files, the metadata file and
`pagefind-entry.json`.

`normalise_bundle` puts those lists in sorted order and renames what changed by a hash of its
new content. It also gives the pages short names (`_short_page_names`) and removes the files
this site never loads (`UNUSED`).

The files are gzip'd `pagefind_dcd` + CBOR; the small CBOR subset Pagefind uses
(unsigned integers, strings, arrays, maps, booleans, null) is read and written here, with the
shortest encodings, as Pagefind writes them: reading a file and writing it back gives the same
bytes (tested), so only the order changes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
_SIMPLE = {20: False, 21: True, 22: None}


class BundleFormatError(Exception):
    """A Pagefind file is not in the format this module knows (a Pagefind upgrade?)."""


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    if at >= len(data):
        raise BundleFormatError("CBOR value cut short")
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if major == 7:
        if info not in _SIMPLE:
            raise BundleFormatError(f"CBOR simple value {info} not supported")
        return _SIMPLE[info], at
    if info < 24:
        length = info
    elif info <= 27:
        size = 1 << (info - 24)
        length = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise BundleFormatError(f"CBOR length form {info} not supported")
    if major == 0:
        return length, at
    if major in (2, 3):
        chunk = data[at : at + length]
        if len(chunk) != length:
            raise BundleFormatError("CBOR string cut short")
        return (bytes(chunk) if major == 2 else chunk.decode("utf-8")), at + length
    if major == 4:
        items = []
        for _ in range(length):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(length):
            key, at = _decode(data, at)
            mapping[key], at = _decode(data, at)
        return mapping, at
    raise BundleFormatError(f"CBOR major type {major} not supported")


def _head(major: int, length: int) -> bytes:
    if length < 24:
        return bytes([major << 5 | length])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if length < 1 << (8 * size):
            return bytes([major << 5 | info]) + length.to_bytes(size, "big")
    raise BundleFormatError("CBOR length too large")


def _encode(value: Any, out: bytearray) -> None:
    if value is False or value is True or value is None:
        out.append(0xE0 | {False: 20, True: 21, None: 22}[value])
    elif isinstance(value, int):
        if value < 0:
            raise BundleFormatError("negative CBOR integers are not supported")
        out += _head(0, value)
    elif isinstance(value, bytes):
        out += _head(2, len(value)) + value
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        out += _head(3, len(raw)) + raw
    elif isinstance(value, list):
        out += _head(4, len(value))
        for item in value:
            _encode(item, out)
    elif isinstance(value, dict):
        out += _head(5, len(value))
        for key, item in value.items():
            _encode(key, out)
            _encode(item, out)
    else:
        raise BundleFormatError(f"cannot write {type(value).__name__} as CBOR")


def read_file(path: Path) -> Any:
    """The value in one of Pagefind's gzip'd CBOR files (metadata, filter)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name}: not a Pagefind data file")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise BundleFormatError(f"{path.name}: trailing bytes after the CBOR value")
    return value


def file_bytes(value: Any) -> bytes:
    """A value as Pagefind stores it: gzip (no timestamp) of the signature and the CBOR."""
    out = bytearray(SIGNATURE)
    _encode(value, out)
    return gzip.compress(bytes(out), compresslevel=9, mtime=0)


def _content_name(prefix: str, value: Any, digits: int) -> str:
    """`<language>_<hex>`, as Pagefind names its files, from a hash of the content."""
    out = bytearray()
    _encode(value, out)
    return f"{prefix}_{hashlib.sha256(out).hexdigest()[:digits]}"


UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
    "wasm.unknown.pagefind",
)
"""Pagefind's ready-made interfaces, its highlighter, and the engine for pages of no known
language: the search page (`docs/assets/cari.js`) uses `pagefind.js` (and its worker) and the
index is Indonesian only (`--force-language id`)."""

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int) -> str:
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = _DIGITS[digit] + text
        if number == 0:
            return text


def _short_page_names(bundle: Path, meta: list[Any], language: str) -> None:
    """Name each page's fragment `<generation><number>` instead of Pagefind's `id_` and seven
    hex digits of its content's hash, in the metadata file and on disk.

    Every search first fetches the metadata file, which lists every page by that name: at
    10,000 pages the random hashes were two thirds of its 90 KB (gzip cannot shrink random
    digits), numbers in order a third. The two-character generation, from the hash of all
    the old names, changes whenever any page does, so a browser's cached fragment of an
    earlier build is not taken for this build's (except for one generation in 1,296)."""
    pages = meta[1]
    if not (isinstance(pages, list) and all(isinstance(p, list) and p for p in pages)):
        raise BundleFormatError("unexpected page list in the metadata file")
    old = [str(page[0]) for page in pages]
    if not all(name.startswith(f"{language}_") for name in old):
        return  # named here already
    digest = int(hashlib.sha256("\n".join(old).encode("utf-8")).hexdigest(), 16)
    generation = _DIGITS[digest % 36] + _DIGITS[digest // 36 % 36]
    fragments = bundle / "fragment"
    for number, page in enumerate(pages):
        new = generation + _base36(number)
        (fragments / f"{page[0]}.pf_fragment").rename(fragments / f"{new}.pf_fragment")
        page[0] = new


def normalise_bundle(bundle: Path) -> None:
    """Sort the filter values and filter list of every language of the Pagefind bundle in
    `bundle`, give the pages short names, give the changed files names from their new
    content, and remove the files the site does not use."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_file(meta_path)
        if not (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)):
            raise BundleFormatError(f"{meta_path.name}: unexpected metadata layout")
        filters = []
        for name, file_hash in meta[3]:
            filter_path = bundle / "filter" / f"{file_hash}.pf_filter"
            filter_name, values = read_file(filter_path)
            values.sort(key=lambda pair: pair[0])
            value = [filter_name, values]
            new_hash = _content_name(language, value, 7)
            filter_path.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(file_bytes(value))
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        _short_page_names(bundle, meta, language)
        new_meta_hash = _content_name(language, meta, 10)
        meta_path.unlink()
        (bundle / f"pagefind.{new_meta_hash}.pf_meta").write_bytes(file_bytes(meta))
        info["hash"] = new_meta_hash
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
