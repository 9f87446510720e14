"""Share cards (src/bangvang/cards.py): the picture, its text layout, its cache, and its meta tags."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import jinja2
import pytest
from PIL import Image, ImageDraw, ImageFont, features

from bangvang import cards
from bangvang.cards import ELLIPSIS, Card, CardCache, cache_folder, draw, fit_title, font, wrap

REPO = Path(__file__).resolve().parent.parent
PERSON = Card("Gương điển hình tiên tiến", "Nguyễn Thị Mỹ Ưng",
              ("Bằng khen của Chủ tịch UBND tỉnh", "Thôn Phổ Minh, tỉnh Quảng Ngãi", "Ngày 12 tháng 5 năm 2024"),
              "Bảng vàng phường Phổ Minh", alt="Thẻ chia sẻ: Nguyễn Thị Mỹ Ưng")
LONG_TITLE = ("Đại hội thi đua yêu nước phường Phổ Minh lần thứ V, giai đoạn 2025–2030, tổng kết phong trào "
              "thi đua và khen thưởng các tập thể, cá nhân tiêu biểu xuất sắc trong năm năm qua")
BLUE = (20, 60, 160)


def photo(path: Path, colour=BLUE, fmt="JPEG", size=(600, 800)) -> Path:
    Image.new("RGB", size, colour).save(path, fmt)
    return path


def chunks(png: bytes) -> list[str]:
    """The chunk types of a PNG file, in order."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    found, pos = [], 8
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        found.append(kind.decode("ascii"))
        pos += 12 + length
    return found


# --- the picture --------------------------------------------------------------------------------

@pytest.mark.parametrize("with_photo", [False, True])
def test_card_is_a_1200_by_630_png_without_metadata(tmp_path, with_photo):
    card = Card(PERSON.kicker, PERSON.title, PERSON.lines, PERSON.footer,
                photo(tmp_path / "a.jpg") if with_photo else None)
    png = draw(card)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (cards.WIDTH, cards.HEIGHT) == (1200, 630)
        image.load()  # decodes the whole picture
        assert not image.info, image.info  # no text, dpi, gamma, ICC profile
    assert set(chunks(png)) <= {"IHDR", "PLTE", "IDAT", "IEND"}


def test_photo_is_shown_on_the_right(tmp_path):
    with_photo = Card(PERSON.kicker, PERSON.title, PERSON.lines, PERSON.footer, photo(tmp_path / "a.jpg"))
    plain, pictured = draw(PERSON), draw(with_photo)
    assert plain != pictured
    with Image.open(io.BytesIO(pictured)) as image:
        r, g, b = image.convert("RGB").getpixel((960, 280))
    assert abs(r - BLUE[0]) + abs(g - BLUE[1]) + abs(b - BLUE[2]) < 40  # the photo fills the right panel
    with Image.open(io.BytesIO(plain)) as image:
        assert image.convert("RGB").getpixel((960, 280)) != (r, g, b)


@pytest.mark.parametrize("fmt,suffix", [("PNG", "png"), ("WEBP", "webp")])
def test_png_and_webp_photos_are_drawn(tmp_path, fmt, suffix):
    if fmt == "WEBP" and not features.check("webp"):
        pytest.skip("Pillow built without WebP")
    source = tmp_path / f"a.{suffix}"
    Image.new("RGBA", (300, 300), BLUE + (255,)).save(source, fmt)
    assert draw(Card("Tập thể", "Hội Nông dân thôn 3", photo=source)) != draw(Card("Tập thể", "Hội Nông dân thôn 3"))


def test_a_minimal_card_draws():
    with Image.open(io.BytesIO(draw(Card("", "Bảng vàng")))) as image:
        assert image.size == (1200, 630)


# --- Vietnamese text ------------------------------------------------------------------------------

def ink_box(text: str, face) -> tuple[int, int, int, int]:
    """The box of the pixels actually inked when `text` is drawn."""
    canvas = Image.new("L", (400, 400), 0)
    ImageDraw.Draw(canvas).text((100, 100), text, font=face, fill=255)
    return canvas.getbbox()


ENGINES = [ImageFont.Layout.BASIC] + ([ImageFont.Layout.RAQM] if features.check("raqm") else [])


