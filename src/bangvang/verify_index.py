"""What the verification page (/xac-minh/) looks a code up in: small JSON files beside the pages.

A phone that scans a certificate's QR fetches two files: the shard that holds the code (codes share
a shard by their first letters, a few hundred a shard at any size) and the table of what many
entries share (decisions, movements, authorities, titles and forms), then shows the honor. The
entries hold only what the public view already publishes on the award's row, and the row's link; an
honor of a person who withdrew is a bare "withdrawn" mark, with no name and no details.

Entry of an award: [who, what, status, authority, decision, movement, link] — what to movement are
indexes into the table (-1: not known); a model: the same with the status "dien_hinh". The link of an
award to a person is their page (the page marks the row whose code is in its address: #K7QX3-MPA9T);
of any other honor, its row's own address. A province's 100,000 codes weigh about 7 MB in all.
"""

from __future__ import annotations

import itertools
import json
import math

from . import verifycode, vocab

PAGE = "xac-minh/"  # the verification page (sitepages.py), where a QR code leads
FOLDER = PAGE + "ma/"
TABLE_FILE = PAGE + "bang.json"
PER_SHARD = 400  # codes in a shard, at most on average: a shard stays a few tens of kilobytes
WITHDRAWN = 0    # the entry of an honor whose person withdrew
MODEL_STATUS = vocab.Term("Được biểu dương, công nhận là gương điển hình tiên tiến")
STATUS_TERMS = {**vocab.AWARD_STATUS, "dien_hinh": MODEL_STATUS}
STATUSES = list(STATUS_TERMS)  # an entry's status is its index here (the table lists them in this order)


def prefix_length(count: int) -> int:
    """How many first letters of a code name its shard: 1 (32 shards) up to 12,800 codes, then 2."""
    return max(1, math.ceil(math.log(max(count, 1) / PER_SHARD, len(verifycode.ALPHABET)))) if count else 1


def prefix_of(view) -> int:
    """The shard prefix length of a site (its verification page tells the browser)."""
    return prefix_length(len(set(view.codes.values()) | set(view.withdrawn_codes)))


class _Table:
    """A list of distinct values, each given once; entries hold its index."""

    def __init__(self):
        self.values: list = []
        self._index: dict = {}

    def __call__(self, value) -> int:
        if not value:
            return -1
        key = json.dumps(value, ensure_ascii=False)
        if key not in self._index:
            self._index[key] = len(self.values)
            self.values.append(value)
        return self._index[key]


def build(view, labels, routes) -> dict[str, str]:
    """The files of the verification data: {site path: JSON text}."""
    tables = {name: _Table() for name in ("what", "authority", "decision", "movement")}
    entries: dict[str, list] = {}

    def link_of(record) -> list | None:
        return [record_label(record), routes.of(record)] if record is not None else None

    def record_label(record) -> str:
        return getattr(record, "display_title", None) or getattr(record, "name", None) or record.id

    for award in view.of("khen_thuong"):
        code = view.codes[award.id]
        if view.is_anonymous(award):
            entries.setdefault(code, []).append(WITHDRAWN)
            continue
        decision = view.get(award.decision) if award.decision else None
        movement = view.get(award.movements[0]) if award.movements else None
        entries.setdefault(code, []).append([
            labels.recipient(award), tables["what"](award.what), STATUSES.index(award.status),
            tables["authority"](labels.authority(award)),
            tables["decision"](_decision(decision, routes)), tables["movement"](link_of(movement) or award.movement_printed),
            routes.of(view.get(award.recipient)) if award.recipient else routes.of(award)])
    for model in view.of("dien_hinh"):
        person = view.get(model.recipient)
        decision = view.get(model.decision) if model.decision else None
        entries.setdefault(view.codes[model.id], []).append([
            person.display_name, tables["what"](model.honorific and f"Gương điển hình ({model.honorific})"
                                                or "Gương điển hình tiên tiến"),
            STATUSES.index("dien_hinh"), -1, tables["decision"](_decision(decision, routes)),
            tables["movement"](link_of(view.get(model.movements[0])) if model.movements else None), routes.of(model)])
    for code in view.withdrawn_codes:
        entries.setdefault(code, []).append(WITHDRAWN)
    statuses = [[key, term.label, term.description] for key, term in STATUS_TERMS.items()]
    shared = {"status": statuses} | {name: table.values for name, table in tables.items()}
    return _files(entries, shared, prefix_of(view))


def _decision(document, routes) -> list | None:
    """[label, date, path] of a decision; None when the award names none."""
    if document is None:
        return None
    return [document.display_title, document.date.short() if document.date else "", routes.of(document)]


def _files(entries: dict[str, list], tables: dict, length: int) -> dict[str, str]:
    """Every shard of `length`-letter prefixes (the page's own, prefix_of), and the table."""
    shards: dict[str, dict] = {}
    for code in sorted(entries):
        shards.setdefault(code[:length], {})[code[length:]] = entries[code]
    # Every shard is written, empty or not: a code that is not there is answered from a file, not by
    # an error page (which browsers also report as an error).
    prefixes = ("".join(p) for p in itertools.product(verifycode.ALPHABET, repeat=length))
    files = {f"{FOLDER}{prefix}.json": _dump(shards.get(prefix, {})) for prefix in prefixes}
    files[TABLE_FILE] = _dump({"v": 1, "prefix": length, "count": len(entries), **tables})
    return files


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
