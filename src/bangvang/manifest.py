"""The removal guard: what was published must not vanish without a declaration.

data/da-cong-bo.yml lists the id of every record already published, by kind.
A record listed there but missing from data/ is an error (`mat-du-lieu`) unless
data/da-go.yml declares its removal (id, kind, date, reason). The list is
written by `python -m bangvang.manifest`, which adds new ids and drops only
declared removals, so regenerating it can never hide an accidental loss.

A pull request could still delete a record together with its line here, or delete the whole list
with the records. So the checker, given `--base REF` (`python -m bangvang.check data --base
origin/main`, as CI runs it on every pull request), also reads the list as committed where the branch
left REF (`git merge-base REF HEAD`: the base branch itself in CI's merge commit, and no false alarm
for a branch that is behind), and checks the union of both lists: an id published there that the
branch lost is `mat-du-lieu` too, unless da-go.yml declares it. Dropping a line while the record is
still in data/ is harmless. A REF git cannot find is a message (exit code 2); a base without a list
(a new repository) is fine.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
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
            # A draft report is not published (public.py): its id is not listed, and may change.
            result[namespace].update(r.id for r in records if not getattr(r, "draft", None))  # type: ignore[attr-defined]
    return result


def read_manifest(root: Path, issues: Issues,
                  sections: dict[str, Position] | None = None) -> dict[str, dict[str, Position]] | None:
    """Published ids by kind, each with the line it is listed on; None when there is no manifest yet."""
    path = root / MANIFEST
    if not path.is_file():
        return None
    rel = f"{root.name}/{MANIFEST}"
    text = read_text(path, rel, issues)
    return parse_manifest(text, rel, issues, sections) if text is not None else {}


def parse_manifest(text: str, rel: str, issues: Issues,
                   sections: dict[str, Position] | None = None) -> dict[str, dict[str, Position]]:
    """The ids listed in a manifest's text, by kind; `sections` (when given) gets where each kind starts."""
    node = parse_yaml(text, rel, issues)
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
        if sections is not None:
            sections[key.value] = key.position
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


# -- the list as published on the base branch (python -m bangvang.check --base REF) -----------------

class BaseUnavailable(Exception):
    """The base branch's list could not be read; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class BaseManifest:
    where: str                             # "origin/main", or "origin/main, commit 1a2b3c4" when the branch is behind
    path: str                              # the list's path in the repository, e.g. data/da-cong-bo.yml
    ids: dict[str, dict[str, Position]]    # published ids by kind, each with its line in that commit


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          errors="replace")


def _base_commit(root: Path, ref: str) -> tuple[str, str]:
    """(the commit to read, how messages name it): where this branch left `ref`, or `ref` itself."""
    if ref.startswith("-"):
        raise BaseUnavailable(f"'{ref}' không phải tên nhánh hoặc commit.")
    try:
        inside = _git(["rev-parse", "--is-inside-work-tree"], root)
    except OSError as exc:  # no git on this machine
        raise BaseUnavailable(f"Không chạy được git ({exc.strerror or exc}). Cài Git rồi chạy lại, hoặc bỏ --base.")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise BaseUnavailable(f"Thư mục dữ liệu '{root}' không nằm trong một kho git nên không so sánh được với "
                              f"nhánh gốc '{ref}'. Chạy lệnh trong kho đã lấy về bằng git clone, hoặc bỏ --base.")
    found = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    if found.returncode != 0:
        raise BaseUnavailable(f"Không tìm thấy nhánh hoặc commit '{ref}' trong kho git. Kiểm tra lại tên (ví dụ "
                              "origin/main), và lấy nhánh gốc về trước bằng git fetch origin.")
    tip = found.stdout.strip()
    fork = _git(["merge-base", tip, "HEAD"], root).stdout.strip() or tip  # no common history: the ref itself
    return fork, ref if fork == tip else f"{ref}, commit {fork[:7]}"


def read_base(root: Path, ref: str) -> BaseManifest | None:
    """The list as committed where this branch left `ref`; None when there is none there (a new repository)."""
    if not root.is_dir():
        raise BaseUnavailable(f"Không có thư mục dữ liệu '{root}'.")
    commit, where = _base_commit(root, ref)
    path = _git(["rev-parse", "--show-prefix"], root).stdout.strip() + MANIFEST
    if _git(["cat-file", "-e", f"{commit}:{path}"], root).returncode != 0:
        return None
    shown = _git(["show", f"{commit}:{path}"], root)
    if shown.returncode != 0:
        raise BaseUnavailable(f"Không đọc được {path} trên nhánh gốc ({where}): {shown.stderr.strip()}")
    return BaseManifest(where, path, parse_manifest(shown.stdout, path, Issues()))


BASE_FOREIGN_HINT = ("Nếu dữ liệu bị xoá nhầm: khôi phục từ nhánh gốc (ví dụ git restore --source origin/main -- "
                     "data/). Nếu đây là dữ liệu của đơn vị mới thay cho dữ liệu kèm theo kho (python -m "
                     "bangvang.init): người quản trị kho đưa thẳng lên nhánh chính như mục “Dùng cho xã, phường của "
                     "bạn” trong README.md.")


def check_base_removals(data: Dataset, issues: Issues, base: BaseManifest) -> None:
    """Every id published on the base branch that the working list no longer has is still in data/, or its
    removal is declared. (Ids the working list still has are check_removals' part.)"""
    sections: dict[str, Position] = {}
    working = read_manifest(data.root, Issues(), sections)
    dropped = {kind: {i: p for i, p in ids.items() if i not in (working or {}).get(kind, {})}
               for kind, ids in base.ids.items()}
    missing = missing_ids(dropped, data)
    if not missing:
        return
    manifest_at = Position(f"{data.root.name}/{MANIFEST}")
    listed = sum(len(ids) for ids in base.ids.values())
    if is_foreign(len(missing), listed):
        examples = ", ".join(f"'{record_id}'" for _, record_id, _ in missing[:3])
        issues.add(manifest_at if working is not None else Position(data.root.name), codes.MAT_DU_LIEU,
                   f"{len(missing)} trong {listed} mục của {base.path} trên nhánh gốc ({base.where}), danh sách các "
                   f"mục đã công bố, không còn trong dữ liệu (ví dụ {examples}): dữ liệu đã bị xoá gần hết, hoặc đã "
                   "được thay bằng dữ liệu của một đơn vị khác.", BASE_FOREIGN_HINT)
        return
    gone = f"dòng của nó trong {MANIFEST} cũng đã bị xoá" if working is not None else f"tệp {MANIFEST} cũng đã bị xoá"
    for kind, record_id, position in missing:
        issues.add(sections.get(kind, manifest_at) if working is not None else Position(data.root.name),
                   codes.MAT_DU_LIEU,
                   f"Mục '{record_id}' ({kind}) có ở dòng {position.line} của {base.path} trên nhánh gốc "
                   f"({base.where}), danh sách các mục đã công bố, nhưng không còn trong dữ liệu; {gone}.",
                   "Nếu vô tình xoá, khôi phục mục đó và dòng của nó trong danh sách. Nếu cố ý gỡ, khai báo trong "
                   "data/da-go.yml: id, loai, ngay, ly_do.")


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
