"""Real photo files made with Pillow for the tests: ordinary, odd but usable, and degenerate.

Each maker returns the file's bytes. ODD photos must build (thumbnails and share cards made from
them); DEGENERATE ones must be refused by the checker with the code given (images.py). Photos are
a smooth picture with a little grain, so that they compress like real ones and a cut file really
lacks part of its picture.
"""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def picture(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """A smooth gradient with grain, in `mode`."""
    width, height = size
    base = Image.linear_gradient("L").resize(size)
    grain = Image.effect_noise(size, 12)
    rgb = Image.merge("RGB", (base, Image.blend(base, grain, 0.5), grain.transpose(Image.Transpose.FLIP_TOP_BOTTOM)))
    return rgb.convert(mode)


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def jpeg(size=(200, 150), mode: str = "RGB", **params) -> bytes:
    return encode(picture(size, mode), "JPEG", quality=85, **params)


def png(size=(200, 150), mode: str = "RGB", **params) -> bytes:
    return encode(picture(size, mode), "PNG", **params)


def webp(size=(200, 150), mode: str = "RGB", **params) -> bytes:
    return encode(picture(size, mode), "WEBP", **params)


def with_orientation(size: tuple[int, int], orientation, fmt: str = "JPEG") -> bytes:
    """A photo stored `size`, whose EXIF says to show it turned (`orientation` 1–8, or an odd value)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode(picture(size), fmt, exif=exif)


def broken_exif_jpeg(size=(200, 150)) -> bytes:
    """A JPEG whose EXIF block claims 65 535 entries and holds none."""
    return encode(picture(size), "JPEG", exif=b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\xff" + b"\x00" * 8)


def grey16_png(size=(120, 90), level: int = 40000) -> bytes:
    """16-bit greyscale (Pillow mode I;16): a mid grey that a plain conversion would clip to white."""
    return encode(Image.new("I;16", size, level), "PNG")


def raw16_png(size=(120, 90), grey: bool = False, transparent: bool = False) -> bytes:
    """16 bits a sample, RGB or grey, written by hand (Pillow writes no 48-bit PNG, nor a tRNS for it):
    the left half one colour, the right half a gradient; `transparent`: the left half's colour is see-through."""
    width, height = size
    left = (1000,) if grey else (1000, 30000, 3000)

    def sample(x: int) -> tuple:
        return left if x < width // 2 else (x * 65535 // width,) if grey else (x * 65535 // width, 30000, 60000)

    form = ">" + "H" * len(left)
    raw = b"".join(b"\x00" + b"".join(struct.pack(form, *sample(x)) for x in range(width)) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 16, 0 if grey else 2, 0, 0, 0)
    trns = chunk(b"tRNS", struct.pack(form, *left)) if transparent else b""
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + trns + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def palette_transparent_png(size=(120, 90)) -> bytes:
    """A palette PNG whose transparency is given per palette entry (tRNS as bytes)."""
    image = picture(size).quantize(16)
    return encode(image, "PNG", transparency=bytes([0, 128] + [255] * 14))


def animated(fmt: str, size=(120, 90)) -> bytes:
    """Two frames: an animated PNG or WebP."""
    first, second = picture(size), picture(size).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return encode(first, fmt, save_all=True, append_images=[second], duration=200, loop=0)


def mpo(size=(200, 150)) -> bytes:
    """A multi-picture JPEG, as some phones save (a second, smaller image after the first)."""
    return encode(picture(size), "MPO", save_all=True, append_images=[picture((size[0] // 2, size[1] // 2))])


def cut(data: bytes, keep: float = 0.5) -> bytes:
    """The first part of a file: an upload that stopped half way."""
    return data[: int(len(data) * keep)]


def corrupt_png(size=(200, 150)) -> bytes:
    """A PNG whose compressed picture data is damaged: its zlib header fails its check. (Bytes
    overwritten in the middle are not always an error: where the noise did not compress, zlib
    stores it as is, and Pillow stops before the checksum at the end.)"""
    data = bytearray(png(size))
    start = data.index(b"IDAT") + 4
    data[start:start + 2] = b"\x78\x00"  # (0x78 << 8 | 0x00) % 31 != 0: "incorrect header check"
    return bytes(data)


def bilevel_png(size) -> bytes:
    """A 1-bit PNG: tiny on disk whatever its size in pixels (a decompression bomb)."""
    return encode(Image.new("1", size), "PNG", optimize=True)


# name → (file extension, bytes maker): usable, if odd; each must build.
ODD = {
    "cmyk-jpeg": (".jpg", lambda: jpeg(mode="CMYK")),
    "grey-jpeg": (".jpg", lambda: jpeg(mode="L")),
    "progressive-jpeg": (".jpg", lambda: jpeg(progressive=True)),
    "grey16-png": (".png", grey16_png),
    "rgb48-png": (".png", raw16_png),
    "palette-transparent-png": (".png", palette_transparent_png),
    "grey-alpha-png": (".png", lambda: png(mode="LA")),
    "rgba-png": (".png", lambda: png(mode="RGBA")),
    "bilevel-png": (".png", lambda: png(mode="1")),
    "rgba-webp": (".webp", lambda: webp(mode="RGBA")),
    "lossless-webp": (".webp", lambda: webp(lossless=True)),
    "animated-png": (".png", lambda: animated("PNG")),
    "animated-webp": (".webp", lambda: animated("WEBP")),
    "mpo": (".jpg", mpo),
    "exif-rotated-6": (".jpg", lambda: with_orientation((200, 100), 6)),
    "exif-rotated-8-png": (".png", lambda: with_orientation((200, 100), 8, "PNG")),
    "exif-mirrored-5": (".jpg", lambda: with_orientation((200, 100), 5)),
    "exif-orientation-0": (".jpg", lambda: with_orientation((200, 100), 0)),
    "exif-orientation-9": (".jpg", lambda: with_orientation((200, 100), 9)),
    "broken-exif": (".jpg", broken_exif_jpeg),
    "smallest": (".png", lambda: png((32, 32))),
    "thin-6-to-1": (".png", lambda: png((32, 192))),
    "wide-6-to-1": (".jpg", lambda: jpeg((1200, 200))),
    "wide-turned-upright": (".jpg", lambda: with_orientation((192, 32), 6)),
    "large-jpeg": (".jpg", lambda: jpeg((2600, 1500))),
}

# name → (extension, maker, the checker's code): refused at the photo's line.
DEGENERATE = {
    "line-400x1": (".png", lambda: png((400, 1)), "anh-sai-kich-thuoc"),
    "column-1x70000": (".png", lambda: png((1, 70000)), "anh-sai-kich-thuoc"),
    "side-31": (".png", lambda: png((31, 100)), "anh-sai-kich-thuoc"),
    "ratio-just-over-6": (".jpg", lambda: jpeg((32, 193)), "anh-sai-kich-thuoc"),
    "ratio-7-turned": (".jpg", lambda: with_orientation((700, 100), 6), "anh-sai-kich-thuoc"),
    "truncated-jpeg": (".jpg", lambda: cut(jpeg((800, 600))), "anh-khong-hop-le"),
    "truncated-progressive-jpeg": (".jpg", lambda: cut(jpeg((800, 600), progressive=True), 0.8), "anh-khong-hop-le"),
    "truncated-png": (".png", lambda: cut(png((400, 300))), "anh-khong-hop-le"),
    "truncated-webp": (".webp", lambda: cut(webp((400, 300))), "anh-khong-hop-le"),
    "corrupt-png": (".png", corrupt_png, "anh-khong-hop-le"),
    "rgb48-transparent-png": (".png", lambda: raw16_png(transparent=True), "anh-khong-hop-le"),
    "grey16-transparent-png": (".png", lambda: raw16_png(grey=True, transparent=True), "anh-khong-hop-le"),
    "header-only-jpeg": (".jpg", lambda: cut(jpeg((400, 300)), 0.1), "anh-khong-hop-le"),
    "too-many-pixels": (".png", lambda: bilevel_png((6400, 6400)), "anh-khong-hop-le"),
    "decompression-bomb": (".png", lambda: bilevel_png((10000, 9000)), "anh-khong-hop-le"),
}


def scan(rng) -> bytes | None:
    """A signed original as random trees draw it: a one-page PDF, mostly; sometimes a broken one, or none."""
    r = rng.random()
    if r < 0.8:
        import io

        import pikepdf

        pdf, out = pikepdf.new(), io.BytesIO()
        pdf.add_blank_page(page_size=(595, 842))
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog" if r < 0.9 else None
