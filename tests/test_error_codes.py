"""The error-code catalogue (guide page /huong-dan/loi/) is complete and its examples are true."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bangvang import codes as codes_module
from bangvang.codes import CODES, SAMPLE
from bangvang.issues import Issues, Position
from bangvang.public import load_view

SRC = Path(__file__).resolve().parent.parent / "src" / "bangvang"
TODAY = date(2026, 11, 28)


def _write(base: Path, changes: dict[str, str]) -> Path:
    root = base / "data"
    for rel, content in {**SAMPLE, **changes}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def used_codes() -> set[str]:
    """Names of the codes the package reports (`codes.NAME` anywhere outside codes.py; static scan)."""
    found: set[str] = set()
    for path in SRC.glob("*.py"):
        if path.name != "codes.py":
            found |= set(re.findall(r"\bcodes\.([A-Z][A-Z0-9_]+)\b", path.read_text(encoding="utf-8")))
    return found


def test_scan_finds_codes():
    assert {"NGAY_KHONG_TON_TAI", "TRUNG_TRUONG", "MA_KHONG_TON_TAI", "NAM_KHONG_HOP_LE", "CHUA_HTML"} <= used_codes()


def test_every_declared_code_is_reported_somewhere_and_every_reported_one_declared():
    declared = {name for name, value in vars(codes_module).items() if isinstance(value, codes_module.Code)}
    assert used_codes() - {"CODES", "SAMPLE"} == declared
    assert len(CODES) == len(declared)  # one id per code


def test_a_code_must_be_declared():
    issues = Issues()
    with pytest.raises(AttributeError):
        issues.add(Position("data/x.yml"), "sai-kieu", "not a declared code")  # type: ignore[arg-type]
    issues.add(Position("data/x.yml"), codes_module.CHU_BI_CAT, "a warning by declaration")
    assert issues.warnings and not issues.errors


def test_sample_folder_is_valid(tmp_path):
    board, issues = load_view(_write(tmp_path, {}), today=TODAY)
    assert issues.items == [], issues.report()
    assert board is not None


@pytest.mark.parametrize("code", [c for c, doc in CODES.items() if doc.example is not None])
def test_example_gives_its_code(tmp_path, code):
    doc = CODES[code]
    board, issues = load_view(_write(tmp_path, {doc.example_path: doc.example, **dict(doc.extra)}), today=TODAY)
    codes = {i.code for i in issues.items}
    assert code in codes, issues.report()
    assert any(i.position.path == f"data/{doc.example_path}" for i in issues.items if i.code == code)


def test_most_codes_have_an_example():
    with_example = [c for c, doc in CODES.items() if doc.example]
    assert len(with_example) >= 0.8 * len(CODES)
