"""Markdown fields of records, rendered to safe HTML.

Record values are untrusted: a markdown field is converted with cmark-gfm (GitHub's
CommonMark, through `cmarkgfm`: tables, autolinks, strikethrough) and the result is sanitized
with nh3 (the Ammonia sanitizer), which keeps a short list of tags, drops
every script, style and event attribute, allows only http, https, mailto and tel links, and
marks every link `rel="noopener noreferrer"`. Relative links are dropped: a record cannot
know the address of the page it is shown on.
"""

from __future__ import annotations

import re
from html import unescape

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup, escape

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
    "tr", "th", "td", "sub", "sup",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


# cmark parses in linear time, but the sanitizer's HTML parser slows down with the square of
# the nesting depth: a field nested 49,000 quotes deep took 4 s to clean. A field whose lines
# start that deep is shown as plain text.
MAX_BLOCK_PREFIX = 64  # characters of indentation and list/quote markers before a line's text
_BLOCK_PREFIX = re.compile(r"(?:[ \t>*+-]|[0-9]+[.)])*")


def _too_deep(text: str) -> bool:
    return any(
        len(_BLOCK_PREFIX.match(line).group(0)) > MAX_BLOCK_PREFIX  # type: ignore[union-attr]
        for line in text.splitlines()
    )


def _plain(text: str) -> Markup:
    return Markup("<p>") + escape(text) + Markup("</p>")


# Raw HTML is let through the parser on purpose: nh3 decides what of it stays, with the same
# allowlist as for the Markdown's own output. (Python-Markdown, used before, took 0.2 ms a
# field, 15 s of CPU for a 10,000-innovation build; cmark-gfm takes a tenth of that.)
_OPTIONS = Options.CMARK_OPT_UNSAFE


def render_markdown(text: str | None) -> Markup:
    """A markdown field as sanitized HTML, ready to place in a template."""
    if not text:
        return Markup("")
    if _too_deep(text):
        return _plain(text)
    html: str = cmarkgfm.github_flavored_markdown_to_html(text, options=_OPTIONS)
    # Headings in a field sit under the page's own h2 sections: shift h1/h2 down to h3.
    html = re.sub(r"<(/?)h[12]\b", r"<\1h3", html)
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        url_relative="deny",
    )
    return Markup(cleaned)


def markdown_text(text: str | None) -> str:
    """A markdown field's words as plain text, every tag dropped (for the search index, which
    escapes it again). Guarded like `render_markdown`: the sanitizer is what strips the tags."""
    if not text:
        return ""
    if _too_deep(text):
        return text
    # cmark's safe mode leaves raw HTML out: a record's markup is not words to find.
    html = cmarkgfm.github_flavored_markdown_to_html(text)
    return unescape(nh3.clean(html, tags=set()))


def safe_url(url: str | None) -> str | None:
    """`url` when it is an absolute http, https, mailto or tel address; otherwise None.

    Used for URL fields (`situs`, `tautan[].url`, `sumber[].url`) before they become links;
    the template still escapes the value.
    """
    if not url:
        return None
    match = _SCHEME.match(url.strip())
    if not match or match.group(1).lower() not in URL_SCHEMES:
        return None
    return url.strip()


def phone_url(number: str) -> str | None:
    """A `tel:` link for a phone number as editors write it (`0561 123 456`, `+62-561-...`)."""
    digits = re.sub(r"[^0-9+]", "", number)
    return f"tel:{digits}" if len(digits) >= 5 else None
