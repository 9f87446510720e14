"""Open data: every record as JSON (one file) and as CSV (one table per kind).

Keys are the YAML keys officers write, so the data dictionary documents the
downloads too. Fields declared `publish=False` in the schema are never written.
CSV files are UTF-8 with a BOM so that Excel shows Vietnamese correctly.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from .dates import PartialDate
from .docnumber import DocNumber
from .model import Board
from .records import COLLECTIONS, Award, Report
from .schema import RefValue, field_specs
from .validate import public_id

JSON_FILE = "du-lieu/bang-vang.json"
TABLES = {c.kind: f"du-lieu/{c.path.removesuffix('.yml')}.csv" for c in COLLECTIONS if c.kind not in ("don_vi", "da_go")}
BODY_KEY = "noi_dung"  # the Markdown body of reports and stories
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # CSV injection (OWASP): such cells get a leading apostrophe


def value_of(value):
    """A field value as plain JSON data."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, (DocNumber, RefValue)):
        return str(value)
    if isinstance(value, list):
        return [value_of(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return serialize(value)
    return value


def serialize(record) -> dict:
    """Published fields of a record, keyed by their YAML keys, in schema order."""
    result = {}
    for spec in field_specs(type(record)):
        if not spec.publish:
            continue
        value = getattr(record, spec.attr)
        if value is None or value == []:
            continue
        result[spec.key] = value_of(value)
    body = getattr(record, "body_markdown", None)
    if body:
        result[BODY_KEY] = body
    return result


def records_by_kind(board: Board) -> dict[str, list]:
    reports = [d for d in board.documents if isinstance(d, Report)]
    return {
        "co_quan": sorted(board.bodies.values(), key=lambda b: b.id),
        "van_ban": [d for d in board.documents if not isinstance(d, Report)],
        "bao_cao": reports,
        "phong_trao": board.movements,
        "doi_tuong": board.recipients,
        "khen_thuong": board.awards,
        "dien_hinh": board.models,
    }


def build_json(board: Board, site_url: str | None) -> str:
    def page(record) -> str | None:
        path = board.award_url(record) if isinstance(record, Award) else board.url(record)
        if path is None:
            return None
        return (site_url.rstrip("/") + "/" + path) if site_url else path

    payload: dict = {
        "mo_ta": "Dữ liệu mở của trang bảng vàng; tên trường như trong từ điển dữ liệu (huong-dan/du-lieu/). "
                 "'trang' là địa chỉ trang của mục" + ("." if site_url else ", tính từ địa chỉ gốc của trang web."),
        "don_vi": serialize(board.unit),
    }
    for kind, records in records_by_kind(board).items():
        items = []
        for record in records:
            item = serialize(record)
            if isinstance(record, Award) and board.is_anonymous(record):
                item = anonymous(board, record, item)
            if getattr(record, "visibility", None) == "viet_tat":
                item = initials_only(record, item)
            item["id"] = board.public_award_id(record) if isinstance(record, Award) else public_id(record)
            if isinstance(record, Award) and (person := board.public_recipient(record)) is not None:
                item["doi_tuong"] = public_id(person)
                if person.visibility == "viet_tat":
                    item.pop("ten_doi_tuong_in", None)
            if (url := page(record)) is not None:
                item["trang"] = url
            items.append(item)
        payload[kind] = items
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


def _columns(cls) -> list[str]:
    columns = []
    for spec in field_specs(cls):
        if not spec.publish:
            continue
        inner = getattr(spec.type, "cls", None)
        if inner is not None:  # a nested group: one column per field
            columns += [f"{spec.key}.{s.key}" for s in field_specs(inner) if s.publish]
        else:
            columns.append(spec.key)
    return columns


# A person shown by initials only: the open data says no more than the pages do.
INITIALS_KEEP = ("loai", "chuc_vu", "don_vi", "to_dan_pho", "hien_thi")


def initials_only(recipient, item: dict) -> dict:
    kept = {k: v for k, v in item.items() if k in INITIALS_KEEP}
    kept["ten_hien_thi"] = recipient.display_name
    return kept


# What an award of a person who withdrew still says: no name, no words that could name them.
ANONYMOUS_DROP = ("doi_tuong", "ten_doi_tuong_in", "ly_do", "nguon", "ghi_chu", "giu_nguyen_ban_in")


def anonymous(board: Board, award: Award, item: dict) -> dict:
    kept = {k: v for k, v in item.items() if k not in ANONYMOUS_DROP}
    kept["id"] = board.public_award_id(award)
    kept["an_danh"] = True
    return kept


def build_csv(board: Board, kind: str) -> bytes:
    cls = next(c.cls for c in COLLECTIONS if c.kind == kind)
    records = records_by_kind(board)[kind]
    columns = _columns(cls) + ([BODY_KEY] if hasattr(cls, "body_markdown") else [])
    columns += (["ten_hien_thi"] if kind == "doi_tuong" else []) + ["trang"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        row: dict = {}
        item = serialize(record)
        if isinstance(record, Award) and board.is_anonymous(record):
            item = anonymous(board, record, item)
            item.pop("an_danh")
        if getattr(record, "visibility", None) == "viet_tat":
            item = initials_only(record, item)
        item["id"] = board.public_award_id(record) if isinstance(record, Award) else public_id(record)
        if isinstance(record, Award) and (person := board.public_recipient(record)) is not None:
            item["doi_tuong"] = public_id(person)
        for key, value in item.items():
            _flatten(key, value, row)
        for key, cell in row.items():
            if isinstance(cell, str) and cell[:1] in FORMULA_START:
                row[key] = "'" + cell  # a cell starting with = + - @ would run as a formula in a spreadsheet
        row["trang"] = (board.award_url(record) if isinstance(record, Award) else board.url(record)) or ""
        writer.writerow(row)
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")
