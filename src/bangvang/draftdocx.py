"""The draft report as a Word file laid out by Decree 30/2020/NĐ-CP (Phụ lục I).

A4 portrait, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman throughout,
14 pt body text justified with a 1.27 cm first-line indent and 6 pt between paragraphs; the header
block as a borderless two-column table (issuer on the left, national motto on the right, each with
its rule); type line and subject in bold capitals and bold, centred; the signature block and
"Nơi nhận" as a borderless table; page numbers centred in the top margin from the second page.
"""

from __future__ import annotations

from typing import BinaryIO

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from .draftbody import MOTTO, NATION, Draft
from .render import keep_place

FONT = "Times New Roman"
BODY_PT, HEADER_PT, NATION_PT, TABLE_PT, RECIPIENTS_TITLE_PT, RECIPIENTS_PT = 14, 13, 12, 12, 12, 11
PAGE = {"page_width": Mm(210), "page_height": Mm(297), "top_margin": Mm(20), "bottom_margin": Mm(20),
        "left_margin": Mm(30), "right_margin": Mm(15), "header_distance": Mm(10)}
TEXT_WIDTH_CM = 21.0 - 3.0 - 1.5
HEADER_COLUMNS_CM = (6.8, TEXT_WIDTH_CM - 6.8)
FOOTER_COLUMNS_CM = (7.5, TEXT_WIDTH_CM - 7.5)
TABLE_COLUMNS_CM = (1.1, 1.8, 3.2, 3.6, 3.3, 3.5)
FIRST_LINE = Cm(1.27)
# What may follow w:pBdr in a paragraph's properties (ECMA-376 CT_PPrBase order).
_AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                  "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                  "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                  "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def write(draft: Draft, out: BinaryIO) -> None:
    document = docx.Document()
    _page(document)
    _styles(document)
    _header(document, draft)
    _title(document, draft)
    for block in draft.blocks:
        _block(document, block)
    _footer(document, draft)
    props = document.core_properties
    props.author = props.last_modified_by = props.comments = props.keywords = props.category = ""
    props.title, props.subject, props.language = draft.subject, draft.subject, "vi-VN"
    document.save(out)


def _page(document) -> None:
    section = document.sections[0]
    for name, value in PAGE.items():
        setattr(section, name, value)
    section.different_first_page_header_footer = True  # no number on the first page
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    number._p.append(field)


def _fonts(rpr) -> None:
    """Times New Roman for every script, in place of the theme fonts (which Word would prefer)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _styles(document) -> None:
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is not None:
        _fonts(defaults)
    for name in ("Normal", "Heading 1", "Heading 2", "Table Grid"):
        style = document.styles[name]
        _fonts(style.element.get_or_add_rPr())
        style.font.size = Pt(BODY_PT)
        style.font.color.rgb = RGBColor(0, 0, 0)
    normal = document.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(6), 1.15
    for name in ("Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.bold, style.font.italic = True, False
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after, fmt.first_line_indent = Pt(6), Pt(6), FIRST_LINE
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _line(container, text: str, size: int = BODY_PT, bold: bool = False, italic: bool = False,
          before: int = 0, after: int = 0, align=WD_ALIGN_PARAGRAPH.CENTER):
    """One centred line (of a header, title or signature block) in its own paragraph."""
    para = container.add_paragraph()
    fmt = para.paragraph_format
    fmt.alignment, fmt.space_before, fmt.space_after, fmt.first_line_indent = align, Pt(before), Pt(after), Cm(0)
    fmt.line_spacing = 1.0
    run = para.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic
    return para


def _rule(container, width_cm: float, column_cm: float) -> None:
    """A solid line under the line above, `width_cm` long, centred in its column."""
    para = _line(container, "", size=2, before=1)
    para.paragraph_format.line_spacing = Pt(4)  # exactly: the line sits just under the text above
    para.paragraph_format.left_indent = para.paragraph_format.right_indent = Cm((column_cm - width_cm) / 2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(attr), value)
    borders.append(bottom)
    para._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDERS)  # Word wants the schema's order


def _table(document, columns: tuple[float, ...], rows: int = 1, style: str | None = None):
    table = document.add_table(rows=rows, cols=len(columns))
    if style:
        table.style = document.styles[style]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, columns):
        column.w = Cm(width)  # LibreOffice lays a table out by its grid, Word by its cells: both are set
    for row in table.rows:
        for cell, width in zip(row.cells, columns):
            cell.width = Cm(width)
    return table


def _first(cell):
    """A cell with its first (empty) paragraph removed: lines are added after it."""
    cell._tc.remove(cell.paragraphs[0]._p)
    return cell


def _header(document, draft: Draft) -> None:
    left, right = (_first(c) for c in _table(document, HEADER_COLUMNS_CM).rows[0].cells)
    _line(left, keep_place(draft.parent or ""), HEADER_PT)
    _line(left, keep_place(draft.issuer), HEADER_PT, bold=True)  # "ỦY BAN NHÂN DÂN / XÃ …", never inside the name
    _rule(left, 2.5, HEADER_COLUMNS_CM[0])
    _line(left, draft.number, HEADER_PT, before=6)
    _line(right, NATION, NATION_PT, bold=True)
    _line(right, MOTTO, HEADER_PT, bold=True)
    _rule(right, 6.0, HEADER_COLUMNS_CM[1])
    _line(right, draft.place_date, BODY_PT, italic=True, before=6)


def _title(document, draft: Draft) -> None:
    _line(document, draft.doc_type, BODY_PT, bold=True, before=18)
    _line(document, draft.subject, BODY_PT, bold=True)
    _rule(document, 3.0, TEXT_WIDTH_CM)
    _line(document, "", BODY_PT, after=6)


def _block(document, block) -> None:
    if block.kind in ("h2", "h3"):
        document.add_paragraph(block.text, style="Heading 1" if block.kind == "h2" else "Heading 2")
    elif block.kind == "table":
        _data_table(document, block.rows)
    else:
        para = document.add_paragraph(block.text)
        para.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        para.paragraph_format.first_line_indent = FIRST_LINE


def _data_table(document, rows: list[list[str]]) -> None:
    table = _table(document, TABLE_COLUMNS_CM, rows=len(rows), style="Table Grid")
    for r, values in enumerate(rows):
        for cell, value in zip(table.rows[r].cells, values):
            para = cell.paragraphs[0]
            para.paragraph_format.space_after, para.paragraph_format.first_line_indent = Pt(0), Cm(0)
            para.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER if r == 0 else WD_ALIGN_PARAGRAPH.LEFT
            run = para.add_run(value)
            run.font.size, run.bold = Pt(TABLE_PT), r == 0
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row is never cut by a page
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # the head row again on each page
    _line(document, "", BODY_PT)  # Word needs a paragraph between two tables


def _footer(document, draft: Draft) -> None:
    left, right = (_first(c) for c in _table(document, FOOTER_COLUMNS_CM).rows[0].cells)
    _line(left, "Nơi nhận:", RECIPIENTS_TITLE_PT, bold=True, italic=True, before=6, align=WD_ALIGN_PARAGRAPH.LEFT)
    for item in draft.recipients:
        _line(left, f"- {item}", RECIPIENTS_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    for n, line in enumerate(draft.signing or ["…"]):  # the data knows no signing block: a blank for it
        _line(right, line, BODY_PT, bold=True, before=6 if n == 0 else 0)
    for _ in range(4):
        _line(right, "", BODY_PT)  # room for the signature and the seal
    _line(right, "…", BODY_PT, bold=True)
