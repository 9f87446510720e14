"""The numbers and bullets Word draws before list paragraphs, computed as Word shows them.

A numbered paragraph's text does not hold its number ("1.", "a)", "II."): Word computes it from the
numbering definitions (numbering.xml) and the paragraphs before it. The importer needs it, or a
report's "II. Kết quả…" would lose its "II.". Counters run per list (numId) and level; a level
restarts after a paragraph of a shallower level, as in Word.
"""

from __future__ import annotations

from docx.oxml.ns import qn

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def roman(n: int) -> str:
    """>>> roman(14)
    'XIV'"""
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out, n = out + digits, n - value
    return out


def letter(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else ""


def formatted(n: int, fmt: str) -> str:
    return {"upperRoman": roman(n), "lowerRoman": roman(n).lower(), "upperLetter": letter(n).upper(),
            "lowerLetter": letter(n), "decimalZero": f"{n:02d}"}.get(fmt, str(n))


def _val(node, tag: str) -> str | None:
    found = node.find(qn(tag)) if node is not None else None
    return found.get(qn("w:val")) if found is not None else None


class Numbering:
    """Labels of list paragraphs, in reading order (call `label` once per paragraph, in order)."""

    def __init__(self, document):
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None  # a file without lists
        self.abstract = {a.get(qn("w:abstractNumId")): a for a in root.iter(qn("w:abstractNum"))} if root is not None else {}
        self.nums = {n.get(qn("w:numId")): n for n in root.iter(qn("w:num"))} if root is not None else {}
        self.counters: dict[str, list[int]] = {}

    def _level(self, num_id: str, ilvl: int):
        """The w:lvl that defines a level of a list: the list's override, else its abstract definition."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        for override in num.iter(qn("w:lvlOverride")):
            if override.get(qn("w:ilvl")) == str(ilvl) and (lvl := override.find(qn("w:lvl"))) is not None:
                return lvl
        abstract = self.abstract.get(_val(num, "w:abstractNumId"))
        if abstract is None:
            return None
        return next((lvl for lvl in abstract.iter(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == str(ilvl)), None)

    def label(self, element, styles: list) -> tuple[str, bool, int]:
        """(label, is a bullet, level) of a paragraph; ('', False, 0) when it is not in a list."""
        num_id, ilvl = _numbering_of(element, styles)
        if not num_id or num_id == "0":
            return "", False, 0
        lvl = self._level(num_id, ilvl)
        if lvl is None:
            return "", False, ilvl
        fmt = _val(lvl, "w:numFmt") or "decimal"
        if fmt == "bullet":
            return "-", True, ilvl
        if fmt == "none":
            return "", False, ilvl
        counts = self.counters.setdefault(num_id, [0] * 9)
        start = int(_val(lvl, "w:start") or 1) if (_val(lvl, "w:start") or "1").isdigit() else 1
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = _val(lvl, "w:lvlText") or f"%{ilvl + 1}."
        for k in range(9):
            if f"%{k + 1}" in text:
                level_fmt = _val(self._level(num_id, k), "w:numFmt") or "decimal"
                text = text.replace(f"%{k + 1}", formatted(counts[k] or 1, level_fmt))
        return text.strip(), False, ilvl


def _numbering_of(element, styles: list) -> tuple[str | None, int]:
    """(numId, level) from the paragraph's own properties, else from its style's."""
    for owner in [element, *(s.element for s in styles)]:
        num_pr = owner.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            num_id = _val(num_pr, "w:numId")
            ilvl = _val(num_pr, "w:ilvl")
            return num_id, int(ilvl) if ilvl and ilvl.isdigit() and int(ilvl) < 9 else 0
    return None, 0
