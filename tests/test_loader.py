"""The loader keeps what the editor typed: YAML's guesses never reach a record."""

from __future__ import annotations

from pathlib import Path

from generator.records.loader import load_file, load_text
from generator.records.schema import guide_for

from .conftest import FIXTURES


def test_typing_traps_are_read_as_typed() -> None:
    path = FIXTURES / "valid" / "inovasi" / "yaml-typing-traps.yml"
    loaded = load_file(path, "x.yml", guide_for("inovasi"))
    assert loaded.problems == []
    assert loaded.data is not None
    values = loaded.data.value
    assert values["nama"] == "yes"
    assert values["kepanjangan"] == "NO"
    assert values["wilayah"] == "61.10"
    assert values["instansi"] == "on"
    assert values["tahun"] == 2021
    assert values["ringkasan"] == "2021-12-07"
    assert values["tahun_pasti"] is False
    assert values["tag"] == ["off", "1.0", "0x1F"]


def test_positions_are_one_based_line_and_column() -> None:
    loaded = load_text('nama: UJI\nsumber:\n  - judul: A\n    url: "https://a.id"\n', "x.yml", None)
    assert loaded.data is not None
    assert loaded.data.position(("nama",)) == (1, 7)
    assert loaded.data.position(("sumber", 0, "url")) == (4, 10)
    assert loaded.data.key_position(("sumber",)) == (2, 1)
    # a path that does not exist is placed at its nearest existing ancestor
    assert loaded.data.position(("sumber", 5, "url")) == (3, 3)


def test_billion_laughs_fails_fast_with_one_message() -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        lines.append(
            f"l{level}: &l{level} "
            f"[{', '.join(['*' + ('a' if level == 1 else f'l{level - 1}')] * 9)}]"
        )
    loaded = load_text("\n".join(lines) + "\n", "bomb.yml", None)
    assert loaded.problems
    assert all("alias YAML" in p.message for p in loaded.problems)
    assert len(loaded.problems) < 100


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * 40 + "]" * 40 + "\n"
    loaded = load_text(text, "deep.yml", None)
    assert [p.message for p in loaded.problems] == [
        "struktur terlalu dalam (lebih dari 12 tingkat)"
    ]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yml"
    path.write_bytes(b"\xef\xbb\xbfnama: UJI\n")
    loaded = load_file(path, "bom.yml", None)
    assert loaded.problems == []
    assert loaded.data is not None and loaded.data.value == {"nama": "UJI"}


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yml"
    path.write_bytes(b"nama: " + b"x" * 1_100_000 + b"\n")
    loaded = load_file(path, "big.yml", None)
    assert loaded.data is None
    assert "berkas terlalu besar" in loaded.problems[0].message
