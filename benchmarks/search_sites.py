"""The site copies the search benchmark (benchmarks/search_quality.py) serves, one per engine.

Every copy is made of hard links to one built site (a copy costs no disk; a file that changes is
written anew, never through the link, so the built site is never touched):

* ours: the site as built;
* lunr: every page's Material config points its search worker back at Material's own worker
  (assets/javascripts/workers/search.*.min.js, which Material copies into every site), and
  search/search_index.json is the stock lunr index Material's search plugin would have written:
  its own SearchIndex and HTML parser over each page's article, with the site's lang, separator,
  pipeline and fields;
* pagefind: the Pagefind CLI (npm `pagefind`, pinned in package.json) run twice over the same copy,
  into pagefind/ (default settings: the whole <body>) and pagefind-article/ (--root-selector on
  Material's <article>).

By default all three index the same pages, those our own index holds, as the site's own rule says
(PageSpec.search or PageSpec.rows: not the officers' guide; of the numbered or grouped sub-pages of a
list, those whose rows are records without a page, such as awards to a number of people); with `--pages
all` lunr and Pagefind index every page, as they would out of the box.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
PAGEFIND = REPO / "node_modules" / ".bin" / "pagefind"
MARKER = ".search-bench.json"  # in each copy: what it was made from, so a re-run reuses it
ARTICLE = "article.md-content__inner"  # Material's article (a report nests its own <article> inside)
# Pagefind bundles inside the pagefind copy, per engine.
PAGEFIND_BUNDLES = {"pagefind": [], "pagefind-article": ["--root-selector", ARTICLE]}
COPY_OF = {"ours": "ours", "lunr": "lunr", "pagefind": "pagefind", "pagefind-article": "pagefind"}

# Material's config JSON in every page: "search": "<relative path>/search-vi.js"
WORKER_SETTING = re.compile(r'("search":\s*"[^"]*?)search-vi\.js"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>")
# Used when the built search_index.json lost Material's own settings (those of mkdocs.yml).
DEFAULT_CONFIG = {"lang": ["vi"], "separator": r'[\s\-–—,:!=\[\]()"“”‘’/.;?…]+',
                  "pipeline": ["stopWordFilter"],
                  "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}


def searchable(rel: str, pages: set[str] | None) -> bool:
    """Whether an HTML file (path under the site) is a page to index: one of `pages`, or any but 404.html."""
    return rel.endswith(".html") and rel != "404.html" and (pages is None or page_url(rel) in pages)


# Prints the URLs of the pages our index holds, by the site's own rule (PageSpec.search or .rows is
# not None), from the data.
PAGES_SCRIPT = """import json, sys
from pathlib import Path
from bangvang.model import load_model
from bangvang.pages import Site
from bangvang.public import publish
data = Path(sys.argv[1])
model, issues = load_model(data)
site = Site(publish(model), data_dir=data.name)
json.dump(sorted(spec.url for spec in site.pages.values()
               if spec.search is not None or getattr(spec, "rows", None) is not None), sys.stdout)
"""


def indexed_pages(data: Path, site: Path, cache: Path, stamp: str, log=print) -> set[str]:
    """The pages our own index holds (cached in `cache` while `stamp`, the source tree's, holds). If
    bangvang cannot say (a tree being rewritten), every page but the officers' guide, with a warning."""
    key = {"data": str(data), "tree": stamp}
    if cache.is_file():
        saved = json.loads(cache.read_text(encoding="utf-8"))
        if saved.get("key") == key:
            return set(saved["pages"])
    proc = subprocess.run([sys.executable, "-c", PAGES_SCRIPT, str(data)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    if proc.returncode != 0:
        log(f"  warning: bangvang could not list the indexed pages of {data} ({proc.stderr.strip()[-300:]}); "
            "indexing every page but huong-dan/")
        return {page_url(p.relative_to(site).as_posix()) for p in site.rglob("index.html")
                if not p.relative_to(site).as_posix().startswith("huong-dan/")}
    pages = json.loads(proc.stdout)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"key": key, "pages": pages}), encoding="utf-8")
    return set(pages)


def page_url(rel: str) -> str:
    """Site-relative URL of an HTML file with directory URLs: 'a/b/index.html' → 'a/b/', 'index.html' → ''."""
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def link_tree(src: Path, dest: Path, keep=lambda rel: True) -> None:
    """`dest` as hard links to the files of `src` (copies across file systems); only files `keep` accepts."""
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        base = Path(folder)
        target = dest / base.relative_to(src)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            rel = (base / name).relative_to(src).as_posix()
            if not keep(rel):
                continue
            try:
                os.link(base / name, target / name)
            except OSError:
                shutil.copy2(base / name, target / name)


def replace_file(path: Path, data: bytes) -> None:
    """Write `path` as a new file: it may be a hard link to the built site, which must stay as it is."""
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def _fresh(dest: Path, stamp: dict) -> bool:
    marker = dest / MARKER
    return marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == stamp


