"""Material's search dialog, written once in a script rather than in each of the site's pages.

The dialog (the header's search button and the panel it opens, about 2 KB) is the same in every
page and does nothing without JavaScript: Material's script runs the search. At province size it
was 100 MB of the site. Each page is written without it (on_post_page, on_post_template), and a
small script loaded just before Material's (overrides/main.html) puts it back in the header, so
Material finds it as it would have; without JavaScript the page simply has no search button.
"""

from __future__ import annotations

import json
from pathlib import Path

from .compact import compact

SCRIPT = "assets/javascripts/bv-search-dialog.js"
START = '<label class="md-header__button md-icon" for="__search">'
DIALOG = '<div class="md-search"'


def _end_of_div(html: str, start: int) -> int:
    """The index just after the </div> that closes the <div> opened at `start`."""
    depth, at = 0, start
    while True:
        opening, closing = html.find("<div", at), html.find("</div>", at)
        if closing < 0:
            return -1
        if 0 <= opening < closing:
            depth, at = depth + 1, opening + 4
        else:
            depth, at = depth - 1, closing + 6
            if depth == 0:
                return at


def cut(html: str) -> tuple[str, str | None]:
    """(the page without the search button and dialog, what was cut out), or (html, None)."""
    start = html.find(START)
    dialog = html.find(DIALOG, start) if start >= 0 else -1
    end = _end_of_div(html, dialog) if dialog >= 0 else -1
    if end < 0:
        return html, None
    return html[:start] + html[end:], html[start:end]


class Dialog:
    """The markup cut out of the pages of one build; every page must have had the same."""

    def __init__(self) -> None:
        self.markup: str | None = None
        self.differs: list[str] = []

    def take(self, html: str, where: str) -> str:
        html, markup = cut(html)
        if markup is not None:
            if self.markup is None:
                self.markup = markup
            elif markup != self.markup:
                self.differs.append(where)
        return html

    def write(self, site_dir: str) -> None:
        """The script that puts the dialog back, into the built site (also when no page had one)."""
        path = Path(site_dir, SCRIPT)
        path.parent.mkdir(parents=True, exist_ok=True)
        markup = json.dumps(compact(self.markup or ""), ensure_ascii=False).replace("</", "<\\/")
        path.write_text("// Material's search button and dialog, the same for every page (src/bangvang/searchdialog.py).\n"
                        f'(function(){{var t=document.querySelector(".md-header__title");'
                        f'if(t)t.insertAdjacentHTML("afterend",{markup})}})();\n', encoding="utf-8")
