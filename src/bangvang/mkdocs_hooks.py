"""MkDocs event handlers: load data/, add the generated pages, render them.

The hook file in hooks/ only re-exports these functions, so the logic stays in a
plain package that another driver (a standalone build, ProperDocs) could call.
"""

from __future__ import annotations

import functools
import html
import os
import sys
from urllib.parse import urljoin
from pathlib import Path

import jinja2

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from . import heap, incremental, pagedeps, preview, searchdialog, sitedir, strict
from .cards import CardCache, cache_folder
from .compact import compact
from .csp import add_policy
from .feed import FEED_FILE, has_entries
from .load import keep_parsed
from .model import load_model
from .pages import Site
from .pagespec import OTHER_PAGES
from .public import publish
from .progress import EVERY_SECONDS, Progress, vn_int, vn_seconds
from .search import SearchIndex
from .themeprefix import with_theme_prefix

log = get_plugin_logger(__name__)
EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'

_site: Site | None = None
_search: SearchIndex | None = None
_progress: "BuildProgress | None" = None
_dialog = searchdialog.Dialog()
_serving = False  # `mkdocs serve`: bad data shows over the last good pages instead of stopping (preview.py)
_preview = preview.Preview()
_incremental: incremental.Incremental | None = None  # `mkdocs serve`: after a save, only the pages that changed


class _LogLines:
    """A stream for Progress that hands each line to MkDocs' log (so `-q` silences it too)."""

    def write(self, text: str) -> None:
        if text.strip():
            log.info(text.strip())

    def flush(self) -> None:
        pass


class BuildProgress(Progress):
    """What a long build tells the officer: records read, pages made, and a summary at the end."""

    def __init__(self) -> None:
        # BANGVANG_PROGRESS_EVERY: seconds between progress lines (0: every file and page; tests use it)
        super().__init__(_LogLines(), every=float(os.environ.get("BANGVANG_PROGRESS_EVERY") or EVERY_SECONDS))
        self.records = 0
        self.pages_total = 0
        self.pages_done = 0

    def files(self, done: int, total: int, records: int) -> None:
        self.records = records
        super().files(done, total, records)

    def page(self) -> None:
        self.pages_done += 1
        if self.due():
            self.say(f"Đang tạo trang: {vn_int(self.pages_done)}/{vn_int(self.pages_total)}…")

    def summary(self, search: dict) -> str:
        line = (f"Đã tạo {vn_int(self.pages_done)} trang từ {vn_int(self.records)} mục dữ liệu "
                f"trong {vn_seconds(self.elapsed())} giây")
        if search:
            line += f"; tìm kiếm: {vn_int(search['entries'])} mục, {vn_int(search['files'])} tệp"
        return line + "."


def data_dir(config) -> Path:
    """data/ beside mkdocs.yml, or BANGVANG_DATA (used to build another unit's data)."""
    configured = os.environ.get("BANGVANG_DATA")
    root = Path(config.config_file_path).parent
    return Path(configured) if configured else root / "data"


def _counted(issues, strict: bool) -> str:
    """'2 lỗi', '1 lỗi và 3 cảnh báo (…)': what stops the build."""
    errors, warnings = len(issues.errors), len(issues.warnings)
    counted = f"{errors} lỗi" if errors else ""
    if strict and warnings:
        counted += (" và " if counted else "") + f"{warnings} cảnh báo (chế độ --strict coi cảnh báo là lỗi)"
    return counted


def _refusal(issues, strict: bool) -> str:
    """Why nothing was built: every problem of the data, with the way to fix each."""
    return (f"Dữ liệu có {_counted(issues, strict)}; trang web chưa được tạo (không có gì được công bố).\n\n"
            + issues.report()
            + "\n\nSửa các vấn đề ở trên; cách sửa từng mã lỗi có ở trang Hướng dẫn > Các mã lỗi và cách sửa"
              " (/huong-dan/loi/).")


