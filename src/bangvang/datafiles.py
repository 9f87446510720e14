"""A file that a record names inside one folder of data/ (a photo in anh/, an original in ban-goc/),
as the checker finds it on disk: what can be wrong before its content is looked at. Each kind says
it in its own words (images.py, originals.py); the finding is made once, here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

IGNORED_NAMES = {".gitkeep", "README.md"}  # kept in data/ folders for people, never data


@dataclass(frozen=True)
class FileProblem:
    kind: str               # "symlink", "missing" or "too_big"
    close: str | None = None  # missing: the name in the folder that differs only in case
    size: int = 0           # too_big: its size in bytes


def file_problem(root: Path, folder: str, path: Path, max_bytes: int) -> FileProblem | None:
    """What is wrong with `path` as a file of data/<folder>/: a symbolic link (which could reach outside
    data/), no such file (names compared exactly: the site is served by a case-sensitive host), or
    larger than `max_bytes`; None when it is a real file of a size that may be published."""
    where = root / folder
    if path.is_symlink() or where.is_symlink():
        return FileProblem("symlink")
    names = {p.name for p in where.iterdir()} if where.is_dir() else set()
    if path.name not in names or not path.is_file():
        close = [n for n in names if n.lower() == path.name.lower()]
        return FileProblem("missing", close=close[0] if close else None)
    size = path.stat().st_size
    return FileProblem("too_big", size=size) if size > max_bytes else None
