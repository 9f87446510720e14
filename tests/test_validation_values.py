"""What loads as typed (YAML 1.1 look-alikes, ' #', BOM, CRLF, NFD), and the regressions the table found.

Same method as test_validation_table.py: the minimal valid tree of `datatree.py`
with one change, loaded with `bangvang.public.load_view` (helpers in validationkit.py).
"""

from __future__ import annotations

import unicodedata

import pytest
import yaml

from bangvang import yamlsrc
from datatree import DON_VI
from validationkit import DT, KT, doc, load, person_file, places


# ---------------------------------------------------------------------------
# Values that load: YAML 1.1 look-alikes stay the text the officer typed

@pytest.mark.parametrize("written, loaded", [
    ("no", "no"),
    ("No", "No"),
    ("yes", "yes"),
    ("off", "off"),
    ("3.10", "3.10"),
    ("0123", "0123"),
    ("1:20", "1:20"),
    ("1.0e+3", "1.0e+3"),
    (".inf", ".inf"),
    ("2024-02-29", "2024-02-29"),
    ("'Bà: Lan'", "Bà: Lan"),
    ('"Hoàn thành #1 nhiệm vụ"', "Hoàn thành #1 nhiệm vụ"),
])
def test_text_field_keeps_what_was_typed(tmp_path, written, loaded):
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", f"ten: {written}")})
    assert issues.items == [], issues.report()
    assert board.by_id["doi_tuong"]["a1"].name == loaded


def test_space_hash_in_plain_value_starts_a_comment(tmp_path):
    # YAML's rule, in every parser: ' #' begins a comment, so an unquoted value is cut there.
    # The loader cannot undo that, but it says so: a warning at the value (strict builds stop on it).
    board, issues = load(tmp_path, {KT: doc("id: k1", "doi_tuong: nguyen-van-an", "hinh_thuc: giay_khen",
                                            "nam: 2024", "trang_thai: da_tang", "ly_do: Hoàn thành #1 nhiệm vụ")})
    assert [(i.code, i.severity, i.position.line, i.position.column) for i in issues.items] == \
        [("chu-bi-cat", "cảnh báo", 6, 10)]
    assert board.by_id["khen_thuong"]["k1"].reason == "Hoàn thành"


def test_hash_without_space_is_kept(tmp_path):
    board, issues = load(tmp_path, {KT: doc("id: k1", "doi_tuong: nguyen-van-an", "hinh_thuc: giay_khen",
                                            "nam: 2024", "trang_thai: da_tang", "ly_do: Hạng#1 toàn phường")})
    assert issues.items == [], issues.report()
    assert board.by_id["khen_thuong"]["k1"].reason == "Hạng#1 toàn phường"


def test_typed_fields_parse_their_text(tmp_path):
    board, issues = load(tmp_path, {KT: doc("id: k1", "tong_hop: {loai_doi_tuong: ca_nhan, so_luong: 108}",
                                            "hinh_thuc: giay_khen", "nam: 2024", "trang_thai: da_tang",
                                            "truy_tang: false")})
    assert issues.items == [], issues.report()
    award = board.by_id["khen_thuong"]["k1"]
    assert award.group.count == 108
    assert award.year == 2024
    assert award.posthumous is False


def test_bom_at_start_is_accepted(tmp_path):
    board, issues = load(tmp_path, {"don-vi.yml": b"\xef\xbb\xbf" + DON_VI.encode()})
    assert issues.items == [], issues.report()
    assert board.unit.name == "phường Phổ Minh"


def test_bom_does_not_shift_columns(tmp_path):
    _, issues = load(tmp_path, {DT: b"\xef\xbb\xbf- id: a1\n  loai: tap_thee\n  ten: X\n"})
    assert ("gia-tri-khong-co-trong-danh-muc", DT, 2, 9) in places(issues), issues.report()


def test_crlf_line_endings_are_accepted(tmp_path):
    board, issues = load(tmp_path, {DT: "- id: a1\r\n  loai: tap_the\r\n  ten: Tổ dân phố 5\r\n"})
    assert issues.items == [], issues.report()
    assert board.by_id["doi_tuong"]["a1"].name == "Tổ dân phố 5"


def test_crlf_keeps_line_numbers(tmp_path):
    _, issues = load(tmp_path, {DT: "- id: a1\r\n  loai: tap_the\r\n  ten: Tổ 5\r\n  nmae: X\r\n"})
    assert ("truong-khong-ro", DT, 4, 3) in places(issues), issues.report()


def test_nfd_name_is_accepted_and_stored_as_nfc(tmp_path):
    text = person_file("id: a1", "loai: ca_nhan", "ho: Nguyễn", "ten_dem: Thị", "ten: Hồng")
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    board, issues = load(tmp_path, {DT: nfd})
    assert issues.items == [], issues.report()
    person = board.by_id["doi_tuong"]["a1"]
    assert person.full_name == "Nguyễn Thị Hồng"
    assert unicodedata.is_normalized("NFC", person.full_name)
    assert len(person.family_name) == 6


