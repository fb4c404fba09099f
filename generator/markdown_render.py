"""Markdown fields of records, rendered to safe HTML.

Record values are untrusted: a markdown field is converted with Python-Markdown and the
result is sanitized with nh3 (the Ammonia sanitizer), which keeps a short list of tags, drops
every script, style and event attribute, allows only http, https, mailto and tel links, and
marks every link `rel="noopener noreferrer"`. Relative links are dropped: a record cannot
know the address of the page it is shown on.
"""

from __future__ import annotations

import re

import markdown
import nh3
from markupsafe import Markup

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
    "tr", "th", "td", "sub", "sup",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def render_markdown(text: str | None) -> Markup:
    """A markdown field as sanitized HTML, ready to place in a template."""
    if not text:
        return Markup("")
    html = markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
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
