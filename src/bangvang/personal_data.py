"""Personal data that must never be published, refused wherever an officer writes text.

The Law on Personal Data Protection (91/2025/QH15) and its decree protect identity numbers,
birth dates, private phone numbers and e-mail addresses, home addresses, ethnicity, religion,
health and Party membership. The schema has no field for any of them; this check finds the
forms that can be recognised in free text (numbers are matched whole, so document numbers such
as 1677/NQ-UBTVQH15, years and counts do not trip them). The rest is for the reviewer.
"""

from __future__ import annotations

import re

from . import codes
from .issues import Issues, Position
from .load import Dataset
from .walk import text_values

_CCCD = r"(?<![\d/.,-])\d{3}([ .]?)\d{3}\1\d{3}\1\d{3}(?![\d/.,-])"
_CMND = r"(?<![\d/.,-])\d{3}([ .]?)\d{3}\1\d{3}(?![\d/.,-])"
_PHONE = r"(?<![\w+])(?:\+84[ .-]?|0)[35789](?:[ .-]?\d){8}(?!\d)"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_BIRTH = r"\b(?:ngày sinh|sinh ngày|sinh năm)\b"
PERSONAL_DATA = [
    (re.compile(_CCCD), "số căn cước công dân (12 chữ số)"),
    (re.compile(_CMND), "số chứng minh nhân dân (9 chữ số)"),
    (re.compile(_PHONE), "số điện thoại di động"),
    (re.compile(_EMAIL), "địa chỉ thư điện tử"),
    (re.compile("(?i)" + _BIRTH), "ngày hoặc năm sinh"),
]
# Fields where a public office contact (phone, e-mail of the ward office) is expected.
CONTACT_FIELDS = {"contact"}
CONTACT_KINDS = ("số điện thoại di động", "địa chỉ thư điện tử")

# Cheap screens, each a superset of some patterns above: a value none of them finds cannot match
# those patterns, so the ordered search (which decides what is reported) runs only on the few
# values that have a long run of digits, an '@' or the word 'sinh' (the great majority have none).
_DIGIT_RUN = re.compile(r"\d[\d .+-]{7,}\d")  # ≥ 9 digits and separators: CCCD, CMND, phone numbers
_SINH = re.compile(r"(?i)sinh")  # in every birth phrase, case ignored the same way


def may_hold_personal_data(text: str, contact: bool) -> bool:
    if not contact and "@" in text:
        return True
    return _DIGIT_RUN.search(text) is not None or _SINH.search(text) is not None


def check_personal_data(data: Dataset, issues: Issues) -> None:
    """Report the first piece of personal data in every text of every record and attachment."""
    everything = [r for records in data.records.values() for r in records] + ([data.unit] if data.unit else [])
    values: list = []
    for record in everything:
        text_values(record, values)
    # Raw report extracts are published verbatim too.
    values += [("attachment", text, Position(rel, 1, 1)) for rel, text in data.attachments.items()]
    for attr, text, where in values:
        if may_hold_personal_data(text, attr in CONTACT_FIELDS):
            _report_first(attr, text, where, issues)


def _report_first(attr: str, text: str, where, issues: Issues) -> None:
    position = where if isinstance(where, Position) else where.pos(attr)
    for pattern, what in PERSONAL_DATA:
        if attr in CONTACT_FIELDS and what in CONTACT_KINDS:
            continue
        if m := pattern.search(text):
            line = text[: m.start()].count("\n")
            column = position.column if not line else m.start() - text.rfind("\n", 0, m.start())
            issues.add(Position(position.path, position.line + line, column), codes.DU_LIEU_CA_NHAN,
                       f"Có vẻ là {what} ('{m.group()[:20]}'): không đăng dữ liệu cá nhân lên bảng vàng.",
                       "Xoá thông tin này. Trang chỉ đăng họ tên, chức vụ, đơn vị và thông tin khen thưởng; "
                       "số giấy tờ, ngày sinh, địa chỉ nhà, điện thoại cá nhân không bao giờ được đăng.")
            return
