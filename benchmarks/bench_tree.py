"""The tree under test: which checkout's code a benchmark run measures, and in what state.

A long run (a province takes about ten minutes a pair) must not measure code that others edit
halfway through it: `--snapshot` freezes a copy first, and every result records the commit and
the uncommitted paths of the code it measured.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def tree_env(tree: Path, **extra: str) -> dict[str, str]:
    """The environment of a child process that must import bangvang from `tree`, not from the venv."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(tree / "src")] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


def snapshot(dest: Path) -> Path:
    """Copy what a build reads from the repository into `dest` (a frozen tree under test)."""
    if dest.exists():
        shutil.rmtree(dest)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("src", "hooks", "overrides", "docs"):
        shutil.copytree(REPO / name, dest / name, ignore=ignore)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "data").mkdir()  # mkdocs.yml watches data/; the benchmarks point BANGVANG_DATA elsewhere
    (dest / "SNAPSHOT.json").write_text(json.dumps(tree_state(REPO), indent=1), encoding="utf-8")
    return dest


def tree_state(tree: Path) -> dict:
    """Commit and uncommitted changes of the repository the tree was taken from."""
    recorded = tree / "SNAPSHOT.json"
    if recorded.is_file():  # a snapshot: the state of the repository when it was taken
        return {**json.loads(recorded.read_text(encoding="utf-8")), "tree": str(tree), "snapshot": True}
    return {"tree": str(tree), "commit": _git("rev-parse", "--short", "HEAD"),
            "dirty": _git("status", "--porcelain", "--", "src", "hooks", "overrides", "docs", "mkdocs.yml").splitlines()}


def _git(*args: str) -> str:
    """Output of a read-only git command in this repository, or "" where git or the repository is missing."""
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return ""
