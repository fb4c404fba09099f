"""Pagefind's index made reproducible: the same pages give the same bytes.

Pagefind (1.5) writes each filter's values, and the list of filters in its metadata file, in
the order of a Rust hash map, which changes from run to run (Pagefind issue #638: fixed for
fragments only). The files are otherwise identical, and their names are hashes of their
content, so two builds of one catalogue differed in five filter files, the metadata file and
`pagefind-entry.json`.

`normalise_bundle` puts those lists in sorted order and renames what changed by a hash of its
new content. The files are gzip'd `pagefind_dcd` + CBOR; the small CBOR subset Pagefind uses
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


def normalise_bundle(bundle: Path) -> None:
    """Sort the filter values and filter list of every language of the Pagefind bundle in
    `bundle` and give the changed files names from their new content."""
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
        new_meta_hash = _content_name(language, meta, 10)
        meta_path.unlink()
        (bundle / f"pagefind.{new_meta_hash}.pf_meta").write_bytes(file_bytes(meta))
        info["hash"] = new_meta_hash
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
