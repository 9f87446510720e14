"""The officers' page of error codes (/huong-dan/loi/): each code's example, run through the real checker."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from .codes import CODES, SAMPLE
from .model import load_model


def example_report(code: str, today: date) -> str:
    """What the checker prints for a code's example, put into the valid folder SAMPLE."""
    doc = CODES[code]
    if doc.example is None:
        return ""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        for rel, content in {**SAMPLE, doc.example_path: doc.example, **dict(doc.extra)}.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        _, issues = load_model(root, today=today)
    return "\n".join(issues.format(i) for i in issues.sorted() if i.code == code)