def _stamp(src: Path, engine: str, pages: set[str] | None) -> dict:
    index = src / "search" / "search_index.json"
    listed = hashlib.sha256("\n".join(sorted(pages)).encode()).hexdigest() if pages is not None else "all"
    return {"source": str(src.resolve()), "engine": engine, "pages": listed,
            "index_mtime": index.stat().st_mtime_ns if index.exists() else None}


def prepare(src: Path, dest: Path, copy: str, pages: set[str] | None, rebuild: bool = False, log=print) -> Path:
    """The copy of `src` for `copy` (ours, lunr, pagefind) at `dest`, made unless an identical one is there.
    lunr and Pagefind index `pages` (site-relative URLs), or every page but 404.html when None."""
    stamp = _stamp(src, copy, pages if copy != "ours" else None)
    if not rebuild and _fresh(dest, stamp):
        return dest
    if dest.exists():
        shutil.rmtree(dest)
    log(f"  preparing {dest.name} from {src}")
    if copy == "ours":
        link_tree(src, dest)
    elif copy == "lunr":
        link_tree(src, dest)
        make_lunr(dest, pages, log)
    elif copy == "pagefind":
        # Only the pages to index: Pagefind indexes every HTML file it is given.
        link_tree(src, dest, keep=lambda rel: not rel.endswith(".html") or searchable(rel, pages))
        for bundle, extra in PAGEFIND_BUNDLES.items():
            run_pagefind(dest, bundle, extra, log)
    else:
        raise ValueError(copy)
    (dest / MARKER).write_text(json.dumps(stamp), encoding="utf-8")
    return dest


def run_pagefind(site: Path, bundle: str, extra: list[str], log=print) -> None:
    """Pagefind's CLI over `site`, writing its bundle into site/<bundle>/."""
    if not PAGEFIND.exists():
        raise SystemExit(f"{PAGEFIND} is missing: run `npm ci` in {REPO}")
    cmd = [str(PAGEFIND), "--site", str(site), "--output-subdir", bundle, "--quiet", *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"pagefind failed ({' '.join(cmd)}):\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    log(f"  {bundle}: {sum(1 for _ in (site / bundle).rglob('*'))} files")


# --- the stock lunr copy ---------------------------------------------------------------------

def make_lunr(site: Path, pages: set[str] | None, log=print) -> None:
    """Point every page at Material's worker and write the stock index of the searchable pages."""
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise SystemExit(f"expected one Material search worker in {site}, found {workers}")
    index_path = site / "search" / "search_index.json"
    config = dict(DEFAULT_CONFIG)
    if index_path.is_file():
        built = json.loads(index_path.read_bytes()).get("config") or {}
        config.update({k: built[k] for k in DEFAULT_CONFIG if k in built})
    site_name = _site_name(site)
    html_files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    files = [(rel, searchable(rel, pages)) for rel in html_files]
    chunks = [files[i:i + 500] for i in range(0, len(files), 500)]
    jobs = [(str(site), chunk, workers[0].name, site_name, config) for chunk in chunks]
    entries: list[dict] = []
    with ProcessPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        for part in pool.map(_lunr_chunk, jobs):
            entries.extend(part)
    data = _material_index(config, entries)
    replace_file(index_path, data.encode("utf-8"))
    log(f"  lunr: {len(entries)} entries, search_index.json {len(data) / 1e6:.1f} MB")


def _site_name(site: Path) -> str:
    match = TITLE.search((site / "index.html").read_text(encoding="utf-8"))
    return match.group(1).strip() if match else ""


def _lunr_chunk(job) -> list[dict]:
    """Rewrite the worker setting of some pages and return their stock index entries (runs in a pool)."""
    site, files, worker, site_name, config = job
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(**config)
    for rel, indexed in files:
        path = Path(site, rel)
        text = path.read_text(encoding="utf-8")
        new, count = WORKER_SETTING.subn(lambda m: f'{m.group(1)}{worker}"', text)
        if count:
            replace_file(path, new.encode("utf-8"))
        if indexed:
            content = article_html(text)
            if content is not None:
                index.add_entry_from_context(_page(rel, text, content, site_name))
    return index.entries


def _page(rel: str, text: str, content: str, site_name: str) -> SimpleNamespace:
    """What Material's SearchIndex reads of a MkDocs page: its URL, title, content and metadata."""
    match = TITLE.search(text)
    title = match.group(1).strip() if match else ""
    suffix = f" - {site_name}"
    if site_name and title.endswith(suffix):
        title = title[: -len(suffix)]
    return SimpleNamespace(url=page_url(rel), title=title, content=content, meta={}, toc=[])


def article_html(text: str) -> str | None:
    """The inner HTML of Material's article: page.content, which is what Material's plugin indexes."""
    start = text.find('<article class="md-content__inner')
    if start < 0:
        return None
    open_end = text.index(">", start) + 1
    depth = 1
    for match in ARTICLE_TAG.finditer(text, open_end):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return text[open_end:match.start()]
    return None


def _material_index(config: dict, entries: list[dict]) -> str:
    """search_index.json as Material's plugin writes it (its own serialiser)."""
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(**config)
    index.entries = entries
    return index.generate_search_index(None)
