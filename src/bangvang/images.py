"""Photos, checked when data is loaded (thumbnails.py publishes them).

A photo this module passes always builds: it is decoded here as the build decodes it. Each check is
an error at the photo field's position:

- the file: a real, non-symlinked file inside data/anh/ with exactly that name and case, of at most
  MAX_BYTES, whose bytes are really JPEG, PNG or WebP (the extension's kind);
- the content, decoded whole (Pillow's `load()`, with LOAD_TRUNCATED_IMAGES off and every warning an
  error, DecompressionBombWarning included, but the EXIF parser's), JPEGs at the scale the widest thumbnail
  needs, exactly as thumbnails.py and cards.py decode them: not truncated or corrupt, at most
  MAX_PIXELS pixels, a colour mode the build converts (MODES: 16-bit grey, CMYK, palettes with
  transparency and the like are turned into RGB there), not a 16-bit PNG with a transparent colour
  (which Pillow cannot show: refused);
- the shape, upright (the EXIF orientation applied, as the build does): each side at least MIN_SIDE
  pixels, the long side at most MAX_RATIO times the short one. The build then never meets a size it
  cannot make: the smallest thumbnail (160 px wide, or the photo's own width) is at least
  MIN_SIDE / MAX_RATIO ≈ 5 px high, the tallest (640 px wide) at most 3 840 px, far below the JPEG
  limit of 65 500; the share card's crop of the photo is at least 28 px wide.

An animated PNG or WebP is accepted: the build uses its first frame, as a still photo. An EXIF block
Pillow cannot read is ignored (the photo is then not turned), as the build ignores it: it is never
published (thumbnails are new files without metadata), and phones and editors write odd ones.

Decoding costs time (15 to 60 ms for a 3 to 12 megapixel JPEG, against 1 ms for reading its
header): each verdict is kept, by the file's path, size, modification time and inode (with the
rules' version and Pillow's), for the life of the process (a photo shown by several records, the
rebuilds of `mkdocs serve`) and, when data/ sits beside mkdocs.yml, in .cache/bangvang/anh/ beside
the share cards' cache, so that the second check and the build in CI, and every later check on the
officer's computer, decode only the photos that changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from . import codes
from .codes import Code
from .datafiles import file_problem
from .issues import Issues, Position
from .photo_decode import DRAFT_SIDE, orientation
from .progress import vn_int

# Change whenever a check on a photo's content changes: every kept verdict is judged again.
CHECK_VERSION = "1"
MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MIN_SIDE = 32          # px, each side of the upright photo
MAX_RATIO = 6          # the long side at most 6 times the short one, either way round
MAGIC = {b"\xff\xd8\xff": ".jpg", b"\x89PNG\r\n\x1a\n": ".png"}
# Colour modes Pillow gives for JPEG, PNG and WebP, which thumbnails.to_rgb turns into RGB.
MODES = frozenset({"1", "L", "LA", "P", "PA", "RGB", "RGBA", "RGBX", "CMYK", "YCbCr",
                   "I", "I;16", "I;16B", "I;16L", "I;16N"})

_HINT_FILE = "Đặt ảnh (JPEG, PNG hoặc WebP, tối đa 8 MB) vào thư mục data/anh/ và ghi đúng tên tệp, kể cả chữ hoa, chữ thường."
_HINT_RESAVE = "Mở ảnh bằng phần mềm xem ảnh (hoặc tải lại bản gốc từ máy chụp), lưu lại dạng JPEG rồi thử lại."
_HINT_SHAPE = (f"Dùng ảnh có mỗi cạnh ít nhất {MIN_SIDE} điểm ảnh và cạnh dài không quá {MAX_RATIO} lần cạnh ngắn: "
               "cắt (crop) ảnh cho gọn hoặc chọn ảnh khác.")


@dataclass(frozen=True)
class Refusal:
    """Why a photo is refused; '{rel}' in the message stands for the photo's path."""

    code: Code
    message: str
    hint: str


_verdicts: dict[str, Refusal | None] = {}   # _key(file) → what decoding it found


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
    refusal = _file_refusal(root, rel, path) or _type_refusal(path) or _verdict(root, path)
    if refusal is not None:
        issues.add(position, refusal.code, refusal.message.replace("{rel}", rel), refusal.hint)
        return False
    return True


