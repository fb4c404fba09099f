"""A record's values as YAML in the catalogue's style, and changes applied to an existing
record's text without losing what the change does not touch.

A written record starts with the schema comment, then its keys in the order `new` writes them
(`template.KEY_ORDER`); a text of several lines is a `|` block, a long paragraph a folded
`>-` block, short lists of words a flow list (`tag: [a, b]`), lists of small records block
lists. A change to an existing file replaces only the lines of the keys that changed and
inserts new keys in their place in that order: comments, blank lines and keys the change does
not name stay as they were.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

import yaml

from generator.editing.template import KEY_ORDER, SCHEMA_COMMENT, WIDTH, scalar

_URL = re.compile(r"^https?://[^\s#,\[\]{}\"'`]+$")
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def record_yaml(kind: str, values: dict[str, Any]) -> str:
    """A whole record file for `values`."""
    lines = [SCHEMA_COMMENT.format(kind=kind)]
    for key in _ordered(kind, values):
        lines.extend(key_lines(key, values[key]))
    return "\n".join(lines) + "\n"


def _ordered(kind: str, values: dict[str, Any]) -> list[str]:
    order = KEY_ORDER[kind]
    return [k for k in order if k in values] + [k for k in values if k not in order]


def key_lines(key: str, value: Any, indent: str = "") -> list[str]:
    """`key: value` as lines at `indent`, nested values below it."""
    head = f"{indent}{key}:"
    if isinstance(value, dict):
        return [head, *_mapping_lines(value, indent + "  ")]
    if isinstance(value, list):
        flow = _flow(value)
        if flow is not None and len(head) + 1 + len(flow) <= WIDTH:
            return [f"{head} {flow}"]
        lines = [head]
        for item in value:
            if isinstance(item, dict):
                inner = _mapping_lines(item, indent + "    ")
                lines.append(f"{indent}  - {inner[0].lstrip()}")
                lines.extend(inner[1:])
            else:
                lines.extend(_text_lines(f"{indent}  -", item, indent + "    "))
        return lines
    return _text_lines(head, value, indent + "  ")


def _mapping_lines(mapping: dict[str, Any], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in mapping.items():
        lines.extend(key_lines(key, value, indent))
    return lines


def _flow(items: list[Any]) -> str | None:
    """`[a, b]` when every item is a number or a short one-line word needing no care."""
    if not items or any(isinstance(i, dict | list) for i in items):
        return None
    parts = [_plain(i) for i in items]
    if any("," in p or "\n" in p for p in parts):
        return None
    return "[" + ", ".join(parts) + "]"


def _plain(value: Any) -> str:
    if isinstance(value, str) and _URL.match(value) and not value.endswith(":"):
        return value
    return scalar(value)


def _text_lines(head: str, value: Any, indent: str) -> list[str]:
    """A scalar after `head`: plain or quoted, or a block when it is long or has lines."""
    if not isinstance(value, str):
        return [f"{head} {scalar(value)}"]
    if "\n" in value:
        body = value.rstrip("\n")
        if not body or body.startswith(" "):  # a block would need an indentation indicator
            return [f"{head} {json.dumps(value, ensure_ascii=False)}"]
        trailing = len(value) - len(body)
        chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
        content = [f"{indent}{line}" if line else "" for line in body.split("\n")]
        return [f"{head} |{chomp}", *content, *[""] * max(0, trailing - 1)]
    single = f"{head} {_plain(value)}"
    if len(single) <= WIDTH or value != " ".join(value.split()):
        return [single]
    wrapped = textwrap.wrap(
        value, max(WIDTH - len(indent), 40), break_long_words=False, break_on_hyphens=False
    )
    return [f"{head} >-", *(f"{indent}{line}" for line in wrapped)]


# --- changing an existing record ---------------------------------------------------------------


def _spans(text: str) -> dict[str, tuple[int, int]]:
    """Each top-level key's lines (first, end exclusive), without the blank lines and comments
    after its value (they belong to what follows)."""
    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, yaml.MappingNode):
        return {}
    lines = text.split("\n")
    spans: dict[str, tuple[int, int]] = {}
    for key_node, value_node in root.value:
        start = key_node.start_mark.line
        end_mark = value_node.end_mark
        end = end_mark.line + (1 if end_mark.column else 0)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        spans.setdefault(str(key_node.value), (start, end))
    return spans


def changed_text(kind: str, text: str, changes: dict[str, Any]) -> str:
    """`text` with each key of `changes` set to its new value: a key present is rewritten in
    its place, a new one inserted after the last key that comes before it in the catalogue's
    order (or after the opening comments)."""
    spans = _spans(text)
    lines = text.split("\n")
    order = KEY_ORDER[kind]
    edits: list[tuple[int, int, int, list[str]]] = []  # (first, end, rank, lines)
    for key, value in changes.items():
        rank = order.index(key) if key in order else len(order)
        if key in spans:
            edits.append((*spans[key], rank, key_lines(key, value)))
            continue
        ends = [spans[k][1] for k in order[:rank] if k in spans]
        at = max(ends) if ends else _after_opening_comments(lines)
        edits.append((at, at, rank, key_lines(key, value)))
    # From the bottom up, so that earlier line numbers stay right; keys inserted at one
    # place keep the catalogue's order.
    for start, end, _, new_lines in sorted(edits, reverse=True):
        lines[start:end] = new_lines
    return "\n".join(lines)


def _after_opening_comments(lines: list[str]) -> int:
    at = 0
    while at < len(lines) and lines[at].startswith("#"):
        at += 1
    return at