def test_mixed_unicode_to_hop_is_stored_as_nfc(tmp_path):
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", "ten: Tổ dân phố Ph\u00f4\u0309 Minh")})
    assert issues.items == [], issues.report()
    assert board.by_id["doi_tuong"]["a1"].name == "Tổ dân phố Phổ Minh"


def test_nfd_key_is_recognised(tmp_path):
    # Keys are ASCII, but an NFD value must still match the NFC vocabulary after normalisation.
    text = unicodedata.normalize("NFD", person_file("id: a1", "loai: ca_nhan", "ho: Đỗ", "ten: Dũng"))
    board, issues = load(tmp_path, {DT: text})
    assert issues.items == [], issues.report()
    assert board.by_id["doi_tuong"]["a1"].full_name == "Đỗ Dũng"


# ---------------------------------------------------------------------------
# Regressions: each of these was a src bug found by the bad-input table, since fixed

@pytest.mark.parametrize("char", ["\x0c", "\x0b", "\x1c"])
def test_control_char_that_splitlines_splits_on_is_reported(tmp_path, char):
    # str.splitlines() splits on these, so a per-line check never saw them; \x0b/\x0c then made
    # libyaml raise ReaderError, an uncaught traceback.
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", f"ten: A{char}B")})
    assert ("ky-tu-an", DT, 3, 9) in places(issues), issues.report()
    assert board is None


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separator_is_reported(tmp_path, char):
    # Same cause: a quoted value used to keep these invisible separators silently.
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", f'ten: "A{char}B"')})
    assert ("ky-tu-an", DT, 3, 10) in places(issues), issues.report()
    assert board is None


def test_mixed_precision_period_does_not_crash(tmp_path):
    # 'tu_ngay: 2020' with 'den_ngay: 05/2020' once compared None with int: TypeError traceback.
    co_quan = ("- id: ubnd-phuong\n  ten: UBND phường\n  cap: xa\n  tu_ngay: 01/02/2020\n"
               "- id: ubnd-tinh\n  ten: UBND tỉnh\n  cap: tinh\n"
               "- id: ban-x\n  ten: Ban X\n  cap: co_quan\n  tu_ngay: 2020\n  den_ngay: 05/2020\n")
    board, issues = load(tmp_path, {"co-quan.yml": co_quan})
    assert issues.items == [], issues.report()
    assert "ban-x" in board.bodies


def test_mixed_precision_period_reversed_is_reported(tmp_path):
    co_quan = ("- id: ubnd-phuong\n  ten: UBND phường\n  cap: xa\n  tu_ngay: 01/02/2020\n"
               "- id: ubnd-tinh\n  ten: UBND tỉnh\n  cap: tinh\n"
               "- id: ban-x\n  ten: Ban X\n  cap: co_quan\n  tu_ngay: 2020\n  den_ngay: 05/2019\n")
    board, issues = load(tmp_path, {"co-quan.yml": co_quan})
    assert ("thoi-gian-nguoc", "data/co-quan.yml", 12, 13) in places(issues), issues.report()
    assert board is None


@pytest.mark.parametrize("front", ["", "# chưa điền\n"])
def test_report_with_empty_front_matter_is_an_error(tmp_path, front):
    # Such a report was once dropped silently: no record, no issue.
    path = "data/bao-cao/rong.md"
    board, issues = load(tmp_path, {"bao-cao/rong.md": f"---\n{front}---\nNội dung báo cáo.\n"})
    assert any(i.position.path == path for i in issues.errors), issues.report()
    assert board is None


def test_id_with_trailing_newline_is_refused(tmp_path):
    # '$' matches before a final newline: id "to-5\n" was accepted and made a page URL with a newline.
    board, issues = load(tmp_path, {DT: person_file('id: "to-5\\n"', "loai: tap_the", "ten: Tổ 5")})
    assert ("ma-khong-hop-le", DT, 1, 7) in places(issues), issues.report()
    assert board is None


@pytest.mark.parametrize("garbled, column", [("Ä‘a", 11), ("Äƒn", 11), ("cÅ©", 12), ("CÃ”NG", 12)])
def test_more_mojibake_is_reported(tmp_path, garbled, column):
    # đ, ă, ũ, Ô read as Windows-1252: the first pattern missed all of these.
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", f"ten: Tổ {garbled}")})
    assert ("loi-bang-ma", DT, 3, column) in places(issues), issues.report()
    assert board is None


