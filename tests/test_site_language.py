"""The site speaks Indonesian wherever a person reads or hears it (issue 21): no English label
of Material's (landmarks a screen reader names, "Skip to content", "Back to top", copy
buttons) in a page's text, in its `aria-label`, `title`, `alt` and `placeholder` attributes,
or in the messages Material's scripts show (`__config`'s translations). Git's and GitHub's
English words appear only where the contribution guide names GitHub's buttons for its users,
inside a `<details>` titled "Untuk pengguna GitHub"; code is not prose and is not read."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

# Material's English interface words (its `en` translations and built-in labels).
ENGLISH_UI = (
    "Skip to content",
    "Back to top",
    "Table of contents",
    "Header",
    "Footer",
    "Navigation",
    "Search",
    "Copy to clipboard",
    "clipboard",
    "Copied",
    "Edit this page",
    "View source of this page",
    "Go to repository",
    "Previous",
    "Next",
    "Type to start searching",
    "Initializing search",
    "No matching documents",
    "Select language",
    "Select version",
    "Share",
    "Clear",
    "Last update",
    "Contributors",
    "Dark mode",
    "Light mode",
    "Switch to",
    "min read",
    "Page not found",
)
# Words that are English only as labels: in prose "tab" also names the key (`/data/`).
ENGLISH_LABELS = ("Tab", "Tabs")
# The English words of git and GitHub that the site's prose says in Indonesian.
GIT_WORDS = (
    "record",
    "records",
    "pull request",
    "pull requests",
    "artifact",
    "artifacts",
    "Propose new file",
    "New issue",
    "issue",
    "issues",
    "commit",
    "commits",
    "fork",
    "merge",
    "branch",
    "repository",
)
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
NOT_PROSE = ("script", "style", "code", "pre", "kbd", "samp")
FOR_GITHUB_USERS = "Untuk pengguna GitHub"


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in longest_first)
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)


TEXT_WORDS = _pattern(ENGLISH_UI + GIT_WORDS)
LABEL_WORDS = _pattern(ENGLISH_UI + ENGLISH_LABELS + GIT_WORDS)


def _for_github_users(details: Tag) -> bool:
    summary = details.find("summary")
    return summary is not None and summary.get_text(" ", strip=True).startswith(FOR_GITHUB_USERS)


def english_words(html: str) -> list[str]:
    """Each English word a person reads or hears on the page, with where it stands."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(True):
        for name in READ_ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str):
                found += [f"{name}={value!r}" for _ in LABEL_WORDS.findall(value)]
    config = soup.find("script", id="__config")
    if config is not None and config.string:
        for key, value in json.loads(config.string).get("translations", {}).items():
            found += [f"__config {key}={value!r}" for _ in LABEL_WORDS.findall(value)]
    for element in soup.find_all(NOT_PROSE):
        element.decompose()
    for details in soup.find_all("details"):
        if _for_github_users(details):
            details.decompose()
    for text in soup.find_all(string=True):
        for match in TEXT_WORDS.finditer(text):
            context = " ".join(text[max(0, match.start() - 30) : match.end() + 30].split())
            found.append(f"text {match.group(1)!r} in '{context}'")
    return found


def test_the_scan_finds_english_where_a_person_meets_it() -> None:
    page = (
        '<html><head><script id="__config" type="application/json">'
        '{"translations": {"clipboard.copy": "Copy to clipboard"}}</script></head><body>'
        '<nav aria-label="Header"></nav><nav aria-label="Tab"></nav>'
        '<a href="#" class="md-skip">Skip to content</a><p>Kirim <em>pull request</em>.</p>'
        "<p>Tekan tombol tab.</p><pre>git commit</pre>"
        "<details><summary>Untuk pengguna GitHub</summary><p>pull request</p></details>"
        "<details><summary>Lainnya</summary><p>New issue</p></details></body></html>"
    )
    found = english_words(page)
    assert len(found) == 6, found
    assert any("clipboard.copy" in f for f in found)
    assert any("'Header'" in f for f in found) and any("'Tab'" in f for f in found)
    assert any("'Skip to content'" in f for f in found)
    assert any("'pull request'" in f for f in found) and any("'New issue'" in f for f in found)


def test_no_english_on_any_shipped_page(shipped_site: Path) -> None:
    pages = sorted(shipped_site.rglob("*.html"))
    assert len(pages) > 100, "the shipped site lost its pages"
    found = [
        f"{page.relative_to(shipped_site)}: {word}"
        for page in pages
        for word in english_words(page.read_text(encoding="utf-8"))
    ]
    assert not found, f"{len(found)} English words:\n" + "\n".join(found)


def test_material_labels_are_indonesian(shipped_site: Path) -> None:
    home = BeautifulSoup((shipped_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    labels = {str(nav.get("aria-label")) for nav in home.find_all("nav")}
    assert {"Kepala halaman", "Bagian situs", "Navigasi"} <= labels, labels
    assert home.find("html").get("lang") == "id"  # type: ignore[union-attr]
    config = json.loads(home.find("script", id="__config").string)  # type: ignore[union-attr]
    assert config["translations"]["clipboard.copy"] == "Salin"
