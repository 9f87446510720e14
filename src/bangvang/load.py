"""data/ → parsed records: every file accounted for, every problem recorded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import clock, codes
from .images import check_photo
from .issues import Issues, Position
from .progress import FileProgress, gc_paused
from .records import COLLECTIONS, Collection, Record, Report, Unit
from .schema import Context, Invalid, parse_record
from .text import nfc
from .yamlsrc import MAPPING, SEQUENCE, parse_yaml, read_text, split_front_matter

# Files that may sit in data/ without being data.
IGNORED_NAMES = {".gitkeep", "README.md"}
MANIFEST_FILE = "da-cong-bo.yml"  # the list of published ids, see manifest.py
BODY_LIMITS = {"dien_hinh": 20_000, "bao_cao": 300_000}  # characters of a story, of a report's full text


@dataclass
class Dataset:
    """Everything read from one data folder, before cross-record validation."""

    root: Path
    unit: Unit | None = None
    records: dict[str, list[Record]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)        # rel path → collection kind or "dinh-kem"
    attachments: dict[str, str] = field(default_factory=dict)  # rel path → text
    ignored: list[str] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)          # ids of records that failed to parse

    def of(self, kind: str) -> list:
        return self.records.get(kind, [])

    def count(self) -> int:
        return sum(len(v) for v in self.records.values()) + (1 if self.unit else 0)


def _rel(root: Path, path: Path) -> str:
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def _collection_for(rel_parts: tuple[str, ...]) -> Collection | None:
    for collection in COLLECTIONS:
        if collection.path.endswith(".yml"):
            if rel_parts == (collection.path,):
                return collection
        elif len(rel_parts) == 2 and rel_parts[0] == collection.path:
            suffix = ".md" if collection.layout == "markdown" else ".yml"
            if rel_parts[1].endswith(suffix):
                return collection
    return None


def load(root: Path, today: date | None = None, issues: Issues | None = None,
         progress: FileProgress | None = None) -> tuple[Dataset, Issues]:
    """Read every file under `root`; return the dataset and all issues found.

    `progress`, if given, is called after each data file with (files read, data files in all,
    records so far): see progress.Progress.files.
    """
    with gc_paused():
        return _load(root, today, issues, progress)


def _is_data_file(path: Path, parts: tuple[str, ...]) -> bool:
    """A file the loop below parses (for the progress count)."""
    return (path.name not in IGNORED_NAMES and _collection_for(parts) is not None
            and not path.is_symlink() and not path.is_dir())


def _load(root: Path, today: date | None, issues: Issues | None,
          progress: FileProgress | None) -> tuple[Dataset, Issues]:
    issues = issues or Issues(root)
    ctx = Context(issues, today or clock.today())
    data = Dataset(root)
    if not root.is_dir():
        issues.add(Position(str(root)), codes.KHONG_CO_THU_MUC, f"Không tìm thấy thư mục dữ liệu '{root}'.",
                   "Chạy lệnh từ thư mục gốc của kho, nơi có thư mục data/.")
        return data, issues
    attachments_wanted: list[tuple[Report, str]] = []
    paths = sorted(root.rglob("*"))
    total = sum(1 for p in paths if _is_data_file(p, p.relative_to(root).parts)) if progress else 0
    done = records_read = 0
    for path in paths:
        rel = _rel(root, path)
        parts = path.relative_to(root).parts
        if path.is_symlink():
            issues.add(Position(rel), codes.LIEN_KET_TEP, "Không dùng liên kết tượng trưng (symlink) trong data/.",
                       "Thay bằng tệp thật.")
            continue
        if path.is_dir():
            continue
        if path.name in IGNORED_NAMES:
            data.ignored.append(rel)
            continue
        collection = _collection_for(parts)
        if parts == (MANIFEST_FILE,):
            data.files[rel] = "da_cong_bo"  # read by the removal guard (manifest.py)
            continue
        if collection is None:
            if path.suffix == ".txt" and len(parts) == 2 and parts[0] == "bao-cao":
                continue  # an attachment; checked against the reports that name it below
            if len(parts) == 2 and parts[0] == "anh":
                continue  # a photo; checked against the records that show it below
            hint = "Dữ liệu YAML dùng đuôi .yml." if path.suffix == ".yaml" else (
                "Mỗi loại dữ liệu có chỗ riêng: " + ", ".join(
                    c.path + ("" if c.path.endswith(".yml") else "/") for c in COLLECTIONS) + ".")
            issues.add(Position(rel), codes.TEP_KHONG_RO_LOAI, f"Không biết tệp '{rel}' chứa loại dữ liệu nào.", hint)
            continue
        data.files[rel] = collection.kind
        for record in _load_file(path, rel, collection, ctx, data.broken_ids):
            records_read += 1
            if collection.kind == "don_vi":
                data.unit = record  # type: ignore[assignment]
            else:
                data.records.setdefault(collection.kind, []).append(record)
            if isinstance(record, Report) and record.raw_text:
                attachments_wanted.append((record, record.raw_text))
        if progress:
            done += 1
            progress(done, total, records_read)
    if "don_vi" not in data.files.values():
        issues.add(Position(f"{root.name}/don-vi.yml"), codes.THIEU_TEP,
                   "Thiếu tệp don-vi.yml mô tả đơn vị công bố bảng vàng.", "Tạo tệp theo hướng dẫn cho cán bộ.")
    for report, name in attachments_wanted:
        folder = root / "bao-cao"
        path = folder / name
        rel = _rel(root, path)
        if "/" in name or "\\" in name or not name.endswith(".txt") or not path.is_file() or path.is_symlink():
            issues.add(report.pos("raw_text"), codes.THIEU_TEP_DINH_KEM,
                       f"Không có tệp '{name}' trong thư mục bao-cao/.",
                       "Ghi đúng tên tệp .txt nằm cùng thư mục với báo cáo.")
            continue
        text = read_text(path, rel, issues)
        if text is not None:
            data.attachments[rel] = text
            data.files[rel] = "dinh_kem"
    for record in data.of("doi_tuong") + data.of("dien_hinh"):
        photo = getattr(record, "photo", None)
        if photo is not None:
            check_photo(root, photo.file, photo.pos("file"), issues)
            data.files[_rel(root, root / photo.file)] = "anh"  # referenced, even if refused
    for path in sorted((root / "anh").iterdir()) if (root / "anh").is_dir() else ():
        rel = _rel(root, path)
        if rel not in data.files and path.name not in IGNORED_NAMES:
            issues.add(Position(rel), codes.TEP_KHONG_DUOC_DUNG,
                       "Ảnh này không được mục nào dùng (trường 'anh' > 'tep').",
                       "Ghi đường dẫn ảnh vào mục tương ứng, hoặc xoá ảnh nếu không dùng.")
    for path in sorted((root / "bao-cao").glob("*.txt")) if (root / "bao-cao").is_dir() else ():
        rel = _rel(root, path)
        if rel not in data.files:
            issues.add(Position(rel), codes.TEP_KHONG_DUOC_DUNG,
                       "Tệp văn bản này không được báo cáo nào nhắc đến (trường 'ban_trich_xuat').",
                       "Ghi tên tệp vào 'ban_trich_xuat' của báo cáo tương ứng, hoặc xoá tệp.")
    return data, issues


def _load_file(path: Path, rel: str, collection: Collection, ctx: Context, broken: set[str]) -> list[Record]:
    text = read_text(path, rel, ctx.issues)
    if text is None:
        return []
    if collection.layout == "markdown":
        return _load_markdown(text, rel, collection, ctx, broken)
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        ctx.issues.add(Position(rel), codes.TEP_RONG, "Tệp không có dữ liệu.",
                       "Thêm dữ liệu hoặc xoá tệp nếu không cần nữa.")
        return []
    before = len(ctx.issues.items)
    root = parse_yaml(text, rel, ctx.issues)
    if root is None:
        if len(ctx.issues.items) == before:
            ctx.issues.add(Position(rel), codes.TEP_RONG, "Tệp không có dữ liệu.", "Thêm dữ liệu hoặc xoá tệp.")
        broken.update(re.findall(r"^[ \t-]*id:[ \t]*['\"]?([a-z0-9-]+)", text, re.M))
        return []
    if collection.layout == "single":
        return _parse_all([root], collection, ctx, broken)
    if root.kind == SEQUENCE and not root.value:
        ctx.issues.add(Position(rel), codes.TEP_RONG, "Tệp chỉ có một danh sách rỗng, không có dữ liệu.",
                       "Thêm dữ liệu hoặc xoá tệp.")
        return []
    if root.kind != SEQUENCE:
        ctx.issues.add(root.position, codes.SAI_KIEU,
                       f"Tệp trong '{collection.path}/' phải là một danh sách, mỗi {collection.cls.LABEL} bắt đầu bằng '- '.",
                       "Xem một tệp mẫu trong cùng thư mục.")
        return []
    return _parse_all(root.value, collection, ctx, broken)  # type: ignore[arg-type]


def _parse_all(nodes, collection: Collection, ctx: Context, broken: set[str]) -> list[Record]:
    records = []
    for node in nodes:
        try:
            records.append(parse_record(collection.cls, node, ctx))
        except Invalid:
            # Remember the id so references to this record do not add a second, misleading error.
            id_node = node.get("id") if node.kind == MAPPING else None
            if id_node is not None and id_node.kind == "scalar":
                broken.add(id_node.value)
    return records


def _load_markdown(text: str, rel: str, collection: Collection, ctx: Context, broken: set[str]) -> list[Record]:
    split = split_front_matter(text)
    if split is None:
        ctx.issues.add(Position(rel), codes.THIEU_PHAN_DAU,
                       "Tệp Markdown phải bắt đầu bằng phần thông tin giữa hai dòng '---'.",
                       "Dòng đầu tiên của tệp là '---', tiếp theo là các trường, rồi một dòng '---'.")
        return []
    front, body, body_line = split
    before = len(ctx.issues.items)
    root = parse_yaml("\n" + front, rel, ctx.issues)  # the leading newline keeps line numbers exact
    if root is None:
        if len(ctx.issues.items) == before:
            ctx.issues.add(Position(rel, 2), codes.THIEU_PHAN_DAU, "Phần thông tin giữa hai dòng '---' đang trống.",
                           "Ghi các trường bắt buộc (id, tiêu đề…) giữa hai dòng '---'.")
        return []
    if root.kind != MAPPING:
        ctx.issues.add(root.position, codes.SAI_KIEU, "Phần thông tin đầu tệp phải gồm các dòng 'truong: giá trị'.", "")
        return []
    records = _parse_all([root], collection, ctx, broken)
    body = nfc(body)
    limit = BODY_LIMITS[collection.kind]
    if len(body) > limit:
        ctx.issues.add(Position(rel, body_line), codes.QUA_DAI, f"Nội dung dài {len(body):,} ký tự, vượt giới hạn {limit:,} ký tự.",
                       "Rút gọn nội dung, hoặc chia thành nhiều bài.")
        return []
    for record in records:
        record.body_markdown = body  # type: ignore[attr-defined]
        record.body_line = body_line  # type: ignore[attr-defined]
        if not body.strip():
            ctx.issues.add(Position(rel, body_line), codes.THIEU_NOI_DUNG, "Phần nội dung sau thông tin đầu tệp đang trống.",
                           "Viết nội dung (Markdown) sau dòng '---' thứ hai.")
    return records
