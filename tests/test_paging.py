"""Long lists are cut into pages of bounded size (src/bangvang/paging.py); small sites keep their pages.

Two layers here (a third, a real `mkdocs build --strict` at the real PAGE_SIZE, is test_paging_build.py):

* the paging rules alone (page numbers shown, first letters, URLs);
* sites rendered in-process with a tiny page size — the second commune at 2 rows a page, a synthetic
  ward at 10 — written out as files and crawled from the home page and the navigation tabs: every
  page, every award row, recipient and document is reached, each list holds each row exactly once,
  the pager is right on every page (the checks are in pagingkit.py).

The bundled ward and the second commune are far below PAGE_SIZE: their pages are unchanged
(tests/test_golden_pages.py holds the rendered pages; here, that no page was added or split).
"""

from __future__ import annotations

import re
import sys

import pytest

from bangvang import paging
from bangvang.public import load_view
from bangvang.pages import Site

from pagingkit import TODAY, check_split_site, crawl, render_site, start_urls
from sitebuild import FIXTURE_DATA, REPO, SEED_DATA

sys.path.insert(0, str(REPO / "benchmarks"))
import synth  # noqa: E402


# --- the rules alone -----------------------------------------------------------------------------

def test_page_size_is_one_constant_in_the_asked_range():
    assert 300 <= paging.PAGE_SIZE <= 500


@pytest.mark.parametrize("number, count, expected", [
    (1, 1, [1]),
    (3, 9, list(range(1, 10))),
    (1, 14, [1, 2, 3, None, 14]),
    (2, 14, [1, 2, 3, 4, None, 14]),
    (5, 14, [1, 2, 3, 4, 5, 6, 7, None, 14]),   # a gap of one page shows the number, not "…"
    (8, 14, [1, None, 6, 7, 8, 9, 10, None, 14]),
    (14, 14, [1, None, 12, 13, 14]),
])
def test_pager_window(number, count, expected):
    page = paging.number_pages("x/", list(range(count)), 1)[number - 1]
    assert page.window() == expected
    shown = [n for n in expected if n]
    assert 1 in shown and count in shown and number in shown


def test_numbered_pages_and_their_urls():
    pages = paging.number_pages("phong-trao/a/", list(range(7)), 3)
    assert [p.url for p in pages] == ["phong-trao/a/", "phong-trao/a/trang-2/", "phong-trao/a/trang-3/"]
    assert [p.rows for p in pages] == [[0, 1, 2], [3, 4, 5], [6]]
    assert [(p.prev, p.next) for p in pages] == [(None, "phong-trao/a/trang-2/"),
                                                 ("phong-trao/a/", "phong-trao/a/trang-3/"),
                                                 ("phong-trao/a/trang-2/", None)]
    assert [p.start for p in pages] == [0, 3, 6]
    assert paging.src_uri("khen-thuong/2023/trang-2/") == "khen-thuong/2023/trang-2.md"


@pytest.mark.parametrize("name, letter, slug", [
    ("An", "a", "a"), ("Ánh", "a", "a"), ("Ân", "â", "aa"), ("Ăn", "ă", "aw"), ("Đức", "đ", "dd"),
    ("Dũng", "d", "d"), ("Ước", "ư", "uw"), ("Ơn", "ơ", "ow"), ("Ốc", "ô", "oo"), ("Ế", "ê", "ee"),
    ("“Hoa” Sen", "h", "h"), ("3 tháng 2", paging.DIGITS, "so"), ("Ωmega", paging.OTHER, "khac"),
])
def test_first_letter_as_vietnamese_alphabetises(name, letter, slug):
    assert paging.initial(name) == letter
    assert paging.letter_slug(letter) == slug
    assert slug.isascii()


# --- the small sites keep their pages -------------------------------------------------------------

@pytest.mark.parametrize("data", [SEED_DATA, FIXTURE_DATA], ids=["bundled", "xa-an-binh"])
def test_small_sites_are_not_split(data):
    board, issues = load_view(data, today=TODAY)
    assert board is not None, issues.report()
    site = Site(board)
    assert site.page_size == paging.PAGE_SIZE and site.listings["khen_thuong"] is None
    urls = {spec.url for spec in site.pages.values()}
    assert not [u for u in urls if "/trang-" in u]
    for folder in ("khen-thuong/", "doi-tuong/"):
        assert [u for u in urls if u.startswith(folder)] == [folder]
    assert not [u for u in urls if re.fullmatch(r"van-ban/(nam-\d{4}|khong-ro-ngay)/", u)]
    for src in ("khen-thuong/index.md", "doi-tuong/index.md", "van-ban/index.md"):
        html, _ = site.render_page(src)
        assert "bv-pager" not in html and "bv-sections" not in html and "trên trang này" not in html