def test_known_good_spellings_are_not_mojibake(tmp_path):
    # Guard for whoever widens the mojibake pattern: real Vietnamese must still load.
    names = ["Đoàn Thanh niên", "Ủy ban", "Ăn ở", "Nguyễn Thị Ánh", "Trần Đức Phổ", "Lưu Hữu Phước",
             "Tổ “Phú Xá”", "Lê–Trần", "Hà…", "«HÒA»", "30°C", "ÂU–Á", "BÀ MẸ “VIỆT NAM ANH HÙNG”"]
    text = "".join(person_file(f"id: a{n}", "loai: tap_the", f"ten: {name}") for n, name in enumerate(names))
    board, issues = load(tmp_path, {DT: text})
    assert issues.items == [], issues.report()
    assert [board.by_id["doi_tuong"][f"a{n}"].name for n in range(len(names))] == names


def test_leading_zero_count_is_never_octal(tmp_path):
    # Whatever the rule for leading zeros, '010' must never become YAML 1.1's octal 8.
    board, issues = load(tmp_path, {KT: doc("id: k1", "tong_hop: {loai_doi_tuong: ca_nhan, so_luong: 010}",
                                            "hinh_thuc: giay_khen", "nam: 2024", "trang_thai: da_tang")})
    if board is not None:
        assert board.by_id["khen_thuong"]["k1"].group.count == 10
    else:
        assert ("so-khong-hop-le", KT, 2, 49) in places(issues), issues.report()


def _empty_value_cases():
    return [
        pytest.param(person_file("id: a1", "loai: tap_the", "ten:"), ("thieu-truong", DT, 3, 7), id="empty"),
        pytest.param(person_file("id: a1", "loai: tap_the", "ten: ~"), ("thieu-truong", DT, 3, 8), id="tilde"),
        pytest.param(person_file("id: a1", "loai: tap_the", "ten: null"), ("thieu-truong", DT, 3, 8), id="null"),
    ]


@pytest.mark.parametrize("text, expected", _empty_value_cases())
def test_empty_required_value_is_missing_with_pure_python_parser(tmp_path, monkeypatch, text, expected):
    # yamlsrc falls back to PyYAML's pure-Python parser when libyaml is missing; the rule must hold there
    # too (and it pins down that the libyaml xfail below is the C parser's event style).
    monkeypatch.setattr(yamlsrc, "_EventLoader", yaml.SafeLoader)
    board, issues = load(tmp_path, {DT: text})
    assert expected in places(issues), issues.report()
    assert board is None


# ---------------------------------------------------------------------------
# Bugs found by the bad-input table, kept as regression tests

@pytest.mark.parametrize("text, expected", _empty_value_cases())
def test_empty_required_value_is_missing(tmp_path, text, expected):
    board, issues = load(tmp_path, {DT: text})
    assert expected in places(issues), issues.report()
    assert board is None


def test_null_optional_value_is_no_value(tmp_path):
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: ca_nhan", "ho: Lê", "ten_dem: null",
                                                    "ten: An")})
    assert issues.items == [], issues.report()
    assert board.by_id["doi_tuong"]["a1"].middle_name is None


def test_quoted_empty_required_value_is_an_error(tmp_path):
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", 'ten: ""')})
    assert any(i.position.path == DT and i.position.line == 3 for i in issues.errors), issues.report()
    assert board is None


def test_leading_zero_count_is_an_error(tmp_path):
    _, issues = load(tmp_path, {KT: doc("id: k1", "tong_hop: {loai_doi_tuong: ca_nhan, so_luong: 07}",
                                        "hinh_thuc: giay_khen", "nam: 2024", "trang_thai: da_tang")})
    assert ("so-khong-hop-le", KT, 2, 49) in places(issues), issues.report()


@pytest.mark.parametrize("name", ["Gia đình “CÔ”", "Bà “LÊ”", "Hội “Ý”", "UBND XÃ…"])
def test_upper_case_before_typographic_punctuation_is_not_mojibake(tmp_path, name):
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", f"ten: {name}")})
    assert issues.items == [], issues.report()
    assert board.by_id["doi_tuong"]["a1"].name == name


@pytest.mark.parametrize("digits", ["٢٠٢٤", "２０２４", "۲۰۲۴"])  # Arabic-Indic, full-width, Persian
def test_numbers_and_dates_take_only_the_digits_0_to_9(tmp_path, digits):
    _, issues = load(tmp_path, {KT: doc("id: k1", "doi_tuong: nguyen-van-an", "hinh_thuc: giay_khen",
                                        f"nam: '{digits}'", "trang_thai: da_tang",
                                        f"ngay_trao: '05/02/{digits}'",
                                        f"tong_hop: {{loai_doi_tuong: ca_nhan, so_luong: '{digits[:2]}'}}")})
    codes = {i.code for i in issues.items}
    assert {"nam-khong-hop-le", "ngay-sai-dinh-dang", "so-khong-hop-le"} <= codes, issues.report()
