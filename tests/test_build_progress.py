"""A build tells the officer it is working: records read, pages made, and one summary line."""

from __future__ import annotations

import re

from sitebuild import SEED_DATA, build_site


def test_build_reports_progress_and_a_summary(tmp_path):
    build = build_site(SEED_DATA, tmp_path / "site", {"BANGVANG_PROGRESS_EVERY": "0"})
    assert build.returncode == 0, build.output
    pages = len(list((tmp_path / "site").rglob("index.html")))
    reading = re.findall(r"Đang đọc dữ liệu: (\d+)/(\d+) tệp, ([\d.]+) mục…", build.output)
    assert reading and reading[-1][0] == reading[-1][1], "every data file is counted"
    made = re.findall(r"Đang tạo trang: ([\d.]+)/([\d.]+)…", build.output)
    assert made and made[-1][0] == made[-1][1] == str(pages)
    (summary,) = re.findall(r"Đã tạo ([\d.]+) trang từ ([\d.]+) mục dữ liệu trong [\d,]+ giây; "
                            r"tìm kiếm: ([\d.]+) mục, ([\d.]+) tệp\.", build.output)
    assert summary[0] == str(pages) and summary[1] == reading[-1][2]


def test_a_quick_build_says_only_its_summary(tmp_path):
    build = build_site(SEED_DATA, tmp_path / "site", {"BANGVANG_PROGRESS_EVERY": "600"})
    assert build.returncode == 0, build.output
    assert "Đang tạo trang" not in build.output and "Đang đọc dữ liệu" not in build.output
    assert len(re.findall(r"Đã tạo [\d.]+ trang từ", build.output)) == 1
