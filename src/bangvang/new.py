"""Create a new record with a valid skeleton: `python -m bangvang.new <loại> [--truong giá-trị …]`.

The command line options are derived from the schema (records.py): every
required field is a required option, every other field an optional one;
fields of a required group are prefixed (`--ky-ho-ten` for `ky: {ho_ten: …}`).
The file gets a fresh unique id, a Vietnamese comment for each field (the
optional ones commented out, ready to fill in), and is checked at once: if the
values given do not pass the checker, the file is removed and the problems are
shown. An existing file is never overwritten.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from . import cli, kinds
from .fields import Bool, Int, ListOf, Object, Year
from .load import load
from .model import build_model
from .schema import field_specs
from .validate import index

KINDS = {kind.source: kind for kind in kinds.scaffolded()}  # by folder: `python -m bangvang.new phong-trao`
BODY_OPTION = "noi_dung"


def _option(key: str) -> str:
    return "--" + key.replace("_", "-")


def _required(spec, also: tuple[str, ...]) -> bool:
    """Required by the schema, or by what `new` writes (a model's story needs its title and consent)."""
    return spec.required or spec.key in also


def _options(cls, prefix: str = "", required_group: bool = True, also: tuple[str, ...] = ()):
    """(dest, spec, required) for every field, flattening required groups."""
    for spec in field_specs(cls):
        if spec.key == "id":
            continue
        inner = spec.type.item if isinstance(spec.type, ListOf) else spec.type
        if isinstance(inner, Object) and not isinstance(spec.type, ListOf) and _required(spec, also):
            yield from _options(inner.cls, prefix + spec.key + "_", True)
            continue
        if isinstance(inner, Object):
            continue  # optional groups and lists of groups are written as commented examples
        yield prefix + spec.key, spec, _required(spec, also) and required_group


def _yaml_scalar(spec, value: str) -> str:
    """Numbers and true/false as typed; everything else double-quoted (a JSON string is valid YAML)."""
    inner = spec.type.item if isinstance(spec.type, ListOf) else spec.type
    if isinstance(inner, (Year, Int, Bool)):
        return value
    return json.dumps(value, ensure_ascii=False)


def _comment(spec) -> str:
    return f"  # {spec.doc}" + ("" if spec.required else " (không bắt buộc)")


def _field_lines(cls, values: dict, indent: str, prefix: str = "", also: tuple[str, ...] = ()) -> list[str]:
    lines = []
    for spec in field_specs(cls):
        if spec.key == "id":
            continue  # written first, by the caller
        dest = prefix + spec.key
        inner = spec.type.item if isinstance(spec.type, ListOf) else spec.type
        if isinstance(inner, Object) and not isinstance(spec.type, ListOf) and _required(spec, also):
            lines.append(f"{indent}{spec.key}:{_comment(spec)}")
            lines += _field_lines(inner.cls, values, indent + "  ", dest + "_")
            continue
        value = values.get(dest)
        if value in (None, []):
            example = spec.example or "…"
            lines.append(f"{indent}# {spec.key}: {example}{_comment(spec)}")
        elif isinstance(spec.type, ListOf):
            lines.append(f"{indent}{spec.key}:{_comment(spec)}")
            lines += [f"{indent}  - {_yaml_scalar(spec, v)}" for v in value]
        else:
            lines.append(f"{indent}{spec.key}: {_yaml_scalar(spec, value)}{_comment(spec)}")
    return lines


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… : the first that no record has (the new record's id)."""
    base = base[:70].strip("-") or "muc-moi"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def build_parser() -> cli.Parser:
    parser = cli.parser("python -m bangvang.new", "Tạo một mục dữ liệu mới, có sẵn các trường và lời giải thích.")
    parser.add_argument("--data", default="data", metavar="THƯ_MỤC", help="thư mục dữ liệu (mặc định: data)")
    parsers = parser.add_subparsers(dest="kind", required=True, metavar="loại")
    for folder, kind in KINDS.items():
        sub = parsers.add_parser(folder, help=f"{kind.title.lower()} mới (data/{folder}/)",
                                 description=f"Tạo {kind.title.lower()} mới trong data/{folder}/.")
        sub.add_argument("--id", help="mã định danh; bỏ trống để tự tạo từ tên")
        for dest, spec, required in _options(kind.cls, also=kind.scaffold_needs):
            multiple = isinstance(spec.type, ListOf)
            sub.add_argument(_option(dest), dest=dest, required=required, action="append" if multiple else "store",
                             help=spec.doc + (" (có thể ghi nhiều lần)" if multiple else ""))
        if kind.layout == kinds.MARKDOWN:
            sub.add_argument("--noi-dung", dest=BODY_OPTION, required=True,
                             help="nội dung (Markdown), hoặc @tệp để lấy nội dung từ một tệp")
    return parser


def _file_text(kind: kinds.RecordKind, folder: str, record_id: str, values: dict) -> str:
    """The new file: a header saying how it was made, the id, then every field, commented."""
    label = kind.cls.LABEL
    header = [f"# {label[0].upper()}{label[1:]} mới, tạo bằng `python -m bangvang.new {folder}`.",
              "# Dòng bắt đầu bằng # là ghi chú; bỏ dấu # ở đầu dòng để dùng trường đó.",
              "# Ý nghĩa từng trường: trang Hướng dẫn > Từ điển dữ liệu."]
    if kind.layout == kinds.MARKDOWN:
        body = values.pop(BODY_OPTION)
        if body.startswith("@"):
            body = Path(body[1:]).read_text(encoding="utf-8")
        lines = ["---", *header, f"id: {record_id}", *_field_lines(kind.cls, values, "", also=kind.scaffold_needs), "---", "", body.strip(), ""]
    else:
        lines = [*header, f"- id: {record_id}", *_field_lines(kind.cls, values, "  ", also=kind.scaffold_needs), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None, today: date | None = None) -> int:
    args = build_parser().parse_args(argv)
    kind = KINDS[args.kind]
    values = {k: v for k, v in vars(args).items() if v is not None}
    data_dir = Path(args.data)
    existing, _ = load(data_dir, today)
    taken = set(index(existing)[kind.ns]) | existing.broken_ids
    record_id = args.id or unique_id(kind.new_id(values), taken)
    if record_id in taken:
        print(f"Mã '{record_id}' đã được dùng; chọn mã khác với --id.", file=sys.stderr)
        return 2
    path = data_dir / kind.source / f"{record_id}{kind.suffix}"
    if path.exists():
        print(f"Tệp {path} đã có; không ghi đè.", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
        handle.write(_file_text(kind, args.kind, record_id, values))
    data, issues = load(data_dir, today)
    build_model(data, issues)
    mine = [i for i in issues.sorted() if i.position.path.endswith(f"{kind.source}/{path.name}")]
    if mine:
        path.unlink()
        print("Chưa tạo tệp vì các giá trị đã nhập có lỗi:\n" + "\n".join(issues.format(i) for i in mine), file=sys.stderr)
        return 1
    print(f"Đã tạo {path} (mã '{record_id}'). Mở tệp để bổ sung các trường còn để trống.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
