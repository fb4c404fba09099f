""" "Inovasi serupa": the scoring, the light stemmer, and the work growing linearly with the
catalogue (counted in candidate comparisons, not timed)."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

from generator.records.model import Innovation
from generator.site.similar import (
    MAX_POSTING,
    innovation_words,
    similar_innovations,
    stem,
    words_of,
)


def innovation(slug: str, wilayah: str, bidang: str, ringkasan: str, **extra: Any) -> Innovation:
    return Innovation(
        slug=slug,
        path=f"inovasi/{slug}.yml",
        nama=extra.pop("nama", slug.replace("-", " ").title()),
        wilayah=wilayah,
        instansi="Dinas",
        tahun=2020,
        bidang=bidang,
        jenis="digital",
        tahap="penerapan",
        ringkasan=ringkasan,
        **extra,
    )


def catalogue_of(*innovations: Innovation) -> Any:
    """The part of a catalogue the similarity reads: its innovations by slug."""
    return SimpleNamespace(
        innovations={i.slug: i for i in sorted(innovations, key=lambda i: i.slug)}
    )


def test_light_stem_joins_word_families() -> None:
    assert stem("pelayanan") == stem("layanan") == "layan"
    assert stem("kesehatan") == "sehat"
    assert stem("kelahiran") == "lahir"
    assert stem("desa") == "desa"  # too short to cut


def test_words_drop_stopwords_numbers_and_catalogue_words() -> None:
    assert words_of(["Inovasi pelayanan akta kelahiran untuk warga desa 2021"]) == {
        "akta",
        "lahir",
        "desa",
    }


def test_innovation_words_come_from_name_summary_and_tags() -> None:
    record = innovation(
        "cms-desa", "61.12", "desa", "Belanja dibayar nontunai.", tag=("keuangan desa",)
    )
    assert {"cms", "desa", "belanja", "bayar", stem("nontunai"), "uang"} <= innovation_words(record)


def test_most_similar_of_other_regions_first_same_region_never() -> None:
    catalogue = catalogue_of(
        innovation("cms-desa", "61.12", "desa", "Transaksi dana desa nontunai tercatat."),
        innovation("siskeudes", "61.71", "desa", "Pembukuan dana desa dan transaksi nontunai."),
        innovation("dana-desa-kubu", "61.12", "desa", "Transaksi dana desa nontunai."),
        innovation("akta-daring", "32.75", "adminduk", "Akta kelahiran daring."),
        innovation("nontunai-pasar", "61.04", "pasar", "Retribusi pasar nontunai."),
        innovation("akta-cepat", "61.04", "adminduk", "Akta kelahiran selesai sehari."),
    )
    result = similar_innovations(catalogue).similar
    # Same region (dana-desa-kubu) is never shown; a word most records share ("nontunai")
    # is not enough on its own (nontunai-pasar).
    assert result["cms-desa"] == ("siskeudes",)
    assert result["akta-daring"] == ("akta-cepat",)
    assert "cms-desa" not in result["dana-desa-kubu"]


def test_ties_are_broken_by_slug_so_every_build_agrees() -> None:
    catalogue = catalogue_of(
        innovation("a-base", "61.12", "x", "Irigasi sawah tadah hujan."),
        innovation("c-twin", "61.04", "x", "Irigasi sawah tadah hujan."),
        innovation("b-twin", "61.71", "x", "Irigasi sawah tadah hujan."),
    )
    assert similar_innovations(catalogue).similar["a-base"] == ("b-twin", "c-twin")


def test_nothing_in_common_gives_no_similar_innovation() -> None:
    catalogue = catalogue_of(
        innovation("irigasi", "61.12", "tani", "Irigasi sawah tadah hujan."),
        innovation("akta", "61.04", "adminduk", "Akta kelahiran daring."),
    )
    assert similar_innovations(catalogue).similar == {"irigasi": (), "akta": ()}


def _random_catalogue(size: int, seed: int = 7) -> Any:
    """`size` innovations of 8 words each from a 400-word vocabulary, in 40 regions."""
    rng = random.Random(seed)
    vocabulary = [f"kata{chr(97 + i % 26)}{chr(97 + i // 26)}x" for i in range(400)]
    records = [
        innovation(
            f"i{n:06d}",
            f"61.{n % 40:02d}",
            f"b{n % 12}",
            " ".join(rng.sample(vocabulary, 8)),
            nama=f"Nama {n}",
        )
        for n in range(size)
    ]
    return catalogue_of(*records)


def test_work_grows_linearly_with_the_catalogue() -> None:
    per_innovation = {}
    for size in (1_000, 4_000, 16_000):
        result = similar_innovations(_random_catalogue(size))
        words_each = 10  # 8 summary words and the name's
        assert result.comparisons <= size * words_each * MAX_POSTING
        per_innovation[size] = result.comparisons / size
    # Four times the records never costs more than four times the work: the comparisons per
    # innovation stop growing once the common words reach the posting cap.
    assert per_innovation[16_000] <= per_innovation[4_000] * 1.1
