"""Share cards: the 1200×630 picture that Zalo and Facebook show for a link to the site.

A card is drawn with Pillow in the site's colours, like an honour certificate: a cream sheet in a
dark-red frame with a gold rule, the kicker in gold capitals, the title large and bold (wrapped
at word boundaries, at most three lines, "…" when longer), up to three smaller lines, and the
site's name on the dark-red band at the foot. A photo, when given, fills the right 40 % of the
card (cropped to fit); without one a large pale star stands behind the text, which then takes
the whole width.

The text is set in Noto Serif, bundled in fonts/ (OFL.txt). The files are subsets made with
fontTools, keeping Latin, the Vietnamese letters, tone marks and punctuation:

    pyftsubset NotoSerif-Bold.ttf --layout-features='*' --no-hinting --drop-tables+=DSIG \\
        --unicodes=U+0020-007E,U+00A0-00FF,U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,\\
    U+01A0-01A1,U+01AF-01B0,U+0300-0304,U+0306,U+0309,U+0323,U+1EA0-1EF9,U+2010-2027,U+2030,\\
    U+2039-203A,U+20AB,U+2116,U+2212,U+25CC

Text is normalised to NFC first: every Vietnamese letter is then one precomposed glyph of the
font, drawn right by Pillow's basic layout as well as by Raqm (used when Pillow has it).

Drawing takes tens of milliseconds; CardCache keeps each card as a file named by the hash of
what it shows, so a rebuild draws only the cards whose content changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import nfc
from .thumbnails import failure, upright_rgb

WIDTH, HEIGHT = 1200, 630
# Change whenever the drawing changes (layout, colours, fonts): every cached card is drawn again.
DESIGN_VERSION = "2"
ELLIPSIS = "…"

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf"

# The site's colours (docs/assets/bangvang.css).
RED = (158, 27, 27)          # #9e1b1b, primary
RED_DARK = (127, 16, 16)     # #7f1010
GOLD = (184, 134, 11)        # #b8860b
GOLD_LIGHT = (240, 217, 140)  # #f0d98c
CREAM = (255, 248, 225)      # #fff8e1
STAR_PALE = (248, 234, 190)  # the watermark star, a shade darker than the cream
INK = (58, 46, 40)           # the smaller lines: warm dark grey

# Geometry, in pixels.
FRAME = 16            # dark-red frame around the sheet
RULE_INSET = 30       # the gold rule inside the frame
BAND = 78             # dark-red band at the foot, with the site's name
MARGIN = 72           # text's left margin
PHOTO_BOX = (WIDTH - FRAME - 480, FRAME, WIDTH - FRAME, HEIGHT - BAND)   # 480 px wide: 40 %
TITLE_SIZES = (76, 70, 64, 60, 56)   # the largest that fits in MAX_TITLE_LINES wins
MAX_TITLE_LINES = 3
MAX_LINES = 3
KICKER_SIZE, LINE_SIZE, FOOTER_SIZE = 26, 31, 25
TITLE_LEADING = 1.22  # × the title's size
LINE_LEADING = 43
ACCENT_SPACE = 26     # the gold accent under the kicker, and the space after it
TITLE_GAP = 12        # between the title and the smaller lines
TEXT_TOP, TEXT_BOTTOM = 58, HEIGHT - BAND - 40   # the text block is centred between these


@dataclass(frozen=True)
class Card:
    kicker: str                   # small line at the top: "Gương điển hình tiên tiến", "Sự kiện", a unit
    title: str                    # the big text: a name, an event's title
    lines: tuple[str, ...] = ()   # up to 3 smaller lines: the honour, the unit, the date
    footer: str = ""              # the site's name
    photo: Path | None = None     # JPEG/PNG/WebP shown on the right; None: a star instead
    alt: str = ""                 # og:image:alt; not drawn


# --- text layout ------------------------------------------------------------------------------

def wrap(text: str, measure: Callable[[str], float], width: float, max_lines: int) -> list[str]:
    """Break `text` into at most `max_lines` lines no wider than `width`, between words only.

    `measure` gives a string's width. Text left over is cut at a word boundary and ends in "…".
    A single word wider than a line (never seen in Vietnamese, whose words are syllables) is the
    one exception: it is cut where it overflows, with "…".

    >>> wrap("Nguyễn Thị Mỹ Ưng", len, 10, 3)
    ['Nguyễn Thị', 'Mỹ Ưng']
    >>> wrap("một hai ba bốn năm sáu", len, 7, 2)
    ['một hai', 'ba bốn…']
    """
    return _layout(text, measure, width, max_lines)[0]


def _layout(text: str, measure: Callable[[str], float], width: float, max_lines: int) -> tuple[list[str], bool]:
    """wrap()'s lines, and whether they hold the whole text (nothing cut)."""
    words = nfc(text).split()
    lines: list[str] = []
    while words and len(lines) < max_lines:
        taken = 1
        while taken < len(words) and measure(" ".join(words[:taken + 1])) <= width:
            taken += 1
        lines.append(" ".join(words[:taken]))
        words = words[taken:]
    too_wide = [i for i, line in enumerate(lines) if measure(line) > width]  # single words only
    for i in too_wide:
        lines[i] = _cut(lines[i], measure, width)
    if words and too_wide[-1:] != [len(lines) - 1]:  # leftover words, last line not cut already
        lines[-1] = _ellipsize(lines[-1], measure, width)
    return lines, not words and not too_wide


