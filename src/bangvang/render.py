"""Rendering a page's content: our own autoescaping Jinja environment, relative links, safe Markdown."""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import charts, vocab
from .labels import award_span, movement_years, period_label
from .markdown_safe import SafeMarkdown

TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def make_env() -> jinja2.Environment:
    """One environment per process: its compiled templates serve every build of `mkdocs serve` (Jinja
    reloads a template whose file changed)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every data value is text unless a template says otherwise
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(vocab=vocab, bar_chart=charts.bar_chart, movement_years=movement_years, BR=Markup("<br>"),
                       period_label=period_label, award_span=award_span,
                       chart_rows=lambda rows: [(label, lines) for label, lines, *_ in rows])
    env.filters["vnnum"] = lambda n: f"{n:,}".replace(",", ".")
    env.filters["keep_place"] = keep_place
    return env


# Administrative unit words (national vocabulary), longest first: "THỊ XÃ" before "XÃ".
_PLACE = re.compile(r"\b(THÀNH PHỐ|THỊ XÃ|THỊ TRẤN|ĐẶC KHU|PHƯỜNG|QUẬN|HUYỆN|TỈNH|XÃ)\s+\S.*$")


def keep_place(line: str) -> str:
    """A header line in capitals with its place kept on one line: 'ỦY BAN NHÂN DÂN / XÃ AN BÌNH' may
    wrap before 'XÃ', never inside the place's name (no-break spaces join it)."""
    return _PLACE.sub(lambda m: m.group(0).replace(" ", "\u00a0"), line)


def relative(target: str, base: str) -> str:
    """Link from page `base` to page `target` (both site paths like 'a/b/').

    The same result as posixpath.relpath on the two paths, without its normalisation work: pages
    ask for tens of thousands of links, and site paths are already normal.
    """
    to = [p for p in target.split("/") if p]
    here = [p for p in base.split("/") if p]
    common = 0
    for a, b in zip(to, here):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(here) - common) + to[common:]) or "."
    if rel == ".":
        return "./"
    return rel + ("/" if (target.endswith("/") or not target) and not rel.endswith("/") else "")


def headings(html: str) -> list[dict]:
    """Toc tokens (h2 with nested h3) from template-rendered HTML."""
    tokens: list[dict] = []
    for level, anchor, inner in re.findall(r'<h([23]) id="([^"]+)">(.*?)</h\1>', html, re.S):
        name = re.sub(r"<[^>]+>", "", inner).strip()
        token = {"level": int(level), "id": anchor, "name": name, "children": []}
        if level == "3" and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


class Renderer:
    """Renders templates for one site: `render(spec, **globals)` gives (html, toc tokens)."""

    def __init__(self, routes, documents: list):
        self.env = make_env()
        self.markdown = SafeMarkdown()
        self.routes = routes
        numbers = Counter(str(d.number) for d in documents if d.number)
        # Document numbers written in Markdown link to their document (unless two share the number).
        self.doc_links = {str(d.number): d for d in documents if d.number and numbers[str(d.number)] == 1}

    def render(self, spec, make_cells=None, **context) -> tuple[str, list]:
        """`make_cells(url)`: the page's linking pieces (awards_html.Cells), given as `cells`."""
        here = spec.url
        toc_tokens: list = []

        def url(target, as_kind: str | None = None) -> str:
            return relative(self.routes.of(target, as_kind), here)

        def md(text: str | None, own_images: bool = False) -> str:
            if not text:
                return ""
            links = {num: url(doc) for num, doc in self.doc_links.items()}
            html, tokens = self.markdown.render(text, links, own_images=own_images)
            toc_tokens.extend(tokens)
            return Markup(html)

        if make_cells is not None:
            context["cells"] = make_cells(url)
        html = self.env.get_template(spec.template).render(page=spec, url=url, md=md, paths=self.routes.paths,
                                                           **context, **spec.context)
        if spec.crumbs:
            # Every page under a list says where it belongs, in its body (and as BreadcrumbList microdata).
            html = self.env.get_template("_breadcrumb.html").render(page=spec, url=url) + html
        if spec.toc and not toc_tokens:
            toc_tokens = headings(html)
        return html, toc_tokens
