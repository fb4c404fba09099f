"""The command line, `python -m generator` (installed as `katalog`): thin wrappers over the
library. A user's mistake ends with a message and an exit code, never a traceback."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from generator.records.problems import Problem, problems_as_json
from generator.records.validate import read_catalogue

DEFAULT_CATALOGUE = Path("catalogue")
catalogue_option = click.option(
    "--catalogue", "catalogue_dir", default=DEFAULT_CATALOGUE, show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="Folder katalog.",
)  # fmt: skip


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
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="`github`: anotasi GitHub Actions di baris yang bermasalah.",
)
@click.option(
    "--require-sources/--no-require-sources",
    default=None,
    help="Wajibkan `sumber` di setiap catatan (bawaan: menurut `katalog.yml`).",
)
@click.option(
    "--changed",
    "changed_ref",
    metavar="REF",
    help="Periksa hanya catatan yang berubah terhadap ref git REF dan catatan yang merujuknya.",
)
def validate(
    catalogue_dir: Path, output_format: str, require_sources: bool | None, changed_ref: str | None
) -> None:
    """Periksa setiap catatan di CATALOGUE_DIR (bawaan: catalogue/).

    Keluar dengan kode 0 bila valid, 1 bila ada masalah, 2 bila perintahnya salah.
    """
    if not catalogue_dir.is_dir():
        raise click.UsageError(f"folder katalog `{catalogue_dir}` tidak ditemukan")
    if changed_ref is not None:
        _validate_changed(catalogue_dir, changed_ref, output_format, require_sources)
        return
    result = read_catalogue(catalogue_dir, require_sources=require_sources, model=False)
    _last_read.append(result)
    if output_format == "json":
        click.echo(problems_as_json(result.problems))
    elif output_format == "github":
        for problem in result.problems:
            click.echo(_github_annotation(problem))
    else:
        for problem in result.problems:
            click.echo(problem.format())
    if result.problems:
        files = len({p.path for p in result.problems})
        if output_format == "text":
            click.echo(f"{len(result.problems)} masalah di {files} berkas.", err=True)
        sys.exit(1)
    if output_format == "text":
        click.echo(
            f"Katalog valid: {result.count('inovasi')} inovasi, "
            f"{result.count('replikasi')} replikasi, {result.count('kegiatan')} kegiatan, "
            f"{result.count('wilayah')} profil wilayah.",
            err=True,
        )


@contextlib.contextmanager
def _catalogue_spared() -> Iterator[None]:
    """Read the catalogue of a build, then leave it out of the collector's walks.

    The collector is first run over what exists (garbage that exists now is not kept), and
    what reading made is frozen afterwards (`gc.freeze`): the catalogue lives until the
    process ends, and the collector's first walk over it alone took 0.3 s at 10,000
    innovations. Process-wide, so decided here, for the command line's own builds."""
    gc.collect()
    yield
    gc.freeze()


