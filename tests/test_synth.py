"""The synthetic catalogue: valid, deterministic, realistic in shape, and never written over
real records."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from devtools.cli import main as dev_main
from devtools.synth import MARKER, REAL_CATALOGUE, SynthRefused, write_synthetic_catalogue
from generator.cli import main
from generator.records.validate import read_catalogue
from generator.records.vocabulary import CANCELLED, REPLICATION_STAGES

COUNT = 200


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "katalog"
    write_synthetic_catalogue(COUNT, out, seed=7)
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_synthetic_catalogue_validates_without_problems(synthetic: Path) -> None:
    result = read_catalogue(synthetic)
    assert result.problems == []
    assert result.catalogue is not None
    assert len(result.catalogue.innovations) == COUNT


def test_command_line_writes_a_catalogue_that_validate_accepts(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "katalog"
    made = runner.invoke(
        dev_main, ["synth", "--innovations", "30", "--out", str(out), "--seed", "3"]
    )
    assert made.exit_code == 0, made.output
    assert "30 inovasi" in made.output
    checked = runner.invoke(main, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output


def test_same_count_and_seed_give_byte_identical_files(tmp_path: Path, synthetic: Path) -> None:
    again = tmp_path / "lagi"
    write_synthetic_catalogue(COUNT, again, seed=7)
    assert _files(again) == _files(synthetic)


def test_another_seed_gives_another_catalogue(tmp_path: Path, synthetic: Path) -> None:
    other = tmp_path / "lain"
    write_synthetic_catalogue(COUNT, other, seed=8)
    assert _files(other) != _files(synthetic)


def test_rewriting_a_previous_output_leaves_no_stale_records(tmp_path: Path) -> None:
    out = tmp_path / "katalog"
    write_synthetic_catalogue(50, out, seed=1)
    write_synthetic_catalogue(10, out, seed=1)
    fresh = tmp_path / "baru"
    write_synthetic_catalogue(10, fresh, seed=1)
    assert _files(out) == _files(fresh)


def test_refuses_the_real_catalogue_and_anything_inside_it() -> None:
    for target in (REAL_CATALOGUE, REAL_CATALOGUE / "inovasi", REAL_CATALOGUE / "baru" / "x"):
        with pytest.raises(SynthRefused, match="katalog resmi"):
            write_synthetic_catalogue(5, target)
    assert not (REAL_CATALOGUE / "baru").exists()
    assert not (REAL_CATALOGUE / MARKER).exists()
    assert not list(REAL_CATALOGUE.rglob("*sintetis*"))


def test_refuses_a_non_empty_folder_that_synth_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "catatan-saya.txt").write_text("penting", encoding="utf-8")
    with pytest.raises(SynthRefused, match="tidak kosong"):
        write_synthetic_catalogue(5, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["catatan-saya.txt"]


def test_command_line_refusal_is_a_message_not_a_traceback() -> None:
    result = CliRunner().invoke(
        dev_main, ["synth", "--innovations", "5", "--out", str(REAL_CATALOGUE)]
    )
    assert result.exit_code == 2
    assert "menolak menulis" in result.output
    assert "Traceback" not in result.output


def test_output_is_marked_and_carries_the_region_table_with_its_licence(synthetic: Path) -> None:
    assert (synthetic / MARKER).is_file()
    for name in ("wilayah-provinsi.csv", "wilayah-kabupaten-kota.csv", "LISENSI-ODbL.md"):
        assert (synthetic / "referensi" / name).read_bytes() == (
            REAL_CATALOGUE / "referensi" / name
        ).read_bytes()
    sectors = re.findall(
        r"^- kode: ", (synthetic / "referensi" / "bidang.yml").read_text("utf-8"), re.M
    )
    assert 12 <= len(sectors) <= 18


def test_names_say_synthetic_so_nobody_takes_them_for_facts(synthetic: Path) -> None:
    catalogue = read_catalogue(synthetic).catalogue
    assert catalogue is not None
    assert all(
        re.fullmatch(r"Inovasi Sintetis \d{5}", i.nama) for i in catalogue.innovations.values()
    )
    assert all("Sintetis" in e.nama for e in catalogue.events.values())


def test_shapes_and_sizes_are_realistic(synthetic: Path) -> None:
    catalogue = read_catalogue(synthetic).catalogue
    assert catalogue is not None
    innovations = list(catalogue.innovations.values())
    assert all(150 <= len(i.ringkasan) <= 300 for i in innovations)
    assert all(i.masalah for i in innovations)
    # Some fields run to several paragraphs, as a few real ones do: pages show them all.
    assert sum(1 for i in innovations if i.solusi and "\n\n" in i.solusi) >= COUNT // 10
    assert len({i.bidang for i in innovations}) >= 12
    ratio = len(catalogue.replications) / len(innovations)
    assert 1.6 <= ratio <= 2.4
    awarded = sum(1 for i in innovations if i.penghargaan)
    assert 0.03 * COUNT <= awarded <= 0.4 * COUNT
    kinds = Counter(e.jenis for e in catalogue.events.values())
    assert kinds["komitmen-replikasi"] >= 1 and kinds["kompetisi"] >= 1


def test_replications_follow_the_rules(synthetic: Path) -> None:
    catalogue = read_catalogue(synthetic).catalogue
    assert catalogue is not None
    owners = {i.slug: i.wilayah for i in catalogue.innovations.values()}
    pairs = Counter((r.inovasi, r.wilayah) for r in catalogue.replications.values())
    assert max(pairs.values()) == 1
    order = (*REPLICATION_STAGES, CANCELLED)
    for replication in catalogue.replications.values():
        assert replication.wilayah != owners[replication.inovasi]
        ranks = [order.index(stage.tahap) for stage in replication.tahapan]
        assert ranks == sorted(set(ranks))
        dates = [stage.tanggal.first_day for stage in replication.tahapan if stage.tanggal]
        assert dates == sorted(dates)


def test_every_regency_and_city_owns_an_innovation_once_there_are_enough(tmp_path: Path) -> None:
    out = tmp_path / "katalog"
    write_synthetic_catalogue(600, out, seed=2)
    owners = set(re.findall(r'^wilayah: "(\d\d\.\d\d)"$', _all_text(out / "inovasi"), re.M))
    regencies = (
        (out / "referensi" / "wilayah-kabupaten-kota.csv").read_text("utf-8").splitlines()[1:]
    )
    assert len(regencies) == 514
    assert owners >= {line.split(",")[0] for line in regencies}


def _all_text(folder: Path) -> str:
    return "".join(path.read_text("utf-8") for path in sorted(folder.glob("*.yml")))


def _median_length(folder: Path, kind: str, key: str) -> int:
    lengths = sorted(
        len(record[key])
        for path in (folder / kind).glob("*.yml")
        if isinstance(record := yaml.safe_load(path.read_text("utf-8")), dict)
        and isinstance(record.get(key), str)
    )
    assert lengths, f"no {kind} has {key}"
    return lengths[len(lengths) // 2]


def test_text_fields_are_as_long_as_the_shipped_records(tmp_path: Path, synthetic: Path) -> None:
    """Page, data and index sizes of a synthetic catalogue stand for a real one's only if its
    texts are as long: each field's median within a factor 1.5 of the shipped catalogue's;
    `long_text` keeps the old two to four paragraphs, several times longer."""
    fields = [("inovasi", "masalah"), ("inovasi", "solusi"), ("inovasi", "hasil")]
    for kind, key in fields:
        real = _median_length(REAL_CATALOGUE, kind, key)
        drawn = _median_length(synthetic, kind, key)
        assert real / 1.5 <= drawn <= real * 1.5, (kind, key, real, drawn)
    long_folder = tmp_path / "panjang"
    write_synthetic_catalogue(COUNT, long_folder, seed=7, long_text=True)
    for kind, key in fields:
        assert _median_length(long_folder, kind, key) > 3 * _median_length(synthetic, kind, key)
