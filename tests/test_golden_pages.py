"""Golden files: the rendered content of representative pages of the second commune.

A change in a template shows up as a readable diff of these files. After an
intended change, regenerate them with `BANGVANG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_pages.py`
and review the diff before committing.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from bangvang.public import load_view
from bangvang.pages import Site

from sitebuild import FIXTURE_DATA

GOLDEN = Path(__file__).parent / "golden" / "xa-an-binh"
PAGES = {
    "home": "index.md",
    "awards": "khen-thuong/index.md",
    "movement": None,     # the first movement
    "person": "ca-nhan/nguyen-thi-mai-huong.md",
    "household": "ho-gia-dinh/ho-ong-le-van-thanh.md",
    "report": None,       # the first report
    "statistics": "thong-ke/index.md",
}


@pytest.fixture(scope="module")
def site():
    board, issues = load_view(FIXTURE_DATA, today=date(2026, 11, 28))
    assert board is not None, issues.report()
    return Site(board)


@pytest.mark.parametrize("name", PAGES)
def test_page_matches_golden(site, name):
    src = PAGES[name]
    if name == "movement":
        src = f"phong-trao/{site.view.of('phong_trao')[0].id}.md"
    if name == "report":
        src = f"bao-cao/{site.view.of('bao_cao')[0].id}.md"
    html, _ = site.render_page(src)
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("BANGVANG_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert golden.exists(), f"missing {golden}; run with BANGVANG_UPDATE_GOLDEN=1"
    assert html == golden.read_text(encoding="utf-8")
