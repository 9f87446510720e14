"""Helpers shared by the validation-table tests (tests/test_validation_*.py).

Each test starts from the minimal valid tree of `datatree.py`, replaces or adds
files, loads it with `bangvang.public.load_view` and looks at the issues found
(code, path, line, column). Paths are as the officer sees them from the
repository root: `data/...`; line and column are 1-based.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bangvang.public import load_view
from datatree import write_tree

TODAY = date(2026, 11, 28)

VB = "data/van-ban/2022.yml"          # a document file the cases add
DT = "data/doi-tuong/them.yml"        # a recipient file the cases add
KT = "data/khen-thuong/2024.yml"      # an award file the cases add
PT = "data/phong-trao/them.yml"       # a movement file the cases add


def load(tmp_path: Path, changes: dict | None = None):
    return load_view(write_tree(tmp_path, changes), today=TODAY)


def places(issues) -> set[tuple[str, str, int, int]]:
    return {(i.code, i.position.path, i.position.line, i.position.column) for i in issues.items}


def find(issues, code: str, path: str):
    found = [i for i in issues.items if i.code == code and i.position.path == path]
    assert found, f"no {code} in {path}:\n{issues.report()}"
    return found[0]


def doc(*lines: str) -> str:
    """A one-document van-ban file: `- id: …` then the given field lines, indented."""
    return "- " + "\n  ".join(lines) + "\n"


def person_file(*lines: str) -> str:
    return doc(*lines)
