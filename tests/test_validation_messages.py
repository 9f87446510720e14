"""What an issue tells the officer: contradictions, hints, both places of a duplicate, all issues at once.

Same method as test_validation_table.py: the minimal valid tree of `datatree.py`
with one change, loaded with `bangvang.public.load_view` (helpers in validationkit.py).
"""

from __future__ import annotations

import pytest

from validationkit import DT, KT, PT, VB, doc, find, load, person_file, places


# ---------------------------------------------------------------------------
# Contradictions: an error, unless kept as printed (then a flag on the page)

CONTRADICTIONS = [
    pytest.param("kh-5-2019", (
        "- id: kh-5-2019\n  loai: ke_hoach\n  so_ky_hieu: 5/KH-UBND\n  ngay: 15/03/2019\n"
        "  co_quan_ban_hanh: ubnd-phuong\n"), VB, 4, 9, "Ủy ban nhân dân phường Phổ Minh",
        id="dated-before-issuer-existed"),
    pytest.param("kh-7-2018", (
        "- id: kh-7-2018\n  loai: ke_hoach\n  so_ky_hieu: 7/KH-UBND\n  ngay: 10/05/2018\n"
        "  co_quan_ban_hanh: ubnd-tinh\n  trich_yeu: Khen thưởng nhân dân phường Phổ Minh\n"), VB, 4, 9,
        "phường Phổ Minh", id="unit-name-before-it-existed"),
    pytest.param("kh-9-2019", (
        "- id: kh-9-2019\n  loai: ke_hoach\n  so_ky_hieu: 9/KH-UBND\n  ngay: 15/06/2019\n"
        "  co_quan_ban_hanh: ubnd-tinh\n  trich_yeu: Phòng, chống dịch Covid-19\n"), VB, 4, 9, "Covid-19",
        id="covid-in-2019"),
    pytest.param("giay-khen-2019", (
        "- id: giay-khen-2019\n  doi_tuong: nguyen-van-an\n  hinh_thuc: giay_khen\n"
        "  co_quan_khen: ubnd-phuong\n  nam: 2019\n  trang_thai: da_tang\n"), KT, 5, 8,
        "Ủy ban nhân dân phường Phổ Minh", id="award-before-authority-existed"),
]


@pytest.mark.parametrize("record_id, text, path, line, column, mentioned", CONTRADICTIONS)
def test_contradiction_is_an_error(tmp_path, record_id, text, path, line, column, mentioned):
    board, issues = load(tmp_path, {path[len("data/"):]: text})
    assert ("mau-thuan", path, line, column) in places(issues), issues.report()
    assert board is None
    issue = find(issues, "mau-thuan", path)
    assert mentioned in issue.message
    assert "giu_nguyen_ban_in" in issue.hint


@pytest.mark.parametrize("record_id, text, path, line, column, mentioned", CONTRADICTIONS)
def test_contradiction_kept_as_printed_is_a_flag(tmp_path, record_id, text, path, line, column, mentioned):
    kept = text + '  giu_nguyen_ban_in: "Giữ đúng như bản in."\n'
    board, issues = load(tmp_path, {path[len("data/"):]: kept})
    assert issues.items == [], issues.report()
    assert board is not None
    assert list(board.flags) == [record_id]
    assert len(board.flags[record_id]) == 1
    assert mentioned in board.flags[record_id][0]


# ---------------------------------------------------------------------------
# What each kind of issue also tells the officer

def test_tab_hint_mentions_tab(tmp_path):
    _, issues = load(tmp_path, {VB: "- id: abc\n\tloai: van_ban_khac\n"})
    assert "tab" in find(issues, "yaml-cu-phap", VB).hint


def test_syntax_hint_is_about_quoting_when_no_tab(tmp_path):
    _, issues = load(tmp_path, {VB: doc("id: abc", "loai: van_ban_khac", "ten: Bà: Lan")})
    issue = find(issues, "yaml-cu-phap", VB)
    assert "tab" not in issue.hint
    assert "nháy" in issue.hint


