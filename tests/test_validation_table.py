"""THE bad-input table (shared/RELIABILITY.md §2): every bad input → one exact issue.

Each case starts from the minimal valid tree of `datatree.py`, replaces or adds
one file, loads it with `bangvang.model.load_board` and asserts that the issue
(code, path, line, column) is among the issues found. Paths are as the officer
sees them from the repository root: `data/...`; line and column are 1-based.
"""

from __future__ import annotations

import os
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import yaml

from bangvang import yamlsrc
from bangvang.model import load_board
from datatree import BAO_CAO, DON_VI, write_tree

TODAY = date(2026, 11, 28)

VB = "data/van-ban/2022.yml"          # a document file the cases add
DT = "data/doi-tuong/them.yml"        # a recipient file the cases add
KT = "data/khen-thuong/2024.yml"      # an award file the cases add
PT = "data/phong-trao/them.yml"       # a movement file the cases add


def load(tmp_path: Path, changes: dict | None = None):
    return load_board(write_tree(tmp_path, changes), today=TODAY)


def places(issues) -> set[tuple[str, str, int, int]]:
    return {(i.code, i.position.path, i.position.line, i.position.column) for i in issues.items}


def find(issues, code: str, path: str):
    found = [i for i in issues.items if i.code == code and i.position.path == path]
    assert found, f"no {code} in {path}:\n{issues.report()}"
    return found[0]


def doc(*lines: str) -> str:
    """A one-document van-ban file: `- id: …` then the given field lines, indented."""
    return "- " + "\n  ".join(lines) + "\n"


def person_file(*lines: str) -> str:
    return doc(*lines)


# ---------------------------------------------------------------------------
# The baseline

def test_minimal_valid_tree_has_no_issue(tmp_path):
    board, issues = load(tmp_path)
    assert issues.items == [], issues.report()
    assert board is not None
    assert board.unit.name == "phường Phổ Minh"
    assert [d.id for d in board.documents] == ["31-bc-ubnd-2024", "62-kh-ubnd-2021"]
    assert [r.id for r in board.reports] == ["31-bc-ubnd-2024"]
    assert [m.id for m in board.movements] == ["cai-cach-hanh-chinh"]
    assert [r.full_name for r in board.recipients] == ["Nguyễn Văn An", "Tổ dân phố 2"]
    assert [a.id for a in board.awards] == ["giay-khen-an-2023"]
    assert set(board.bodies) == {"ubnd-phuong", "ubnd-tinh"}
    assert board.flags == {}
    assert board.reports[0].body_markdown.startswith("Năm 2023")


# ---------------------------------------------------------------------------
# The table: (changes, (code, path, line, column))

