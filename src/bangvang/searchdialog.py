"""Material's search dialog and configuration, written once in a script rather than in each page.

The dialog (the header's search button and the panel it opens, about 2 KB) and Material's
configuration block (its features and interface texts, 0.8 KB) are the same in every page but for
the path to the site's root, and do nothing without JavaScript: Material's script runs the search
and reads the configuration. At province size they were 140 MB of the site. Each page is written
without them (on_post_page, on_post_template), and a small script loaded just before Material's
(overrides/main.html) puts them back, the configuration's paths made from the page's own root
(`__md_scope`, which Material's head script sets on every page), so Material finds both as it
would have; without JavaScript the page simply has no search button.
"""

from __future__ import annotations

import json
from pathlib import Path

from .compact import compact

SCRIPT = "assets/javascripts/bv-search-dialog.js"
START = '<label class="md-header__button md-icon" for="__search">'
DIALOG = '<div class="md-search"'
CONFIG = '<script id="__config" type="application/json">'


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


def cut_config(html: str) -> tuple[str, dict | None]:
    """(the page without Material's configuration block, the block with its paths from the site's root)."""
    start = html.find(CONFIG)
    end = html.find("</script>", start) if start >= 0 else -1
    if end < 0:
        return html, None
    config = json.loads(html[start + len(CONFIG):end])
    # "base" is the page's way to the root ("../..", or the root's own path on the 404 page); the
    # search worker's address starts with it: both are made again in the browser from __md_scope.
    base = str(config.pop("base", ""))
    search = str(config.get("search") or "")
    prefix = "" if base in ("", ".") else base.rstrip("/") + "/"
    if search.startswith(prefix):
        config["search"] = search[len(prefix):]
    return html[:start] + html[end + len("</script>"):], config


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
        self.config: dict | None = None
        self.differs: list[str] = []

    def take(self, html: str, where: str) -> str:
        html, markup = cut(html)
        html, config = cut_config(html)
        for name, value in (("markup", markup), ("config", config)):
            if value is not None:
                if getattr(self, name) is None:
                    setattr(self, name, value)
                elif value != getattr(self, name):
                    self.differs.append(where)
        return html

    def write(self, site_dir: str) -> None:
        """The script that puts the dialog back, into the built site (also when no page had one)."""
        path = Path(site_dir, SCRIPT)
        path.parent.mkdir(parents=True, exist_ok=True)
        markup = json.dumps(compact(self.markup or ""), ensure_ascii=False).replace("</", "<\\/")
        config = json.dumps(self.config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        path.write_text(
            "// Material's search button, dialog and configuration, the same for every page (src/bangvang/searchdialog.py).\n"
            f'(function(){{var c={config},r=__md_scope.href,s;'
            'if(c){c.base=r;if(c.search)c.search=r+c.search;s=document.createElement("script");'
            's.id="__config";s.type="application/json";s.textContent=JSON.stringify(c);document.body.appendChild(s)}'
            f'var t=document.querySelector(".md-header__title");if(t)t.insertAdjacentHTML("afterend",{markup})}})();\n',
            encoding="utf-8")
