"""Rules across records: identities, references, URLs and facts that contradict.

A contradiction that the data marks as kept as printed (`giu_nguyen_ban_in`)
is not an error: it becomes a flag that the record's page shows with the note.
"""

from __future__ import annotations

import re
from collections import defaultdict

from . import codes, kinds, vocab
from .dates import PartialDate, in_force
from .issues import Issues
from .load import Dataset
from .personal_data import check_personal_data
from .withdrawn_names import check_withdrawn_names
from .records import Body, Document
from .schema import RECORD_TYPES, Record, suggest
from .text import fold
from .walk import iter_refs

# Terms that date a text: a text mentioning them cannot be older.
DATED_TERMS = {"covid": (PartialDate(2019, 12, 1), "dịch Covid-19 chỉ xuất hiện từ tháng 12/2019")}

KEEP_HINT = ("Nếu bản gốc đúng là như vậy, giữ nguyên và thêm trường 'giu_nguyen_ban_in' "
             "với một câu giải thích; trang web sẽ hiển thị câu đó.")


def index(data: Dataset) -> dict[str, dict[str, Record]]:
    """Records by namespace and id (the first of duplicates wins; duplicates are errors)."""
    result: dict[str, dict[str, Record]] = defaultdict(dict)
    for kind, records in data.records.items():
        namespace = kinds.BY_KEY[kind].ns
        for record in records:
            result[namespace].setdefault(record.id, record)  # type: ignore[attr-defined]
    return result


def validate(data: Dataset, issues: Issues) -> dict[str, list[str]]:
    """Run every cross-record rule; return the kept-as-printed flags per record id."""
    check_personal_data(data, issues)
    check_withdrawn_names(data, issues)
    ids = _check_ids(data, issues)
    _check_urls(data, issues)
    _check_refs(data, ids, issues)
    _check_document_identity(data, issues)
    _check_award_recipients(data, ids, issues)
    return _check_contradictions(data, ids, issues)


def _check_ids(data: Dataset, issues: Issues) -> dict[str, dict[str, Record]]:
    seen: dict[tuple[str, str], Record] = {}
    for kind, records in data.records.items():
        for record in records:
            key = (kinds.BY_KEY[kind].ns, record.id)  # type: ignore[attr-defined]
            if key in seen:
                issues.add(record.pos("id"), codes.TRUNG_MA, f"Mã '{record.id}' đã được dùng cho một {seen[key].LABEL} khác.",  # type: ignore[attr-defined]
                           "Mỗi mục cần một mã riêng; đổi mã của mục mới thêm.", related=seen[key].pos("id"))
            else:
                seen[key] = record
    return index(data)


# A document's page (van-ban/<id>/, also for most files of bao-cao/) shares its folder with the register's
# pages by year, made when the register is longer than a page (paging.documents_listing): those names
# are never the id of a document or a report.
REGISTER_PAGE = re.compile(r"nam-\d{4}|khong-ro-ngay")


def _check_urls(data: Dataset, issues: Issues) -> None:
    """Two records must never be written to the same page, nor a record to a list's page."""
    for doc in (d for kind in kinds.namespaces()["van_ban"] for d in data.of(kind.key)):  # reports too
        if REGISTER_PAGE.fullmatch(doc.id):
            issues.add(doc.pos("id"), codes.TRUNG_DIA_CHI_TRANG,
                       f"Mã '{doc.id}' là địa chỉ một trang của sổ văn bản (/van-ban/{doc.id}/).",
                       "Đặt mã theo số, ký hiệu và năm của văn bản, ví dụ '45-kh-ubnd-2023'.")
    taken: dict[str, Record] = {}
    for kind in kinds.with_pages():  # (the pages of listed kinds share the namespace: trung-ma reports those)
        for record in data.of(kind.key):
            url = kind.path_of(record, record.id)  # type: ignore[attr-defined]
            other = taken.get(url.lower())
            if other is not None and other is not record:
                issues.add(record.pos("id"), codes.TRUNG_DIA_CHI_TRANG, f"Hai mục cùng có địa chỉ trang '/{url}'.",
                           "Đổi mã của một trong hai mục.", related=other.pos("id"))
            taken[url.lower()] = record


def _check_refs(data: Dataset, ids: dict[str, dict[str, Record]], issues: Issues) -> None:
    # Records that failed to parse are checked too, with what did parse: one error never hides another.
    everything = [r for records in data.records.values() for r in records] + data.partial \
        + ([data.unit] if data.unit else [])
    for record in everything:
        for ref in iter_refs(record):
            if getattr(ids[ref.kind].get(ref.id), "draft", None) and not getattr(record, "draft", None):
                # A draft is not published (public.py): a published record pointing at it would point nowhere.
                issues.add(ref.position, codes.DAN_BAN_DU_THAO,
                           f"'{ref.id}' là một báo cáo còn là dự thảo (du_thao: true), không được đăng.",
                           "Dẫn văn bản đã ban hành, hoặc ban hành báo cáo trước: ghi số, ngày, bỏ dòng du_thao.")
                continue
            if ref.id in ids[ref.kind] or ref.id in data.broken_ids:
                continue
            guess = suggest(ref.id, ids[ref.kind], cutoff=0.85)
            hint = f"Có phải ý là '{guess}'? " if guess else ""
            issues.add(ref.position, codes.MA_KHONG_TON_TAI,
                       f"Không có {RECORD_TYPES[ref.kind].LABEL} nào mang mã '{ref.id}'.",
                       hint + f"Mã phải được khai báo trong {kinds.where_defined(ref.kind)}.")


def _check_document_identity(data: Dataset, issues: Issues) -> None:
    """Identity of a document is issuer + year + number and symbol."""
    seen: dict[tuple, Document] = {}
    for kind in kinds.namespaces()["van_ban"]:
        for doc in data.of(kind.key):
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
        # A count of "tập thể, cá nhân" fits a title that any of them may hold.
        if kind and allowed and not set(vocab.GROUP_TYPES[kind].recipients or (kind,)) & set(allowed):
            issues.add(award.pos("title"), codes.DANH_HIEU_KHONG_HOP_DOI_TUONG,
                       f"Danh hiệu '{vocab.TITLES[award.title].label}' dành cho "
                       f"{', '.join(vocab.RECIPIENT_TYPES[a].label.lower() for a in allowed)}, "
                       f"không dành cho {vocab.GROUP_TYPES[kind].label.lower()}.",
                       "Kiểm tra lại danh hiệu hoặc loại đối tượng.")


def _body_alive(body: Body, when: PartialDate) -> bool:
    return in_force(body.start, body.end, when)


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

    for kind in kinds.namespaces()["van_ban"]:
        for doc in data.of(kind.key):
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
