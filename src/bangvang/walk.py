"""Walking a record's declared values by field type: its references, its text, a changed copy.

Validation walks every reference and every text of every record (a province has hundreds of
thousands), so which fields can hold what is worked out once per record type and cached.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from .fields import Bool, Choice, Date, DocNumber, Id, Int, ListOf, Markdown, Object, OriginalPath, PhotoPath, Ref, Text, Url, Year
from .issues import Position
from .schema import FieldType, Record, RefValue, field_specs

# Field types whose values are never a RefValue nor hold one (exact types: a subclass may).
_NO_REFS = (Text, Markdown, Id, Choice, Year, Date, Int, Bool, Url, PhotoPath, OriginalPath, DocNumber)
# Field types whose values are never text nor hold any (numbers, dates, references; exact types).
_NO_TEXT = (Ref, Year, Int, Bool, Date, DocNumber)
_REF_ATTRS: dict[type, tuple[str, ...]] = {}
_TEXT_ATTRS: dict[type, tuple[str, ...]] = {}
_DATACLASS_TYPES: dict[type, bool] = {}


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


def iter_refs(value) -> list[RefValue]:
    """Every RefValue inside a record, nested groups and lists included."""
    return _refs(value, [])


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
    return out


def _may_hold_text(ftype) -> bool:
    if type(ftype) is ListOf:
        return _may_hold_text(ftype.item)
    return type(ftype) not in _NO_TEXT


def _text_attrs(cls: type) -> tuple[str, ...]:
    """The declared (YAML) fields of a record type that may hold text, in declaration order; cached."""
    attrs = _TEXT_ATTRS.get(cls)
    if attrs is None:
        attrs = _TEXT_ATTRS[cls] = tuple(s.attr for s in field_specs(cls) if _may_hold_text(s.type))
    return attrs


def text_values(record, out: list | None = None) -> list:
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
                text_values(item, out)
    body = getattr(record, "body_markdown", None)
    if body:
        out.append(("body_markdown", body, Position(record.pos().path, getattr(record, "body_line", 1))))
    return out


def rewritten(record: Record, text: Callable[[str], str], ref: Callable[[RefValue], RefValue | None],
              drop: Callable[[Record, str], bool] = lambda record, attr: False) -> Record:
    """A copy of `record` with every text (Text, Markdown fields and the body) passed through `text`,
    every reference through `ref` (None drops it) and the fields `drop(record, attr)` names emptied;
    nested groups are copied the same way. Positions are kept: a copy still says where it was written."""
    cls = type(record)
    result = cls.__new__(cls)  # a shallow copy, without copy.copy's generic (and slower) protocol
    result.__dict__.update(record.__dict__)
    for spec in field_specs(cls):
        value = getattr(record, spec.attr)
        if drop(record, spec.attr):
            value = [] if isinstance(value, list) else None
        elif value is not None:
            value = _rewrite(value, spec.type, text, ref, drop)
        setattr(result, spec.attr, value)
    if getattr(record, "body_markdown", None):
        body = "" if drop(record, "body_markdown") else text(record.body_markdown)
        result.body_markdown = body  # type: ignore[attr-defined]
    return result


def _rewrite(value, ftype: FieldType, text, ref, drop):
    kind = type(ftype)
    if kind is ListOf:
        items = []
        for item in value:
            item = _rewrite(item, ftype.item, text, ref, drop)  # type: ignore[attr-defined]
            if item is not None:
                items.append(item)
        return items
    if kind in (Text, Markdown):
        return text(value)
    if kind is Ref:
        return ref(value)
    if kind is Object:
        return rewritten(value, text, ref, drop)
    return value
