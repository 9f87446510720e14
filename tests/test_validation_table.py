"""THE bad-input table: every bad input → one exact issue (code, path, line, column).

Each case starts from the minimal valid tree of `datatree.py`, replaces or adds
one file, loads it with `bangvang.public.load_view` and asserts that the issue
is among the issues found, that the tree does not become a board and that the
issue says what is wrong. The kinds of bad input are those numbered in
tests/corpus/README.md (YAML traps, encodings and invisible characters, empty,
huge or misplaced files, wrong shapes and keys, dates, unsafe content); the
corpus runs them end to end, this table checks the loader one input at a time.

The same helpers serve test_validation_messages.py (what an issue tells the
officer, several issues in one pass) and test_validation_values.py (what loads
as typed, and the regressions this table found).
"""

from __future__ import annotations

import os

import pytest

from bangvang.public import load_view
from datatree import BAO_CAO, write_tree
from validationkit import DT, KT, PT, TODAY, VB, doc, load, person_file, places


# ---------------------------------------------------------------------------
# The baseline

def test_minimal_valid_tree_has_no_issue(tmp_path):
    board, issues = load(tmp_path)
    assert issues.items == [], issues.report()
    assert board is not None
    assert board.unit.name == "phường Phổ Minh"
    assert [d.id for d in board.listed("van_ban")] == ["31-bc-ubnd-2024", "62-kh-ubnd-2021"]
    assert [r.id for r in board.of("bao_cao")] == ["31-bc-ubnd-2024"]
    assert [m.id for m in board.of("phong_trao")] == ["cai-cach-hanh-chinh"]
    assert [r.full_name for r in board.of("doi_tuong")] == ["Nguyễn Văn An", "Tổ dân phố 2"]
    assert [a.id for a in board.of("khen_thuong")] == ["giay-khen-an-2023"]
    assert set(board.bodies) == {"ubnd-phuong", "ubnd-tinh"}
    assert board.flags == {}
    assert board.of("bao_cao")[0].body_markdown.startswith("Năm 2023")


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
    pytest.param({VB: doc("id: abc", "loai: van_ban_khac", "ten: A", "lien_ket: file:///etc/passwd")},
                 ("lien-ket-khong-hop-le", VB, 4, 13), id="file-link"),  # http:// is accepted: test_http_links.py
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
# Symlinks (made after writing the tree)

@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
@pytest.mark.parametrize("target", ["van-ban/2021.yml", "/etc/hostname"])
def test_symlink_is_refused(tmp_path, target):
    root = write_tree(tmp_path)
    link = root / "van-ban" / "lien-ket.yml"
    link.symlink_to(root / target if not target.startswith("/") else target)
    board, issues = load_view(root, today=TODAY)
    assert ("lien-ket-tep", "data/van-ban/lien-ket.yml", 1, 1) in places(issues), issues.report()
    assert board is None


def test_symlinked_folder_is_refused(tmp_path):
    root = write_tree(tmp_path)
    (root / "khen-thuong-cu").symlink_to(root / "khen-thuong", target_is_directory=True)
    board, issues = load_view(root, today=TODAY)
    assert ("lien-ket-tep", "data/khen-thuong-cu", 1, 1) in places(issues), issues.report()
    assert board is None
