"""Open data: every public record as JSON (one file) and as CSV (one table per kind).

Keys are the YAML keys officers write, so the data dictionary documents the downloads too. Records
come from the public view, as the pages show them (withdrawn people absent, initials applied);
fields declared `publish=False` are never written. CSV files are UTF-8 with a BOM so that Excel
shows Vietnamese correctly.
"""

from __future__ import annotations

import csv
import io
import json

from . import kinds
from .dates import PartialDate
from .docnumber import DocNumber
from .public import PublicView
from .routes import Routes
from .schema import Record, RefValue, field_specs

JSON_FILE = "du-lieu/bang-vang.json"
BODY_KEY = "noi_dung"  # the Markdown body of reports and stories
ANONYMOUS_KEY = "an_danh"  # JSON: true on a record about a person who withdrew
PAGE_KEY = "trang"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # CSV injection (OWASP): such cells get a leading apostrophe


def table_path(kind: kinds.RecordKind) -> str:
    return f"du-lieu/{kind.table}.csv"


def value_of(value):
    """A field value as plain JSON data."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, (DocNumber, RefValue)):
        return str(value)
    if isinstance(value, list):
        return [value_of(v) for v in value]
    if isinstance(value, Record):
        return serialize(value)
    return value


def serialize(record) -> dict:
    """Published fields of a record, keyed by their YAML keys, in schema order."""
    result = {}
    for spec in field_specs(type(record)):
        value = getattr(record, spec.attr)
        if spec.publish and value is not None and value != []:
            result[spec.key] = value_of(value)
    body = getattr(record, "body_markdown", None)
    if body:
        result[BODY_KEY] = body
    return result


def item(view: PublicView, routes: Routes, record, kind: kinds.RecordKind) -> dict:
    """One record as open data: its fields, the columns its kind adds, and where its page is."""
    data = serialize(record)
    if view.is_anonymous(record):
        data[ANONYMOUS_KEY] = True
    for column, attr in kind.extra_columns:
        data[column] = getattr(record, attr)
    if (page := routes.of(record)) is not None:
        data[PAGE_KEY] = page
    return data


def items(view: PublicView, routes: Routes) -> dict[str, list[dict]]:
    """kind → its records as open data, made once for the JSON file and the tables."""
    return {kind.key: [item(view, routes, record, kind) for record in view.of(kind.key)]
            for kind in kinds.with_tables()}


def build_json(view: PublicView, items: dict[str, list[dict]], site_url: str | None) -> str:
    payload: dict = {
        "mo_ta": "Dữ liệu mở của trang bảng vàng; tên trường như trong từ điển dữ liệu (huong-dan/du-lieu/). "
                 "'trang' là địa chỉ trang của mục" + ("." if site_url else ", tính từ địa chỉ gốc của trang web."),
        "don_vi": serialize(view.unit),
    }
    base = site_url.rstrip("/") + "/" if site_url else ""
    for kind in kinds.with_tables():
        payload[kind.key] = [data | {PAGE_KEY: base + data[PAGE_KEY]} if base and PAGE_KEY in data else data
                             for data in items[kind.key]]
    return _one_record_per_line(payload)


def _one_record_per_line(payload: dict) -> str:
    """JSON with each record compact on its own line: a sixth smaller than indented JSON (10 MB of a
    province's 67 MB), and still readable and diffable line by line."""
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = []
    for key, value in payload.items():
        if isinstance(value, list):
            parts.append(f"{dump(key)}:[\n" + ",\n".join(dump(item) for item in value) + "\n]")
        else:
            parts.append(f"{dump(key)}:{dump(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _flatten(prefix: str, value, row: dict) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}", inner, row)
    elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
        row[prefix] = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        row[prefix] = "; ".join(str(v) for v in value)
    elif isinstance(value, bool):
        row[prefix] = "true" if value else "false"
    else:
        row[prefix] = value


def columns(kind: kinds.RecordKind) -> list[str]:
    """The CSV header of a kind: its published fields (a nested group flattened, one column a field),
    its body, the columns its kind adds, and the page."""
    result = []
    for spec in field_specs(kind.cls):
        if not spec.publish:
            continue
        inner = getattr(spec.type, "cls", None)
        if inner is not None:
            result += [f"{spec.key}.{s.key}" for s in field_specs(inner) if s.publish]
        else:
            result.append(spec.key)
    result += [BODY_KEY] if hasattr(kind.cls, "body_markdown") else []
    return result + [column for column, _ in kind.extra_columns] + [PAGE_KEY]


def build_csv(kind: kinds.RecordKind, items: list[dict]) -> bytes:
    out = io.StringIO()
    header = columns(kind)
    known = set(header)  # (csv.DictWriter checks each row against the header as a list: slow for wide tables)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for data in items:
        row: dict = {}
        for key, value in data.items():
            if key != ANONYMOUS_KEY:
                _flatten(key, value, row)
        for key, cell in row.items():
            if isinstance(cell, str) and cell[:1] in FORMULA_START:
                row[key] = "'" + cell  # a cell starting with = + - @ would run as a formula in a spreadsheet
        if unknown := row.keys() - known:
            raise ValueError(f"{kind.key}: columns not in the header: {sorted(unknown)}")
        writer.writerow([row.get(column, "") for column in header])
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")
