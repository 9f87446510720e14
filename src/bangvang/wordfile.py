"""A Word file (.docx) read into plain blocks: paragraphs with their formatting, and tables.

Only what the report importer needs from python-docx: each paragraph's text with bold and italic
kept per run, its heading level (from its style or outline level), the number or bullet Word draws
before it (computed as Word numbers it), whether it is centred, and where it came from, for
messages. Tables come as rows of cells of paragraphs. Text a real Word file keeps in content
controls, tracked insertions and text boxes is read too, so that none of it is lost; deleted text
and field codes are not text. A file that is not a .docx (an old .doc, an encrypted file, a broken
archive) is refused with a Vietnamese message: `WordFileError`.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

from .wordnumbers import Numbering

MAX_FILE = 50 * 1024 * 1024        # bytes of the .docx; a report is far smaller
MAX_UNPACKED = 200 * 1024 * 1024   # bytes once unpacked: a zip that grows past this is not a report
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 files, and encrypted .docx, start so
SAVE_AS = "Mở tệp bằng Word hoặc LibreOffice, chọn “Lưu thành” (Save As) kiểu Word Document (.docx), rồi chạy lại lệnh."

# Runs under these are not shown text: deleted, moved away, or the fallback copy of a text box.
_HIDDEN = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"),
           "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_WRAPPERS = {qn("w:sdt"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo"), qn("w:smartTag")}


class WordFileError(Exception):
    """A file that cannot be read as a Word report: what went wrong and what to do, in Vietnamese."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    runs: list[Run]
    where: str                  # "đoạn 12", "bảng 1, hàng 2, cột 1", "đầu trang"
    heading: int | None = None  # 1 for Heading 1 (or outline level 1)
    label: str = ""             # the number or bullet Word draws before the text: "1.", "a)", "-"
    bullet: bool = False
    level: int = 0              # list level, 0 for the outermost
    centred: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def bold(self) -> bool:
        """All of its visible text is bold (a heading, a header line)."""
        shown = [run for run in self.runs if run.text.strip()]
        return bool(shown) and all(run.bold for run in shown)


@dataclass
class Table:
    rows: list[list[list[Para]]]  # row → cell → paragraphs
    where: str


@dataclass
class WordDoc:
    blocks: list[Para | Table]
    margins: list[Para] = field(default_factory=list)  # headers and footers of every section
    paragraphs: int = 0
    tables: int = 0


def open_docx(path: Path) -> WordDoc:
    """The file's blocks; WordFileError when it is not a .docx that can be read."""
    _refuse_what_is_not_docx(path)
    try:
        document = docx.Document(str(path))
        return _Reader(document).read()
    except WordFileError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file; their words are English
        raise WordFileError(f"Không đọc được tệp '{path}' như một văn bản Word (nội dung bên trong bị hỏng "
                            "hoặc không đúng chuẩn .docx).", SAVE_AS) from exc


def _refuse_what_is_not_docx(path: Path) -> None:
    if not path.exists():
        raise WordFileError(f"Không tìm thấy tệp '{path}'.", "Kiểm tra lại tên tệp và thư mục (đường dẫn).")
    if not path.is_file():
        raise WordFileError(f"'{path}' không phải một tệp (có thể là thư mục).", "Ghi đường dẫn tới tệp .docx.")
    if path.stat().st_size > MAX_FILE:
        raise WordFileError(f"Tệp '{path}' lớn hơn {MAX_FILE // (1024 * 1024)} MB, không phải một báo cáo.",
                            "Bỏ ảnh, bản chụp khỏi văn bản rồi lưu lại.")
    with path.open("rb") as handle:
        start = handle.read(8)
    if start == OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in path.read_bytes():
            raise WordFileError(f"Tệp '{path}' được đặt mật khẩu (đã mã hóa), không đọc được.",
                                "Mở tệp bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu), lưu lại rồi chạy lại lệnh.")
        raise WordFileError(f"Tệp '{path}' là tệp Word cũ (.doc, Word 97-2003), không phải .docx.", SAVE_AS)
    if not start.startswith(b"PK"):
        raise WordFileError(f"Tệp '{path}' không phải tệp Word .docx.", SAVE_AS)
    _check_archive(path)


def _check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise WordFileError(f"Tệp '{path}' khi giải nén quá lớn, không phải một báo cáo.", SAVE_AS)
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise WordFileError(f"Tệp '{path}' bị hỏng (không giải nén được).",
                            "Lấy lại tệp từ nơi gửi, hoặc mở bằng Word rồi lưu lại thành .docx.") from exc
    if broken is not None:
        raise WordFileError(f"Tệp '{path}' bị hỏng (phần '{broken}' sai mã kiểm tra).",
                            "Lấy lại tệp từ nơi gửi, hoặc mở bằng Word rồi lưu lại thành .docx.")
    if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
        raise WordFileError(f"Tệp '{path}' là tệp nén nhưng không phải văn bản Word (không có phần nội dung văn bản).",
                            SAVE_AS)


