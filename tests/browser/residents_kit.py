"""Helpers of the residents' browser tests (filters, page checks, print): pages reused across tests
(one context per viewport, problems reset between pages) and the checks that every page must pass.
The second commune's site is the `second_site` fixture of conftest.py; launching, serving, contexts
and the origin guard are browserkit's.
"""

from __future__ import annotations

from browserkit import LOCAL_SCHEMES, Served, open_page


# --- one page reused for many visits ----------------------------------------------------------

class Visitor:
    """One recorded page of one served site, reused for many visits: each `visit` starts with an
    empty record, so the problems found belong to the page just opened. `viewport` and any other
    Playwright context option (java_script_enabled=False...) go to browserkit.open_page."""

    def __init__(self, browser, served: Served, viewport: dict | None = None, **context_options):
        self.served = served
        self.context, self.rec = open_page(browser, served, viewport, **context_options)
        self.page = self.rec.page
        self.pending: set = set()
        self.context.on("request", lambda request: self.pending.add(request))
        self.context.on("requestfinished", lambda request: self.pending.discard(request))
        self.context.on("requestfailed", lambda request: self.pending.discard(request))

    def reset(self):
        self.rec.clear()

    def visit(self, path: str = "", wait_until: str = "settled"):
        """Open `path` of the site; 'settled' (the default): loaded, then no request in flight for
        QUIET_MS (the search worker, its index and sitemap.xml come after `load`). Playwright's
        'networkidle' waits a fixed 500 ms more, which adds up over every page."""
        self.reset()
        response = self.page.goto(self.served.page_url(path),
                                  wait_until="load" if wait_until == "settled" else wait_until)
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        if wait_until == "settled":
            self.settle()
        return self.page

    QUIET_MS = 150

    def settle(self, timeout_ms: int = 15_000):
        quiet = waited = 0
        while quiet < self.QUIET_MS:
            assert waited < timeout_ms, f"requests still in flight: {[r.url for r in self.pending]}"
            self.page.wait_for_timeout(25)  # lets Playwright deliver the events meanwhile
            waited += 25
            quiet = quiet + 25 if not self.pending else 0

    def problems(self) -> list[str]:
        """What went wrong since the last visit, plus every request outside the site's own path."""
        outside = [f"request outside {self.served.url}: {url}" for url in self.rec.requests
                   if not url.startswith(self.served.url) and not url.startswith(LOCAL_SCHEMES)]
        return self.rec.problems() + outside

    def assert_clean(self, what: str = ""):
        problems = self.problems()
        assert not problems, f"{what or self.page.url}:\n" + "\n".join(problems)

    def close(self):
        self.context.close()


# --- page checks ------------------------------------------------------------------------------

def horizontal_overflow(page) -> dict:
    """Widths of the document and of the widest elements sticking out past the viewport's right edge
    (to say *what* overflows when a page scrolls sideways)."""
    return page.evaluate("""() => {
      const doc = document.documentElement, width = doc.clientWidth;
      const culprits = [];
      if (doc.scrollWidth <= width + 1) return {scrollWidth: doc.scrollWidth, clientWidth: width, culprits};
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width && r.right > width + 1) {
          // Only those whose parent does not stick out too: the outermost culprits.
          const p = el.parentElement && el.parentElement.getBoundingClientRect();
          if (!p || p.right <= width + 1) {
            culprits.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
              + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
              + ' right=' + Math.round(r.right));
          }
        }
      }
      return {scrollWidth: doc.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 8)};
    }""")


def visible_texts(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.offsetParent !== null || e.getClientRects().length)"
                  ".map(e => e.textContent.replace(/\\s+/g, ' ').trim())")


# --- filters of list pages (docs/assets/bangvang.js) ------------------------------------------

FILTER_LISTS = {"khen-thuong/": "#danh-sach-khen-thuong", "doi-tuong/": "#danh-sach-doi-tuong"}

_LIST_STATE = r"""
sel => {
  const list = document.querySelector(sel);
  const shown = e => e.getClientRects().length > 0;   // rendered, whatever hid it
  const text = e => e.textContent.replace(/\s+/g, ' ').trim();
  const facets = e => Object.fromEntries([...e.attributes]
      .filter(a => a.name.startsWith('data-') && !a.name.startsWith('data-bv-'))
      .map(a => [a.name.slice(5), a.value.split(' ')]));
  return {
    items: [...list.querySelectorAll('[data-bv-item]')].map(e => ({
      id: e.id, shown: shown(e), facets: facets(e), text: text(e),
      link: (e.querySelector('a') || {}).textContent || ''})),
    groups: [...list.querySelectorAll('[data-bv-group]')].map(g => ({
      heading: text(g.querySelector('h2')).replace(/\s*(—.*|\(\d+\))$/, ''),
      shown: shown(g),
      items: g.querySelectorAll('[data-bv-item]').length,
      shownItems: [...g.querySelectorAll('[data-bv-item]')].filter(shown).length})),
  };
}
"""


class FilterList:
    """The filter form of a list page and the list it filters, read as a resident sees them."""

    def __init__(self, page, path: str):
        self.page = page
        self.list_selector = FILTER_LISTS[path]
        self.form = page.locator(f"form[data-bv-filters='{self.list_selector}']")

    def state(self) -> dict:
        return self.page.evaluate(_LIST_STATE, self.list_selector)

    def choose(self, key: str, value: str):
        self.form.locator(f"select[name='{key}']").select_option(value)

    def values(self) -> dict[str, str]:
        return self.page.eval_on_selector_all(
            f"form[data-bv-filters='{self.list_selector}'] select",
            "ss => Object.fromEntries(ss.map(s => [s.name, s.value]))")

    def options(self, key: str) -> dict[str, str]:
        """value → label of the options of one select ('' is 'Tất cả')."""
        return self.page.eval_on_selector_all(
            f"form[data-bv-filters='{self.list_selector}'] select[name='{key}'] option",
            "os => Object.fromEntries(os.map(o => [o.value, o.textContent.trim()]))")

    def count_text(self) -> str:
        return self.form.locator("[data-bv-count]").inner_text().strip()

    def reset(self):
        self.form.get_by_role("button", name="Bỏ lọc").click()


def shown_names(state: dict) -> list[str]:
    return [item["link"] for item in state["items"] if item["shown"]]