def _ellipsize(line: str, measure: Callable[[str], float], width: float) -> str:
    """`line` + "…", dropping words from its end until it fits (the first word is kept)."""
    words = line.split()
    while len(words) > 1 and measure(_closed(words)) > width:
        words.pop()
    return _closed(words) if measure(_closed(words)) <= width else _cut(words[0], measure, width)


def _closed(words: list[str]) -> str:
    """The words joined, without a trailing comma, dash or colon, then "…"."""
    return " ".join(words).rstrip(" ,;:–—-") + ELLIPSIS


def _cut(word: str, measure: Callable[[str], float], width: float) -> str:
    """A word too long for any line: its first letters that fit, then "…"."""
    while len(word) > 1 and measure(word + ELLIPSIS) > width:
        word = word[:-1]
    return word + ELLIPSIS


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False):
    """The bundled Noto Serif at `size` px, with Raqm layout when Pillow has it."""
    from PIL import ImageFont
    from PIL import features

    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(FONTS / (BOLD if bold else REGULAR)), size, layout_engine=engine)


def fit_title(title: str, width: int, height: int) -> tuple[int, list[str]]:
    """The largest title size whose lines hold the whole title in `width` × `height`, and those lines.

    Lines are balanced: as many as the greedy wrap needs, each as short as it can be ("Bảng vàng /
    xã An Bình", not "Bảng vàng xã An / Bình"). A title too long even at the smallest
    size is cut, with "…", on its last line.
    """
    for size in TITLE_SIZES:
        measure = font(size, True).getlength
        lines, complete = _layout(title, measure, width, MAX_TITLE_LINES)
        if complete and len(lines) * _leading(size) <= height:
            return size, _balanced(title, measure, width, lines)
    return size, lines


def _balanced(text: str, measure: Callable[[str], float], width: int, lines: list[str]) -> list[str]:
    """The same number of lines at the narrowest width that still holds the whole text."""
    low, high = width // 2, width
    while len(lines) > 1 and low < high:
        middle = (low + high) // 2
        narrower, complete = _layout(text, measure, middle, len(lines))
        if complete:
            high, lines = middle, narrower
        else:
            low = middle + 1
    return lines


def _leading(size: int) -> int:
    """Distance from one title line to the next."""
    return round(size * TITLE_LEADING)


# --- drawing ----------------------------------------------------------------------------------

