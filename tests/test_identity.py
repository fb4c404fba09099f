"""The catalogue's identity without a build: `katalog.yml`'s `situs`, `repositori`, `cabang`
and `pengelola` as the validator checks them, the command line's overrides, the record
files' last-commit dates from git, and the record pages' foot when something is unknown."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.mkdocs.publishing import NO_ADDRESS_HINT, Overrides, site_identity
from generator.records.history import last_changed
from generator.records.settings import Identity, Publisher
from generator.records.validate import read_catalogue
from generator.site.pages import page_sources

from .conftest import write_config, write_settings


def problems(catalogue_dir: Path, settings: str) -> list[str]:
    write_settings(catalogue_dir, settings)
    return [p.format().split(":", 1)[1] for p in read_catalogue(catalogue_dir).problems]


def test_the_identity_is_read_from_katalog_yml(catalogue_dir: Path) -> None:
    write_settings(
        catalogue_dir,
        """
        situs: https://inovasi.example.go.id
        repositori: https://example.org/pemilik/katalog/
        pengelola:
          nama: Biro Uji
          email: biro@example.org
        """,
    )
    result = read_catalogue(catalogue_dir)
    assert result.catalogue is not None
    assert result.catalogue.identity == Identity(
        "https://inovasi.example.go.id/",  # the trailing slash added: a folder
        "https://example.org/pemilik/katalog",
        "main",  # the default branch
        Publisher("Biro Uji", "biro@example.org"),
    )


def test_empty_addresses_mean_not_known(catalogue_dir: Path) -> None:
    write_settings(catalogue_dir, 'situs: ""\nrepositori: ""\n')
    result = read_catalogue(catalogue_dir)
    assert result.catalogue is not None
    assert result.catalogue.identity == Identity()


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            "situs: katalog.example.org\n",
            "1:8: error: teks `katalog.example.org` harus berupa alamat situs lengkap yang "
            "diawali `https://`, tanpa `?` atau `#` (mis. `https://inovasi.example.go.id/`) "
            "[situs]",
        ),
        (
            "situs: http://katalog.example.org/\n",
            "1:8: error: teks `http://katalog.example.org/` harus berupa alamat situs lengkap "
            "yang diawali `https://`, tanpa `?` atau `#` (mis. `https://inovasi.example.go.id/`) "
            "[situs]",
        ),
        (
            "repositori: git@example.org:pemilik/katalog.git\n",
            "1:13: error: teks `git@example.org:pemilik/katalog.git` harus berupa alamat web "
            "repositori yang diawali `https://` (mis. `https://github.com/PEMILIK/REPO`) "
            "[repositori]",
        ),
        (
            "pengelola:\n  nama: Biro Uji\n  email: biro.example.org\n",
            "3:10: error: teks `biro.example.org` harus berupa alamat surel, misalnya "
            "`nama@instansi.go.id` [pengelola.email]",
        ),
        (
            "pengelola:\n  email: biro@example.org\n",
            "2:3: error: kunci wajib `nama` tidak ada; tambahkan `nama:` — Nama lembaga "
            "pengelola, mis. `Biro Organisasi Setda Provinsi Kalimantan Barat`. [pengelola.nama]",
        ),
        (
            "pengelola:\n  nama: Biro Uji\n  email: biro@example.org\n  surel: b@example.org\n",
            "4:3: error: kunci `surel` tidak dikenal; kunci yang dikenal: `alamat`, `email`, "
            "`nama`, `telepon` [pengelola.surel]",
        ),
    ],
)
def test_a_wrong_identity_is_a_located_message(
    catalogue_dir: Path, settings: str, expected: str
) -> None:
    assert problems(catalogue_dir, settings) == [expected]


def test_the_command_line_overrides_the_file_and_the_file_overrides_mkdocs_yml() -> None:
    own = Identity.of("https://berkas.example.org", "https://example.org/r", "terbit")
    given = Overrides("https://perintah.example.org/x", None, None)
    assert site_identity(own, given, "https://mkdocs.example.org/", serving=False) == Identity(
        "https://perintah.example.org/x/", "https://example.org/r", "terbit"
    )
    assert site_identity(own, Overrides(), None, serving=False).site_url == (
        "https://berkas.example.org/"
    )
    bare = Identity()
    assert site_identity(bare, Overrides(), "https://mkdocs.example.org/", serving=False) == (
        Identity("https://mkdocs.example.org/")
    )
    assert site_identity(bare, Overrides(None, "https://example.org/r/", "b"), None, False) == (
        Identity(None, "https://example.org/r", "b")
    )
    # `mkdocs serve` shows the pages at the local server's address, whatever the file says.
    serving = site_identity(own, Overrides(), "http://127.0.0.1:8000/", serving=True)
    assert serving.site_url == "http://127.0.0.1:8000/"


def test_a_wrong_address_on_the_command_line_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--site-url", "katalog.example.org"])
    assert result.exit_code == 2
    assert "Invalid value for '--site-url': `katalog.example.org` harus berupa alamat" in (
        result.output
    )


def test_without_an_address_the_build_says_how_to_set_it(tmp_path: Path) -> None:
    from .conftest import make_catalogue

    catalogue = make_catalogue(tmp_path / "catalogue")
    site = tmp_path / "site"
    result = CliRunner().invoke(
        main,
        ["build", "--catalogue", str(catalogue), "--site-dir", str(site),
         "--config", str(write_config(tmp_path))],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == NO_ADDRESS_HINT
    assert lines[1].startswith(f"Situs dibangun di {site.resolve()}: ")
    assert len(lines) == 2
    assert not (site / "robots.txt").exists()
    assert not (site / "sitemap.xml").exists()  # a sitemap needs full addresses
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in home and "og:" not in home
    # Nor a repository: no edit button anywhere, no edit or report link on record pages.
    for url in ("inovasi/uji-layanan-a", "wilayah/kabupaten-kubu-raya", "tentang"):
        text = (site / url / "index.html").read_text(encoding="utf-8")
        assert 'rel="edit"' not in text and "/issues/new" not in text, url
    # (`/tentang/` explains the two links in words; the record pages must not show them.)
    for url in ("inovasi/uji-layanan-a", "wilayah/kabupaten-kubu-raya"):
        text = (site / url / "index.html").read_text(encoding="utf-8")
        assert "Sunting catatan ini" not in text and "Laporkan kesalahan" not in text, url


def _bodies(catalogue_dir: Path, updated: dict[str, str] | None = None) -> dict[str, str]:
    result = read_catalogue(catalogue_dir)
    assert result.catalogue is not None
    return {s.url: s.body for s in page_sources(result.catalogue, updated=updated)}


def test_without_a_repository_record_pages_have_no_edit_or_report_link(
    catalogue_dir: Path,
) -> None:
    bodies = _bodies(catalogue_dir)
    for url in ("inovasi/uji-layanan-a/", "kegiatan/uji-komitmen/", "wilayah/kota-pontianak/"):
        assert "Sunting catatan ini" not in bodies[url]
        assert "Laporkan kesalahan" not in bodies[url]
        assert "k-record-footer" not in bodies[url]  # nothing known: no footer at all


def test_with_a_repository_every_record_page_has_a_report_link(catalogue_dir: Path) -> None:
    write_settings(catalogue_dir, "repositori: https://example.org/r\ncabang: terbit\n")
    bodies = _bodies(catalogue_dir)
    edit = 'href="https://example.org/r/edit/terbit/catalogue/inovasi/uji-layanan-a.yml"'
    assert f'<a {edit} rel="nofollow">Sunting catatan ini</a>' in bodies["inovasi/uji-layanan-a/"]
    # A region without a profile has no file to edit; its page can still be wrong.
    region = bodies["wilayah/kota-pontianak/"]
    assert "Sunting catatan ini" not in region
    assert "https://example.org/r/issues/new?title=Kesalahan%20di%20halaman%3A%20Kota" in region
    assert "%2Fwilayah%2Fkota-pontianak%2F" in region  # the page's own address, site-relative


def _git(folder: Path, *args: str, date: str = "2024-01-02T10:00:00+07:00") -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Uji",
        "GIT_AUTHOR_EMAIL": "uji@example.org",
        "GIT_COMMITTER_NAME": "Uji",
        "GIT_COMMITTER_EMAIL": "uji@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(
        ["git", "-C", str(folder), *args], check=True, capture_output=True, env=environment
    )


@pytest.fixture
def history(tmp_path: Path, catalogue_dir: Path) -> Path:
    """A repository whose catalogue was committed on 2 January 2024, then one innovation
    changed on 5 March 2024, then a file added but not committed."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "katalog")
    changed = catalogue_dir / "inovasi" / "uji-layanan-b.yml"
    changed.write_text(changed.read_text().replace("tahun: 2020", "tahun: 2021"))
    _git(tmp_path, "commit", "-q", "-am", "tahun", date="2024-03-05T23:30:00+07:00")
    (catalogue_dir / "kegiatan" / "baru.yml").write_text("nama: Baru\n")
    return tmp_path


