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

_UNIT = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_ADMIN = re.compile(rf"(\d+)/({_UNIT}(?:-{_UNIT})*)")
_NORMATIVE = re.compile(rf"(\d+)/((?:19|20)\d\d)/({_UNIT}(?:-{_UNIT})*)")
_PARTY = re.compile(rf"(\d+)-({_UNIT})/({_UNIT}(?:-{_UNIT})*)")

JSON_PATTERN = (r"^\d+(/((19|20)\d\d/)?[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*"
                r"|-[A-ZĐ][A-Za-zĐđ0-9]*/[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*)$")


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
