"""Photos as published: small clean copies, never the officer's file.

Copies are re-encoded JPEGs in three widths, turned upright and stripped of every metadata block
(EXIF, GPS position, camera, comments). The photos are checked when data is loaded (images.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

WIDTHS = (160, 320, 640)


@dataclass(frozen=True)
class Thumb:
    path: str     # site path, e.g. "anh/ca-nhan-tran-thi-lan-320.jpg"
    width: int
    height: int



def thumbnails(source: Path, base: str) -> dict[Thumb, bytes]:
    """Clean JPEG copies of `source` in WIDTHS (never wider than the original), keyed by Thumb."""
    from PIL import Image, ImageOps

    result: dict[Thumb, bytes] = {}
    with Image.open(source) as original:
        upright = ImageOps.exif_transpose(original)
        rgb = upright.convert("RGB")
        for width in WIDTHS:
            if width > rgb.width and width != WIDTHS[0]:
                break
            target = min(width, rgb.width)
            height = round(rgb.height * target / rgb.width)
            copy = rgb.resize((target, height), Image.Resampling.LANCZOS) if target != rgb.width else rgb.copy()
            out = io.BytesIO()
            # A fresh image carries no EXIF, GPS, ICC or comments: nothing of the original file's metadata.
            clean = Image.new("RGB", copy.size)
            clean.paste(copy)
            clean.save(out, "JPEG", quality=82, optimize=True)
            result[Thumb(f"anh/{base}-{width}.jpg", target, height)] = out.getvalue()
    return result
