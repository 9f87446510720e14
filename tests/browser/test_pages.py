"""Every kind of page in real headless Chromium, on a 360 px phone and a 1280 px screen.

Each page must fit the phone's width (no sideways scrolling), log no console error, have no failed
request and ask nothing of another origin: every request stays under the site's own path
(/bang-vang/, as a GitHub Pages project site). Charts are images with a title and always have a
table of the same figures beside them.
"""

from __future__ import annotations

import pytest

from browserkit import DESKTOP, PHONE
from residents_kit import Visitor, horizontal_overflow

BUNDLED_PAGES = [
    "",
    "phong-trao/",
    "phong-trao/quang-ngai-phong-chong-covid-19/",
    "khen-thuong/",
    "doi-tuong/",
    "tap-the/nhan-dan-va-can-bo-phuong-pho-minh/",
    "van-ban/",
    "van-ban/62-kh-ubnd-2021/",
    "bao-cao/",
    "bao-cao/31-bc-ubnd-2024/",
    "thong-ke/",
    "du-lieu/",
    "gioi-thieu/",
    "gioi-thieu/du-lieu-ca-nhan/",
    "huong-dan/",
    "huong-dan/du-lieu/",
    "huong-dan/loi/",
]
# The second commune has what the bundled ward lacks: exemplary models (with and without a story),
# ceremonies, press sources, named individuals (one shown by initials only), a household, several years.
SECOND_PAGES = [
    "",
    "dien-hinh/",
    "dien-hinh/nguyen-thi-mai-huong/",
    "dien-hinh/pham-thi-thanh-tam/",
    "su-kien/",
    "su-kien/dai-hoi-thi-dua-yeu-nuoc-2025/",
    "bai-viet/",
    "ca-nhan/nguyen-thi-mai-huong/",
    "ho-gia-dinh/ho-ong-le-van-thanh/",
    "khen-thuong/",
    "doi-tuong/",
    "thong-ke/",
    "bao-cao/245-bc-ubnd-2024/",
]
PAGES = [("bundled", p) for p in BUNDLED_PAGES] + [("second", p) for p in SECOND_PAGES]
IDS = [f"{site}:/{path}" for site, path in PAGES]
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def visitors(browser, bundled_site, second_site):
    """One page per (site, viewport), reused for every page of this module."""
    opened: dict[tuple[str, str], Visitor] = {}
    served = {"bundled": bundled_site, "second": second_site}

    def get(site: str, viewport: str) -> Visitor:
        if (site, viewport) not in opened:
            opened[(site, viewport)] = Visitor(browser, served[site], VIEWPORTS[viewport])
        return opened[(site, viewport)]

    yield get
    for visitor in opened.values():
        visitor.close()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("site, path", PAGES, ids=IDS)
def test_page_fits_and_stays_on_its_own_path(visitors, site, path, viewport):
    visitor = visitors(site, viewport)
    page = visitor.visit(path)
    width = VIEWPORTS[viewport]["width"]
    assert page.viewport_size["width"] == width
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= width + 1, (
        f"/{path} scrolls sideways at {width} px: {overflow}")
    assert page.locator("h1").first.is_visible(), f"/{path} has no visible heading"
    visitor.assert_clean(f"/{path} at {width} px")
    # The page asked for something (stylesheets, scripts), all under the site's path.
    assert any(url.endswith(".css") for url in visitor.rec.requests), visitor.rec.requests


def test_requests_stay_under_the_sub_path(visitors):
    """The check itself: the recorded requests of the home page include the search index and the
    site's own stylesheet, so 'nothing outside /bang-vang/' is not vacuous."""
    visitor = visitors("bundled", "desktop")
    visitor.visit("")
    urls = visitor.rec.requests
    root = visitor.served.url
    assert root.endswith("/bang-vang/")
    assert any(u.startswith(root + "assets/bangvang.css") for u in urls), urls
    assert any(u.startswith(root + "assets/bangvang.js") for u in urls), urls
    assert any(u == root + "search/search_index.json" for u in urls), urls
    assert all(u.startswith(root) for u in urls), [u for u in urls if not u.startswith(root)]


# --- charts -----------------------------------------------------------------------------------

