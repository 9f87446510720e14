"""The parts of a Decree 30/2020 document, recognised one line at a time.

Each function reads one line of text (a paragraph, or a piece of one split at a tab or a line
break, as header blocks are laid out) and says which part it is: the national motto, the number
line "Số: …", the place and date line, a signing line "TM. …", "Nơi nhận:", a signer's name… A blank
left for handwriting ("ngày    tháng    năm 2024", "Số:    /BC-UBND") stays blank: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import docnumber, vocab
from .text import fold, nfc

BLANK = re.compile(r"^[\s.…_·-]*$")  # what a blank left to fill in looks like: "…", "....", "____"
_NUMBER = re.compile(r"^Số\s*[:.]?\s*(.*)$", re.I)
_SUBJECT = re.compile(r"^V/v\s*[:.]?\s*(.+)$", re.I)
_PLACE_DATE = re.compile(r"^(?P<place>[^,;:]{1,80}?)\s*,\s*ngày\s*(?P<d>.*?)\s*tháng\s*(?P<m>.*?)\s*năm\s*(?P<y>.*?)\s*[.]?$",
                         re.I)
_MODE = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\s*[.]\s*(\S.*)$|^(T/M|K/T|T/L)\s+(\S.*)$")
_MODES = {"T/M": "TM", "K/T": "KT", "T/L": "TL"}
_SIGNED = re.compile(r"^\W*\(\s*(?:đã\s+ký|ký|chữ\s+ký)[^)]*\)\W*$", re.I)
_RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*:?\s*(.*)$", re.I)
_ADDRESSEE = re.compile(r"^Kính\s+gửi\s*:?\s*(.*)$", re.I)
_ITEM = re.compile(r"^[-–+•*]\s*(.*)$")
_PERIOD = re.compile(r"giai\s+đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})", re.I)
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?\d+(?:\s*(?:/|trên)\s*\d+)?$", re.I)
DOC_TYPES = {term.label.upper(): key for key, term in vocab.DOC_TYPES.items() if key not in ("van_ban_khac", "cong_van")}


def squash(text: str) -> str:
    """NFC, every run of spaces (no-break ones too) as one space, trimmed."""
    return " ".join(nfc(text).replace("\u00a0", " ").split())


def is_blank(text: str) -> bool:
    return bool(BLANK.match(text))


def is_upper(text: str) -> bool:
    """Written in capitals, as header and signature lines are ('ỦY BAN NHÂN DÂN', 'CHỦ TỊCH')."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(not ch.islower() for ch in letters)


def is_nation(text: str) -> bool:
    return re.sub(r"\W", "", fold(text)) == "conghoaxahoichunghiavietnam"


def is_motto(text: str) -> bool:
    return re.sub(r"\W", "", fold(text)) == "doclaptudohanhphuc"


def doc_type(text: str) -> str | None:
    """The type line ('BÁO CÁO', 'NGHỊ ĐỊNH') as a key of vocab.DOC_TYPES."""
    line = squash(text)
    return DOC_TYPES.get(line) if is_upper(line) else None


@dataclass
class Number:
    number: str | None = None   # written as it must be: "31/BC-UBND"; None when left blank
    printed: str | None = None  # as printed, when that differs ("31/BC- UBND")
    symbol: str | None = None   # the symbol of a blank number: "BC-UBND" of "Số: …/BC-UBND"


def number_line(text: str) -> Number | None:
    """'Số: 31/BC- UBND' → 31/BC-UBND printed '31/BC- UBND'; 'Số: …/BC-UBND' → a blank number."""
    m = _NUMBER.match(squash(text))
    if not m:
        return None
    raw = m.group(1).strip()
    written = re.sub(r"\s+", "", raw)
    try:
        docnumber.parse(written)
    except ValueError:
        blank = re.match(r"^[\s.…_·]*[/-]\s*(\S.*)$", raw)
        if blank:
            return Number(symbol=re.sub(r"\s+", "", blank.group(1)))
        return Number() if is_blank(raw) else None
    return Number(written, raw if raw != written else None)


def subject_line(text: str) -> str | None:
    """The 'V/v …' line of a công văn."""
    m = _SUBJECT.match(squash(text))
    return m.group(1) if m else None


@dataclass
class PlaceDate:
    place: str
    date: str | None     # "15/02/2024", "12/2024" or "2024"; None when all of it is blank
    printed: str | None  # the date as printed, when its pieces are not numbers


def place_date(text: str) -> PlaceDate | None:
    """'Tân Thành, ngày 15 tháng 02 năm 2024' → Tân Thành, 15/02/2024; blank day or month stays blank."""
    m = _PLACE_DATE.match(squash(text))
    if not m:
        return None
    pieces = [m.group(k).strip(" .…_") for k in ("d", "m", "y")]
    if not all(p == "" or p.isdigit() for p in pieces):
        return PlaceDate(m.group("place"), None, squash(text)[len(m.group("place")):].lstrip(" ,"))
    day, month, year = pieces
    if not year:
        return PlaceDate(m.group("place"), None, None)
    if month and day:
        return PlaceDate(m.group("place"), f"{int(day):02d}/{int(month):02d}/{year}", None)
    return PlaceDate(m.group("place"), f"{int(month):02d}/{year}" if month else year, None)


def mode_line(text: str) -> tuple[str, str] | None:
    """'TM. ỦY BAN NHÂN DÂN' → ('TM', 'ỦY BAN NHÂN DÂN'); Party spellings T/M, K/T, T/L too."""
    m = _MODE.match(squash(text))
    if not m:
        return None
    mode, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return (_MODES.get(mode, mode), rest) if is_upper(rest) else None


def is_signed_mark(text: str) -> bool:
    """'(Đã ký)', '(Ký, ghi rõ họ tên, đóng dấu)': where the signature goes."""
    return bool(_SIGNED.match(squash(text)))


def recipients_line(text: str) -> str | None:
    """'Nơi nhận:' → '' (or what follows it on the same line)."""
    m = _RECIPIENTS.match(squash(text))
    return m.group(1) if m else None


def addressee_line(text: str) -> str | None:
    m = _ADDRESSEE.match(squash(text))
    return m.group(1).rstrip(" :;,") if m else None


def recipient_item(text: str) -> str | None:
    """'- Phòng Nội vụ thị xã;' → 'Phòng Nội vụ thị xã;' (its ';' or '.' kept as printed)."""
    m = _ITEM.match(squash(text))
    return m.group(1) if m else None


def looks_like_name(text: str) -> bool:
    """A signer's name: 2 to 6 capitalised words ('Nguyễn Xuân Phúc'), no digits."""
    words = squash(text).split()
    return 2 <= len(words) <= 6 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words) and not is_upper(text)


def period_of(subject: str) -> tuple[int, int] | None:
    """The period a subject names: 'giai đoạn 2014-2023', or 'năm 2023'."""
    if m := _PERIOD.search(subject):
        return int(m.group(1)), int(m.group(2))
    if m := _YEAR.search(subject):
        return int(m.group(1)), int(m.group(1))
    return None


def is_page_number(text: str) -> bool:
    """'2', 'Trang 2', 'Trang 2/5': what a page header or footer holds for numbering."""
    return bool(_PAGE_NUMBER.match(squash(text)))
