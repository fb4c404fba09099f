"""The theme's indentation is taken out of pages without changing what a browser shows."""

from __future__ import annotations

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from generator.site.whitespace import collapse_indentation

PAGE = """<!doctype html>
<html>
  <head>
    <style>
      .a  {  color: red }
    </style>
    <script type="application/json">{"a":
      "b"}</script>
  </head>
  <body>
    <nav>
      <a href="/">Beranda</a>
      <a href="/inovasi/">Inovasi</a>
    </nav>
    <pre><code>kunci:
    - nilai
  lain</code></pre>
    <textarea>baris 1

   baris 3</textarea>
    <span>a  b</span>
  </body>
</html>
"""


def test_indentation_goes_and_kept_text_stays() -> None:
    out = collapse_indentation(PAGE)
    assert len(out) < len(PAGE) * 0.9
    assert "<html>\n<head>\n<style>" in out
    assert '<nav>\n<a href="/">Beranda</a>\n<a href="/inovasi/">Inovasi</a>\n</nav>' in out
    assert "<pre><code>kunci:\n    - nilai\n  lain</code></pre>" in out
    assert "<textarea>baris 1\n\n   baris 3</textarea>" in out
    assert '<script type="application/json">{"a":\n      "b"}</script>' in out
    assert "      .a  {  color: red }" in out
    assert "<span>a  b</span>" in out  # runs without a newline stay


def _words(html: str) -> list[str]:
    return BeautifulSoup(html, "html.parser").get_text().split()


def test_the_text_a_reader_sees_is_the_same() -> None:
    out = collapse_indentation(PAGE)
    assert _words(out) == _words(PAGE)
    assert str(BeautifulSoup(out, "html.parser").pre) == str(BeautifulSoup(PAGE, "html.parser").pre)


@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "kata",
                " ",
                "\n",
                "\t",
                "  \n  ",
                "<pre>",
                "</pre>",
                "<b>",
                "</b>",
                "&amp;",
            ]
        ),
        max_size=40,
    )
)
def test_collapsing_twice_changes_nothing_more(pieces: list[str]) -> None:
    once = collapse_indentation("".join(pieces))
    assert collapse_indentation(once) == once
