"""The hostile corpus in a real browser (issue 10): every page of the site built from the
inert hostile records is opened in headless Chromium; no script of a record may run, no
dialog open, no request leave the site. The policy is bypassed here (`bypass_csp`), so the
test proves the escaping and sanitizing themselves, not the Content-Security-Policy."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .conftest import serve_directory
from .hostile.corpus import hostile_site


def test_no_record_script_runs_on_any_page(browser: Any) -> None:
    _, site = hostile_site()
    pages = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "pagefind" not in path.parts
    )
    assert len(pages) > 20
    with serve_directory(site) as base:
        origin = urlsplit(base).netloc
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        events: list[str] = []
        page.on(
            "dialog", lambda dialog: (events.append(f"dialog {dialog.message}"), dialog.dismiss())
        )
        page.on(
            "request",
            lambda request: (
                events.append(f"request {request.url}")
                if urlsplit(request.url).scheme in ("http", "https")
                and urlsplit(request.url).netloc != origin
                else None
            ),
        )
        try:
            for path in pages:
                page.goto(f"{base}/{path}", wait_until="load")
                page.mouse.move(200, 300)
                page.mouse.move(600, 500)
                ran = page.evaluate("typeof window.__pwned !== 'undefined'")
                assert not ran, path
                assert events == [], (path, events)
        finally:
            context.close()
