"""Scaffolding: `python -m bangvang.new` creates valid records of every kind that render on the site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import FIXTURE_DATA, build_site, visible_text

COMMANDS = {
    "doi-tuong": ["--loai", "ca_nhan", "--ho", "Phạm", "--ten-dem", "Văn", "--ten", "Bình"],
    "van-ban": ["--loai", "quyet_dinh", "--so-ky-hieu", "77/QĐ-UBND", "--ngay", "05/03/2024",
                "--co-quan-ban-hanh", "ubnd-xa", "--trich-yeu", "Tặng Giấy khen năm 2024"],
    "phong-trao": ["--ten", "Thi đua “Dân vận khéo”: giai đoạn 2024–2026", "--tu-nam", "2024"],
    "khen-thuong": ["--doi-tuong", "pham-van-binh", "--hinh-thuc", "giay_khen", "--trang-thai", "da_tang",
                    "--nam", "2024", "--quyet-dinh", "77-qd-ubnd-2024", "--co-quan-khen", "ubnd-xa"],
    "dien-hinh": ["--tieu-de", "Anh Bình và con đường bê tông", "--doi-tuong", "pham-van-binh",
                  "--dong-y-ngay", "01/03/2024", "--dong-y-hinh-thuc", "van_ban",
                  "--noi-dung", "Anh Bình đã vận động bà con cùng làm đường."],
    "bao-cao": ["--loai", "bao_cao", "--so-ky-hieu", "99/BC-UBND", "--ngay", "06/03/2024",
                "--ky-che-do", "KT", "--ky-chuc-vu", "PHÓ CHỦ TỊCH", "--ky-ho-ten", "Y Nguyên",
                "--noi-nhan", "Lưu: VT.", "--noi-dung", "## I. Kết quả\n\nNăm 2024 có nhiều mô hình hay."],
}
EXPECTED_PAGES = {
    "doi-tuong": ("ca-nhan/pham-van-binh/", "Phạm Văn Bình"),
    "van-ban": ("van-ban/77-qd-ubnd-2024/", "77/QĐ-UBND"),
    "phong-trao": ("phong-trao/thi-dua-dan-van-kheo-giai-doan-2024-2026/", "Dân vận khéo"),
    "khen-thuong": ("ca-nhan/pham-van-binh/", "Giấy khen"),
    "dien-hinh": ("dien-hinh/anh-binh-va-con-duong-be-tong/", "vận động bà con"),
    "bao-cao": ("bao-cao/99-bc-ubnd-2024/", "PHÓ CHỦ TỊCH"),
}


def new(data: Path, kind: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bangvang.new", "--data", str(data), kind, *args],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    base = tmp_path_factory.mktemp("new")
    data = base / "data"
    shutil.copytree(FIXTURE_DATA, data)
    results = {kind: new(data, kind, *args) for kind, args in COMMANDS.items()}  # order matters: refs first
    return data, results


@pytest.mark.parametrize("kind", COMMANDS)
def test_each_kind_is_created_and_passes_the_checker(scaffolded, kind):
    data, results = scaffolded
    result = results[kind]
    assert result.returncode == 0, result.stderr
    assert "Đã tạo" in result.stdout
    check = subprocess.run([sys.executable, "-m", "bangvang.check", str(data)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_skeleton_explains_every_field_in_vietnamese(scaffolded):
    data, _ = scaffolded
    text = (data / "khen-thuong" / "giay-khen-pham-van-binh-2024.yml").read_text(encoding="utf-8")
    assert "- id: giay-khen-pham-van-binh-2024" in text
    assert "# ly_do: …  # Lý do, thành tích." in text       # optional fields: commented out, explained
    assert 'trang_thai: "da_tang"  # Đề nghị, đã khen thưởng hay đã thu hồi.' in text


def test_scaffolded_records_render_on_the_site(scaffolded, tmp_path):
    data, _ = scaffolded
    build = build_site(data, tmp_path / "site")
    assert build.returncode == 0, build.output
    for kind, (url, text) in EXPECTED_PAGES.items():
        assert text in visible_text(build.page(url)), kind


def test_never_overwrites_and_ids_stay_unique(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    first = new(data, "doi-tuong", "--loai", "tap_the", "--ten", "Thôn Tân Lập")
    assert first.returncode == 0, first.stderr
    assert "thon-tan-lap-2" in first.stdout       # 'thon-tan-lap' already exists in the fixture
    path = data / "doi-tuong" / "thon-tan-lap-2.yml"
    before = path.read_bytes()
    again = new(data, "doi-tuong", "--id", "thon-tan-lap-2", "--loai", "tap_the", "--ten", "Khác")
    assert again.returncode == 2
    assert path.read_bytes() == before


def test_invalid_values_leave_no_file(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    result = new(data, "van-ban", "--loai", "ke_hoach", "--so-ky-hieu", "5/KH-UBND", "--ngay", "30/02/2024")
    assert result.returncode == 1
    assert "ngay-khong-ton-tai" in result.stderr
    assert not list((data / "van-ban").glob("5-kh-ubnd*"))
