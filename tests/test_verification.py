"""Verification codes and the data the verification page looks them up in (/xac-minh/).

A code is made from who was honored, with what, by which decision (and the record's id): it must
not move with anything else, must move with any of those, must read back from what people type, and
every published award and model must be found in the site's shards, linked to pages that exist. An
honor of a person who withdrew is found as "withdrawn" and nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bangvang import verify_index, verifycode
from bangvang.public import load_view

from datatree import BASE_FILES, write_tree
from sitebuild import FIXTURE_DATA, REPO, build_site
import validationkit

AWARD = BASE_FILES["khen-thuong/2023.yml"]


def view_of(tmp_path: Path, changes: dict | None = None):
    view, issues = validationkit.load(tmp_path, changes)
    assert view is not None, issues.report()
    return view


def code_of(tmp_path: Path, award_yaml: str) -> str:
    return view_of(tmp_path, {"khen-thuong/2023.yml": award_yaml}).codes["giay-khen-an-2023"]


def test_a_code_is_ten_symbols_of_crockford_base32_shown_in_two_groups():
    code = verifycode.make("khen_thuong", "giay-khen-an-2023", "nguyen-van-an", "", "giay_khen", "", "")
    assert len(code) == 10 and set(code) <= set(verifycode.ALPHABET)
    assert not set("ILOU") & set(verifycode.ALPHABET)
    assert verifycode.shown(code) == f"{code[:5]}-{code[5:]}"
    assert code == verifycode.make("khen_thuong", "giay-khen-an-2023", "nguyen-van-an", "", "giay_khen", "", "")
    assert code != verifycode.make("khen_thuong", "giay-khen-an-2023", "nguyen-van-an", "", "bang_khen", "", "")


@pytest.mark.parametrize("typed, read", [
    ("k7qx3-mpa9t", "K7QX3MPA9T"), (" K7QX3 MPA9T ", "K7QX3MPA9T"), ("K7QX3.MPA9T", "K7QX3MPA9T"),
    ("KOQX3-MPA9T", "K0QX3MPA9T"), ("K7QXI-MPALT", "K7QX1MPA1T"), ("K7QX3–MPA9T", "K7QX3MPA9T"),
    ("K7QX3-MPA9", None), ("K7QX3-MPA9TT", None), ("K7QX3-MPA9U", None), ("", None), ("https://x/#K7", None)])
def test_a_typed_code_is_read_as_crockford_says(typed, read):
    assert verifycode.normalize(typed) == read


def test_the_code_stays_when_nothing_about_the_honor_changes(tmp_path):
    before = code_of(tmp_path / "a", AWARD)
    edited = AWARD.replace("  nam: 2023\n", "  nam: 2022\n  ghi_chu: Sửa lại năm theo bản gốc.\n"
                                            "  ly_do: Hoàn thành xuất sắc nhiệm vụ\n  chuc_danh_khen: Chủ tịch\n")
    assert edited != AWARD
    assert code_of(tmp_path / "b", edited) == before


@pytest.mark.parametrize("change", [
    ("hinh_thuc: giay_khen", "hinh_thuc: bang_khen"),           # with what
    ("doi_tuong: nguyen-van-an", "doi_tuong: to-dan-pho-2"),     # who
    ("  nam: 2023\n", "  nam: 2023\n  quyet_dinh: 62-kh-ubnd-2021\n"),  # by which decision
])
def test_the_code_changes_with_who_what_or_the_decision(tmp_path, change):
    assert code_of(tmp_path / "a", AWARD) != code_of(tmp_path / "b", AWARD.replace(*change))


@pytest.fixture(scope="module")
def second(second_build):
    view, _ = load_view(FIXTURE_DATA)
    return view, second_build.site


def lookup(site: Path, code: str):
    page = (site / "xac-minh" / "index.html").read_text(encoding="utf-8")
    prefix = int(re.search(r'data-bv-prefix="(\d)"', page).group(1))
    shard = json.loads((site / verify_index.FOLDER / f"{code[:prefix]}.json").read_text(encoding="utf-8"))
    return shard.get(code[prefix:])


def test_every_award_and_model_of_the_second_commune_is_found_and_links_pages_that_exist(second):
    view, site = second
    table = json.loads((site / verify_index.TABLE_FILE).read_text(encoding="utf-8"))
    awards, models = view.of("khen_thuong"), view.of("dien_hinh")
    assert len(awards) > 10 and models
    for record in awards + models:
        entries = lookup(site, view.codes[record.id])
        assert entries, f"{record.id}: code {view.codes[record.id]} not found"
        for entry in entries:
            if entry == verify_index.WITHDRAWN:
                continue
            page, _, anchor = entry[6].partition("#")
            assert (site / page / "index.html").is_file(), entry[6]
            assert not anchor or f'id="{anchor}"' in (site / page / "index.html").read_text(encoding="utf-8")
            assert table["status"][entry[2]][0] in ("de_nghi", "da_tang", "thu_hoi", "dien_hinh")
            if entry[4] >= 0:
                assert (site / table["decision"][entry[4]][2] / "index.html").is_file()


def test_a_persons_rows_carry_their_codes_for_the_qr_on_paper(second):
    view, site = second
    html = (site / "ca-nhan" / "nguyen-thi-mai-huong" / "index.html").read_text(encoding="utf-8")
    codes = re.search(r'<table class="bv-awards bv-awards--own[^"]*" data-bv-codes="([^"]+)"', html).group(1).split()
    own = [a for a in view.of("khen_thuong") if a.recipient and a.recipient.id == "nguyen-thi-mai-huong"]
    assert sorted(codes) == sorted(view.codes[a.id] for a in own)


WITHDREW = """\
- id: tran-van-khoa
  loai: ca_nhan
  ho: Trần
  ten_dem: Văn
  ten: Khoa
  hien_thi: an
