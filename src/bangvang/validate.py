"""Rules across records: identities, references, URLs and facts that contradict.

A contradiction that the data marks as kept as printed (`giu_nguyen_ban_in`)
is not an error: it becomes a flag that the record's page shows with the note.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import defaultdict

from . import codes, vocab
from .dates import PartialDate
from .issues import Issues, Position
from .load import Dataset
from .records import RECIPIENT_URL, Award, Body, Document, Record
from .schema import (REF_LABEL, Bool, Choice, Date, DocNumber as DocNumberField, FieldType, Id, Int, ListOf,
                     Markdown, Object, PhotoPath, Ref, RefValue, Text, Url, Year, field_specs, suggest)
from .text import fold

# Namespaces of ids: a report is also a document (it is listed in the register).
NAMESPACE = {"van_ban": "van_ban", "bao_cao": "van_ban", "co_quan": "co_quan", "phong_trao": "phong_trao",
             "doi_tuong": "doi_tuong", "khen_thuong": "khen_thuong", "dien_hinh": "dien_hinh", "da_go": "da_go"}
WHERE_DEFINED = {"van_ban": "van-ban/ hoặc bao-cao/", "co_quan": "co-quan.yml", "phong_trao": "phong-trao/",
                 "doi_tuong": "doi-tuong/", "khen_thuong": "khen-thuong/", "dien_hinh": "dien-hinh/"}

# Terms that date a text: a text mentioning them cannot be older.
DATED_TERMS = {"covid": (PartialDate(2019, 12, 1), "dịch Covid-19 chỉ xuất hiện từ tháng 12/2019")}

KEEP_HINT = ("Nếu bản gốc đúng là như vậy, giữ nguyên và thêm trường 'giu_nguyen_ban_in' "
             "với một câu giải thích; trang web sẽ hiển thị câu đó.")


def iter_refs(value):
    """Every RefValue inside a record, nested groups and lists included."""
    return iter(_refs(value, []))


def _refs(value, out: list) -> list:
    if isinstance(value, RefValue):
        out.append(value)
    elif isinstance(value, list):
        for item in value:
            _refs(item, out)
    elif isinstance(value, Record):
        for attr in _ref_attrs(type(value)):
            item = getattr(value, attr)
            if item is None:
                continue
            if item.__class__ is RefValue:
                out.append(item)
            else:
                _refs(item, out)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if "key" in f.metadata:
                _refs(getattr(value, f.name), out)
    return out


# Field types whose values are never a RefValue nor hold one (exact types: a subclass may).
_NO_REFS = (Text, Markdown, Id, Choice, Year, Date, Int, Bool, Url, PhotoPath, DocNumberField)
_REF_ATTRS: dict[type, tuple[str, ...]] = {}


def _may_hold_refs(ftype: FieldType, seen: tuple = ()) -> bool:
    kind = type(ftype)
    if kind in _NO_REFS:
        return False
    if kind is ListOf:
        return _may_hold_refs(ftype.item, seen)  # type: ignore[attr-defined]
    if kind is Object:
        cls = ftype.cls  # type: ignore[attr-defined]
        return cls in seen or any(_may_hold_refs(s.type, seen + (cls,)) for s in field_specs(cls))
    return True  # a Ref, or a field type not known here


def _ref_attrs(cls: type) -> tuple[str, ...]:
    """The declared fields of a record type that can hold references, in declaration order."""
    attrs = _REF_ATTRS.get(cls)
    if attrs is None:
        attrs = _REF_ATTRS[cls] = tuple(s.attr for s in field_specs(cls) if _may_hold_refs(s.type))
    return attrs


def index(data: Dataset) -> dict[str, dict[str, Record]]:
    """Records by namespace and id (the first of duplicates wins; duplicates are errors)."""
    result: dict[str, dict[str, Record]] = defaultdict(dict)
    for kind, records in data.records.items():
        for record in records:
            result[NAMESPACE[kind]].setdefault(record.id, record)  # type: ignore[attr-defined]
    return result


def validate(data: Dataset, issues: Issues) -> dict[str, list[str]]:
    """Run every cross-record rule; return the kept-as-printed flags per record id."""
    _check_personal_data(data, issues)
    ids = _check_ids(data, issues)
    _check_urls(data, issues)
    _check_refs(data, ids, issues)
    _check_document_identity(data, issues)
    _check_award_recipients(data, ids, issues)
    return _check_contradictions(data, ids, issues)


# Personal data that must never be published (Law 91/2025/QH15; DOMAIN.md §4). Numbers are matched
# whole, so document numbers (1677/NQ-UBTVQH15), years and counts do not trip them.
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
_CONTACT_KINDS = ("số điện thoại di động", "địa chỉ thư điện tử")


# Cheap screens, each a superset of some patterns above: a value none of them finds cannot match
# those patterns, so the ordered search (which decides what is reported) runs only on the few
# values that have a long run of digits, an '@' or the word 'sinh' (the great majority have none).
_DIGIT_RUN = re.compile(r"\d[\d .+-]{7,}\d")  # ≥ 9 digits and separators: CCCD, CMND, phone numbers
_SINH = re.compile(r"(?i)sinh")  # in every birth phrase, case ignored the same way


def _may_hold_personal_data(text: str, contact: bool) -> bool:
    if not contact and "@" in text:
        return True
    return _DIGIT_RUN.search(text) is not None or _SINH.search(text) is not None


# Field types whose values are never text nor hold any (numbers, dates, references; exact types).
_NO_TEXT = (Ref, Year, Int, Bool, Date, DocNumberField)
_TEXT_ATTRS: dict[type, tuple[str, ...]] = {}


def _may_hold_text(ftype) -> bool:
    if type(ftype) is ListOf:
        return _may_hold_text(ftype.item)
    return type(ftype) not in _NO_TEXT


def _text_attrs(cls: type) -> tuple[str, ...]:
    """The declared (YAML) fields of a dataclass that may hold text, in declaration order; cached."""
    attrs = _TEXT_ATTRS.get(cls)
    if attrs is None:
        types = {f.name: f.metadata["type"] for f in dataclasses.fields(cls) if "key" in f.metadata}
        attrs = _TEXT_ATTRS[cls] = tuple(name for name, ftype in types.items() if _may_hold_text(ftype))
    return attrs


_DATACLASS_TYPES: dict[type, bool] = {}


def _text_values(record, out: list | None = None) -> list:
    """(attr, value, where) of every text value in a record, nested groups included.

    `where` is a Position, or the (nested) record whose `pos(attr)` tells it: most values are
    never reported, so their positions are not looked up.
    """
    if out is None:
        out = []
    for name in _text_attrs(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        for item in value if isinstance(value, list) else (value,):
            if isinstance(item, str):
                out.append((name, item, record))
                continue
            kind = type(item)
            is_dataclass = _DATACLASS_TYPES.get(kind)
            if is_dataclass is None:
                is_dataclass = _DATACLASS_TYPES[kind] = dataclasses.is_dataclass(kind)
            if is_dataclass and (_text_attrs(kind) or getattr(item, "body_markdown", None)):
                _text_values(item, out)
    body = getattr(record, "body_markdown", None)
    if body:
        out.append(("body_markdown", body, Position(record.pos().path, getattr(record, "body_line", 1))))
    return out


def _check_personal_data(data: Dataset, issues: Issues) -> None:
    everything = [r for records in data.records.values() for r in records] + ([data.unit] if data.unit else [])
    values: list = []
    for record in everything:
        _text_values(record, values)
    # Raw report extracts are published verbatim too.
    values += [("attachment", text, Position(rel, 1, 1)) for rel, text in data.attachments.items()]
    for attr, text, where in values:
        if not _may_hold_personal_data(text, attr in CONTACT_FIELDS):
            continue
        position = where if isinstance(where, Position) else where.pos(attr)
        for pattern, what in PERSONAL_DATA:
            if attr in CONTACT_FIELDS and what in _CONTACT_KINDS:
                continue
            if m := pattern.search(text):
                line = text[: m.start()].count("\n")
                column = position.column if not line else m.start() - text.rfind("\n", 0, m.start())
                where = Position(position.path, position.line + line, column)
                issues.add(where, codes.DU_LIEU_CA_NHAN,
                           f"Có vẻ là {what} ('{m.group()[:20]}'): không đăng dữ liệu cá nhân lên bảng vàng.",
                           "Xoá thông tin này. Trang chỉ đăng họ tên, chức vụ, đơn vị và thông tin khen thưởng; "
                           "số giấy tờ, ngày sinh, địa chỉ nhà, điện thoại cá nhân không bao giờ được đăng.")
                break


def _check_ids(data: Dataset, issues: Issues) -> dict[str, dict[str, Record]]:
    seen: dict[tuple[str, str], Record] = {}
    for kind, records in data.records.items():
        for record in records:
            key = (NAMESPACE[kind], record.id)  # type: ignore[attr-defined]
            if key in seen:
                issues.add(record.pos("id"), codes.TRUNG_MA, f"Mã '{record.id}' đã được dùng cho một {seen[key].LABEL} khác.",  # type: ignore[attr-defined]
                           "Mỗi mục cần một mã riêng; đổi mã của mục mới thêm.", related=seen[key].pos("id"))
            else:
                seen[key] = record
    return index(data)


def neutral_id(record_id: str) -> str:
    """A stable id that does not spell a name (ids such as 'le-thi-thu-ha' do)."""
    return "an-" + hashlib.sha256(record_id.encode()).hexdigest()[:10]


def public_id(record: Record) -> str:
    """The id shown in URLs, anchors and open data: neutral for a person not shown in full."""
    if getattr(record, "visibility", None) in ("viet_tat", "an"):
        return neutral_id(record.id)  # type: ignore[attr-defined]
    return record.id  # type: ignore[attr-defined]


def record_url(record: Record) -> str | None:
    """The site path of a record's own page, or None if it has none."""
    kind = record.KIND  # type: ignore[attr-defined]
    if kind == "doi_tuong":
        return f"{RECIPIENT_URL[record.recipient_type]}/{public_id(record)}/"  # type: ignore[attr-defined]
    prefix = {"van_ban": "van-ban", "bao_cao": "bao-cao", "phong_trao": "phong-trao", "dien_hinh": "dien-hinh"}.get(kind)
    return f"{prefix}/{record.id}/" if prefix else None  # type: ignore[attr-defined]


