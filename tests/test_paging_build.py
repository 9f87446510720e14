"""Paging in a real `mkdocs build --strict` of a synthetic commune at the real PAGE_SIZE.

The commune (3,000 recipients, 5,000 awards, benchmarks/synth.py) is well above PAGE_SIZE everywhere:
no HTML page over PAGE_LIMIT, everything reachable by links from the home page (the checks of
pagingkit.py), the extra pages out of the navigation and of the search index, the pager's markup as
built. The paging rules and in-process sites at tiny page sizes are in test_paging.py.
"""

from __future__ import annotations

import re
import sys

import pytest

from bangvang.public import load_view
from bangvang.pages import Site

from pagingkit import check_split_site, crawl
from sitebuild import REPO, build_site

sys.path.insert(0, str(REPO / "benchmarks"))
import synth  # noqa: E402

# No HTML page of the generated commune may weigh more (theme included). A full page of 300 award rows
# with their filter values is ~330 KB; the old single list of 5,000 awards was 5 MB.
PAGE_LIMIT = 400 * 1024


# --- a real build at the real page size ------------------------------------------------------------

@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    """A generated commune well above PAGE_SIZE everywhere: 12 years of ~420 awards, 8 movements of
    ~600, 2,250 people (letters H and T over 300), 540 collectives."""
    out = tmp_path_factory.mktemp("synth-commune")
    synth.generate(out, recipients=3000, awards=5000, movements=8, reports=3, models=12)
    build = build_site(out / "data", out / "site", {"BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/"})
    assert build.returncode == 0, build.output[-5000:]
    board, _ = load_view(out / "data")
    return board, Site(board), build.site


def test_no_page_over_the_limit(commune):
    _, _, site = commune
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    largest = max(sizes, key=sizes.get)
    print(f"{len(sizes)} HTML pages, largest {largest} {sizes[largest] / 1024:.0f} KB")
    over = {k: v for k, v in sizes.items() if v > PAGE_LIMIT}
    assert not over, over


def test_everything_reachable_from_the_home_page(commune):
    board, spec_site, site = commune
    pages = crawl(site, [""])  # only links: the theme's tabs are in every built page
    check_split_site(board, spec_site, pages)
    urls = set(pages)
    for url in ("khen-thuong/2020/trang-2/", "doi-tuong/ca-nhan/t/trang-2/", "doi-tuong/tap-the/t/",
                "doi-tuong/ho-gia-dinh/", "phong-trao/phong-trao-001/trang-3/"):
        assert url in urls, url


def test_extra_pages_stay_out_of_navigation_and_search(commune):
    _, _, site = commune
    home = (site / "index.html").read_text(encoding="utf-8")
    chrome = home[: home.find('<article class="md-content__inner')]
    assert 'href="khen-thuong/"' in chrome
    assert not re.search(r'href="(khen-thuong|doi-tuong|van-ban)/[^"#]+/"', chrome)
    index = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in (site / "search").rglob("*")
                      if p.is_file())
    assert "khen-thuong/" in index or "phong-trao/" in index  # the index holds addresses in plain text
    assert not re.search(r"khen-thuong/\d{4}|doi-tuong/(ca-nhan|tap-the|ho-gia-dinh)/|/trang-\d", index)


def test_real_pager_markup(commune):
    _, _, site = commune
    html = (site / "khen-thuong/2020/trang-2/index.html").read_text(encoding="utf-8")
    assert "<title>Khen thưởng năm 2020 (trang 2/2) - " in html
    assert '<nav class="bv-pager" aria-label="Các trang của năm 2020">' in html
    assert '<nav class="bv-pager" aria-label="Các trang của năm 2020, cuối danh sách">' in html
    assert '<a href="../" rel="prev"><span aria-hidden="true">←</span> Trang trước</a>' in html
    assert '<a href="./" aria-current="page" aria-label="Trang 2">2</a>' in html
    assert '<nav class="bv-sections" aria-label="Các năm">' in html
