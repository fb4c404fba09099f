"""Markdown fields and URL fields of records are untrusted: what survives rendering."""

from __future__ import annotations

from generator.site.markdown import markdown_text, phone_url, render_markdown, safe_url


def test_markdown_is_rendered_and_sanitized() -> None:
    html = render_markdown(
        "# Judul\n\n**tebal** <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
        "[jahat](javascript:alert(3)) [relatif](../x/) [aman](https://example.org) "
        "[surel](mailto:a@example.org)"
    )
    assert "<h3>Judul</h3>" in html
    assert "<strong>tebal</strong>" in html
    assert "<script" not in html and "onerror" not in html and "<img" not in html
    assert "javascript:" not in html and "../x/" not in html
    assert '<a href="https://example.org" rel="noopener noreferrer">aman</a>' in html
    assert 'href="mailto:a@example.org"' in html


def test_empty_field_renders_nothing() -> None:
    assert render_markdown(None) == "" and render_markdown("") == ""


def test_only_web_mail_and_phone_urls_become_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("JavaScript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("/relatif") is None
    assert phone_url("0561 123-456") == "tel:0561123456"
    assert phone_url("-") is None


def test_markdown_text_keeps_the_words_and_drops_the_markup() -> None:
    text = markdown_text("Antrean **panjang** di [loket](https://example.org) <b>x</b> &amp; y")
    assert text.strip() == "Antrean panjang di loket x & y"
    assert markdown_text(None) == "" and markdown_text("") == ""
    # Nested past the guard: left as written, like render_markdown's plain-text fallback.
    deep = ">" * 5000 + " x"
    assert markdown_text(deep) == deep
