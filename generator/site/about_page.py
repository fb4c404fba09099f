"""The generated part of the hand-written `/tentang/` page (`docs/tentang.md`).

The page's text stays hand-written; one mark in it is filled at build time from the
catalogue's identity (`katalog.yml`), so that the contact it gives cannot drift from the one
the open data names:

- `<!-- katalog:pengelola -->`: who publishes the catalogue (`pengelola`: name, e-mail as a
  `mailto:` link, telephone as a `tel:` link, address), every value escaped; when it is not
  set, a plain sentence saying so, pointing to the repository's issues when `repositori` is
  known, else to the contribution page.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from generator.records.settings import Identity, Publisher

ABOUT_PAGE = "tentang.md"
PUBLISHER_MARK = "<!-- katalog:pengelola -->"
CONTRIBUTION_PAGE = "kontribusi.md"  # a Markdown link: MkDocs makes it relative to the page


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def mailto(email: str) -> str:
    """A `mailto:` address for `email` (checked by the schema: no spaces, quotes or `<>`)."""
    return "mailto:" + quote(email, safe="@.+-_")


def tel(telephone: str) -> str:
    """A `tel:` address: the number's digits, with its leading `+` (`+62 561 000` ->
    `tel:+62561000`)."""
    digits = re.sub(r"[^0-9]", "", telephone)
    return "tel:" + ("+" if telephone.strip().startswith("+") else "") + digits


def publisher_block(publisher: Publisher) -> str:
    """The publisher as an HTML definition list (MkDocs leaves raw HTML blocks alone)."""
    rows = [
        ("Nama", html.escape(publisher.nama)),
        (
            "Surel",
            f'<a href="{_attribute(mailto(publisher.email))}">{html.escape(publisher.email)}</a>',
        ),
    ]
    if publisher.telepon:
        number = html.escape(publisher.telepon)
        rows.append(("Telepon", f'<a href="{_attribute(tel(publisher.telepon))}">{number}</a>'))
    if publisher.alamat:
        rows.append(("Alamat", html.escape(publisher.alamat)))
    lines = ['<dl class="pengelola">']
    lines += [f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows]
    lines.append("</dl>")
    return "\n".join(lines)


def no_publisher_text(repository: str | None) -> str:
    """What the page says while `pengelola` is not set: plainly that, and where to write."""
    text = "Kontak pengelola katalog ini belum diisi. Sementara itu, "
    if repository:
        issues = _attribute(f"{repository}/issues")
        return text + (
            f'sampaikan pertanyaan atau koreksi lewat <a href="{issues}">daftar masalah'
            " (<i>issues</i>) di repositori katalog</a>."
        )
    return text + f"lihat [halaman Kontribusi]({CONTRIBUTION_PAGE}) untuk cara mengirim koreksi."


def about_page_markdown(markdown: str, identity: Identity) -> str:
    """The `/tentang/` page's Markdown with its publisher filled in (see the module)."""
    if identity.publisher is not None:
        part = publisher_block(identity.publisher)
    else:
        part = no_publisher_text(identity.repository)
    return markdown.replace(PUBLISHER_MARK, part)
