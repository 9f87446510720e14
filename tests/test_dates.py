"""Dates as officers write them: strict parsing, precision kept, ND30 formatting."""

from __future__ import annotations

from datetime import date

import pytest

from bangvang.dates import DateError, PartialDate, parse_date

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("text, expected", [
    ("15/02/2024", PartialDate(2024, 2, 15)),
    ("5/2/2024", PartialDate(2024, 2, 5)),          # one-digit day and month are fine
    ("05/02/2024", PartialDate(2024, 2, 5)),
    ("2024-02-15", PartialDate(2024, 2, 15)),       # ISO, zero-padded
    ("29/02/2024", PartialDate(2024, 2, 29)),       # leap year
    ("2024-02-29", PartialDate(2024, 2, 29)),
    ("31/12/2023", PartialDate(2023, 12, 31)),
    ("02/2024", PartialDate(2024, 2)),              # month precision
    ("2/2024", PartialDate(2024, 2)),
    ("2024", PartialDate(2024)),                    # year precision
    ("1945", PartialDate(1945)),
    (" 15/02/2024 ", PartialDate(2024, 2, 15)),     # surrounding spaces are not part of the value
    ("28/11/2026", PartialDate(2026, 11, 28)),      # today is not the future
    ("11/2026", PartialDate(2026, 11)),
    ("2026", PartialDate(2026)),
])
def test_parse_valid(text, expected):
    parsed = parse_date(text, TODAY)
    assert parsed == expected
    assert (parsed.year, parsed.month, parsed.day) == (expected.year, expected.month, expected.day)


@pytest.mark.parametrize("text, code", [
    ("30/02/2024", "ngay-khong-ton-tai"),
    ("31/04/2023", "ngay-khong-ton-tai"),
    ("29/02/2023", "ngay-khong-ton-tai"),   # not a leap year
    ("29/02/1900", "ngay-khong-ton-tai"),   # 1900 was not a leap year either
    ("2024-02-30", "ngay-khong-ton-tai"),   # ISO-shaped, impossible
    ("2024-13-01", "ngay-khong-ton-tai"),
    ("00/01/2024", "ngay-khong-ton-tai"),
    ("13/2024", "ngay-khong-ton-tai"),
    ("0/2024", "ngay-khong-ton-tai"),
    ("1899", "ngay-khong-ton-tai"),
    ("2024-2-3", "ngay-sai-dinh-dang"),
    ("13/4/ 2023", "ngay-sai-dinh-dang"),   # as printed in a seed document
    ("15.02.2024", "ngay-sai-dinh-dang"),
    ("15-02-2024", "ngay-sai-dinh-dang"),
    ("15/02/24", "ngay-sai-dinh-dang"),
    ("tháng 3/2024", "ngay-sai-dinh-dang"),
    ("no", "ngay-sai-dinh-dang"),           # YAML 1.1 would have made this False
    ("1:20", "ngay-sai-dinh-dang"),         # YAML 1.1 would have made this 80
    ("", "ngay-sai-dinh-dang"),
    ("2024-02-29 10:00:00+07:00", "ngay-sai-dinh-dang"),
    ("29/11/2026", "ngay-trong-tuong-lai"),
    ("12/2026", "ngay-trong-tuong-lai"),
    ("2027", "ngay-trong-tuong-lai"),
    ("2026-12-01", "ngay-trong-tuong-lai"),
])
def test_parse_invalid(text, code):
    with pytest.raises(DateError) as caught:
        parse_date(text, TODAY)
    assert caught.value.code.id == code
    assert caught.value.message
    assert caught.value.hint
    assert isinstance(caught.value, ValueError)


def test_future_depends_on_today():
    assert parse_date("29/11/2026", date(2026, 11, 29)) == PartialDate(2026, 11, 29)
    with pytest.raises(DateError) as caught:
        parse_date("29/11/2026", date(2026, 11, 28))
    assert caught.value.code.id == "ngay-trong-tuong-lai"
    assert "28/11/2026" in caught.value.message


def test_impossible_day_message_names_the_days_in_month():
    with pytest.raises(DateError) as caught:
        parse_date("30/02/2024", TODAY)
    assert "29" in caught.value.message


@pytest.mark.parametrize("value, short, administrative", [
    (PartialDate(2024, 2, 15), "15/02/2024", "ngày 15 tháng 02 năm 2024"),
    (PartialDate(2024, 1, 5), "05/01/2024", "ngày 05 tháng 01 năm 2024"),
    (PartialDate(2024, 3, 5), "05/03/2024", "ngày 05 tháng 3 năm 2024"),     # months ≥ 3 not padded
    (PartialDate(2023, 12, 1), "01/12/2023", "ngày 01 tháng 12 năm 2023"),
    (PartialDate(2023, 11, 20), "20/11/2023", "ngày 20 tháng 11 năm 2023"),
    (PartialDate(2023, 4, 13), "13/04/2023", "ngày 13 tháng 4 năm 2023"),
    (PartialDate(2024, 3), "tháng 03/2024", "tháng 3 năm 2024"),
    (PartialDate(2024), "năm 2024", "năm 2024"),
])
def test_formatting(value, short, administrative):
    assert value.short() == short
    assert value.administrative() == administrative


@pytest.mark.parametrize("value, iso, first, last", [
    (PartialDate(2024, 2, 15), "2024-02-15", date(2024, 2, 15), date(2024, 2, 15)),
    (PartialDate(2024, 2), "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    (PartialDate(2023, 2), "2023-02", date(2023, 2, 1), date(2023, 2, 28)),
    (PartialDate(2024), "2024", date(2024, 1, 1), date(2024, 12, 31)),
])
def test_precision_is_kept(value, iso, first, last):
    assert value.iso() == iso
    assert value.first_day == first
    assert value.last_day == last


def test_same_precision_dates_order():
    assert PartialDate(2023, 12, 31) < PartialDate(2024, 1, 1)
    assert PartialDate(2024, 2) < PartialDate(2024, 3)
    assert PartialDate(2019) < PartialDate(2020)


def test_mixed_precision_dates_can_be_compared():
    # Regression: order=True compared None with int and raised TypeError.
    assert not (PartialDate(2020, 5) < PartialDate(2020))
    assert PartialDate(2019, 12, 31) < PartialDate(2020)
    assert PartialDate(2020) < PartialDate(2021, 1)
    assert sorted([PartialDate(2021), PartialDate(2020, 5), PartialDate(2020, 5, 1), PartialDate(2019)])[0] == \
        PartialDate(2019)
