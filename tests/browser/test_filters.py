"""Filters of the list pages (/khen-thuong/, /doi-tuong/) in real headless Chromium.

Progressive enhancement: without JavaScript the form stays hidden and the whole list is there; with
it, choosing a value hides the rows that do not match and the year groups left empty, says how many
rows are shown, and keeps the choice in the URL (?nam=2023&cap=tinh) so a link can be shared.
Both the bundled ward (data/) and the richer second commune (tests/fixtures/xa-an-binh/data:
several years, a revoked award, a household) are served under /bang-vang/.
"""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qsl, urlsplit

import pytest

from bangvang.public import load_view
from residents_kit import FILTER_LISTS, FilterList, Visitor, shown_names
from sitebuild import FIXTURE_DATA, SEED_DATA

AWARDS = "khen-thuong/"
PEOPLE = "doi-tuong/"


@pytest.fixture(scope="module")
def bundled(browser, bundled_site):
    visitor = Visitor(browser, bundled_site)
    yield visitor
    visitor.close()


@pytest.fixture(scope="module")
def second(browser, second_site):
    visitor = Visitor(browser, second_site)
    yield visitor
    visitor.close()


@pytest.fixture(scope="module")
def no_js(browser, bundled_site, second_site):
    """Pages of both sites with JavaScript off."""
    visitors = {site: Visitor(browser, served, java_script_enabled=False)
                for site, served in (("bundled", bundled_site), ("second", second_site))}
    yield visitors
    for visitor in visitors.values():
        visitor.close()


@pytest.fixture(scope="module")
def boards():
    """The data as the site generator reads it: how many rows each list must hold."""
    return {"bundled": load_view(SEED_DATA)[0], "second": load_view(FIXTURE_DATA)[0]}


def open_list(visitor: Visitor, path: str, query: str = "") -> FilterList:
    visitor.visit(path + query, wait_until="load")
    filters = FilterList(visitor.page, path)
    filters.form.wait_for(state="visible")
    return filters


def wait_until_query_is_empty(page, timeout_s: float = 5.0):
    """"Bỏ lọc" applies after the form's reset (a timer): wait for the query to go. Polled from
    Python, not with wait_for_function, whose string predicate the site's CSP (no 'unsafe-eval')
    would block."""
    deadline = time.monotonic() + timeout_s
    while urlsplit(page.url).query or page.evaluate("window.location.search"):
        assert time.monotonic() < deadline, f"the query is still there: {page.url}"
        page.wait_for_timeout(20)


def query_of(page) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query)


def assert_matches(state: dict, chosen: dict[str, str]):
    """Exactly the items whose data-<key> holds every chosen value are shown; a group is shown when
    one of its items is (all of them when nothing is chosen)."""
    for item in state["items"]:
        expected = all(value in item["facets"].get(key, []) for key, value in chosen.items())
        assert item["shown"] == expected, (chosen, item)
    for group in state["groups"]:
        expected = group["shownItems"] > 0 if chosen else True
        assert group["shown"] == expected, (chosen, group)


def no_script_errors(visitor: Visitor):
    assert not visitor.rec.console_errors and not visitor.rec.page_errors, visitor.problems()


# --- without JavaScript: no form, the full list -----------------------------------------------

@pytest.mark.parametrize("site", ["bundled", "second"])
@pytest.mark.parametrize("path", [AWARDS, PEOPLE])
def test_served_html_hides_the_form_and_holds_the_full_list(site, path, bundled_site, second_site, boards):
    served = {"bundled": bundled_site, "second": second_site}[site]
    html = (served.root / path / "index.html").read_text(encoding="utf-8")
    forms = re.findall(r"<form\b[^>]*\bdata-bv-filters=[^>]*>", html)
    assert len(forms) == 1, forms
    assert re.search(r"\shidden(\s|>|=)", forms[0]), f"the form must be hidden until the script runs: {forms[0]}"
    rows = len(re.findall(r"<(?:tr|li)\b[^>]*\bdata-bv-item\b", html))
    board = boards[site]
    expected = len(board.of("khen_thuong")) if path == AWARDS else len(board.of("doi_tuong"))
    assert rows == expected, f"{path}: {rows} rows in the HTML, {expected} in the data"


