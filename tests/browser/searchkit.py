"""Material's search box in a real page: typing into it and reading what our worker answered."""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import unquote, urlsplit

# Observes the page's search worker (Material's protocol: 0 SETUP, 1 READY, 2 QUERY, 3 RESULT).
OBSERVE_WORKER = """
(() => {
  const Native = window.Worker;
  const state = window.__bvSearch = {ready: false, readyAt: null, queries: 0, lastQuery: null,
                                     results: 0, last: null, firstResultAt: null};
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, transfer) => {
      if (message && message.type === 2) { state.queries++; state.lastQuery = message.data; }
      return post(message, transfer);
    };
    worker.addEventListener("message", ev => {
      const message = ev.data;
      if (message && message.type === 1) { state.ready = true; state.readyAt = performance.now(); }
      if (message && message.type === 3) {
        state.results++; state.last = message.data;
        if (state.firstResultAt === null) state.firstResultAt = performance.now();
      }
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();
"""

BOX = "input[data-md-component=search-query]"


class SearchPage:
    """One page of a served site with Material's search box."""

    def __init__(self, recorder, served, path: str = ""):
        self.rec = recorder
        self.page = recorder.page
        self.served = served
        self.page.add_init_script(OBSERVE_WORKER)
        self.page.goto(served.page_url(path))
        self.page.wait_for_function("() => window.__bvSearch && window.__bvSearch.ready", timeout=30_000)

    def _settle(self, value: str):
        self.page.wait_for_function(
            """value => { const s = window.__bvSearch;
                          return s.queries > 0 && s.results === s.queries && s.lastQuery === value; }""",
            arg=value, timeout=15_000)

    def search(self, query: str, typed: bool = False) -> list[dict]:
        """Put `query` in the search box (filled, or typed key by key) and return the result groups."""
        box = self.page.locator(BOX)
        if box.input_value() == query:
            box.fill("")
            box.press("End")
            self._settle("")
        if typed:
            box.fill("")
            box.press_sequentially(query, delay=15)
        else:
            box.fill(query)
        box.press("End")  # Material reads the box on keyup
        value = box.input_value()
        assert value == query, "the box must hold exactly what was typed (NFD stays NFD)"
        self._settle(value)
        return self.page.evaluate("window.__bvSearch.last.items")

    def pages(self, query: str, typed: bool = False) -> list[str]:
        """Paths (relative to the site) of the result articles, best first."""
        return [article(group)["location"] for group in self.search(query, typed)]

    def rendered(self) -> list[str]:
        """Article links of the rendered result list, as site paths, in display order."""
        hrefs = self.page.eval_on_selector_all(
            ".md-search-result__item > a:first-child", "links => links.map(a => a.href)")
        prefix = urlsplit(self.served.url).path
        paths = [unquote(urlsplit(href).path) for href in hrefs]
        assert all(p.startswith(prefix) for p in paths), paths
        return [p[len(prefix):] for p in paths]

    def timing(self) -> dict:
        return self.page.evaluate(
            "({ready: window.__bvSearch.readyAt, first: window.__bvSearch.firstResultAt})")

    def assert_clean(self):
        self.rec.assert_clean()
        outside = [url for url in self.rec.requests if not url.startswith(self.served.url)]
        assert not outside, f"requests outside {self.served.url}: {outside}"


def article(group: list[dict]) -> dict:
    """The page of a result group (Material puts the page itself in every group; a record shown as a
    row of a list, an article, is its anchor)."""
    return next((item for item in group if "#" not in item["location"]), group[0])


def first_rank(results: list[str], page: str) -> int:
    assert page in results, f"{page} not among the results: {results}"
    return results.index(page)


@contextmanager
def opened(recorded_page, served, path: str = ""):
    """A SearchPage of `served` at `path`; the page must end clean (no console error, no request elsewhere)."""
    page = SearchPage(recorded_page(served), served, path)
    yield page
    page.assert_clean()
