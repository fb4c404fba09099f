"""Material's templates as the build compiles them, with what valid HTML needs changed.

Material's `base.html` writes its drawer and search toggles as
`<input type="checkbox" ... autocomplete="off">`; the Nu HTML Checker rejects `autocomplete`
on a checkbox (two errors on every page). The attribute sits outside any block a theme
override can replace, and copying the whole of `base.html` into `theme_overrides/` for two
attributes would have to follow every Material release; so a Jinja extension drops them from
that template's source as it is compiled. The attribute kept Firefox from restoring an open
drawer on going back: `theme_overrides/assets/javascripts/katalog-md-base.js` closes the
toggles when a page is shown instead.
"""

from __future__ import annotations

from jinja2.ext import Extension

TOGGLE_TEMPLATE = "base.html"
_TOGGLES = ('id="__drawer" autocomplete="off">', 'id="__search" autocomplete="off">')


def without_toggle_autocomplete(source: str) -> str:
    """`base.html`'s source without `autocomplete` on its two toggle checkboxes; unchanged
    when Material no longer writes it."""
    for toggle in _TOGGLES:
        source = source.replace(toggle, toggle.replace(' autocomplete="off"', ""))
    return source


class ValidToggles(Extension):
    """Added to the theme's Jinja environment by the plugin's `on_env`."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name == TOGGLE_TEMPLATE:
            return without_toggle_autocomplete(source)
        return source
