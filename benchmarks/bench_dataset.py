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
    from bangvang.pages import Site

    view, issues, counts, award_ids = _load(data)
    if view is None:
        out.write_text(json.dumps({"errors": len(issues.errors), "report": issues.report()[:5000]}), encoding="utf-8")
        return
    site = Site(view, data_dir=data.name)
    result = {"errors": 0, "warnings": len(issues.warnings), "counts": counts,
              "pages": sorted(spec.url for spec in site.pages.values()), "awards_on_pages": sorted(award_ids)}
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def _load(data: Path):
    """(what pages are made from, issues, record counts, ids of the award rows), from this tree or an older one."""
    try:
        from bangvang.public import load_view
    except ImportError:  # a tree from before the public view: its Board
        from bangvang.model import load_board

        board, issues = load_board(data)
        if board is None:
            return None, issues, {}, []
        counts = {"recipients": len(board.recipients), "awards": len(board.awards), "movements": len(board.movements),
                  "reports": len(board.reports), "models": len(board.models),
                  "documents": len(board.documents) - len(board.reports)}
        ids = [board.public_award_id(a) if hasattr(board, "public_award_id") else a.id for a in board.awards]
        return board, issues, counts, ids
    view, issues = load_view(data)
    if view is None:
        return None, issues, {}, []
    counts = {"recipients": len(view.of("doi_tuong")), "awards": len(view.of("khen_thuong")),
              "movements": len(view.of("phong_trao")), "reports": len(view.of("bao_cao")),
              "models": len(view.of("dien_hinh")), "documents": len(view.of("van_ban"))}
    return view, issues, counts, [a.id for a in view.of("khen_thuong")]
