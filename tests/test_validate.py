"""Catalogue-level validation: file names, settings, sources, and the model it builds."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from generator.records.validate import read_catalogue


def test_base_catalogue_is_valid_and_builds_the_model(catalogue_dir: Path) -> None:
    result = read_catalogue(catalogue_dir)
    assert result.problems == []
    catalogue = result.catalogue
    assert catalogue is not None
    assert sorted(catalogue.innovations) == ["uji-layanan-a", "uji-layanan-b"]
    assert [r.wilayah for r in catalogue.replications_of("uji-layanan-a")] == ["61.04"]
    assert [r.slug for r in catalogue.replications_by("61.04")] == ["uji-a-di-ketapang"]
    assert [e.slug for e in catalogue.events_of("61.12")] == ["uji-komitmen"]
    assert catalogue.region_name("61.12") == "Kabupaten Kubu Raya"
    assert {"61.12", "61.71", "61.04"} <= catalogue.published_region_codes()


def test_file_name_must_be_a_slug(catalogue_dir: Path) -> None:
    shutil.copy(
        catalogue_dir / "inovasi" / "uji-layanan-b.yml",
        catalogue_dir / "inovasi" / "Uji_Layanan.yml",
    )
    [problem] = read_catalogue(catalogue_dir).problems
    assert problem.format().endswith(
        "inovasi/Uji_Layanan.yml:1:1: error: nama berkas `Uji_Layanan.yml` bukan slug yang sah; "
        "pakai huruf kecil a-z, angka, dan tanda hubung, paling panjang 80 karakter, misalnya "
        "`cms-desa.yml`"
    )


def test_an_innovation_cannot_take_a_listing_folders_name(catalogue_dir: Path) -> None:
    # `/inovasi/status/` lists innovations by status: a record named so would hide it.
    shutil.copy(
        catalogue_dir / "inovasi" / "uji-layanan-b.yml", catalogue_dir / "inovasi" / "status.yml"
    )
    [problem] = read_catalogue(catalogue_dir).problems
    assert problem.format().endswith(
        "inovasi/status.yml:1:1: error: nama berkas `status.yml` dipakai situs untuk daftar "
        "inovasi (`/inovasi/status/`); beri nama lain yang memuat nama inovasinya, misalnya "
        "`status-kabupaten-sambas.yml`"
    )


def test_an_event_cannot_take_the_events_hubs_page_folder(catalogue_dir: Path) -> None:
    # `/kegiatan/halaman/2/` is the events hub's second page.
    events = catalogue_dir / "kegiatan"
    shutil.copy(events / "uji-komitmen.yml", events / "halaman.yml")
    [problem] = read_catalogue(catalogue_dir).problems
    assert problem.format().endswith(
        "kegiatan/halaman.yml:1:1: error: nama berkas `halaman.yml` dipakai situs untuk halaman "
        "daftar kegiatan (`/kegiatan/halaman/`); beri nama lain yang memuat nama kegiatannya, "
        "misalnya `komitmen-replikasi-2024.yml`"
    )


def test_yaml_extension_is_reported_not_ignored(catalogue_dir: Path) -> None:
    shutil.copy(
        catalogue_dir / "inovasi" / "uji-layanan-b.yml", catalogue_dir / "inovasi" / "uji-c.yaml"
    )
    [problem] = read_catalogue(catalogue_dir).problems
    assert problem.message == "ekstensi berkas harus `.yml`"
    assert problem.hint == "ganti nama menjadi `uji-c.yml`"


def test_sources_required_when_the_catalogue_says_so(catalogue_dir: Path) -> None:
    (catalogue_dir / "katalog.yml").write_text("wajib_sumber: true\n", encoding="utf-8")
    problems = read_catalogue(catalogue_dir).problems
    assert len(problems) == 5  # every record of the base catalogue lacks `sumber`
    assert {p.key_path for p in problems} == {"sumber"}
    assert all(p.message == "catatan di katalog resmi wajib punya `sumber`" for p in problems)


def test_all_errors_of_all_files_in_one_run(catalogue_dir: Path) -> None:
    (catalogue_dir / "inovasi" / "a.yml").write_text("nama: A\n", encoding="utf-8")
    (catalogue_dir / "kegiatan" / "b.yml").write_text("jenis: lomba\n", encoding="utf-8")
    problems = read_catalogue(catalogue_dir).problems
    assert {Path(p.path).name for p in problems} == {"a.yml", "b.yml"}
    assert len(problems) == 7 + 3


def test_two_processes_read_the_same_as_one(tmp_path: Path, monkeypatch: Any) -> None:
    """A large catalogue is checked by two forked processes: same problems, same positions,
    same model as one process."""
    from generator.records import validate
    from tests.conftest import make_catalogue

    folder = make_catalogue(tmp_path / "catalogue")
    (folder / "inovasi" / "rusak.yml").write_text(
        "nama: Rusak\nwilayah: '99.99'\ntahun: dua ribu\n", encoding="utf-8"
    )
    (folder / "inovasi" / "tidak-yaml.yml").write_text("nama: [tutup\n", encoding="utf-8")
    # Replications whose innovation does not exist: a cross-record problem, located in the
    # parent from a file the other process checked (its text does not travel back).
    for name in ("salah-a", "salah-b"):
        (folder / "replikasi" / f"{name}.yml").write_text(
            "# replikasi\ninovasi: tidak-ada\nwilayah: '61.71'\ntahapan:\n"
            "  - tahap: komitmen\n    tanggal: 2023-05-02\n",
            encoding="utf-8",
        )
    monkeypatch.setattr(validate, "PARALLEL_FROM", 10**9)
    one = read_catalogue(folder)
    monkeypatch.setattr(validate, "PARALLEL_FROM", 1)
    two = read_catalogue(folder)
    assert one.problems and [p.format() for p in two.problems] == [p.format() for p in one.problems]
    assert {p.line for p in two.problems if p.path.endswith("rusak.yml")} - {1}  # located
    for name in ("salah-a", "salah-b"):
        assert (2, "inovasi") in {
            (p.line, p.key_path) for p in two.problems if p.path.endswith(f"{name}.yml")
        }
    for path in [folder / "inovasi" / "rusak.yml", folder / "inovasi" / "tidak-yaml.yml"]:
        path.unlink()
    for name in ("salah-a", "salah-b"):
        (folder / "replikasi" / f"{name}.yml").unlink()
    good_one = read_catalogue(folder)
    monkeypatch.setattr(validate, "PARALLEL_FROM", 10**9)
    good_two = read_catalogue(folder)
    assert good_one.catalogue is not None and good_two.catalogue is not None
    assert good_one.catalogue.innovations == good_two.catalogue.innovations


def test_checking_only_makes_no_model(catalogue_dir: Path) -> None:
    """`validate` checks without making the typed model: same problems, counts from records."""
    checked = read_catalogue(catalogue_dir, model=False)
    assert checked.catalogue is None and checked.problems == []
    full = read_catalogue(catalogue_dir)
    assert full.catalogue is not None
    assert checked.count("inovasi") == len(full.catalogue.innovations) == 2
    assert checked.count("replikasi") == len(full.catalogue.replications)
    (catalogue_dir / "inovasi" / "uji-layanan-b.yml").write_text("nama: B\n", encoding="utf-8")
    assert read_catalogue(catalogue_dir, model=False).problems == (
        read_catalogue(catalogue_dir).problems
    )