def _file_refusal(root: Path, rel: str, path: Path) -> Refusal | None:
    """The file itself: a real file of data/anh/, named exactly so, small enough."""
    problem = file_problem(root, "anh", path, MAX_BYTES)
    if problem is None:
        return None
    if problem.kind == "symlink":
        return Refusal(codes.LIEN_KET_TEP, "Ảnh '{rel}' là liên kết tượng trưng (symlink).", "Thay bằng tệp ảnh thật.")
    if problem.kind == "missing":
        message = ("Không có tệp '{rel}'; trong thư mục có '" + problem.close + "' (khác chữ hoa, chữ thường)."
                   if problem.close else "Không có tệp ảnh '{rel}' trong thư mục data/anh/.")
        return Refusal(codes.THIEU_TEP_ANH, message, _HINT_FILE)
    return Refusal(codes.ANH_QUA_LON, f"Ảnh '{{rel}}' nặng {vn_int(problem.size)} byte, vượt giới hạn {vn_int(MAX_BYTES)} byte.",
                   "Giảm kích thước ảnh (ví dụ cạnh dài 2000 điểm ảnh) rồi lưu lại.")


def _type_refusal(path: Path) -> Refusal | None:
    """The bytes are the kind of image the extension says."""
    expected = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png", ".webp": ".webp"}[path.suffix]
    with path.open("rb") as f:
        head = f.read(16)
    if _kind_of(head) != expected:
        return Refusal(codes.ANH_KHONG_HOP_LE,
                       f"Tệp '{{rel}}' không phải ảnh {expected.lstrip('.').upper()} thật (nội dung không khớp đuôi tệp).",
                       "Xuất lại ảnh từ máy chụp hoặc phần mềm xem ảnh, đuôi tệp phải đúng loại ảnh.")
    return None


def _verdict(root: Path, path: Path) -> Refusal | None:
    """What decoding the photo finds, from what is kept when the file has not changed."""
    key = _key(path)
    if key in _verdicts:
        return _verdicts[key]
    folder = _cache_folder(root)
    found, verdict = _recall(folder, key) if folder else (False, None)
    if not found:
        verdict = _decode(path)
        if folder:
            _keep(folder, key, verdict)
    _verdicts[key] = verdict
    return verdict


def _key(path: Path) -> str:
    """The file as it is now (path, size, time, inode), judged by these rules with this Pillow."""
    from PIL import __version__ as pillow

    st = path.stat()
    parts = (CHECK_VERSION, pillow, MAX_PIXELS, MIN_SIDE, MAX_RATIO, DRAFT_SIDE, path.resolve(),
             st.st_size, st.st_mtime_ns, st.st_ino)
    return hashlib.sha256("\0".join(map(str, parts)).encode("utf-8", "surrogateescape")).hexdigest()[:40]


def _cache_folder(root: Path) -> Path | None:
    """.cache/bangvang/anh/ of the project whose data/ this is (beside mkdocs.yml); None elsewhere."""
    project = root.resolve().parent
    return project / ".cache" / "bangvang" / "anh" if (project / "mkdocs.yml").is_file() else None


def _recall(folder: Path, key: str) -> tuple[bool, Refusal | None]:
    """(True, the verdict) kept for `key`, or (False, None)."""
    try:
        kept = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        if kept["code"] is None:
            return True, None
        return True, Refusal(codes.CODES[kept["code"]], str(kept["message"]), str(kept["hint"]))
    except (OSError, ValueError, KeyError, TypeError):  # none kept, or not as written here: judge again
        return False, None


def _keep(folder: Path, key: str, verdict: Refusal | None) -> None:
    kept = {"code": None} if verdict is None else {"code": verdict.code.id, "message": verdict.message,
                                                   "hint": verdict.hint}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{key}.{os.getpid()}.part"
        partial.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, folder / f"{key}.json")   # never half a verdict, even with two checks at once
    except OSError:
        pass  # a cache that cannot be written only makes the next check slower


