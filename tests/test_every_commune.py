"""Every commune as it really is: merged former units, its own words, reports with gaps, awards
handed over apart from their decision, and every error in one run."""

from __future__ import annotations

from datetime import date

import pytest

from bangvang.load import load
from bangvang.model import load_model
from bangvang.public import load_view

import indexkit
from datatree import TODAY_ISO, write_tree
from sitebuild import FIXTURE_DATA, build_site, visible_text


@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    build = build_site(FIXTURE_DATA, tmp_path_factory.mktemp("commune") / "site")
    assert build.returncode == 0, build.output
    return build


def _search_locations(site, word: str) -> set[str]:
    """Pages the built search index finds for one word."""
    return {location.split("#")[0] for location in indexkit.locations_with(site, word)}


# --- former units ---------------------------------------------------------------------------------

def test_a_record_names_its_former_unit_with_a_link_to_the_history(commune):
    page = commune.page("tap-the/thon-3/")
    assert 'Thuộc <a href="../../lich-su/#xa-an-phu">xã An Phú (cũ)</a>' in page
    history = visible_text(commune.page("lich-su/"))
    assert "xã An Phú (cũ)" in history and "xã Ea Phú" in history and "Thôn 3" in history
    about = visible_text(commune.page("gioi-thieu/"))
    assert "01/07/2025 · Sáp nhập" in about and "Sáp nhập toàn bộ diện tích tự nhiên" in about


def test_search_finds_a_former_name(commune):
    assert "lich-su/" in _search_locations(commune.site, "Ea")


def test_a_unit_without_former_units_has_no_history_page(tmp_path):
    build = build_site(write_tree(tmp_path), tmp_path / "site")
    assert build.returncode == 0, build.output
    assert not (build.site / "lich-su").exists()


# --- the unit's own words ---------------------------------------------------------------------------

def test_the_units_own_words_label_its_neighbourhoods(commune):
    assert "<dt>Thôn, buôn</dt>" in commune.page("ca-nhan/tran-van-duc/")
    privacy = visible_text(commune.page("gioi-thieu/du-lieu-ca-nhan/"))
    assert "đơn vị hoặc thôn, buôn" in privacy and "tổ dân phố" not in privacy


# --- reports as they are ------------------------------------------------------------------------------

COUNCIL = """\
- id: hoi-dong-thi-dua
  ten: Hội đồng Thi đua - Khen thưởng phường
  cap: xa
"""
STORED_COPY = """\
---
id: 12-bc-hdtdkt-2023
loai: bao_cao
so_ky_hieu: 12/BC-HĐTĐKT
ngay: 2023
ngay_in: ngày    tháng    năm 2023
co_quan_ban_hanh: hoi-dong-thi-dua
trich_yeu: Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023
---
## I. Kết quả

Bản lưu không có khối chữ ký và nơi nhận.
"""


def test_a_report_without_signature_or_recipients_shows_neither(tmp_path):
    from datatree import BASE_FILES

    data = write_tree(tmp_path, {"co-quan.yml": BASE_FILES["co-quan.yml"] + "\n" + COUNCIL,
                                 "bao-cao/12-bc-hdtdkt-2023.md": STORED_COPY})
    build = build_site(data, tmp_path / "site")
    assert build.returncode == 0, build.output
    html = build.page("bao-cao/12-bc-hdtdkt-2023/")
    assert "Nơi nhận" not in html and 'class="bv-signature' not in html and "bv-footer" not in html
    # The day and month left blank for handwriting stay blank: never an invented 01/01.
    assert 'ngày <span class="bv-handwritten"' in html and "năm 2023" in html and "01/01" not in html
    assert "Hội đồng Thi đua - Khen thưởng phường" in visible_text(build.page("van-ban/12-bc-hdtdkt-2023/"))
    assert "Thông tin về báo cáo" not in html  # nothing more to say: no empty section


# --- handing over -------------------------------------------------------------------------------------

def test_an_award_handed_over_apart_from_its_decision(tmp_path):
    award = ("- id: giay-khen-an-2023\n  doi_tuong: nguyen-van-an\n  hinh_thuc: giay_khen\n  co_quan_khen: ubnd-phuong\n"
             "  nam: 2023\n  quyet_dinh: 62-kh-ubnd-2021\n  trang_thai: da_tang\n"
             "  ngay_trao: 20/01/2024\n  nguoi_trao_in: Chủ tịch UBND phường\n")
    build = build_site(write_tree(tmp_path, {"khen-thuong/2023.yml": award}), tmp_path / "site")
    assert build.returncode == 0, build.output
    text = visible_text(build.page("ca-nhan/nguyen-van-an/"))
    assert "Trao ngày 20/01/2024, Chủ tịch UBND phường" in text


# --- every error in one run ---------------------------------------------------------------------------

AWARDS_WITH_TWO_PROBLEMS = """\
- id: a
  doi_tuong: khong-co-ai
  hinh_thuc: giay_khen
  trang_thai: da_tang
  nmae: x
- id: b
  doi_tuong: nguyen-van-an
  hinh_thuc: giay_khen
  danh_hieu: lao_dong_tien_tien
  trang_thai: da_tang
  nam: 23
"""


def _codes(tmp_path, changes) -> list[tuple[str, int]]:
    _, issues = load_model(write_tree(tmp_path, changes), today=date(*TODAY_ISO))
    return sorted((issue.code, issue.position.line) for issue in issues.errors)


def test_a_typo_does_not_hide_a_missing_reference_or_a_rule(tmp_path):
    found = _codes(tmp_path, {"khen-thuong/2023.yml": AWARDS_WITH_TWO_PROBLEMS})
    # Record a: the unknown key and the missing recipient; record b: the bad year and both a title and a form.
    assert ("truong-khong-ro", 5) in found and ("ma-khong-ton-tai", 2) in found
    assert ("nam-khong-hop-le", 11) in found and ("vua-danh-hieu-vua-hinh-thuc", 8) in found


def test_the_count_of_errors_does_not_depend_on_what_is_fixed_first(tmp_path):
    everything = _codes(tmp_path / "all", {"khen-thuong/2023.yml": AWARDS_WITH_TWO_PROBLEMS})
    typo_fixed = _codes(tmp_path / "typo", {"khen-thuong/2023.yml": AWARDS_WITH_TWO_PROBLEMS.replace("  nmae: x\n", "")})
    assert len(typo_fixed) == len(everything) - 1


def test_a_record_that_failed_is_never_published(tmp_path):
    data, issues = load(write_tree(tmp_path, {"khen-thuong/2023.yml": AWARDS_WITH_TWO_PROBLEMS}),
                        today=date(*TODAY_ISO))
    assert {r.id for r in data.partial} == {"a", "b"} and "a" not in {r.id for r in data.of("khen_thuong")}
    view, _ = load_view(tmp_path / "data", today=date(*TODAY_ISO))
    assert view is None