def _check_urls(data: Dataset, issues: Issues) -> None:
    """Two records must never be written to the same page."""
    taken: dict[str, Record] = {}
    for records in data.records.values():
        for record in records:
            url = record_url(record)
            if url is None:
                continue
            other = taken.get(url.lower())
            if other is not None and other is not record:
                issues.add(record.pos("id"), codes.TRUNG_DIA_CHI_TRANG, f"Hai mục cùng có địa chỉ trang '/{url}'.",
                           "Đổi mã của một trong hai mục.", related=other.pos("id"))
            taken[url.lower()] = record


def _check_refs(data: Dataset, ids: dict[str, dict[str, Record]], issues: Issues) -> None:
    everything = [r for records in data.records.values() for r in records] + ([data.unit] if data.unit else [])
    for record in everything:
        for ref in iter_refs(record):
            if ref.id in ids[ref.kind] or ref.id in data.broken_ids:
                continue
            guess = suggest(ref.id, ids[ref.kind], cutoff=0.85)
            hint = f"Có phải ý là '{guess}'? " if guess else ""
            issues.add(ref.position, codes.MA_KHONG_TON_TAI,
                       f"Không có {REF_LABEL[ref.kind]} nào mang mã '{ref.id}'.",
                       hint + f"Mã phải được khai báo trong {WHERE_DEFINED[ref.kind]}.")


