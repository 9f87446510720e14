"""python -m bangvang.draft: the unit's report for a period, drafted from the data, in Word and Markdown.

The draft of the bundled ward for 2014–2023 must state what its own report states (108 individuals
and 62 collectives proposed, the provincial Bằng khen), on A4 with Decree 30 margins and fonts; the
round trip draft → import → check gives the same facts back; the second commune drafts too, with
none of the ward's words.
"""

from __future__ import annotations

import shutil
from datetime import date

import docx
import pytest

from bangvang import draft, import_report
from bangvang.load import load
from bangvang.manifest import current_ids
from bangvang.public import load_view

from datatree import TODAY_ISO, write_tree
from sitebuild import FIXTURE_DATA, SEED_DATA
from test_second_commune import SEED_NAMES

TODAY = date(*TODAY_ISO)


def run(capsys, module, *argv: str) -> tuple[int, str, str]:
    code = module.main(list(argv), today=TODAY)
    out, err = capsys.readouterr()
    return code, out, err


def text_of(document) -> str:
    """Every paragraph of the body and of its tables, in order."""
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(lines).replace("\u00a0", " ")  # no-break spaces keep a place's name on one line


@pytest.fixture(scope="module")
def ward_draft(tmp_path_factory):
    out = tmp_path_factory.mktemp("draft") / "bao-cao-2014-2023.docx"
    assert draft.main(["--tu-nam", "2014", "--den-nam", "2023", "-o", str(out), "--data", str(SEED_DATA)],
                      today=TODAY) == 0
    return docx.Document(str(out))


def test_the_ward_draft_states_its_reports_figures(ward_draft):
    text = text_of(ward_draft)
    assert "Đã xét, đề nghị cấp trên khen thưởng cho 108 cá nhân và 62 tập thể." in text
    assert text.count("Bằng khen") >= 2 and "Chủ tịch UBND tỉnh Quảng Ngãi" in text
    assert "Nhân dân và cán bộ phường Phổ Minh" in text
    assert "- Hoạt động kỷ niệm 60 năm chiến thắng Điện Biên Phủ;" in text  # a movement the data gives no year
    assert "Kế hoạch số 62/KH-UBND" in text


def test_the_draft_is_laid_out_by_decree_30(ward_draft):
    section = ward_draft.sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (210.0, 297.0)  # A4 portrait
    mm = {name: round(getattr(section, name).mm, 1) for name in ("top_margin", "bottom_margin", "left_margin", "right_margin")}
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25, mm  # Word keeps twips: 15 mm is 14.99
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20, mm
    normal = ward_draft.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    runs = [r for p in ward_draft.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for t in ward_draft.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert {r.font.name for r in runs} <= {None, "Times New Roman"}  # None: the style's, checked above
    for style in ("Heading 1", "Heading 2"):
        fonts = ward_draft.styles[style].element.rPr.rFonts
        assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}asciiTheme") is None
    header = ward_draft.tables[0]
    left, right = (" ".join(p.text for p in cell.paragraphs).replace("\u00a0", " ") for cell in header.rows[0].cells)
    assert "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH" in left and "Số: …/BC-UBND" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert "Phổ Minh, ngày … tháng … năm …" in right
    assert not header._tbl.xpath(".//w:tblBorders")  # borderless
    titles = [p.text for p in ward_draft.paragraphs[:4]]
    assert "BÁO CÁO" in titles and "Kết quả công tác thi đua, khen thưởng giai đoạn 2014–2023" in titles
    footer = ward_draft.tables[-1]
    assert footer.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"
    signing = [p.text for p in footer.rows[0].cells[1].paragraphs if p.text]
    assert signing == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "…"]  # the name is left to the officer
    assert "Lê Duy Bảo" not in text_of(ward_draft)


