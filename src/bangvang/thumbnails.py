"""Photos as published: small clean copies, never the officer's file.

Copies are re-encoded JPEGs in three widths, turned upright and stripped of every metadata block
(EXIF, GPS position, camera, comments). The photos are checked when data is loaded (images.py),
which decodes them exactly as `upright_rgb` does here and refuses what the build could not use
(truncated or corrupt files, sides under 32 px, strips longer than 6:1, more than 40 megapixels).

Every colour mode is turned into RGB correctly: transparency is laid on a plain background (white
here, the card's cream in cards.py), 16-bit grey keeps its 8 high bits (Pillow's own conversion
would clip it to white), CMYK and palettes go through Pillow. An animated photo gives its first frame.

Should a photo fail here all the same, the build stops with PhotoError: one Vietnamese sentence that
names the file, which MkDocs prints as an error line, never a traceback.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from .photo_decode import DRAFT_SIDE, orientation

try:  # MkDocs prints a PluginError as one error line; another driver gets a plain exception
    from mkdocs.exceptions import PluginError as _Failure
except ImportError:  # pragma: no cover
    _Failure = Exception

WIDTHS = (160, 320, DRAFT_SIDE)  # the widest is decoded at no loss from the JPEG draft
WHITE = (255, 255, 255)
# EXIF orientation → the turn that makes the photo upright (as PIL.ImageOps.exif_transpose).
TURNS = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE", 6: "ROTATE_270",
         7: "TRANSVERSE", 8: "ROTATE_90"}


class PhotoError(_Failure):
    """A photo the build cannot use: the message is Vietnamese and names the file."""


@dataclass(frozen=True)
class Thumb:
    path: str     # site path, e.g. "anh/ca-nhan-tran-thi-lan-320.jpg"
    width: int
    height: int


def shown_path(source: Path) -> str:
    """The photo as officers know it: 'data/anh/lan.jpg'."""
    return "/".join(Path(source).parts[-3:])


def failure(source: Path, exc: Exception) -> PhotoError:
    """The build's error for a photo that failed (the checker should have refused it)."""
    return PhotoError(f"Không xử lý được ảnh '{shown_path(source)}' khi tạo trang web (chi tiết kỹ thuật: "
                      f"{type(exc).__name__}: {exc}). Mở ảnh bằng phần mềm xem ảnh, lưu lại dạng JPEG rồi chạy lại "
                      "lệnh kiểm tra python -m bangvang.check data; nếu lỗi vẫn còn, báo cho người quản trị kho.")


def thumbnails(source: Path, base: str) -> dict[Thumb, bytes]:
    """Clean JPEG copies of `source` in WIDTHS (never wider than the original), keyed by Thumb."""
    try:
        return _thumbnails(upright_rgb(source, WHITE), base)
    except PhotoError:
        raise
    except Exception as exc:  # never a traceback: the officer is told which photo, in Vietnamese
        raise failure(source, exc) from exc


def _thumbnails(rgb, base: str) -> dict[Thumb, bytes]:
    from PIL import Image

    result: dict[Thumb, bytes] = {}
    for width in WIDTHS:
        if width > rgb.width and width != WIDTHS[0]:
            break
        target = min(width, rgb.width)
        height = max(1, round(rgb.height * target / rgb.width))
        copy = rgb.resize((target, height), Image.Resampling.LANCZOS) if target != rgb.width else rgb.copy()
        out = io.BytesIO()
        # A fresh image carries no EXIF, GPS, ICC or comments: nothing of the original file's metadata.
        clean = Image.new("RGB", copy.size)
        clean.paste(copy)
        clean.save(out, "JPEG", quality=82, optimize=True)
        result[Thumb(f"anh/{base}-{width}.jpg", target, height)] = out.getvalue()
    return result


def upright_rgb(source: Path, background: tuple[int, int, int]):
    """The photo decoded, upright, in RGB: a JPEG at no less than DRAFT_SIDE square, to save time.

    The checker (images.py) decodes with the same steps: draft at DRAFT_SIDE, load, the EXIF
    orientation read alike. DRAFT_SIDE covers the widest thumbnail and the card's photo (536 px high).
    """
    from PIL import Image

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"PIL\.TiffImagePlugin")  # a damaged EXIF block: never published
        with Image.open(source) as image:
            image.draft("RGB", (DRAFT_SIDE, DRAFT_SIDE))  # JPEG: decode at 1/2, 1/4 or 1/8 when still large enough
            image.load()
            turn = TURNS.get(orientation(image))
            rgb = to_rgb(image, background)
    return rgb.transpose(Image.Transpose[turn]) if turn else rgb


def to_rgb(image, background: tuple[int, int, int]):
    """`image` in RGB: transparency laid on `background`, 16-bit grey scaled down rather than clipped."""
    from PIL import Image

    if image.mode.startswith("I"):  # 16-bit (or 32-bit) grey from a PNG: 0…65535 → 0…255
        image = image.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info:
        backed = Image.new("RGBA", image.size, background + (255,))
        return Image.alpha_composite(backed, image.convert("RGBA")).convert("RGB")
    return image.convert("RGB")