# --- in-process, tiny page sizes ------------------------------------------------------------------

def test_second_commune_at_two_rows_a_page(tmp_path):
    board, issues = load_view(FIXTURE_DATA, today=TODAY)
    assert board is not None, issues.report()
    site = render_site(board, tmp_path, page_size=2)
    pages = crawl(tmp_path, start_urls(site))
    check_split_site(board, site, pages)
    # Awards by year, newest first; a period and an unknown year get ASCII folders too.
    sections = [s.slug for s in site.listings["khen_thuong"].sections]
    assert sections[0] == "2025" and "2024" in sections and "2022-2024" in sections
    assert all(s.isascii() for s in sections)
    # A figure without names (no page of its own) is sent to the numbered page that holds it.
    group = next(a for a in board.of("khen_thuong") if a.group and a.period)
    assert site.routes.of(group) == f"khen-thuong/2022-2024/#{group.id}"
    # The home page's "proposed" figure still lands on the list's index.
    assert "de-nghi" in pages["khen-thuong/"].ids
    # Filters on a page only see that page, and say so.
    html = (tmp_path / "khen-thuong/2024/index.html").read_text(encoding="utf-8")
    assert 'data-bv-noun="khen thưởng trên trang này"' in html
    assert "Bộ lọc chỉ lọc các khen thưởng trên trang này" in html and 'href="../../du-lieu/"' in html
    assert re.search(r'<a href="\./" aria-current="page">2024 <small>\(4\)</small></a>', html)
    second = (tmp_path / "khen-thuong/2024/trang-2/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./" aria-current="true">2024', second), "the year of a later page is current"
    # Pages beyond the first are titled with their number.
    titles = {spec.url: spec.title for spec in site.pages.values()}
    assert titles["khen-thuong/2024/trang-2/"] == "Khen thưởng năm 2024 (trang 2/2)"
    assert titles["van-ban/nam-2024/"] == "Văn bản năm 2024 (trang 1/2)"


@pytest.fixture(scope="module")
def small_synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth-small")
    synth.generate(out, recipients=300, awards=700, movements=4, reports=2, models=9)
    board, issues = load_view(out / "data", today=TODAY)
    assert board is not None, issues.report()
    return board


def test_synthetic_ward_at_ten_rows_a_page(small_synthetic, tmp_path):
    board = small_synthetic
    site = render_site(board, tmp_path, page_size=10)
    pages = crawl(tmp_path, start_urls(site))
    check_split_site(board, site, pages)
    urls = set(pages)
    # Recipients: by type, then first letter (Telex spelling for đ), then numbered pages.
    assert "doi-tuong/ca-nhan/dd/" in urls and "doi-tuong/ca-nhan/h/trang-2/" in urls
    years = [s.label for s in site.listings["khen_thuong"].sections]
    assert years == sorted(years, reverse=True), "newest year first"
    # Movements of ~175 awards: 18 pages, a bounded pager, a summary on the first.
    movement = board.of("phong_trao")[0]
    count = -(-len(board.awards_in_movement[movement.id]) // 10)
    assert count > 9 and f"phong-trao/{movement.id}/trang-{count}/" in urls
    first = (tmp_path / f"phong-trao/{movement.id}/index.html").read_text(encoding="utf-8")
    assert "Theo danh hiệu, hình thức" in first and f"chia thành {count} trang" in first
    assert len(pages[f"phong-trao/{movement.id}/trang-7/"].pagers[0]["links"]) <= 11
    # Rows on pages without a filter form carry no filter values, and on a year's page no year (every
    # row has it, the form offers no choice of year) but the values of the filters it offers.
    year = (tmp_path / "khen-thuong/2020/index.html").read_text("utf-8")
    assert "data-hinh-thuc=" not in first and "data-hinh-thuc=" in year
    assert '<select name="nam">' not in year and "data-nam=" not in year


def test_home_page_shows_the_first_stories_and_links_them_all(small_synthetic, tmp_path):
    board = small_synthetic
    html, _ = Site(board).render_page("index.md")
    stories = html.split('<h2 id="dien-hinh">', 1)[1].split("<h2", 1)[0]
    assert stories.count('class="bv-card bv-card--model"') == 6 < len(board.of("dien_hinh"))
    assert f"Xem tất cả {len(board.of('dien_hinh'))} gương điển hình" in stories and 'href="dien-hinh/"' in stories
    listing, _ = Site(board).render_page("dien-hinh/index.md")
    assert listing.count('class="bv-card bv-card--model"') == len(board.of("dien_hinh")) and "Xem tất cả" not in listing