def test_round_trip_draft_import_check(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(SEED_DATA, data)
    docx_file, md_file = tmp_path / "du-thao.docx", tmp_path / "du-thao.md"
    for out in (docx_file, md_file):
        assert run(capsys, draft, "--tu-nam", "2014", "--den-nam", "2023", "-o", str(out), "--data", str(data))[0] == 0
    code, out, err = run(capsys, import_report, str(docx_file), "--data", str(data))
    assert code == 0, out + err
    assert "Kiểm tra dữ liệu: tệp mới không có lỗi." in out
    shutil.copy(md_file, data / "bao-cao" / "ban-markdown.md")
    dataset, issues = load(data, TODAY)
    drafts = {r.id: r for r in dataset.of("bao_cao") if r.draft}
    assert set(drafts) == {"du-thao-bc-ubnd-2014-2023", "du-thao-bc-2014-2023"}
    back, written = drafts["du-thao-bc-ubnd-2014-2023"], drafts["du-thao-bc-2014-2023"]
    for report in (back, written):
        assert report.number is None and report.date is None and report.signature is None
        assert (report.period.start, report.period.end) == (2014, 2023)
        assert "108 cá nhân và 62 tập thể" in report.body_markdown
    assert {m.id for m in back.movements} == {m.id for m in written.movements} and len(back.movements) >= 15
    assert [d.id for d in back.cited] == [d.id for d in written.cited]
    assert (back.summary, back.place_name, back.issuer.id, back.recipients) == \
           (written.summary, written.place_name, written.issuer.id, written.recipients)
    assert back.body_markdown.strip() == written.body_markdown.strip()
    view, issues = load_view(data, TODAY)
    assert view is not None, issues.report()
    assert not set(drafts) & {r.id for r in view.of("bao_cao")}, "a draft is never published"
    assert not set(drafts) & current_ids(dataset)["van_ban"], "nor listed as published"
    assert "31-bc-ubnd-2024" in current_ids(dataset)["van_ban"]


def test_the_second_commune_drafts_without_the_wards_words(tmp_path, capsys):
    out = tmp_path / "an-binh.docx"
    code, said, err = run(capsys, draft, "--tu-nam", "2022", "--den-nam", "2025", "-o", str(out), "--data", str(FIXTURE_DATA))
    assert code == 0, err
    text = text_of(docx.Document(str(out)))
    assert "ỦY BAN NHÂN DÂN XÃ AN BÌNH" in text and "An Bình, ngày … tháng … năm …" in text
    assert "15 cá nhân" in text and "Huân chương Lao động hạng Ba" in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text  # how its last report was signed
    for name in SEED_NAMES + ["phường"]:
        assert name not in text, name
    assert "Đã ghi" in said


@pytest.mark.parametrize("args, said", [
    (["--tu-nam", "2023", "--den-nam", "2014"], "Năm đầu 2023 lớn hơn năm cuối 2014"),
    (["--tu-nam", "214", "--den-nam", "2023"], "Năm phải từ 1945"),
    (["--tu-nam", "2014", "--den-nam", "2023", "-o", "{tmp}/bao-cao.pdf"], "cần đuôi .docx hoặc .md"),
    (["--tu-nam", "2014", "--den-nam", "2023", "-o", "{tmp}/khong-co/bao-cao.docx"], "Không có thư mục"),
    (["--tu-nam", "2014", "--den-nam", "2023", "--data", "{tmp}/khong-co"], "Không tìm thấy thư mục dữ liệu"),
], ids=["reversed", "year", "extension", "folder", "no-data"])
def test_command_line_mistakes_are_refused_in_vietnamese(tmp_path, capsys, args, said):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "-o" not in argv:
        argv += ["-o", str(tmp_path / "bao-cao.docx")]
    if "--data" not in argv:
        argv += ["--data", str(SEED_DATA)]
    code, out, err = run(capsys, draft, *argv)
    assert code == 2 and out == "" and err.startswith("lỗi: ") and said in err and "gợi ý: " in err, err
    assert "Traceback" not in err and not (tmp_path / "bao-cao.docx").exists()


def test_an_existing_file_is_never_overwritten(tmp_path, capsys):
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"ban cu")
    code, _, err = run(capsys, draft, "--tu-nam", "2014", "--den-nam", "2023", "-o", str(out), "--data", str(SEED_DATA))
    assert code == 2 and f"Tệp '{out}' đã có; không ghi đè." in err and out.read_bytes() == b"ban cu"


def test_data_with_errors_gives_located_errors_and_no_draft(tmp_path, capsys):
    data = write_tree(tmp_path, {"van-ban/2021.yml": "- id: 62-kh-ubnd-2021\n  loai: ke_hoach\n  ngay: 31/11/2021\n"})
    out = tmp_path / "bao-cao.docx"
    code, _, err = run(capsys, draft, "--tu-nam", "2014", "--den-nam", "2023", "-o", str(out), "--data", str(data))
    assert code == 1 and not out.exists()
    assert "data/van-ban/2021.yml:3:9: ngay-khong-ton-tai" in err and "gợi ý:" in err and "Traceback" not in err


def test_a_period_the_data_knows_nothing_of_is_said(tmp_path, capsys):
    out = tmp_path / "bao-cao.md"
    code, _, err = run(capsys, draft, "--tu-nam", "1990", "--den-nam", "1995", "-o", str(out), "--data", str(SEED_DATA))
    assert code == 1 and not out.exists()
    assert "lỗi: Dữ liệu không có phong trào, khen thưởng, gương điển hình hay sự kiện nào trong giai đoạn 1990–1995" in err
