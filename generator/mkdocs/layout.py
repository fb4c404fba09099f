"""What Material draws around a page, fitted to a catalogue whose navigation holds only hubs.

- The left sidebar: with `navigation.tabs` and a navigation of pages only (no sections), the
  tabs already show every entry and the sidebar would hold the current page's name alone. It
  is hidden (`hide: navigation`); below Material's desktop width it is still the drawer the
  menu button opens.
- The right sidebar (the table of contents) is hidden on a page without headings.
- The tab of a page outside the navigation (a record page, a sector's listing, the form) is
  the hub its address lies under: `/inovasi/x/` lights up "Inovasi". MkDocs marks only the
  pages of the navigation as active, so the hub is marked while the page renders.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def hide_empty_sidebars(page: Page, nav: Navigation, config: MkDocsConfig) -> None:
    """Add `navigation` and `toc` to the page's `hide` where the sidebar would be empty."""
    features = config.theme.get("features") or []
    hide = list(page.meta.get("hide") or [])
    flat = all(not item.children for item in nav.items)
    if "navigation.tabs" in features and flat and "navigation" not in hide:
        hide.append("navigation")
    if not _contents(page) and "toc" not in hide:
        hide.append("toc")
    page.meta["hide"] = hide


def _contents(page: Page) -> list[Any]:
    """The entries the contents sidebar lists: as Material's `toc.html` takes them, the
    children of the page's title when the first heading is the title (level 1)."""
    items = list(page.toc.items)
    if items and items[0].level == 1:
        return list(items[0].children)
    return items


class SectionTab:
    """Marks the hub of a page outside the navigation as active while that page renders."""

    def __init__(self) -> None:
        self.hub: Page | None = None

    def activate(self, page: Page, nav: Navigation) -> None:
        """Mark the navigation page whose address is the longest beginning of `page`'s (the
        home page excepted) as active; nothing for a page in the navigation."""
        self.release()
        if page in nav.pages:
            return
        url = page.url
        hubs = [p for p in nav.pages if p.url and url.startswith(p.url)]
        if hubs:
            self.hub = max(hubs, key=lambda p: len(p.url))
            self.hub.active = True

    def release(self) -> None:
        """Unmark the hub marked for the page rendered last."""
        if self.hub is not None:
            self.hub.active = False
            self.hub = None
