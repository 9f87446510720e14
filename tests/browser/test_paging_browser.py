"""Lists cut into pages (src/bangvang/paging.py) in real headless Chromium, on a generated commune
(benchmarks/synth.py: 700 recipients, 4,000 awards, so ~330 awards a year: two pages each) served
under /bang-vang/:

  - the filters work on a numbered page and say they count the rows of this page;
  - without JavaScript the pager is plain links: "Trang sau" opens the next page, every row shows;
  - axe (WCAG 2.1 A/AA) finds nothing on the new page types (index of years, a year's numbered
    page, a letter of the recipients, a movement's first page with its summary, its later pages),
    at phone and desktop widths; no CSP violation, console error or third-party request.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/, for sitebuild
from browserkit import DESKTOP, PHONE, SUB_PATH, build_or_fail  # noqa: E402
from residents_kit import FilterList, Visitor, shown_names  # noqa: E402
from sitebuild import REPO  # noqa: E402
from test_gates_browser import csp_violations, excused, gate_page, open_url, run_axe  # noqa: E402,F401

sys.path.insert(0, str(REPO / "benchmarks"))
import synth  # noqa: E402

YEAR_PAGE = "khen-thuong/2020/trang-2/"
LETTER_PAGE = "doi-tuong/ca-nhan/h/"
PAGE_TYPES = ["khen-thuong/", "khen-thuong/2020/", YEAR_PAGE, "doi-tuong/", LETTER_PAGE, "van-ban/",
              "phong-trao/phong-trao-001/", "phong-trao/phong-trao-001/trang-2/"]


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory, serve_site):
    root = tmp_path_factory.mktemp("paged")
    synth.generate(root, recipients=700, awards=4000, movements=4, reports=2, models=8)
    build = build_or_fail(root / "data", root / "site")
    for path in PAGE_TYPES:
        assert (build.site / path / "index.html").is_file(), path
    return serve_site(build.site, SUB_PATH)


@pytest.fixture(scope="module")
def visitor(browser, paged_site):
    v = Visitor(browser, paged_site)
    yield v
    v.close()


def open_filters(visitor: Visitor, path: str, list_path: str, query: str = "") -> FilterList:
    visitor.visit(path + query, wait_until="load")
    filters = FilterList(visitor.page, list_path)
    filters.form.wait_for(state="visible")
    return filters


def test_filters_on_a_numbered_page_of_the_awards(visitor):
    filters = open_filters(visitor, YEAR_PAGE, "khen-thuong/")
    state = filters.state()
    total = len(state["items"])
    assert 0 < total <= 300
    assert filters.count_text() == f"Đang hiện tất cả {total} khen thưởng trên trang này."
    scope = filters.form.locator(".bv-filters__scope")
    assert "chỉ lọc các khen thưởng trên trang này" in scope.inner_text()
    assert scope.get_by_role("link", name="dữ liệu mở").get_attribute("href") == "../../../du-lieu/"
    assert "nam" not in filters.values(), "one year per page: no year filter"
    filters.choose("cap", "tinh")
    state = filters.state()
    shown = [item for item in state["items"] if item["shown"]]
    assert shown and all(item["facets"]["cap"] == ["tinh"] for item in shown)
    assert all(item["shown"] == (item["facets"]["cap"] == ["tinh"]) for item in state["items"])
    assert filters.count_text() == f"Đang hiện {len(shown)} trên {total} khen thưởng trên trang này."
    assert parse_qsl(urlsplit(visitor.page.url).query) == [("cap", "tinh")]
    assert urlsplit(visitor.page.url).path.endswith("/bang-vang/" + YEAR_PAGE)
    # The option counts are the rows of this page.
    label = filters.options("cap")["tinh"]
    assert label.endswith(f"({len(shown)})"), label
    visitor.assert_clean()


def test_filters_on_a_letter_of_the_recipients(visitor):
    filters = open_filters(visitor, LETTER_PAGE, "doi-tuong/", "?hinh-thuc=bang_khen")
    state = filters.state()
    names = [item["link"] for item in state["items"]]
    assert names and all(re.search(r"\bH\S*$", name) for name in names), names[:5]
    assert all(item["shown"] == ("bang_khen" in item["facets"].get("hinh-thuc", [])) for item in state["items"])
    assert 0 < len(shown_names(state)) < len(names)
    assert filters.count_text() == f"Đang hiện {len(shown_names(state))} trên {len(names)} đối tượng trên trang này."
    visitor.assert_clean()


@pytest.fixture(scope="module")
def no_js(browser, paged_site):
    v = Visitor(browser, paged_site, java_script_enabled=False)
    yield v
    v.close()


def test_pager_without_javascript(no_js):
    page = no_js.visit("khen-thuong/", wait_until="load")
    page.get_by_role("navigation", name="Các năm").get_by_role("link", name=re.compile(r"^2020 ")).click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path.endswith("/khen-thuong/2020/")
    pager = page.get_by_role("navigation", name="Các trang của năm 2020", exact=True)
    assert pager.locator(".bv-pager__where").inner_text() == "Trang 1/2"
    assert pager.locator("[aria-current=page]").inner_text() == "1"
    pager.get_by_role("link", name="Trang sau").click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path.endswith("/" + YEAR_PAGE)
    assert page.locator("form[data-bv-filters]").is_hidden()
    rows = page.locator("#danh-sach-khen-thuong tr[data-bv-item]")
    assert rows.count() > 0 and all(row.is_visible() for row in rows.all()[:50])
    bottom = page.get_by_role("navigation", name="Các trang của năm 2020, cuối danh sách")
    bottom.get_by_role("link", name="Trang trước").click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path.endswith("/khen-thuong/2020/")
    no_js.assert_clean()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360x740", "1280x800"])
def test_axe_and_csp_on_the_new_page_types(gate_page, paged_site, viewport):
    rec = gate_page(paged_site, viewport)
    violations, csp, problems = [], [], []
    for path in PAGE_TYPES:
        open_url(rec, paged_site.page_url(path))
        result = run_axe(rec, paged_site)
        for v in result["violations"]:
            for node in v["nodes"]:
                if not excused(v["id"], node["target"]):
                    violations.append(f"{path}: {v['id']} ({v['impact']}): "
                                      f"{json.dumps(node['target'], ensure_ascii=False)} — {node['failureSummary'][:300]}")
        csp += [f"{path}: {c}" for c in csp_violations(rec)]
        problems += [f"{path}: {p}" for p in rec.problems() if "net::ERR_ABORTED" not in p]
        rec.failed_requests.clear()
        rec.console_errors.clear()
    assert not violations, "\n".join(violations[:40])
    assert not csp, "\n".join(csp)
    assert not problems, "\n".join(problems)
    assert not rec.foreign_requests