def _check_document_identity(data: Dataset, issues: Issues) -> None:
    """Identity of a document is issuer + year + number and symbol."""
    seen: dict[tuple, Document] = {}
    for kind in ("van_ban", "bao_cao"):
        for doc in data.of(kind):
            if not doc.number:
                continue
            year = doc.number.year or (doc.date.year if doc.date else None)
            key = (doc.issuer.id if doc.issuer else None, year, doc.number.text)
            if key in seen:
                issues.add(doc.pos("number"), codes.TRUNG_VAN_BAN,
                           f"Văn bản {doc.number} của cùng cơ quan, cùng năm đã có với mã '{seen[key].id}'.",
                           "Mỗi văn bản chỉ khai báo một lần; dùng lại mã đã có.", related=seen[key].pos("number"))
            else:
                seen[key] = doc


def _check_award_recipients(data: Dataset, ids, issues: Issues) -> None:
    for award in data.of("khen_thuong"):
        if not award.title:
            continue
        allowed = vocab.TITLES[award.title].recipients
        recipient = ids["doi_tuong"].get(award.recipient.id) if award.recipient else None
        kind = recipient.recipient_type if recipient else (award.group.recipient_type if award.group else None)
        if kind and allowed and kind not in allowed:
            issues.add(award.pos("title"), codes.DANH_HIEU_KHONG_HOP_DOI_TUONG,
                       f"Danh hiệu '{vocab.TITLES[award.title].label}' dành cho "
                       f"{', '.join(vocab.RECIPIENT_TYPES[a].label.lower() for a in allowed)}, "
                       f"không dành cho {vocab.RECIPIENT_TYPES[kind].label.lower()}.",
                       "Kiểm tra lại danh hiệu hoặc loại đối tượng.")


