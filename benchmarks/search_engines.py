"""The engines of the search benchmark in headless Chromium: what each answers a query with.

Each engine opens one page of its site copy (benchmarks/search_sites.py) in a fresh browser context
(cold cache) and answers queries with its first 10 results, each as (page path, result line):

* ours and lunr: Material's search box. window.Worker is wrapped (as tests/browser/test_search.py
  does) to read the worker's RESULT messages (Material's protocol: 0 SETUP, 1 READY, 2 QUERY,
  3 RESULT); the box is filled and the answer to that exact query awaited. The result line is what
  Material's result list shows of a group (its renderer, copied below): the page's title, its text
  only when no section scores as high, and the title and text of every section that does.
* pagefind, pagefind-article: Pagefind's JavaScript API (pagefind.js of the bundle); the result line
  is the page's title and excerpt, what Pagefind's own UIs show of a result.
"""

from __future__ import annotations

import html
import os
import re
from urllib.parse import unquote, urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TOP = 10
BOX = "input[data-md-component=search-query]"

# Keeps a copy of the first groups of each RESULT as the worker sent them (Material's own listener
# then rewrites locations), and when the box last changed and the last answer arrived.
OBSERVE_WORKER = """(() => {
  const Native = window.Worker;
  const s = window.__sq = {ready: false, readyAt: null, queries: 0, results: 0, lastQuery: null,
                           last: null, inputAt: null, answerAt: null};
  document.addEventListener("input", () => { s.inputAt = performance.now(); }, true);
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, transfer) => {
      if (message && message.type === 2) { s.queries++; s.lastQuery = message.data; }
      return post(message, transfer);
    };
    worker.addEventListener("message", ev => {
      const m = ev.data;
      if (m && m.type === 1 && !s.ready) { s.ready = true; s.readyAt = performance.now(); }
      if (m && m.type === 3) {
        s.answerAt = performance.now();
        s.last = ((m.data && m.data.items) || []).slice(0, %d).map(group => group.map(d => (
          {location: String(d.location), title: String(d.title || ""), text: String(d.text || ""), score: d.score})));
        s.results++;
      }
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();""" % TOP

ANSWERED = """value => { const s = window.__sq;
  return s.queries > 0 && s.results === s.queries && s.lastQuery === value; }"""

# Playwright's evaluate() has no time limit of its own: the page gives up after timeoutMs.
PAGEFIND_QUERY = """async ({bundle, base, query, top, timeoutMs}) => {
  const t0 = performance.now();
  const answer = (async () => {
    if (!window.__pf) {
      const pf = await import(bundle + "pagefind.js");
      await pf.options({baseUrl: base});
      window.__pf = pf;
    }
    const search = await window.__pf.search(query);
    const data = await Promise.all(((search && search.results) || []).slice(0, top).map(r => r.data()));
    return {ms: performance.now() - t0,
            items: data.map(d => ({url: d.url, title: (d.meta && d.meta.title) || "", excerpt: d.excerpt || ""}))};
  })();
  const late = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs));
  return await Promise.race([answer, late]);
}"""


def launch(playwright):
    """Debian's Chromium, headless (Playwright's own browser download cannot work here)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


# Tags inside a line of text (a highlight may sit inside a word): dropped without a space.
INLINE_TAG = re.compile(r"</?(?:mark|em|strong|b|i|u|a|span|code|abbr|small|del|ins|kbd|q|s|sub|sup)\b[^>]*>", re.I)


def plain(fragment: str) -> str:
    """Text of an HTML fragment as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    text = re.sub(r"<[^>]*>", " ", INLINE_TAG.sub("", fragment))
    return " ".join(html.unescape(text).split())


def site_path(location: str, prefix: str) -> str:
    """A result's location as a site-relative page URL ('ca-nhan/abc/'): no origin, sub-path or #anchor."""
    path = unquote(urlsplit(location).path)
    if path.startswith(prefix):
        path = path[len(prefix):]
    path = path.lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return "" if path in (".", "./") else path


def material_group(group: list[dict], prefix: str) -> dict:
    """A result group as Material's result list shows it (its Fn/oo renderer in bundle.*.min.js, 9.x):
    the page, then the sections scoring at least the group's first item; the rest are folded away."""
    threshold = group[0]["score"]
    docs = list(group)
    n = next((i for i, d in enumerate(docs) if "#" not in d["location"]), -1)
    article = docs.pop(n)  # Material's findIndex → splice(-1, 1) takes the last when none is a page
    s = next((i for i, d in enumerate(docs) if d["score"] < threshold), len(docs))
    parts = [article["title"]]
    if n == 0 and s == 0:
        parts.append(article["text"])
    for doc in docs[:s]:
        parts += [doc["title"], doc["text"]]
    return {"path": site_path(article["location"], prefix), "line": plain(" ".join(parts))}