def test_each_record_file_has_the_date_of_its_last_commit(
    history: Path, catalogue_dir: Path
) -> None:
    dates = last_changed(catalogue_dir)
    assert dates["inovasi/uji-layanan-a.yml"] == "2024-01-02"
    assert dates["inovasi/uji-layanan-b.yml"] == "2024-03-05"  # the committer's own day
    assert "kegiatan/baru.yml" not in dates  # never committed
    (catalogue_dir / "kegiatan" / "baru.yml").unlink()
    bodies = _bodies(catalogue_dir, dates)
    assert (
        'Terakhir diperbarui <time datetime="2024-03-05">5 Maret 2024</time>.'
        in (bodies["inovasi/uji-layanan-b/"])
    )
    assert '<time datetime="2024-01-02">2 Januari 2024</time>' in bodies["kegiatan/uji-komitmen/"]
    assert "Terakhir diperbarui" not in bodies["wilayah/kota-pontianak/"]  # no file


def test_a_shallow_clone_does_not_date_files_by_its_oldest_commit(
    history: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    clone = tmp_path_factory.mktemp("dangkal") / "repo"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", history.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    assert last_changed(clone / "catalogue") == {}  # the one commit is the clone's edge


def test_outside_git_there_are_no_dates(catalogue_dir: Path) -> None:
    assert last_changed(catalogue_dir) == {}
    assert last_changed(catalogue_dir / "no-such-folder") == {}
