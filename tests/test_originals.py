"""Signed originals (data/ban-goc/*.pdf): refused with a located error when they cannot be published,
cleaned of everything that acts or tells when they can, shown by a picture of their first page.

The hostile PDFs are made here with pikepdf, one trick each, and all of them together: document
information and XMP metadata, an OpenAction script, a JavaScript name tree, embedded files, a page's
additional actions, a Launch action on a link, a file attachment annotation, a form, an outline
whose action runs a script.
"""

from __future__ import annotations

import io
import re

import pikepdf
import pytest
from PIL import Image

from bangvang import codes, originals, pdfclean
from bangvang.model import load_model

from datatree import BASE_FILES, write_tree


FORBIDDEN = [b"/JavaScript", b"/JS", b"/OpenAction", b"/Launch", b"/EmbeddedFile", b"/Author", b"/Creator",
             b"/Producer", b"/Metadata", b"/AA", b"/AcroForm", b"x:xmpmeta", b"ScanApp", b"Quet"]


def plain_pdf(pages: int = 2) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    return pdf


def action(pdf, kind: str):
    if kind == "js":
        return pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('x')")))
    return pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")))


def hostile(trick: str) -> bytes:
    pdf = plain_pdf()
    page = pdf.pages[0].obj
    if trick in ("info", "all"):
        pdf.docinfo["/Author"] = "Nguyen Van Quet"
        pdf.docinfo["/Creator"] = "ScanApp 4.2"
        pdf.docinfo["/Producer"] = "ScanApp PDF"
    if trick in ("xmp", "all"):
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:creator"] = ["Nguyen Van Quet"]
    if trick in ("openaction", "all"):
        pdf.Root.OpenAction = action(pdf, "js")
    if trick in ("names", "all"):
        embedded = pikepdf.AttachedFileSpec(pdf, b"secret list", filename="danh-sach.txt")
        pdf.attachments["danh-sach.txt"] = embedded
        pdf.Root.Names.JavaScript = pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("x"), action(pdf, "js")]))
    if trick in ("page-aa", "all"):
        page.AA = pikepdf.Dictionary(O=action(pdf, "js"))
    if trick in ("annotations", "all"):
        link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 100, 100],
                                  A=action(pdf, "launch"))
        attach = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment, Rect=[0, 0, 9, 9])
        text = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[0, 0, 9, 9],
                                  Contents=pikepdf.String("ghi chú"))
        page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(a) for a in (link, attach, text)]))
    if trick in ("form", "all"):
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), AA=pikepdf.Dictionary(K=action(pdf, "js")))
    if trick in ("outline", "all"):
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem("Mở", action=action(pdf, "js")))
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()


TRICKS = ["info", "xmp", "openaction", "names", "page-aa", "annotations", "form", "outline", "all"]


@pytest.mark.parametrize("trick", TRICKS)
def test_a_hostile_pdf_is_published_with_nothing_that_acts_or_tells(trick):
    source = hostile(trick)
    assert any(token in source for token in FORBIDDEN), "the hostile PDF should carry its trick"
    cleaned, pages = pdfclean.clean(source)
    found = [token.decode() for token in FORBIDDEN if re.search(re.escape(token) + rb"(?![A-Za-z])", cleaned)]
    assert not found, f"{trick}: {found} left in the published copy"
    with pikepdf.open(io.BytesIO(cleaned)) as pdf:
        assert pages == len(pdf.pages) == 2
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
        annots = pdf.pages[0].obj.get("/Annots")
        kept = [str(a.Subtype) for a in annots] if annots is not None else []
        assert kept == (["/Text"] if trick in ("annotations", "all") else [])


def test_the_same_scan_gives_the_same_published_bytes():
    assert pdfclean.clean(hostile("all")) == pdfclean.clean(hostile("all"))


def test_the_preview_is_the_first_page_as_a_jpeg():
    data, width, height = pdfclean.first_page(pdfclean.clean(hostile("all"))[0])
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (width, height) == (pdfclean.PREVIEW_WIDTH, round(842 * width / 595))


DOCUMENT = """\
- id: 62-kh-ubnd-2021
  loai: ke_hoach
  so_ky_hieu: 62/KH-UBND
  ngay: 20/12/2021
  co_quan_ban_hanh: ubnd-phuong
  ban_goc:
    tep: ban-goc/kh-62.pdf
    da_soat_du_lieu_ca_nhan: true
"""


