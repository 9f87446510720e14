"""Python-Markdown's scanners that read to the end of the text for every candidate, made linear.

Its link patterns look for the `]` closing each `[` and the `)` closing each `(` by reading on to the
end of the paragraph, and a code span reads on for a closing run of backticks: 20,000 `[` in a story
took a minute and a half to build. Here the positions they look for are found once per text, in one
pass, and each question is a lookup; the answers are Python-Markdown's own (tests/test_markdown_limits.py
compares both on random text). The one difference: where Python-Markdown would cut characters out of
an unclosed link title (`[a](b 'c( d`, its "backtrack" to no bracket), the text stays as written.

Texts change while they are read: each pattern that matches puts a placeholder in place of the match
and reads on after it. What follows a position never changes, so an index of a text answers for any
later text with the same ending, positions counted from the end (`_Indexes.get`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from bisect import bisect_left, bisect_right

from markdown.blockprocessors import BlockQuoteProcessor, HashHeaderProcessor, HRProcessor, SetextHeaderProcessor
from markdown.extensions.tables import PIPE_LEFT, PIPE_NONE, PIPE_RIGHT, TableProcessor
from markdown.inlinepatterns import (BacktickInlineProcessor, ImageInlineProcessor, ImageReferenceInlineProcessor,
                                     LinkInlineProcessor, ReferenceInlineProcessor, ShortImageReferenceInlineProcessor,
                                     ShortReferenceInlineProcessor, dequote)

_SPECIAL = re.compile(r"[][()'\"]|`+")
_TICKS = re.compile(r"`+")
_QUOTE_CHARS = "'\""


class _Index:
    """Where, in one text, each `[` and `(` closes, the quotes, the parentheses and the backtick runs are."""

    def __init__(self, text: str):
        self.text = text
        self.square: dict[int, int] = {}     # position of a `[` → of the `]` that closes it
        self.round: dict[int, int] = {}      # `(` → `)`
        self.quotes: dict[str, list[int]] = {"'": [], '"': []}
        self.any_quote: list[int] = []
        self.parens: list[int] = []          # every `(` and `)`, and before each, `(` minus `)` so far
        self.balance: list[int] = [0]
        self.after_quote: list[int] = []     # each `)` whose last character before it, spaces aside, is a quote
        self.tick_runs: list[tuple[int, int]] = []
        squares: list[int] = []
        rounds: list[int] = []
        for m in _SPECIAL.finditer(text):
            at, char = m.start(), m.group()
            if char == "[":
                squares.append(at)
            elif char == "]":
                if squares:
                    self.square[squares.pop()] = at
            elif char in "()":
                self._paren(at, char, rounds)
            elif char in _QUOTE_CHARS:
                self.quotes[char].append(at)
                self.any_quote.append(at)
            else:
                self.tick_runs.append((at, len(char)))
        self._index_ticks()

    def _paren(self, at: int, char: str, open_rounds: list[int]) -> None:
        self.parens.append(at)
        self.balance.append(self.balance[-1] + (1 if char == "(" else -1))
        if char == "(":
            open_rounds.append(at)
            return
        if open_rounds:
            self.round[open_rounds.pop()] = at
        before = at - 1
        while before >= 0 and self.text[before] == " ":
            before -= 1
        if before >= 0 and self.text[before] in _QUOTE_CHARS:
            self.after_quote.append(at)

    def _index_ticks(self) -> None:
        """Runs of each length in order, and from each run on, the longest one and the first that long."""
        self.runs_of: dict[int, list[int]] = {}
        for start, length in self.tick_runs:
            self.runs_of.setdefault(length, []).append(start)
        self.run_starts = [start for start, _ in self.tick_runs]
        self.longest: list[tuple[int, int]] = [(0, -1)] * (len(self.tick_runs) + 1)
        for i in range(len(self.tick_runs) - 1, -1, -1):
            length = self.tick_runs[i][1]
            self.longest[i] = (length, i) if length >= self.longest[i + 1][0] else self.longest[i + 1]

    def next_of(self, positions: list[int], after: int) -> int | None:
        """The first of `positions` (sorted) at or after `after`."""
        i = bisect_left(positions, after)
        return positions[i] if i < len(positions) else None


class _Indexes:
    """The index of the last few texts read; a text that ends like an indexed one from `pos` on uses its index."""

    def __init__(self):
        self.entries: list[list] = []  # [index, the text it was last matched with, from which position]

    def get(self, data: str, pos: int) -> tuple[_Index, int]:
        """An index that is right for data[pos:], and how far its positions are shifted from data's."""
        for entry in self.entries:
            index, alias, since = entry
            if alias is data and pos >= since:
                return index, len(index.text) - len(data)
        tail = len(data) - pos
        for entry in self.entries:
            index = entry[0]
            if tail <= len(index.text) and data.startswith(index.text[len(index.text) - tail:], pos):
                entry[1:] = [data, pos]
                return index, len(index.text) - len(data)
        index = _Index(data)
        self.entries = [[index, data, 0]] + self.entries[:3]
        return index, 0


