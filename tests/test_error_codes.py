"""The error-code catalogue (guide page /huong-dan/loi/) is complete and its examples are true."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bangvang.codes import CODES, SAMPLE
from bangvang.model import load_board

SRC = Path(__file__).resolve().parent.parent / "src" / "bangvang"
TODAY = date(2026, 11, 28)


def _write(base: Path, changes: dict[str, str]) -> Path:
    root = base / "data"
    for rel, content in {**SAMPLE, **changes}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def emitted_codes() -> set[str]:
    """Codes passed to Issues.add / DateError anywhere in the package (static scan)."""
    found: set[str] = set()
    for path in SRC.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"\.add\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*\"([a-z0-9-]+)\"", text))
        found |= set(re.findall(r"DateError\(\s*\"([a-z0-9-]+)\"", text))
        for either, other in re.findall(r"code = \"([a-z0-9-]+)\" if .* else \"([a-z0-9-]+)\"", text):
            found |= {either, other}
    return found


def test_scan_finds_codes():
    codes = emitted_codes()
    assert {"ngay-khong-ton-tai", "trung-truong", "ma-khong-ton-tai", "nam-khong-hop-le", "chua-html"} <= codes


def test_every_emitted_code_is_documented():
    missing = emitted_codes() - set(CODES)
    assert not missing, f"add these to bangvang/codes.py: {sorted(missing)}"


def test_sample_folder_is_valid(tmp_path):
    board, issues = load_board(_write(tmp_path, {}), today=TODAY)
    assert issues.items == [], issues.report()
    assert board is not None


@pytest.mark.parametrize("code", [c for c, doc in CODES.items() if doc.example is not None])
def test_example_gives_its_code(tmp_path, code):
    doc = CODES[code]
    board, issues = load_board(_write(tmp_path, {doc.example_path: doc.example, **dict(doc.extra)}), today=TODAY)
    codes = {i.code for i in issues.items}
    assert code in codes, issues.report()
    assert any(i.position.path == f"data/{doc.example_path}" for i in issues.items if i.code == code)


def test_most_codes_have_an_example():
    with_example = [c for c, doc in CODES.items() if doc.example]
    assert len(with_example) >= 0.8 * len(CODES)
