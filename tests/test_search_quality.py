"""The metrics and result reading of the search benchmark (benchmarks/search_quality.py) on
hand-made inputs: no browser, no build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import search_engines  # noqa: E402
import search_quality  # noqa: E402
import search_sites  # noqa: E402

REPORT = "bao-cao/31-bc-ubnd-2024/"


def test_fold_drops_every_mark_and_d_bar():
    assert search_quality.fold("Đức Phổ NGÃI Thuỷ") == "duc pho ngai thuy"


@pytest.mark.parametrize("query, line, shown", [
    ("le duy bao", "TM. ỦY BAN NHÂN DÂN — CHỦ TỊCH Lê Duy Bảo", True),
    ("Lê Duy Bảo", "le duy baoo", True),             # a query word may be the start of a word
    ("le duy bao", "Lê Duy", False),                 # every word must be there
    ("duy", "Nguyễn Văn Bảo Duyên", True),
    ("62/KH-UBND", "Kế hoạch số 62/KH-UBND", True),
    ("uy ban", "ủy ban", True),
    ("ban", "Tuyen", False),                         # the start of a word, not any part of one
])
def test_visible(query, line, shown):
    assert search_quality.visible(query, line) is shown


def test_rank_is_the_first_expected_page_within_ten():
    paths = ["", "bao-cao/", REPORT, "van-ban/31-bc-ubnd-2024/"]
    assert search_quality.first_rank(paths, [REPORT]) == 3
    assert search_quality.first_rank(paths, ["van-ban/31-bc-ubnd-2024/", REPORT]) == 3
    assert search_quality.first_rank([f"p{i}/" for i in range(10)] + [REPORT], [REPORT]) == 0
    assert search_quality.first_rank([], [REPORT]) == 0


def test_judge_and_summarize():
    query = {"q": "le duy bao", "expect": [REPORT]}
    hit = search_quality.judge(query, [{"path": REPORT, "line": "Báo cáo … Lê Duy Bảo"}])
    assert hit == {"rank": 1, "top3": [REPORT], "line": "Báo cáo … Lê Duy Bảo", "visible": True}
    hidden = search_quality.judge(query, [{"path": "", "line": "Trang chủ"}, {"path": REPORT, "line": "Báo cáo"}])
    assert hidden["rank"] == 2 and not hidden["visible"]
    far = search_quality.judge(query, [{"path": f"p{i}/", "line": ""} for i in range(5)]
                               + [{"path": REPORT, "line": "Lê Duy Bảo"}])
    assert far["rank"] == 6 and not far["visible"], "visible only within the first 5"
    none = {"rank": 0, "visible": False, "error": "no answer"}
    m = search_quality.summarize([hit, hidden, far, none])
    assert m["n"] == 4 and m["answered"] == 3
    assert m["mrr"] == pytest.approx((1 + 1 / 2 + 1 / 6 + 0) / 4)
    assert (m["s1"], m["s5"], m["visible5"]) == (0.25, 0.5, 0.25)
    assert search_quality.summarize([]) is None


def test_paths_are_site_relative_directory_urls():
    prefix = "/ward-ours/"
    assert search_engines.site_path("ca-nhan/abc/#khen-thuong", prefix) == "ca-nhan/abc/"
    assert search_engines.site_path("http://127.0.0.1:8000/ward-ours/ca-nhan/abc/", prefix) == "ca-nhan/abc/"
    assert search_engines.site_path("/ward-ours/", prefix) == ""
    assert search_engines.site_path("/ward-ours/van-ban/index.html", prefix) == "van-ban/"
    assert search_quality.normalise_path("/ca-nhan/abc") == "ca-nhan/abc/"
    assert search_quality.normalise_path("du-lieu/bang-vang.csv") == "du-lieu/bang-vang.csv"
    assert search_sites.page_url("a/b/index.html") == "a/b/" and search_sites.page_url("index.html") == ""


def test_a_group_reads_as_materials_result_list_shows_it():
    group = [{"location": REPORT, "title": "Báo cáo số 31", "text": "Đầu trang", "score": 5},
             {"location": REPORT + "#ky", "title": "Ký", "text": "<mark>Lê</mark> Duy Bảo", "score": 5},
             {"location": REPORT + "#iii", "title": "III", "text": "giải pháp", "score": 1}]
    shown = search_engines.material_group(group, "/ward-ours/")
    # the page's text gives way to the section scoring as high; the low one is folded away
    assert shown == {"path": REPORT, "line": "Báo cáo số 31 Ký Lê Duy Bảo"}
    alone = search_engines.material_group([group[0], group[2]], "/ward-ours/")
    assert alone["line"] == "Báo cáo số 31 Đầu trang"
    assert search_engines.plain("<p>Qu<mark>ảng</mark> Ngãi</p><p>x &amp; y</p>") == "Quảng Ngãi x & y"


def test_stock_index_reads_materials_article_only():
    page = ('<html><title>Báo cáo - Bảng vàng</title><nav>menu</nav><article class="md-content__inner md-typeset">'
            '<h1>Báo cáo</h1><article class="bv-report"><p>Lê Duy Bảo</p></article><p>cuối</p></article>'
            '<footer>chân trang</footer></html>')
    inner = '<h1>Báo cáo</h1><article class="bv-report"><p>Lê Duy Bảo</p></article><p>cuối</p>'
    assert search_sites.article_html(page) == inner
    assert search_sites.article_html("<html></html>") is None
    assert search_sites.searchable("ca-nhan/abc/index.html", None)
    assert not search_sites.searchable("404.html", None)
    assert search_sites.searchable("index.html", {"", "ca-nhan/abc/"})
    assert not search_sites.searchable("huong-dan/loi/index.html", {"", "ca-nhan/abc/"})
