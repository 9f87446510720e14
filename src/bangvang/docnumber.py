"""Document numbers and symbols (số, ký hiệu) in the three Vietnamese syntaxes.

- administrative (Decree 30/2020): ``12/BC-UBND``, ``19/CT-TTg``, ``867/NQ-UBTVQH14``;
  a công văn has no type: ``25/PNV``, ``2975/UBND-KSTT``;
- legal-normative, with the year: ``91/2017/NĐ-CP``, ``06/2022/QH15``;
- Party: ``34-CT/TW``, ``418-KL/TU``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ADMINISTRATIVE, NORMATIVE, PARTY = "hanh_chinh", "quy_pham", "dang"

# The grammar, written once; every other form is derived from these pieces.
_UNIT = r"[A-ZĐ][A-Za-zĐđ0-9]*"          # one part of a symbol: BC, UBND, NĐ, QH15, TTg
_SYMBOL = rf"{_UNIT}(?:-{_UNIT})*"         # BC-UBND, NĐ-CP, UBND-KSTT
_YEAR = r"(?:19|20)\d\d"
_ADMIN = re.compile(rf"(\d+)/({_SYMBOL})")
_NORMATIVE = re.compile(rf"(\d+)/({_YEAR})/({_SYMBOL})")
_PARTY = re.compile(rf"(\d+)-({_UNIT})/({_SYMBOL})")

# Any of the three, as one regular expression (the same syntax in Python and JavaScript).
PATTERN = rf"\d+(?:/{_YEAR}/{_SYMBOL}|/{_SYMBOL}|-{_UNIT}/{_SYMBOL})"
JSON_PATTERN = f"^(?:{PATTERN})$"  # editors' JSON Schema (so_ky_hieu)
# In running text: not the end of a longer number ("2/KH-UBND" inside "12/KH-UBND"); the longest symbol.
IN_TEXT = re.compile(rf"(?<![\w/-]){PATTERN}")
_HINT = re.compile(r"\d[/-][A-ZĐ\d]")  # a cheap screen: text without it holds no number


def find_all(text: str) -> list[str]:
    """Every document number written in `text`.

    >>> find_all("Thực hiện Kế hoạch số 62/KH-UBND và Nghị định 91/2017/NĐ-CP; 34-CT/TW.")
    ['62/KH-UBND', '91/2017/NĐ-CP', '34-CT/TW']
    """
    return IN_TEXT.findall(text) if _HINT.search(text) else []


@dataclass(frozen=True)
class DocNumber:
    """A parsed số/ký hiệu; `type_code` is the leading type abbreviation, if any."""

    text: str
    number: int
    syntax: str
    symbol: str  # everything after the number: BC-UBND, NĐ-CP, CT/TW
    year: int | None = None

    def first_part(self) -> str:
        """The first segment of the symbol: the type abbreviation, or the issuer of a công văn."""
        if self.syntax == PARTY:
            return self.symbol.split("/")[0]
        return self.symbol.split("-")[0]

    def __str__(self) -> str:
        return self.text


def parse(text: str) -> DocNumber:
    """Parse a số/ký hiệu exactly as it must be written (no spaces).

    >>> parse("91/2017/NĐ-CP").year
    2017
    >>> parse("34-CT/TW").first_part()
    'CT'
    """
    if m := _NORMATIVE.fullmatch(text):
        return DocNumber(text, int(m[1]), NORMATIVE, m[3], int(m[2]))
    if m := _PARTY.fullmatch(text):
        return DocNumber(text, int(m[1]), PARTY, f"{m[2]}/{m[3]}")
    if m := _ADMIN.fullmatch(text):
        return DocNumber(text, int(m[1]), ADMINISTRATIVE, m[2])
    if " " in text:
        raise ValueError(f"Số, ký hiệu '{text}' có dấu cách.")
    raise ValueError(f"'{text}' không đúng cách viết số, ký hiệu văn bản.")
