"""Field types: each parses one YAML node into a Python value, or records the issue and raises Invalid.

They are what `fld()` declarations in records.py and parts.py are made of; each also describes
itself for the officers' data dictionary and as JSON Schema for editors.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable

from . import codes, docnumber, markdown_limits
from .dates import DateError, PartialDate, parse_date
from .schema import (RECORD_TYPES, Context, FieldType, Invalid, RefValue, parse_record, record_json_schema, scalar,
                     suggest)
from .issues import Position
from .text import lookalikes, slugify
from .yamlsrc import SEQUENCE, Node


_HTML_TAG = re.compile(r"<\s*[A-Za-z!/?]|\bjavascript\s*:", re.I)


class Text(FieldType):
    """Plain text, shown exactly as written (escaped, never as markup)."""

    def __init__(self, max_len: int = 300, multiline: bool = False):
        self.max_len = max_len
        self.multiline = multiline
        self.label = "đoạn văn" if multiline else "chữ"

    def parse(self, node: Node, ctx: Context) -> str:
        value = scalar(node, ctx, self.label)
        if node.comment_after:
            ctx.issues.add(node.position, codes.CHU_BI_CAT,
                           f"Phần sau dấu ' #' trên dòng này bị YAML bỏ qua (coi là ghi chú); giá trị chỉ còn là '{value[:60]}'.",
                           "Nếu dấu # là một phần nội dung (ví dụ 'đạt giải #1'), đặt cả giá trị trong dấu nháy kép; "
                           "nếu là ghi chú, chuyển ghi chú lên dòng riêng.")
        if not value.strip():
            ctx.issues.add(node.position, codes.GIA_TRI_RONG, "Giá trị đang để trống (chỉ có dấu nháy hoặc dấu cách).",
                           "Ghi nội dung, hoặc xoá cả dòng nếu trường này không bắt buộc và chưa có thông tin.")
            raise Invalid
        if len(value) > self.max_len:
            ctx.issues.add(node.position, codes.QUA_DAI, f"Dài {len(value)} ký tự, vượt giới hạn {self.max_len} ký tự.",
                           "Rút gọn nội dung; chi tiết dài nên đưa vào phần mô tả hoặc câu chuyện.")
            raise Invalid
        if not self.multiline and "\n" in value.strip():
            ctx.issues.add(node.position, codes.NHIEU_DONG, "Trường này chỉ nhận một dòng.",
                           "Viết liền trên một dòng.")
            raise Invalid
        if not self.multiline and _HTML_TAG.search(value):
            ctx.issues.add(node.position, codes.CHUA_HTML, f"Có mã HTML hoặc liên kết script trong '{value[:60]}'.",
                           "Chỉ ghi chữ thường; trang web tự trình bày, không cần thẻ HTML.")
            raise Invalid
        _report_lookalikes(node, value, ctx)
        return value

    def json_schema(self) -> dict:
        # An editor reading YAML 1.2 sees `ten: 2021` as a number; the loader keeps it as text.
        schema: dict = {"type": ["string", "number"], "maxLength": self.max_len, "minLength": 1}
        if not self.multiline:
            schema["not"] = {"type": "string", "pattern": _HTML_TAG.pattern}
        return schema


def _report_lookalikes(node: Node, value: str, ctx: Context) -> None:
    """One chu-gia-dang error per look-alike letter (text.LOOKALIKES), at the letter when it can be found."""
    for index, letter, meant, word in lookalikes(value):
        report_lookalike(ctx.issues, _letter_position(node, value, index, ctx), letter, meant, word)


def report_lookalike(issues, where: Position, letter: str, meant: str, word: str) -> None:
    """The chu-gia-dang error of one letter (also used for the Markdown bodies, load.py)."""
    name = unicodedata.name(letter, "không tên")
    issues.add(where, codes.CHU_GIA_DANG,
               f"Chữ '{letter}' (U+{ord(letter):04X} {name}) trong '{word[:40]}' trông giống '{meant}' "
               "nhưng là một ký tự khác; tìm kiếm và sắp xếp sẽ sai.",
               f"Thay '{letter}' (U+{ord(letter):04X}) bằng '{meant}' (U+{ord(meant):04X}).")


def _letter_position(node: Node, value: str, index: int, ctx: Context) -> Position:
    """Where the letter value[index] is written: the same occurrence of it in the file, from the value on.

    Plain, quoted and block values keep such a letter as written (only an escape such as "\\u00d0"
    would not), so the n-th one in the value is the n-th one in the file from the value's start.
    A value spans at most one line per line break or space it holds (YAML folds lines into spaces);
    if the letter is not found there, the value's own position is used."""
    letter, nth = value[index], value.count(value[index], 0, index)
    start = node.column - 1
    for number in range(node.line, node.line + value.count("\n") + value.count(" ") + 1):
        text = ctx.issues.source_line(node.path, number)
        if text is None:
            break
        at = text.find(letter, start)
        while at >= 0:
            if nth == 0:
                return Position(node.path, number, at + 1)
            nth -= 1
            at = text.find(letter, at + 1)
        start = 0
    return node.position


