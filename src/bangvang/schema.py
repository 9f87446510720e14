"""The machinery to declare the data schema once.

A record type is a dataclass whose fields are declared with `fld()`: the YAML key
officers write, a field type (fields.py) that parses and checks the value, and a Vietnamese
description. Parsing, validation messages, the JSON Schema for editors and the
officers' data dictionary are all derived from those declarations.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, ClassVar

from . import codes
from .issues import Issues, Position
from .text import fold
from .yamlsrc import MAPPING, SCALAR, SEQUENCE, Node

# Record classes by kind ("phong_trao" → Movement): each class that declares a KIND registers itself.
RECORD_TYPES: dict[str, type] = {}


class Invalid(Exception):
    """Raised by a field type after it has recorded the issue. `partial`: what a record that failed
    still holds (the fields that parsed), so that the rest of it is checked in the same run."""

    def __init__(self, partial=None):
        super().__init__()
        self.partial = partial


@dataclass
class Context:
    issues: Issues
    today: date


def scalar(node: Node, ctx: Context, what: str) -> str:
    """The text of a scalar node; any other shape is a sai-kieu issue (`what` says what was expected)."""
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


class FieldType:
    """Parses one YAML node into a Python value, or records an issue."""

    label = "giá trị"

    def parse(self, node: Node, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError

    def describe(self) -> str:
        return self.label


@dataclass(frozen=True)
class RefValue:
    id: str
    kind: str
    position: Position

    def __str__(self) -> str:
        return self.id


# ---------------------------------------------------------------------------
# Declaring fields and records

def fld(key: str, ftype: FieldType, doc: str, *, required: bool = False, example: str | None = None,
        publish: bool = True, default: Any = None):
    """Declare one field: YAML key, type, Vietnamese description."""
    factory = list if getattr(ftype, "many", False) and default is None else None
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

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "KIND" in cls.__dict__:
            RECORD_TYPES[cls.KIND] = cls  # type: ignore[attr-defined]

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
        raise Invalid(_partial(cls, values, positions, failed_attrs, node, ctx))
    record = cls(**values)
    record._positions = positions
    record._position = node.position
    for rule in cls.RULES:
        rule(record, ctx)
    return record


class _Failed:
    """What a rule reads in place of a field whose value did not parse: any use of it skips the rule
    (that field's error is already reported; a second one about it would mislead)."""

    def _skip(self, *args, **kwargs):
        raise _SkipRule

    __bool__ = __eq__ = __ne__ = __iter__ = __len__ = __getattr__ = __getitem__ = __hash__ = __str__ = _skip


class _SkipRule(Exception):
    pass


def _partial(cls: type, values: dict[str, Any], positions: dict[str, Node], failed: set[str], node: Node,
             ctx: Context):
    """A record that failed, with the fields that parsed: its references and its own rules are still
    checked, so that one error never hides another (the count does not depend on what is fixed first).
    It is never published. A rule that reads a field that failed is skipped for it."""
    partial = cls.__new__(cls)
    Record.__post_init__(partial)
    empty = {spec.attr: [] if getattr(spec.type, "many", False) else None for spec in field_specs(cls)}
    for attr, value in empty.items():
        setattr(partial, attr, _Failed() if attr in failed else values.get(attr, value))
    partial._positions, partial._position = positions, node.position
    if values.get("id") is None:
        return None  # nothing can refer to it, and its rules would name nothing
    for rule in cls.RULES:
        try:
            rule(partial, ctx)
        except _SkipRule:
            pass
    for attr in failed:
        setattr(partial, attr, empty[attr])  # the rest of the checks walk it as a record without that field
    return partial


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
