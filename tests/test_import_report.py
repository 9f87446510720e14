"""python -m bangvang.import_report: real Word files in, a report the checker reads out.

The seed report 31/BC-UBND is rebuilt as a .docx from its extracted text, in the two layouts real
files use (tables; tab stops); Decree 30/2020/NĐ-CP is the Word file as the Government distributed
it (tests/fixtures/word/). Each import is read back by the loader, as the site would read it.
"""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date

import docx
import pytest

from bangvang import import_report
from bangvang.dates import PartialDate
from bangvang.load import load

from datatree import TODAY_ISO
from wordkit import DECREE, sample_data, seed_docx

TODAY = date(*TODAY_ISO)
DECREE_RECIPIENTS = [
    "Ban Bí thư Trung ương Đảng;", "Thủ tướng, các Phó Thủ tướng Chính phủ;",
    "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;", "HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương;",
    "Văn phòng Trung ương và các Ban của Đảng;", "Văn phòng Tổng Bí thư;", "Văn phòng Chủ tịch nước;",
    "Hội đồng Dân tộc và các UB của Quốc hội;", "Văn phòng Quốc hội;", "Viện kiểm sát nhân dân tối cao;",
    "Tòa án nhân dân tối cao;", "Kiểm toán Nhà nước;", "Ủy ban Giám sát tài chính Quốc gia;",
    "Ngân hàng Chính sách xã hội;", "Ngân hàng Phát triển Việt Nam;", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam;",
    "Cơ quan Trung ương của các đoàn thể;", "Các tập đoàn kinh tế, tổng công ty nhà nước;",
    "Cục Văn thư và Lưu trữ nhà nước;", "VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT, các Vụ, Cục, đơn vị trực thuộc, Công báo;",
    "Lưu: VT, HC (2).",
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = import_report.main(list(argv), today=TODAY)
    out, err = capsys.readouterr()
    return code, out, err


def imported(data, record_id: str):
    records = {r.id: r for r in load(data, TODAY)[0].of("bao_cao")}
    return records[record_id]


@pytest.mark.parametrize("layout", ["table", "tabs"])
def test_the_seed_report_as_a_word_file(tmp_path, capsys, layout):
    data = sample_data(tmp_path)
    seed = seed_docx(tmp_path / "31.docx", layout)
    code, out, err = run(capsys, str(tmp_path / "31.docx"), "--data", str(data))
    assert code == 0, out + err
    report = imported(data, "31-bc-ubnd-2024")
    assert (str(report.number), report.number_printed) == ("31/BC-UBND", "31/BC- UBND")
    assert report.date == PartialDate(2024, 2, 15) and report.place_name == "Phổ Minh"
    sign = report.signature
    assert (sign.mode, sign.on_behalf_of, sign.title, sign.name) == ("TM", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Duy Bảo")
    assert report.recipients == [item.removeprefix("- ") for item in seed.recipients]
    assert (report.parent_printed, report.issuer_header) == ("UBND THỊ XÃ ĐỨC PHỔ", "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH")
    assert report.summary == seed.subject and (report.period.start, report.period.end) == (2014, 2023)
    assert report.doc_type == "bao_cao" and not report.draft
    assert "## I. Công tác lãnh đạo" in report.body_markdown
    assert "108 cá nhân và 62 tập thể" in report.body_markdown
    assert "Nhận ra:" in out and "Không nhận ra" not in out
    assert "Kiểm tra dữ liệu: tệp mới không có lỗi." in out


def test_the_decree_as_the_government_distributed_it(tmp_path, capsys):
    data = sample_data(tmp_path)
    code, out, err = run(capsys, str(DECREE), "--data", str(data))
    assert code == 0, out + err
    decree = imported(data, "30-2020-nd-cp")
    assert str(decree.number) == "30/2020/NĐ-CP" and decree.date == PartialDate(2020, 3, 5)
    assert decree.doc_type == "nghi_dinh" and decree.place_name == "Hà Nội"
    assert decree.issuer_header == "CHÍNH PHỦ" and decree.summary == "Về công tác văn thư"
    sign = decree.signature
    assert (sign.mode, sign.on_behalf_of, sign.title, sign.name) == ("TM", "CHÍNH PHỦ", "THỦ TƯỚNG", "Nguyễn Xuân Phúc")
    assert decree.recipients == DECREE_RECIPIENTS
    assert "văn bản này là Nghị định, không phải báo cáo" in out
    body = decree.body_markdown
    assert "Điều 1. Phạm vi điều chỉnh" in body and "Điều 38. Trách nhiệm thi hành" in body
    assert "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;" in body
    assert DECREE_RECIPIENTS[0] not in body and "Nguyễn Xuân Phúc" not in body  # placed, not repeated
    assert "Hien Nguyen" not in (data / "bao-cao" / "30-2020-nd-cp.md").read_text(encoding="utf-8")


def test_the_decree_imports_as_its_expected_file(tmp_path, capsys):
    """The whole file, against tests/fixtures/word/30_2020_ND_CP.md (BANGVANG_UPDATE_GOLDEN=1 rewrites it)."""
    import os

    data = sample_data(tmp_path)
    run(capsys, str(DECREE), "--data", str(data))
    written = (data / "bao-cao" / "30-2020-nd-cp.md").read_text(encoding="utf-8")
    expected = DECREE.with_suffix(".md")
    if os.environ.get("BANGVANG_UPDATE_GOLDEN") == "1":
        expected.write_text(written, encoding="utf-8")
    assert written == expected.read_text(encoding="utf-8")


def test_an_existing_file_is_never_overwritten(tmp_path, capsys):
    data = sample_data(tmp_path)
    seed_docx(tmp_path / "31.docx")
    assert run(capsys, str(tmp_path / "31.docx"), "--data", str(data), "--id", "bao-cao-31")[0] == 0
    target = data / "bao-cao" / "bao-cao-31.md"
    before = target.read_bytes()
    code, out, err = run(capsys, str(tmp_path / "31.docx"), "--data", str(data), "--id", "bao-cao-31")
    assert code == 2 and out == ""
    assert f"lỗi: Tệp {target} đã có; không ghi đè." in err and "gợi ý: Chọn mã khác bằng --id" in err
    assert target.read_bytes() == before


def test_a_second_import_gets_a_new_id_and_the_checker_says_where_it_repeats(tmp_path, capsys):
    data = sample_data(tmp_path)
    seed_docx(tmp_path / "31.docx")
    run(capsys, str(tmp_path / "31.docx"), "--data", str(data))
    code, out, _ = run(capsys, str(tmp_path / "31.docx"), "--data", str(data))
    assert code == 1
    assert (data / "bao-cao" / "31-bc-ubnd-2024-2.md").is_file()
    assert "data/bao-cao/31-bc-ubnd-2024-2.md:" in out and "trung-van-ban" in out and "gợi ý:" in out


def _write(path, content: bytes):
    path.write_bytes(content)
    return path


def _zip(path, files: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


@pytest.mark.parametrize("make, said", [
    (lambda p: p / "khong-co.docx", "Không tìm thấy tệp"),
    (lambda p: p, "không phải một tệp"),
    (lambda p: _write(p / "a.docx", "chữ thường".encode()), "không phải tệp Word .docx"),
    (lambda p: _write(p / "a.docx", b"PK\x03\x04hong"), "bị hỏng"),
    (lambda p: _write(p / "a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "tệp Word cũ (.doc"),
    (lambda p: _write(p / "a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")),
     "đặt mật khẩu"),
    (lambda p: _zip(p / "a.docx", {"bang.csv": b"1,2"}), "không phải văn bản Word"),
    (lambda p: _zip(p / "a.docx", {"word/document.xml": b"<khong-phai-xml", "[Content_Types].xml": b"<x/>"}),
     "Không đọc được tệp"),
], ids=["missing", "folder", "text", "corrupt", "doc", "encrypted", "zip", "broken-xml"])
def test_files_that_are_not_a_docx_are_refused_in_vietnamese(tmp_path, capsys, make, said):
    data = sample_data(tmp_path / "kho")
    path = make(tmp_path)
    code, out, err = run(capsys, str(path), "--data", str(data))
    assert code == 2 and out == "", err
    assert err.startswith("lỗi: ") and said in err and str(path) in err and "gợi ý: " in err
    assert "Traceback" not in err and "Error" not in err
    assert sorted(p.name for p in (data / "bao-cao").iterdir()) == ["12-bc-ubnd-2024.md"]


def test_a_missing_data_folder_and_a_bad_id_are_refused(tmp_path, capsys):
    seed_docx(tmp_path / "31.docx")
    code, _, err = run(capsys, str(tmp_path / "31.docx"), "--data", str(tmp_path / "khong-co"))
    assert code == 2 and "Không tìm thấy thư mục dữ liệu" in err
    data = sample_data(tmp_path)
    code, _, err = run(capsys, str(tmp_path / "31.docx"), "--data", str(data), "--id", "Báo cáo 31")
    assert code == 2 and "chỉ được gồm chữ thường không dấu" in err and "--id bao-cao-31" in err


def test_word_structure_becomes_markdown(tmp_path, capsys):
    """Styles, lists, tables, bold and italic, a section break and a page header of a Word file."""
    document = docx.Document()
    header = document.add_paragraph()
    header.add_run("ỦY BAN NHÂN DÂN XÃ TÂN THÀNH").bold = True
    header.add_run("\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    document.add_paragraph("Số:    /BC-UBND\tTân Thành, ngày    tháng 12 năm 2024")
    document.add_paragraph("Mẫu dùng thử của phòng")
    document.add_paragraph("BÁO CÁO").runs[0].bold = True
    document.add_paragraph("Tổng kết thi đua năm 2024").runs[0].bold = True
    document.add_paragraph("Kính gửi: Ủy ban nhân dân huyện")
    document.add_heading("Kết quả", level=1)
    body = document.add_paragraph("Có ")
    body.add_run("hai").bold = True
    body.add_run(" phong trào, ")
    body.add_run("đều tốt").italic = True
    body.add_run(" (tỷ lệ *100%*).")
    document.add_paragraph("Thôn 3", style="List Bullet")
    document.add_paragraph("Thôn 5", style="List Bullet")
    document.add_paragraph("Bước một", style="List Number")
    document.add_paragraph("Bước hai", style="List Number")
    document.add_section()
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ["Năm", "Số lượng", "2024", "3 | 4"]):
        cell.text = text
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- Lưu: VT.")
    document.add_paragraph("KT. CHỦ TỊCH")
    document.add_paragraph("PHÓ CHỦ TỊCH")
    document.add_paragraph("Trần Văn Bình")
    document.sections[0].header.paragraphs[0].text = "Bản lưu nội bộ"
    document.save(str(tmp_path / "a.docx"))
    data = sample_data(tmp_path)
    code, out, err = run(capsys, str(tmp_path / "a.docx"), "--data", str(data))
    report = imported(data, "du-thao-bc-ubnd-2024")
    assert report.draft and report.number is None and report.date == PartialDate(2024, 12)
    assert report.addressee == "Ủy ban nhân dân huyện" and report.issuer_header == "ỦY BAN NHÂN DÂN XÃ TÂN THÀNH"
    assert report.issuer.id == "ubnd-xa" and (report.period.start, report.period.end) == (2024, 2024)
    sign = report.signature
    assert (sign.mode, sign.on_behalf_of, sign.title, sign.name) == ("KT", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình")
    md = report.body_markdown
    assert "## Kết quả" in md and "Có **hai** phong trào, *đều tốt* (tỷ lệ \\*100%\\*)." in md
    assert "- Thôn 3\n- Thôn 5\n\n1. Bước một\n2. Bước hai" in md  # two lists, each whole
    assert "| Năm | Số lượng |\n|---|---|\n| 2024 | 3 \\| 4 |" in md
    assert md.lstrip().startswith("Mẫu dùng thử của phòng") and md.rstrip().endswith("Bản lưu nội bộ")
    assert "đoạn 3: “Mẫu dùng thử của phòng”" in out and "đầu trang: “Bản lưu nội bộ”" in out
    assert code == 0, out + err


def test_the_fixture_is_the_distributed_file():
    """The decree is kept byte for byte as distributed: its README gives where it is from and its hash."""
    digest = hashlib.sha256(DECREE.read_bytes()).hexdigest()
    assert f"sha256 {digest}" in (DECREE.parent / "README.md").read_text(encoding="utf-8")
    with zipfile.ZipFile(DECREE) as archive:
        assert "Hien Nguyen" in archive.read("docProps/core.xml").decode("utf-8")  # its author, never imported
