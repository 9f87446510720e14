"""The machinery to declare the data schema once.

A record type is a dataclass whose fields are declared with `fld()`: the YAML key
officers write, a field type that parses and checks the value, and a Vietnamese
description. Parsing, validation messages, the JSON Schema for editors and the
officers' data dictionary are all derived from those declarations.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, ClassVar

from . import codes, docnumber
from .dates import FORMAT_HINT, DateError, PartialDate, parse_date
from .issues import Issues, Position
from .text import fold, slugify
from .yamlsrc import MAPPING, SCALAR, SEQUENCE, Node


class Invalid(Exception):
    """Raised by a field type after it has recorded the issue."""


@dataclass
class Context:
    issues: Issues
    today: date


def _scalar(node: Node, ctx: Context, what: str) -> str:
    if node.kind != SCALAR:
        shape = "danh sách" if node.kind == SEQUENCE else "nhóm trường"
        hint = "Viết giá trị trên cùng dòng với tên trường, sau dấu hai chấm."
        if node.kind == MAPPING and len(node.value) == 1:  # e.g. `- Lưu: VT.` read as {Lưu: VT.}
            key, value = node.value[0]  # type: ignore[index]
            text = f"{key.value}: {value.value}" if value.kind == SCALAR else key.value
            hint = (f"Chữ có dấu hai chấm và dấu cách (': ') phải đặt trong dấu nháy kép: \"{text}\".")
        ctx.issues.add(node.position, codes.SAI_KIEU, f"Cần {what}, nhưng ở đây là một {shape}.", hint)
        raise Invalid
    return node.value  # type: ignore[return-value]


def suggest(value: str, choices, cutoff: float = 0.75) -> str | None:
    """The closest known value, comparing without diacritics."""
    folded = {fold(str(c)): c for c in choices}
    match = difflib.get_close_matches(fold(value), list(folded), n=1, cutoff=cutoff)
    return folded[match[0]] if match else None


# ---------------------------------------------------------------------------
# Field types

class FieldType:
    """Parses one YAML node into a Python value, or records an issue."""

    label = "giá trị"

    def parse(self, node: Node, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError

    def describe(self) -> str:
        return self.label


_HTML_TAG = re.compile(r"<\s*[A-Za-z!/?]|\bjavascript\s*:", re.I)


class Text(FieldType):
    """Plain text, shown exactly as written (escaped, never as markup)."""

    def __init__(self, max_len: int = 300, multiline: bool = False):
        self.max_len = max_len
        self.multiline = multiline
        self.label = "đoạn văn" if multiline else "chữ"

    def parse(self, node: Node, ctx: Context) -> str:
        value = _scalar(node, ctx, self.label)
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
        return value

    def json_schema(self) -> dict:
        # An editor reading YAML 1.2 sees `ten: 2021` as a number; the loader keeps it as text.
        schema: dict = {"type": ["string", "number"], "maxLength": self.max_len, "minLength": 1}
        if not self.multiline:
            schema["not"] = {"type": "string", "pattern": _HTML_TAG.pattern}
        return schema


class Markdown(Text):
    """Longer text in Markdown; raw HTML in it is shown as text."""

    def __init__(self, max_len: int = 20000):
        super().__init__(max_len, multiline=True)
        self.label = "văn bản Markdown"


ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Id(FieldType):
    label = "mã định danh (chữ thường không dấu, số, dấu gạch ngang)"

    def parse(self, node: Node, ctx: Context) -> str:
        value = _scalar(node, ctx, "mã định danh")
        if not ID_PATTERN.fullmatch(value) or len(value) > 80:
            proposal = slugify(value)[:80].strip("-") or "vi-du-ma"
            ctx.issues.add(node.position, codes.MA_KHONG_HOP_LE,
                           f"Mã '{value}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 80 ký tự).",
                           f"Ví dụ: '{proposal}'. Mã dùng làm địa chỉ trang, nên không đổi sau khi đã công bố.")
            raise Invalid
        return value

    def json_schema(self) -> dict:
        return {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$", "maxLength": 80}


REF_LABEL = {"van_ban": "văn bản", "co_quan": "cơ quan", "phong_trao": "phong trào", "doi_tuong": "đối tượng",
             "khen_thuong": "khen thưởng", "dien_hinh": "gương điển hình"}


class Ref(Id):
    """The id of another record, resolved after all files are read."""

    def __init__(self, kind: str):
        self.kind = kind
        self.label = f"mã của một {REF_LABEL.get(kind, kind)} đã khai báo"

    def parse(self, node: Node, ctx: Context) -> "RefValue":
        return RefValue(super().parse(node, ctx), self.kind, node.position)


@dataclass(frozen=True)
class RefValue:
    id: str
    kind: str
    position: Position

    def __str__(self) -> str:
        return self.id


class Choice(FieldType):
    """One value of a closed vocabulary (see vocab.py)."""

    def __init__(self, vocab: dict[str, Any]):
        self.vocab = vocab

    @property
    def label(self) -> str:  # type: ignore[override]
        return "một trong: " + ", ".join(self.vocab)

    def parse(self, node: Node, ctx: Context) -> str:
        value = _scalar(node, ctx, "một giá trị trong danh mục")
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

    def parse(self, node: Node, ctx: Context) -> int:
        value = _scalar(node, ctx, "một năm")
        if not re.fullmatch(r"\d{4}", value):
            ctx.issues.add(node.position, codes.NAM_KHONG_HOP_LE, f"'{value}' không phải một năm.",
                           "Viết năm bằng 4 chữ số, ví dụ 2023.")
            raise Invalid
        year = int(value)
        if year < 1900 or year > ctx.today.year:
            code = codes.NGAY_TRONG_TUONG_LAI if year > ctx.today.year else codes.NAM_KHONG_HOP_LE
            ctx.issues.add(node.position, code, f"Năm {year} không hợp lệ (phải từ 1900 đến {ctx.today.year}).",
                           "Kiểm tra lại năm trên văn bản gốc.")
            raise Invalid
        return year

    def json_schema(self) -> dict:
        return {"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2100},
                          {"type": "string", "pattern": r"^(19|20)\d\d$"}]}


class Date(FieldType):
    label = "ngày (ngày/tháng/năm, tháng/năm hoặc năm)"

    def parse(self, node: Node, ctx: Context) -> PartialDate:
        value = _scalar(node, ctx, "một ngày")
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
        value = _scalar(node, ctx, "một số")
        if not re.fullmatch(r"0|[1-9]\d*", value) or not self.minimum <= int(value) <= self.maximum:
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
        value = _scalar(node, ctx, "true hoặc false")
        if value not in ("true", "false"):
            ctx.issues.add(node.position, codes.SAI_KIEU, f"'{value}' không phải true hoặc false.",
                           "Viết true (có) hoặc false (không), chữ thường, không đặt trong dấu nháy.")
            raise Invalid
        return value == "true"

    def json_schema(self) -> dict:
        return {"type": "boolean"}


class Url(FieldType):
    label = "địa chỉ web (https://…)"

    def parse(self, node: Node, ctx: Context) -> str:
        value = _scalar(node, ctx, "một địa chỉ web")
        if not re.fullmatch(r"https://[^\s<>\"']+", value):
            ctx.issues.add(node.position, codes.LIEN_KET_KHONG_HOP_LE,
                           f"'{value[:80]}' không phải địa chỉ web an toàn.",
                           "Chỉ dùng địa chỉ bắt đầu bằng https://.")
            raise Invalid
        return value

    def json_schema(self) -> dict:
        return {"type": "string", "pattern": "^https://[^\\s<>\"']+$"}


PHOTO_PATH = re.compile(r"anh/[a-z0-9]+(?:[-_][a-z0-9]+)*\.(?:jpg|jpeg|png|webp)")


class PhotoPath(FieldType):
    """A photo inside data/anh/: lowercase ASCII name, no folders above, no web address."""

    label = "đường dẫn ảnh, dạng anh/ten-tep.jpg (chữ thường không dấu)"

    def parse(self, node: Node, ctx: Context) -> str:
        value = _scalar(node, ctx, "đường dẫn ảnh")
        if "://" in value or value.startswith(("//", "data:")):
            code, message = codes.ANH_BEN_NGOAI, f"Ảnh '{value[:80]}' ở trang web khác; mỗi lần xem trang, người đọc sẽ bị gửi tới đó."
            hint = "Lưu ảnh vào thư mục data/anh/ (qua pull request) rồi ghi 'anh/ten-tep.jpg'."
        elif not PHOTO_PATH.fullmatch(value):
            code, message = codes.DUONG_DAN_ANH, f"Đường dẫn ảnh '{value[:80]}' không hợp lệ."
            hint = ("Ảnh phải nằm ngay trong thư mục data/anh/, tên tệp chữ thường không dấu, "
                    "đuôi .jpg, .png hoặc .webp; ví dụ anh/tran-thi-lan.jpg.")
        else:
            return value
        ctx.issues.add(node.position, code, message, hint)
        raise Invalid

    def json_schema(self) -> dict:
        return {"type": "string", "pattern": f"^{PHOTO_PATH.pattern}$"}


class DocNumber(FieldType):
    label = "số, ký hiệu văn bản (ví dụ 12/BC-UBND, 91/2017/NĐ-CP, 34-CT/TW, 25/PNV)"

    def parse(self, node: Node, ctx: Context) -> docnumber.DocNumber:
        value = _scalar(node, ctx, "số, ký hiệu")
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


# ---------------------------------------------------------------------------
# Declaring fields and records

def fld(key: str, ftype: FieldType, doc: str, *, required: bool = False, example: str | None = None,
        publish: bool = True, default: Any = None):
    """Declare one field: YAML key, type, Vietnamese description."""
    factory = list if isinstance(ftype, ListOf) and default is None else None
    extra = {"default_factory": factory} if factory else {"default": default}
    return dataclasses.field(**extra, metadata={
        "key": key, "type": ftype, "doc": doc, "required": required, "example": example, "publish": publish})


@dataclass(frozen=True)
class FieldSpec:
    attr: str
    key: str
    type: FieldType
    doc: str
    required: bool
    example: str | None
    publish: bool


def field_specs(cls: type) -> list[FieldSpec]:
    cached = cls.__dict__.get("_field_specs")
    if cached is None:
        cached = [FieldSpec(f.name, f.metadata["key"], f.metadata["type"], f.metadata["doc"],
                            f.metadata["required"], f.metadata["example"], f.metadata["publish"])
                  for f in dataclasses.fields(cls) if "key" in f.metadata]
        cls._field_specs = cached
    return cached


def _specs_by_key(cls: type) -> tuple[dict[str, FieldSpec], tuple[FieldSpec, ...]]:
    """{YAML key: spec} and the required specs of a record type, in declaration order; cached."""
    cached = cls.__dict__.get("_specs_by_key")
    if cached is None:
        specs = field_specs(cls)
        cached = ({s.key: s for s in specs}, tuple(s for s in specs if s.required))
        cls._specs_by_key = cached
    return cached


class Record:
    """Base of every declared record: remembers where each value was written."""

    LABEL: ClassVar[str] = "mục"
    RULES: ClassVar[tuple[Callable, ...]] = ()

    def __post_init__(self) -> None:
        # attr → where its value was written: the value's Node until asked, then its Position (most
        # positions are never asked for, and a Position costs more to make than the rest of a field).
        self._positions: dict[str, Position | Node] = {}
        self._position: Position | None = None

    def pos(self, attr: str | None = None) -> Position:
        """Where a field (or the record itself) was written."""
        if attr and attr in self._positions:
            where = self._positions[attr]
            if isinstance(where, Node):
                where = self._positions[attr] = where.position
            return where
        return self._position or Position("?")


def parse_record(cls: type, node: Node, ctx: Context):
    """Parse a mapping node into `cls`; record every problem; raise Invalid if any."""
    if node.kind != MAPPING:
        ctx.issues.add(node.position, codes.SAI_KIEU, f"Cần một {cls.LABEL} gồm các trường 'tên: giá trị'.",
                       "Mỗi dòng có dạng 'ten_truong: giá trị'; kiểm tra thụt lề.")
        raise Invalid
    specs, required = _specs_by_key(cls)
    values: dict[str, Any] = {}
    positions: dict[str, Node] = {}
    failed_attrs: set[str] = set()
    failed = False
    for key_node, value_node in node.value:  # type: ignore[union-attr]
        key = key_node.value
        spec = specs.get(key)
        if spec is None:
            guess = suggest(key, specs)
            hint = f"Có phải ý là '{guess}'? " if guess else ""
            ctx.issues.add(key_node.position, codes.TRUONG_KHONG_RO,
                           f"Trường '{key}' không có trong mẫu dữ liệu của {cls.LABEL}.",
                           hint + "Các trường dùng được: " + ", ".join(specs) + ".")
            failed = True
            continue
        positions[spec.attr] = value_node
        if value_node.is_empty():
            continue  # "no value" — the required check below decides
        try:
            values[spec.attr] = spec.type.parse(value_node, ctx)
        except Invalid:
            failed = True
            failed_attrs.add(spec.attr)
    for spec in required:
        if spec.attr not in values and spec.attr not in failed_attrs:
            where = positions[spec.attr].position if spec.attr in positions else node.position
            ctx.issues.add(where, codes.THIEU_TRUONG, f"Thiếu trường bắt buộc '{spec.key}' ({spec.doc.split('.')[0]}).",
                           f"Thêm dòng '{spec.key}: …'" + (f", ví dụ: {spec.key}: {spec.example}" if spec.example else "") + ".")
            failed = True
    if failed:
        raise Invalid
    record = cls(**values)
    record._positions = positions
    record._position = node.position
    for rule in cls.RULES:
        rule(record, ctx)
    return record


def record_json_schema(cls: type) -> dict:
    specs = field_specs(cls)
    props = {}
    for s in specs:
        prop = s.type.json_schema()
        prop["description"] = s.doc
        prop["markdownDescription"] = (f"**{s.key}**{' (bắt buộc)' if s.required else ''}: {s.doc}\n\n"
                                       f"Cách ghi: {s.type.describe()}.")
        if s.example:
            prop["examples"] = [s.example]
        props[s.key] = prop
    schema = {"type": "object", "additionalProperties": False, "properties": props,
              "description": cls.__doc__.strip().splitlines()[0] if cls.__doc__ else cls.LABEL}
    required = [s.key for s in specs if s.required]
    if required:
        schema["required"] = required
    return schema