"""
KHOA_AWARD = """\
- id: giay-khen-tran-van-khoa-2023
  doi_tuong: tran-van-khoa
  hinh_thuc: giay_khen
  co_quan_khen: ubnd-phuong
  nam: 2023
  trang_thai: da_tang
"""


def test_a_withdrawn_persons_award_keeps_its_code_and_is_found_only_as_withdrawn(tmp_path):
    people = BASE_FILES["doi-tuong/doi-tuong.yml"] + WITHDREW
    shown = {"doi-tuong/doi-tuong.yml": people.replace("  hien_thi: an\n", ""), "khen-thuong/2023.yml": AWARD + KHOA_AWARD}
    before = view_of(tmp_path / "shown", shown).codes["giay-khen-tran-van-khoa-2023"]
    data = write_tree(tmp_path / "hidden", shown | {"doi-tuong/doi-tuong.yml": people})
    site = build_site(data, tmp_path / "hidden" / "site").site
    assert lookup(site, before) == [verify_index.WITHDRAWN]
    for path in (site / "xac-minh").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "Khoa" not in text and "tran-van-khoa" not in text, path


def test_the_browser_reads_codes_and_finds_the_page_as_python_does():
    script = (REPO / "docs" / "assets" / "javascripts" / "bv-verify.js").read_text(encoding="utf-8")
    assert f'var ALPHABET = "{verifycode.ALPHABET}";' in script
    assert f"var LENGTH = {verifycode.LENGTH};" in script
    assert f'var VERIFY_PAGE = "{verify_index.PAGE}";' in script


@pytest.mark.parametrize("count, length", [(0, 1), (6, 1), (12_800, 1), (12_801, 2), (100_000, 2)])
def test_shards_stay_small_at_every_size(count, length):
    assert verify_index.prefix_length(count) == length
    assert count / len(verifycode.ALPHABET) ** length <= verify_index.PER_SHARD
