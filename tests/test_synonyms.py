"""The search's synonym list (`referensi/sinonim.yml`): checked like every file an editor
writes, and applied to the index documents."""

from __future__ import annotations

from pathlib import Path

from generator.records.validate import read_catalogue
from generator.search.documents import synonyms_for

from .conftest import make_catalogue

GROUPS = (
    ("dukcapil", "disdukcapil", "kependudukan dan pencatatan sipil"),
    ("rsud", "rumah sakit"),
)


def test_a_term_used_adds_the_other_terms_of_its_group() -> None:
    assert synonyms_for(GROUPS, ["Layanan Disdukcapil Landak"]) == [
        "dukcapil",
        "kependudukan dan pencatatan sipil",
    ]
    assert synonyms_for(GROUPS, ["Dinas Kependudukan dan Pencatatan Sipil"]) == [
        "dukcapil",
        "disdukcapil",
    ]


def test_a_phrase_matches_whole_words_only() -> None:
    assert synonyms_for(GROUPS, ["Rumah SakitKu, Rumah KeduaKu"]) == []
    assert synonyms_for(GROUPS, ["ruang anak di rumah sakit"]) == ["rsud"]
    assert synonyms_for((), ["Disdukcapil"]) == []


def _write(catalogue: Path, text: str) -> None:
    (catalogue / "referensi" / "sinonim.yml").write_text(text, encoding="utf-8")


def test_the_catalogue_reads_its_groups(tmp_path: Path) -> None:
    catalogue = make_catalogue(tmp_path / "catalogue")
    _write(catalogue, "- [dukcapil, disdukcapil]\n- [mpp, mal pelayanan publik]\n")
    result = read_catalogue(catalogue)
    assert result.catalogue is not None, [p.format() for p in result.problems]
    assert result.catalogue.synonyms == (
        ("dukcapil", "disdukcapil"),
        ("mpp", "mal pelayanan publik"),
    )


def test_a_term_in_two_groups_and_a_capital_are_located_problems(tmp_path: Path) -> None:
    catalogue = make_catalogue(tmp_path / "catalogue")
    _write(catalogue, "- [dukcapil, disdukcapil]\n- [Adminduk, dukcapil]\n")
    messages = [p.format().split(":", 1)[1] for p in read_catalogue(catalogue).problems]
    assert messages == [
        "2:4: error: teks `Adminduk` harus berupa kata atau frasa huruf kecil tanpa tanda baca, "
        "misalnya `dinas kesehatan` [[1][0]]",
    ]
    _write(catalogue, "- [dukcapil, disdukcapil]\n- [adminduk, dukcapil]\n")
    messages = [p.format().split(":", 1)[1] for p in read_catalogue(catalogue).problems]
    assert messages == [
        "2:14: error: `dukcapil` sudah ada di kelompok ke-1; gabungkan kedua kelompok itu "
        "menjadi satu [[1][1]]",
    ]
