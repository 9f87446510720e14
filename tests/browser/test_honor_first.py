"""Praise first, as a resident on a cheap phone sees it (360×740, real headless Chromium).

The first screen of the home page names an honor (a title or form of the law's vocabulary); a
record page opens with the way back to its list and the honor before the paperwork; the sources
are folded away until asked for.
"""

from __future__ import annotations

import pytest

from bangvang import vocab

from browserkit import PHONE
from residents_kit import Visitor

HONORS = sorted({term.label for term in (*vocab.TITLES.values(), *vocab.FORMS.values())}, key=len, reverse=True)

# The top of the first element, in reading order, whose own text names an honor (null: none).
_FIRST_HONOR = r"""
labels => {
  const article = document.querySelector('article');
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!labels.some(label => node.textContent.includes(label))) continue;
    const box = node.parentElement.getBoundingClientRect();
    if (box.height) return box.top + window.scrollY;
  }
  return null;
}
"""


@pytest.fixture(scope="module", params=["bundled", "second"])
def phone(request, browser):
    served = request.getfixturevalue("bundled_site" if request.param == "bundled" else "second_site")
    visitor = Visitor(browser, served, PHONE)
    yield visitor
    visitor.close()


def test_an_honor_is_on_the_first_phone_screen_of_the_home_page(phone):
    page = phone.visit("")
    top = page.evaluate(_FIRST_HONOR, HONORS)
    assert top is not None and top + 24 <= PHONE["height"], top


def test_a_record_page_opens_with_the_way_back_and_the_honor(browser, second_site):
    visitor = Visitor(browser, second_site, PHONE)
    try:
        page = visitor.visit("dien-hinh/pham-thi-thanh-tam/")
        crumb = page.locator("nav.bv-breadcrumb a").nth(1)
        assert crumb.inner_text() == "Điển hình tiên tiến" and crumb.bounding_box()["y"] < PHONE["height"]
        heading = page.locator("article h1")
        assert "Phạm Thị Thanh Tâm" in heading.inner_text() and heading.bounding_box()["y"] < PHONE["height"] / 2
        sources = page.locator("details.bv-provenance").first
        assert not sources.evaluate("d => d.open")          # folded: provenance on demand
        sources.locator("summary").click()
        assert sources.evaluate("d => d.open") and "Báo Đắk Lắk" in sources.inner_text()
    finally:
        visitor.close()