def _address(context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
    """An address option's value, checked: empty counts as not given."""
    from generator.records.settings import address_problem

    if not value or not value.strip():
        return None
    problem = address_problem(value)
    if problem:
        raise click.BadParameter(f"`{value}` {problem}")
    return value.strip()


@main.command()
@catalogue_option
@click.option(
    "--site-dir", default=Path("site"), show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="Folder hasil situs.",
)  # fmt: skip
@click.option(
    "--config", "config_file", default=Path("mkdocs.yml"), show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="Berkas konfigurasi MkDocs.",
)  # fmt: skip
@click.option(
    "--site-url", callback=_address, metavar="URL",
    help="Alamat publik situs (menimpa `situs` di katalog.yml), mis. https://inovasi.example.go.id/.",
)  # fmt: skip
@click.option(
    "--repo-url", callback=_address, metavar="URL",
    help="Alamat web repositori git (menimpa `repositori` di katalog.yml), untuk tautan sunting.",
)  # fmt: skip
@click.option(
    "--branch", metavar="CABANG", help="Cabang repositori yang diterbitkan (menimpa `cabang`)."
)
@click.option(
    "--full", is_flag=True,
    help="Buat ulang semua halaman, tanpa memakai halaman build sebelumnya di --site-dir.",
)  # fmt: skip
def build(
    catalogue_dir: Path, site_dir: Path, config_file: Path,
    site_url: str | None, repo_url: str | None, branch: str | None, full: bool,
) -> None:  # fmt: skip
    """Bangun situs dari katalog; halaman catatan yang tidak berubah sejak build sebelumnya
    di --site-dir diambil dari sana (--full: buat ulang semuanya)."""
    from generator.mkdocs.build import BuildFailed, build_site
    from generator.mkdocs.publishing import Overrides

    # MkDocs' progress lines are noise in this command's output: warnings and errors only.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    overrides = Overrides(site_url, repo_url, branch)
    try:
        summary = build_site(
            catalogue_dir,
            site_dir,
            config_file,
            reading=_catalogue_spared,
            overrides=overrides,
            full=full,
        )
    except BuildFailed as failure:
        for line in failure.lines:
            click.echo(line, err=True)
        sys.exit(1)
    click.echo(summary, err=True)


@main.command()
@catalogue_option
@click.option(
    "--out", "out_dir", required=True,
    type=click.Path(file_okay=False, path_type=Path), help="Folder tujuan sumber halaman.",
)  # fmt: skip
def pages(catalogue_dir: Path, out_dir: Path) -> None:
    """Tulis sumber halaman (Markdown/HTML) hasil katalog ke folder OUT, tanpa MkDocs."""
    from generator.records.history import last_changed
    from generator.site.pages import write_page_sources

    result = read_catalogue(catalogue_dir)
    if result.catalogue is None:
        for problem in result.problems:
            click.echo(problem.format(), err=True)
        sys.exit(1)
    count = write_page_sources(result.catalogue, out_dir, last_changed(catalogue_dir))
    click.echo(f"{count} sumber halaman ditulis ke {out_dir}.", err=True)


class _TerminalAsker:
    """Asks the editor on the terminal, in Indonesian; asks nothing when not interactive."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive

    def prompt(self, label: str, default: str | None) -> str:
        return str(click.prompt(label, default=default or "", show_default=bool(default)))

    def confirm(self, question: str) -> bool:
        return click.confirm(question, default=True)

    def say(self, text: str) -> None:
        click.echo(text, err=True)


def _answer_options(command: Callable[..., None]) -> Callable[..., None]:
    from generator.editing.scaffold import QUESTIONS, SOURCE_QUESTIONS

    labels = {q.option: q.label for qs in (*QUESTIONS.values(), SOURCE_QUESTIONS) for q in qs}
    for option in sorted(labels, reverse=True):
        command = click.option(option, help=labels[option])(command)
    return command


@main.command(name="new")
@click.argument(
    "kind",
    metavar="inovasi|replikasi|kegiatan|wilayah",
    type=click.Choice(["inovasi", "replikasi", "kegiatan", "wilayah"]),
)
@_answer_options
@click.option("--slug", help="Slug (nama berkas); bawaan: dari nama dan wilayah.")
@click.option(
    "--catalogue",
    "catalogue_dir",
    default=DEFAULT_CATALOGUE,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder katalog.",
)
@click.option(
    "--yes", "-y", "assume_yes", is_flag=True, help="Terima tebakan wilayah tanpa bertanya."
)
@click.option(
    "--interaktif/--non-interaktif", "interactive", default=None,
    help="Tanyakan isian yang belum ada (bawaan: bila dijalankan di terminal).",
)  # fmt: skip
def new(
    kind: str, slug: str | None, catalogue_dir: Path, assume_yes: bool,
    interactive: bool | None, **given: str | None,
) -> None:  # fmt: skip
    """Buat catatan baru (inovasi, replikasi, kegiatan, atau profil wilayah) yang valid.

    Isian wajib diberikan sebagai opsi atau ditanyakan satu per satu; setiap isian langsung
    diperiksa. Setelah berkas ditulis, seluruh katalog divalidasi.
    """
    from generator.editing.scaffold import write_new_record

    if not (catalogue_dir / "referensi").is_dir():
        raise click.UsageError(f"folder katalog `{catalogue_dir}` tidak ditemukan")
    asker = _TerminalAsker(sys.stdin.isatty() if interactive is None else interactive)
    outcome = write_new_record(kind, catalogue_dir, given, slug, asker, assume_yes)
    if outcome.usage_errors:
        raise click.UsageError("\n".join(outcome.usage_errors))
    click.echo(f"Catatan baru ditulis ke {outcome.display}")
    for problem in outcome.problems:
        click.echo(problem.format())
    click.echo(outcome.summary, err=True)
    if outcome.own_problems:
        sys.exit(1)


@main.command(name="impor")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@catalogue_option
@click.option("--dry-run", is_flag=True, help="Tampilkan perubahannya saja; tidak menulis berkas.")
@click.option(
    "--sebagian", "partial", is_flag=True,
    help="Tulis baris yang valid walau baris lain bermasalah (dengan laporannya).",
)  # fmt: skip
def impor(files: tuple[Path, ...], catalogue_dir: Path, dry_run: bool, partial: bool) -> None:
    """Impor baris lembar kerja (FILES: .xlsx, atau inovasi.csv, replikasi.csv, ...) menjadi
    catatan yang valid; tanpa --sebagian, tidak ada yang ditulis bila satu baris bermasalah.

    Keluar dengan kode 0 bila semua baris valid, 1 bila ada masalah, 2 bila perintahnya salah.
    """
    from generator.editing.importing import import_tables, report_lines

    if not (catalogue_dir / "referensi").is_dir():
        raise click.UsageError(f"folder katalog `{catalogue_dir}` tidak ditemukan")
    result = import_tables(list(files), catalogue_dir, dry_run=dry_run, partial=partial)
    if dry_run:
        for change in result.updated:
            click.echo(change.diff(), nl=False)
    for problem in result.problems:
        click.echo(problem.format())
    for line in report_lines(result, dry_run):
        click.echo(line, err=True)
    if result.problems:
        sys.exit(1)


def _github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command: the problem shown on its line of the diff."""

    def escape(text: str, in_property: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if in_property else text

    message = f"{problem.message}; {problem.hint}" if problem.hint else problem.message
    title = problem.key_path or "katalog"
    return (
        f"::error file={escape(problem.path, True)},line={problem.line},col={problem.column},"
        f"title={escape(title, True)}::{escape(message)}"
    )


def _validate_changed(
    catalogue_dir: Path, ref: str, output_format: str, require_sources: bool | None
) -> None:
    from generator.records.changed import ChangedRefError, read_changed

    try:
        result = read_changed(catalogue_dir, ref, require_sources=require_sources)
    except ChangedRefError as error:
        raise click.UsageError(f"--changed {ref}: {error}") from None
    if output_format == "json":
        click.echo(problems_as_json(result.problems))
    for problem in result.problems if output_format != "json" else ():
        click.echo(_github_annotation(problem) if output_format == "github" else problem.format())
    if result.full:
        scope = "berkas bersama (referensi/ atau katalog.yml) berubah: seluruh katalog diperiksa"
    else:
        scope = (
            f"{result.changed} catatan berubah terhadap {ref}; "
            f"{len(result.checked)} berkas diperiksa (yang berubah dan yang merujuknya)"
        )
    if output_format == "text":
        click.echo(scope + ".", err=True)
        if result.problems:
            files = len({p.path for p in result.problems})
            click.echo(f"{len(result.problems)} masalah di {files} berkas.", err=True)
        else:
            click.echo("Tidak ada masalah di berkas yang diperiksa.", err=True)
    if result.problems:
        sys.exit(1)


# The last catalogue read, kept from being freed object by object when its command returns:
# `run` ends the process without that (one at most, for tests calling `main` in-process).
_last_read: deque[object] = deque(maxlen=1)


def run() -> None:
    """The command line as a process (`python -m generator`, `katalog`): `main`, then an exit
    that skips freeing every object one by one. A catalogue of 10,000 innovations is
    millions of objects, and freeing them took 0.3 s of a 3 s validation; as mypy does,
    the streams are flushed and the process ends. Everything the commands start (worker
    pools, temporary folders, Pagefind) is finished by then."""
    try:
        main()
        code: int = 0
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:  # as the interpreter does for `sys.exit("message")`
            print(done.code, file=sys.stderr)
            code = 1
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe (`| head`): nothing more to say.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
