"""Photos: checked at load (type, size, place, case, decoded whole, shape), published as clean thumbnails,
alt text required; a photo the checker passes always builds, and a build that meets a bad one all the
same says so in Vietnamese, never with a traceback.

The photos are real files made with Pillow (photokit.py). Measured on this project's 2-core test host
(shared, load ≈ 3), the whole decode costs per photo: JPEG 4000×3000 57 ms, 2048×1536 14 ms, PNG
1200×900 20 ms, WebP 1600×1200 59 ms (header only, as before: 0.5–2 ms); 300 such photos 13–16 s on a
first check, 0.23 s on the next (verdicts kept in .cache/bangvang/anh/), 0.13–0.24 s again in one process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from bangvang import cards, images, thumbnails
from bangvang.codes import SAMPLE
from bangvang.public import load_view

import photokit
from sitebuild import FIXTURE_DATA, REPO, build_site, visible_text

TODAY = date(2026, 11, 28)
PERSON = "- id: tran-thi-lan\n  loai: ca_nhan\n  ho: Trần\n  ten_dem: Thị\n  ten: Lan\n"


def tree(base: Path, photo_field: str | None, files: dict[str, bytes]) -> Path:
    root = base / "data"
    consent = "    dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}\n"
    people = PERSON + (f"  anh:\n    tep: {photo_field}\n    mo_ta: Chị Lan tại hội nghị\n{consent}" if photo_field else "") + \
        "- id: thon-3\n  loai: tap_the\n  ten: Thôn 3\n"
    for rel, content in {**SAMPLE, "doi-tuong/doi-tuong.yml": people}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")
    for rel, content in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(content)
    return root


def jpeg(size=(200, 150)) -> bytes:
    import io
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


def codes_at(root: Path) -> set[tuple[str, str]]:
    _, issues = load_view(root, today=TODAY)
    return {(i.code, i.position.path) for i in issues.items}


def test_a_valid_photo_loads(tmp_path):
    board, issues = load_view(tree(tmp_path, "anh/lan.jpg", {"anh/lan.jpg": jpeg()}), today=TODAY)
    assert issues.items == [], issues.report()
    assert board.by_id["doi_tuong"]["tran-thi-lan"].photo.alt == "Chị Lan tại hội nghị"


@pytest.mark.parametrize("field, files, code, where", [
    ("../../.git/config", {}, "duong-dan-anh", "data/doi-tuong/doi-tuong.yml"),
    ("/etc/passwd", {}, "duong-dan-anh", "data/doi-tuong/doi-tuong.yml"),
    ("anh/Lan.JPG", {"anh/Lan.JPG": jpeg()}, "duong-dan-anh", "data/doi-tuong/doi-tuong.yml"),
    ("https://example.com/lan.jpg", {}, "anh-ben-ngoai", "data/doi-tuong/doi-tuong.yml"),
    ("data:image/png;base64,AAAA", {}, "anh-ben-ngoai", "data/doi-tuong/doi-tuong.yml"),
    ("anh/lan.jpg", {}, "thieu-tep-anh", "data/doi-tuong/doi-tuong.yml"),
    ("anh/lan.jpg", {"anh/LAN.jpg": jpeg()}, "thieu-tep-anh", "data/doi-tuong/doi-tuong.yml"),
    ("anh/lan.jpg", {"anh/lan.jpg": b"<html>not a photo</html>"}, "anh-khong-hop-le", "data/doi-tuong/doi-tuong.yml"),
    ("anh/lan.png", {"anh/lan.png": jpeg()}, "anh-khong-hop-le", "data/doi-tuong/doi-tuong.yml"),
    ("anh/lan.jpg", {"anh/lan.jpg": b"\xff\xd8\xff" + b"\0" * 100}, "anh-khong-hop-le", "data/doi-tuong/doi-tuong.yml"),
    ("anh/lan.jpg", {"anh/lan.jpg": b"\xff\xd8\xff" + b"\0" * (8 * 1024 * 1024)}, "anh-qua-lon", "data/doi-tuong/doi-tuong.yml"),
    (None, {"anh/thua.jpg": jpeg()}, "tep-khong-duoc-dung", "data/anh/thua.jpg"),
], ids=["traversal", "absolute", "uppercase-name", "remote", "data-url", "missing", "case-mismatch", "not-an-image",
        "wrong-type", "broken-jpeg", "too-big", "unused"])
def test_bad_photos_are_refused(tmp_path, field, files, code, where):
    assert (code, where) in codes_at(tree(tmp_path, field, files))


def test_symlinked_photo_is_refused(tmp_path):
    outside = tmp_path / "secret.jpg"
    outside.write_bytes(jpeg())
    root = tree(tmp_path, "anh/lan.jpg", {})
    (root / "anh").mkdir(exist_ok=True)
    os.symlink(outside, root / "anh" / "lan.jpg")
    assert ("lien-ket-tep", "data/doi-tuong/doi-tuong.yml") in codes_at(root)


def test_alt_text_is_required(tmp_path):
    root = tree(tmp_path, None, {"anh/lan.jpg": jpeg()})
    people = root / "doi-tuong" / "doi-tuong.yml"
    people.write_text(PERSON + "  anh:\n    tep: anh/lan.jpg\n    dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}\n",
                      encoding="utf-8")
    assert ("thieu-truong", "data/doi-tuong/doi-tuong.yml") in codes_at(root)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    build = build_site(FIXTURE_DATA, tmp_path_factory.mktemp("photos") / "site")
    assert build.returncode == 0, build.output
    return build


def test_thumbnails_are_published_without_metadata(built):
    source = (FIXTURE_DATA / "anh" / "nguyen-thi-mai-huong.jpg").read_bytes()
    assert b"SecretPhone" in source  # the fixture really carries camera and GPS data
    with Image.open(FIXTURE_DATA / "anh" / "nguyen-thi-mai-huong.jpg") as original:
        assert original.getexif().get_ifd(0x8825)
    thumbs = sorted((built.site / "anh").glob("ca-nhan-nguyen-thi-mai-huong-*.jpg"))
    assert [p.name for p in thumbs] == [f"ca-nhan-nguyen-thi-mai-huong-{w}.jpg" for w in (160, 320, 640)]
    for path in thumbs:
        raw = path.read_bytes()
        assert b"SecretPhone" not in raw and b"CameraMaker" not in raw and b"Exif" not in raw
        with Image.open(path) as image:
            assert not image.getexif()
            assert image.width in (160, 320, 640)
    assert not list(built.site.rglob("nguyen-thi-mai-huong.jpg"))  # the original is never published


def test_page_shows_photo_with_alt_and_sizes(built):
    html = built.page("ca-nhan/nguyen-thi-mai-huong/")
    assert 'alt="Chị Nguyễn Thị Mai Hương tại buổi làm đường thôn"' in html
    assert 'srcset="../../anh/ca-nhan-nguyen-thi-mai-huong-160.jpg 160w' in html
    assert 'width="320" height="240"' in html
    assert "Ảnh: Văn phòng UBND xã An Bình" in visible_text(html)


def test_placeholder_when_there_is_no_photo(built):
    html = built.page("tap-the/nhan-dan-va-can-bo-xa-an-binh/")
    # a collective's tile is a group's outline, drawn by the style sheet (no SVG in the page)
    assert 'class="bv-photo bv-photo--none bv-photo--group" aria-hidden="true"></div>' in html
    assert "<img" not in html.split('class="md-content"')[1].split("</article>")[0]


# ---------------------------------------------------------------------------
# Decoded whole at load: whatever the checker passes, the build can use

WHERE = ("data/doi-tuong/doi-tuong.yml", 7, 10)   # the line 'tep: …' of tree()'s person, its value's column


@pytest.fixture(autouse=True)
def fresh_verdicts(monkeypatch):
    """Each test judges its photos afresh (the checker keeps verdicts for the life of the process)."""
    monkeypatch.setattr(images, "_verdicts", {})


def errors_at(root: Path) -> list[tuple[str, str, int, int]]:
    _, issues = load_view(root, today=TODAY)
    return [(i.code, i.position.path, i.position.line, i.position.column) for i in issues.items]


@pytest.mark.parametrize("name", sorted(photokit.DEGENERATE))
def test_degenerate_photo_is_refused_at_its_line(tmp_path, name):
    ext, make, code = photokit.DEGENERATE[name]
    root = tree(tmp_path, f"anh/{name}{ext}", {f"anh/{name}{ext}": make()})
    assert errors_at(root) == [(code, *WHERE)]
    _, issues = load_view(root, today=TODAY)
    assert f"'anh/{name}{ext}'" in issues.items[0].message and issues.items[0].hint


def test_photo_refused_when_loading_truncated_images_was_turned_on(tmp_path, monkeypatch):
    from PIL import ImageFile
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)   # as some other library might leave it
    root = tree(tmp_path, "anh/lan.jpg", {"anh/lan.jpg": photokit.cut(photokit.jpeg((800, 600)))})
    assert errors_at(root) == [("anh-khong-hop-le", *WHERE)]
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True   # put back as it was


@pytest.mark.parametrize("name", sorted(photokit.ODD))
def test_odd_but_usable_photo_loads(tmp_path, name):
    ext, make = photokit.ODD[name]
    assert errors_at(tree(tmp_path, f"anh/{name}{ext}", {f"anh/{name}{ext}": make()})) == []


def test_every_mode_the_checker_passes_becomes_rgb():
    for mode in sorted(images.MODES):
        assert thumbnails.to_rgb(Image.new(mode, (40, 40)), thumbnails.WHITE).mode == "RGB", mode


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_checker_and_build_decode_alike():
    assert images.DRAFT_SIDE == thumbnails.DRAFT_SIDE == thumbnails.WIDTHS[-1]
    assert images.orientation is thumbnails.orientation  # one reading of EXIF, photo_decode.py
    assert thumbnails.DRAFT_SIDE >= max(cards.PHOTO_BOX[2] - cards.PHOTO_BOX[0], cards.PHOTO_BOX[3] - cards.PHOTO_BOX[1])
    import io
    for name, (_, make) in photokit.ODD.items():
        with Image.open(io.BytesIO(make())) as image:
            assert images.orientation(image) == thumbnails.orientation(image), name


def test_limits_keep_every_thumbnail_and_card_makeable(tmp_path):
    """The extreme shapes the checker passes: 32 px sides, 6:1 either way, upright or turned."""
    for size in [(32, 32), (32, 192), (192, 32), (33, 198), (1000, 167), (167, 1000)]:
        path = tmp_path / f"{size[0]}x{size[1]}.png"
        path.write_bytes(photokit.png(size))
        thumbs = thumbnails.thumbnails(path, "x")
        assert all(t.width >= 1 and t.height >= 1 for t in thumbs), (size, thumbs)
        assert cards.draw(cards.Card("Gương điển hình", "Tên", photo=path)).startswith(b"\x89PNG")


def test_verdicts_are_kept_beside_the_project_and_judged_again_when_the_file_changes(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    root = tree(tmp_path, "anh/lan.jpg", {"anh/lan.jpg": photokit.jpeg()})
    assert errors_at(root) == []
    kept = list((tmp_path / ".cache" / "bangvang" / "anh").glob("*.json"))
    assert len(kept) == 1
    monkeypatch.setattr(images, "_verdicts", {})
    monkeypatch.setattr(images, "_decode", lambda path: pytest.fail("decoded again, though unchanged"))
    assert errors_at(root) == []                     # from the kept verdict
    (root / "anh" / "lan.jpg").write_bytes(photokit.cut(photokit.jpeg((800, 600))))
    monkeypatch.undo()
    monkeypatch.setattr(images, "_verdicts", {})
    assert errors_at(root) == [("anh-khong-hop-le", *WHERE)]


def test_no_verdict_is_written_outside_a_project(tmp_path):
    root = tree(tmp_path, "anh/lan.jpg", {"anh/lan.jpg": photokit.jpeg()})
    assert errors_at(root) == []
    assert not (tmp_path / ".cache").exists()


def test_a_photo_shown_twice_is_decoded_once(tmp_path, monkeypatch):
    root = tree(tmp_path, "anh/lan.jpg", {"anh/lan.jpg": photokit.jpeg()})
    model = "- id: lan\n  doi_tuong: tran-thi-lan\n  anh:\n    tep: anh/lan.jpg\n    mo_ta: Chị Lan\n" \
            "    dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}\n"
    (root / "dien-hinh").mkdir()
    (root / "dien-hinh" / "2024.yml").write_text(model, encoding="utf-8")
    decoded, decode = [], images._decode
    monkeypatch.setattr(images, "_decode", lambda path: decoded.append(path) or decode(path))
    assert errors_at(root) == []
    assert len(decoded) == 1


# ---------------------------------------------------------------------------
# Defence in depth: the build names a bad photo in Vietnamese, never with a traceback

def test_thumbnails_and_cards_refuse_a_bad_photo_in_vietnamese(tmp_path):
    bad = tmp_path / "data" / "anh" / "lan.jpg"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(photokit.cut(photokit.jpeg((800, 600))))
    from mkdocs.exceptions import PluginError
    for make in (lambda: thumbnails.thumbnails(bad, "x"), lambda: cards.draw(cards.Card("k", "t", photo=bad))):
        with pytest.raises(thumbnails.PhotoError) as caught:
            make()
        assert isinstance(caught.value, PluginError)
        assert "Không xử lý được ảnh 'data/anh/lan.jpg'" in str(caught.value)


# A build whose checker lets every photo through: what the build does with a photo the checker missed.
WITHOUT_PHOTO_CHECK = ("import sys, bangvang.images as images; images._decode = lambda path: None; "
                       "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()")


def test_a_build_meeting_a_bad_photo_stops_with_a_vietnamese_error(tmp_path):
    root = tree(tmp_path, "anh/lan.jpg", {"anh/lan.jpg": photokit.cut(photokit.jpeg((800, 600)))})
    env = {**os.environ, "BANGVANG_DATA": str(root), "NO_MKDOCS_2_WARNING": "1", "BANGVANG_CACHE": str(tmp_path / "c")}
    proc = subprocess.run([sys.executable, "-c", WITHOUT_PHOTO_CHECK, "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "Không xử lý được ảnh 'data/anh/lan.jpg' khi tạo trang web" in output, output
    assert "Traceback" not in output, output


# ---------------------------------------------------------------------------
# Odd but usable photos build, for real: thumbnails and share cards

def odd_tree(base: Path) -> Path:
    """SAMPLE, and for every odd photo a person showing it and a model (share card) showing it too."""
    root = base / "data"
    people, models = [SAMPLE["doi-tuong/doi-tuong.yml"]], []
    consent = "    dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}\n"
    for number, (name, (ext, make)) in enumerate(sorted(photokit.ODD.items()), 1):
        photo = f"  anh:\n    tep: anh/{name}{ext}\n    mo_ta: Ảnh mẫu số {number}\n{consent}"
        people.append(f"- id: p-{name}\n  loai: ca_nhan\n  ho: Lê\n  ten: Lan\n{photo}")
        models.append(f"- id: {name}\n  doi_tuong: p-{name}\n  linh_vuc: Sản xuất\n{photo}")
        (root / "anh").mkdir(parents=True, exist_ok=True)
        (root / "anh" / f"{name}{ext}").write_bytes(make())
    files = {**SAMPLE, "doi-tuong/doi-tuong.yml": "".join(people), "dien-hinh/mau.yml": "".join(models)}
    for rel, content in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def odd_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("odd-photos")
    root = odd_tree(base)
    _, issues = load_view(root, today=TODAY)
    assert issues.items == [], issues.report()
    build = build_site(root, base / "site", {"BANGVANG_CACHE": str(base / "cards")})
    assert build.returncode == 0, build.output
    return build


def _thumb(build, name: str, width: int) -> Image.Image:
    image = Image.open(build.site / "anh" / f"ca-nhan-p-{name}-{width}.jpg")
    image.load()
    return image


@pytest.mark.parametrize("name", sorted(photokit.ODD))
def test_odd_photo_is_published(odd_build, name):
    assert _thumb(odd_build, name, 160).mode == "RGB"
    assert f'srcset="../../anh/ca-nhan-p-{name}-160.jpg ' in odd_build.page(f"ca-nhan/p-{name}/")
    with Image.open(odd_build.site / "chia-se" / f"dien-hinh-{name}.png") as card:
        assert card.size == (cards.WIDTH, cards.HEIGHT)


def test_odd_photos_look_right(odd_build):
    assert _thumb(odd_build, "exif-rotated-6", 160).size == (100, 200)       # turned upright
    assert _thumb(odd_build, "exif-mirrored-5", 160).size == (100, 200)
    assert _thumb(odd_build, "exif-orientation-9", 160).size == (160, 80)    # a value EXIF has not: as stored
    assert _thumb(odd_build, "wide-turned-upright", 160).size == (32, 192)
    grey = _thumb(odd_build, "grey16-png", 160).getpixel((60, 45))
    assert all(abs(c - 40000 // 257) <= 3 for c in grey), grey              # mid grey, not clipped to white
    colour = _thumb(odd_build, "rgb48-png", 160).getpixel((20, 45))
    assert all(abs(c - v * 255 // 65535) <= 6 for c, v in zip(colour, (1000, 30000, 3000))), colour  # 16 bits, scaled
    assert [p.name for p in sorted((odd_build.site / "anh").glob("ca-nhan-p-large-jpeg-*.jpg"))] == \
        [f"ca-nhan-p-large-jpeg-{w}.jpg" for w in (160, 320, 640)]
