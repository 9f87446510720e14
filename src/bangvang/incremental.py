"""`mkdocs serve` after a save of data/: the pages that changed, not the whole site.

MkDocs' serve rebuilds everything on every save (about ten seconds for a ward of 2,000 people); an
officer checking an edit wants the page back at once. After a good build, the next one is a MkDocs
"dirty" build into the same folder, and the hook tells MkDocs which pages are modified:

- those whose records, or records near them, changed (pagedeps.py); lists and the site's own pages
  always; every page when what every page shows changed (the unit, the tabs);
- a full, clean build instead when anything but data/ changed (mkdocs.yml, docs/, overrides/, the
  package's templates), or when the last build failed;
- pages and files that are gone are deleted; the search index keeps the lines of the pages not
  rendered again (search.py) and is written whole.

MkDocs warns that a dirty build may have wrong navigation; here every page that can change is
rebuilt, so the warning is not shown (under strict it would fail the preview). `mkdocs build`,
`serve --clean` and `serve --dirty` are left as they are.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .engine import logger_name
from .heap import gc_paused
from .pagedeps import Snapshot, changed_pages

PACKAGE = Path(__file__).parent  # its templates, the officers' guide, vocabularies
POLL = 0.1  # seconds between two looks at data/ for a save (a ward's folder: under a millisecond)
QUIET = 0.05  # seconds without a further change before building (MkDocs: 0.1; an editor saves at once)
DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class Plan:
    """This build: incremental or not, and (once the pages are known) which to render."""

    dirty: bool = False
    pages: set[str] | None = None       # src_uris to render; None: all
    rendered: set[str] = field(default_factory=set)  # urls of the pages rendered (their search lines are new)
    gone: set[str] = field(default_factory=set)      # urls of the last build's pages that are no more


class Incremental:
    """What the last good build of this server made, and the plan of the build under way."""

    def __init__(self) -> None:
        self.snapshot: Snapshot | None = None
        self.inputs: dict[str, tuple[int, int]] = {}
        self.outputs: set[str] = set()        # site paths of the generated files
        self.search: list = []                # the search index's lines (search.Entry)
        self.roots: list[Path] = []
        self.env = None                       # the theme's Jinja environment
        self.plan = Plan()
        self._pending: tuple | None = None

    # -- before the build: incremental or not ------------------------------------------------------

    def watch_inputs(self, config, data_dir: Path) -> None:
        """on_config: the files other than data/ that every page is made with."""
        root = Path(config.config_file_path).parent
        roots = [Path(config.config_file_path), Path(config.docs_dir), PACKAGE, root / "hooks"]
        if config.theme.custom_dir:
            roots.append(Path(config.theme.custom_dir))
        roots += [Path(w) for w in config.watch]
        self.roots = [r for r in roots if r.resolve() != data_dir.resolve()]

    def wrap(self, build):
        """MkDocs' build, made dirty when the last build was good and only data/ changed since."""
        def build_incrementally(config, *, serve_url=None, dirty=False):
            self.plan = Plan(dirty=self.snapshot is not None and _stat(self.roots) == self.inputs)
            quiet, said_by = _DropDirtyWarning(), logging.getLogger(f"{logger_name()}.commands.build")
            said_by.addFilter(quiet)
            try:
                with gc_paused():  # the last build's pages are still in memory: a collection walks them all
                    build(config, serve_url=serve_url, dirty=self.plan.dirty)
            except BaseException:
                self.forget()  # half a site may have been written: the next build is whole
                raise
            finally:
                said_by.removeFilter(quiet)
        return build_incrementally

    # -- during the build ----------------------------------------------------------------------------

    def choose(self, snapshot: Snapshot, outputs: set[str], config) -> None:
        """on_files: the pages to render (all of them unless the build is dirty); gone files deleted."""
        self._pending = (snapshot, _stat(self.roots), outputs)
        if not self.plan.dirty:
            self.plan.pages = None
            return
        self.plan.pages = changed_pages(self.snapshot, snapshot)
        for gone in self.outputs - outputs:
            path = Path(config.site_dir, gone)
            path.unlink(missing_ok=True)
            if path.name == "index.html":
                self.plan.gone.add(gone[: -len("index.html")])  # its page's address
                _remove_if_empty(path.parent)
        if outputs == self.outputs:
            config.theme.static_templates.discard("sitemap.xml")  # the same addresses: the one written stands

    def mark(self, file, generated: bool) -> None:
        """Whether MkDocs renders `file` in a dirty build (on_files sets it on each page)."""
        if not self.plan.dirty:
            return
        if self.plan.pages is None:
            file.is_modified = lambda: True
        elif generated:
            file.is_modified = (lambda: True) if file.src_uri in self.plan.pages else (lambda: False)

    def theme_env(self, env):
        """on_env: the last build's Jinja environment in a dirty build (the theme and overrides did not
        change), whose templates are compiled already (a tenth of a second a build)."""
        if self.plan.dirty and self.env is not None:
            env = self.env
        self.env = env
        return env

    def rendered(self, url: str) -> None:
        self.plan.rendered.add(url)

    def carried_search(self) -> list:
        """The last build's search lines of the pages not rendered in this one (which still exist)."""
        if not self.plan.dirty:
            return []
        done = self.plan.rendered | self.plan.gone
        return [entry for entry in self.search if entry.location.partition("#")[0] not in done]

    # -- after it ------------------------------------------------------------------------------------

    def done(self, search_lines: list) -> None:
        """on_post_build: this build is the base of the next one."""
        if self._pending is None:  # a build without data pages (data broken from the start)
            self.forget()
            return
        self.snapshot, self.inputs, self.outputs = self._pending
        self.search = search_lines

    def forget(self) -> None:
        self.snapshot, self._pending, self.search, self.outputs, self.env = None, None, [], set(), None


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty (a page's numbered pages below it), or gone


def _stat(roots: list[Path]) -> dict[str, tuple[int, int]]:
    """path → (size, mtime) of every file under `roots`."""
    seen: dict[str, tuple[int, int]] = {}
    for root in roots:
        if root.is_file():
            st = root.stat()
            seen[str(root)] = (st.st_size, st.st_mtime_ns)
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                try:
                    st = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                seen[os.path.join(folder, name)] = (st.st_size, st.st_mtime_ns)
    return seen


def install(state: Incremental, server) -> None:
    """on_serve: MkDocs' serve calls `build` from its module at each rebuild; it calls ours instead.
    The folders watched from now on (data/) are polled every POLL seconds instead of MkDocs' 0.5: a
    save is seen sooner, for a millisecond of listing the folder each time."""
    from mkdocs.commands import serve

    if not getattr(serve.build, "bangvang_incremental", False):
        serve.build = state.wrap(serve.build)
        serve.build.bangvang_incremental = True
    if isinstance(getattr(server.observer, "_timeout", None), (int, float)):  # watchdog's PollingObserver
        server.observer._timeout = min(server.observer._timeout, POLL)
    server.build_delay = min(server.build_delay, QUIET)
