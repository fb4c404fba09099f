"""Incremental builds: the pages of the last build whose inputs did not change are taken
over instead of made again.

`build` writes, beside the site folder, a *manifest* (`.<site>-manifest.json`, never
published): the fingerprint of each record page and each page of a listing or board
(`site.fingerprints`: the record files the page shows something of, and the shared inputs
below), with the shell it was poured into (`shells`), and the digest of the shells. The next
build computes the fingerprints again, makes only the pages whose fingerprint differs, and
hard-links the others from the last site into its staging folder. Nothing of the last site is
ever written to: a changed page is a new file, so a build that fails or is killed leaves the
last site as it was (`build`).

Shared inputs, whose change remakes every page: the generator's own files (code, templates,
schemas), `mkdocs.yml`, `docs/`, the theme overrides, `referensi/` and `katalog.yml`, the
addresses given to the build, the versions of the installed packages (MkDocs, Material,
Jinja2, cmarkgfm, nh3, ...), Python's version, and what `fingerprints.shared_inputs` takes
from the catalogue. The rendered shells are compared too: a theme change that slipped past
the list above still remakes every page.

Everything else a build writes (the hubs in the navigation, the hand-written pages, the open
data, the search index, the sitemap) is made again each time; in an incremental build the
open data and the index start early (`side_process`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.mkdocs.shells import Group, below_section
from generator.records.catalogue import Catalogue
from generator.site.fingerprints import Planned, fingerprints, record_page_inputs
from generator.site.structure import Site

MANIFEST_VERSION = 2


def manifest_path(site_dir: Path) -> Path:
    """Where the manifest of the site in `site_dir` lives: beside it, hidden, unpublished."""
    return site_dir.with_name(f".{site_dir.name}-manifest.json")


@dataclass
class Manifest:
    """What the pages of one built site were made from."""

    shared: str = ""
    shells: str = ""
    # Record page URL -> [fingerprint, its shell group ("inovasi e"), for the sitemap].
    pages: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Manifest | None:
        """The manifest at `path`; None when there is none or it cannot be trusted."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("versi") != MANIFEST_VERSION:
            return None
        pages = data.get("halaman")
        if not isinstance(pages, dict):
            return None
        return cls(str(data.get("bersama", "")), str(data.get("cangkang", "")), pages)

    def write(self, path: Path) -> None:
        """Write the manifest whole or not at all (a temporary file renamed into place)."""
        data = {
            "versi": MANIFEST_VERSION,
            "bersama": self.shared,
            "cangkang": self.shells,
            "halaman": self.pages,
        }
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)


def _tree_digest(hashed: hashlib.blake2b, root: Path, label: str) -> None:
    """Every file under `root` (or `root` itself), by relative path and bytes."""
    if root.is_file():
        hashed.update(f"{label}\0".encode() + root.read_bytes())
        return
    if not root.is_dir():
        hashed.update(f"{label}\0absent".encode())
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            hashed.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode())
            hashed.update(path.read_bytes())


def shared_digest(trees: Iterable[tuple[str, Path]], settings: Iterable[str]) -> str:
    """The digest of the inputs every page shares: the files under `trees` (label, path),
    the generator's own files, the installed packages, and `settings` (texts)."""
    hashed = hashlib.blake2b(digest_size=16)
    _tree_digest(hashed, Path(__file__).parents[1], "generator")
    for label, root in trees:
        _tree_digest(hashed, root, label)
    hashed.update("\n".join([sys.version, *_installed_packages(), *settings]).encode())
    return hashed.hexdigest()


@functools.cache
def _installed_packages() -> tuple[str, ...]:
    """The installed distributions with their versions, read once per process: reading every
    package's metadata took a tenth of a second of each `mkdocs serve` rebuild."""
    return tuple(
        sorted(
            f"{dist.metadata['Name']}=={dist.version}"
            for dist in importlib.metadata.distributions()
        )
    )


def config_digest(config: MkDocsConfig, catalogue_dir: Path, settings: Iterable[str]) -> str:
    """The digest of what every page of the build `config` is made from (`shared_digest`)."""
    trees = [
        ("mkdocs.yml", Path(config.config_file_path or "mkdocs.yml")),
        ("docs", Path(config.docs_dir)),
        ("theme", Path(config.theme.custom_dir or config.docs_dir)),
        ("referensi", catalogue_dir / "referensi"),
        ("katalog.yml", catalogue_dir / "katalog.yml"),
    ]
    return shared_digest(trees, settings)


def record_digests(catalogue: Catalogue, catalogue_dir: Path, site: Site) -> dict[str, str]:
    """Each record file's digest, by its path in the catalogue: its bytes and the date of its
    last commit (the page's "Terakhir diperbarui")."""
    paths = [
        *(r.path for r in catalogue.innovations.values()),
        *(r.path for r in catalogue.replications.values()),
        *(r.path for r in catalogue.events.values()),
        *(r.path for r in catalogue.profiles.values()),
    ]
    digests = {}
    for path in paths:
        hashed = hashlib.blake2b((catalogue_dir / path).read_bytes(), digest_size=16)
        hashed.update(site.updated.get(path, "").encode())
        digests[path] = hashed.hexdigest()
    return digests