@pytest.mark.parametrize("site", ["bundled", "second"])
@pytest.mark.parametrize("path", [AWARDS, PEOPLE])
def test_without_javascript_every_row_is_visible(no_js, site, path, boards):
    visitor = no_js[site]
    # A shared filtered link opened without JavaScript still shows everything (nothing half-applied).
    visitor.visit(path + "?cap=tinh&nam=2023", wait_until="load")
    page = visitor.page
    filters = FilterList(page, path)
    assert filters.form.count() == 1
    assert not filters.form.is_visible(), "without JavaScript the filter form stays hidden"
    state = filters.state()
    board = boards[site]
    expected = len(board.of("khen_thuong")) if path == AWARDS else len(board.of("doi_tuong"))
    assert len(state["items"]) == expected
    hidden = [item["text"][:80] for item in state["items"] if not item["shown"]]
    assert not hidden, f"rows hidden without JavaScript: {hidden}"
    assert all(group["shown"] for group in state["groups"]), state["groups"]
    no_script_errors(visitor)


# --- /khen-thuong/ with JavaScript ------------------------------------------------------------

def test_form_appears_with_javascript_and_counts_everything(bundled, boards):
    filters = open_list(bundled, AWARDS)
    assert filters.form.is_visible()
    total = len(boards["bundled"].of("khen_thuong"))
    assert filters.count_text() == f"Đang hiện tất cả {total} khen thưởng."
    assert set(filters.values()) == {"nam", "hinh-thuc", "cap", "loai-hinh", "phong-trao", "doi-tuong", "trang-thai"}
    assert all(value == "" for value in filters.values().values())
    assert_matches(filters.state(), {})
    assert urlsplit(bundled.page.url).query == ""
    no_script_errors(bundled)


def test_choosing_a_level_hides_other_rows_and_empty_years(bundled):
    filters = open_list(bundled, AWARDS)
    filters.choose("cap", "tinh")
    state = filters.state()
    assert_matches(state, {"cap": "tinh"})
    # The bundled ward: two provincial certificates of merit, in 2023 and 2021.
    assert sum(item["shown"] for item in state["items"]) == 2
    assert [g["heading"] for g in state["groups"] if g["shown"]] == ["Năm 2023", "Năm 2021"]
    hidden_groups = [g["heading"] for g in state["groups"] if not g["shown"]]
    assert hidden_groups == ["Giai đoạn 2014–2023", "Không rõ năm"]
    assert filters.count_text() == "Đang hiện 2 trên 6 khen thưởng."
    assert query_of(bundled.page) == [("cap", "tinh")]
    assert urlsplit(bundled.page.url).path.endswith("/bang-vang/khen-thuong/")
    # A second facet narrows further, and both are in the URL.
    filters.choose("nam", "2023")
    assert_matches(filters.state(), {"cap": "tinh", "nam": "2023"})
    assert filters.count_text() == "Đang hiện 1 trên 6 khen thưởng."
    assert dict(query_of(bundled.page)) == {"nam": "2023", "cap": "tinh"}
    no_script_errors(bundled)


def test_a_shared_link_preselects_and_filters(bundled):
    filters = open_list(bundled, AWARDS, "?nam=2023&cap=tinh")
    values = filters.values()
    assert values["nam"] == "2023" and values["cap"] == "tinh"
    assert all(v == "" for k, v in values.items() if k not in ("nam", "cap"))
    state = filters.state()
    assert_matches(state, {"nam": "2023", "cap": "tinh"})
    shown = [item for item in state["items"] if item["shown"]]
    assert len(shown) == 1 and "Bằng khen" in shown[0]["text"], shown
    assert [g["heading"] for g in state["groups"] if g["shown"]] == ["Năm 2023"]
    assert filters.count_text() == "Đang hiện 1 trên 6 khen thưởng."
    assert dict(query_of(bundled.page)) == {"nam": "2023", "cap": "tinh"}
    no_script_errors(bundled)


