"""The Content-Security-Policy of the published site.

A static site sends no headers of its own, so the policy is written twice from this one
source: as a `<meta http-equiv="Content-Security-Policy">` in every page's head
(`theme_overrides/main.html`), and as a real header in `_headers` (the Netlify / Cloudflare
Pages format) for hosts that read it.

- Scripts come from the site itself only: Material's inline scripts are replaced by files
  (`theme_overrides/partials/javascripts/`), so no `'unsafe-inline'` for scripts.
  `'wasm-unsafe-eval'` lets Pagefind's WebAssembly search run; it allows no JavaScript eval.
- Styles allow `'unsafe-inline'`: Material and the inline SVG charts set `style` attributes;
  no record value reaches a style (the sanitizer drops them).
- Images: the site's own and `data:` (Material's icons are data URIs in its CSS).
- `frame-ancestors` is ignored in a meta element, so it is only in the header.
"""

from __future__ import annotations

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
HEADER_ONLY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'self'"),)

HEADERS_PATH = "_headers"


def _join(directives: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)


META_POLICY = _join(DIRECTIVES)
"""The policy for `<meta http-equiv="Content-Security-Policy">`."""

HEADER_POLICY = _join(DIRECTIVES + HEADER_ONLY)
"""The policy for a real `Content-Security-Policy` header (adds `frame-ancestors`)."""


def headers_file() -> str:
    """The `_headers` file: the same policy, and the usual hardening, for every path."""
    return (
        "# Response headers for hosts that read this file (Netlify, Cloudflare Pages).\n"
        "# Written by the generator from generator/site/csp.py; the same policy is in every page.\n"
        "/*\n"
        f"  Content-Security-Policy: {HEADER_POLICY}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
        "  X-Frame-Options: SAMEORIGIN\n"
    )
