"""The build in process: what `mkdocs build --strict` asks of the package, without MkDocs' own work.

A real build of a small tree takes several seconds (Material renders every page's chrome); this
runs, in well under one, every call src/bangvang/mkdocs_hooks.py makes into the package, in its order:

    on_config     load_model (refused on any error, or warning: --strict), publish, Site, navigation,
                  the site's card, has_entries, the search index
    on_files      Site.downloads (thumbnails, share cards drawn afresh, open data, feed), every page's
                  src_uri unique among the generated files
    each page     title and description escaped, card meta, render_page, its toc, the search entry,
                  the Content-Security-Policy of its content (any problem is a warning: fails --strict)
    on_post_build the search index written

Two shortcuts, for speed only: the officers' guide pages (huong-dan/: Markdown guides, the error codes
run on codes.SAMPLE, the data dictionary), which no data changes, are skipped unless `guides=True`;
templates are compiled once for all sites (an in-memory Jinja bytecode cache, keyed by each
template's source).

Keep it in step with the hooks when they change (the real builds of test_check_implies_build.py
are there to catch a drift).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2
from mkdocs.structure.toc import get_toc

from bangvang import paging
from bangvang.cards import CardCache
from bangvang.csp import add_policy
from bangvang.feed import has_entries
from bangvang.issues import Issues
from bangvang.model import load_model
from bangvang.pages import Site
from bangvang.pagespec import OTHER_PAGES
from bangvang.public import publish
from bangvang.search import SearchIndex

SITE_URL = "https://bangvang.example.vn/"
GUIDES = "huong-dan/"


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates shared by every Site of the test session."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


@dataclass
class Built:
    pages: int = 0
    files: dict[str, str | bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)   # what a real build would log as warnings


def check(data: Path, today: date) -> tuple[object | None, Issues]:
    """The checker's verdict as the strict build takes it: the model, or None when refused."""
    model, issues = load_model(data, today)
    return (model if model is not None and not issues.warnings else None), issues


def build(model, data: Path, site_dir: Path, site_url: str | None = SITE_URL, guides: bool = False,
          page_size: int = paging.PAGE_SIZE) -> Built:
    """Everything the hooks do with a model the checker passed; any exception is the failure.

    A `page_size` smaller than the site's (MkDocs builds with paging.PAGE_SIZE) cuts small lists into
    pages, so that a few records go through the paging code."""
    view = publish(model)
    html.escape(view.unit.site_name), html.escape(view.unit.site_description or view.unit.site_name)
    site = Site(view, data_dir=data.name, repo_url="https://github.com/example/bang-vang", page_size=page_size)
    site.renderer.env.bytecode_cache = _COMPILED
    site.navigation()
    has_entries(view)
    site.card_meta(None)
    search = SearchIndex(more=site.routes.paths.doi_tuong, lists=OTHER_PAGES)
    built = Built(files=site.downloads(site_url, CardCache(None)))
    for spec in site.pages.values():
        if spec.src_uri in built.files:
            built.problems.append(f"{spec.src_uri}: two generated files at one address")
        built.files[spec.src_uri] = ""
    for spec in site.pages.values():
        if guides or not spec.src_uri.startswith(GUIDES):
            _page(site, search, spec, built)
    search.write(site_dir)
    return built


def _page(site: Site, search: SearchIndex, spec, built: Built) -> None:
    """on_page_markdown, on_page_content and on_post_page of one generated page."""
    if not spec.nav:
        html.escape(spec.title)
    html.escape(spec.description, quote=True)
    site.card_meta(spec)
    rendered, toc_tokens = site.render_page(spec.src_uri)
    if toc_tokens:
        get_toc(toc_tokens)
    url = spec.url
    if spec.search is not None or spec.rows is not None:
        search.add_page(url, html.escape(spec.title), rendered, spec.search, sections=spec.toc, rows=spec.rows)
    page = f"<!doctype html><html><head><title>x</title></head><body><article>{rendered}</article></body></html>"
    _, problems = add_policy(page, rendered)
    built.problems += [f"{spec.src_uri}: {problem}" for problem in problems]
    built.pages += 1
