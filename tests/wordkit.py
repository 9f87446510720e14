"""Word files for the importer's tests, written with python-docx the way officers' files are laid out.

`seed_docx` rebuilds the bundled report 31/BC-UBND as a .docx from its extracted text
(data/bao-cao/31-bc-ubnd-2024.txt), in one of two real-world layouts: the header and signature
blocks as borderless tables, or as lines split by tab stops. The extracted text lost the issuer
lines of the header; they are put back as the report's data records them (co_quan_chu_quan_in,
co_quan_ban_hanh_in).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from bangvang import codes

from datatree import write_files

REPO = Path(__file__).resolve().parent.parent
SEED_TEXT = REPO / "data" / "bao-cao" / "31-bc-ubnd-2024.txt"
SEED_PARENT, SEED_ISSUER = "UBND THỊ XÃ ĐỨC PHỔ", "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH"
NATION, MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
DECREE = REPO / "tests" / "fixtures" / "word" / "30_2020_ND_CP.docx"


@dataclass
class Seed:
    number: str = ""
    place_date: str = ""
    subject: str = ""
    body: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signing: list[str] = field(default_factory=list)
    name: str = ""


def seed_parts() -> Seed:
    """The parts of the extracted text, in its order."""
    lines = [line.strip() for line in SEED_TEXT.read_text(encoding="utf-8").split("\n\n") if line.strip()]
    seed = Seed(number=lines[0], place_date=lines[1], subject=lines[3])
    at = 4
    while not lines[at].startswith("Nơi nhận"):
        seed.body.append(lines[at])
        at += 1
    items = lines[at].split("\n")[1:]
    if not items:  # "Nơi nhận:" stands alone, its entries are the next block
        at += 1
        items = lines[at].split("\n")
    seed.recipients = [item.strip() for item in items]
    seed.signing = lines[at + 1].replace("**", "").split("\n")
    seed.name = lines[at + 2]
    return seed


def _run(para, text: str, bold: bool = False, italic: bool = False):
    run = para.add_run(text)
    run.bold, run.italic = bold, italic
    return run


def _centred(container, text: str, bold: bool = False, italic: bool = False):
    para = container.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(para, text, bold, italic)
    return para


def seed_docx(path: Path, layout: str = "table") -> Seed:
    """Write the seed report as a .docx; `layout` is "table" or "tabs"."""
    seed, document = seed_parts(), docx.Document()
    if layout == "table":
        left, right = document.add_table(rows=1, cols=2).rows[0].cells
        left.paragraphs[0].add_run(SEED_PARENT)
        _centred(left, SEED_ISSUER, bold=True)
        _centred(left, "_______")
        _centred(left, seed.number)
        right.paragraphs[0].add_run(NATION).bold = True
        _centred(right, MOTTO, bold=True)
        _centred(right, "_________________________")
        _centred(right, seed.place_date, italic=True)
    else:
        for plain, bold in ((SEED_PARENT, NATION), (SEED_ISSUER, MOTTO)):
            para = document.add_paragraph()
            _run(para, plain, bold=plain == SEED_ISSUER)
            _run(para, "\t" + bold, bold=True)
        para = document.add_paragraph()
        _run(para, seed.number + "\t")
        _run(para, seed.place_date, italic=True)
    _centred(document, "BÁO CÁO", bold=True)
    _centred(document, seed.subject, bold=True)
    for text in seed.body:
        heading = text.split(".")[0] in ("I", "II", "III")
        para = document.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _run(para, text, bold=heading)
    _closing(document, seed, layout)
    document.save(str(path))
    return seed


def _closing(document, seed: Seed, layout: str) -> None:
    if layout == "table":
        left, right = document.add_table(rows=1, cols=2).rows[0].cells
        _run(left.paragraphs[0], "Nơi nhận:", bold=True, italic=True)
        for item in seed.recipients:
            left.add_paragraph(item)
        sign = right.paragraphs[0]
        _run(sign, seed.signing[0], bold=True).add_break()
        _run(sign, seed.signing[1], bold=True)
        for _ in range(3):
            right.add_paragraph()
        _centred(right, seed.name, bold=True)
        return
    right = seed.signing + ["", "", seed.name]
    left = ["Nơi nhận:"] + seed.recipients
    for n in range(max(len(left), len(right))):
        para = document.add_paragraph()
        _run(para, left[n] if n < len(left) else "", italic=n == 0)
        _run(para, "\t" + (right[n] if n < len(right) else ""), bold=True)


def sample_data(tmp_path: Path) -> Path:
    """A small valid data/ folder (the invented commune of the error guide's examples) to import into."""
    return write_files(tmp_path / "data", codes.SAMPLE)
