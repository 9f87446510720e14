"""The data folder of a new unit, written from the answers of `python -m bangvang.init`.

    don-vi.yml          the unit: name, site name, place name, one period, the merger of its former units
    co-quan.yml         its People's Committee and the province's
    don-vi-cu.yml       the former units merged into it, when there are any
    <folder>/README.md  for each kind kept in a folder: what goes there, and a sample as `new` writes it
                        (README.md is a name the loader ignores; a YAML file of comments only is an error)
    da-cong-bo.yml      the removal guard's list, empty: nothing is published yet

Values are written in the schema's order (records.py). Nothing is invented: a field the maintainer gave
no value for is written as a comment, "…" in place of the value, with what it means on the line above.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

from . import clock, kinds, manifest, new, vocab
from .dates import parse_date
from .fields import ListOf, Object
from .load import load
from .model import build_model
from .parts import UnitChange
from .records import Body, Unit
from .schema import field_specs
from .text import nfc, slugify
from .units import FormerUnit

REFORM_DAY = "01/07/2025"  # two-tier local government: most communes and wards were formed by merging that day
PROVINCES = {"tỉnh": "ubnd-tinh", "thành phố": "ubnd-thanh-pho"}  # first words of a province's name → its body's id
HINTS = {UnitChange: ("can_cu_in",), FormerUnit: ("cap_tren", "den_ngay")}  # optional fields left as comments
HEADER = ("# Dòng bắt đầu bằng # là ghi chú; bỏ dấu # ở đầu dòng để dùng trường đó, thay … bằng giá trị đúng.\n"
          "# Ý nghĩa từng trường: trang Hướng dẫn > Từ điển dữ liệu (/huong-dan/du-lieu/).\n")


def unit_type_of(name: str) -> str | None:
    """The kind of unit a name starts with: 'xã An Bình' → 'xa'; None if it names none."""
    lowered = nfc(name).casefold()
    return next((key for key, term in vocab.UNIT_TYPES.items() if lowered.startswith(term.label + " ")), None)


def place_of(name: str) -> str:
    """The name without its kind word: 'xã An Bình' → 'An Bình'."""
    kind = unit_type_of(name)
    return nfc(name)[len(vocab.UNIT_TYPES[kind].label):].strip() if kind else nfc(name).strip()


def province_body(province: str) -> str | None:
    """The id of a province's People's Committee: 'ubnd-tinh', 'ubnd-thanh-pho'; None if the name has no such word."""
    lowered = nfc(province).casefold()
    return next((body for word, body in PROVINCES.items() if lowered.startswith(word + " ")), None)


def body_id(unit_type: str) -> str:
    """The id of the unit's People's Committee: 'ubnd-xa', 'ubnd-phuong', 'ubnd-thi-tran'…"""
    return "ubnd-" + kinds.url_word(unit_type)


def _scalar(value: str) -> str:
    """A value as YAML: plain when it reads the same to every YAML reader, else double-quoted."""
    plain = (re.fullmatch(r"[^\W_][^#\n\"']*", value) and ": " not in value and not value.endswith((":", " "))
             and value.lower() not in {"null", "true", "false", "yes", "no", "on", "off"})
    return value if plain else json.dumps(value, ensure_ascii=False)


def _hint(spec, indent: str) -> list[str]:
    """A field left for the officer, as comments: what it means, then its key with "…" for the value
    (never a comment after a value: YAML would cut it off, and the checker says so)."""
    if isinstance(spec.type, ListOf):
        return [f"{indent}# {spec.doc}", f"{indent}# {spec.key}:", f"{indent}#   - …"]
    return [f"{indent}# {spec.doc}", f"{indent}# {spec.key}: …"]


def record_lines(cls, values: dict, indent: str = "", hints: tuple[str, ...] | None = ()) -> list[str]:
    """One record as YAML, fields in the schema's order. A missing field is written as a comment
    when `hints` names it (None: every optional field but lists of groups)."""
    lines: list[str] = []
    for spec in field_specs(cls):
        value = values.get(spec.key)
        inner = spec.type.item if isinstance(spec.type, ListOf) else spec.type
        if value in (None, [], ""):
            if (hints is None and not isinstance(inner, Object)) or (hints and spec.key in hints):
                lines += _hint(spec, indent)
        elif not isinstance(value, list):
            lines.append(f"{indent}{spec.key}: {_scalar(value)}")
        elif isinstance(inner, Object):
            lines.append(f"{indent}{spec.key}:")
            for item in value:
                lines += list_item(inner.cls, item, indent + "  ", HINTS.get(inner.cls, ()))
        else:
            lines.append(f"{indent}{spec.key}:")
            lines += [f"{indent}  - {_scalar(v)}" for v in value]
    return lines


def list_item(cls, values: dict, indent: str, hints: tuple[str, ...] = ()) -> list[str]:
    """A record as an item of a YAML list: '- ' before its first field, the others under it."""
    lines = record_lines(cls, values, indent + "  ", hints)
    lines[0] = indent + "- " + lines[0][len(indent) + 2:]
    return lines


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def _former_units(a: dict) -> list[dict]:
    """The former units' records: id from the name, kind from its first word; the day before the merger
    as their last day only when the merger's date was given."""
    end = None
    if a.get("ngay_sap_nhap"):
        end = (parse_date(a["ngay_sap_nhap"], clock.today()).first_day - timedelta(days=1)).strftime("%d/%m/%Y")
    units: list[dict] = []
    taken: set[str] = set()
    for name in a.get("don_vi_cu") or []:
        record_id = new.unique_id(slugify(name), taken)
        taken.add(record_id)
        units.append({"id": record_id, "ten": name, "loai": unit_type_of(name), "cap_tren": a.get("cap_tren_cu"),
                      "den_ngay": end})
    return units


