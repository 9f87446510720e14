"""Paragraphs and tables of a Word file written as Markdown the site renders the same way.

Bold and italic runs become `**…**` and `*…*`; headings (by style, outline level, or a bold line
that opens with "I.", "1.", "Chương", "Mục", "Điều") become `##` to `####`; Word's list numbers and
bullets are written before the text; tables become pipe tables. Characters Markdown would read as
markup are escaped, so the text reads exactly as the officer typed it.
"""

from __future__ import annotations

import re

from .wordfile import Para, Table

_ESCAPE = re.compile(r"([\\`*_\[\]<])")
_BLOCK_START = re.compile(r"^(\s*)([#>])")
_ROMAN_HEAD = re.compile(r"^[IVXLC]+[.)]\s")
_ARABIC_HEAD = re.compile(r"^\d+(?:\.\d+)*[.)]?\s")
_PART_HEAD = re.compile(r"^(Phần|Chương|Mục)\s+[\dIVXLC]+\b", re.I)
_ARTICLE_HEAD = re.compile(r"^Điều\s+\d+")
_ORDERED = re.compile(r"^\d{1,9}[.)]$")
RULE = re.compile(r"^[\s_\-–—=*~·]*$")  # a drawn line: "______", "-----"; or nothing at all
MAX_HEADING = 300  # characters: a longer bold paragraph is a paragraph


def escape(text: str) -> str:
    """Text Markdown shows as written."""
    return _BLOCK_START.sub(r"\1\\\2", _ESCAPE.sub(r"\\\1", text))


def inline(para: Para, formatting: bool = True) -> str:
    """A paragraph's text, bold and italic kept; tabs as spaces, line breaks as Markdown line breaks."""
    pieces: list[tuple[str, bool, bool]] = []
    for run in para.runs:
        text = run.text.replace("\t", " ").replace("\u00a0", " ")
        bold, italic = (run.bold, run.italic) if formatting else (False, False)
        if pieces and pieces[-1][1:] == (bold, italic):
            pieces[-1] = (pieces[-1][0] + text, bold, italic)
        else:
            pieces.append((text, bold, italic))
    out = "".join(_marked(text, bold, italic) for text, bold, italic in pieces)
    lines = [re.sub(r"[ ]{2,}", " ", line).strip() for line in out.split("\n")]
    return "  \n".join(line for line in lines if line)


def _marked(text: str, bold: bool, italic: bool) -> str:
    """One stretch of runs: the markers hug the words, the spaces stay outside them."""
    body = text.strip()
    if not body or not (bold or italic):
        return escape(text)
    marker = "***" if bold and italic else "**" if bold else "*"
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return lead + "\n".join(f"{marker}{escape(part.strip())}{marker}" if part.strip() else ""
                            for part in body.split("\n")) + trail


def heading_level(para: Para) -> int | None:
    """The Markdown level (2–4) of a heading paragraph, or None for a paragraph.

    What a heading says outranks its style: real files style "Chương I" as Heading 8 and leave
    "Điều 1." a bold paragraph. Chương (Phần) and "I." are level 2, Mục and "1." level 3, Điều 4."""
    text = (para.label + " " + para.text).strip()
    if (para.heading or para.bold) and len(text) <= MAX_HEADING:
        if _PART_HEAD.match(text):
            return 3 if text.lower().startswith("mục") else 2
        if _ROMAN_HEAD.match(text):
            return 2
        if _ARTICLE_HEAD.match(text):
            return 4
        if _ARABIC_HEAD.match(text):
            return 3
    return min(para.heading + 1, 4) if para.heading else None


def paragraph(para: Para) -> str:
    """A paragraph as a Markdown block ('' for an empty one or a drawn line)."""
    if RULE.match(para.text):
        return ""
    level = heading_level(para)
    label = para.label
    if level:
        return "#" * level + " " + escape(" ".join(f"{label} {para.text}".split()))
    text = inline(para)
    indent = "    " * para.level
    if para.bullet:
        return f"{indent}- {text}"
    if label and _ORDERED.match(label):
        return f"{indent}{label[:-1]}. {text}"
    return f"{escape(label)} {text}" if label else text


def table(tbl: Table) -> str:
    """A pipe table: the first row is its head (shown bold, so its own bold is not written again);
    merged cells are empty after the first."""
    return pipe_table([[_cell(paras, formatting=n > 0) for paras in row] for n, row in enumerate(tbl.rows)])


def pipe_table(rows: list[list[str]]) -> str:
    """Rows of Markdown cells as a pipe table, the first row its head; short rows padded."""
    width = max((len(row) for row in rows), default=0)
    if not width:
        return ""
    lines = []
    for i, row in enumerate(rows):
        cells = [cell.replace("|", "\\|") for cell in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


def _cell(paras: list[Para], formatting: bool = True) -> str:
    """A cell's paragraphs on one line (a pipe table has no line breaks), list labels kept."""
    texts = [" ".join(filter(None, (escape(p.label), inline(p, formatting).replace("  \n", " "))))
             for p in paras if not RULE.match(p.text)]
    return " ".join(t for t in texts if t)


def blocks(items: list[Para | Table]) -> list[str]:
    """Markdown blocks of body items, in order; list items of one list stay together."""
    out: list[str] = []
    for item in items:
        md = table(item) if isinstance(item, Table) else paragraph(item)
        if not md:
            continue
        if out and _is_item(md) and _is_item(out[-1]) == _is_item(md):
            out[-1] += "\n" + md  # the next item of the same list
        else:
            out.append(md)
    return out


def _is_item(md: str) -> str:
    """'-' for a bullet item, '1.' for a numbered one, '' for anything else (its last line's)."""
    last = md.rsplit("\n", 1)[-1].lstrip()
    return "-" if last.startswith("- ") else "1." if re.match(r"^\d{1,9}\. ", last) else ""