class _FastBrackets:
    """getText and getLink of the link patterns, by lookup (see the module's docstring)."""

    indexes: _Indexes

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        found, shift = self.indexes.get(data, index - 1)
        close = found.square.get(index - 1 + shift)
        if close is None:  # no `]` closes this `[`: Python-Markdown reads to the end to find that out
            return "", index, False
        close -= shift
        return data[index:close], close + 1, True

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        m = self.RE_LINK.match(data, pos=index)  # type: ignore[attr-defined]
        if m is None or m.group(1):  # not a `(`, or a `(<address>` read by a regular expression
            return super().getLink(data, index)  # type: ignore[misc]
        found, shift = self.indexes.get(data, index)
        link = _link_parts(found, index + shift, m.end() + shift)
        if link is None:
            return "", None, index, False
        href_from, href_to, title, end = link
        title_text = None if title is None else found.text[title[0]:title[1]]
        if title_text is not None:
            title_text = self.RE_TITLE_CLEAN.sub(" ", dequote(self.unescape(title_text.strip())))  # type: ignore[attr-defined]
        href = self.unescape(found.text[href_from:href_to]).strip()  # type: ignore[attr-defined]
        return href, title_text, end - shift, True


def _link_parts(found: _Index, opening: int, start: int) -> tuple[int, int, tuple[int, int] | None, int] | None:
    """Python-Markdown's reading of `(address 'title')` from `start`, just after the `(` at `opening`:
    (address from, to, title span or None, end), or None when it is not a link.

    Without a quote before the closing `)`, the address runs to it. After a quote, only a `)` right
    after a closing quote (spaces aside) ends the link: one after the first quote again, or after a
    second one of the other kind; failing that, Python-Markdown falls back to the `)` that balances
    the parentheses opened before the quote."""
    close = found.round.get(opening)
    quote = found.next_of(found.any_quote, start)
    if quote is None or (close is not None and close < quote):
        return None if close is None else (start, close, None, close + 1)
    first = found.text[quote]
    other = "'" if first == '"' else '"'
    other_at = found.next_of(found.quotes[other], quote + 1)
    for i in range(bisect_right(found.after_quote, quote), len(found.after_quote)):  # at most two are passed over
        close = found.after_quote[i]
        before = _last_before(found.text, close)
        char = found.text[before]
        if char == first and before > quote:
            return start, quote, (quote + 1, before), close + 1
        if char == other and other_at is not None and before > other_at:
            return start, other_at, (other_at + 1, before), close + 1
    opened = 1 + found.balance[bisect_left(found.parens, quote)] - found.balance[bisect_left(found.parens, start)]
    nth = bisect_right(found.parens, quote) + opened - 1
    if nth >= len(found.parens) or found.text[found.parens[nth]] == "(":
        return None  # Python-Markdown: not a link, or one that drops characters (the module's docstring)
    return start, found.parens[nth], None, found.parens[nth] + 1


def _last_before(text: str, at: int) -> int:
    """The position of the last character before `at` that is not a space."""
    at -= 1
    while text[at] == " ":
        at -= 1
    return at


class _FastTicks(BacktickInlineProcessor):
    """find_code_spans by lookup: the first later run as long as the opening one, else the longest."""

    indexes: _Indexes

    def find_code_spans(self, start: int, text: str) -> tuple[int, int | None]:
        after = _TICKS.match(text, start).end()  # type: ignore[union-attr]
        ticks = after - start
        found, shift = self.indexes.get(text, after)
        same = found.next_of(found.runs_of.get(ticks, []), after + shift)
        if same is not None:
            return after, same - shift
        length, first = found.longest[bisect_left(found.run_starts, after + shift)]
        if 0 < length < ticks:
            return after - (ticks - length), found.run_starts[first] - shift
        return after + ticks, None


