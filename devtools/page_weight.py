"""What a page costs a visitor on a first visit (issue 13): every request a browser makes to show
it with an empty cache, and the bytes they move.

Used by the page-weight tests and usable from a benchmark. It drives a Chromium through
Playwright, which is a test dependency: the import happens only when a page is measured.
`transferred` is what the host sent (headers and bodies, as served: the test server does not
compress); `gzip_bodies` estimates the bodies from a host that compresses text, as most do.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Request

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


@dataclass(frozen=True)
class PageWeight:
    """One cold-cache page load."""

    url: str
    requests: int
    transferred: int
    bodies: int
    gzip_bodies: int
    by_type: dict[str, int] = field(default_factory=dict)
    """Body bytes per resource type (`document`, `stylesheet`, `script`, `image`, ...)."""

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {size / 1024:.1f} KB" for kind, size in self.by_type.items())
        return (
            f"{self.url}: {self.requests} permintaan, {self.transferred / 1024:.1f} KB dikirim"
            f" (gzip ~{self.gzip_bodies / 1024:.1f} KB); {kinds}"
        )


def cold_cache_weight(browser: Browser, url: str, javascript: bool = True) -> PageWeight:
    """Load `url` in a fresh browser context (an empty cache) until the network is idle and add
    up every response."""
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        finished: list[Request] = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(url, wait_until="networkidle")
        transferred = bodies = gzip_bodies = 0
        by_type: dict[str, int] = {}
        for request in finished:
            response = request.response()
            if response is None:
                continue
            sizes = request.sizes()
            body = response.body()
            transferred += sizes["responseHeadersSize"] + sizes["responseBodySize"]
            bodies += len(body)
            content_type = response.headers.get("content-type", "")
            compressible = content_type.startswith(COMPRESSED_TYPES)
            gzip_bodies += len(gzip.compress(body, mtime=0)) if compressible else len(body)
            kind = request.resource_type
            by_type[kind] = by_type.get(kind, 0) + len(body)
        return PageWeight(url, len(finished), transferred, bodies, gzip_bodies, by_type)
    finally:
        context.close()


def measure(url: str, chromium: str = DEFAULT_CHROMIUM) -> PageWeight:
    """`cold_cache_weight` with a Chromium of its own, for scripts and benchmarks."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            return cold_cache_weight(browser, url)
        finally:
            browser.close()