def _body_alive(body: Body, when: PartialDate) -> bool:
    if body.start and body.start.first_day > when.last_day:
        return False
    if body.end and body.end.last_day < when.first_day:
        return False
    return True


def _check_contradictions(data: Dataset, ids, issues: Issues) -> dict[str, list[str]]:
    flags: dict[str, list[str]] = defaultdict(list)
    # A name is anachronistic only before the *first* period that bears it.
    first_use: dict[str, tuple[str, PartialDate | None]] = {}
    for period in data.unit.periods if data.unit else []:
        key = fold(period.name)
        if key not in first_use or (first_use[key][1] and (not period.start or period.start < first_use[key][1])):
            first_use[key] = (period.name, period.start)
    unit_names = [(name, start) for name, start in first_use.values() if start]

    def contradiction(record, attr: str, message: str) -> None:
        if record.kept_as_printed:
            flags[record.id].append(message)
        else:
            issues.add(record.pos(attr), codes.MAU_THUAN, message, KEEP_HINT)

    for kind in ("van_ban", "bao_cao"):
        for doc in data.of(kind):
            if not doc.date:
                continue
            issuer = ids["co_quan"].get(doc.issuer.id) if doc.issuer else None
            if issuer and not _body_alive(issuer, doc.date):
                contradiction(doc, "date", f"Văn bản ghi ngày {doc.date.short()}, khi đó {issuer.name} chưa hoặc không còn tồn tại.")
            text = fold(" ".join(filter(None, (doc.title, doc.summary))))
            for name, start in unit_names:
                if fold(name) in text and doc.date.last_day < start.first_day:
                    contradiction(doc, "date", f"Văn bản ghi ngày {doc.date.short()} nhưng đã nhắc đến “{name}”, "
                                               f"tên chỉ có từ {start.short()}.")
            for term, (since, why) in DATED_TERMS.items():
                if term in text and doc.date.last_day < since.first_day:
                    contradiction(doc, "date", f"Văn bản ghi ngày {doc.date.short()} nhưng {why}.")
    for award in data.of("khen_thuong"):
        authority = ids["co_quan"].get(award.authority.id) if award.authority else None
        if authority and award.year and not _body_alive(authority, PartialDate(award.year)):
            contradiction(award, "year", f"Khen thưởng năm {award.year}, khi đó {authority.name} chưa hoặc không còn tồn tại.")
    return dict(flags)
