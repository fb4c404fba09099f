"""Where the site lives, as MkDocs needs to know it: the site's address (MkDocs' `site_url`,
from which it makes canonical links and the sitemap), the values of each page's Open Graph
tags (printed by `theme_overrides/main.html`), `robots.txt`, and the line a build prints
when it has no address.

The address and the repository come from `katalog.yml` (`situs`, `repositori`, `cabang`),
overridden by `python -m generator build --site-url/--repo-url/--branch`; `site_url` in
mkdocs.yml is used when neither gives an address.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from markupsafe import Markup, escape

from generator.records.settings import Identity

if TYPE_CHECKING:  # `build` imports this module before MkDocs, which it imports when it runs
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from generator.site.pages import PageSource

ROBOTS_PATH = "robots.txt"
LOCALE = "id_ID"
NO_ADDRESS_HINT = (
    "Alamat situs belum diatur: tautan tetap relatif, tanpa tautan kanonis, Open Graph, "
    "sitemap.xml dan robots.txt; isi `situs` di catalogue/katalog.yml atau beri --site-url."
)


@dataclass(frozen=True)
class Overrides:
    """Addresses given to one build (the command line's `--site-url`, `--repo-url`,
    `--branch`); None keeps `katalog.yml`'s."""

    site_url: str | None = None
    repository: str | None = None
    branch: str | None = None


def site_identity(
    own: Identity, overrides: Overrides, configured_url: str | None, serving: bool
) -> Identity:
    """The identity a build publishes under: the catalogue's own with the build's overrides.

    `configured_url` is MkDocs' `site_url`: under `mkdocs serve` it is the local server's
    address, which the pages then use (as they always did); in a build it is mkdocs.yml's
    `site_url`, used only when neither `katalog.yml` nor the command line gives one."""
    identity = own.overridden(overrides.site_url, overrides.repository, overrides.branch)
    if serving or identity.site_url is None:
        return replace(identity, site_url=Identity.of(configured_url, None).site_url)
    return identity


def robots_txt(site_url: str) -> str:
    """Every page may be crawled; the sitemap lists them."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"


def open_graph(title: str, description: str, url: str, site_name: str) -> dict[str, Markup]:
    """The Open Graph values of one page (what a link shared in a chat shows), escaped for an
    attribute: MkDocs' templates do not escape, and `Markup` is not escaped twice."""
    return {
        "title": escape(title),
        "description": escape(description),
        "url": escape(url),
        "site_name": escape(site_name),
        "locale": Markup(LOCALE),
        "type": Markup("website"),
    }


def describe_page(page: Page, source: PageSource | None, config: MkDocsConfig) -> None:
    """With the site's address: the page's Open Graph values in its meta (`katalog_og`, for
    `theme_overrides/main.html`) and, for a page at an earlier address, its canonical link
    to the current one instead of to itself. `source` is the page's generated source."""
    if page.canonical_url is None:
        return
    redirect = page.meta.get("redirect")
    if redirect:
        page.canonical_url = urljoin(page.canonical_url, redirect)
        return
    title = source.title if source else page.title or ""
    description = source.description if source else page.meta.get("description")
    page.meta["katalog_og"] = open_graph(
        config.site_name if page.is_homepage else title,
        description or config.site_description or "",
        page.canonical_url,
        config.site_name,
    )


def docs_prefix(docs_dir: Path, base: Path) -> str:
    """The path of the docs folder in the repository (`docs/`), taken from mkdocs.yml's folder;
    for a docs folder elsewhere, its name."""
    try:
        return docs_dir.resolve().relative_to(base.resolve()).as_posix() + "/"
    except ValueError:
        return docs_dir.name + "/"
