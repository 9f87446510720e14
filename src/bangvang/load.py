"""data/ → parsed records: every file accounted for, every problem recorded."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import clock, codes, kinds, markdown_limits, originals
from .datafiles import IGNORED_NAMES
from .heap import gc_paused
from .images import check_photo
from .issues import Issues, Position
from .progress import FileProgress
from .records import Unit
from .schema import Context, Invalid, Record, field_specs, parse_record
from .fields import report_lookalike
from .text import lookalikes, nfc
from .yamlsrc import MAPPING, SEQUENCE, comments, parse_yaml, read_text, split_front_matter

# Files that may sit in data/ without being records (and datafiles.IGNORED_NAMES, never data).
MANIFEST_FILE = "da-cong-bo.yml"  # the list of published ids, see manifest.py
PHOTO_FOLDER = "anh"              # photos, named by the records that show them
ATTACHMENT_SUFFIX = ".txt"        # a report's raw extracted text, beside it in its folder


@dataclass
class Dataset:
    """Everything read from one data folder, before cross-record validation."""

    root: Path
    unit: Unit | None = None
    records: dict[str, list[Record]] = field(default_factory=dict)   # kind → records, in file order
    files: dict[str, str] = field(default_factory=dict)        # rel path → kind, "anh" or "dinh_kem"
    attachments: dict[str, str] = field(default_factory=dict)  # rel path → text
    ignored: list[str] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)          # ids of records that failed to parse
    partial: list[Record] = field(default_factory=list)        # those records, with what did parse
    comments: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # rel path → (line, column, text)

    def of(self, kind: str) -> list:
        return self.records.get(kind, [])

    def count(self) -> int:
        return sum(len(v) for v in self.records.values()) + (1 if self.unit else 0)


def _rel(root: Path, path: Path) -> str:
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def load(root: Path, today: date | None = None, issues: Issues | None = None,
         progress: FileProgress | None = None) -> tuple[Dataset, Issues]:
    """Read every file under `root`; return the dataset and all issues found.

    `progress`, if given, is called after each data file with (files read, data files in all,
    records so far): see progress.Progress.files.
    """
    issues = issues or Issues(root)
    data = Dataset(root)
    if not root.is_dir():
        issues.add(Position(str(root)), codes.KHONG_CO_THU_MUC, f"Không tìm thấy thư mục dữ liệu '{root}'.",
                   "Chạy lệnh từ thư mục gốc của kho, nơi có thư mục data/.")
        return data, issues
    with gc_paused():
        _read_records(data, Context(issues, today or clock.today()), progress)
        _read_attachments(data, issues)
        _check_photos(data, issues)
        originals.check_originals(data, issues, _rel)
        _report_unused(data, issues)
    return data, issues


def _is_data_file(path: Path, parts: tuple[str, ...]) -> bool:
    """A file the loop below parses (for the progress count)."""
    return (path.name not in IGNORED_NAMES and kinds.for_file(parts) is not None
            and not path.is_symlink() and not path.is_dir())


def _read_records(data: Dataset, ctx: Context, progress: FileProgress | None) -> None:
    """Parse every data file, each as the kind its place says; account for every other file."""
    root = data.root
    paths = sorted(root.rglob("*"))
    _check_names(root, paths, ctx.issues)
    total = sum(1 for p in paths if _is_data_file(p, p.relative_to(root).parts)) if progress else 0
    done = records_read = 0
    for path in paths:
        rel, parts = _rel(root, path), path.relative_to(root).parts
        kind = _kind_or_report(path, rel, parts, data, ctx.issues)
        if kind is None:
            continue
        data.files[rel] = kind.key
        for record in _load_file(path, rel, kind, ctx, data):
            records_read += 1
            if kind.layout == kinds.SINGLE:
                data.unit = record  # type: ignore[assignment]
            else:
                data.records.setdefault(kind.key, []).append(record)
        if progress:
            done += 1
            progress(done, total, records_read)
    single = kinds.BY_KEY["don_vi"]
    if single.key not in data.files.values():
        ctx.issues.add(Position(f"{root.name}/{single.source}"), codes.THIEU_TEP,
                       f"Thiếu tệp {single.source} mô tả đơn vị công bố bảng vàng.", "Tạo tệp theo hướng dẫn cho cán bộ.")


# Characters that end or break a line in a report (a name holding one could forge a CI annotation).
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def _check_names(root: Path, paths: list[Path], issues: Issues) -> None:
    """File names must print on one line, and must stay apart on every system: on Windows and macOS
    'tinh.yml' and 'Tinh.yml' are one file, as are a name in NFC and the same name in NFD."""
    same: dict[str, list[Path]] = {}
    for path in paths:
        rel = _rel(root, path)
        if _CONTROL.search(path.relative_to(root).as_posix()):
            issues.add(Position(rel), codes.TEN_TEP_KY_TU_LA,
                       f"Tên '{rel}' có ký tự điều khiển (xuống dòng, tab hoặc ký tự vô hình).",
                       "Đổi tên tệp, chỉ dùng chữ, số, dấu gạch ngang và dấu chấm.")
        same.setdefault(unicodedata.normalize("NFC", rel).casefold(), []).append(path)
    for group in (g for g in same.values() if len(g) > 1):
        what = "thư mục" if group[0].is_dir() else "tệp"
        for path in group:  # each is told which other it is one with
            rel, other = _rel(root, path), _rel(root, next(p for p in group if p != path))
            issues.add(Position(rel), codes.TEN_TEP_TRUNG, f"'{rel}' và '{other}' là một {what} trên Windows và macOS.",
                       f"Gộp hai {what} làm một hoặc đổi tên một {what}.", related=Position(other))


def _kind_or_report(path: Path, rel: str, parts: tuple[str, ...], data: Dataset, issues: Issues):
    """The kind of a data file; None for anything else, which is ignored, left to later checks, or reported."""
    if path.is_symlink():
        issues.add(Position(rel), codes.LIEN_KET_TEP, "Không dùng liên kết tượng trưng (symlink) trong data/.",
                   "Thay bằng tệp thật.")
        return None
    if path.is_dir():
        return None
    if path.name in IGNORED_NAMES:
        data.ignored.append(rel)
        return None
    if parts == (MANIFEST_FILE,):
        data.files[rel] = "da_cong_bo"  # read by the removal guard (manifest.py)
        return None
    kind = kinds.for_file(parts)
    if kind is None and not _checked_later(parts):
        hint = "Dữ liệu YAML dùng đuôi .yml." if path.suffix == ".yaml" else (
            "Mỗi loại dữ liệu có chỗ riêng: " + ", ".join(k.where for k in kinds.KINDS) + ".")
        issues.add(Position(rel), codes.TEP_KHONG_RO_LOAI, f"Không biết tệp '{rel}' chứa loại dữ liệu nào.", hint)
    return kind


def _checked_later(parts: tuple[str, ...]) -> bool:
    """A photo, or a text beside the records of a folder: checked against the records that name it."""
    if len(parts) != 2:
        return False
    return parts[0] in (PHOTO_FOLDER, originals.FOLDER) or (parts[1].endswith(ATTACHMENT_SUFFIX) and parts[0] in _attachment_folders())


def _attachment_folders() -> set[str]:
    return {kind.source for kind in kinds.KINDS if any(s.key == "ban_trich_xuat" for s in field_specs(kind.cls))}


def _read_attachments(data: Dataset, issues: Issues) -> None:
    """The raw texts that records name ('ban_trich_xuat'), each in its record's folder."""
    for kind in kinds.KINDS:
        if kind.source not in _attachment_folders():
            continue
        folder = data.root / kind.source
        for record in data.of(kind.key):
            name = record.raw_text  # type: ignore[attr-defined]
            if not name:
                continue
            path = folder / name
            if "/" in name or "\\" in name or not name.endswith(ATTACHMENT_SUFFIX) or not path.is_file() \
                    or path.is_symlink():
                issues.add(record.pos("raw_text"), codes.THIEU_TEP_DINH_KEM,
                           f"Không có tệp '{name}' trong thư mục {kind.where}.",
                           "Ghi đúng tên tệp .txt nằm cùng thư mục với báo cáo.")
                continue
            rel = _rel(data.root, path)
            text = read_text(path, rel, issues)
            if text is not None:
                data.attachments[rel] = text
                data.files[rel] = "dinh_kem"