class Markdown(Text):
    """Longer text in Markdown; raw HTML in it is shown as text."""

    def __init__(self, max_len: int = 20000):
        super().__init__(max_len, multiline=True)
        self.label = "văn bản Markdown"

    def parse(self, node: Node, ctx: Context) -> str:
        value = super().parse(node, ctx)
        if not markdown_limits.report(value, lambda offset: _markdown_position(node, value, offset, ctx), ctx.issues):
            raise Invalid
        return value


_LITERAL_BLOCK = re.compile(r"\|[-+0-9]*\s*(?:#.*)?$")


def _markdown_position(node: Node, value: str, offset: int, ctx: Context) -> Position:
    """Where value[offset] is in the file: exact in a `|` block, whose lines are the file's (yamlsrc
    points such a value at its first line); the value's start otherwise."""
    above = ctx.issues.source_line(node.path, node.line - 1) or ""
    if node.plain or not _LITERAL_BLOCK.search(above):
        return node.position
    return markdown_limits.offset_position(node.path, node.line, value, offset, node.column - 1)


ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Id(FieldType):
    label = "mã định danh (chữ thường không dấu, số, dấu gạch ngang)"

    def parse(self, node: Node, ctx: Context) -> str:
        value = scalar(node, ctx, "mã định danh")
        if not ID_PATTERN.fullmatch(value) or len(value) > 80:
            proposal = slugify(value)[:80].strip("-") or "vi-du-ma"
            ctx.issues.add(node.position, codes.MA_KHONG_HOP_LE,
                           f"Mã '{value}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 80 ký tự).",
                           f"Ví dụ: '{proposal}'. Mã dùng làm địa chỉ trang, nên không đổi sau khi đã công bố.")
            raise Invalid
        return value

    def json_schema(self) -> dict:
        return {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$", "maxLength": 80}


class Ref(Id):
    """The id of another record, resolved after all files are read."""

    def __init__(self, kind: str):
        self.kind = kind

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"mã của một {RECORD_TYPES[self.kind].LABEL} đã khai báo"

    def parse(self, node: Node, ctx: Context) -> "RefValue":
        return RefValue(super().parse(node, ctx), self.kind, node.position)


class Choice(FieldType):
    """One value of a closed vocabulary (see vocab.py)."""

    def __init__(self, vocab: dict[str, Any] | Callable[[], dict[str, Any]]):
        self._vocab = vocab  # or a function returning it, for a vocabulary declared later (kinds.py)

    @property
    def vocab(self) -> dict[str, Any]:
        return self._vocab() if callable(self._vocab) else self._vocab

    @property
    def label(self) -> str:  # type: ignore[override]
        return "một trong: " + ", ".join(self.vocab)

    def parse(self, node: Node, ctx: Context) -> str:
        value = scalar(node, ctx, "một giá trị trong danh mục")
        if value not in self.vocab:
            guess = suggest(value, self.vocab)
            hint = f"Có phải ý là '{guess}'? " if guess else ""
            ctx.issues.add(node.position, codes.GIA_TRI_KHONG_CO_TRONG_DANH_MUC,
                           f"'{value}' không có trong danh mục.",
                           hint + "Các giá trị được dùng: " + ", ".join(self.vocab) + ".")
            raise Invalid
        return value

    def json_schema(self) -> dict:
        return {"enum": list(self.vocab),
                "markdownEnumDescriptions": [str(getattr(v, "label", v)) for v in self.vocab.values()]}


class Year(FieldType):
    label = "năm (4 chữ số)"

    def __init__(self, ahead: int = 0):
        # Years after this one: none for what has happened; a few for the end of a planned period
        # (an emulation period runs five years: "giai đoạn 2025 - 2030").
        self.ahead = ahead

    def parse(self, node: Node, ctx: Context) -> int:
        value = scalar(node, ctx, "một năm")
        if not re.fullmatch(r"\d{4}", value, re.ASCII):  # 0-9 only: "٢٠٢٠" or "２０２０" is not a year here
            ctx.issues.add(node.position, codes.NAM_KHONG_HOP_LE, f"'{value}' không phải một năm.",
                           "Viết năm bằng 4 chữ số, ví dụ 2023.")
            raise Invalid
        year, last = int(value), ctx.today.year + self.ahead
        if year < 1900 or year > last:
            code = codes.NGAY_TRONG_TUONG_LAI if year > last else codes.NAM_KHONG_HOP_LE
            ctx.issues.add(node.position, code, f"Năm {year} không hợp lệ (phải từ 1900 đến {last}).",
                           "Kiểm tra lại năm trên văn bản gốc.")
            raise Invalid
        return year

    def json_schema(self) -> dict:
        return {"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2100},
                          {"type": "string", "pattern": r"^(19|20)\d\d$"}]}


