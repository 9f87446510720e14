"""How deep and how long Markdown may be, read line by line in linear time, before anything renders it.

Python-Markdown parses a list or blockquote inside another by recursion (a few hundred levels crash
the build with RecursionError), and it reads a paragraph again for each link or emphasis it finds in
it (its time grows with the square of the paragraph's length). The checker refuses what goes past
these limits, at the line and column where it does (validate.py); the renderer (markdown_safe.py)
shows a longer paragraph as plain text rather than slowly, and survives any depth.

Both readings follow Python-Markdown's block rules (a tab is 4 columns; an item marker is `-`, `*`,
`+` or `1.` and a space, at most 3 spaces in; `>` starts a quote) and, where unsure, count more:
what they pass is never deeper or longer than what the renderer will see.
"""

from __future__ import annotations

import re
from typing import Callable

from . import codes
from .issues import Issues, Position
from .progress import vn_int

MAX_DEPTH = 8            # lists and blockquotes inside one another
MAX_BLOCK = 20_000       # characters of a paragraph, list item or table row (Markdown fields are no longer)

_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
_ITEM = re.compile(r"[ ]{0,3}(?:[*+-]|\d+\.)[ ]+")
_BULLET = re.compile(r"[ ]{0,3}[*+-][ ]+")
_NUMBER = re.compile(r"[ ]{0,3}\d+\.[ ]+")
_NESTED_ITEM = re.compile(r"[ ]{4,}(?:[*+-]|\d+\.)[ ]+")
# One mark per repetition (Python-Markdown writes `-+`: the same lines, but backtracking on "*****a" doubles per `*`).
_RULE = re.compile(r"[ ]{0,3}(?:(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,})[ ]*$")
_QUOTES = re.compile(r"(?:[ ]{0,3}>[ ]?)*")
_SEPARATOR = re.compile(r"(?:[ ]*\|)?[ ]*(?::?-+:?[ ]*\|[ ]*)*:?-+:?[ ]*(?:\|[ ]*)?")  # no two `[ ]*` side by side


def _lines(text: str):
    """(offset in `text`, line) of each line."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _column(line: str, wide_column: int) -> int:
    """The index in `line` of what stands at `wide_column` once each tab reaches the next multiple of 4."""
    width = 0
    for index, char in enumerate(line):
        if width >= wide_column:
            return index
        width = (width // 4 + 1) * 4 if char == "\t" else width + 1
    return len(line)


def _text_at(wide: str, pos: int) -> int:
    """The column of the first character after the spaces at `pos`."""
    return len(wide) - len(wide[pos:].lstrip(" "))


def _levels(wide: str, open_depth: int) -> tuple[list[int], bool, bool] | None:
    """The column where each level of one line starts, whether its indentation continues a list
    and whether it has item or quote markers after it; None for code, where nothing nests.

    Quote markers come first; then the indentation continues the lists open above (4 columns a
    level, never more levels than are open: deeper indentation outside a list is code); then item
    and quote markers follow one another ("- - 1. > x" opens four levels; a rule "- - -" none)."""
    starts, pos = [], 0
    while (m := _QUOTE.match(wide, pos)) is not None:
        starts.append(_text_at(wide, m.start()))
        pos = m.end()
    indent = _text_at(wide, pos) - pos
    levels = min(indent // 4, open_depth - len(starts))
    if indent >= 4 and levels <= 0:
        return None
    if indent >= 4:
        starts += [pos + indent] * levels
        pos += 4 * levels
    marked = False
    while not _RULE.match(wide, pos) and (m := _ITEM.match(wide, pos) or _QUOTE.match(wide, pos)) is not None:
        starts.append(_text_at(wide, m.start()))
        pos, marked = m.end(), True
    return starts, indent >= 4, marked


def too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """(offset of the marker that opens level limit + 1, the depth of its line), or None."""
    open_depth, after_blank = 0, True
    for offset, line in _lines(text):
        wide = line.expandtabs(4)
        if not wide.strip():
            after_blank = True
            continue
        found = _levels(wide, open_depth)
        if found is not None:
            starts, continued, marked = found
            if len(starts) > limit:
                return offset + _column(line, starts[limit]), len(starts)
            if marked or (after_blank and not continued):
                open_depth = len(starts)  # a new item, or a paragraph after a blank line: the lists above end
        after_blank = False
    return None


def too_long(text: str, limit: int = MAX_BLOCK) -> tuple[int, int] | None:
    """(offset, length) of the first stretch longer than `limit` that Python-Markdown reads as one, or None.

    A blank line (or `>` alone), a rule or a `#` heading ends a stretch; in a list, an item at the
    list's own level, or any item indented 4 or more, starts one; in a table, each row is one.
    Quote markers are not counted."""
    lines = [(offset, line[_QUOTES.match(line).end():].expandtabs(4)) for offset, line in _lines(text)]
    start, size, kind = None, 0, None
    for index, (offset, body) in enumerate(lines):
        if not body.strip() or _RULE.match(body) or body.startswith("#"):
            if start is not None and size > limit:
                return start, size
            if len(body) > limit:
                return offset, len(body)
            start = None
            continue
        if start is None:
            kind = _kind(body, lines[index + 1][1] if index + 1 < len(lines) else "")
            start, size = offset, -1
        elif _starts_unit(kind, body):
            if size > limit:
                return start, size
            start, size = offset, -1
        size += len(body) + 1  # the line and the line break before it
    return (start, size) if start is not None and size > limit else None


def _kind(first: str, second: str) -> str | None:
    """How a block splits into what is read as one: by row (a table), by item, or not (a paragraph)."""
    if "|" in first + second and "-" in second and _SEPARATOR.fullmatch(second.rstrip()):
        return "row"
    if _BULLET.match(first):
        return "bullet"
    if _NUMBER.match(first):
        return "number"
    return None


def _starts_unit(kind: str | None, line: str) -> bool:
    if kind is None:
        return False
    if kind == "row":
        return True
    return (_BULLET if kind == "bullet" else _NUMBER).match(line) is not None or _NESTED_ITEM.match(line) is not None


def report(text: str, where: Callable[[int], Position], issues: Issues) -> bool:
    """An error for each limit `text` goes past, at where(offset) of the place; True when it is within both."""
    deep, long = too_deep(text), too_long(text)
    if deep:
        offset, depth = deep
        issues.add(where(offset), codes.LONG_QUA_SAU,
                   f"Dòng này mở tầng lồng thứ {depth} (danh sách trong danh sách, hoặc dấu '>'); "
                   f"tối đa {MAX_DEPTH} tầng.",
                   "Bớt thụt lề hoặc bớt dấu '-', '*', '1.', '>' ở đầu dòng; nếu đây là chữ thường, "
                   "bắt đầu dòng bằng dấu '\\\\' để nó không bị đọc là danh sách.")
    if long:
        offset, size = long
        issues.add(where(offset), codes.DOAN_QUA_DAI,
                   f"Đoạn bắt đầu ở đây dài {vn_int(size)} ký tự, vượt giới hạn {vn_int(MAX_BLOCK)} ký tự một đoạn "
                   "(một đoạn văn, một mục danh sách hay một dòng bảng).",
                   "Để một dòng trống ở những chỗ chuyển ý, chia thành các đoạn ngắn hơn.")
    return not (deep or long)


def offset_position(path: str, first_line: int, text: str, offset: int, indent: int = 0) -> Position:
    """The position of text[offset] when `text` starts at the beginning of line `first_line` of `path`,
    each of its lines indented by `indent` more spaces in the file (a YAML block)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(path, first_line + text.count("\n", 0, offset), indent + offset - line_start + 1)