def test_unknown_values_in_the_link_are_ignored(bundled):
    filters = open_list(bundled, AWARDS, "?cap=khong-co-cap-nay&nam=2021&la=1")
    assert filters.values()["cap"] == "" and filters.values()["nam"] == "2021"
    assert_matches(filters.state(), {"nam": "2021"})
    assert query_of(bundled.page) == [("nam", "2021")], "the URL keeps only what is applied"
    no_script_errors(bundled)


def test_reset_shows_everything_and_clears_the_query(bundled):
    filters = open_list(bundled, AWARDS, "?nam=2023&cap=tinh")
    assert filters.count_text() == "Đang hiện 1 trên 6 khen thưởng."
    filters.reset()
    wait_until_query_is_empty(bundled.page)
    assert all(value == "" for value in filters.values().values())
    state = filters.state()
    assert all(item["shown"] for item in state["items"])
    assert all(group["shown"] for group in state["groups"])
    assert filters.count_text() == "Đang hiện tất cả 6 khen thưởng."
    assert bundled.page.url == bundled.served.page_url(AWARDS)
    no_script_errors(bundled)


# The second commune: several years, a revoked award, a household, a proposal over a period.
SECOND_AWARDS = [
    # (key, value, rows shown, year groups shown)
    ("cap", "xa", 6, ["Năm 2025", "Năm 2024"]),
    ("cap", "huyen", 4, ["Năm 2025", "Năm 2023", "Năm 2022"]),
    ("trang-thai", "thu_hoi", 1, ["Năm 2022"]),
    ("trang-thai", "de_nghi", 1, ["Giai đoạn 2022–2024"]),
    ("doi-tuong", "ho_gia_dinh", 1, ["Năm 2024"]),
    ("nam", "2022-2024", 1, ["Giai đoạn 2022–2024"]),
    ("loai-hinh", "chuyen_de", 8, ["Năm 2025", "Giai đoạn 2022–2024", "Năm 2023"]),
    ("phong-trao", "chung-suc-xay-dung-nong-thon-moi", 7, ["Năm 2025", "Giai đoạn 2022–2024", "Năm 2023"]),
    ("hinh-thuc", "lao_dong_tien_tien", 3, ["Năm 2024"]),
]


@pytest.mark.parametrize("key, value, rows, groups", SECOND_AWARDS, ids=[f"{k}={v}" for k, v, *_ in SECOND_AWARDS])
def test_second_commune_awards_by_one_facet(second, key, value, rows, groups):
    filters = open_list(second, AWARDS)
    filters.choose(key, value)
    state = filters.state()
    assert_matches(state, {key: value})
    assert sum(item["shown"] for item in state["items"]) == rows
    assert [g["heading"] for g in state["groups"] if g["shown"]] == groups
    assert filters.count_text() == f"Đang hiện {rows} trên 13 khen thưởng."
    assert query_of(second.page) == [(key, value)]
    no_script_errors(second)


def test_second_commune_revoked_award_is_shown_as_revoked(second):
    filters = open_list(second, AWARDS, "?trang-thai=thu_hoi")
    rows = second.page.locator("#danh-sach-khen-thuong tr[data-bv-item]:visible")
    assert rows.count() == 1
    assert "bv-award--revoked" in rows.first.get_attribute("class")
    assert "Thôn Tân Lập" in rows.first.inner_text()
    assert filters.count_text() == "Đang hiện 1 trên 13 khen thưởng."