class Date(FieldType):
    label = "ngày (ngày/tháng/năm, tháng/năm hoặc năm)"

    def parse(self, node: Node, ctx: Context) -> PartialDate:
        value = scalar(node, ctx, "một ngày")
        try:
            return parse_date(value, ctx.today)
        except DateError as exc:
            ctx.issues.add(node.position, exc.code, exc.message, exc.hint)
            raise Invalid from None

    def json_schema(self) -> dict:
        return {"anyOf": [{"type": "string",
                           "pattern": r"^(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{4}|\d{4})$"},
                          {"type": "integer", "minimum": 1900, "maximum": 2100}]}


class Int(FieldType):
    def __init__(self, minimum: int = 0, maximum: int = 10_000_000):
        self.minimum, self.maximum = minimum, maximum
        self.label = f"số nguyên từ {minimum}"

    def parse(self, node: Node, ctx: Context) -> int:
        value = scalar(node, ctx, "một số")
        if not re.fullmatch(r"0|[1-9]\d*", value, re.ASCII) or not self.minimum <= int(value) <= self.maximum:
            ctx.issues.add(node.position, codes.SO_KHONG_HOP_LE, f"'{value}' không phải số nguyên hợp lệ.",
                           f"Viết một số nguyên từ {self.minimum} đến {self.maximum}, không có dấu chấm hay dấu phẩy.")
            raise Invalid
        return int(value)

    def json_schema(self) -> dict:
        return {"anyOf": [{"type": "integer", "minimum": self.minimum, "maximum": self.maximum},
                          {"type": "string", "pattern": r"^(0|[1-9]\d*)$"}]}


class Bool(FieldType):
    label = "có/không (true hoặc false)"

    def parse(self, node: Node, ctx: Context) -> bool:
        value = scalar(node, ctx, "true hoặc false")
        if value not in ("true", "false"):
            ctx.issues.add(node.position, codes.SAI_KIEU, f"'{value}' không phải true hoặc false.",
                           "Viết true (có) hoặc false (không), chữ thường, không đặt trong dấu nháy.")
            raise Invalid
        return value == "true"

    def json_schema(self) -> dict:
        return {"type": "boolean"}


_URL = re.compile("https?://[^\\s<>\"']+")


