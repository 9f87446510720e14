"""What the site must contain: the dataset loaded once through bangvang, in a helper process.

`bench.py --inspect DATA OUT` runs this with the tree under test on PYTHONPATH, so that the counts,
the pages the site must have and the award rows they must show come from the code being measured,
not from whatever bangvang the harness itself could import.
"""

from __future__ import annotations

import json
from pathlib import Path


def inspect(data: Path, out: Path) -> None:
    """Write to `out` the counts of `data`, the URLs of its pages and the ids of its award rows (JSON)."""
    from bangvang.model import load_board
    from bangvang.pages import Site

    board, issues = load_board(data)
    if board is None:
        out.write_text(json.dumps({"errors": len(issues.errors), "report": issues.report()[:5000]}), encoding="utf-8")
        return
    site = Site(board, data_dir=data.name)
    result = {
        "errors": 0,
        "warnings": len(issues.warnings),
        "counts": {"recipients": len(board.recipients), "awards": len(board.awards),
                   "movements": len(board.movements), "reports": len(board.reports), "models": len(board.models),
                   "documents": len(board.documents) - len(board.reports)},
        "pages": sorted(spec.url for spec in site.pages.values()),
        "awards_on_pages": sorted(_award_anchor(board, a) for a in board.awards),
    }
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def _award_anchor(board, award) -> str:
    """The id of an award's row in the HTML (neutral for a person shown by initials or withdrawn)."""
    return board.public_award_id(award) if hasattr(board, "public_award_id") else award.id