CASES = [
    # -- YAML syntax and YAML's traps -------------------------------------
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: Bà: Lan")},
                 ("yaml-cu-phap", VB, 3, 10), id="syntax-colon-in-value"),
    pytest.param({VB: "- id: abc\n\tloai: van_ban_khac\n"},
                 ("yaml-cu-phap", VB, 2, 1), id="tab-indentation"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ten: B")},
                 ("trung-truong", VB, 4, 3), id="duplicate-key"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ngay: no")},
                 ("ngay-sai-dinh-dang", VB, 4, 9), id="yaml11-no-in-date"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ngay: 1:20")},
                 ("ngay-sai-dinh-dang", VB, 4, 9), id="yaml11-sexagesimal-in-date"),
    pytest.param({KT: doc("id: k1", "tong_hop: {loai_doi_tuong: ca_nhan}", "hinh_thuc: giay_khen",
                          "nam: 3.10", "trang_thai: da_tang")},
                 ("nam-khong-hop-le", KT, 4, 8), id="yaml11-float-in-year"),
    pytest.param({KT: doc("id: k1", "tong_hop: {loai_doi_tuong: ca_nhan, so_luong: 0x1A}",
                          "hinh_thuc: giay_khen", "nam: 2024", "trang_thai: da_tang")},
                 ("so-khong-hop-le", KT, 2, 49), id="yaml11-hex-in-count"),
    pytest.param({KT: doc("id: k1", "tong_hop: {loai_doi_tuong: ca_nhan, so_luong: 1_000}",
                          "hinh_thuc: giay_khen", "nam: 2024", "trang_thai: da_tang")},
                 ("so-khong-hop-le", KT, 2, 49), id="yaml11-underscore-in-count"),
    pytest.param({KT: doc("id: k1", "doi_tuong: nguyen-van-an", "hinh_thuc: giay_khen", "nam: 2024",
                          "trang_thai: da_tang", "truy_tang: yes")},
                 ("sai-kieu", KT, 6, 14), id="yaml11-yes-in-bool"),
    pytest.param({VB: doc("id: abc-1", "loai: van_ban_khac", "ten: A") + "---\n" + doc("id: abc-2")},
                 ("yaml-nhieu-tai-lieu", VB, 4, 1), id="several-documents"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: !!python/object:os.system x")},
                 ("yaml-tag", VB, 3, 8), id="tag-python-object"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ghi_chu: !!binary aGVsbG8=")},
                 ("yaml-tag", VB, 4, 12), id="tag-binary"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: !!str A")},
                 ("yaml-tag", VB, 3, 8), id="tag-str"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: &t Tên", "ghi_chu: *t")},
                 ("yaml-anchor", VB, 3, 8), id="anchor"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: &t Tên", "ghi_chu: *t")},
                 ("yaml-anchor", VB, 4, 12), id="alias"),
    pytest.param({VB: "- id: abc\n  loai: van_ban_khac\n  ten: [[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n"},
                 ("yaml-qua-sau", VB, 3, 27), id="nesting-30-levels-in-field"),
    pytest.param({VB: "[" * 30 + "]" * 30 + "\n"},
                 ("yaml-qua-sau", VB, 1, 22), id="nesting-30-levels"),
    pytest.param({VB: "[" * 5000 + "]" * 5000 + "\n"},
                 ("yaml-qua-sau", VB, 1, 22), id="nesting-5000-levels"),
    pytest.param({VB: "? [a]\n: b\n"},
                 ("yaml-khoa-khong-hop-le", VB, 1, 3), id="non-scalar-key"),

    # -- encoding and characters -------------------------------------------
    pytest.param({DT: b"- id: a1\n  loai: tap_the\n  ten: T\xe1\xbb\x95 \xe9\n"},
                 ("khong-phai-utf8", DT, 3, 11), id="latin1-byte-after-utf8-char"),
    pytest.param({DT: "- id: a1\n  loai: tap_the\n  ten: Phổ Minh\n".encode("utf-16")},
                 ("khong-phai-utf8", DT, 1, 1), id="utf16-file"),
    pytest.param({DT: b"- id: a1\n  loai: ca_nhan\n  ho: L\xea\n  ten: An\n"},  # 'Lê' in Windows-1258
                 ("khong-phai-utf8", DT, 3, 8), id="cp1258-file"),
    pytest.param({DT: person_file("id: a1", "loai: ca_nhan", "ho: Nguyá»…n", "ten: An")},
                 ("loi-bang-ma", DT, 3, 11), id="mojibake-nguyen"),
    pytest.param({DT: person_file("id: a1", "loai: ca_nhan", "ho: Tráº§n", "ten: An")},
                 ("loi-bang-ma", DT, 3, 9), id="mojibake-tran"),
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten: Tổ dân phố\u200b 5")},
                 ("ky-tu-an", DT, 3, 18), id="zero-width-space"),
    pytest.param({DT: person_file("id: a1\u200b", "loai: tap_the", "ten: Tổ dân phố 5")},
                 ("ky-tu-an", DT, 1, 9), id="zero-width-space-in-id"),
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten: \u202eTổ dân phố 5")},
                 ("ky-tu-an", DT, 3, 8), id="bidi-override"),
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten: Tổ\u00a0dân phố 5")},
                 ("ky-tu-an", DT, 3, 10), id="nbsp"),
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten: Tổ dân phố 5\x07")},
                 ("ky-tu-an", DT, 3, 20), id="bell"),
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten: Tổ dân phố 5\ufeff")},
                 ("ky-tu-an", DT, 3, 20), id="bom-inside"),

    # -- files ---------------------------------------------------------------
    pytest.param({VB: ""}, ("tep-rong", VB, 1, 1), id="empty-file"),
    pytest.param({VB: "\n   \n\n"}, ("tep-rong", VB, 1, 1), id="blank-file"),
    pytest.param({VB: "# chưa có văn bản\n\n  # sẽ bổ sung\n"}, ("tep-rong", VB, 1, 1), id="comment-only-file"),
    pytest.param({VB: b"# " + b"x" * (2 * 1024 * 1024) + b"\n"}, ("tep-qua-lon", VB, 1, 1), id="file-over-2mb"),
    pytest.param({"van-ban/2022.yaml": doc("id: abc", "loai: van_ban_khac", "ten: A")},
                 ("tep-khong-ro-loai", "data/van-ban/2022.yaml", 1, 1), id="yaml-extension"),
    pytest.param({"ghi-chu.docx": b"PK\x03\x04"},
                 ("tep-khong-ro-loai", "data/ghi-chu.docx", 1, 1), id="stray-file"),
    pytest.param({"khen-thuong/2024/a.yml": doc("id: k1")},
                 ("tep-khong-ro-loai", "data/khen-thuong/2024/a.yml", 1, 1), id="nested-folder"),
    pytest.param({"bao-cao/ghi-chu.txt": "chữ"},
                 ("tep-khong-duoc-dung", "data/bao-cao/ghi-chu.txt", 1, 1), id="unused-attachment"),
    pytest.param({"bao-cao/khong-co-phan-dau.md": "Chỉ có nội dung.\n"},
                 ("thieu-phan-dau", "data/bao-cao/khong-co-phan-dau.md", 1, 1), id="report-without-front-matter"),
    pytest.param({"don-vi.yml": None}, ("thieu-tep", "data/don-vi.yml", 1, 1), id="missing-don-vi"),

    # -- shapes and fields ---------------------------------------------------
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten: " + "A" * 10_000)},
                 ("qua-dai", DT, 3, 8), id="name-10k-chars"),
    pytest.param({PT: doc("id: p2", "ten: Phong trào 2", "ke_hoach: 62-kh-ubnd-2021")},
                 ("sai-kieu", PT, 3, 13), id="string-where-list-expected"),
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten:", "  - Tổ", "  - Dân")},
                 ("sai-kieu", DT, 4, 5), id="list-where-string-expected"),
    pytest.param({VB: "id: abc\nloai: van_ban_khac\nten: A\n"},
                 ("sai-kieu", VB, 1, 1), id="mapping-where-list-file-expected"),
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten: Tổ 5", "nmae: Tổ 5")},
                 ("truong-khong-ro", DT, 4, 3), id="misspelt-key-nmae"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "trich_yue: Về việc")},
                 ("truong-khong-ro", VB, 4, 3), id="misspelt-key-trich-yue"),
    pytest.param({KT: doc("id: k1", "doi_tuong: nguyen-van-ann", "hinh_thuc: giay_khen", "nam: 2024",
                          "trang_thai: da_tang")},
                 ("ma-khong-ton-tai", KT, 2, 14), id="unknown-reference"),
    pytest.param({DT: person_file("id: nguyen-van-an", "loai: tap_the", "ten: Tổ 5")},
                 ("trung-ma", DT, 1, 7), id="duplicate-id-across-files"),
    pytest.param({VB: doc("id: ke-hoach-62-ban-sao", "loai: ke_hoach", "so_ky_hieu: 62/KH-UBND",
                          "ngay: 21/12/2021", "co_quan_ban_hanh: ubnd-phuong")},
                 ("trung-van-ban", VB, 3, 15), id="duplicate-document-identity"),
    pytest.param({DT: person_file("id: A1", "loai: tap_the", "ten: Tổ 5")},
                 ("ma-khong-hop-le", DT, 1, 7), id="id-upper-case"),
    pytest.param({DT: person_file("id: tổ-5", "loai: tap_the", "ten: Tổ 5")},
                 ("ma-khong-hop-le", DT, 1, 7), id="id-with-diacritics"),

    # -- dates ---------------------------------------------------------------
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ngay: 30/02/2024")},
                 ("ngay-khong-ton-tai", VB, 4, 9), id="impossible-date"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ngay: 2024-02-30")},
                 ("ngay-khong-ton-tai", VB, 4, 9), id="impossible-iso-date"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ngay: 29/11/2026")},
                 ("ngay-trong-tuong-lai", VB, 4, 9), id="future-date"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ngay: 2024-2-3")},
                 ("ngay-sai-dinh-dang", VB, 4, 9), id="unpadded-iso-date"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "ngay: '13/4/ 2023'")},
                 ("ngay-sai-dinh-dang", VB, 4, 9), id="date-with-space"),
    pytest.param({KT: doc("id: k1", "doi_tuong: nguyen-van-an", "hinh_thuc: giay_khen", "nam: 2027",
                          "trang_thai: da_tang")},
                 ("ngay-trong-tuong-lai", KT, 4, 8), id="future-year"),
    pytest.param({"bao-cao/31-bc-ubnd-2024.md": BAO_CAO.replace("ngay: 15/02/2024", "ngay: 30/02/2024")},
                 ("ngay-khong-ton-tai", "data/bao-cao/31-bc-ubnd-2024.md", 5, 7), id="date-in-front-matter"),

    # -- unsafe content ----------------------------------------------------
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten: <script>alert(1)</script>")},
                 ("chua-html", DT, 3, 8), id="script-in-name"),
    pytest.param({DT: person_file("id: a1", "loai: tap_the", "ten: '\"><img src=x onerror=alert(4)>'")},
                 ("chua-html", DT, 3, 8), id="attribute-injection-in-name"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "lien_ket: javascript:alert(1)")},
                 ("lien-ket-khong-hop-le", VB, 4, 13), id="javascript-link"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "lien_ket: http://example.org/a")},
                 ("lien-ket-khong-hop-le", VB, 4, 13), id="http-link"),
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A",
                          "lien_ket: data:text/html;base64,PHNjcmlwdD4=")},
                 ("lien-ket-khong-hop-le", VB, 4, 13), id="data-link"),

    # -- vocabularies and required fields ------------------------------------
    pytest.param({VB: doc("id: abc", "loai: ke_hoachh", "so_ky_hieu: 63/KH-UBND")},
                 ("gia-tri-khong-co-trong-danh-muc", VB, 2, 9), id="wrong-choice"),
    pytest.param({VB: doc("id: abc", "ten: A")}, ("thieu-truong", VB, 1, 3), id="missing-required-field"),
    pytest.param({VB: doc("id: abc", "loai: ke_hoach")}, ("thieu-truong", VB, 1, 3), id="document-without-number-or-title"),
    pytest.param({DT: person_file("id: a1", "loai: ca_nhan", "ten: An")},
                 ("thieu-truong", DT, 1, 3), id="person-without-family-name"),
    pytest.param({VB: doc("id: abc", "loai: bao_cao", "so_ky_hieu: 31/BC- UBND")},
                 ("so-ky-hieu-khong-hop-le", VB, 3, 15), id="number-with-space"),

    # -- awards --------------------------------------------------------------
    pytest.param({KT: doc("id: k1", "doi_tuong: nguyen-van-an", "tong_hop: {loai_doi_tuong: ca_nhan}",
                          "hinh_thuc: giay_khen", "nam: 2024", "trang_thai: da_tang")},
                 ("doi-tuong-khen", KT, 1, 3), id="award-with-both-recipient-and-group"),
    pytest.param({KT: doc("id: k1", "hinh_thuc: giay_khen", "nam: 2024", "trang_thai: da_tang")},
                 ("doi-tuong-khen", KT, 1, 3), id="award-with-no-recipient"),
    pytest.param({KT: doc("id: k1", "doi_tuong: to-dan-pho-2", "danh_hieu: lao_dong_tien_tien", "nam: 2024",
                          "trang_thai: da_tang")},
                 ("danh-hieu-khong-hop-doi-tuong", KT, 3, 14), id="title-for-wrong-recipient-type"),
    pytest.param({KT: doc("id: k1", "tong_hop: {loai_doi_tuong: ca_nhan, so_luong: 3}",
                          "danh_hieu: tap_the_lao_dong_xuat_sac", "nam: 2024", "trang_thai: da_tang")},
                 ("danh-hieu-khong-hop-doi-tuong", KT, 3, 14), id="title-for-wrong-group-type"),
    pytest.param({KT: doc("id: k1", "doi_tuong: nguyen-van-an", "hinh_thuc: huan_chuong_lao_dong", "nam: 2024",
                          "trang_thai: da_tang")},
                 ("thieu-truong", KT, 3, 14), id="order-without-class"),
    pytest.param({KT: doc("id: k1", "doi_tuong: nguyen-van-an", "hinh_thuc: giay_khen", "nam: 2024",
                          "trang_thai: thu_hoi")},
                 ("thieu-truong", KT, 5, 15), id="revoked-without-document"),

    # -- documents -----------------------------------------------------------
    pytest.param({VB: doc("id: qd-63", "loai: quyet_dinh", "so_ky_hieu: 63/KH-UBND", "ngay: 2021",
                          "co_quan_ban_hanh: ubnd-phuong")},
                 ("loai-khong-khop-ky-hieu", VB, 3, 15), id="type-vs-symbol-mismatch"),
    pytest.param({VB: doc("id: nd-91", "loai: nghi_dinh", "so_ky_hieu: 91/2017/QĐ-CP")},
                 ("loai-khong-khop-ky-hieu", VB, 3, 15), id="type-vs-normative-symbol-mismatch"),
    pytest.param({"co-quan.yml": (
        "- id: ubnd-phuong\n  ten: UBND phường\n  cap: xa\n  tu_ngay: 01/02/2020\n  den_ngay: 01/01/2020\n"
        "- id: ubnd-tinh\n  ten: UBND tỉnh\n  cap: tinh\n")},
                 ("thoi-gian-nguoc", "data/co-quan.yml", 5, 13), id="end-before-start"),
]


