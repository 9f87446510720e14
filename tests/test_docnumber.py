"""Số, ký hiệu văn bản (document number and symbol) in its three syntaxes.

- Administrative documents (Decree 30/2020/NĐ-CP): `number/TYPE-ISSUER[-UNIT]`, e.g. 31/BC-UBND,
  19/CT-TTg, 163/QĐ-UBND; an official letter (công văn) has no type abbreviation: `number/ISSUER[-UNIT]`,
  e.g. 158/PNV, 2975/UBND-KSTT.
- Legal-normative documents carry the year: `number/year/SYMBOL`, e.g. 91/2017/NĐ-CP, 06/2022/QH15.
- Party documents put a hyphen before the type: `number-TYPE/ISSUER`, e.g. 34-CT/TW, 418-KL/TU.

Anything else, such as a stray space ("31/BC- UBND") or a lower-case symbol, is refused.
"""

from __future__ import annotations

import pytest

from bangvang.docnumber import ADMINISTRATIVE, NORMATIVE, PARTY, parse


@pytest.mark.parametrize("text, syntax, number, symbol, first_part, year", [
    ("31/BC-UBND", ADMINISTRATIVE, 31, "BC-UBND", "BC", None),
    ("62/KH-UBND", ADMINISTRATIVE, 62, "KH-UBND", "KH", None),
    ("19/CT-TTg", ADMINISTRATIVE, 19, "CT-TTg", "CT", None),
    ("867/NQ-UBTVQH14", ADMINISTRATIVE, 867, "NQ-UBTVQH14", "NQ", None),
    ("163/QĐ-UBND", ADMINISTRATIVE, 163, "QĐ-UBND", "QĐ", None),
    ("158/PNV", ADMINISTRATIVE, 158, "PNV", "PNV", None),               # công văn: issuer only
    ("2975/UBND-KSTT", ADMINISTRATIVE, 2975, "UBND-KSTT", "UBND", None),
    ("91/2017/NĐ-CP", NORMATIVE, 91, "NĐ-CP", "NĐ", 2017),
    ("98/2023/NĐ-CP", NORMATIVE, 98, "NĐ-CP", "NĐ", 2023),
    ("06/2022/QH15", NORMATIVE, 6, "QH15", "QH15", 2022),
    ("34-CT/TW", PARTY, 34, "CT/TW", "CT", None),
    ("05-CT/TW", PARTY, 5, "CT/TW", "CT", None),
    ("418-KL/TU", PARTY, 418, "KL/TU", "KL", None),
])
def test_parse(text, syntax, number, symbol, first_part, year):
    parsed = parse(text)
    assert parsed.syntax == syntax
    assert parsed.number == number
    assert parsed.symbol == symbol
    assert parsed.first_part() == first_part
    assert parsed.year == year
    assert str(parsed) == text


@pytest.mark.parametrize("text", [
    "31/BC- UBND",     # as printed in a seed report, with a space
    "31 /BC-UBND",
    "abc",
    "",
    "BC-UBND",
    "31/",
    "31/bc-ubnd",      # symbols are upper-case
    "31/BC-UBND/",
    "31-/TW",
    "CV 158",
])
def test_parse_rejects(text):
    with pytest.raises(ValueError):
        parse(text)


def test_space_gets_its_own_message():
    with pytest.raises(ValueError, match="dấu cách"):
        parse("31/BC- UBND")


@pytest.mark.parametrize("text", ["31/BC-UBND\n", "91/2017/NĐ-CP\n", "34-CT/TW\n"])
def test_parse_rejects_trailing_newline(text):
    # Regression: '$' matched before a final newline, so a block scalar value was accepted.
    with pytest.raises(ValueError):
        parse(text)
