"""Helpers shared by the tests of .github/ (tests/test_github_*.py): paths, YAML, steps of a job, tools.

Structural rules are read from the parsed YAML (PyYAML; YAML 1.1 reads the key `on:` as True). The two
offline tools, check-jsonschema and zizmor, are pinned in requirements-dev.txt and run from this
environment's bin folder.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.y*ml") if p.name != "config.yml")
BIN = Path(sys.executable).parent


def load(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def triggers(workflow: dict) -> set[str]:
    """Event names of a workflow; `on:` is the boolean True under YAML 1.1."""
    on = workflow.get("on", workflow.get(True))
    assert on is not None, "workflow has no `on:`"
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    return set(on)


def trigger_config(workflow: dict, event: str):
    on = workflow.get("on", workflow.get(True))
    return on.get(event) if isinstance(on, dict) else None


def steps(job: dict) -> list[dict]:
    return job.get("steps") or []


def uses_name(step: dict) -> str:
    return str(step.get("uses", "")).split("@", 1)[0]


def step_using(job: dict, action: str) -> list[tuple[int, dict]]:
    return [(i, s) for i, s in enumerate(steps(job)) if uses_name(s) == action]


def steps_running(job: dict, pattern: str) -> list[tuple[int, dict]]:
    rx = re.compile(pattern)
    return [(i, s) for i, s in enumerate(steps(job)) if rx.search(str(s.get("run", "")))]


def jobs_using(workflow: dict, action: str) -> list[tuple[str, dict]]:
    return [(name, job) for name, job in workflow["jobs"].items() if step_using(job, action)]


def workflow(name: str) -> dict:
    path = GITHUB / "workflows" / name
    assert path.is_file(), f"missing {path.relative_to(ROOT)}"
    return load(path)


def is_write(permissions) -> bool:
    if isinstance(permissions, str):
        return permissions == "write-all"
    return any(v == "write" for v in (permissions or {}).values())


def run_tool(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    exe = BIN / args[0]
    assert exe.exists(), f"{args[0]} is not installed in this environment: install requirements-dev.txt"
    return subprocess.run([str(exe), *args[1:]], cwd=cwd, capture_output=True, text=True, timeout=300)