def unit_text(a: dict, former: list[dict]) -> str:
    """data/don-vi.yml."""
    period = {"ten": a["ten"], "loai": a["loai"], "cap_tren": [a["tinh"]]}
    values = {"ten": a["ten"], "ten_trang": f"Bảng vàng {a['ten']}", "co_quan": body_id(a["loai"]),
              "mo_ta_trang": f"Thi đua, khen thưởng của {a['ten']}, {a['tinh']}.", "dia_danh": a["dia_danh"],
              "thoi_ky": [period], "dia_chi_trang": a.get("dia_chi_trang"), "kho_du_lieu": a.get("kho"),
              "khu_dan_cu": a.get("khu_dan_cu")}
    if former:
        period["tu_ngay"] = a.get("ngay_sap_nhap") or REFORM_DAY
        values["lich_su"] = [{"ngay": period["tu_ngay"], "loai": "sap_nhap", "don_vi_cu": [u["id"] for u in former],
                              "mo_ta": f"Sáp nhập {_joined([u['ten'] for u in former])} thành {a['ten']}."}]
    header = [f"# Đơn vị công bố bảng vàng: {a['ten']}, {a['tinh']}. Tạo bằng lệnh python -m bangvang.init.",
              "# Bổ sung, sửa theo văn bản của đơn vị: bài giới thiệu (gioi_thieu), nơi tiếp nhận đề nghị sửa,"
              " gỡ thông tin (lien_he)…"]
    if former:
        header.append(f"# lich_su: ngày ({period['tu_ngay']}) và câu mô tả ghi từ các đơn vị cũ đã khai khi tạo;"
                      " sửa đúng như nghị quyết, ghi số nghị quyết ở can_cu_in.")
    return "\n".join(header) + "\n" + HEADER + "\n" + "\n".join(record_lines(Unit, values, hints=None)) + "\n"


