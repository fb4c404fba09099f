"""How heavy the search is for a visitor: the bytes a browser fetches from opening
`/cari/?q=...` until the first results show, on a built site.

The site is served the way a production static host serves it: text files (HTML, CSS,
JavaScript, JSON) gzip-compressed when the browser asks for it; Pagefind's index files are
compressed already and sent as they are. The browser is Chromium driven by Playwright (a test
dependency, imported only here), with an empty cache, as on a first visit.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
_TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that gzips text files for browsers that accept it."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and ctype.startswith(_TEXT_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve_compressed(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) with gzip for text; yields the base URL."""
    with serve_folder(folder, _CompressingHandler) as base:
        yield base


@contextlib.contextmanager
def serve_folder(
    folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler]
) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) with `handler_class`; yields the base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class FirstResults:
    """What a first search cost: bytes fetched until the first results showed, by file."""

    query: str
    results: int
    seconds: float
    fetched: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.fetched.values())

    def by_kind(self) -> dict[str, int]:
        """Bytes per kind of file: page, theme, search script, index, fragments, filters."""
        kinds: dict[str, int] = {}
        for url, size in self.fetched.items():
            kinds[_kind(url)] = kinds.get(_kind(url), 0) + size
        return kinds


def _kind(url: str) -> str:
    if "/pagefind/fragment/" in url:
        return "fragments"
    if "/pagefind/filter/" in url:
        return "filters"
    if "/pagefind/index/" in url or url.endswith(".pf_meta"):
        return "index"
    if "/pagefind/" in url:
        return "search engine"
    if "/assets/" in url:
        return "theme and scripts"
    return "page"


def first_results_bytes(site_dir: Path, query: str, chromium: str = CHROMIUM) -> FirstResults:
    """Open `/cari/?q=<query>` on the built site in `site_dir` with an empty cache and sum the
    compressed bytes (`encodedBodySize`, headers not counted) of the page and every file it
    had received when the first results were shown."""
    from playwright.sync_api import sync_playwright

    with serve_compressed(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context().new_page()
            page.goto(f"{base}/cari/?q={quote(query)}")
            # The search page marks the moment it shows the first results (a Performance
            # mark); "no results" is shown without one.
            page.wait_for_selector("#k-search[data-state=done]", state="attached", timeout=90_000)
            timing = page.evaluate(_RESOURCES_UNTIL_MARK)
            count = int(page.get_attribute(".k-search__status", "data-count") or 0)
        finally:
            browser.close()
    fetched: dict[str, int] = {}
    for url, size in timing["fetched"]:
        path = url.removeprefix(base)
        fetched[path] = fetched.get(path, 0) + int(size)
    return FirstResults(query, count, float(timing["seconds"]), fetched)


_RESOURCES_UNTIL_MARK = """() => {
  const mark = performance.getEntriesByName("k-first-results")[0];
  const until = mark ? mark.startTime : performance.now();
  const entries = [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")];
  return {
    seconds: until / 1000,
    fetched: entries.filter(e => e.responseEnd <= until)
                    .map(e => [e.name, e.encodedBodySize]),
  };
}"""