def _decode(path: Path) -> Refusal | None:
    """Decode the photo whole, as the build will; why it cannot be published, or None."""
    from PIL import Image, ImageFile

    truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False   # a cut file is an error here, whatever else has set
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            # …but for the EXIF block's (parsed while opening a JPEG): it is never published, only read for
            # the orientation, which is ignored when unreadable, here as in the build.
            warnings.filterwarnings("ignore", module=r"PIL\.TiffImagePlugin")
            with Image.open(path) as image:
                size = image.size
                if size[0] * size[1] > MAX_PIXELS:
                    return _too_many_pixels(size)
                if image.format == "PNG" and "transparency" in image.info and _png_depth(path) == 16:
                    return _TRANSPARENT_16_BITS
                image.draft("RGB", (DRAFT_SIDE, DRAFT_SIDE))
                image.load()
                mode = image.mode
                turned = orientation(image) in (5, 6, 7, 8)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return _too_many_pixels(None)
    except Exception as exc:  # any decoding problem is the officer's file, not a crash
        return _broken(exc)
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated
    if mode not in MODES:
        return Refusal(codes.ANH_KHONG_HOP_LE, f"Ảnh '{{rel}}' dùng kiểu màu '{mode}' mà trang web không xử lý được.",
                       _HINT_RESAVE)
    return _shape_refusal(*(reversed(size) if turned else size))


def _png_depth(path: Path) -> int:
    """Bits per sample, from the PNG's first chunk (IHDR, whose byte 24 of the file it is)."""
    with path.open("rb") as f:
        head = f.read(25)
    return head[24] if len(head) == 25 else 8


# Pillow reads a 16-bit PNG as 8 bits a sample, and its transparent colour (tRNS), given in 16 bits,
# then matches no pixel: what should be see-through would show. Rare in photos; refused.
_TRANSPARENT_16_BITS = Refusal(codes.ANH_KHONG_HOP_LE,
                               "Ảnh '{rel}' là ảnh PNG 16 bit có màu trong suốt, trang web không hiện đúng được.",
                               "Mở ảnh bằng phần mềm xem ảnh, lưu lại dạng JPEG (hoặc PNG 8 bit) rồi thử lại.")


def _shape_refusal(width: int, height: int) -> Refusal | None:
    """The upright photo's size: no side too short, not a thin strip."""
    shown = f"{vn_int(width)} × {vn_int(height)} điểm ảnh"
    if min(width, height) < MIN_SIDE:
        return Refusal(codes.ANH_SAI_KICH_THUOC,
                       f"Ảnh '{{rel}}' chỉ có {shown}; mỗi cạnh cần ít nhất {MIN_SIDE} điểm ảnh.", _HINT_SHAPE)
    if max(width, height) > MAX_RATIO * min(width, height):
        ratio = f"{max(width, height) / min(width, height):.2f}".rstrip("0").rstrip(".").replace(".", ",")
        return Refusal(codes.ANH_SAI_KICH_THUOC,
                       f"Ảnh '{{rel}}' có {shown}: cạnh dài gấp {ratio} lần cạnh ngắn, quá {MAX_RATIO} lần.", _HINT_SHAPE)
    return None


def _too_many_pixels(size: tuple[int, int] | None) -> Refusal:
    shown = f" có {vn_int(size[0])} × {vn_int(size[1])} = {vn_int(size[0] * size[1])} điểm ảnh," if size else ""
    return Refusal(codes.ANH_KHONG_HOP_LE,
                   f"Ảnh '{{rel}}'{shown} vượt giới hạn {vn_int(MAX_PIXELS)} điểm ảnh.",
                   "Giảm kích thước ảnh (ví dụ cạnh dài 2000 điểm ảnh) rồi lưu lại.")


def _broken(exc: Exception) -> Refusal:
    """A file Pillow cannot decode whole: cut short, or damaged."""
    text = str(exc).lower()
    if isinstance(exc, EOFError) or "truncated" in text:
        message = "Ảnh '{rel}' bị thiếu một phần (tệp bị cắt cụt, thường do tải lên hoặc sao chép chưa xong)."
    else:
        message = "Không đọc được ảnh '{rel}': tệp bị hỏng, hoặc không phải ảnh mà trang web đọc được."
    return Refusal(codes.ANH_KHONG_HOP_LE, message, _HINT_RESAVE)
