"""Personal data that must never be published, refused wherever an officer writes.

The Law on Personal Data Protection (91/2025/QH15) and its decree protect identity numbers,
birth dates, private phone numbers and e-mail addresses, home addresses, ethnicity, religion,
health and Party membership. The schema has no field for any of them; this check finds the forms
that can be recognised in free text. The forms are data (personal_data.yml, each with examples
the tests try); they are matched on the text as a reader sees it (redact.seen: folded, digits of
any script as 0–9, character references decoded), in every value and id, in every comment of a
data file (the repository is public) and in every file name under data/ (edit links publish it).
The rest is for the reviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import yaml

from . import codes
from .issues import Issues, Position
from .load import Dataset
from .redact import seen
from .walk import text_values


@dataclass(frozen=True)
class Form:
    id: str
    label: str                 # what the officer is told it looks like
    pattern: re.Pattern
    contact: bool              # the unit's public contact field may hold it
    matches: tuple[str, ...]   # examples that must be found (tests)
    misses: tuple[str, ...]    # examples that must not


def _forms() -> tuple[Form, ...]:
    entries = yaml.safe_load(resources.files(__package__).joinpath("personal_data.yml").read_text(encoding="utf-8"))
    return tuple(Form(e["id"], e["label"], re.compile(e["pattern"]), bool(e.get("contact")),
                      tuple(e.get("matches", ())), tuple(e.get("misses", ()))) for e in entries)


FORMS = _forms()
# Fields where a public office contact (phone, e-mail of the ward office) is expected.
CONTACT_FIELDS = {"contact"}
COMMENT, FILE_NAME = "ghi chú (#)", "tên tệp"

# A cheap screen, a superset of every form: nine digits close together, an '@' in any of its
# spellings, 'sinh' or 'sn', a character reference or a full-width character. The great majority
# of values have none, and skip the folding and the patterns.
_SCREEN = re.compile(r"(?i)(?:\d\D{0,4}){9}|[@\uff20\ufe6b]|\[at\]|\(at\)|\{at\}|\[a\]|\bat\b|sinh|\bsn\b|&#|&[a-z]+;"
                     r"|[\uff00-\uffef]")


def may_hold_personal_data(text: str) -> bool:
    return _SCREEN.search(text) is not None


def find_personal_data(text: str, contact: bool = False) -> list[tuple[int, int, Form]]:
    """(start, end, form) of each piece of personal data in `text`, first by position; forms a public
    contact field may hold are skipped when `contact`."""
    if not may_hold_personal_data(text):
        return []
    folded, starts, ends = seen(text)
    found = []
    for form in FORMS:
        if contact and form.contact:
            continue
        found += [(starts[m.start()], ends[m.end() - 1], form) for m in form.pattern.finditer(folded) if m.end() > m.start()]
    return sorted(found, key=lambda hit: hit[0])


def check_personal_data(data: Dataset, issues: Issues) -> None:
    """Report the first piece of personal data in every value, comment and file name under data/."""
    everything = [r for records in data.records.values() for r in records] + ([data.unit] if data.unit else [])
    values: list = []
    for record in everything:
        text_values(record, values)
    # Raw report extracts are published verbatim too.
    values += [("attachment", text, Position(rel, 1, 1)) for rel, text in data.attachments.items()]
    reported: set[tuple[str, int]] = set()
    for attr, text, where in values:
        if may_hold_personal_data(text):
            _report_first(text, where if isinstance(where, Position) else where.pos(attr), attr in CONTACT_FIELDS,
                          issues, reported)
    for rel, comments in data.comments.items():
        for line, column, text in comments:
            if (rel, line) not in reported:  # a '#' inside a value reads as a comment too (yamlsrc.comments)
                _report_first(text, Position(rel, line, column), False, issues, reported, where=COMMENT)
    for rel in [*data.files, *data.ignored]:
        _report_first(rel.split("/", 1)[-1], Position(rel), False, issues, reported, where=FILE_NAME)


def _report_first(text: str, position: Position, contact: bool, issues: Issues, reported: set,
                  where: str | None = None) -> None:
    found = find_personal_data(text, contact)
    if not found:
        return
    start, end, form = found[0]
    at = _located(text, start, position, exact=where == COMMENT)
    reported.add((position.path, at.line))
    place = f" trong {where}" if where else ""
    issues.add(at, codes.DU_LIEU_CA_NHAN,
               f"Có vẻ là {form.label}{place} ('{text[start:end][:24]}'): không đăng dữ liệu cá nhân lên bảng vàng.",
               "Xoá thông tin này" + (" (đổi tên tệp)" if where == FILE_NAME else "") + ". Trang chỉ đăng họ tên, "
               "chức vụ, đơn vị và thông tin khen thưởng; số giấy tờ, ngày sinh, địa chỉ nhà, điện thoại, thư điện "
               "tử cá nhân không bao giờ được đăng, kể cả trong ghi chú (#) và tên tệp: kho dữ liệu là công khai.")


def _located(text: str, start: int, position: Position, exact: bool) -> Position:
    """Where a hit is: its own line of a multi-line value; on the first line, the value's column
    (or the hit's own column, in a comment, whose start is known exactly)."""
    line = text.count("\n", 0, start)
    if line:
        return Position(position.path, position.line + line, start - text.rfind("\n", 0, start))
    if exact:
        return Position(position.path, position.line, (position.column or 1) + start)
    return position
