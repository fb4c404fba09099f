"""Validator rules that need two records (or two entries of one file) to break: an alias
claimed twice, a replication stage one step backwards, two profiles of one region, a sector
code listed twice. Each case runs `validate` as an editor does and asserts the exact located
Indonesian messages (file, line, column, key path) and nothing else."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

STAGES = ["komitmen", "pendampingan", "rencana-aksi", "uji-coba", "implementasi", "evaluasi"]
STAGE_HINT = "urutan tahap: " + ", ".join(STAGES) + "; atau dibatalkan"


def _validate(catalogue: Path) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(main, ["validate", str(catalogue)])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout.splitlines(), result.stderr


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_two_innovations_claiming_one_alias(catalogue_dir: Path) -> None:
    """Both innovations would redirect the same old address: the second claim is refused,
    located at its list item and naming the file of the first."""
    _append(catalogue_dir / "inovasi" / "uji-layanan-a.yml", "alias:\n  - layanan-lama\n")
    _append(catalogue_dir / "inovasi" / "uji-layanan-b.yml", "alias: [layanan-x, layanan-lama]\n")
    code, lines, stderr = _validate(catalogue_dir)
    assert code == 1
    assert lines == [
        f"{catalogue_dir}/inovasi/uji-layanan-b.yml:9:20: error: alias `layanan-lama` juga "
        "diklaim oleh inovasi/uji-layanan-a.yml [alias[1]]"
    ]
    assert "1 masalah di 1 berkas." in stderr


def test_one_innovation_may_list_distinct_aliases(catalogue_dir: Path) -> None:
    """The control of the case above: distinct aliases of different innovations are fine."""
    _append(catalogue_dir / "inovasi" / "uji-layanan-a.yml", "alias:\n  - layanan-lama\n")
    _append(catalogue_dir / "inovasi" / "uji-layanan-b.yml", "alias: [layanan-x, layanan-y]\n")
    code, lines, _ = _validate(catalogue_dir)
    assert (code, lines) == (0, [])


def _replication(catalogue: Path, first: str, second: str) -> Path:
    path = catalogue / "replikasi" / "uji-b-di-ketapang.yml"
    path.write_text(
        "inovasi: uji-layanan-b\n"
        'wilayah: "61.04"\n'
        "instansi: Dinas Uji Ketapang\n"
        "tahapan:\n"
        f"  - tahap: {first}\n"
        '    tanggal: "2022-01-05"\n'
        f"  - tahap: {second}\n"
        '    tanggal: "2022-02-10"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("earlier", "later"),
    [(later, earlier) for earlier, later in pairwise(STAGES)],
    ids=lambda stage: stage,
)
def test_a_stage_one_step_backwards_is_refused(
    catalogue_dir: Path, earlier: str, later: str
) -> None:
    """`uji-coba` then `rencana-aksi` (and every other step back by one), with dates in
    order: the order of the stages alone is wrong."""
    path = _replication(catalogue_dir, earlier, later)
    code, lines, _ = _validate(catalogue_dir)
    assert code == 1
    assert lines == [
        f"{path}:7:12: error: tahap `{later}` tidak boleh sesudah `{earlier}`; {STAGE_HINT} "
        "[tahapan[1].tahap]"
    ]


@pytest.mark.parametrize(("earlier", "later"), list(pairwise(STAGES)), ids=lambda s: s)
def test_a_stage_one_step_forwards_is_accepted(
    catalogue_dir: Path, earlier: str, later: str
) -> None:
    _replication(catalogue_dir, earlier, later)
    code, lines, _ = _validate(catalogue_dir)
    assert (code, lines) == (0, [])


def test_two_profiles_of_one_region(catalogue_dir: Path) -> None:
    """A second profile for 61.12, sorted before the rightly named one: the misnamed file is
    told its name, and the rightly named one that the region already has a profile."""
    (catalogue_dir / "wilayah" / "a-kubu-raya.yml").write_text('kode: "61.12"\n', encoding="utf-8")
    code, lines, stderr = _validate(catalogue_dir)
    assert code == 1
    assert lines == [
        f"{catalogue_dir}/wilayah/a-kubu-raya.yml:1:7: error: profil wilayah 61.12 harus bernama "
        "`kabupaten-kubu-raya.yml`, bukan `a-kubu-raya.yml`; ganti nama berkas menjadi "
        "`kabupaten-kubu-raya.yml` [kode]",
        f"{catalogue_dir}/wilayah/kabupaten-kubu-raya.yml:1:7: error: wilayah 61.12 sudah punya "
        "profil di wilayah/a-kubu-raya.yml [kode]",
    ]
    assert "2 masalah di 2 berkas." in stderr


def test_a_sector_code_listed_twice(catalogue_dir: Path) -> None:
    _append(
        catalogue_dir / "referensi" / "bidang.yml",
        "- kode: kesehatan\n  nama: Kesehatan Lagi\n",
    )
    code, lines, _ = _validate(catalogue_dir)
    assert code == 1
    assert lines == [
        f"{catalogue_dir}/referensi/bidang.yml:8:9: error: kode bidang `kesehatan` muncul dua "
        "kali [[3].kode]"
    ]
