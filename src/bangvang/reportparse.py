"""A Word report read into the fields of a report record and its body in Markdown.

The layout of Decree 30/2020 is read in its order: the header block (parent body, issuer, number;
national motto, place and date), often a borderless table or lines split by tab stops; the type
line and subject; the body; then the signature block and "Nơi nhận", often a table again. What is
recognised becomes a field (YAML key of records.Report); what is not is never dropped: it goes into
the body where it stood, and is listed in `unplaced` with the paragraph it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import reportparts as rp
from .wordfile import Para, Table, WordDoc
from .wordmarkdown import RULE as DRAWN, blocks as markdown_blocks, escape, inline

TITLE_WITHIN = 25   # blocks: the type line ("BÁO CÁO") comes right after the header block
SUBJECT_LINES = 4   # paragraphs a subject may take
HEADER_WITHIN = 6   # blocks: where a header block without a type line (a công văn) must end


@dataclass
class Line:
    text: str
    para: Para
    bold: bool = False  # all of this line's text is bold


@dataclass
class Found:
    fields: dict = field(default_factory=dict)    # YAML key → value, in the order found
    body: list[str] = field(default_factory=list)  # Markdown blocks
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (where, text): not recognised, kept in the body
    notes: list[str] = field(default_factory=list)  # what the officer should know
    number_symbol: str | None = None  # "BC-UBND" of a number left blank

    def unplace(self, line: Line) -> None:
        self.unplaced.append((line.para.where, line.text))


def skipped(text: str) -> bool:
    """A drawn line, or a blank left to fill in ("…"): layout, not text, in a header or signature block."""
    return bool(DRAWN.match(text)) or rp.is_blank(text)


def lines_of(items: list[Para | Table]) -> list[Line]:
    """Every line of some blocks: paragraphs split at line breaks and tab stops, tables cell by cell."""
    out = []
    for item in items:
        paras = [p for row in item.rows for cell in row for p in cell] if isinstance(item, Table) else [item]
        for para in paras:
            out += _pieces(para)
    return out


def _pieces(para: Para) -> list[Line]:
    """A paragraph's lines, each bold only if all its own text is (a tab may part a plain and a bold text)."""
    lines, text, bold = [], "", True
    for run in para.runs:
        for n, piece in enumerate(run.text.replace("\t", "\n").split("\n")):
            if n:
                lines.append((text, bold))
                text, bold = "", True
            text += piece
            bold = bold and (run.bold or not piece.strip())
    lines.append((text, bold))
    return [Line(rp.squash(t), para, b) for t, b in lines if rp.squash(t)]


def read_report(doc: WordDoc) -> Found:
    found = Found()
    items = doc.blocks
    title = next((i for i, item in enumerate(items[:TITLE_WITHIN])
                  if isinstance(item, Para) and rp.doc_type(item.text)), None)
    start = title if title is not None else _header_end(items)
    lead = _header(lines_of(items[:start]), found)
    if title is not None:
        start = _title(items, title, found)
    else:
        found.notes.append("Không thấy dòng tên loại văn bản (ví dụ “BÁO CÁO”) ngay sau phần đầu văn bản.")
    close = _closing_start(items, start)
    found.body += lead + _body(items[start:close], found)
    rest = _closing(items[close:], found)
    if rest:
        tail = lines_of(rest)
        found.unplaced += [(line.para.where, line.text) for line in tail]
        found.notes.append(f"Phần sau khối chữ ký ({len(tail)} dòng) được đưa vào cuối nội dung.")
        found.body += markdown_blocks(rest)
    for para in doc.margins:  # page headers and footers: page numbers are layout, anything else is kept
        if rp.squash(para.text) and not rp.is_page_number(para.text):
            found.unplaced.append((para.where, rp.squash(para.text)))
            found.body.append(inline(para))
    return found


def _header_end(items: list) -> int:
    """Without a type line: the header ends after the last block that holds a header line."""
    end = 0
    for i, item in enumerate(items[:HEADER_WITHIN]):
        if any(rp.number_line(line.text) or rp.place_date(line.text) or rp.is_motto(line.text)
               for line in lines_of([item])):
            end = i + 1
    return end


def _header(lines: list[Line], found: Found) -> list[str]:
    """Fields of the header block; returns the Markdown of its lines that are not header parts."""
    names: list[Line] = []
    kept: list[str] = []
    for line in lines:
        text = line.text
        if skipped(text) or rp.is_nation(text) or rp.is_motto(text):
            continue
        if (number := rp.number_line(text)) is not None:
            _number(number, found)
        elif (when := rp.place_date(text)) is not None:
            _place_date(when, found)
        elif (subject := rp.subject_line(text)) is not None:
            found.fields["trich_yeu"] = subject
        elif rp.is_upper(text):
            names.append(line)
        else:
            found.unplace(line)
            kept.append(escape(text))
    _issuer(names, found)
    return kept


def _number(number: rp.Number, found: Found) -> None:
    if number.number:
        found.fields["so_ky_hieu"] = number.number
        if number.printed:
            found.fields["so_ky_hieu_in"] = number.printed
    else:
        found.number_symbol = number.symbol
        found.notes.append("Số văn bản để trống (chưa ban hành): ghi là dự thảo, không có 'so_ky_hieu'.")


def _place_date(when: rp.PlaceDate, found: Found) -> None:
    found.fields["dia_danh"] = when.place
    if when.date:
        found.fields["ngay"] = when.date
    elif when.printed:
        found.fields["ngay_in"] = when.printed
        found.notes.append(f"Ngày “{when.printed}” không đọc được thành ngày/tháng/năm: ghi vào 'ngay_in'.")
    else:
        found.notes.append("Ngày tháng để trống: không ghi 'ngay'.")