def test_duplicate_key_points_at_the_first_one(tmp_path):
    _, issues = load(tmp_path, {VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ten: B")})
    issue = find(issues, "trung-truong", VB)
    assert (issue.related.path, issue.related.line, issue.related.column) == (VB, 3, 3)


@pytest.mark.parametrize("changes, code, path, suggestion", [
    ({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "trich_yue: Về việc")},
     "truong-khong-ro", VB, "'trich_yeu'"),
    ({DT: person_file("id: a1", "loai: ca_nhan", "ho: Lê", "ten_dme: Văn", "ten: An")},
     "truong-khong-ro", DT, "'ten_dem'"),
    ({KT: doc("id: k1", "doi_tuong: nguyen-van-ann", "hinh_thuc: giay_khen", "nam: 2024", "trang_thai: da_tang")},
     "ma-khong-ton-tai", KT, "'nguyen-van-an'"),
    ({PT: doc("id: p2", "ten: P", "ke_hoach: [62-kh-ubnd-2012]")},
     "ma-khong-ton-tai", PT, "'62-kh-ubnd-2021'"),
    ({VB: doc("id: abc", "loai: ke_hoachh", "so_ky_hieu: 63/KH-UBND")},
     "gia-tri-khong-co-trong-danh-muc", VB, "'ke_hoach'"),
])
def test_did_you_mean(tmp_path, changes, code, path, suggestion):
    _, issues = load(tmp_path, changes)
    hint = find(issues, code, path).hint
    assert "Có phải ý là" in hint
    assert suggestion in hint


def test_misspelt_key_lists_the_known_keys(tmp_path):
    _, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", "ten: Tổ 5", "nmae: Tổ 5")})
    hint = find(issues, "truong-khong-ro", DT).hint
    assert "ten" in hint and "loai" in hint


def test_duplicate_id_names_both_places(tmp_path):
    _, issues = load(tmp_path, {DT: person_file("id: nguyen-van-an", "loai: tap_the", "ten: Tổ 5")})
    issue = find(issues, "trung-ma", DT)
    related = issue.related
    assert (related.path, related.line, related.column) == ("data/doi-tuong/doi-tuong.yml", 1, 7)


def test_duplicate_document_names_both_places(tmp_path):
    _, issues = load(tmp_path, {VB: doc("id: ke-hoach-62-ban-sao", "loai: ke_hoach", "so_ky_hieu: 62/KH-UBND",
                                        "ngay: 21/12/2021", "co_quan_ban_hanh: ubnd-phuong")})
    issue = find(issues, "trung-van-ban", VB)
    assert (issue.related.path, issue.related.line, issue.related.column) == ("data/van-ban/2021.yml", 3, 15)
    assert "62-kh-ubnd-2021" in issue.message


def test_same_number_other_year_is_another_document(tmp_path):
    board, issues = load(tmp_path, {VB: doc("id: 62-kh-ubnd-2022", "loai: ke_hoach", "so_ky_hieu: 62/KH-UBND",
                                            "ngay: 05/01/2022", "co_quan_ban_hanh: ubnd-phuong")})
    assert issues.items == [], issues.report()
    assert {"62-kh-ubnd-2021", "62-kh-ubnd-2022"} <= {d.id for d in board.listed("van_ban")}


def test_non_utf8_hint_says_save_as_utf8(tmp_path):
    _, issues = load(tmp_path, {DT: b"- id: a1\n  loai: tap_the\n  ten: T\xe9\n"})
    assert "UTF-8" in find(issues, "khong-phai-utf8", DT).hint


def test_file_over_2mb_is_not_parsed(tmp_path):
    # A file just over the cap is refused whole, before parsing: no other issue from it.
    _, issues = load(tmp_path, {VB: b"- id: [\n" + b"x" * (2 * 1024 * 1024)})
    assert [i.code for i in issues.items if i.position.path == VB] == ["tep-qua-lon"]


def test_file_of_exactly_2mb_is_read(tmp_path):
    body = doc("id: abc", "loai: van_ban_khac", "ten: A").encode()
    content = body + b"#" * (2 * 1024 * 1024 - len(body))
    assert len(content) == 2 * 1024 * 1024
    board, issues = load(tmp_path, {VB: content})
    assert issues.items == [], issues.report()
    assert "abc" in {d.id for d in board.listed("van_ban")}


def test_yaml_extension_hint_says_yml(tmp_path):
    _, issues = load(tmp_path, {"van-ban/2022.yaml": doc("id: abc", "loai: van_ban_khac", "ten: A")})
    assert ".yml" in find(issues, "tep-khong-ro-loai", "data/van-ban/2022.yaml").hint


def test_readme_and_gitkeep_are_ignored(tmp_path):
    board, issues = load(tmp_path, {"README.md": "# Dữ liệu\n", "dien-hinh/.gitkeep": ""})
    assert issues.items == [], issues.report()
    assert board is not None


# ---------------------------------------------------------------------------
# Everything in one pass

def test_three_errors_in_one_file_are_all_reported(tmp_path):
    text = doc("id: abc", "loai: ke_hoachh", "ten: A", "ngay: 30/02/2024", "trich_yue: B")
    _, issues = load(tmp_path, {VB: text})
    found = places(issues)
    assert ("gia-tri-khong-co-trong-danh-muc", VB, 2, 9) in found, issues.report()
    assert ("ngay-khong-ton-tai", VB, 4, 9) in found, issues.report()
    assert ("truong-khong-ro", VB, 5, 3) in found, issues.report()


def test_errors_in_several_files_are_all_reported(tmp_path):
    _, issues = load(tmp_path, {
        VB: doc("id: abc", "loai: van_ban_khac", "ten: Bà: Lan"),
        DT: b"- id: a1\n  loai: tap_the\n  ten: T\xe9\n",
        KT: doc("id: k1", "doi_tuong: nguyen-van-ann", "hinh_thuc: giay_khen", "nam: 2024", "trang_thai: da_tang"),
        "van-ban/2023.yml": "",
    })
    found = places(issues)
    for expected in [("yaml-cu-phap", VB, 3, 10), ("khong-phai-utf8", DT, 3, 9),
                     ("ma-khong-ton-tai", KT, 2, 14), ("tep-rong", "data/van-ban/2023.yml", 1, 1)]:
        assert expected in found, issues.report()


def test_several_errors_in_several_records_of_one_file(tmp_path):
    text = (doc("id: a1", "loai: tap_the", "ten: <b>Tổ</b>")
            + doc("id: a2", "loai: tap_thee", "ten: Tổ 2")
            + doc("id: a3", "loai: tap_the"))
    _, issues = load(tmp_path, {DT: text})
    found = places(issues)
    assert ("chua-html", DT, 3, 8) in found, issues.report()
    assert ("gia-tri-khong-co-trong-danh-muc", DT, 5, 9) in found, issues.report()
    assert ("thieu-truong", DT, 7, 3) in found, issues.report()


def test_report_lists_every_issue_with_a_caret(tmp_path):
    _, issues = load(tmp_path, {VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ngay: 30/02/2024")})
    report = issues.report()
    assert f"{VB}:4:9: ngay-khong-ton-tai: " in report
    assert "    4 |   ngay: 30/02/2024" in report
    assert "      |         ^" in report
    assert "gợi ý:" in report