def test_second_commune_link_with_two_facets_and_an_anchor(second):
    filters = open_list(second, AWARDS, "?nam=2023&cap=huyen#nam-2023")
    state = filters.state()
    assert_matches(state, {"nam": "2023", "cap": "huyen"})
    shown = [item for item in state["items"] if item["shown"]]
    assert len(shown) == 1 and "Nguyễn Thị Mai Hương" in shown[0]["text"], shown
    split = urlsplit(second.page.url)
    assert dict(parse_qsl(split.query)) == {"nam": "2023", "cap": "huyen"}
    assert split.fragment == "nam-2023", "the anchor survives the rewrite of the query"
    filters.choose("cap", "")
    assert query_of(second.page) == [("nam", "2023")]
    assert filters.count_text() == "Đang hiện 2 trên 13 khen thưởng."
    filters.choose("nam", "")
    assert urlsplit(second.page.url).query == ""
    assert filters.count_text() == "Đang hiện tất cả 13 khen thưởng."
    no_script_errors(second)


def test_filters_with_no_match_hide_every_group(second):
    filters = open_list(second, AWARDS, "?doi-tuong=ho_gia_dinh&cap=huyen")
    state = filters.state()
    assert not any(item["shown"] for item in state["items"])
    assert not any(group["shown"] for group in state["groups"])
    assert filters.count_text() == "Đang hiện 0 trên 13 khen thưởng."
    filters.reset()
    wait_until_query_is_empty(second.page)
    assert filters.count_text() == "Đang hiện tất cả 13 khen thưởng."
    assert all(item["shown"] for item in filters.state()["items"])


# --- /doi-tuong/ ------------------------------------------------------------------------------

SECOND_PEOPLE = [
    # (key, value, names shown, groups shown)
    ("doi-tuong", "ca_nhan", ["Trần Văn Đức", "Lê T. T. H.", "Nguyễn Thị Mai Hương", "Đoàn Thị Kim Liên",
                              "Phạm Thị Thanh Tâm"], ["Cá nhân"]),
    ("doi-tuong", "ho_gia_dinh", ["Hộ ông Lê Văn Thành", "Hộ ông Y Thuyên Niê"], ["Hộ gia đình"]),
    ("doi-tuong", "tap_the", ["Chi hội Nông dân buôn Ea Bông", "Hợp tác xã Nông nghiệp Cà phê An Bình",
                              "Nhân dân và cán bộ xã An Bình", "Thôn 3", "Thôn Tân Lập"], ["Tập thể"]),
    # Facets of the awards: a recipient matches when one of its awards does.
    ("phong-trao", "chung-suc-xay-dung-nong-thon-moi",
     ["Hợp tác xã Nông nghiệp Cà phê An Bình", "Nhân dân và cán bộ xã An Bình", "Thôn 3", "Trần Văn Đức",
      "Nguyễn Thị Mai Hương"], ["Tập thể", "Cá nhân"]),
    ("cap", "huyen", ["Hợp tác xã Nông nghiệp Cà phê An Bình", "Thôn Tân Lập", "Trần Văn Đức", "Nguyễn Thị Mai Hương"],
     ["Tập thể", "Cá nhân"]),
    ("nam", "2024", ["Lê T. T. H.", "Nguyễn Thị Mai Hương", "Hộ ông Lê Văn Thành"], ["Cá nhân", "Hộ gia đình"]),
    ("trang-thai", "thu_hoi", ["Thôn Tân Lập"], ["Tập thể"]),
]


@pytest.mark.parametrize("key, value, names, groups", SECOND_PEOPLE, ids=[f"{k}={v}" for k, v, *_ in SECOND_PEOPLE])
def test_second_commune_recipients(second, key, value, names, groups):
    filters = open_list(second, PEOPLE)
    assert filters.count_text() == "Đang hiện tất cả 12 đối tượng."
    filters.choose(key, value)
    state = filters.state()
    assert_matches(state, {key: value})
    assert shown_names(state) == names
    assert [g["heading"] for g in state["groups"] if g["shown"]] == groups
    assert filters.count_text() == f"Đang hiện {len(names)} trên 12 đối tượng."
    assert query_of(second.page) == [(key, value)]
    no_script_errors(second)


