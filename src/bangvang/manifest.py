"""The removal guard: what was published must not vanish without a declaration.

data/da-cong-bo.yml lists the id of every record already published, by kind.
A record listed there but missing from data/ is an error (`mat-du-lieu`) unless
data/da-go.yml declares its removal (id, kind, date, reason). The list is
written by `python -m bangvang.manifest`, which adds new ids and drops only
declared removals, so regenerating it can never hide an accidental loss.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import cli, codes, kinds
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


FOREIGN_AT = 10      # a list is taken for another unit's when at least this many of its ids are missing…
FOREIGN_SHARE = 0.8  # …and they are this share of it or more (ids such as 'ubnd-tinh' are common to every unit)
NEW_UNIT_HINT = ("Nếu đây là đơn vị mới: chạy python -m bangvang.init để tạo thư mục dữ liệu mới, hoặc xoá tệp "
                 f"{MANIFEST} rồi chạy python -m bangvang.manifest để viết lại danh sách theo dữ liệu hiện có. "
                 "Nếu dữ liệu bị xoá nhầm: khôi phục (ví dụ git restore data/).")


def missing_ids(published: dict[str, dict[str, Position]], data: Dataset) -> list[tuple[str, str, Position]]:
    """(kind, id, line) of each published id that is neither in the data nor declared removed."""
    present = current_ids(data)
    declared = {(r.kind, r.id) for r in data.of("da_go")}  # type: ignore[attr-defined]
    return [(kind, record_id, position) for kind, ids in published.items() for record_id, position in ids.items()
            if record_id not in present[kind] and (kind, record_id) not in declared
            and record_id not in data.broken_ids]


def is_foreign(missing: int, listed: int) -> bool:
    """Most of the list is missing: it is another unit's (the bundled ward's, kept when data/ was replaced),
    or the data was wiped. Either way one error says so, instead of one per id."""
    return missing >= FOREIGN_AT and missing >= FOREIGN_SHARE * listed


def check_removals(data: Dataset, issues: Issues) -> None:
    """Every published id is still in data/, or its removal is declared."""
    published = read_manifest(data.root, issues)
    if published is None:
        return
    missing = missing_ids(published, data)
    listed = sum(len(ids) for ids in published.values())
    if is_foreign(len(missing), listed):
        examples = ", ".join(f"'{record_id}'" for _, record_id, _ in missing[:3])
        issues.add(Position(f"{data.root.name}/{MANIFEST}"), codes.MAT_DU_LIEU,
                   f"Tệp {MANIFEST} là danh sách các mục đã công bố của một đơn vị khác, hoặc dữ liệu đã bị xoá gần "
                   f"hết: {len(missing)} trong {listed} mục của danh sách không có trong dữ liệu (ví dụ {examples}).",
                   NEW_UNIT_HINT)
        return
    for kind, record_id, position in missing:
        issues.add(position, codes.MAT_DU_LIEU,
                   f"Mục '{record_id}' ({kind}) có trong {MANIFEST}, danh sách các mục đã công bố, nhưng không còn "
                   "trong dữ liệu.",
                   "Nếu vô tình xoá, khôi phục mục đó. Nếu cố ý gỡ, khai báo trong data/da-go.yml: id, loai, ngay, "
                   "ly_do. Danh sách do lệnh python -m bangvang.manifest viết, không sửa tay.")


def manifest_text(present: dict[str, set[str]]) -> str:
    """The manifest listing `present` (ids by namespace; a namespace left out is listed empty)."""
    lines = [HEADER]
    for kind in KINDS:
        ids = sorted(present.get(kind, ()))
        lines.append(f"{kind}:" + ("" if ids else " []"))
        lines += [f"  - {i}" for i in ids]
    return "\n".join(lines) + "\n"


def write_manifest(root: Path) -> tuple[int, list[str]]:
    """Rewrite the manifest: (number of ids written, or listed when refused; undeclared losses that block it)."""
    data, issues = load(root)
    old = read_manifest(root, Issues(root)) or {}
    lost = [f"{kind}: {record_id}" for kind, record_id, _ in missing_ids(old, data)]
    if lost:
        return sum(len(ids) for ids in old.values()), lost
    present = current_ids(data)
    (root / MANIFEST).write_text(manifest_text(present), encoding="utf-8")
    return sum(len(ids) for ids in present.values()), []


def refusal(lost: list[str], listed: int) -> str:
    """Why the list was not rewritten: the ids lost, or, when most of the list is lost, what that means."""
    if is_foreign(len(lost), listed):
        return (f"Không cập nhật danh sách: {len(lost)} trong {listed} mục của {MANIFEST} không có trong dữ liệu; "
                "có lẽ đó là danh sách của một đơn vị khác. " + NEW_UNIT_HINT)
    return ("Không cập nhật danh sách: các mục sau đã công bố nhưng mất khỏi dữ liệu mà chưa khai báo gỡ "
            "trong data/da-go.yml:\n  " + "\n  ".join(lost))


def main(argv: list[str] | None = None) -> int:
    parser = cli.parser("python -m bangvang.manifest",
                        "Ghi lại danh sách các mục đã công bố (data/da-cong-bo.yml); mục đã công bố mà mất "
                        "khỏi dữ liệu thì phải khai báo gỡ trong data/da-go.yml.")
    parser.add_argument("data", nargs="?", default="data", metavar="thư-mục", help="thư mục dữ liệu (mặc định: data)")
    args = parser.parse_args(argv)
    total, lost = write_manifest(Path(args.data))
    if lost:
        print(refusal(lost, total), file=sys.stderr)
        return 1
    print(f"Đã ghi {Path(args.data) / MANIFEST}: {total} mục đã công bố.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