def draw(card: Card) -> bytes:
    """The card as PNG bytes: exactly WIDTH×HEIGHT, 256 colours, no metadata chunk."""
    from PIL import Image, ImageDraw

    sheet = Image.new("RGB", (WIDTH, HEIGHT), CREAM)
    pen = ImageDraw.Draw(sheet)
    text_right = (PHOTO_BOX[0] if card.photo else WIDTH - FRAME) - 48
    if card.photo:
        _photo(sheet, pen, Path(card.photo))
    else:
        _star(pen, (WIDTH - 270, (HEIGHT - BAND) // 2 + 12), 215, STAR_PALE)
    _frame(pen, photo=card.photo is not None)
    _text(pen, card, MARGIN, text_right - MARGIN)
    _footer(pen, card.footer)
    return _png(sheet, PHOTO_BOX if card.photo else None)


def _frame(pen, photo: bool) -> None:
    """Dark-red frame, the gold rule inside it (open towards the photo) and the band at the foot."""
    pen.rectangle((0, 0, WIDTH - 1, HEIGHT - 1), outline=RED, width=FRAME)
    pen.rectangle((0, HEIGHT - BAND, WIDTH, HEIGHT), fill=RED)
    right = PHOTO_BOX[0] - 1 if photo else WIDTH - RULE_INSET - 1
    bottom = HEIGHT - BAND - 14
    pen.line((RULE_INSET, RULE_INSET, right, RULE_INSET), fill=GOLD, width=3)
    pen.line((RULE_INSET, RULE_INSET, RULE_INSET, bottom), fill=GOLD, width=3)
    pen.line((RULE_INSET, bottom, right, bottom), fill=GOLD, width=3)
    if not photo:
        pen.line((right, RULE_INSET, right, bottom), fill=GOLD, width=3)
    pen.line((0, HEIGHT - BAND, WIDTH, HEIGHT - BAND), fill=GOLD, width=4)


def _photo(sheet, pen, path: Path) -> None:
    """The photo, upright and cropped to the right panel, with a gold edge on its left.

    Decoded as the thumbnails are (thumbnails.upright_rgb, transparency on the cream); a photo that
    fails all the same stops the build with a Vietnamese PhotoError naming it, never a traceback.
    """
    from PIL import Image, ImageOps

    left, top, right, bottom = PHOTO_BOX
    size = (right - left, bottom - top)
    try:
        upright = upright_rgb(path, CREAM)
        # Faces sit in the upper part of portraits: crop a little above the middle.
        fitted = ImageOps.fit(upright, size, Image.Resampling.LANCZOS, centering=(0.5, 0.4))
    except Exception as exc:
        raise failure(path, exc) from exc
    sheet.paste(fitted, (left, top))
    pen.line((left - 3, 0, left - 3, HEIGHT - BAND), fill=GOLD, width=6)


def _text(pen, card: Card, left: int, width: int) -> None:
    """Kicker, gold accent, title and the smaller lines, as one block centred in the sheet."""
    kicker = font(KICKER_SIZE, True)
    label = wrap(nfc(card.kicker).upper(), kicker.getlength, width, 1) if card.kicker.strip() else []
    small = font(LINE_SIZE)
    lines = [wrap(text, small.getlength, width, 1)[0] for text in card.lines if text.strip()][:MAX_LINES]
    head = len(label) * (KICKER_SIZE + 16) + ACCENT_SPACE
    foot = TITLE_GAP + len(lines) * LINE_LEADING if lines else 0
    size, title_lines = fit_title(card.title, width, TEXT_BOTTOM - TEXT_TOP - head - foot)
    total = head + len(title_lines) * _leading(size) + foot
    y = TEXT_TOP + max(0, (TEXT_BOTTOM - TEXT_TOP - total) // 2)
    for text in label:
        pen.text((left, y), text, font=kicker, fill=GOLD, anchor="lt")
        y += KICKER_SIZE + 16
    pen.line((left, y, left + 96, y), fill=GOLD, width=4)
    y += ACCENT_SPACE
    title = font(size, True)
    for text in title_lines:
        pen.text((left, y), text, font=title, fill=RED_DARK, anchor="lt")
        y += _leading(size)
    y += TITLE_GAP
    for text in lines:
        pen.text((left, y), text, font=small, fill=INK, anchor="lt")
        y += LINE_LEADING


def _footer(pen, footer: str) -> None:
    """A small gold star and the site's name on the band at the foot."""
    middle = HEIGHT - BAND // 2
    _star(pen, (MARGIN + 12, middle), 14, GOLD_LIGHT)
    if footer.strip():
        face = font(FOOTER_SIZE, True)
        line = wrap(footer, face.getlength, WIDTH - MARGIN - 40 - MARGIN, 1)[0]
        pen.text((MARGIN + 40, middle), line, font=face, fill=GOLD_LIGHT, anchor="lm")


def _star(pen, centre: tuple[int, int], radius: int, colour) -> None:
    """A five-pointed star, point up, as on the national emblem."""
    cx, cy = centre
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.382
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    pen.polygon(points, fill=colour)


def _png(sheet, photo_box: tuple[int, int, int, int] | None) -> bytes:
    """PNG bytes with nothing but the pixels: no text, time, gamma, ICC or resolution chunk.

    256 colours: a third of the size of an RGB PNG (a photo card ~60–200 KB, one without ~20 KB).
    The photo alone is dithered, which keeps faces and skies free of bands; the flat colours and
    the text are not, so they stay clean and compress well.
    """
    from PIL import Image

    indexed = sheet.quantize(256, method=Image.Quantize.FASTOCTREE)
    if photo_box:
        dithered = sheet.crop(photo_box).quantize(palette=indexed, dither=Image.Dither.FLOYDSTEINBERG)
        indexed.paste(dithered, photo_box[:2])
    out = io.BytesIO()
    indexed.save(out, "PNG", optimize=True)
    return out.getvalue()


# --- cache ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _renderer() -> str:
    """What else decides the pixels: Pillow's version and its layout engine."""
    import PIL
    from PIL import features

    return f"pillow {PIL.__version__} raqm {features.check('raqm')}"


class CardCache:
    """Cards kept as <folder>/<key>.png, drawn again only when what they show changes.

    The key is the SHA-256 of DESIGN_VERSION, the renderer, the drawn texts and the photo's bytes
    (alt text is not drawn, so not in the key). `drawn` counts the cards drawn by this object.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.drawn = 0

    def key(self, card: Card) -> str:
        texts = [DESIGN_VERSION, _renderer(), card.kicker, card.title, list(card.lines), card.footer]
        digest = hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode("utf-8"))
        if card.photo is not None:  # JSON has no raw NUL: the texts and the photo cannot run together
            digest.update(b"\0photo\0" + Path(card.photo).read_bytes())
        return digest.hexdigest()

    def png(self, card: Card) -> bytes:
        """The card's PNG, from the cache when it is there, else drawn and stored."""
        if self.folder is None:
            self.drawn += 1
            return draw(card)
        path = self.folder / f"{self.key(card)}.png"
        try:
            return path.read_bytes()
        except FileNotFoundError:
            pass
        data = draw(card)
        self.drawn += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, path)  # never a half-written card, even with two builds at once
        return data


def cache_folder(project_root: Path) -> Path:
    """BANGVANG_CACHE when set, else <project_root>/.cache/bangvang/cards."""
    configured = os.environ.get("BANGVANG_CACHE")
    return Path(configured) if configured else Path(project_root) / ".cache" / "bangvang" / "cards"
