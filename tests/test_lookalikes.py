"""Letters that look Vietnamese but are not: 'Ð' (eth) for 'Đ', Cyrillic and Greek look-alikes.

Text pasted from PDFs and other fonts brings them in; the page looks right, but search, sorting
and slugs go wrong. Inside a word of Latin letters each one is an error (chu-gia-dang) at the
letter itself, naming the character and the letter meant; a word written wholly in Cyrillic or
Greek is a real foreign word and is accepted. Same method as test_validation_table.py.
"""

from __future__ import annotations

import unicodedata

import pytest

from bangvang.text import LOOKALIKES, lookalikes
from datatree import BAO_CAO
from validationkit import DT, find, load, person_file, places

CODE = "chu-gia-dang"


def errors(issues) -> list[tuple[str, str, int, int]]:
    return sorted((i.code, i.position.path, i.position.line, i.position.column) for i in issues.items)


def test_eth_in_a_family_name_is_an_error_at_the_letter(tmp_path):
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: ca_nhan", "ho: Ðặng", "ten: An")})
    assert errors(issues) == [(CODE, DT, 3, 7)], issues.report()
    assert board is None
    issue = find(issues, CODE, DT)
    assert issue.severity == "lỗi"
    assert "'Ð' (U+00D0 LATIN CAPITAL LETTER ETH)" in issue.message and "'Ðặng'" in issue.message
    assert issue.hint == "Thay 'Ð' (U+00D0) bằng 'Đ' (U+0110)."


@pytest.mark.parametrize("name, column, letter, meant", [
    ("Gia đình ông Nguyễn Vаn", 29, "а", "a"),        # Cyrillic а (U+0430)
    ("Gia đình ông Nguyễn Vоn", 29, "о", "o"),        # Cyrillic о (U+043E)
    ("Thôn Ηòa Bình", 13, "Η", "H"),                  # Greek capital eta
    ("Tổ dân phố Ðông", 19, "Ð", "Đ"),
    ("Thôn ðồng Xanh", 13, "ð", "đ"),                 # eth, small
    ("Xóm Сây Đa", 12, "С", "C"),                     # Cyrillic capital es
])
def test_a_lookalike_inside_a_latin_word_is_an_error(tmp_path, name, column, letter, meant):
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", f"ten: {name}")})
    assert errors(issues) == [(CODE, DT, 3, column)], issues.report()
    assert (tmp_path / DT).read_text(encoding="utf-8").split("\n")[2][column - 1] == letter  # at the letter
    issue = find(issues, CODE, DT)
    assert f"'{letter}' (U+{ord(letter):04X} {unicodedata.name(letter)})" in issue.message
    assert issue.hint == f"Thay '{letter}' (U+{ord(letter):04X}) bằng '{meant}' (U+{ord(meant):04X})."
    assert board is None


@pytest.mark.parametrize("name", [
    "Hội hữu nghị Việt Nam - Μακεδονία",   # all Greek: Μ, α, ο are look-alikes, the word is Greek
    "Đoàn Москва",                         # all Cyrillic
    "Câu lạc bộ λόγος",
    "Nhóm α",                              # a Greek letter on its own
])
def test_a_word_wholly_in_greek_or_cyrillic_is_accepted(tmp_path, name):
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: tap_the", f"ten: {name}")})
    assert issues.items == [], issues.report()
    assert board.by_id["doi_tuong"]["a1"].name == name


def test_two_lookalikes_in_one_file_are_two_errors(tmp_path):
    board, issues = load(tmp_path, {DT: person_file("id: a1", "loai: ca_nhan", "ho: Ðặng", "ten_dem: Vаn",
                                                    "ten: Hùng")})
    assert errors(issues) == [(CODE, DT, 3, 7), (CODE, DT, 4, 13)], issues.report()
    assert board is None


def test_every_lookalike_of_a_run_is_reported_where_it_is_written(tmp_path):
    """Quoted and block values, two in one word, and a Markdown file's front matter, all in one run."""
    report = "data/bao-cao/31-bc-ubnd-2024.md"
    board, issues = load(tmp_path, {
        DT: person_file("id: a1", "loai: ca_nhan", "ho: \"Ðặng\"", "ten: Hùng",
                        "ghi_chu: |\n    Người ở Москва.\n    Quê xã Ðông Sơn, thôn ÐÐông."),
        report: BAO_CAO.replace("ho_ten: Nguyễn Văn Bình", "ho_ten: Nguyễn Văn Вình"),
    })
    assert errors(issues) == [(CODE, report, 12, 22), (CODE, DT, 3, 8),
                              (CODE, DT, 7, 12), (CODE, DT, 7, 27), (CODE, DT, 7, 28)], issues.report()
    assert board is None


def test_the_table_maps_foreign_letters_to_vietnamese_ones():
    for letter, meant in LOOKALIKES.items():
        assert letter != meant and len(letter) == len(meant) == 1
        assert not unicodedata.name(letter).startswith("LATIN") or "ETH" in unicodedata.name(letter) \
            or "AFRICAN D" in unicodedata.name(letter), letter
        assert unicodedata.name(meant).startswith("LATIN"), meant
        assert letter.isupper() == meant.isupper()


def test_plain_vietnamese_has_no_lookalike():
    assert lookalikes("Nguyễn Văn An, Đặng Thị Ửng; tổ dân phố 3") == []
    assert lookalikes("Ðặng Vаn Москва") == [(0, "Ð", "Đ", "Ðặng"), (6, "а", "a", "Vаn")]


def test_a_lookalike_in_a_story_body_is_located(tmp_path):
    from datetime import date

    from bangvang.load import load

    from datatree import TODAY_ISO, write_tree

    story = ("---\nid: chuyen\ntieu_de: Người làm đường\ndoi_tuong: nguyen-van-an\n"
             "dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}\n---\nDòng đầu.\nAnh An cùng bà con làm đường thôn Ðông.\n")
    _, issues = load(write_tree(tmp_path, {"dien-hinh/chuyen.md": story}), today=date(*TODAY_ISO))
    (issue,) = [i for i in issues.errors if i.code == "chu-gia-dang"]
    assert (issue.position.path, issue.position.line, issue.position.column) == ("data/dien-hinh/chuyen.md", 8, 35)
