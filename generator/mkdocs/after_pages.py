"""What a build does once MkDocs has written its own pages (`KatalogPlugin.on_post_build`):
the record pages poured into their shells (or, in an incremental build, taken over from the
last site: `incremental`), the search index and the open data."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger

from generator.data.exports import write_if_changed
from generator.mkdocs.incremental import PageReuse
from generator.mkdocs.open_data import Downloads
from generator.mkdocs.reuse import KeptSections
from generator.mkdocs.shells import Group, PagePour, Shell, below_section, site_group
from generator.mkdocs.side_process import EarlyIndex, ForkedDownloads
from generator.mkdocs.sitemap import list_record_pages
from generator.records.catalogue import Catalogue
from generator.records.problems import Problem
from generator.search.documents import scratch_parent, write_index_documents
from generator.search.indexer import Indexer, IndexFailed, IndexSummary
from generator.site.fingerprints import Planned
from generator.site.pages import PageMaker, PageSource, make_planned
from generator.site.structure import Site

# Problems during `mkdocs serve` are printed on a logger of our own: MkDocs counts warnings
# on its `mkdocs.*` loggers and, in strict mode, would abort the rebuild we want to show.
serve_log = logging.getLogger("katalog")
log = get_plugin_logger(__name__)  # MkDocs' own: progress lines of a build


class AfterPages:
    """The plugin's steps after MkDocs' pages, and the state they read (set by the plugin)."""

    site: Site | None
    catalogue: Catalogue | None
    problems: list[Problem]
    serving: bool
    pour: PagePour | None
    shells: dict[Group, Shell]
    shell_html: dict[Group, str]
    pages_made: int
    kept: KeptSections | None
    reuse: PageReuse | None
    downloads: Downloads
    planned: list[Planned]
    site_pages: list[PageSource]
    early_index: EarlyIndex | None

    def _pour(
        self, site_dir: Path, config: MkDocsConfig, meanwhile: Callable[[], None] | None
    ) -> dict[Group, list[str]]:
        assert self.site is not None
        site = self.site
        description = config.site_description or ""
        pour, self.pour = self.pour, None
        if pour is None:
            pour = PagePour(site, site_dir, description)
        poured = pour.pour(self.shells, meanwhile)
        for group, made in self._pour_site_pages(site_dir, self.site_pages, description).items():
            poured[group] = sorted([*poured.get(group, []), *made])
        if self.reuse is not None:

            def make(only: set[str]) -> dict[Group, list[str]]:
                """Pages that could not be taken over after all."""
                made = PagePour(site, site_dir, description, only).pour(self.shells)
                maker = PageMaker()
                sources = [make_planned(maker, p) for p in self.planned if p.url in only]
                for group, slugs in self._pour_site_pages(site_dir, sources, description).items():
                    made[group] = [*made.get(group, []), *slugs]
                return made

            poured = self.reuse.take_over(poured, self.shell_html, site_dir, make)
        self.pages_made += sum(len(slugs) for slugs in poured.values())
        self._list_record_pages(site_dir, poured)
        return poured

    def _pour_site_pages(
        self, site_dir: Path, sources: list[PageSource], description: str
    ) -> dict[Group, list[str]]:
        """Write the pages about many records into their shells; their paths below their
        sections, by group."""
        poured: dict[Group, list[str]] = {}
        for source in sources:
            group = site_group(source.url, bool(source.toc))
            target = site_dir / source.url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            write_if_changed(target, self.shells[group].render(source, description).encode())
            poured.setdefault(group, []).append(below_section(source.url))
        return poured

    def _index_and_export(self, config: MkDocsConfig, pour: bool = False) -> None:
        """The search index and the open data (with the record pages when `pour`)."""
        site = self.site
        assert site is not None
        site_dir = Path(config.site_dir)
        with tempfile.TemporaryDirectory(
            prefix="katalog-index-", dir=scratch_parent(site)
        ) as scratch:
            documents = Path(scratch) / "dokumen"
            indexer: Indexer | None = None

            def index_and_export() -> None:
                nonlocal indexer
                write_index_documents(site, documents)
                indexer = Indexer(documents, site_dir)
                written = self._write_open_data(config)
                if self.kept is not None:  # serving
                    made = [path.relative_to(site_dir).as_posix() for path in written]
                    self.kept.remove_unmade(made, folders=False)

            try:
                if isinstance(self.downloads, ForkedDownloads):  # made beside the pages
                    self._pour(site_dir, config, meanwhile=None)
                    self.downloads.finish(site_dir)
                    if self.early_index is not None:
                        self._report_index(self.early_index.finish())
                        self.early_index = None
                elif pour:
                    self._pour(site_dir, config, meanwhile=index_and_export)
                else:
                    index_and_export()
                if indexer is not None:
                    self._report_index(indexer.finish())
            except IndexFailed as failure:
                if not self.serving:
                    raise Abort(str(failure)) from None
                serve_log.error(str(failure))
            except Exception as error:  # a thread's exception would otherwise vanish
                if not self.serving:
                    raise
                serve_log.error(f"Indeks pencarian dan data terbuka gagal dibuat: {error!r}")
            finally:
                if indexer is not None:
                    indexer.stop()

    def _list_record_pages(self, site_dir: Path, poured: dict[Group, list[str]]) -> None:
        """Remove the shells MkDocs rendered (see `shells`) and list the record pages in the
        sitemap in their place."""
        for group in self.shells:
            shutil.rmtree(site_dir / group.section / group.slug, ignore_errors=True)
        list_record_pages(site_dir, poured, self.shells)

    def _write_open_data(self, config: MkDocsConfig) -> list[Path]:
        if self.catalogue is None or self.problems:
            return []
        site_dir = Path(config.site_dir)
        # The downloads were made for the `/data/` page when it was rendered.
        site_url = config.site_url or None
        return self.downloads.write(self.catalogue, self.site, site_dir, site_url)

    def _report_index(self, summary: IndexSummary) -> None:
        """`mkdocs serve` indexes too (a second for the shipped catalogue), so that /cari/
        works while editing; nothing is indexed while the records have problems."""
        log.info(str(summary))