@pytest.mark.parametrize("engine", ENGINES, ids=lambda e: {0: "basic", 1: "raqm"}[e])
@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_stacked_diacritics_are_drawn(engine, bold):
    """Ệ carries a circumflex above and a dot below: its ink is taller than E's, above and below."""
    face = ImageFont.truetype(str(cards.FONTS / (cards.BOLD if bold else cards.REGULAR)), 80, layout_engine=engine)
    _, e_top, _, e_bottom = ink_box("E", face)
    _, top, _, bottom = ink_box("Ệ", face)
    assert top < e_top - 10 and bottom > e_bottom + 5
    # Every Vietnamese letter has its own glyph in the bundled subset (no blank box, no fallback).
    letters = "ăâđêôơưĂÂĐÊÔƠƯ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
    notdef = face.getmask("\uffff").getbbox()
    assert all(face.getmask(ch).getbbox() != notdef for ch in letters)


def test_decomposed_text_is_set_as_precomposed_letters():
    measure = font(60, True).getlength
    assert wrap("E\u0323\u0302 Nguye\u0302\u0303n", measure, 1000, 1) == ["Ệ Nguyễn"]


def test_bundled_font_is_noto_with_its_licence():
    assert (cards.FONTS / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1
    for name in (cards.REGULAR, cards.BOLD):
        assert (cards.FONTS / name).stat().st_size < 150_000  # a subset, not the whole font
        assert font(40, name == cards.BOLD).getname()[0] == "Noto Serif"


# --- wrapping -------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [260, 320, 480, 640])
def test_vietnamese_title_wraps_between_words(width):
    title = "Đại hội thi đua yêu nước phường Phổ Minh, tỉnh Quảng Ngãi"
    measure = font(56, True).getlength
    lines = wrap(title, measure, width, 10)
    assert " ".join(lines).split() == title.split()  # every word whole, in order, none lost
    assert all(measure(line) <= width for line in lines)
    assert len(lines) > 1


def test_wrap_with_simple_widths():
    assert wrap("Nguyễn Thị Mỹ Ưng", len, 10, 3) == ["Nguyễn Thị", "Mỹ Ưng"]
    assert wrap("một hai ba bốn năm sáu", len, 7, 2) == ["một hai", "ba bốn…"]
    assert wrap("một, hai ba", len, 6, 1) == ["một…"]  # no comma before the ellipsis
    assert wrap("   ", len, 10, 3) == []


def test_a_word_longer_than_a_line_is_cut():
    assert wrap("ab cdefghijkl mn", len, 5, 3) == ["ab", "cdef…", "mn"]


def test_long_title_is_cut_with_an_ellipsis_in_three_lines():
    size, lines = fit_title(LONG_TITLE, 600, 400)
    assert size == min(cards.TITLE_SIZES) >= 56
    assert len(lines) == 3 and lines[-1].endswith(ELLIPSIS)
    shown = " ".join(lines)[:-1].split()
    words = LONG_TITLE.split()[:len(shown)]
    assert shown[:-1] == words[:-1] and shown[-1] == words[-1].rstrip(",")  # whole words, then "…"
    assert all(font(size, True).getlength(line) <= 600 for line in lines)


def test_short_title_gets_the_largest_size_and_balanced_lines():
    size, lines = fit_title("Nguyễn Thị Mỹ Ưng", 1000, 400)
    assert (size, lines) == (max(cards.TITLE_SIZES), ["Nguyễn Thị Mỹ Ưng"])
    size, lines = fit_title("Bảng vàng phường Phổ Minh", 1000, 400)
    measure = font(size, True).getlength
    greedy = wrap("Bảng vàng phường Phổ Minh", measure, 1000, 3)
    assert greedy == ["Bảng vàng phường Phổ", "Minh"]  # a lone word on the last line
    assert lines == ["Bảng vàng", "phường Phổ Minh"]   # the narrowest two lines


# --- cache ----------------------------------------------------------------------------------------

def test_cache_draws_once_and_again_only_when_the_card_changes(tmp_path):
    picture = photo(tmp_path / "a.jpg")
    card = Card(PERSON.kicker, PERSON.title, PERSON.lines, PERSON.footer, picture)
    cache = CardCache(tmp_path / "cache")
    first = cache.png(card)
    stored = tmp_path / "cache" / f"{cache.key(card)}.png"
    assert stored.read_bytes() == first and cache.drawn == 1
    mtime = stored.stat().st_mtime_ns

    assert CardCache(tmp_path / "cache").png(card) == first  # another build, same content
    assert cache.png(card) == first and cache.drawn == 1 and stored.stat().st_mtime_ns == mtime

    photo(picture, colour=(160, 40, 20))  # the photo's bytes change, not its name
    assert cache.png(card) != first and cache.drawn == 2
    changed = Card(PERSON.kicker, PERSON.title, PERSON.lines[:2], PERSON.footer, picture)
    cache.png(changed)
    assert cache.drawn == 3
    assert len(list((tmp_path / "cache").iterdir())) == 3  # no partial file left behind


def test_cache_key_covers_what_is_drawn_and_only_that(tmp_path, monkeypatch):
    cache = CardCache(tmp_path)
    key = cache.key(PERSON)
    assert cache.key(Card(PERSON.kicker, PERSON.title, PERSON.lines, PERSON.footer, alt="khác")) == key
    for other in (Card("Sự kiện", PERSON.title, PERSON.lines, PERSON.footer),
                  Card(PERSON.kicker, PERSON.title + ".", PERSON.lines, PERSON.footer),
                  Card(PERSON.kicker, PERSON.title, ("Bằng khen của Chủ tịch UBND tỉnh",), PERSON.footer),
                  Card(PERSON.kicker, PERSON.title, PERSON.lines, "")):
        assert cache.key(other) != key
    monkeypatch.setattr(cards, "DESIGN_VERSION", cards.DESIGN_VERSION + "-next")
    assert cache.key(PERSON) != key


def test_no_cache_folder_draws_every_time():
    cache = CardCache(None)
    assert cache.png(PERSON) == cache.png(PERSON) and cache.drawn == 2


def test_cache_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("BANGVANG_CACHE", raising=False)
    assert cache_folder(tmp_path) == tmp_path / ".cache" / "bangvang" / "cards"
    monkeypatch.setenv("BANGVANG_CACHE", str(tmp_path / "elsewhere"))
    assert cache_folder(tmp_path) == tmp_path / "elsewhere"


def test_cache_is_not_committed():
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").split()
    assert "/.cache/" in ignored or ".cache/" in ignored


def test_fonts_ship_in_the_package():
    package_data = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"fonts/*"' in package_data


# --- meta tags (overrides/main.html) ------------------------------------------------------------

def extrahead(page_meta: dict, site_url: str = "", extra: dict | None = None) -> str:
    """The block `extrahead` of overrides/main.html, rendered for a page with `page_meta`."""
    import material

    loader = jinja2.FileSystemLoader([str(REPO / "overrides"), str(Path(material.__file__).parent / "templates")])
    env = jinja2.Environment(loader=loader)
    env.filters["url"] = lambda path: "../../" + path  # MkDocs: relative to the page
    template = env.get_template("main.html")
    page = {"title": "Nguyễn Thị Mỹ Ưng", "is_homepage": False, "meta": page_meta, "canonical_url": None}
    config = {"site_name": "Bảng vàng", "site_description": "", "site_url": site_url, "extra": extra or {}}
    context = template.new_context({"page": page, "config": config})
    return "".join(template.blocks["extrahead"](context))


def test_a_page_with_a_card_has_open_graph_image_tags():
    card = {"path": "the/ca-nhan/nguyen-thi-my-ung.png", "alt": 'Thẻ "Nguyễn Thị Mỹ Ưng" <&>'}
    html = extrahead({"bv_card": card}, site_url="https://vidu.github.io/bang-vang/")
    url = "https://vidu.github.io/bang-vang/the/ca-nhan/nguyen-thi-my-ung.png"
    for tag in (f'<meta property="og:image" content="{url}">',
                '<meta property="og:image:width" content="1200">', '<meta property="og:image:height" content="630">',
                '<meta property="og:image:alt" content="Thẻ &#34;Nguyễn Thị Mỹ Ưng&#34; &lt;&amp;&gt;">',
                '<meta name="twitter:card" content="summary_large_image">'):
        assert tag in html
    assert 'content="summary"' not in html
    assert "twitter:image" not in html  # X reads og:image when twitter:image is absent: not written twice
    assert "og:image:type" not in html  # read from the PNG itself


def test_without_site_url_the_card_is_linked_relative_to_the_page():
    html = extrahead({"bv_card": {"path": "the/a.png", "alt": "A"}})
    assert '<meta property="og:image" content="../../the/a.png">' in html


def test_a_page_without_a_card_uses_the_site_card_or_none():
    html = extrahead({}, "https://x.vn/", extra={"bv_card": {"path": "the/trang-chu.png", "alt": "Bảng vàng"}})
    assert '<meta property="og:image" content="https://x.vn/the/trang-chu.png">' in html
    html = extrahead({})
    assert "og:image" not in html and '<meta name="twitter:card" content="summary">' in html