class Engine:
    """One engine on one site copy, in its own browser context; `open()`, then `search()` per query."""

    bypass_csp = False

    def __init__(self, browser, url: str, ready_timeout: float, query_timeout: float):
        self.browser, self.url = browser, url
        self.prefix = urlsplit(url).path
        self.ready_timeout, self.query_timeout = ready_timeout, query_timeout
        self.context = self.page = None

    def _new_page(self):
        """A fresh context (empty cache, Vietnamese locale, no service worker) and its page."""
        self.context = self.browser.new_context(locale="vi-VN", service_workers="block", bypass_csp=self.bypass_csp)
        self.page = self.context.new_page()

    def close(self) -> None:
        """Close the context (and every worker of its page)."""
        if self.context is not None:
            try:
                self.context.close()
            except Exception:  # a crashed tab (out of memory) cannot be closed cleanly
                pass


class MaterialEngine(Engine):
    """ours and lunr: Material's search box and whatever worker the page's config names."""

    def open(self) -> dict:
        """Load the home page; wait until the worker is READY. Returns {"ready_ms"} or {"error"}."""
        self._new_page()
        self.page.add_init_script(OBSERVE_WORKER)
        self.page.goto(self.url, wait_until="load")
        try:
            self.page.wait_for_function("() => window.__sq && window.__sq.ready",
                                        timeout=self.ready_timeout * 1000, polling=100)
        except Exception as exc:
            return {"error": f"search not ready within {self.ready_timeout:g} s ({first_line(exc)})"}
        return {"ready_ms": round(self.page.evaluate("window.__sq.readyAt"))}

    def _settle(self, value: str) -> None:
        self.page.wait_for_function(ANSWERED, arg=value, timeout=self.query_timeout * 1000, polling=20)

    def search(self, query: str) -> dict:
        """Fill the box (Material reads it on keyup), wait for the answer to `query`: {"ms", "results"}."""
        box = self.page.locator(BOX)
        if box.input_value() == query:  # Material sends nothing for an unchanged value
            box.fill("")
            box.press("End")
            self._settle("")
        box.fill(query)
        box.press("End")
        self._settle(query)
        state = self.page.evaluate("({last: window.__sq.last, ms: window.__sq.answerAt - window.__sq.inputAt})")
        groups = [g for g in state["last"] or [] if g]
        return {"ms": state["ms"], "results": [material_group(g, self.prefix) for g in groups]}


class PagefindEngine(Engine):
    """pagefind and pagefind-article: a bundle of the pagefind copy, through Pagefind's JS API."""

    # The site's Content-Security-Policy allows no WebAssembly: a site shipping Pagefind would add
    # 'wasm-unsafe-eval'; the benchmark lets the page bypass the policy instead.
    bypass_csp = True

    def __init__(self, browser, url: str, bundle: str, ready_timeout: float, query_timeout: float):
        super().__init__(browser, url, ready_timeout, query_timeout)
        self.bundle = bundle

    def open(self) -> dict:
        """Load the home page; Pagefind itself loads on the first query (its ms include that)."""
        self._new_page()
        self.page.goto(self.url, wait_until="load")
        return {"ready_ms": None}

    def search(self, query: str) -> dict:
        """Pagefind's search and the data of its first results: {"ms", "results"}."""
        answer = self.page.evaluate(PAGEFIND_QUERY, {"bundle": f"{self.url}{self.bundle}/", "base": self.prefix,
                                                     "query": query, "top": TOP,
                                                     "timeoutMs": round(self.query_timeout * 1000)})
        results = [{"path": site_path(item["url"], self.prefix), "line": plain(f"{item['title']} {item['excerpt']}")}
                   for item in answer["items"]]
        return {"ms": answer["ms"], "results": results}


def make_engine(name: str, browser, url: str, ready_timeout: float, query_timeout: float) -> Engine:
    """The engine called `name` on the site copy served at `url`."""
    if name in ("ours", "lunr"):
        return MaterialEngine(browser, url, ready_timeout, query_timeout)
    return PagefindEngine(browser, url, name, ready_timeout, query_timeout)


def is_search_request(engine: str, path: str) -> bool:
    """Whether a served file (path under the site copy) is part of `engine`'s search."""
    if engine.startswith("pagefind"):
        return path.startswith(engine + "/")
    return path.startswith(("search/", "assets/javascripts/workers/", "assets/javascripts/lunr/"))


def first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
