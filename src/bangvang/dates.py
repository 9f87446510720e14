"""Dates as officers write them: full, month/year or year only.

An unknown date is `None`, never a made-up 01/01.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from . import codes


class DateError(ValueError):
    """A value that is not a date; `code` is its codes.Code."""

    def __init__(self, code, message: str, hint: str):
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, to the month, or to the year only.

    Ordered by the span it covers, so dates of different precision compare:
    PartialDate(2020) < PartialDate(2020, 5) because 2020-01-01 comes first.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def _span(self) -> tuple[date, date]:
        return (self.first_day, self.last_day)

    def __lt__(self, other: "PartialDate") -> bool:
        return self._span() < other._span()

    def __le__(self, other: "PartialDate") -> bool:
        return self._span() <= other._span()

    def __gt__(self, other: "PartialDate") -> bool:
        return self._span() > other._span()

    def __ge__(self, other: "PartialDate") -> bool:
        return self._span() >= other._span()

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def iso(self) -> str:
        """ISO 8601 with the known precision: 2024-02-15, 2024-02 or 2024."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def short(self) -> str:
        """15/02/2024, tháng 02/2024 or năm 2024."""
        if self.day:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month:
            return f"tháng {self.month:02d}/{self.year}"
        return f"năm {self.year}"

    def administrative(self) -> str:
        """Decree 30/2020 style: day < 10 and months 1–2 zero-padded.

        >>> PartialDate(2024, 2, 15).administrative()
        'ngày 15 tháng 02 năm 2024'
        """
        if self.day:
            return f"ngày {self.day:02d} tháng {self.month_printed} năm {self.year}"
        if self.month:
            return f"tháng {self.month_printed} năm {self.year}"
        return f"năm {self.year}"

    @property
    def month_printed(self) -> str:
        """The month as a date line prints it: 01 and 02 zero-padded, the others not ('' if unknown)."""
        if not self.month:
            return ""
        return f"{self.month:02d}" if self.month <= 2 else str(self.month)


def in_force(start: PartialDate | None, end: PartialDate | None, when: PartialDate) -> bool:
    """Whether a span (an unknown start or end is open) overlaps `when` (a day, a month or a year).

    >>> in_force(PartialDate(2020, 2, 1), None, PartialDate(2020)), in_force(None, PartialDate(2019), PartialDate(2020))
    (True, False)
    """
    return (not start or start.first_day <= when.last_day) and (not end or end.last_day >= when.first_day)


def year_span(start: int | None, end: int | None) -> str:
    """A span of years as every page writes it: '2014–2023', '2014–…' (end not known, or not yet),
    '…–2025' (start not known), '2023' (one year), '' (neither known).

    >>> year_span(2014, 2023), year_span(2021, None), year_span(2023, 2023)
    ('2014–2023', '2021–…', '2023')
    """
    if start is None and end is None:
        return ""
    if start == end:
        return str(start)
    return f"{start or '…'}–{end or '…'}"


def year_span_slug(start: int | None, end: int | None) -> str:
    """The same span as a word of a URL or a filter value: '2014-2023', '2021-nay', '2023'.

    >>> year_span_slug(2014, 2023), year_span_slug(2021, None)
    ('2014-2023', '2021-nay')
    """
    if start == end or start is None and end is None:
        return year_span(start, end)
    return f"{start or 'khong-ro'}-{end or 'nay'}"


# re.ASCII: digits are 0-9; Python's \d (and int()) would also take Arabic-Indic or full-width ones.
_FULL = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", re.ASCII)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$", re.ASCII)
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)

FORMAT_HINT = (
    "Viết ngày theo dạng ngày/tháng/năm (ví dụ 05/02/2024), hoặc tháng/năm (02/2024), "
    "hoặc chỉ năm (2024). Nếu không rõ ngày, bỏ trống trường này."
)


def parse_date(text: str, today: date) -> PartialDate:
    """Parse a date string strictly; raise DateError with a Vietnamese message."""
    value = text.strip()
    if m := _FULL.match(value):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := _ISO.match(value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _MONTH.match(value):
        day, month, year = None, int(m[1]), int(m[2])
    elif m := _YEAR.match(value):
        day, month, year = None, None, int(m[1])
    else:
        raise DateError(codes.NGAY_SAI_DINH_DANG, f"'{text}' không phải là một ngày theo định dạng đã quy định.", FORMAT_HINT)
    if year < 1900:
        raise DateError(codes.NGAY_KHONG_TON_TAI, f"Năm {year} quá xa, có lẽ gõ nhầm.", FORMAT_HINT)
    if month is not None and not 1 <= month <= 12:
        raise DateError(codes.NGAY_KHONG_TON_TAI, f"Tháng {month} không tồn tại (tháng từ 1 đến 12).", FORMAT_HINT)
    if day is not None:
        days_in_month = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days_in_month:
            raise DateError(
                codes.NGAY_KHONG_TON_TAI,
                f"Ngày '{text}' không tồn tại: tháng {month} năm {year} chỉ có {days_in_month} ngày.",
                "Đối chiếu lại với văn bản gốc.",
            )
    result = PartialDate(year, month, day)
    if result.first_day > today:
        raise DateError(
            codes.NGAY_TRONG_TUONG_LAI,
            f"Ngày '{text}' nằm trong tương lai (hôm nay là {today:%d/%m/%Y}).",
            "Chỉ ghi những việc đã xảy ra; kiểm tra lại năm.",
        )
    return result
