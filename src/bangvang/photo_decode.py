"""What the checker (images.py) and the build (thumbnails.py, cards.py) must read alike in a photo,
declared once so that a photo the checker passes is decoded the same way by the build."""

from __future__ import annotations

import warnings

DRAFT_SIDE = 640       # JPEGs are decoded at no less than this square: the widest thumbnail
ORIENTATION = 0x0112   # the EXIF tag; values 5 to 8 turn the photo by a quarter


def orientation(image) -> int:
    """The EXIF orientation (1 to 8); 1 when there is none, or it cannot be read (then the photo is
    shown as stored: the block is never published, and phones and editors write odd ones)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = image.getexif().get(ORIENTATION, 1)
    except Exception:
        return 1
    return value if type(value) is int and 1 <= value <= 8 else 1