def on_startup(command, dirty, **kwargs):
    global _serving, _incremental
    _serving = command == "serve"
    _incremental = incremental.Incremental() if _serving and not dirty else None  # --dirty: MkDocs' own
    if _serving:
        keep_parsed()  # each save re-reads data/: files that did not change are not parsed again
    sitedir.startup(command, dirty)


def on_serve(server, config, builder, **kwargs):
    if _incremental is not None:
        incremental.install(_incremental, server)
    return preview.install(server, _preview)


def on_config(config, **kwargs):
    global _site, _search, _progress
    heap.pause()  # the data, its view and the site's pages live until the build ends (heap.py)
    strict.watch(config.strict)
    folder = data_dir(config)
    _progress = BuildProgress()
    model, issues = load_model(folder, progress=_progress.files)
    if str(folder) not in [str(w) for w in config.watch]:
        config.watch.append(str(folder))  # mkdocs serve rebuilds when data/ changes, good or bad
    if _incremental is not None:
        _incremental.watch_inputs(config, folder)
    if model is None or (config.strict and issues.warnings):
        if not _serving:
            raise PluginError(_refusal(issues, config.strict))
        _preview.data_refused(issues, _counted(issues, config.strict))
        if _site is not None:  # the server keeps the last good pages, under the errors (preview.py)
            raise PluginError(_refusal(issues, config.strict))
        # Not through MkDocs' log: with strict (mkdocs.yml), an error logged there would abort this build too.
        print(f"ERROR   -  {_refusal(issues, config.strict)}", file=sys.stderr, flush=True)
        return _without_data(config)
    for warning in issues.warnings:
        log.warning(issues.format(warning))
    for note in issues.notes:  # severity NOTE: shown, at info level, so that --strict does not count it
        log.info(issues.format(note))
    view = publish(model)  # the one thing every output is made from
    _configure_site(config, view.unit)
    _site = Site(view, data_dir=folder.name, repo_url=config.repo_url)
    _site.renderer.env.bytecode_cache = template_cache(config)
    if config.nav is None:
        config.nav = _site.navigation()
    config.extra["bv_feed"] = FEED_FILE if has_entries(view) else None
    config.extra["bv_card"] = _site.card_meta(None)  # pages without their own card show the site's
    _search = SearchIndex(more=_site.routes.paths.doi_tuong, lists=OTHER_PAGES)
    _progress.stage(f"Đã đọc {vn_int(_progress.records)} mục dữ liệu; đang tạo trang…")
    return config


def _without_data(config):
    """`mkdocs serve` started on bad data: a site of no data pages, whose 404 page lists the errors."""
    global _search
    _search = None
    config.extra["bv_feed"] = config.extra["bv_card"] = None
    return config


def _configure_site(config, unit) -> None:
    """The site's name, address and repository, from the unit's data (or the environment)."""
    # Material prints site_name and site_description raw (aria-label, <meta content>): hand them escaped.
    config.site_name = html.escape(unit.site_name)
    config.site_description = html.escape(unit.site_description or unit.site_name)
    site_url = os.environ.get("BANGVANG_SITE_URL") or unit.site_url
    if site_url and not config.site_url:
        config.site_url = site_url.rstrip("/") + "/"
    repo_url = os.environ.get("BANGVANG_REPO_URL") or unit.repo_url
    if repo_url and not config.repo_url:
        config.repo_url = repo_url
        config.repo_name = config.repo_name or "/".join(repo_url.rstrip("/").split("/")[-2:])
        config.edit_uri = config.edit_uri or "edit/main/docs/"


def on_pre_build(config, **kwargs):
    global _dialog
    _dialog = searchdialog.Dialog()
    sitedir.begin(config)  # data read and valid: build into a fresh folder beside site_dir (sitedir.py)