def _check_photos(data: Dataset, issues: Issues) -> None:
    for records in data.records.values():
        for record in records:
            photo = getattr(record, "photo", None)
            if photo is not None:
                check_photo(data.root, photo.file, photo.pos("file"), issues)
                data.files[_rel(data.root, data.root / photo.file)] = "anh"  # referenced, even if refused


def _report_unused(data: Dataset, issues: Issues) -> None:
    """Photos and raw texts that no record names: an officer forgot a field, or a file."""
    photos = data.root / PHOTO_FOLDER
    for path in sorted(photos.iterdir()) if photos.is_dir() else ():
        rel = _rel(data.root, path)
        if rel not in data.files and path.name not in IGNORED_NAMES:
            issues.add(Position(rel), codes.TEP_KHONG_DUOC_DUNG,
                       "Ảnh này không được mục nào dùng (trường 'anh' > 'tep').",
                       "Ghi đường dẫn ảnh vào mục tương ứng, hoặc xoá ảnh nếu không dùng.")
    for folder in sorted(_attachment_folders()):
        texts = data.root / folder
        for path in sorted(texts.glob("*" + ATTACHMENT_SUFFIX)) if texts.is_dir() else ():
            rel = _rel(data.root, path)
            if rel not in data.files:
                issues.add(Position(rel), codes.TEP_KHONG_DUOC_DUNG,
                           "Tệp văn bản này không được báo cáo nào nhắc đến (trường 'ban_trich_xuat').",
                           "Ghi tên tệp vào 'ban_trich_xuat' của báo cáo tương ứng, hoặc xoá tệp.")