CHARTS = """
() => [...document.querySelectorAll('svg.bv-chart')].map(svg => {
  const labelled = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
    .map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent.trim());
  const figure = svg.closest('figure');
  let next = figure ? figure.nextElementSibling : null;
  const table = next && (next.matches('table') ? next : next.querySelector('table'));
  const rows = table ? [...table.tBodies[0].rows].map(r =>
      [r.cells[0].textContent.trim(), r.cells[1].textContent.trim()]) : null;
  const box = svg.getBoundingClientRect();
  return {
    id: svg.id, role: svg.getAttribute('role'),
    title: (svg.querySelector(':scope > title') || {}).textContent || '',
    labelled,
    bars: [...svg.querySelectorAll('.bv-chart__label')].map((label, i) =>
      [label.textContent.trim(), svg.querySelectorAll('.bv-chart__value')[i].textContent.trim()]),
    rects: svg.querySelectorAll('rect.bv-chart__bar').length,
    table: rows, width: box.width, right: box.right,
  };
})
"""


def charts_of(visitor: Visitor, path: str) -> list[dict]:
    visitor.visit(path)
    return visitor.page.evaluate(CHARTS)


@pytest.mark.parametrize("site, minimum", [("bundled", 4), ("second", 4)])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_statistics_charts_have_a_title_and_a_table(visitors, site, minimum, viewport):
    visitor = visitors(site, viewport)
    charts = charts_of(visitor, "thong-ke/")
    assert len(charts) >= minimum, charts
    assert len({c["id"] for c in charts}) == len(charts), "chart ids are unique"
    for chart in charts:
        assert chart["role"] == "img", chart
        assert chart["title"].strip(), f"{chart['id']} has no <title>"
        assert chart["labelled"] and chart["labelled"][0] == chart["title"], chart
        assert chart["bars"] and chart["rects"] == len(chart["bars"]), chart
        assert chart["table"] is not None, f"{chart['id']}: no table of figures beside the chart"
        assert chart["bars"] == chart["table"], f"{chart['id']}: the chart and its table disagree"
        assert 0 < chart["width"] and chart["right"] <= VIEWPORTS[viewport]["width"], chart
    visitor.assert_clean("/thong-ke/")


def test_bundled_statistics_by_year(visitors):
    """The figures themselves, from the bundled data: 2023, 2021, a 2014–2023 proposal, two undated."""
    charts = charts_of(visitors("bundled", "desktop"), "thong-ke/")
    by_year = next(c for c in charts if c["id"] == "bieu-do-theo-nam")
    assert sum(int(v) for _, v in by_year["bars"]) == 6, by_year["bars"]
    assert dict(by_year["bars"]).get("2023") == "1" and dict(by_year["bars"]).get("2021") == "1", by_year


@pytest.mark.parametrize("site", ["bundled", "second"])
def test_home_page_has_one_chart(visitors, site):
    visitor = visitors(site, "phone")
    charts = charts_of(visitor, "")
    assert len(charts) == 1, charts
    chart = charts[0]
    assert chart["role"] == "img" and chart["title"] == "Số khen thưởng theo năm", chart
    assert chart["labelled"][0] == chart["title"]
    assert chart["bars"], chart
    assert chart["right"] <= PHONE["width"], chart
    link = visitor.page.locator("figure.bv-figure figcaption a")
    assert link.get_attribute("href").rstrip("/").endswith("thong-ke"), "the caption leads to the tables"
    visitor.assert_clean("home")


@pytest.mark.parametrize("js", [True, False], ids=["script", "no-script"])
def test_a_record_pages_sections_are_reached_on_a_phone(browser, second_site, js):
    """A record page's drawer does not repeat the tabs' links (overrides/main.html): the script fills
    it from the tabs; without the script the tabs show on the phone, and the menu button goes."""
    visitor = Visitor(browser, second_site, PHONE, java_script_enabled=js)
    try:
        page = visitor.visit("ca-nhan/nguyen-thi-mai-huong/")
        tabs = page.eval_on_selector_all(".md-tabs__link", "links => links.map(a => [a.getAttribute('href'), a.textContent.trim()])")
        assert len(tabs) > 5
        drawer = '.md-nav--primary .md-nav__link'
        if js:
            assert not page.is_visible(".md-tabs")
            page.click('label.md-header__button[for="__drawer"]')
            page.wait_for_timeout(300)
            links = page.eval_on_selector_all(drawer, "links => links.map(a => [a.getAttribute('href'), a.textContent.trim()])")
            assert links == tabs and page.is_visible(f"{drawer} >> text={tabs[1][1]}")
        else:
            assert page.is_visible(".md-tabs") and page.is_visible(f".md-tabs__link >> text={tabs[1][1]}")
            assert not page.is_visible('label.md-header__button[for="__drawer"]')
            assert page.eval_on_selector_all(drawer, "links => links.length") == 0
    finally:
        visitor.close()
