"""Where the time goes: cProfile runs (--profile) and reports of py-spy samples (--sample).

cProfile slows a build down several times, so it runs apart from the timed builds; py-spy samples
the timed runs themselves without pausing them. Both end as plain-text reports of the functions
that take the most time, all of them and ours (src/bangvang) alone.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path

from bench_run import run_timed


def run_profiles(name: str, root: Path, tree: Path, data: Path, env: dict, log) -> dict:
    """Run the check and the build once each under cProfile; where their reports were written."""
    py = sys.executable
    found = {}
    for kind, cmd in (("check", ["-m", "bangvang.check", str(data)]),
                      ("build", ["-m", "mkdocs", "build", "--strict", "-d", str(root / "site-profile")])):
        prof = root / f"profile-{kind}.prof"
        log(f"[{name}] cProfile {kind}")
        r = run_timed([py, "-m", "cProfile", "-o", str(prof), *cmd], tree, env, log=root / f"profile-{kind}.log")
        shutil.rmtree(root / "site-profile", ignore_errors=True)
        report = root / f"profile-{kind}.txt"
        report.write_text(profile_report(prof), encoding="utf-8")
        found[kind] = {"wall": r["wall"], "rc": r["rc"], "prof": str(prof), "report": str(report)}
    return found


def profile_report(prof: Path, top: int = 40) -> str:
    """Top functions by cumulative time: all of them, then only ours (src/bangvang), then tottime."""
    import io
    import pstats

    stats = pstats.Stats(str(prof))
    total = max((ct for (_, _, _, ct, _) in stats.stats.values()), default=0.0)
    rows = []
    for (file, line, func), (cc, nc, tt, ct, _) in stats.stats.items():
        rows.append((ct, tt, nc, f"{_short(file)}:{line}({func})", file))
    out = io.StringIO()
    out.write(f"total (largest cumulative) {total:.2f} s under cProfile\n\n")
    for title, chosen, key in (
            ("cumulative, everything", rows, 0),
            ("cumulative, src/bangvang only", [r for r in rows if "/bangvang/" in r[4] and "/site-packages/" not in r[4]
                                                or "/templates/" in r[4] and "bangvang" in r[4]], 0),
            ("own time (tottime), everything", rows, 1)):
        out.write(f"== {title}\n{'cumtime':>9} {'tottime':>9} {'share':>6} {'ncalls':>9}  function\n")
        for ct, tt, nc, label, _ in sorted(chosen, key=lambda r: -r[key])[:top]:
            out.write(f"{ct:9.2f} {tt:9.2f} {100 * (ct if key == 0 else tt) / total if total else 0:5.1f}% {nc:9d}  {label}\n")
        out.write("\n")
    return out.getvalue()


def sample_report(raw: Path, top: int = 45) -> str:
    """Inclusive and own shares per function from py-spy's collapsed stacks ("f (file:line);g (…) N")."""
    inclusive, own, total = count_samples(raw)
    out = [f"{total} samples\n"]
    for title, table, only_ours in (("inclusive, everything", inclusive, False),
                                    ("inclusive, src/bangvang only", inclusive, True),
                                    ("own (leaf), everything", own, False)):
        out.append(f"== {title}\n{'share':>6} {'samples':>8}  function")
        chosen = [(k, v) for k, v in table.items() if not only_ours or "bangvang/" in k and "site-packages" not in k]
        for frame, n in sorted(chosen, key=lambda kv: -kv[1])[:top]:
            out.append(f"{100 * n / max(total, 1):5.1f}% {n:8d}  {_short(frame)}")
        out.append("")
    return "\n".join(out)


def count_samples(raw: Path) -> tuple[dict[str, int], dict[str, int], int]:
    """Samples per function anywhere on the stack and at its top, and in all: the shares' raw counts."""
    inclusive: dict[str, int] = defaultdict(int)
    own: dict[str, int] = defaultdict(int)
    total = 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = [re.sub(r":\d+\)$", ")", f) for f in stack.split(";")]  # a function, whatever its line
        for frame in set(frames):
            inclusive[frame] += n
        own[frames[-1]] += n
    return inclusive, own, total


def _short(file: str) -> str:
    """A file name without its install prefix, so the report's lines stay readable."""
    for marker in ("/site-packages/", "/src/", "/lib/python3"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file