def on_env(env, config, files, **kwargs):
    if _incremental is not None:
        env = _incremental.theme_env(env)
    env.bytecode_cache = template_cache(config)
    heap.settle(freeze=not _serving)  # a save renders a few pages: nothing to gain (heap.py)
    env.globals["bv_fragments"] = {}  # navigation rendered once per section and depth (overrides/main.html)
    return with_theme_prefix(env, config.theme)


def template_cache(config) -> jinja2.BytecodeCache | None:
    """Compiled templates (the theme's and ours) kept between builds in .cache/bangvang/jinja/: Jinja
    compiles every template on each build, ~0.4 s of a ward's 10 s. Keyed by each template's source
    checksum (a changed template is compiled again), safe to delete; none when the folder cannot be made."""
    folder = Path(config.config_file_path).parent / ".cache" / "bangvang" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def on_files(files, config, **kwargs):
    if _site is None:  # serving bad data from the start (_without_data)
        return files
    cards = CardCache(cache_folder(Path(config.config_file_path).parent))
    outputs: set[str] = set()  # what this build writes, beside docs/ and the theme (incremental.py)
    for path, content in _site.downloads(config.site_url, cards).items():
        files.append(File.generated(config, path, content=content))
        outputs.add(path)
    for spec in _site.pages.values():
        if files.get_file_from_path(spec.src_uri) is not None:
            raise PluginError(f"docs/{spec.src_uri} trùng với một trang được tạo từ dữ liệu; hãy xoá hoặc đổi tên tệp đó.")
        inclusion = InclusionLevel.INCLUDED if spec.nav else InclusionLevel.NOT_IN_NAV
        f = File.generated(config, spec.src_uri, content="", inclusion=inclusion)
        if spec.edit_path and not spec.edit_path.endswith("/"):
            f.edit_uri = "../" + spec.edit_path  # joined to repo_url + edit_uri ('edit/main/docs/')
        files.append(f)
        outputs.add(f.dest_uri)
    if _incremental is not None:
        _incremental.choose(pagedeps.snapshot(_site), outputs, config)
        for f in files.documentation_pages():
            _incremental.mark(f, generated=f.src_uri in _site.pages)
    _progress.pages_total = len(files.documentation_pages())
    return files


def _spec(page):
    return _site.pages.get(page.file.src_uri) if _site else None


def on_page_markdown(markdown, page, config, files, **kwargs):
    # Material's search plugin stays on for its search box, but indexes nothing: src/bangvang/search.py
    # builds the index from what on_page_content renders (Material's would re-parse every page).
    page.meta["search"] = {"exclude": True}
    spec = _spec(page)
    if spec is None:
        return markdown
    # Material prints page.title and meta.description unescaped: hand it escaped text.
    # Section pages keep the short title of mkdocs.yml's nav for their tab.
    if not spec.nav:
        page.title = html.escape(spec.title)
    page.meta["description"] = html.escape(spec.description, quote=True)
    page.meta["bv_card"] = _site.card_meta(spec)
    page.meta["hide"] = ["navigation"] + ([] if spec.toc else ["toc"])
    if not spec.nav:
        # Its navigation is that of every such page in the same section at the same depth (links
        # are relative, so both matter): rendered once for them all (overrides/main.html).
        page.meta["bv_chrome_key"] = f"{spec.url.split('/', 1)[0]}:{spec.url.count('/')}"
    if spec.edit_path and spec.edit_path.endswith("/") and config.repo_url:
        # A list page comes from a whole folder: link the folder, which GitHub can show but not "edit".
        base = urljoin(config.repo_url.rstrip("/") + "/" + (config.edit_uri or "edit/main/docs/"), "../")
        page.edit_url = urljoin(base, spec.edit_path).replace("/edit/", "/tree/", 1)
        page.meta["bv_folder"] = True
    elif spec.edit_line:
        page.meta["bv_line"] = spec.edit_line
    page.render = functools.partial(_render_nothing, page)
    return ""