def encrypted() -> bytes:
    out = io.BytesIO()
    plain_pdf().save(out, encryption=pikepdf.Encryption(owner="chu", user="mo", R=6))
    return out.getvalue()


def restricted() -> bytes:
    out = io.BytesIO()
    plain_pdf().save(out, encryption=pikepdf.Encryption(owner="chu", user="", R=6,
                                                        allow=pikepdf.Permissions(print_highres=False)))
    return out.getvalue()


@pytest.mark.parametrize("name, files, document, code", [
    ("missing", {}, DOCUMENT, codes.THIEU_TEP_BAN_GOC),
    ("not a pdf", {"ban-goc/kh-62.pdf": b"<html>not a pdf</html>"}, DOCUMENT, codes.BAN_GOC_HONG),
    ("broken", {"ban-goc/kh-62.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R"}, DOCUMENT, codes.BAN_GOC_HONG),
    ("password", {"ban-goc/kh-62.pdf": encrypted()}, DOCUMENT, codes.BAN_GOC_MA_HOA),
    ("restricted", {"ban-goc/kh-62.pdf": restricted()}, DOCUMENT, codes.BAN_GOC_MA_HOA),
    ("not reviewed", {"ban-goc/kh-62.pdf": hostile("info")}, DOCUMENT.replace("    da_soat_du_lieu_ca_nhan: true\n", ""),
     codes.BAN_GOC_CHUA_SOAT),
    ("declared false", {"ban-goc/kh-62.pdf": hostile("info")},
     DOCUMENT.replace("da_soat_du_lieu_ca_nhan: true", "da_soat_du_lieu_ca_nhan: false"), codes.BAN_GOC_CHUA_SOAT),
    ("elsewhere", {}, DOCUMENT.replace("ban-goc/kh-62.pdf", "https://example.gov.vn/kh62.pdf"), codes.BAN_GOC_BEN_NGOAI),
    ("bad path", {}, DOCUMENT.replace("ban-goc/kh-62.pdf", "ban-goc/Kế hoạch 62.pdf"), codes.DUONG_DAN_BAN_GOC),
])
def test_an_original_that_cannot_be_published_is_refused_at_its_line(tmp_path, name, files, document, code):
    root = write_tree(tmp_path, {"van-ban/2021.yml": document, **files})
    model, issues = load_model(root)
    found = [i for i in issues.items if str(i.code) == str(code)]
    assert model is None and found, f"{name}: {[str(i.code) for i in issues.items]}"
    assert found[0].position.path == "data/van-ban/2021.yml" and found[0].position.line >= 6
    assert found[0].hint and found[0].message


def test_an_oversized_original_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(originals, "MAX_BYTES", 1000)
    root = write_tree(tmp_path, {"van-ban/2021.yml": DOCUMENT, "ban-goc/kh-62.pdf": hostile("all")})
    _, issues = load_model(root)
    assert [i for i in issues.items if str(i.code) == str(codes.BAN_GOC_QUA_LON)]


def test_a_pdf_no_document_names_is_reported(tmp_path):
    root = write_tree(tmp_path, {"ban-goc/thua.pdf": hostile("info")})
    _, issues = load_model(root)
    assert [i.position.path for i in issues.items if str(i.code) == str(codes.TEP_KHONG_DUOC_DUNG)] == ["data/ban-goc/thua.pdf"]


def test_the_second_commune_publishes_its_original_cleaned_with_a_preview(second_build):
    site = second_build.site
    pdfs = sorted(site.rglob("*.pdf"))
    assert pdfs, "the second commune's demo attaches at least one original"
    for path in pdfs:
        data = path.read_bytes()
        assert not [t for t in FORBIDDEN if re.search(re.escape(t) + rb"(?![A-Za-z])", data)], path
        preview = path.with_name(path.stem + "-trang-1.jpg")
        assert Image.open(preview).format == "JPEG"
        page = (path.parent / "index.html").read_text(encoding="utf-8")
        size = f"{round(len(data) / 1024)} KB"
        assert f'href="{path.name}" download>Tải bản gốc đã ký (PDF, {size}, 1 trang)' in page
        assert f'src="{preview.name}"' in page
    assert not any("ban_goc" in p.name for p in site.rglob("*")), "the data file's own name is not published"
