"""The development command line, `python -m devtools`: tools the benchmark and the scale
tests use, kept out of the installed generator."""

from __future__ import annotations

from pathlib import Path

import click

catalogue_option = click.option(
    "--catalogue", "catalogue_dir", required=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path), help="Folder katalog.",
)  # fmt: skip
"""The catalogue a tool reads (`workbook`, `open-data`)."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Alat pengembangan katalog (bukan bagian dari generator yang dipasang)."""


@main.command()
@click.option(
    "--innovations", "count", type=click.IntRange(1, 200_000), required=True, help="Jumlah inovasi."
)
@click.option(
    "--out", "out_dir", required=True,
    type=click.Path(file_okay=False, path_type=Path), help="Folder tujuan (bukan catalogue/).",
)  # fmt: skip
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help="Benih acak (hasil tetap untuk benih yang sama).",
)
@click.option(
    "--long-text",
    is_flag=True,
    help="Teks panjang (2-4 paragraf per isian, sekitar lima kali catatan nyata): uji beban.",
)
def synth(count: int, out_dir: Path, seed: int, long_text: bool) -> None:
    """Buat katalog sintetis yang valid untuk uji skala (tidak pernah menulis ke catalogue/)."""
    from devtools.synth import SynthRefused, write_synthetic_catalogue

    try:
        summary = write_synthetic_catalogue(count, out_dir, seed=seed, long_text=long_text)
    except SynthRefused as refusal:
        raise click.UsageError(str(refusal)) from None
    click.echo(summary, err=True)


@main.command()
@catalogue_option
@click.option(
    "--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="Buku kerja yang ditulis (seperti data/katalog.xlsx).",
)  # fmt: skip
@click.option(
    "--empty", "empty_dir", type=click.Path(file_okay=False, path_type=Path),
    help="Juga buat folder katalog kosong (referensi/ dan katalog.yml) untuk `impor`.",
)  # fmt: skip
def workbook(catalogue_dir: Path, out_file: Path, empty_dir: Path | None) -> None:
    """Tulis buku kerja katalog (lembar per jenis catatan), bahan uji skala `impor`."""
    from devtools.workbook import write_workbook

    click.echo(write_workbook(catalogue_dir, out_file, empty_dir), err=True)


@main.command("open-data")
@catalogue_option
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
    help="Folder baru (atau kosong) tempat berkas data ditulis.",
)  # fmt: skip
@click.option(
    "--profile", type=int, default=0, show_default=True,
    help="Tampilkan N fungsi termahal (cProfile, dijalankan sekali lagi).",
)  # fmt: skip
def open_data(catalogue_dir: Path, out_dir: Path, profile: int) -> None:
    """Ukur biaya data terbuka: waktu CPU dan dinding membuat dan menulisnya, byte per jenis."""
    from devtools.open_data_cost import measure

    click.echo(measure(catalogue_dir, out_dir, profile))
