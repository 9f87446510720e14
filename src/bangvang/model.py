"""The validated data: every record of every kind, checked across records and put in order.

Built once per build from a Dataset without errors; nothing here re-reads files. Nothing is
published from it directly: the public view (public.py) is made from it first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import kinds
from .issues import Issues
from .load import Dataset, load
from .manifest import check_removals
from .records import Unit
from .schema import Record
from .validate import validate


@dataclass
class Model:
    unit: Unit
    records: dict[str, list[Record]]            # kind → its records, in the kind's order
    flags: dict[str, list[str]]                 # record id → what was kept as printed (validate.py)
    attachments: dict[str, str] = field(default_factory=dict)  # data path → raw text of a report
    root: Path | None = None                    # the data folder (photos are read from it)
    comments: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # data path → its comments

    def of(self, kind: str) -> list:
        return self.records.get(kind, [])

    def listed(self, kind: str) -> list:
        """The records a kind's list shows: its own and those of the kinds it also lists, in its order."""
        spec = kinds.BY_KEY[kind]
        if not spec.lists:
            return self.of(kind)
        return sorted([r for key in (kind, *spec.lists) for r in self.of(key)], key=spec.order)


def build_model(data: Dataset, issues: Issues) -> Model | None:
    """Validate across records and order them; None if any error was found."""
    flags = validate(data, issues)
    check_removals(data, issues)
    if issues.errors or data.unit is None:
        return None
    records = {kind.key: sorted(data.of(kind.key), key=kind.order) for kind in kinds.KINDS if kind.layout != kinds.SINGLE}
    return Model(data.unit, records, flags, attachments=data.attachments, root=data.root, comments=data.comments)


def load_model(root: Path, today: date | None = None, progress=None) -> tuple[Model | None, Issues]:
    """data/ → load → validate → Model. Returns (None, issues) when anything is wrong.

    `progress(files done, files in all, records so far)` is called after each file (progress.py)."""
    data, issues = load(root, today, progress=progress)
    if issues.errors:
        # Still run the cross-record rules so the officer sees every problem at once.
        validate(data, issues)
        check_removals(data, issues)
        return None, issues
    return build_model(data, issues), issues
