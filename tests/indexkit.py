"""Reading a built site's search index in tests: its result lines and the lines that hold a word."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bangvang.text import fold

LINES = re.compile(r"search/vi/l\d+\.[a-z0-9]+\.json$")  # result lines: address, title, text


def manifest(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["bangvang"]


def lines(site: Path) -> list[list[str]]:
    """Every result line [location, title, text], in id order."""
    m = manifest(site)
    return [line for number in range(-(-m["count"] // m["chunk"]))
            for line in json.loads((site / m["dir"] / f"l{number}.{m['lines']}.json").read_text(encoding="utf-8"))]


def locations_with(site: Path, word: str) -> set[str]:
    """Locations of the lines whose title, headings or body hold `word` (any marks), read from the
    word's shard and, for a big word, its own file."""
    m = manifest(site)
    folder = site / m["dir"]
    shard = json.loads((folder / m["shards"][fold(word)[:2]]).read_text(encoding="utf-8"))
    if fold(word) in shard.get("+", {}):
        shard = json.loads((folder / shard["+"][fold(word)]).read_text(encoding="utf-8"))
    found: set[int] = set()
    for field in ("t", "h", "x"):
        for token, gaps in shard.get(field, {}).items():
            if fold(token) == fold(word):
                found.update(_ids(gaps, m["count"]))
    every = lines(site)
    return {every[n][0] for n in found}


def _ids(gaps, count: int) -> set[int]:
    assert gaps != 0, "a word in too many bodies is not listed"
    total, ids = 0, set()
    for gap in gaps[1:] if gaps[0] == -1 else gaps:
        total += gap
        ids.add(total)
    return set(range(count)) - ids if gaps[0] == -1 else ids
