"""Photos: checked at load (type, size, place, case), published as clean thumbnails, alt text required."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from bangvang.codes import SAMPLE
from bangvang.public import load_view

from sitebuild import FIXTURE_DATA, build_site, visible_text

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
    assert 'class="bv-photo bv-photo--none" aria-hidden="true"' in html
    assert "<img" not in html.split('class="md-content"')[1].split("</article>")[0]