def _issuer(names: list[Line], found: Found) -> None:
    """Parent body (not bold) and issuer (bold) from the capital lines at the top left."""
    if not names:
        return
    bold = [line.text for line in names if line.bold]
    plain = [line.text for line in names if not line.bold]
    if bold and plain:
        parent, issuer = plain, bold
    elif len(names) >= 2:
        parent, issuer = [names[0].text], [line.text for line in names[1:]]
    else:
        parent, issuer = [], [names[0].text]
    if parent:
        found.fields["co_quan_chu_quan_in"] = " ".join(parent)
    found.fields["co_quan_ban_hanh_in"] = " ".join(issuer)


def _title(items: list, at: int, found: Found) -> int:
    """Reads the type line and the subject under it; returns where the body starts."""
    found.fields["loai"] = rp.doc_type(items[at].text)
    subject, i = [], at + 1
    while i < len(items) and len(subject) < SUBJECT_LINES:
        item = items[i]
        if not isinstance(item, Para) or (subject and skipped(item.text)):
            break
        if not skipped(item.text):
            if subject and not (item.centred or item.bold):
                break
            subject.append(rp.squash(item.text))
            if not (item.centred or item.bold):
                i += 1
                break  # a plain paragraph: one line of subject, the body follows
        i += 1
    while i < len(items) and isinstance(items[i], Para) and skipped(items[i].text):
        i += 1
    if subject:
        found.fields["trich_yeu"] = " ".join(subject)
    return i


def _closing_start(items: list, start: int) -> int:
    """Where the signature block or "Nơi nhận" begins (the end when there is none)."""
    for i in range(start, len(items)):
        item = items[i]
        lines = lines_of([item])
        if isinstance(item, Table):
            if any(rp.recipients_line(line.text) is not None or rp.mode_line(line.text) for line in lines):
                return i
        elif lines and (rp.recipients_line(lines[0].text) is not None or rp.mode_line(lines[0].text)):
            return i
    return len(items)


def _body(items: list, found: Found) -> list[str]:
    """The body in Markdown; a "Kính gửi:" line among its first paragraphs is the addressee."""
    kept = []
    for n, item in enumerate(items):
        addressee = rp.addressee_line(item.text) if isinstance(item, Para) and n < 3 else None
        if addressee is not None:
            if not rp.is_blank(addressee):
                found.fields["kinh_gui"] = addressee
            continue
        kept.append(item)
    return markdown_blocks(kept)


def _closing(items: list, found: Found) -> list:
    """Signature block and "Nơi nhận"; returns the blocks after them (an appendix…)."""
    block = _Closing()
    for n, item in enumerate(items):
        if block.ended:
            _finish(block, found)
            return items[n:]
        for line in lines_of([item]):
            if block.ended or not block.take(line.text):
                block.ended = True  # past the signer's name, what is not "Nơi nhận" ends the block
                found.unplace(line)
                found.body.append(escape(line.text))
    _finish(block, found)
    return []


@dataclass
class _Closing:
    modes: list[tuple[str, str]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    name: str | None = None
    recipients: list[str] = field(default_factory=list)
    listing: bool = False     # after "Nơi nhận:"
    continuing: bool = False  # right after one of its entries
    ended: bool = False

    def take(self, text: str) -> bool:
        """Places one line; False when it is not a part of a signature block or of "Nơi nhận"."""
        was_continuing, self.continuing = self.continuing, False
        if skipped(text) or rp.is_signed_mark(text):
            self.continuing = was_continuing
        elif (rest := rp.recipients_line(text)) is not None:
            self.listing = self.continuing = True
            self.recipients += [rest] if rest else []
        elif self.listing and (entry := rp.recipient_item(text)) is not None:
            self.recipients.append(entry)
            self.continuing = True
        elif was_continuing and self.recipients and not rp.is_upper(text) and not rp.looks_like_name(text):
            self.recipients[-1] = f"{self.recipients[-1]} {text}"  # an entry that went on to a second line
            self.continuing = True
        elif self.name is not None:
            return False
        elif (mode := rp.mode_line(text)) is not None:
            self.modes.append(mode)
        elif rp.is_upper(text):
            self.titles.append(text)
        elif rp.looks_like_name(text):
            self.name = text
        else:
            return False
        return True


def _finish(block: _Closing, found: Found) -> None:
    if block.recipients:
        found.fields["noi_nhan"] = block.recipients
    else:
        found.notes.append("Không thấy “Nơi nhận”: không ghi 'noi_nhan'.")
    signature = _signature(block)
    if signature is None:
        found.notes.append("Khối chữ ký chưa đủ (thẩm quyền ký, chức vụ, họ tên người ký): không ghi 'ky'.")
    else:
        found.fields["ky"] = signature


def _signature(sign: _Closing) -> dict | None:
    """The 'ky' group: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / name; KT. CHỦ TỊCH / PHÓ CHỦ TỊCH; Q. CHỦ TỊCH."""
    if sign.name is None or rp.is_blank(sign.name):
        return None
    block: dict = {}
    modes = list(sign.modes)
    if len(modes) >= 2 and modes[0][0] == "TM":
        block["tap_the"] = modes.pop(0)[1]
    mode, over = modes[0] if modes else ("khong", None)
    title = " ".join(sign.titles)
    if mode == "Q" and not title:
        title, over = over, None
    if not title:
        return None
    block["che_do"] = mode
    if over and mode != "Q":
        block["thay_mat"] = over
    block["chuc_vu"] = title
    block["ho_ten"] = rp.squash(sign.name)
    return block
