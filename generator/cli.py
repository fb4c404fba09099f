"""The command line, `python -m generator` (installed as `katalog`): thin wrappers over the
library. A user's mistake ends with a message and an exit code, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .problems import problems_as_json
from .validate import read_catalogue

DEFAULT_CATALOGUE = Path("catalogue")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="katalog-inovasi")
def main() -> None:
    """Katalog Inovasi Pelayanan Publik: validasi catatan dan bangun situsnya."""


@main.command()
@click.argument(
    "catalogue_dir",
    required=False,
    default=DEFAULT_CATALOGUE,
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--require-sources/--no-require-sources",
    default=None,
    help="Wajibkan `sumber` di setiap catatan (bawaan: menurut `katalog.yml`).",
)
def validate(catalogue_dir: Path, output_format: str, require_sources: bool | None) -> None:
    """Periksa setiap catatan di CATALOGUE_DIR (bawaan: catalogue/).

    Keluar dengan kode 0 bila valid, 1 bila ada masalah, 2 bila perintahnya salah.
    """
    if not catalogue_dir.is_dir():
        raise click.UsageError(f"folder katalog `{catalogue_dir}` tidak ditemukan")
    result = read_catalogue(catalogue_dir, require_sources=require_sources)
    if output_format == "json":
        click.echo(problems_as_json(result.problems))
    else:
        for problem in result.problems:
            click.echo(problem.format())
    if result.problems:
        files = len({p.path for p in result.problems})
        if output_format == "text":
            click.echo(f"{len(result.problems)} masalah di {files} berkas.", err=True)
        sys.exit(1)
    if output_format == "text" and result.catalogue is not None:
        cat = result.catalogue
        click.echo(
            f"Katalog valid: {len(cat.innovations)} inovasi, {len(cat.replications)} replikasi, "
            f"{len(cat.events)} kegiatan, {len(cat.profiles)} profil wilayah.",
            err=True,
        )


@main.command()
@click.option(
    "--catalogue", "catalogue_dir", default=DEFAULT_CATALOGUE, show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="Folder katalog.",
)  # fmt: skip
@click.option(
    "--site-dir", default=Path("site"), show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="Folder hasil situs.",
)  # fmt: skip
@click.option(
    "--config", "config_file", default=Path("mkdocs.yml"), show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="Berkas konfigurasi MkDocs.",
)  # fmt: skip
def build(catalogue_dir: Path, site_dir: Path, config_file: Path) -> None:
    """Bangun seluruh situs dari katalog."""
    from .build import BuildFailed, build_site

    try:
        summary = build_site(catalogue_dir, site_dir, config_file)
    except BuildFailed as failure:
        for line in failure.lines:
            click.echo(line, err=True)
        sys.exit(1)
    click.echo(summary, err=True)


@main.command()
@click.option(
    "--catalogue", "catalogue_dir", default=DEFAULT_CATALOGUE, show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="Folder katalog.",
)  # fmt: skip
@click.option(
    "--out", "out_dir", required=True,
    type=click.Path(file_okay=False, path_type=Path), help="Folder tujuan sumber halaman.",
)  # fmt: skip
def pages(catalogue_dir: Path, out_dir: Path) -> None:
    """Tulis sumber halaman (Markdown/HTML) hasil katalog ke folder OUT, tanpa MkDocs."""
    from .pages import write_page_sources

    result = read_catalogue(catalogue_dir)
    if result.catalogue is None:
        for problem in result.problems:
            click.echo(problem.format(), err=True)
        sys.exit(1)
    count = write_page_sources(result.catalogue, out_dir)
    click.echo(f"{count} sumber halaman ditulis ke {out_dir}.", err=True)


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
def synth(count: int, out_dir: Path, seed: int) -> None:
    """Buat katalog sintetis yang valid untuk uji skala (tidak pernah menulis ke catalogue/)."""
    from .synth import SynthRefused, write_synthetic_catalogue

    try:
        summary = write_synthetic_catalogue(count, out_dir, seed=seed)
    except SynthRefused as refusal:
        raise click.UsageError(str(refusal)) from None
    click.echo(summary, err=True)