def _parse(text: str, rel: str, issues: Issues):
    """parse_yaml, remembered while `mkdocs serve` keeps files (keep_parsed)."""
    if _kept is not None and (kept := _kept.get(rel)) is not None and kept[0] == text:
        return kept[1]
    before = len(issues.items)
    node = parse_yaml(text, rel, issues)
    if _kept is not None and node is not None and len(issues.items) == before:
        _kept[rel] = (text, node)  # nothing to report: the same text gives the same nodes next time
    return node


# rel → (text, nodes) of each file read without a problem, once `mkdocs serve` asks (keep_parsed): a save
# re-reads every file, and parsing is a third of reading a ward. Nodes are never changed once made.
_kept: dict[str, tuple[str, object]] | None = None


def keep_parsed() -> None:
    """Remember parsed files from now on, for the rest of the process (one file's last text each)."""
    global _kept
    if _kept is None:
        _kept = {}


def _load_file(path: Path, rel: str, kind: kinds.RecordKind, ctx: Context, data: Dataset) -> list[Record]:
    text = read_text(path, rel, ctx.issues)
    if text is None:
        return []
    if found := comments(text):
        data.comments[rel] = found
    layout = kind.layout_of(path.name)
    if layout == kinds.MARKDOWN:
        return _load_markdown(text, rel, kind, ctx, data)
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        ctx.issues.add(Position(rel), codes.TEP_RONG, "Tệp không có dữ liệu.",
                       "Thêm dữ liệu hoặc xoá tệp nếu không cần nữa.")
        return []
    before = len(ctx.issues.items)
    root = _parse(text, rel, ctx.issues)
    if root is None:
        if len(ctx.issues.items) == before:
            ctx.issues.add(Position(rel), codes.TEP_RONG, "Tệp không có dữ liệu.", "Thêm dữ liệu hoặc xoá tệp.")
        data.broken_ids.update(re.findall(r"^[ \t-]*id:[ \t]*['\"]?([a-z0-9-]+)", text, re.M))
        return []
    if layout == kinds.SINGLE:
        return _parse_all([root], kind, ctx, data)
    if root.kind == SEQUENCE and not root.value:
        ctx.issues.add(Position(rel), codes.TEP_RONG, "Tệp chỉ có một danh sách rỗng, không có dữ liệu.",
                       "Thêm dữ liệu hoặc xoá tệp.")
        return []
    if root.kind != SEQUENCE:
        ctx.issues.add(root.position, codes.SAI_KIEU,
                       f"Tệp trong '{kind.where}' phải là một danh sách, mỗi {kind.cls.LABEL} bắt đầu bằng '- '.",
                       "Xem một tệp mẫu trong cùng thư mục.")
        return []
    return _parse_all(root.value, kind, ctx, data)  # type: ignore[arg-type]