def test_second_commune_recipients_link_and_reset(second):
    filters = open_list(second, PEOPLE, "?doi-tuong=ca_nhan&nam=2023")
    state = filters.state()
    assert shown_names(state) == ["Nguyễn Thị Mai Hương"]
    assert filters.count_text() == "Đang hiện 1 trên 12 đối tượng."
    filters.reset()
    wait_until_query_is_empty(second.page)
    state = filters.state()
    assert len(shown_names(state)) == 12
    assert all(group["shown"] for group in state["groups"])
    assert second.page.url == second.served.page_url(PEOPLE)
    no_script_errors(second)


def test_bundled_recipients_filter(bundled):
    # The bundled ward names one collective; its individuals are only counted (108 cá nhân…), so the
    # list has one type of recipient and no type filter: an option must never promise rows that the
    # list cannot show (options count the recipients listed, not award lines).
    filters = open_list(bundled, PEOPLE, "?cap=tinh")
    assert "doi-tuong" not in filters.values() and "cap" in filters.values()
    state = filters.state()
    assert shown_names(state) == ["Nhân dân và cán bộ phường Phổ Minh"]
    assert [g["heading"] for g in state["groups"] if g["shown"]] == ["Tập thể"]
    assert dict(query_of(bundled.page)) == {"cap": "tinh"}
    assert filters.count_text() == "Đang hiện 1 trên 1 đối tượng."
    assert filters.options("cap") == {"": "Tất cả", "huyen": "Cấp huyện (1)", "tinh": "Cấp tỉnh (1)"}
    no_script_errors(bundled)


@pytest.mark.parametrize("site", ["second", "bundled"])
def test_option_counts_on_the_recipients_page_are_the_people_shown(bundled, second, site):
    visitor = {"bundled": bundled, "second": second}[site]
    filters = open_list(visitor, PEOPLE)
    wrong = []
    for key in filters.values():
        for value, label in filters.options(key).items():
            if not value:
                continue
            filters.choose(key, value)
            shown = len(shown_names(filters.state()))
            stated = int(re.search(r"\((\d+)\)$", label).group(1))
            if stated != shown:
                wrong.append(f"{key}={value}: option says {label!r}, {shown} shown")
        filters.choose(key, "")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("site", ["second", "bundled"])
def test_option_counts_on_the_awards_page_are_the_rows_shown(bundled, second, site):
    visitor = {"bundled": bundled, "second": second}[site]
    filters = open_list(visitor, AWARDS)
    checked = 0
    for key in filters.values():
        for value, label in filters.options(key).items():
            if not value:
                continue
            filters.choose(key, value)
            state = filters.state()
            assert_matches(state, {key: value})
            shown = sum(item["shown"] for item in state["items"])
            assert label.endswith(f"({shown})"), f"{key}={value}: option {label!r}, {shown} rows shown"
            checked += 1
        filters.choose(key, "")
    assert checked >= 15
    assert urlsplit(visitor.page.url).query == ""
    no_script_errors(visitor)


@pytest.mark.parametrize("path, query", [(AWARDS, "?cap=huyen"), (PEOPLE, "?cap=huyen")])
def test_group_headings_count_the_rows_shown(second, path, query):
    filters = open_list(second, path, query)
    headings = second.page.eval_on_selector_all(
        f"{FILTER_LISTS[path]} [data-bv-group] > h2", "hs => hs.map(h => h.textContent.replace(/\\s+/g, ' ').trim())")
    wrong = []
    for heading, group in zip(headings, filters.state()["groups"]):
        if not group["shown"]:
            continue
        stated = int(re.search(r"(\d+)(?: dòng khen thưởng|\))$", heading).group(1))
        if stated != group["shownItems"]:
            wrong.append(f"{heading!r} over {group['shownItems']} shown")
    assert not wrong, "\n".join(wrong)
