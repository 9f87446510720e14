"""Photos, checked when data is loaded (thumbnails.py publishes them).

Checks (each an error with the photo's field position): the file is a real,
non-symlinked file inside data/anh/ with exactly that name and case, of at most
8 MB, whose bytes are really JPEG, PNG or WebP, and which the image library can
decode.
"""

from __future__ import annotations

from pathlib import Path

from . import codes
from .issues import Issues, Position

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAGIC = {b"\xff\xd8\xff": ".jpg", b"\x89PNG\r\n\x1a\n": ".png"}


def _kind_of(head: bytes) -> str | None:
    for magic, ext in MAGIC.items():
        if head.startswith(magic):
            return ext
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return None


def check_photo(root: Path, rel: str, position: Position, issues: Issues) -> bool:
    """Validate one referenced photo; record an issue and return False if it cannot be published."""
    path = root / rel
    hint = "Đặt ảnh (JPEG, PNG hoặc WebP, tối đa 8 MB) vào thư mục data/anh/ và ghi đúng tên tệp, kể cả chữ hoa, chữ thường."
    folder = root / "anh"
    if path.is_symlink() or folder.is_symlink():
        issues.add(position, codes.LIEN_KET_TEP, f"Ảnh '{rel}' là liên kết tượng trưng (symlink).", "Thay bằng tệp ảnh thật.")
        return False
    names = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    if path.name not in names or not path.is_file():
        close = [n for n in names if n.lower() == path.name.lower()]
        message = (f"Không có tệp '{rel}'; trong thư mục có '{close[0]}' (khác chữ hoa, chữ thường)." if close
                   else f"Không có tệp ảnh '{rel}' trong thư mục data/anh/.")
        issues.add(position, codes.THIEU_TEP_ANH, message, hint)
        return False
    size = path.stat().st_size
    if size > MAX_BYTES:
        issues.add(position, codes.ANH_QUA_LON, f"Ảnh '{rel}' nặng {size:,} byte, vượt giới hạn {MAX_BYTES:,} byte.",
                   "Giảm kích thước ảnh (ví dụ cạnh dài 2000 điểm ảnh) rồi lưu lại.")
        return False
    head = path.read_bytes()[:16]
    kind = _kind_of(head)
    expected = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png", ".webp": ".webp"}[path.suffix]
    if kind is None or kind != expected:
        issues.add(position, codes.ANH_KHONG_HOP_LE,
                   f"Tệp '{rel}' không phải ảnh {expected.lstrip('.').upper()} thật (nội dung không khớp đuôi tệp).",
                   "Xuất lại ảnh từ máy chụp hoặc phần mềm xem ảnh, đuôi tệp phải đúng loại ảnh.")
        return False
    try:
        from PIL import Image

        with Image.open(path) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValueError("quá nhiều điểm ảnh")
            image.verify()
    except Exception as exc:  # any decoding problem is the officer's file, not a crash
        issues.add(position, codes.ANH_KHONG_HOP_LE, f"Không đọc được ảnh '{rel}' ({exc}).",
                   "Mở ảnh bằng phần mềm xem ảnh, lưu lại dạng JPEG rồi thử lại.")
        return False
    return True