class Url(FieldType):
    """A web address: https://, or http:// for the many public sites that serve nothing else.

    An http:// address is published with a note (codes.LIEN_KET_HTTP, severity NOTE): the checker
    and the build print the hint to prefer https://, but not even a --strict build stops on it,
    since refusing it would make such sites impossible to cite. Every other scheme (javascript:,
    data:, file:, ftp:…) is an error."""

    label = "địa chỉ web (https://…)"

    def parse(self, node: Node, ctx: Context) -> str:
        value = scalar(node, ctx, "một địa chỉ web")
        if not _URL.fullmatch(value):
            ctx.issues.add(node.position, codes.LIEN_KET_KHONG_HOP_LE,
                           f"'{value[:80]}' không phải địa chỉ web an toàn.",
                           "Chỉ dùng địa chỉ bắt đầu bằng https:// (hoặc http:// với trang chưa có bản https://).")
            raise Invalid
        if value.startswith("http://"):
            ctx.issues.add(node.position, codes.LIEN_KET_HTTP,
                           f"Địa chỉ '{value[:80]}' dùng http://, không được mã hoá; vẫn được đăng.",
                           "Nếu trang có bản https://, hãy dùng https:// (an toàn hơn cho người xem).")
        return value

    def json_schema(self) -> dict:
        return {"type": "string", "pattern": f"^{_URL.pattern}$"}


# Files inside data/ (photos, signed originals): filepaths.py, named here with the other field types.
from .filepaths import ORIGINAL_PATH, PHOTO_PATH, DataFilePath, OriginalPath, PhotoPath  # noqa: E402,F401


class DocNumber(FieldType):
    label = "số, ký hiệu văn bản (ví dụ 12/BC-UBND, 91/2017/NĐ-CP, 34-CT/TW, 25/PNV)"

    def parse(self, node: Node, ctx: Context) -> docnumber.DocNumber:
        value = scalar(node, ctx, "số, ký hiệu")
        try:
            return docnumber.parse(value)
        except ValueError as exc:
            ctx.issues.add(node.position, codes.SO_KY_HIEU_KHONG_HOP_LE, str(exc),
                           "Viết như trên văn bản: 12/BC-UBND (hành chính), 91/2017/NĐ-CP (quy phạm), "
                           "34-CT/TW (của Đảng) hoặc 25/PNV (công văn); không có dấu cách. "
                           "Cách viết in sai giữ ở trường 'so_ky_hieu_in'.")
            raise Invalid from None

    def json_schema(self) -> dict:
        return {"type": "string", "pattern": docnumber.JSON_PATTERN}


class ListOf(FieldType):
    many = True  # fld() gives such fields an empty list by default

    def __init__(self, item: FieldType, min_items: int = 0):
        self.item = item
        self.min_items = min_items

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"danh sách, mỗi mục là {self.item.describe()}"

    def parse(self, node: Node, ctx: Context) -> list:
        if node.kind != SEQUENCE:
            ctx.issues.add(node.position, codes.SAI_KIEU, "Cần một danh sách.",
                           "Viết mỗi mục trên một dòng, bắt đầu bằng '- ' và thụt vào dưới tên trường.")
            raise Invalid
        if len(node.value) < self.min_items:  # type: ignore[arg-type]
            ctx.issues.add(node.position, codes.THIEU_MUC, f"Danh sách cần ít nhất {self.min_items} mục.", "")
            raise Invalid
        values, failed = [], False
        for item in node.value:  # type: ignore[union-attr]
            try:
                values.append(self.item.parse(item, ctx))
            except Invalid:
                failed = True
        if failed:
            raise Invalid
        return values

    def json_schema(self) -> dict:
        return {"type": "array", "items": self.item.json_schema(), "minItems": self.min_items}


class Object(FieldType):
    """A nested group of fields, itself declared as a record-like dataclass."""

    def __init__(self, cls: type):
        self.cls = cls
        self.label = f"nhóm trường ({cls.LABEL})"

    def parse(self, node: Node, ctx: Context):
        return parse_record(self.cls, node, ctx)

    def json_schema(self) -> dict:
        return record_json_schema(self.cls)
