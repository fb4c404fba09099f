"""The theme's indentation taken out of a rendered page.

Material's templates indent every nested block, so about a fifth of a record page is
newlines and spaces, repeated on each of tens of thousands of pages. A browser renders any
run of whitespace between words or tags as one space at most, so a run that holds a newline
can become a single newline without changing what is shown, except where whitespace is
kept as typed: `<pre>` and `<textarea>`, and scripts and styles, whose text is not HTML.
Those are copied unchanged. (Runs without a newline are left alone: they are short, and
`white-space: nowrap` text may rely on them.)
"""

from __future__ import annotations

import re

# A kept element from its opening tag to its closing tag, or one whitespace run with a newline.
_KEPT_OR_RUN = re.compile(
    r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|([ \t\r\f]*\n[ \t\r\n\f]*)",
    re.S | re.I,
)


def collapse_indentation(html: str) -> str:
    """`html` with every whitespace run that holds a newline cut to one newline, outside
    `<pre>`, `<textarea>`, `<script>` and `<style>`."""
    return _KEPT_OR_RUN.sub(lambda m: m.group(1) or "\n", html)