class _LazyTable(TableProcessor):
    """test() as Python-Markdown's, reading only the rows it needs (it split the whole block at each try:
    a block of 5,000 headings, split off one at a time, was tried 5,000 times)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        rows = (row.strip(" ") for row in _split_lines(block))
        header0, row1 = next(rows), next(rows, None)
        if row1 is None:
            return False
        self.border = PIPE_NONE
        if header0.startswith("|"):
            self.border |= PIPE_LEFT
        if self.RE_END_BORDER.search(header0) is not None:
            self.border |= PIPE_RIGHT
        row0_len = len(self._split_row(header0))
        is_table = row0_len > 1
        if not is_table and row0_len == 1 and self.border:  # a one-column table: every row has a pipe
            for row in (row1, *rows):
                is_table = row.startswith("|") or self.RE_END_BORDER.search(row) is not None
                if not is_table:
                    break
        if is_table:
            row = self._split_row(row1)
            is_table = len(row) == row0_len and set("".join(row)) <= set("|:- ")
            if is_table:
                self.separator = row
        return is_table


def _split_lines(text: str):
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


class _Misses:
    """Blocks in which a processor's pattern, anchored at line starts, was not found: a block that
    is one of their endings from a line start on holds none either. Python-Markdown tries every
    processor again on what is left of a block each time one takes a line off its front."""

    def __init__(self, finds):
        self.finds = finds
        self.blocks: list[str] = []

    def none_in(self, block: str) -> bool:
        for known in self.blocks:
            cut = len(known) - len(block)
            if cut >= 0 and (cut == 0 or known[cut - 1] == "\n") and known.endswith(block):
                return True
        if self.finds(block):
            return False
        self.blocks = [block] + self.blocks[:2]
        return True


class _HashHeader(HashHeaderProcessor):
    def __init__(self, parser):
        super().__init__(parser)
        self.misses = _Misses(lambda block: self.RE.search(block) is not None)

    def test(self, parent: etree.Element, block: str) -> bool:
        return not self.misses.none_in(block)


class _Rule(HRProcessor):
    def __init__(self, parser):
        super().__init__(parser)
        self.misses = _Misses(lambda block: HRProcessor.test(self, None, block))  # type: ignore[arg-type]

    def test(self, parent: etree.Element, block: str) -> bool:
        return not self.misses.none_in(block)


class _Quote(BlockQuoteProcessor):
    def __init__(self, parser):
        super().__init__(parser)
        self.misses = _Misses(lambda block: self.RE.search(block) is not None)

    def test(self, parent: etree.Element, block: str) -> bool:
        return not self.misses.none_in(block) and super().test(parent, block)


class _Setext(SetextHeaderProcessor):
    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        """As Python-Markdown's, splitting off the two lines it needs rather than every line of the block."""
        lines = blocks.pop(0).split("\n", 2)
        h = etree.SubElement(parent, "h1" if lines[1].startswith("=") else "h2")
        h.text = lines[0].strip()
        if len(lines) > 2:
            blocks.insert(0, lines[2])


def _fast(base: type) -> type:
    return type("Fast" + base.__name__, (_FastBrackets, base), {})


_LINK_PATTERNS = {name: _fast(base) for name, base in (
    ("reference", ReferenceInlineProcessor), ("link", LinkInlineProcessor), ("image_link", ImageInlineProcessor),
    ("image_reference", ImageReferenceInlineProcessor), ("short_reference", ShortReferenceInlineProcessor),
    ("short_image_ref", ShortImageReferenceInlineProcessor))}


def _priority(registry, name: str) -> float:
    return next(item.priority for item in registry._priority if item.name == name)


def install(md) -> None:
    """Put the linear scanners in place of Python-Markdown's, each under the same name and priority."""
    indexes = _Indexes()
    patterns = md.inlinePatterns
    for name, cls in [*_LINK_PATTERNS.items(), ("backtick", _FastTicks)]:
        new = cls(patterns[name].pattern) if name == "backtick" else cls(patterns[name].pattern, md)
        new.indexes = indexes
        patterns.register(new, name, _priority(patterns, name))
    blocks = md.parser.blockprocessors
    for name, cls in (("table", _LazyTable), ("hashheader", _HashHeader), ("setextheader", _Setext),
                      ("hr", _Rule), ("quote", _Quote)):
        old = blocks[name]
        new = cls(md.parser, old.config) if name == "table" else cls(md.parser)
        blocks.register(new, name, _priority(blocks, name))