def bodies_text(a: dict) -> str:
    """data/co-quan.yml: the unit's People's Committee and the province's."""
    province_id = province_body(a["tinh"])
    bodies = [{"id": body_id(a["loai"]), "ten": f"Ủy ban nhân dân {a['ten']}", "ten_viet_tat": f"UBND {a['ten']}",
               "cap": "xa", "truc_thuoc": province_id},
              {"id": province_id, "ten": f"Ủy ban nhân dân {a['tinh']}", "ten_viet_tat": f"UBND {a['tinh']}",
               "cap": "tinh"}]
    lines = [f"# Cơ quan ban hành văn bản, khen thưởng hoặc là cấp trên của {a['ten']}.",
             "# Mỗi cơ quan có một mã (id) không đổi; các tệp khác nhắc đến cơ quan bằng mã này.", ""]
    for body in bodies:
        lines += list_item(Body, body, "") + [""]
    return "\n".join(lines)


def former_text(a: dict, former: list[dict]) -> str:
    """data/don-vi-cu.yml: one entry per former unit."""
    lines = [f"# Các đơn vị cũ đã hợp thành {a['ten']}. Các mục khác ghi 'don_vi_cu: <mã>' để nói mục đó",
             "# thuộc đơn vị cũ nào.", HEADER]
    for unit in former:
        lines += list_item(FormerUnit, unit, "", HINTS[FormerUnit]) + [""]
    return "\n".join(lines)


def readme_text(kind: kinds.RecordKind) -> str:
    """<folder>/README.md: what the folder holds, and a sample record as `python -m bangvang.new` writes it."""
    folder = kind.source
    lines = [f"# {kind.title} (`data/{folder}/`)", "",
             f"Thư mục này chưa có dữ liệu. Mỗi tệp `{'` hoặc `'.join(kind.suffixes)}` ở đây chứa "
             f"{kind.title.lower()}; xem trang Hướng dẫn trên trang web. Tệp README.md này chỉ là hướng dẫn: "
             "phần mềm bỏ qua nó; có thể giữ hoặc xoá.", ""]
    if kind in kinds.scaffolded():
        values = {dest: ([spec.example or "…"] if isinstance(spec.type, ListOf) else spec.example or "…")
                  for dest, spec, required in new._options(kind.cls, also=kind.scaffold_needs) if required}
        command = " ".join(f"{new._option(dest)} {json.dumps(v[0] if isinstance(v, list) else v, ensure_ascii=False)}"
                           for dest, v in values.items())
        if kind.layout == kinds.MARKDOWN:
            values[new.BODY_OPTION] = "Nội dung…"
            command += f" {new._option(new.BODY_OPTION)} \"Nội dung…\""
        sample = new._file_text(kind, folder, slugify(kind.new_id(values)) or "vi-du", values)
        lines += ["Tạo mục đầu tiên bằng lệnh dưới đây (thay các giá trị ví dụ bằng của đơn vị; `--help` để xem "
                  "mọi trường):", "", f"    .venv/bin/python -m bangvang.new {folder} {command}", "",
                  f"Lệnh tạo một tệp như mẫu dưới đây; cũng có thể chép mẫu vào một tệp mới `{folder}/<tên>"
                  f"{kind.suffix}` rồi sửa từng giá trị.", "", "```" + ("markdown" if kind.suffix == ".md" else "yaml"),
                  sample.rstrip("\n"), "```", ""]
    return "\n".join(lines)


def write_folder(root: Path, a: dict) -> None:
    """Write the new unit's data folder (`root` does not exist yet)."""
    root.mkdir()
    former = _former_units(a)
    files = {"don-vi.yml": unit_text(a, former), "co-quan.yml": bodies_text(a)}
    if former:
        files["don-vi-cu.yml"] = former_text(a, former)
    for kind in kinds.KINDS:
        if not kind.source.endswith(".yml"):
            (root / kind.source).mkdir()
            files[f"{kind.source}/README.md"] = readme_text(kind)
    files[manifest.MANIFEST] = manifest.manifest_text({})
    for name, text in files.items():
        with (root / name).open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            handle.write(text)


def check_folder(root: Path) -> str | None:
    """The checker's report on the new folder when it finds an error or a warning, else None."""
    data, issues = load(root)
    build_model(data, issues)
    bad = [i for i in issues.sorted() if i in issues.errors or i in issues.warnings]
    return "\n".join(issues.format(i) for i in bad) if bad else None
