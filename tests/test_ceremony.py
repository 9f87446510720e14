"""A ceremony screen beside each event that honored someone, linked from the event's page; none for an
event told only in words (it would be a title and a closing slide, and a page nothing links)."""

from __future__ import annotations

from datatree import BASE_FILES, write_tree
from sitebuild import build_site

EVENTS = """\
- id: le-trao-giay-khen-2023
  loai: trao_khen_thuong
  ten: Lễ trao Giấy khen năm 2023
  ngay: 20/12/2023
  khen_thuong:
    - giay-khen-an-2023
- id: hoi-nghi-dau-nam-2024
  loai: hoi_nghi_can_bo
  ten: Hội nghị cán bộ, công chức đầu năm 2024
  ngay: 05/01/2024
"""


def test_only_an_event_that_honored_someone_has_a_screen(tmp_path):
    data = write_tree(tmp_path, {"su-kien/2023.yml": EVENTS, "khen-thuong/2023.yml": BASE_FILES["khen-thuong/2023.yml"]})
    build = build_site(data, tmp_path / "site")
    assert build.returncode == 0, build.output[-2000:]
    site = build.site
    honored = site / "su-kien" / "le-trao-giay-khen-2023"
    assert (honored / "trinh-chieu" / "index.html").is_file()
    assert (honored / "trinh-chieu" / "trinh-chieu-le-trao-giay-khen-2023.html").is_file()
    assert 'href="trinh-chieu/">Trình chiếu tại buổi lễ</a>' in (honored / "index.html").read_text(encoding="utf-8")
    words_only = site / "su-kien" / "hoi-nghi-dau-nam-2024"
    assert (words_only / "index.html").is_file() and not (words_only / "trinh-chieu").exists()
    assert "Trình chiếu" not in (words_only / "index.html").read_text(encoding="utf-8")