def _render_nothing(page, config, files) -> None:
    """Page.render for a generated page, whose Markdown is empty (its HTML comes in on_page_context):
    what MkDocs' render leaves for an empty source, without a Markdown instance per page (its
    extensions set up 50,000 times at a province's size, for nothing)."""
    page.content, page.toc, page._title_from_render = "", get_toc([]), None
    page.present_anchor_ids, page.links_to_anchors = set(), {}


def on_page_content(content, page, config, files, **kwargs):
    spec = _spec(page)
    if spec is None:
        _progress.page()
        if _search is not None:
            _search.add_page(page.url, html.escape(page.title or ""), content, OTHER_PAGES, sections=True)
        if _incremental is not None:
            _incremental.rendered(page.url)
        return content
    # MkDocs reads every page before it writes any: a generated page is rendered only just before its
    # template (on_page_context) and let go once written (on_post_page), so that a province's 50,000
    # pages of HTML (about a gigabyte as Python strings) are never all in memory at once.
    return ""


def on_page_context(context, page, config, nav, **kwargs):
    spec = _spec(page)
    if spec is None:
        return context
    _progress.page()
    rendered, toc_tokens = _site.render_page(spec.src_uri)
    page.content = rendered
    if toc_tokens:
        page.toc = get_toc(toc_tokens)
    if spec.search is not None or spec.rows is not None:
        _search.add_page(page.url, html.escape(spec.title), rendered, spec.search, sections=spec.toc, rows=spec.rows)
    if _incremental is not None:
        _incremental.rendered(page.url)
    return context


def on_post_page(output, page, config, **kwargs):
    """Content-Security-Policy first in <head>, with the hashes of this page's theme scripts
    (src/bangvang/csp.py). A script inside the page's content is never hashed, and stops the build."""
    output, problems = add_policy(_dialog.take(output, page.file.src_uri), page.content)
    for problem in problems:
        log.warning(f"{page.file.src_uri}: {problem}")
    if _spec(page) is not None:
        page.content = None  # written: let it go (on_page_content)
    return compact(output)


def on_post_template(output_content, template_name, config, **kwargs):
    """The same policy for theme-only HTML pages (404.html), which do not pass through on_post_page."""
    if not template_name.endswith(".html"):
        return output_content
    output, problems = add_policy(_dialog.take(output_content, template_name))
    for problem in problems:
        log.warning(f"{template_name}: {problem}")
    return compact(output)


@event_priority(-100)  # after every plugin's (Material's search index first): it ends with the swap
def on_post_build(config, **kwargs):
    if not config.site_url:
        # Without the site's address a sitemap can only hold relative paths, which crawlers reject:
        # publish an empty one rather than a wrong one (the Pages workflow always sets the address;
        # Material's script fetches the file, so it must exist).
        Path(config.site_dir, "sitemap.xml").write_text(EMPTY_SITEMAP, encoding="utf-8")
        Path(config.site_dir, "sitemap.xml.gz").unlink(missing_ok=True)
    if _incremental is not None and _search is not None:
        _search.pages += _incremental.carried_search()  # lines of the pages this build did not render
    figures = _search.write(config.site_dir) if _search is not None else {}
    if _dialog.markup is not None or _incremental is None or not _incremental.plan.dirty:
        _dialog.write(config.site_dir)  # (a dirty build may render no page that has it: keep the last)
    if _dialog.differs:
        log.warning(f"Khung tìm kiếm khác nhau giữa các trang ({', '.join(_dialog.differs[:3])}): "
                    "lỗi của giao diện, báo cho người quản trị kho.")
    log.info(_progress.summary(figures))
    strict.raise_if_any()
    if _incremental is not None:
        _incremental.done(_search.pages if _search is not None else [])
    sitedir.publish(config)  # last: only a build that raised nothing replaces the site


def on_build_error(error, **kwargs):
    heap.resume()
    sitedir.abandon()


def on_shutdown(**kwargs):
    sitedir.abandon()  # after Ctrl-C, which on_build_error does not see
