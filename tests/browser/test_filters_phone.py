"""The filters of the list pages on a phone, and the filters in use as chips, in real headless Chromium.

At 360×740 the fields fold behind one "Lọc" button (a disclosure: aria-expanded, aria-controls) so
that the list starts on the first screen; the button counts the filters in use ("Lọc (2)"). At
1280 px the fields are open as before. At every width each filter in use is a chip under the form
("Năm: 2023 ✕"), a button that removes it (from the list and from the URL). Filtering itself, the
URL and "Bỏ lọc" are tests/browser/test_filters.py's.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from browserkit import DESKTOP, PHONE
from residents_kit import FilterList, Visitor

AWARDS = "khen-thuong/"
PEOPLE = "doi-tuong/"

# The first list item, and where the filters' parts are, as the resident sees them.
_LAYOUT = r"""
list => {
  const box = e => { if (!e || !e.getClientRects().length) return null;
                     const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
  const item = [...document.querySelectorAll(list + ' [data-bv-item]')].find(e => e.getClientRects().length);
  return {item: box(item), toggle: box(document.querySelector('[data-bv-filters-toggle]')),
          chips: box(document.querySelector('.bv-chips')), scrollY: window.scrollY};
}
"""


@pytest.fixture(scope="module")
def phone(browser, bundled_site):
    visitor = Visitor(browser, bundled_site, PHONE)
    yield visitor
    visitor.close()


@pytest.fixture(scope="module")
def desktop(browser, bundled_site):
    visitor = Visitor(browser, bundled_site, DESKTOP)
    yield visitor
    visitor.close()


@pytest.fixture(scope="module")
def second_phone(browser, second_site):
    visitor = Visitor(browser, second_site, PHONE)
    yield visitor
    visitor.close()


def open_list(visitor: Visitor, path: str = AWARDS, query: str = "") -> FilterList:
    visitor.visit(path + query, wait_until="load")
    filters = FilterList(visitor.page, path)
    filters.form.wait_for(state="visible")
    return filters


def toggle_of(filters: FilterList):
    return filters.form.locator("[data-bv-filters-toggle]")


def chips_of(page) -> list[dict]:
    """Each chip shown: its text (spaces squeezed) and its accessible name."""
    return page.locator(".bv-chips .bv-chip").evaluate_all(
        "cs => cs.filter(c => c.getClientRects().length).map(c => ({"
        "text: c.textContent.replace(/\\s+/g, ' ').trim(), name: c.getAttribute('aria-label')}))")


def query_of(page) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(page.url).query))


def no_script_errors(visitor: Visitor):
    assert not visitor.rec.console_errors and not visitor.rec.page_errors, visitor.problems()


# --- folded on a phone ------------------------------------------------------------------------

@pytest.mark.parametrize("path", [AWARDS, PEOPLE])
def test_phone_folds_the_fields_behind_one_button(phone, path):
    filters = open_list(phone, path)
    page = phone.page
    toggle = toggle_of(filters)
    assert toggle.is_visible() and toggle.inner_text().strip() == "Lọc"
    assert toggle.evaluate("b => b.tagName") == "BUTTON" and toggle.get_attribute("type") == "button"
    assert toggle.get_attribute("aria-expanded") == "false"
    body = page.locator("#" + toggle.get_attribute("aria-controls"))
    assert body.count() == 1 and filters.form.locator("#" + toggle.get_attribute("aria-controls")).count() == 1
    selects = filters.form.locator("select")
    assert selects.count() >= 2
    assert not any(s.is_visible() for s in selects.all()), "the fields are folded until 'Lọc' is pressed"
    assert filters.count_text().startswith("Đang hiện tất cả"), "the count is shown folded too"
    layout = page.evaluate(_LAYOUT, filters.list_selector)
    assert layout["scrollY"] == 0
    assert layout["toggle"]["bottom"] <= layout["item"]["top"], layout
    assert layout["item"]["top"] < PHONE["height"], f"the list starts below the first screen: {layout}"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert all(s.is_visible() for s in selects.all()), "pressing 'Lọc' opens the fields"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not selects.first.is_visible()
    no_script_errors(phone)


def test_phone_filters_work_by_keyboard(phone):
    filters = open_list(phone)
    page = phone.page
    toggle = toggle_of(filters)
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    first = filters.form.locator("select").first
    assert first.evaluate("s => s === document.activeElement"), "Tab goes from 'Lọc' to the first field"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false", "Escape folds the fields again"
    assert toggle.evaluate("b => b === document.activeElement"), "…and gives the focus back to 'Lọc'"
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"
    no_script_errors(phone)


def test_phone_shared_link_counts_the_filters_and_stays_folded(phone):
    filters = open_list(phone, AWARDS, "?nam=2023&cap=tinh")
    page = phone.page
    toggle = toggle_of(filters)
    assert toggle.inner_text().strip() == "Lọc (2)"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert filters.values()["nam"] == "2023" and filters.values()["cap"] == "tinh"
    assert chips_of(page) == [
        {"text": "Năm: 2023 ✕", "name": "Bỏ lọc Năm: 2023"},
        {"text": "Cấp khen: Cấp tỉnh ✕", "name": "Bỏ lọc Cấp khen: Cấp tỉnh"},
    ]
    layout = page.evaluate(_LAYOUT, filters.list_selector)
    assert layout["toggle"]["bottom"] <= layout["chips"]["top"] <= layout["item"]["top"], layout
    assert layout["item"]["top"] < PHONE["height"], f"the one row left is below the first screen: {layout}"
    assert query_of(page) == {"nam": "2023", "cap": "tinh"}
    no_script_errors(phone)


# --- chips ------------------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_chip_removes_its_filter_and_its_url_parameter(phone, desktop, viewport):
    visitor = {"phone": phone, "desktop": desktop}[viewport]
    filters = open_list(visitor)
    page = visitor.page
    assert chips_of(page) == [] and not page.locator(".bv-chips").is_visible()
    if viewport == "phone":
        toggle_of(filters).click()
    filters.choose("cap", "tinh")
    assert chips_of(page) == [{"text": "Cấp khen: Cấp tỉnh ✕", "name": "Bỏ lọc Cấp khen: Cấp tỉnh"}]
    filters.choose("nam", "2023")
    assert [c["name"] for c in chips_of(page)] == ["Bỏ lọc Năm: 2023", "Bỏ lọc Cấp khen: Cấp tỉnh"]
    assert query_of(page) == {"nam": "2023", "cap": "tinh"}
    assert filters.count_text() == "Đang hiện 1 trên 6 khen thưởng."
    if viewport == "phone":
        toggle_of(filters).click()  # folded again: the chips stay
        assert toggle_of(filters).inner_text().strip() == "Lọc (2)"

    page.get_by_role("button", name="Bỏ lọc Cấp khen: Cấp tỉnh").click()
    assert query_of(page) == {"nam": "2023"}, "the chip's parameter leaves the URL"
    assert filters.values()["cap"] == "" and filters.values()["nam"] == "2023"
    assert [c["text"] for c in chips_of(page)] == ["Năm: 2023 ✕"]
    assert filters.count_text() == "Đang hiện 1 trên 6 khen thưởng."
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Bỏ lọc Năm: 2023", \
        "the focus moves to the chip that is left"

    page.get_by_role("button", name="Bỏ lọc Năm: 2023").click()
    assert urlsplit(page.url).query == ""
    assert chips_of(page) == [] and not page.locator(".bv-chips").is_visible()
    assert filters.count_text() == "Đang hiện tất cả 6 khen thưởng."
    assert all(item["shown"] for item in filters.state()["items"])
    focused = page.evaluate("() => document.activeElement.closest('form[data-bv-filters]') !== null")
    assert focused, "with no chip left the focus goes back to the filters"
    if viewport == "phone":
        assert toggle_of(filters).inner_text().strip() == "Lọc"
    no_script_errors(visitor)


def test_chips_name_the_option_without_its_count(second_phone):
    # A facet whose option text is long, and a span of years: the chip says what the option says.
    filters = open_list(second_phone, AWARDS, "?nam=2022-2024&phong-trao=chung-suc-xay-dung-nong-thon-moi")
    options = {key: filters.options(key)[value] for key, value in
               (("nam", "2022-2024"), ("phong-trao", "chung-suc-xay-dung-nong-thon-moi"))}
    chips = [c["text"] for c in chips_of(second_phone.page)]
    assert chips == [f"Năm: {options['nam'].rsplit(' (', 1)[0]} ✕",
                     f"Phong trào: {options['phong-trao'].rsplit(' (', 1)[0]} ✕"], (chips, options)
    assert all("(" not in chip for chip in chips), chips
    no_script_errors(second_phone)


def test_reset_removes_every_chip(desktop):
    filters = open_list(desktop, AWARDS, "?nam=2023&cap=tinh")
    page = desktop.page
    assert len(chips_of(page)) == 2
    filters.reset()
    page.locator(".bv-chips").wait_for(state="hidden")
    assert chips_of(page) == [] and urlsplit(page.url).query == ""
    no_script_errors(desktop)


# --- wide screens -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", [AWARDS, PEOPLE])
def test_wide_screen_shows_the_fields_open(desktop, path):
    filters = open_list(desktop, path)
    assert not toggle_of(filters).is_visible(), "no 'Lọc' button on a wide screen"
    selects = filters.form.locator("select")
    assert selects.count() >= 2 and all(s.is_visible() for s in selects.all())
    assert filters.form.locator(".bv-filters__title").inner_text().strip() == "Lọc danh sách"
    assert not filters.form.get_by_role("button", name="Bỏ lọc").is_visible(), "nothing to undo yet"
    no_script_errors(desktop)


def test_without_javascript_there_is_no_button_and_no_chip(browser, bundled_site):
    visitor = Visitor(browser, bundled_site, PHONE, java_script_enabled=False)
    try:
        page = visitor.visit(AWARDS + "?nam=2023", wait_until="load")
        assert not page.locator("[data-bv-filters-toggle]").is_visible()
        assert page.locator(".bv-chips").count() == 0
        first = page.locator("#danh-sach-khen-thuong [data-bv-item]").first
        assert first.is_visible() and first.bounding_box()["y"] < PHONE["height"]
    finally:
        visitor.close()
