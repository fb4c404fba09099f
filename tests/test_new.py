"""`python -m generator new`: a new editor adds records from the command line, by options or
by answering prompts, and gets a commented record the real validator accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.editing.template import KEY_ORDER, SCHEMA_COMMENT
from generator.records.schema import RECORD_KINDS, schema_file
from generator.records.validate import read_catalogue

from .conftest import REPO, write_config

INNOVATION = [
    "--nama", "SIPANDAI",
    "--wilayah", "Kubu Raya",
    "--instansi", "Dinas Contoh",
    "--tahun", "2021",
    "--bidang", "Kesehatan",
    "--jenis", "digital",
    "--tahap", "uji-coba",
    "--ringkasan", "Contoh: layanan aduan warga lewat aplikasi, hanya untuk pengujian; teks ini "
    "sengaja cukup panjang supaya ditulis terlipat di beberapa baris berkas catatannya.",
]  # fmt: skip


def new(catalogue: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["new", *args, "--catalogue", str(catalogue)], input=input)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout, result.stderr


def test_new_innovation_from_options_is_a_valid_commented_record(catalogue_dir: Path) -> None:
    code, out, err = new(catalogue_dir, "inovasi", *INNOVATION)
    assert code == 0, out + err
    path = catalogue_dir / "inovasi" / "sipandai-kubu-raya.yml"
    assert out.splitlines()[0] == f"Catatan baru ditulis ke {path}"
    assert "Wilayah: Kabupaten Kubu Raya (61.12)" in err
    assert "Katalog valid: 3 inovasi" in err
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_COMMENT.format(kind="inovasi") + "\n")
    assert 'wilayah: "61.12"  # Kabupaten Kubu Raya\n' in text
    assert "# kepanjangan: " in text and "# sumber:\n" in text  # optional keys, commented out
    result = read_catalogue(catalogue_dir)
    assert result.problems == [] and result.catalogue is not None
    innovation = result.catalogue.innovations["sipandai-kubu-raya"]
    assert (innovation.wilayah, innovation.bidang, innovation.tahun) == ("61.12", "kesehatan", 2021)
    assert innovation.ringkasan.startswith("Contoh: layanan aduan warga")


def test_new_innovation_by_prompts_checks_each_answer(catalogue_dir: Path) -> None:
    answers = [
        "SIPANDAI",
        "Kuburaya",  # a guess, confirmed
        "y",
        "Dinas Contoh",
        "2099",  # refused: in the future
        "2021",
        "keshatan",  # refused, with a did-you-mean
        "kesehatan",
        "digital",
        "penerapan",
        "Contoh ringkasan untuk pengujian.",
        "",  # the suggested slug
    ]
    code, out, err = new(catalogue_dir, "inovasi", "--interaktif", input="\n".join(answers) + "\n")
    assert code == 0, out + err
    assert "Maksud Anda 61.12 Kabupaten Kubu Raya? [Y/n]" in out
    assert "Kesalahan: `2099` bukan tahun" in err
    assert (
        "Kesalahan: bidang `keshatan` tidak ada di kosakata bidang; maksud Anda `kesehatan`?" in err
    )
    assert "[sipandai-kubu-raya]" in out
    assert (catalogue_dir / "inovasi" / "sipandai-kubu-raya.yml").is_file()
    assert read_catalogue(catalogue_dir).problems == []


def test_new_replication_of_a_new_innovation(catalogue_dir: Path) -> None:
    assert new(catalogue_dir, "inovasi", *INNOVATION)[0] == 0
    code, out, err = new(
        catalogue_dir, "replikasi",
        "--inovasi", "sipandai", "--wilayah", "Kota Pontianak", "--instansi", "Dinas Contoh Kota",
        "--tanggal", "2023-05", "--kegiatan", "uji-komitmen",
    )  # fmt: skip
    assert code == 0, out + err
    path = catalogue_dir / "replikasi" / "sipandai-kubu-raya-di-pontianak.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_COMMENT.format(kind="replikasi"))
    assert '  - tahap: komitmen\n    tanggal: "2023-05"\n' in text
    result = read_catalogue(catalogue_dir)
    assert result.catalogue is not None
    replication = result.catalogue.replications["sipandai-kubu-raya-di-pontianak"]
    assert replication.wilayah == "61.71" and replication.kegiatan == "uji-komitmen"


def test_new_replication_refuses_the_owner_and_a_second_replication(catalogue_dir: Path) -> None:
    base = ["--inovasi", "uji-layanan-a", "--instansi", "Dinas", "--tanggal", "2022"]
    code, _, err = new(catalogue_dir, "replikasi", *base, "--wilayah", "61.12")
    assert code == 2 and "wilayah 61.12 adalah pemilik inovasi `uji-layanan-a`" in err
    code, _, err = new(catalogue_dir, "replikasi", *base, "--wilayah", "Ketapang")
    assert code == 2
    assert "sudah mereplikasi `uji-layanan-a` di replikasi/uji-a-di-ketapang.yml" in err


def test_new_event_and_region_profile(catalogue_dir: Path) -> None:
    code, out, err = new(
        catalogue_dir, "kegiatan", "--nama", "Contoh Komitmen Replikasi 2023",
        "--jenis", "komitmen-replikasi", "--tanggal", "2023-11-02",
        "--peserta", "Kubu Raya, Kota Pontianak", "--penyelenggara", "61",
    )  # fmt: skip
    assert code == 0, out + err
    event = catalogue_dir / "kegiatan" / "contoh-komitmen-replikasi-2023.yml"
    assert 'peserta: ["61.12", "61.71"]  # Kabupaten Kubu Raya, Kota Pontianak' in event.read_text()
    code, out, err = new(
        catalogue_dir,
        "wilayah",
        "--wilayah",
        "Kota Pontianak",
        "--situs",
        "https://pontianak.go.id",
    )
    assert code == 0, out + err
    assert (catalogue_dir / "wilayah" / "kota-pontianak.yml").is_file()
    assert read_catalogue(catalogue_dir).problems == []
    code, _, err = new(catalogue_dir, "wilayah", "--wilayah", "61.71")
    assert code == 2 and "profil wilayah ini sudah ada: wilayah/kota-pontianak.yml" in err


def test_missing_options_without_a_terminal_is_a_usage_error(catalogue_dir: Path) -> None:
    code, _, err = new(catalogue_dir, "inovasi", "--nama", "SIPANDAI")
    assert code == 2
    assert (
        "isian wajib catatan inovasi belum diberikan: --wilayah, --instansi, --tahun, --bidang, "
        "--jenis, --tahap, --ringkasan" in err
    )
    assert not list((catalogue_dir / "inovasi").glob("sipandai*"))


def test_wrong_values_are_all_reported_with_what_to_do(catalogue_dir: Path) -> None:
    args = [*INNOVATION]
    args[args.index("Kubu Raya")] = "Kuburaya"
    args[args.index("Kesehatan")] = "keshatan"
    args[args.index("2021")] = "21"
    code, _, err = new(catalogue_dir, "inovasi", *args)
    assert code == 2
    assert (
        "--wilayah: maksud Anda 61.12 Kabupaten Kubu Raya? tulis kodenya (`61.12`) atau tambahkan "
        "--yes" in err
    )
    assert (
        "--bidang: bidang `keshatan` tidak ada di kosakata bidang; maksud Anda `kesehatan`?" in err
    )
    assert "--tahun: `21` bukan tahun" in err
    fixed = ["--tahun", "2021", "--bidang", "kesehatan", "--jenis", "digital"]
    fixed += ["--tahap", "penerapan", "--ringkasan", "Contoh.", "--yes"]
    assert new(catalogue_dir, "inovasi", *args[:-6], *fixed)[0] == 0


def test_taken_slug_is_refused(catalogue_dir: Path) -> None:
    code, _, err = new(catalogue_dir, "inovasi", *INNOVATION, "--slug", "uji-layanan-a")
    assert code == 2
    assert "--slug: slug `uji-layanan-a` sudah dipakai oleh inovasi/uji-layanan-a.yml" in err


def test_sources_are_asked_for_when_the_catalogue_requires_them(catalogue_dir: Path) -> None:
    (catalogue_dir / "katalog.yml").write_text("wajib_sumber: true\n", encoding="utf-8")
    code, _, err = new(catalogue_dir, "inovasi", *INNOVATION)
    assert code == 2 and "belum diberikan: --sumber-judul, --sumber-url" in err
    for path in (catalogue_dir / "inovasi").glob("uji-*.yml"):
        path.unlink()  # the fixtures have no sources; leave only the new record
    (catalogue_dir / "replikasi" / "uji-a-di-ketapang.yml").unlink()
    source = [
        "--sumber-judul", "Contoh: berita peluncuran", "--sumber-url", "https://contoh.go.id/berita"
    ]  # fmt: skip
    code, out, err = new(
        catalogue_dir, "inovasi", *INNOVATION, *source, "--sumber-tanggal", "2021-03"
    )
    text = (catalogue_dir / "inovasi" / "sipandai-kubu-raya.yml").read_text(encoding="utf-8")
    assert (
        'sumber:\n  - judul: "Contoh: berita peluncuran"\n'
        '    url: https://contoh.go.id/berita\n    tanggal: "2021-03"\n' in text
    )
    assert code == 0, out + err  # the new record is valid; the fixtures' own gaps remain
    assert "Catatan baru valid, tetapi katalog punya 2 masalah di berkas lain." in err


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_template_names_every_key_of_the_schema(kind: str) -> None:
    keys = json.loads(schema_file(kind).read_text(encoding="utf-8"))["properties"]
    assert sorted(KEY_ORDER[kind]) == sorted(keys)


def test_every_shipped_record_starts_with_its_schema_comment() -> None:
    missing = [
        path.relative_to(REPO).as_posix()
        for kind in RECORD_KINDS
        for path in sorted((REPO / "catalogue" / kind).glob("*.yml"))
        if not path.read_text(encoding="utf-8").startswith(SCHEMA_COMMENT.format(kind=kind) + "\n")
    ]
    assert missing == []


def test_new_user_story_innovation_and_replication_reach_the_local_site(
    catalogue_dir: Path, tmp_path: Path
) -> None:
    """The guide's path B: `new inovasi`, `new replikasi`, `validate`, then the built site."""
    assert new(catalogue_dir, "inovasi", *INNOVATION)[0] == 0
    replication = ["--inovasi", "SIPANDAI", "--wilayah", "Sambas", "--instansi", "Dinas Contoh"]
    code, out, err = new(catalogue_dir, "replikasi", *replication, "--tanggal", "2024-02")
    assert code == 0, out + err
    assert "sipandai-kubu-raya-di-sambas.yml" in out
    assert CliRunner().invoke(main, ["validate", str(catalogue_dir)]).exit_code == 0
    write_config(tmp_path)
    site = tmp_path / "site"
    built = CliRunner().invoke(
        main,
        ["build", "--catalogue", str(catalogue_dir), "--site-dir", str(site),
         "--config", str(tmp_path / "mkdocs.yml")],
    )  # fmt: skip
    assert built.exit_code == 0, built.output
    page = (site / "inovasi" / "sipandai-kubu-raya" / "index.html").read_text(encoding="utf-8")
    assert "SIPANDAI" in page and "Sambas" in page