def _parse_all(nodes, kind: kinds.RecordKind, ctx: Context, data: Dataset) -> list[Record]:
    records = []
    for node in nodes:
        try:
            records.append(parse_record(kind.cls, node, ctx))
        except Invalid as failed:
            # Remember the id so references to this record do not add a second, misleading error;
            # keep what did parse, so that its own references are still checked (validate.py).
            id_node = node.get("id") if node.kind == MAPPING else None
            if id_node is not None and id_node.kind == "scalar":
                data.broken_ids.add(id_node.value)
            if failed.partial is not None:
                data.partial.append(failed.partial)
    return records


def _load_markdown(text: str, rel: str, kind: kinds.RecordKind, ctx: Context, data: Dataset) -> list[Record]:
    split = split_front_matter(text)
    if split is None:
        ctx.issues.add(Position(rel), codes.THIEU_PHAN_DAU,
                       "Tệp Markdown phải bắt đầu bằng phần thông tin giữa hai dòng '---'.",
                       "Dòng đầu tiên của tệp là '---', tiếp theo là các trường, rồi một dòng '---'.")
        return []
    front, body, body_line = split
    before = len(ctx.issues.items)
    root = _parse("\n" + front, rel, ctx.issues)  # the leading newline keeps line numbers exact
    if root is None:
        if len(ctx.issues.items) == before:
            ctx.issues.add(Position(rel, 2), codes.THIEU_PHAN_DAU, "Phần thông tin giữa hai dòng '---' đang trống.",
                           "Ghi các trường bắt buộc (id, tiêu đề…) giữa hai dòng '---'.")
        return []
    if root.kind != MAPPING:
        ctx.issues.add(root.position, codes.SAI_KIEU, "Phần thông tin đầu tệp phải gồm các dòng 'truong: giá trị'.", "")
        return []
    records = _parse_all([root], kind, ctx, data)
    body = nfc(body)
    for index, letter, meant, word in lookalikes(body):
        line = body_line + body.count("\n", 0, index)
        report_lookalike(ctx.issues, Position(rel, line, index - body.rfind("\n", 0, index)), letter, meant, word)
    limit = kind.body_limit or 0
    if len(body) > limit:
        ctx.issues.add(Position(rel, body_line), codes.QUA_DAI, f"Nội dung dài {len(body):,} ký tự, vượt giới hạn {limit:,} ký tự.",
                       "Rút gọn nội dung, hoặc chia thành nhiều bài.")
        return []
    if not markdown_limits.report(body, lambda offset: markdown_limits.offset_position(rel, body_line, body, offset),
                                  ctx.issues):
        return []
    for record in records:
        record.body_markdown = body  # type: ignore[attr-defined]
        record.body_line = body_line  # type: ignore[attr-defined]
        if not body.strip():
            ctx.issues.add(Position(rel, body_line), codes.THIEU_NOI_DUNG, "Phần nội dung sau thông tin đầu tệp đang trống.",
                           "Viết nội dung (Markdown) sau dòng '---' thứ hai.")
    return records
