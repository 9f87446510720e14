"""Personal data in any of its Vietnamese forms is refused wherever an officer writes it: in a value, an
id, a web address, a comment or a file name; the forms are data (personal_data.yml), tried on their
own examples; and the repository's own text holds none."""

from __future__ import annotations

import subprocess
from collections import Counter
from datetime import date

import pytest

from bangvang.load import load
from bangvang.personal_data import FORMS, find_personal_data
from bangvang.validate import validate

from datatree import BASE_FILES, write_tree
from sitebuild import REPO

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("form", FORMS, ids=[f.id for f in FORMS])
def test_each_form_finds_its_examples_and_only_them(form):
    assert form.matches and form.misses
    missed = [text for text in form.matches if form not in {f for _, _, f in find_personal_data(text)}]
    false = {text: [text[a:b] for a, b, _ in find_personal_data(text)] for text in form.misses}
    assert missed == [] and {t: hits for t, hits in false.items() if hits} == {}


def test_a_public_contact_field_may_hold_an_office_phone_and_e_mail():
    text = "Văn phòng: 0255 3822 123, vanphong@xa.gov.vn, 0912 345 678"
    assert {f.id for _, _, f in find_personal_data(text)} == {"co-dinh", "thu-dien-tu", "di-dong"}
    assert find_personal_data(text, contact=True) == []


HOSTILE = {
    "doi-tuong/doi-tuong.yml": BASE_FILES["doi-tuong/doi-tuong.yml"] + """\
# Anh Bình nhờ gọi 0912 345 678 nếu cần.
- id: tran-van-binh-0790-8512-3456
  loai: ca_nhan
  ho: Trần
  ten_dem: Văn
  ten: Bình
  ghi_chu: "Nhà riêng (0255) 3822123"
- id: le-van-cuong
  loai: ca_nhan
  ho: Lê
  ten_dem: Văn
  ten: Cường
  mo_ta: Ông Cường, SN 1962, thư levancuong [at] gmail [dot] com.
- id: pham-thi-dao
  loai: ca_nhan
  ho: Phạm
  ten_dem: Thị
  ten: Đào
  chuc_vu: Tổ trưởng, ĐT ０９１２３４５６７８
- id: vo-thi-em
  loai: ca_nhan
  ho: Võ
  ten_dem: Thị
  ten: Em
  ghi_chu: |
    Được khen nhiều năm.
    Năm sinh: 1970.
""",
    "bai-viet/2024.yml": """\
- id: bao-tin-2024
  loai: bao
  tieu_de: Gương sáng ở tổ dân phố
  noi_dang: Báo Tin
  ngay: 12/03/2024
  lien_ket: https://zalo.me/84912345678
""",
    "doi-tuong/0987654321.yml": "- id: thon-9\n  loai: tap_the\n  ten: Thôn 9\n",
}


def test_the_checker_refuses_personal_data_in_values_ids_addresses_comments_and_file_names(tmp_path):
    data, issues = load(write_tree(tmp_path, HOSTILE), TODAY)
    validate(data, issues)
    found = Counter((i.position.path, i.position.line) for i in issues.errors if i.code == "du-lieu-ca-nhan")
    people = "data/doi-tuong/doi-tuong.yml"
    assert found == Counter({
        (people, 9): 1,                       # the comment (its line; the record below starts at 10)
        (people, 10): 1,                      # an identity number inside an id, grouped 4-4-4
        (people, 15): 1,                      # a landline in brackets
        (people, 21): 1,                      # "SN 1962" (the e-mail in the same value is the second hit)
        (people, 27): 1,                      # full-width digits
        (people, 35): 1,                      # a birth year on the second line of a note
        ("data/bai-viet/2024.yml", 6): 1,     # 84 without a plus, in a Zalo address
        ("data/doi-tuong/0987654321.yml", 1): 1,  # a file name: published by every edit link
    }), issues.report()
    comment = next(i for i in issues.errors if i.position.line == 9)
    assert comment.position.column == 20 and "ghi chú (#)" in comment.message
    assert "tên tệp" in next(i for i in issues.errors if "0987654321" in i.position.path).message


def _tracked(*folders: str) -> list:
    listed = subprocess.run(["git", "ls-files", "-z", *folders], cwd=REPO, capture_output=True, text=True, check=True)
    return [REPO / name for name in listed.stdout.split("\0") if name]


def test_the_repository_s_own_text_holds_no_personal_data():
    """Data trees (values, comments, file names), documentation, templates and forms: all public."""
    files = [p for p in _tracked("data", "docs", "overrides", "tests/fixtures", ".github", "README.md",
                                 "CONTRIBUTING.md", "src/bangvang/guide", "src/bangvang/templates") if p.is_file()]
    assert len(files) > 50
    hits = []
    for path in files:
        rel = path.relative_to(REPO).as_posix()
        hits += [(rel, "tên tệp") for _ in find_personal_data(rel)]
        if path.suffix in (".yml", ".md", ".html", ".txt", ".csv", ".json", ".js", ".css"):
            text = path.read_text(encoding="utf-8")
            hits += [(rel, text[a:b]) for a, b, _ in find_personal_data(text)]
    assert hits == []
