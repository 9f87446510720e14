"""`mkdocs serve` after a save renders only the pages that changed (src/bangvang/incremental.py,
pagedeps.py): the folder it then serves must be, file by file and byte by byte, the folder a full
build of the same data makes. Every kind of edit an officer makes, one after the other, as in a
session of `mkdocs serve`, on the second commune's data (events, models, photos, reports, former
units): a wrong guess of which pages change shows here as a stale page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from bangvang import incremental, mkdocs_hooks
from sitebuild import FIXTURE_DATA, REPO

SERVE_URL = "http://127.0.0.1:8000/"
KH = "khen-thuong/2025.yml"

NEW_AWARD = """
- id: giay-khen-xa-2025-nguyen-thi-mai-huong
  doi_tuong: nguyen-thi-mai-huong
  hinh_thuc: giay_khen
  co_quan_khen: ubnd-xa
  chuc_danh_khen: Chủ tịch
  nam: 2025
  quyet_dinh: 78-qd-ubnd-2025
  ly_do: Hoàn thành xuất sắc nhiệm vụ năm 2025
  trang_thai: da_tang
"""

# (what the officer does, file, text before, text after): each applied to the data as the last left it.
EDITS = [
    ("a person's position", "doi-tuong/doi-tuong.yml", "  chuc_vu: Công chức Văn hóa - Xã hội\n",
     "  chuc_vu: Công chức Văn hóa - Thông tin\n"),
    ("a person's name", "doi-tuong/doi-tuong.yml", "  ten: Hương\n", "  ten: Hường\n"),
    ("a decision's number", "van-ban/2025.yml", "so_ky_hieu: 1105/QĐ-UBND", "so_ky_hieu: 1106/QĐ-UBND"),
    ("a body's short name", "co-quan.yml", "ten_viet_tat: UBND huyện Cư Kuin\n", "ten_viet_tat: UBND huyện Cư Kuin cũ\n"),
    ("an award's reason", KH, "  ly_do: Có thành tích xuất sắc trong phong trào thi đua yêu nước giai đoạn 2020-2025\n",
     "  ly_do: Có thành tích xuất sắc trong phong trào thi đua giai đoạn 2020-2025\n"),
    ("a new award", KH, None, NEW_AWARD),
    ("lines moved down by a comment", KH, "# DỮ LIỆU GIẢ LẬP ĐỂ KIỂM THỬ.\n",
     "# DỮ LIỆU GIẢ LẬP ĐỂ KIỂM THỬ.\n# Ghi chú thêm của cán bộ.\n"),
    ("the award removed again", KH, NEW_AWARD, ""),
    ("an event's name", "su-kien/2025.yml", "ten: Đại hội thi đua yêu nước xã An Bình lần thứ II (2020–2025)",
     "ten: Đại hội thi đua yêu nước xã An Bình lần II (2020–2025)"),
    ("a model's story", "dien-hinh/nguyen-thi-mai-huong.md", "- Mỗi đoạn đường có một tổ tự quản do bà con bầu ra.\n",
     "- Mỗi đoạn đường có một tổ tự quản do bà con bình bầu ra.\n"),
    ("a report's text", "bao-cao/245-bc-ubnd-2024.md", "Trên đây là báo cáo",
     "Trên đây là toàn văn báo cáo"),
    ("a person shown by initials", "doi-tuong/2025.yml", "- id: tran-van-duc\n", "- id: tran-van-duc\n  hien_thi: viet_tat\n"),
    ("the unit's description", "don-vi.yml", "mo_ta_trang: Thi đua, khen thưởng", "mo_ta_trang: Thi đua và khen thưởng"),
]


def config(site: Path):
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    return config


def build(state: incremental.Incremental, site: Path) -> None:
    """One build of a `mkdocs serve` whose state is `state`, as its builder runs it after a save."""
    mkdocs_hooks._incremental = state
    state.wrap(mkdocs_build.build)(config(site), serve_url=SERVE_URL)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(served: Path, full: Path) -> list[str]:
    a, b = files(served), files(full)
    return ([f"only in the served folder: {p}" for p in sorted(a.keys() - b.keys())]
            + [f"missing from the served folder: {p}" for p in sorted(b.keys() - a.keys())]
            + [f"differs: {p}" for p in sorted(a.keys() & b.keys()) if a[p] != b[p]])


def edit(data: Path, name: str, before: str | None, after: str) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    if before is None:
        text += after
    else:
        assert before in text, f"the fixture changed: {before!r} is no longer in {name}"
        text = text.replace(before, after, 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def served(tmp_path, monkeypatch):
    """The data folder and the state of a `mkdocs serve` that has built it once."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    monkeypatch.setenv("BANGVANG_DATA", str(data))
    monkeypatch.chdir(tmp_path)
    config(tmp_path / "served").plugins.on_startup(command="serve", dirty=False)
    state = mkdocs_hooks._incremental
    build(state, tmp_path / "served")
    yield data, state
    on_startup = config(tmp_path / "served").plugins.on_startup
    on_startup(command="build", dirty=False)  # this process's hooks back to `mkdocs build`


def test_every_edit_serves_what_a_full_build_makes(served, tmp_path):
    data, state = served
    rendered = {}
    for step, (what, name, before, after) in enumerate(EDITS):
        edit(data, name, before, after)
        build(state, tmp_path / "served")
        assert state.plan.dirty, f"{what}: the build after a good one is incremental"
        rendered[what] = None if state.plan.pages is None else len(state.plan.pages)
        build(incremental.Incremental(), tmp_path / f"full-{step}")  # what a fresh `mkdocs serve` shows
        assert differences(tmp_path / "served", tmp_path / f"full-{step}") == [], what
    # Only what changes is rendered: the lists' first pages and the site's own pages always are, then a
    # person's position renders their page and those listing them; a change of the unit, everything.
    always = sum(1 for page in state.snapshot.pages.values() if page.key is None)
    assert rendered["the unit's description"] is None
    assert rendered["a person's position"] <= always + 8, rendered
    assert all(count is not None and count < len(state.snapshot.pages) for what, count in rendered.items()
               if what != "the unit's description"), rendered


def test_after_a_failed_build_or_a_change_outside_data_the_build_is_whole(served, tmp_path, monkeypatch):
    data, state = served
    edit(data, "don-vi.yml", "ten: xã An Bình\n", "ten: [xã An Bình\n")  # a YAML error
    with pytest.raises(Abort):
        build(state, tmp_path / "served")
    edit(data, "don-vi.yml", "ten: [xã An Bình\n", "ten: xã An Bình\n")
    build(state, tmp_path / "served")
    assert not state.plan.dirty, "a failed build may have left half a site: the next one is whole"
    edit(data, KH, None, NEW_AWARD)
    build(state, tmp_path / "served")
    assert state.plan.dirty and state.plan.pages is not None
    templates = tmp_path / "templates"  # stands for overrides/, docs/, the package's templates
    (templates / "page.html").parent.mkdir()
    (templates / "page.html").write_text("1", encoding="utf-8")
    monkeypatch.setattr(incremental, "PACKAGE", templates)
    build(state, tmp_path / "served")
    (templates / "page.html").write_text("2", encoding="utf-8")
    build(state, tmp_path / "served")
    assert not state.plan.dirty, "a template or a page outside data/ may change every page"
    build(incremental.Incremental(), tmp_path / "full")
    assert differences(tmp_path / "served", tmp_path / "full") == []
