"""The catalogue's own settings (`katalog.yml`): what it requires of records, its home province,
and its identity: where the site is published, the repository its records live in, and who
publishes it. `python -m generator build --site-url/--repo-url/--branch` override the
address, the repository and its branch (`Identity.overridden`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from generator.records.files import SETTINGS_FILE, load_reference_file
from generator.records.problems import Problem, display_path
from generator.records.regions import RegionTable

DEFAULT_BRANCH = "main"
CATALOGUE_PREFIX = "catalogue/"  # where the catalogue folder lives in the repository
_ADDRESS = re.compile(r"^https?://[^\s<>\"'`?#]+$")


def address_problem(text: str) -> str | None:
    """What is wrong with a site or repository address given on the command line (in
    Indonesian), or None when it is a usable http(s) address."""
    if _ADDRESS.match(text.strip()):
        return None
    return "harus berupa alamat lengkap yang diawali `https://` (atau `http://`), tanpa `?` dan `#`"


@dataclass(frozen=True)
class Publisher:
    """Who publishes the catalogue and answers for it (`pengelola`)."""

    nama: str
    email: str
    telepon: str | None = None
    alamat: str | None = None


@dataclass(frozen=True)
class Identity:
    """Where the catalogue is published and edited, and who publishes it.

    `site_url` is the public address with a trailing slash (`https://x.go.id/katalog/`), None
    when unknown: pages then link relatively and carry no canonical link. `repository` is the
    git repository's web address without a trailing slash, None when unknown: no edit or
    report links then."""

    site_url: str | None = None
    repository: str | None = None
    branch: str = DEFAULT_BRANCH
    publisher: Publisher | None = None

    @classmethod
    def of(
        cls,
        site_url: str | None,
        repository: str | None,
        branch: str | None = None,
        publisher: Publisher | None = None,
    ) -> Identity:
        """An identity from addresses as written: blank means unknown; the site's address
        gets its trailing slash, the repository's loses it (and a `.git` suffix)."""
        site = (site_url or "").strip()
        repo = (repository or "").strip().rstrip("/").removesuffix(".git").rstrip("/")
        return cls(
            site.rstrip("/") + "/" if site else None,
            repo or None,
            (branch or "").strip() or DEFAULT_BRANCH,
            publisher,
        )

    def overridden(
        self, site_url: str | None = None, repository: str | None = None, branch: str | None = None
    ) -> Identity:
        """This identity with the addresses given (on the command line) in place of its own;
        None keeps its own."""
        return Identity.of(
            site_url or self.site_url,
            repository or self.repository,
            branch or self.branch,
            self.publisher,
        )

    def repository_file(self, path: str) -> str | None:
        """`<repository>/edit/<branch>/<path>`: GitHub's (and Gitea's, Forgejo's) page to edit
        a file of the published branch; None without a repository."""
        if self.repository is None:
            return None
        return f"{self.repository}/edit/{quote(self.branch)}/{quote(path)}"

    def new_file_base(self) -> str:
        """The repository's "new file" page of the published branch
        (`https://github.com/O/R/new/main`), or "" without a repository."""
        return f"{self.repository}/new/{quote(self.branch)}" if self.repository else ""

    def new_issue(self, title: str, body: str) -> str | None:
        """A link that opens a new issue with its title and text filled in; None without a
        repository."""
        if self.repository is None:
            return None
        query = urlencode({"title": title, "body": body}, quote_via=quote)
        return f"{self.repository}/issues/new?{query}"


@dataclass(frozen=True)
class Settings:
    """The catalogue's own settings (`katalog.yml`)."""

    require_sources: bool = False
    home_province: str | None = None  # None: the province owning the most innovations
    identity: Identity = field(default_factory=Identity)


def read_settings(folder: Path, regions: RegionTable, problems: list[Problem]) -> Settings:
    """The settings of the catalogue in `folder` (defaults when it has no `katalog.yml`); a
    home province that is not a province of the national table is a problem."""
    located = load_reference_file(folder / SETTINGS_FILE, "katalog", problems)
    if located is None:
        return Settings()
    values = located.value
    province = values.get("provinsi")
    if province is not None:
        region = regions.by_code.get(province)
        if region is None or not region.is_province:
            line, column = located.position(("provinsi",))
            problems.append(
                Problem(
                    display_path(folder / SETTINGS_FILE),
                    line,
                    column,
                    "provinsi",
                    f"`{province}` bukan kode provinsi di tabel wilayah nasional",
                    "tulis kode dua angka provinsi dari referensi/wilayah-provinsi.csv",
                )
            )
            province = None
    publisher = values.get("pengelola")
    identity = Identity.of(
        values.get("situs"),
        values.get("repositori"),
        values.get("cabang"),
        Publisher(
            publisher["nama"], publisher["email"], publisher.get("telepon"), publisher.get("alamat")
        )
        if publisher
        else None,
    )
    return Settings(bool(values.get("wajib_sumber")), province, identity)