@pytest.mark.parametrize("changes, expected", CASES)
def test_bad_input_is_reported_at_its_place(tmp_path, changes, expected):
    board, issues = load(tmp_path, changes)
    assert expected in places(issues), issues.report()
    assert board is None, "a tree with errors must not become a board"
    issue = next(i for i in issues.items if (i.code, i.position.path) == expected[:2])
    assert issue.message, "every issue says what is wrong"


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
    assert {"62-kh-ubnd-2021", "62-kh-ubnd-2022"} <= {d.id for d in board.documents}


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
    assert "abc" in {d.id for d in board.documents}


def test_yaml_extension_hint_says_yml(tmp_path):
    _, issues = load(tmp_path, {"van-ban/2022.yaml": doc("id: abc", "loai: van_ban_khac", "ten: A")})
    assert ".yml" in find(issues, "tep-khong-ro-loai", "data/van-ban/2022.yaml").hint


def test_readme_and_gitkeep_are_ignored(tmp_path):
    board, issues = load(tmp_path, {"README.md": "# Dữ liệu\n", "dien-hinh/.gitkeep": ""})
    assert issues.items == [], issues.report()
    assert board is not None


# ---------------------------------------------------------------------------
# Symlinks (made after writing the tree)

@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
@pytest.mark.parametrize("target", ["van-ban/2021.yml", "/etc/hostname"])
def test_symlink_is_refused(tmp_path, target):
    root = write_tree(tmp_path)
    link = root / "van-ban" / "lien-ket.yml"
    link.symlink_to(root / target if not target.startswith("/") else target)
    board, issues = load_board(root, today=TODAY)
    assert ("lien-ket-tep", "data/van-ban/lien-ket.yml", 1, 1) in places(issues), issues.report()
    assert board is None


def test_symlinked_folder_is_refused(tmp_path):
    root = write_tree(tmp_path)
    (root / "khen-thuong-cu").symlink_to(root / "khen-thuong", target_is_directory=True)
    board, issues = load_board(root, today=TODAY)
    assert ("lien-ket-tep", "data/khen-thuong-cu", 1, 1) in places(issues), issues.report()
    assert board is None


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


# ---------------------------------------------------------------------------
# Regressions: each of these was a src bug found by this table, since fixed

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
# Bugs found by this table, kept as regression tests

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
