"""The removal guard: what was published must not vanish without a declaration.

data/da-cong-bo.yml lists the id of every record already published, by kind.
A record listed there but missing from data/ is an error (`mat-du-lieu`) unless
data/da-go.yml declares its removal (id, kind, date, reason). The list is
written by `python -m bangvang.manifest`, which adds new ids and drops only
declared removals, so regenerating it can never hide an accidental loss.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import codes, kinds
from .issues import Issues, Position
from .load import MANIFEST_FILE, Dataset, load
from .yamlsrc import MAPPING, SCALAR, SEQUENCE, parse_yaml, read_text

MANIFEST = MANIFEST_FILE
KINDS = kinds.manifest_namespaces()  # ("co_quan", "van_ban", …): the sections of the file, in order
HEADER = ("# Danh sách các mục đã công bố trên bảng vàng, theo loại. Tệp này do lệnh\n"
          "#   python -m bangvang.manifest\n"
          "# tạo ra; không sửa tay. Mục nào có ở đây mà mất khỏi dữ liệu thì việc dựng trang dừng lại,\n"
          "# trừ khi việc gỡ được khai báo trong data/da-go.yml (mã, loại, ngày, lý do).\n")


def current_ids(data: Dataset) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, records in data.records.items():
        namespace = kinds.BY_KEY[kind].ns
        if namespace in result:
            result[namespace].update(r.id for r in records)  # type: ignore[attr-defined]
    return result


def read_manifest(root: Path, issues: Issues) -> dict[str, dict[str, Position]] | None:
    """Published ids by kind, each with the line it is listed on; None when there is no manifest yet."""
    path = root / MANIFEST
    if not path.is_file():
        return None
    rel = f"{root.name}/{MANIFEST}"
    text = read_text(path, rel, issues)
    node = parse_yaml(text, rel, issues) if text is not None else None
    if node is None or node.kind != MAPPING:
        return {}
    result: dict[str, dict[str, Position]] = {}
    for key, value in node.value:  # type: ignore[union-attr]
        if key.value not in KINDS or value.kind != SEQUENCE:
            issues.add(key.position, codes.TEP_KHONG_RO_LOAI, f"'{key.value}' không phải một loại dữ liệu đã công bố.",
                       "Tạo lại tệp bằng lệnh python -m bangvang.manifest.")
            continue
        ids: dict[str, Position] = {}
        for item in value.value:  # type: ignore[union-attr]
            if item.kind != SCALAR:  # e.g. a line merged with the next one ("- id" + "khen_thuong:")
                issues.add(item.position, codes.SAI_KIEU, "Mỗi dòng của danh sách đã công bố chỉ ghi một mã.",
                           "Tạo lại tệp bằng lệnh python -m bangvang.manifest.")
                continue
            ids[item.value] = item.position
        result[key.value] = ids
    return result


def check_removals(data: Dataset, issues: Issues) -> None:
    """Every published id is still in data/, or its removal is declared."""
    published = read_manifest(data.root, issues)
    if published is None:
        return
    present = current_ids(data)
    declared = {(r.kind, r.id) for r in data.of("da_go")}  # type: ignore[attr-defined]
    for kind, ids in published.items():
        for record_id, position in ids.items():
            if record_id in present[kind] or (kind, record_id) in declared or record_id in data.broken_ids:
                continue
            issues.add(position, codes.MAT_DU_LIEU,
                       f"Mục '{record_id}' ({kind}) đã được công bố nhưng không còn trong dữ liệu.",
                       "Nếu vô tình xoá, khôi phục mục đó. Nếu cố ý gỡ, khai báo trong data/da-go.yml: "
                       "id, loai, ngay, ly_do.")


def write_manifest(root: Path) -> tuple[int, list[str]]:
    """Rewrite the manifest: (number of ids, undeclared losses that block the rewrite)."""
    data, issues = load(root)
    old = read_manifest(root, Issues(root)) or {}
    present = current_ids(data)
    declared = {(r.kind, r.id) for r in data.of("da_go")}  # type: ignore[attr-defined]
    lost = [f"{kind}: {i}" for kind, ids in old.items() for i in ids
            if i not in present[kind] and (kind, i) not in declared and i not in data.broken_ids]
    if lost:
        return 0, lost
    lines = [HEADER]
    total = 0
    for kind in KINDS:
        ids = sorted(present[kind])
        total += len(ids)
        lines.append(f"{kind}:" + ("" if ids else " []"))
        lines += [f"  - {i}" for i in ids]
    (root / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return total, []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bangvang.manifest", description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default="data")
    args = parser.parse_args(argv)
    total, lost = write_manifest(Path(args.data))
    if lost:
        print("Không cập nhật danh sách: các mục sau đã công bố nhưng mất khỏi dữ liệu mà chưa khai báo gỡ "
              "trong data/da-go.yml:\n  " + "\n  ".join(lost), file=sys.stderr)
        return 1
    print(f"Đã ghi {Path(args.data) / MANIFEST}: {total} mục đã công bố.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