@dataclass
class Previous:
    """The last build: its site folder and manifest."""

    site_dir: Path
    manifest: Manifest

    def reusable(self, fingerprints: dict[str, str], shared: str) -> set[str]:
        """The record pages (URLs) whose fingerprint is the last build's."""
        if shared != self.manifest.shared:
            return set()
        old = self.manifest.pages
        return {
            url
            for url, fingerprint in fingerprints.items()
            if url in old and old[url][0] == fingerprint
        }

    def link(self, url: str, staging: Path) -> bool:
        """Hard-link the last site's page at `url` into the staging site; False when the last
        site no longer has it (removed by hand). Under `mkdocs serve` the site is its own
        last site (`reuse.KeptSections`): the page is taken over where it is."""
        target = staging / url / "index.html"
        if staging == self.site_dir:
            return target.is_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(self.site_dir / url / "index.html", target)
        except FileNotFoundError:
            return False
        return True


def shells_digest(shells: Iterable[tuple[str, str]]) -> str:
    """The digest of the rendered shells, (group name, HTML) each."""
    hashed = hashlib.blake2b(digest_size=16)
    for name, html in sorted(shells):
        hashed.update(f"{name}\0{html}\0".encode())
    return hashed.hexdigest()


def _group_name(group: Group) -> str:
    flags = ("e" if group.editable else "n") + ("t" if group.toc else "-")
    return f"{group.section} {flags}{'r' if group.record else 's'} {group.depth}"


def _group_named(name: str) -> Group:
    section, flags, depth = name.split(" ")
    return Group(section, flags[0] == "e", int(depth), flags[1] == "t", flags[2] == "r")


Poured = dict[Group, list[str]]
"""The record pages of a build: the slugs, by shell group (`shells.PagePour`)."""


class PageReuse:
    """One build's record pages as an incremental build sees them: their fingerprints, the
    ones taken over from the last build (`kept`), and the manifest for the next."""

    def __init__(
        self,
        previous: Previous | None,
        site: Site,
        catalogue_dir: Path,
        shared: str,
        planned: Iterable[Planned] = (),
    ) -> None:
        digests = record_digests(site.catalogue, catalogue_dir, site)
        self.previous = previous
        self.shared = shared
        pages = [*record_page_inputs(site), *((page.url, page.inputs) for page in planned)]
        self.fingerprints = fingerprints(site, shared, digests.__getitem__, pages)
        self.kept = previous.reusable(self.fingerprints, shared) if previous else set()
        self.shells = ""
        self.groups: dict[str, str] = {}  # page URL -> its group's name, for the manifest
        self.linked = 0  # pages taken over from the last site
        self._linking: threading.Thread | None = None
        self._linked: list[str] = []
        self._missing: set[str] = set()
        self._stop = False

    def to_make(self) -> set[str] | None:
        """The URLs of the pages to make (record pages and `Planned` ones); None for all."""
        return set(self.fingerprints) - self.kept if self.kept else None

    def start_linking(self, site_dir: Path) -> None:
        """Link the kept pages into the new site (once MkDocs has emptied it), in a thread
        while MkDocs renders: tens of thousands of folders and links take seconds, mostly
        waiting on the file system."""
        if self.kept and self.previous is not None and self._linking is None:
            self._linking = threading.Thread(
                target=self._link_all, args=(self.previous, site_dir), daemon=True
            )
            self._linking.start()

    def _link_all(self, previous: Previous, site_dir: Path) -> None:
        for url in sorted(self.kept):
            if self._stop:
                return
            if previous.link(url, site_dir):
                self._linked.append(url)
            else:
                self._missing.add(url)

    def stop_linking(self) -> None:
        """The build failed: stop linking before the staging folder goes."""
        self._stop = True
        if self._linking is not None:
            self._linking.join()

    def take_over(
        self,
        poured: Poured,
        shells: dict[Group, str],
        site_dir: Path,
        make: Callable[[set[str]], Poured],
    ) -> Poured:
        """The kept pages, linked into the new site (`start_linking`), beside the `poured`
        ones: all of them. A kept page is made after all (`make`) when the shells differ
        from the last build's (its link goes first: the file is the last site's) or the last
        site lost it."""
        self.shells = shells_digest((_group_name(g), html) for g, html in shells.items())
        pairs = [(group, slug) for group, slugs in poured.items() for slug in slugs]
        if self.kept and self.previous is not None:
            self.start_linking(site_dir)
            assert self._linking is not None
            self._linking.join()
            remake = set(self._missing)
            if self.shells != self.previous.manifest.shells:
                for url in self._linked:
                    (site_dir / url / "index.html").unlink()
                self._linked, remake = [], set(self.kept)
            old = self.previous.manifest.pages
            self.linked = len(self._linked)
            pairs += [(_group_named(old[url][1]), below_section(url)) for url in self._linked]
            if remake:
                pairs += [(g, slug) for g, slugs in make(remake).items() for slug in slugs]
        self.groups = {f"{g.section}/{slug}/": _group_name(g) for g, slug in pairs}
        grouped: Poured = {}
        for group, slug in sorted(pairs):
            grouped.setdefault(group, []).append(slug)
        return grouped

    def manifest(self) -> Manifest:
        pages = {
            url: [fingerprint, self.groups[url]]
            for url, fingerprint in self.fingerprints.items()
            if url in self.groups
        }
        return Manifest(self.shared, self.shells, pages)
