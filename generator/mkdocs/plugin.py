"""The MkDocs adapter: reads the catalogue when a build starts, adds the generated pages as
virtual files, and hands MkDocs their ready HTML. Everything it knows about records comes
from the generator core (`pages`, `shells`).

- `mkdocs build` (and `python -m generator build`) stops on any record problem with the
  validator's located messages (`Abort`, non-zero exit).
- `mkdocs serve` watches the catalogue folder; while records have problems it prints them
  and serves a page listing them instead of the site, and keeps running.
- Generated pages skip MkDocs' Markdown pass: their body is HTML already (see `pages`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from generator.editing.form_data import FORM_DATA_PATH, form_data_json
from generator.mkdocs import assets, theme_source
from generator.mkdocs.after_pages import AfterPages, serve_log
from generator.mkdocs.incremental import Manifest, PageReuse, Previous, config_digest
from generator.mkdocs.layout import SectionTab, hide_empty_sidebars
from generator.mkdocs.open_data import Downloads, page_markdown
from generator.mkdocs.publishing import (
    ROBOTS_PATH,
    Overrides,
    describe_page,
    docs_prefix,
    robots_txt,
    site_identity,
)
from generator.mkdocs.reuse import KeptSections
from generator.mkdocs.shells import (
    RECORD_SECTIONS,
    Group,
    PagePour,
    Shell,
    all_groups,
    site_group,
)
from generator.mkdocs.side_process import EarlyIndex, ForkedDownloads
from generator.mkdocs.sitemap import BuildDate
from generator.mkdocs.watching import watch_by_kernel
from generator.records import urls
from generator.records.catalogue import Catalogue
from generator.records.history import last_changed
from generator.records.problems import Problem
from generator.records.settings import Identity
from generator.records.validate import RecordCache, read_catalogue
from generator.site import csp
from generator.site.fingerprints import Planned
from generator.site.pages import (
    PageMaker,
    PageSource,
    fixed_page_sources,
    make_planned,
    planned_pages,
    problems_page_source,
)
from generator.site.structure import Site
from generator.site.whitespace import collapse_indentation

HUB_URLS = (
    urls.HOME,
    urls.INNOVATIONS,
    urls.REGIONS,
    urls.REPLICATIONS,
    urls.EVENTS,
    urls.STATISTICS,
)


class KatalogConfig(Config):
    catalogue = config_options.Type(str, default="catalogue")
    """The catalogue folder, relative to mkdocs.yml."""
    edit_base_url = config_options.Deprecated(
        removed=True,
        message="opsi `{}` sudah dihapus: tautan sunting kini berasal dari `repositori` dan "
        "`cabang` di catalogue/katalog.yml (atau `python -m generator build --repo-url`)",
    )
    """Removed: edit links derive from `katalog.yml`'s `repositori` and `cabang`."""


