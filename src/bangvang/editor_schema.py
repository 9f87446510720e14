"""JSON Schema files for editors, generated from the one declared data model.

    python -m bangvang.editor_schema          # write schemas/*.schema.json
    python -m bangvang.editor_schema --check  # exit 1 if the committed files are stale

VS Code (and any yaml-language-server editor) maps them to data/ files through
.vscode/settings.json and then offers completion, Vietnamese hover help and red
squiggles while an officer types. The schemas describe what a YAML 1.2 editor
sees (`nam: 2021` is a number there), so they accept every valid data file; the
checker remains the authority (dates that do not exist, references, …).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import cli, kinds
from .schema import record_json_schema

SCHEMA_DIR = Path("schemas")
DRAFT = "http://json-schema.org/draft-07/schema#"
LISTS = "-danh-sach"  # the schema of a Markdown kind's YAML lists: dien-hinh-danh-sach.schema.json


def _name(kind: kinds.RecordKind) -> str:
    return kind.source.removesuffix(".yml")


def build_schemas() -> dict[str, dict]:
    """File name → schema, one per kind of data file."""
    result = {}
    for kind in kinds.KINDS:
        record = record_json_schema(kind.cls)
        title = f"Bảng vàng — {kind.title} (data/{kind.where})"
        if kind.layout == kinds.LIST:
            schema = _list_schema(title, kind, record)
        else:
            schema = {"$schema": DRAFT, "title": title, **record}
            if kind.layout == kinds.MARKDOWN:
                schema["description"] = f"Phần thông tin đầu tệp Markdown của {kind.cls.LABEL}."
        result[f"{_name(kind)}.schema.json"] = schema
        if kind.yaml_too:
            result[f"{_name(kind)}{LISTS}.schema.json"] = _list_schema(f"Bảng vàng — {kind.title} (data/{kind.where}*.yml)",
                                                                      kind, record)
    return result


def _list_schema(title: str, kind: kinds.RecordKind, record: dict) -> dict:
    return {"$schema": DRAFT, "title": title, "type": "array", "items": record,
            "description": f"Danh sách {kind.cls.LABEL}; mỗi mục bắt đầu bằng '- '."}


def globs() -> dict[str, str]:
    """Schema file → the data files it applies to (for .vscode/settings.json)."""
    result = {}
    for kind in kinds.KINDS:
        if kind.layout == kinds.MARKDOWN:
            # front matter of .md files is not validated by yaml-language-server; their YAML lists are
            if kind.yaml_too:
                result[f"./schemas/{_name(kind)}{LISTS}.schema.json"] = f"data/{kind.where}*.yml"
            continue
        target = f"data/{kind.where}" if kind.where.endswith(".yml") else f"data/{kind.where}*.yml"
        result[f"./schemas/{_name(kind)}.schema.json"] = target
    return result


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = cli.parser("python -m bangvang.editor_schema",
                        "Tạo các tệp JSON Schema (schemas/) để trình soạn thảo gợi ý và báo lỗi khi nhập dữ liệu.")
    parser.add_argument("--check", action="store_true", help="chỉ kiểm tra các tệp đã có có khớp không")
    parser.add_argument("--out", type=Path, default=SCHEMA_DIR, metavar="THƯ_MỤC",
                        help=f"thư mục ghi các tệp schema (mặc định: {SCHEMA_DIR})")
    args = parser.parse_args(argv)
    stale = []
    for name, schema in build_schemas().items():
        path = args.out / name
        text = render(schema)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    settings_path = Path(".vscode/settings.json")
    settings = json.loads(settings_path.read_text(encoding="utf-8")) if settings_path.exists() else {}
    if settings.get("yaml.schemas") != globs():
        if args.check:
            stale.append(str(settings_path))
        else:
            settings["yaml.schemas"] = globs()
            settings_path.parent.mkdir(exist_ok=True)
            settings_path.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if stale:
        print("Các tệp schema đã cũ, chạy: python -m bangvang.editor_schema\n  " + "\n  ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
