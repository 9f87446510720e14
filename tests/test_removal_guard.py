"""Nothing lost: a record once published cannot disappear unless its removal is declared in the data."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date

from bangvang.public import load_view

from sitebuild import FIXTURE_DATA, SEED_DATA, build_site, visible_text

TODAY = date(2026, 11, 28)
EXTRA = "- id: 9-tb-ubnd-2024\n  loai: thong_bao\n  so_ky_hieu: 9/TB-UBND\n  ngay: 02/01/2024\n  co_quan_ban_hanh: ubnd-xa\n"


def manifest(data) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bangvang.manifest", str(data)], capture_output=True, text=True)


def published_tree(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "van-ban" / "them.yml").write_text(EXTRA, encoding="utf-8")
    assert manifest(data).returncode == 0
    assert "  - 9-tb-ubnd-2024" in (data / "da-cong-bo.yml").read_text(encoding="utf-8")
    return data


def test_committed_manifests_are_current():
    for data in (FIXTURE_DATA, SEED_DATA):
        board, issues = load_view(data, today=TODAY)
        assert board is not None and not issues.errors, issues.report()


def test_an_undeclared_removal_stops_the_build(tmp_path):
    data = published_tree(tmp_path)
    (data / "van-ban" / "them.yml").unlink()
    board, issues = load_view(data, today=TODAY)
    assert board is None
    lines = (data / "da-cong-bo.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index("  - 9-tb-ubnd-2024") + 1
    assert [(i.code, i.position.path, i.position.line) for i in issues.errors] == \
        [("mat-du-lieu", "data/da-cong-bo.yml", line)]
    build = build_site(data, tmp_path / "site")
    assert build.returncode != 0 and "mat-du-lieu" in build.output
    # Regenerating the list cannot hide the loss either.
    refused = manifest(data)
    assert refused.returncode == 1 and "van_ban: 9-tb-ubnd-2024" in refused.stderr


def test_a_declared_removal_passes_and_is_logged(tmp_path):
    data = published_tree(tmp_path)
    (data / "van-ban" / "them.yml").unlink()
    (data / "da-go.yml").write_text("- id: 9-tb-ubnd-2024\n  loai: van_ban\n  ngay: 03/01/2024\n"
                                    "  ly_do: Thông báo ghi nhầm, đã thu hồi.\n", encoding="utf-8")
    board, issues = load_view(data, today=TODAY)
    assert board is not None, issues.report()
    build = build_site(data, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "03/01/2024 — Văn bản và báo cáo: Thông báo ghi nhầm, đã thu hồi." in visible_text(build.page("gioi-thieu/"))
    assert manifest(data).returncode == 0
    assert "9-tb-ubnd-2024" not in (data / "da-cong-bo.yml").read_text(encoding="utf-8")


def test_a_damaged_manifest_line_is_an_error_not_a_crash(tmp_path):
    # Two lines merged by a careless edit: "- 9-tb-ubnd-2024" followed by "khen_thuong:" at the
    # item's indentation makes the item a mapping. The checker used to crash (unhashable list).
    data = published_tree(tmp_path)
    path = data / "da-cong-bo.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index("  - 9-tb-ubnd-2024")
    lines[at] = "  - 9-tb-ubnd-2024:"
    lines.insert(at + 1, "      - x")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    board, issues = load_view(data, today=TODAY)
    assert board is None
    assert [(i.code, i.position.path, i.position.line) for i in issues.errors] == \
        [("sai-kieu", "data/da-cong-bo.yml", at + 1)]