class KatalogPlugin(AfterPages, BasePlugin[KatalogConfig]):
    def __init__(self) -> None:
        self.catalogue_dir: Path | None = None
        self.catalogue: Catalogue | None = None
        self.serving = False
        self.sources: dict[str, PageSource] = {}
        self.problems: list[Problem] = []
        self.docs_prefix = "docs/"
        self.site: Site | None = None
        self.shell_groups: dict[str, Group] = {}
        self.shells: dict[Group, Shell] = {}
        self.shell_html: dict[Group, str] = {}  # as rendered, for `incremental`
        # A build's record pages, begun in on_config and written in on_post_build.
        self.pour: PagePour | None = None
        # Pages (`index.html`) the last build made: MkDocs' own and the record pages.
        self.pages_made = 0
        # `mkdocs serve` only: the search index and open data of the last build, made after
        # its pages were served (see `on_post_build`).
        self.background: threading.Thread | None = None
        self.kept: KeptSections | None = None
        self.record_cache = RecordCache()  # `mkdocs serve`: unchanged files are not re-read
        self.build_date = BuildDate()  # SOURCE_DATE_EPOCH for one build (`sitemap`)
        # What a build reads the catalogue inside (`build.build_site`'s `reading`).
        self.reading: Callable[[], AbstractContextManager[None]] = nullcontext
        # The addresses given to a build (`build.build_site`), and those it published under.
        self.overrides = Overrides()
        self.identity: Identity | None = None
        self.section_tab = SectionTab()  # the tab lit for a page outside the nav (`layout`)
        # An incremental build: the last site and its manifest (`build.build_site`); and this
        # build's record pages as seen against them (`incremental`).
        self.previous: Previous | None = None
        self.served: Manifest | None = None  # `mkdocs serve`: what the last rebuild's pages were
        self.reuse: PageReuse | None = None
        self.downloads = Downloads()  # the open data of a build (`open_data`)
        self.early_index: EarlyIndex | None = None  # an incremental build's (`side_process`)
        # The pages about many records (`Planned`), and those of them this build makes.
        self.planned: list[Planned] = []
        self.site_pages: list[PageSource] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across `mkdocs serve` rebuilds.
        self.serving = command == "serve"
        if self.serving and not serve_log.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("ERROR    -  %(message)s"))
            serve_log.addHandler(handler)
            serve_log.propagate = False
        self.kept = None  # a new serve keeps nothing of an earlier one in this process
        self.served = None
        self.record_cache = RecordCache()

    def on_shutdown(self) -> None:
        self._cancel_pour()
        if isinstance(self.downloads, ForkedDownloads):
            self.downloads.cancel()
        if self.early_index is not None:
            self.early_index.stop()
        self._wait_for_background()
        if self.kept is not None:
            self.kept.wait()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._wait_for_background()
        self.identity = None  # known again once the catalogue is read without problems
        self.reuse = None
        # This build's own; a rebuild under `mkdocs serve` lists the last one's on `/data/`.
        self.downloads = Downloads(self.downloads.last if self.serving else None)
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.catalogue_dir = (base / self.config.catalogue).resolve()
        self.docs_prefix = docs_prefix(Path(config.docs_dir), base)
        with nullcontext() if self.serving else self.reading():
            result = read_catalogue(
                self.catalogue_dir, cache=self.record_cache if self.serving else None
            )
        self.problems = result.problems
        self.catalogue = result.catalogue
        if result.problems and not self.serving:
            lines = [p.format() for p in result.problems]
            lines.append(f"{len(result.problems)} masalah di katalog; situs tidak dibangun.")
            raise Abort("\n".join(lines))
        if result.problems:
            for problem in result.problems:
                serve_log.error(problem.format())
            serve_log.error(f"{len(result.problems)} masalah di katalog; lihat juga di peramban.")
            error_page = problems_page_source(result.problems)
            generated = [
                PageSource(urls.source_path(u), error_page.title, error_page.body) for u in HUB_URLS
            ]
            self.site = None
            self.shell_groups = {}
            self.served = None  # the problems page replaces the kept record pages
        else:
            assert result.catalogue is not None
            self._publish_at(result.catalogue, config)
            # Record pages are made after MkDocs has rendered their shells (on_post_build);
            # here only the site-wide pages and one shell per group of record pages.
            self.site = Site(result.catalogue, self.identity, last_changed(self.catalogue_dir))
            if self.previous is not None and not self.serving:
                # An incremental build: the open data and the index start at once.
                site_url = config.site_url or None
                site_dir = Path(config.site_dir)
                self.downloads = ForkedDownloads(result.catalogue, self.site, site_dir, site_url)
            generated = self._plan_pages(config, self.site)
            if isinstance(self.downloads, ForkedDownloads):
                self.early_index = EarlyIndex(self.site, Path(config.site_dir))
        self.sources = {source.path: source for source in generated}
        self.shells = {}
        self.shell_html = {}
        if result.catalogue is not None and not self.serving:
            self.build_date.set_for(result.catalogue)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # MkDocs has emptied the site: the open data and the kept pages may go in.
        if isinstance(self.downloads, ForkedDownloads):
            self.downloads.start_writing()
        if self.reuse is not None and not self.serving:  # served pages: kept (`reuse`)
            self.reuse.start_linking(Path(config.site_dir))
        assets.minify_project_assets(files, config)
        for source in self.sources.values():
            existing = files.get_file_from_path(source.path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, source.path, content=source.content))
        if self.catalogue is not None:
            content = form_data_json(self.catalogue, self.identity)
            files.append(File.generated(config, FORM_DATA_PATH, content=content))
        if self.identity is not None and self.identity.site_url and not self.serving:
            robots = robots_txt(self.identity.site_url)
            files.append(File.generated(config, ROBOTS_PATH, content=robots))
        files.append(File.generated(config, csp.HEADERS_PATH, content=csp.headers_file()))
        return files

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.globals["katalog_csp"] = csp.META_POLICY  # theme_overrides/main.html
        env.add_extension(theme_source.ValidToggles)
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        source = self.sources.get(page.file.src_uri)
        identity = self.identity or Identity()
        if source is None:
            page.edit_url = identity.repository_file(self.docs_prefix + page.file.src_uri)
            site = None if self.problems else self.site
            return page_markdown(markdown, page, site, identity, self.downloads)
        # MkDocs' templates print meta values unescaped: escape the record values here.
        page.meta["title"] = str(escape(source.title))
        if source.description:
            page.meta["description"] = str(escape(source.description))
        page.edit_url = identity.repository_file(source.edit_path) if source.edit_path else None
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = self.sources.get(page.file.src_uri)
        if source is None:
            return html
        page.toc = get_toc(
            [
                {"level": 2, "id": anchor, "name": label, "children": []}
                for anchor, label in source.toc
            ]
        )
        return source.body

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        describe_page(page, self.sources.get(page.file.src_uri), config)
        hide_empty_sidebars(page, nav, config)
        self.section_tab.activate(page, nav)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = collapse_indentation(output)
        self.section_tab.release()
        group = self.shell_groups.get(page.file.src_uri)
        if group is not None:
            self.shells[group] = Shell(output, group)
            self.shell_html[group] = output
        elif page.file.dest_uri.endswith("index.html"):
            self.pages_made += 1
        return output

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.pages_made = 0
        if self.serving:  # before MkDocs empties the site: keep the record pages (`reuse`)
            site_dir = Path(config.site_dir)
            if self.kept is None or self.kept.site_dir != site_dir:
                self.kept = KeptSections(site_dir, RECORD_SECTIONS)
            self.kept.keep()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The record pages, the open data and the search index. The record pages are made by
        worker processes (`shells`); meanwhile this process writes the search index's
        documents, starts Pagefind on them in the background (`search`), and writes the open
        data, so the three steps share the machine's cores instead of running in turn.

        Under `mkdocs serve` an editor waits for the page they edited: the build ends with the
        pages, and the search index and open data follow in a thread a few seconds later (the
        next rebuild waits for it)."""
        if self.site is None:
            return
        site_dir = Path(config.site_dir)
        if self.serving:
            if self.kept is not None:
                self.kept.restore()
            poured = self._pour(site_dir, config, meanwhile=None)
            if self.kept is not None:
                made = [f"{g.section}/{slug}" for g, slugs in poured.items() for slug in slugs]
                self.kept.remove_unmade(made, folders=True)
            self.served = self.reuse.manifest() if self.reuse is not None else None
            self.background = threading.Thread(
                target=self._index_and_export, args=(config,), name="katalog-index", daemon=True
            )
            self.background.start()
        else:
            try:
                self._index_and_export(config, pour=True)
            finally:
                self.build_date.restore()  # the sitemap, the last thing it dates, is written

    def _plan_pages(self, config: MkDocsConfig, site: Site) -> list[PageSource]:
        """The pages MkDocs renders (hand-written ones aside), one shell per group of the
        others; meanwhile the record pages start in their workers and the pages about many
        records are made here, unless the last build's can be taken over (`incremental`)."""
        assert self.catalogue_dir is not None
        self.planned = planned_pages(site)
        settings = [repr(self.overrides), repr(self.identity), config.site_description or ""]
        shared = config_digest(config, self.catalogue_dir, settings)
        previous = self.previous
        if self.serving:  # the last rebuild's pages, kept in the served site (`reuse`)
            served = self.served
            previous = Previous(Path(config.site_dir), served) if served is not None else None
        self.reuse = PageReuse(previous, site, self.catalogue_dir, shared, self.planned)
        wanted = self.reuse.to_make()
        # The record pages need only the catalogue until they are written into
        # their shells: their workers start now, while MkDocs makes everything else.
        self._cancel_pour()
        description = config.site_description or ""
        self.pour = PagePour(site, Path(config.site_dir), description, wanted)
        maker = PageMaker()
        self.site_pages = [
            make_planned(maker, page)
            for page in self.planned
            if wanted is None or page.url in wanted
        ]
        groups = sorted(
            {
                *all_groups(),
                *(site_group(p.url, toc) for p in self.planned for toc in (True, False)),
            }
        )
        self.shell_groups = {group.source.path: group for group in groups}
        return fixed_page_sources(site, maker) + [group.source for group in groups]

    def on_build_error(self, *, error: Exception) -> None:
        self._cancel_pour()
        self.served = None  # what the served site holds is no longer known: remake it all
        if self.early_index is not None:
            self.early_index.stop()
            self.early_index = None
        if self.reuse is not None:
            self.reuse.stop_linking()
        if isinstance(self.downloads, ForkedDownloads):
            self.downloads.cancel()
        self.build_date.restore()

    def _publish_at(self, catalogue: Catalogue, config: MkDocsConfig) -> None:
        """The build's identity (`publishing`), and MkDocs' `site_url` set to its address:
        MkDocs makes the canonical links and the sitemap from it."""
        self.identity = site_identity(
            catalogue.identity, self.overrides, config.site_url, self.serving
        )
        config.site_url = self.identity.site_url

    def _cancel_pour(self) -> None:
        if self.pour is not None:
            self.pour.cancel()
            self.pour = None

    def _wait_for_background(self) -> None:
        if self.background is not None:
            self.background.join()
            self.background = None

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        watch_by_kernel(server, [config.docs_dir, config.config_file_path, *config.theme.dirs])
        if self.catalogue_dir is not None:
            server.watch(str(self.catalogue_dir))
        return server