class _Reader:
    def __init__(self, document):
        self.document = document
        self.container = document._body  # what python-docx objects need to reach the styles
        self.numbering = Numbering(document)
        self.count = 0  # paragraphs read, in reading order: "đoạn N"
        self.tables = 0

    def read(self) -> WordDoc:
        blocks = list(self._blocks(self.document.element.body, None))
        paragraphs = self.count
        margins = self._margins()
        return WordDoc(blocks, margins, paragraphs, self.tables)

    def _blocks(self, parent, cell: str | None):
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                yield from self._paragraphs(child, cell)
            elif child.tag == qn("w:tbl"):
                yield self._table(child)
            elif child.tag in _WRAPPERS:
                content = child.find(qn("w:sdtContent"))
                yield from self._blocks(content if content is not None else child, cell)

    def _paragraphs(self, element, cell: str | None):
        """The paragraph, then the paragraphs of its text boxes (shown beside it)."""
        self.count += 1
        where = f"đoạn {self.count}" + (f" ({cell})" if cell else "")
        yield self._para(element, where)
        for box in element.iter(qn("w:txbxContent")):
            if not _hidden(box.getparent(), element):
                for inner in box.iter(qn("w:p")):
                    self.count += 1
                    yield self._para(inner, f"đoạn {self.count} (hộp chữ)")

    def _para(self, element, where: str) -> Para:
        paragraph = Paragraph(element, self.container)
        styles = _style_chain(paragraph)
        runs = []
        for r in element.iter(qn("w:r")):
            if _hidden(r.getparent(), element):
                continue
            run = DocxRun(r, paragraph)
            text = run.text
            if text:
                runs.append(Run(text, _flag(run, styles, "bold"), _flag(run, styles, "italic")))
        label, bullet, level = self.numbering.label(element, styles)
        return Para(runs, where, _heading(element, styles), label, bullet, level, _centred(element, styles))

    def _table(self, element) -> Table:
        self.tables += 1
        number, rows = self.tables, []
        for r, tr in enumerate((tr for tr in element.iter(qn("w:tr")) if _owner(tr, qn("w:tbl")) is element), 1):
            cells = []  # a row or cell of a table nested in a cell is read with that cell
            for c, tc in enumerate((tc for tc in tr.iter(qn("w:tc")) if _owner(tc, qn("w:tr")) is tr), 1):
                cells.append(self._cell(tc, f"bảng {number}, hàng {r}, cột {c}"))
                cells += [[] for _ in range(_span(tc) - 1)]
            rows.append(cells)
        return Table(rows, f"bảng {number}")

    def _cell(self, tc, where: str) -> list[Para]:
        if _continues_above(tc):
            return []  # merged with the cell above: its text is there
        paras: list[Para] = []
        for block in self._blocks(tc, where):
            paras += [block] if isinstance(block, Para) else [p for row in block.rows for c in row for p in c]
        return paras

    def _margins(self) -> list[Para]:
        """Headers and footers of every section, each once."""
        found, seen = [], set()
        for section in self.document.sections:
            for part, name in ((section.header, "đầu trang"), (section.first_page_header, "đầu trang đầu"),
                               (section.even_page_header, "đầu trang chẵn"), (section.footer, "chân trang"),
                               (section.first_page_footer, "chân trang đầu"), (section.even_page_footer, "chân trang chẵn")):
                if part.is_linked_to_previous or id(part._element) in seen:
                    continue
                seen.add(id(part._element))
                for p in part._element.iter(qn("w:p")):
                    found.append(self._para(p, name))
        return found


def _owner(node, tag: str):
    """The nearest ancestor with `tag` (a row's table, a cell's row), through content controls."""
    node = node.getparent()
    while node is not None and node.tag != tag:
        node = node.getparent()
    return node


def _hidden(node, stop) -> bool:
    """Whether `node` (a run's parent) lies in deleted text, a moved-away copy or a fallback box."""
    while node is not None and node is not stop:
        if node.tag in _HIDDEN:
            return True
        node = node.getparent()
    return False


def _style_chain(paragraph) -> list:
    """The paragraph's style and the styles it is based on, nearest first."""
    chain, style = [], paragraph.style
    while style is not None and len(chain) < 20:
        chain.append(style)
        style = style.base_style
    return chain


def _flag(run: DocxRun, styles: list, name: str) -> bool:
    """Bold or italic as Word shows it: the run's own setting, else its character style's, else the paragraph's."""
    value = getattr(run, name)
    if value is None and run.style is not None:
        value = getattr(run.style.font, name)
    for style in styles:
        if value is not None:
            break
        value = getattr(style.font, name)
    return bool(value)


def _heading(element, styles: list) -> int | None:
    for style in styles:
        name = (style.name or "").lower()
        if name.startswith("heading ") and name[8:].isdigit():
            return int(name[8:])
    for owner in [element, *(s.element for s in styles)]:
        level = owner.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if level is not None and (value := level.get(qn("w:val"), "")).isdigit() and int(value) < 9:
            return int(value) + 1
    return None


def _centred(element, styles: list) -> bool:
    for owner in [element, *(s.element for s in styles)]:
        jc = owner.find(f"{qn('w:pPr')}/{qn('w:jc')}")
        if jc is not None:
            return jc.get(qn("w:val")) == "center"
    return False


def _span(tc) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    value = span.get(qn("w:val"), "1") if span is not None else "1"
    return int(value) if value.isdigit() and 0 < int(value) < 64 else 1


def _continues_above(tc) -> bool:
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"
