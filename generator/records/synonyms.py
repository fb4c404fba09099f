"""The search's synonyms (`referensi/sinonim.yml`): groups of words and phrases that mean the
same to a reader, such as an agency's acronym and its full name. Editors extend the list; the
search index adds a group's other terms to every page that uses one of them."""

from __future__ import annotations

from pathlib import Path

from generator.records.files import load_reference_file
from generator.records.problems import Problem, display_path

SYNONYM_FILE = Path("referensi") / "sinonim.yml"

Synonyms = tuple[tuple[str, ...], ...]


def read_synonyms(folder: Path, problems: list[Problem]) -> Synonyms:
    """The synonym groups of the catalogue in `folder` (none without the file). A term in two
    groups is a problem: the groups would silently merge."""
    path = folder / SYNONYM_FILE
    located = load_reference_file(path, "sinonim", problems)
    if located is None or not isinstance(located.value, list):
        return ()
    groups: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for index, group in enumerate(located.value):
        for position, term in enumerate(group):
            if term in seen:
                line, column = located.position((index, position))
                problems.append(
                    Problem(
                        display_path(path),
                        line,
                        column,
                        f"[{index}][{position}]",
                        f"`{term}` sudah ada di kelompok ke-{seen[term] + 1}",
                        "gabungkan kedua kelompok itu menjadi satu",
                    )
                )
            seen.setdefault(term, index)
        groups.append(tuple(group))
    return tuple(groups)
