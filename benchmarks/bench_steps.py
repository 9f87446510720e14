"""The steps of benchmarking one size: generate, inspect, time the check, time the builds in pairs.

Each step runs real processes (the generators, `python -m bangvang.check`, `mkdocs build`) so
that every figure includes what a user pays for: Python start-up, imports, reading and writing
files. Builds of ours and of the stock site alternate (A B A B …) so that a slow spell of the
shared host hurts both sides of a pair alike; the figure that counts is the median of the
per-pair ratios.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench_output import measure_output
from bench_profile import sample_report
from bench_run import QUIET, run_timed, summary, wait_quiet
from bench_tree import tree_env

HERE = Path(__file__).resolve().parent
SITE_URL = "https://example.org/bangvang/"
SIDES = ("ours", "stock")


@dataclass
class SizeRun:
    """One size being measured: its work folder, the tree under test and the environments of its processes."""

    name: str
    root: Path
    tree: Path
    log: Callable[[str], None] = print
    env: dict[str, str] = field(init=False)
    ours_env: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        """Child processes import bangvang from the tree; our builds read the generated dataset."""
        self.env = tree_env(self.tree)
        self.ours_env = tree_env(self.tree, BANGVANG_DATA=str(self.data), BANGVANG_SITE_URL=SITE_URL)

    @property
    def data(self) -> Path:
        """The generated data/ folder our builds and checks read."""
        return self.root / "data"

    def say(self, message: str) -> None:
        """Log a progress line prefixed with the size, so interleaved runs stay readable."""
        self.log(f"[{self.name}] {message}")


def fresh_folder(path: Path) -> Path:
    """Create `path` empty: left-overs of an earlier run must not be measured."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def generate_dataset(run: SizeRun, params: dict[str, int]) -> dict:
    """Write the synthetic dataset (benchmarks/synth.py, through the tree's schema); what it wrote."""
    run.say(f"generating {params}")
    gen = subprocess.run([sys.executable, str(HERE / "synth.py"), str(run.root),
                          *[f"--{k}={v}" for k, v in params.items()]],
                         env=run.env, capture_output=True, text=True, check=True)
    return json.loads(gen.stdout.strip().splitlines()[-1])


def inspect_dataset(run: SizeRun) -> dict:
    """Load the dataset once in a helper process with the tree's bangvang: counts, pages, award rows."""
    info_file = run.root / "inspect.json"
    subprocess.run([sys.executable, str(HERE / "bench.py"), "--inspect", str(run.data), str(info_file)],
                   env=run.env, check=True)
    return json.loads(info_file.read_text(encoding="utf-8"))


def time_checks(run: SizeRun, check_runs: int) -> dict:
    """Time `python -m bangvang.check DATA` `check_runs` times; every run and their summary."""
    checks = [time_check(run, i, check_runs) for i in range(check_runs)]
    return {"runs": checks, "wall": summary([c["wall"] for c in checks]),
            "cpu": summary([c["cpu"] for c in checks]), "rss_mib": summary([c["rss_mib"] for c in checks]),
            "errors": checks[0]["errors"] if checks else None, "records": checks[0]["records"] if checks else None}


def time_check(run: SizeRun, i: int, check_runs: int) -> dict:
    """One timed data check, with what it reported about the data (the first one sampled by py-spy)."""
    wait_quiet(QUIET["busy"], QUIET["wait"])
    r = run_timed([sys.executable, "-m", "bangvang.check", str(run.data), "--format", "json"], run.tree, run.env,
                  log=run.root / f"check-{i}.log", sample_to=run.root / "sample-check.txt" if i == 0 else None)
    try:
        payload = json.loads(r["stdout"])
    except json.JSONDecodeError:
        payload = {}
    run.say(f"check {i + 1}/{check_runs}: {r['wall']:.2f} s, {r['rss_mib']:.0f} MiB, rc {r['rc']}")
    return {"wall": r["wall"], "cpu": r["cpu"], "rss_mib": r["rss_mib"], "rc": r["rc"], "load": r["load"],
            "errors": payload.get("errors"), "warnings": payload.get("warnings"),
            "records": payload.get("records"), "inner_seconds": payload.get("seconds")}


def write_stock(run: SizeRun, pages: int) -> tuple[Path, dict]:
    """Write the stock MkDocs site (benchmarks/stock.py) with as many pages as ours; its folder and counts."""
    stock_dir = run.root / "stock"
    gen = subprocess.run([sys.executable, str(HERE / "stock.py"), str(stock_dir), f"--pages={pages}"],
                         capture_output=True, text=True, check=True)
    return stock_dir, json.loads(gen.stdout)


def time_builds(run: SizeRun, stock_dir: Path, warmup: int, runs: int,
                keep: bool) -> tuple[dict[str, list[dict]], dict[str, Path]]:
    """Build ours and stock in alternating pairs; every build, and the first good output of each side.

    Other outputs are deleted at once unless `keep`: a province site is a gigabyte.
    """
    builds: dict[str, list[dict]] = {"ours": [], "stock": []}
    outputs: dict[str, Path] = {}
    for i in range(warmup + runs):
        for side in SIDES:
            out = run.root / f"site-{side}-{i}"
            if out.exists():
                shutil.rmtree(out)
            cwd, env = (run.tree, run.ours_env) if side == "ours" else (stock_dir, run.env)
            entry = time_build(run, side, i, warmup, runs, out, cwd, env)
            builds[side].append(entry)
            if entry["rc"] == 0 and side not in outputs:
                outputs[side] = out
            elif not keep:
                shutil.rmtree(out, ignore_errors=True)
    return builds, outputs


def time_build(run: SizeRun, side: str, i: int, warmup: int, runs: int, out: Path, cwd: Path,
               env: dict[str, str]) -> dict:
    """One timed `mkdocs build --strict` into `out` (the first counted build of ours sampled by py-spy)."""
    counted = i >= warmup
    busy = wait_quiet(QUIET["busy"], QUIET["wait"])
    sample = run.root / "sample-build.txt" if side == "ours" and i == warmup else None
    r = run_timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd, env,
                  log=run.root / f"build-{side}-{i}.log", sample_to=sample)
    entry = {"wall": r["wall"], "cpu": r["cpu"], "rss_mib": r["rss_mib"], "rc": r["rc"], "counted": counted,
             "load": r["load"], "busy_before": busy}
    if r["rc"] != 0:
        entry["error_tail"] = (r["stdout"] + r["stderr"])[-3000:]
    run.say(f"{'' if counted else 'warm-up '}build {side} {i + 1}/{warmup + runs}: "
            f"{r['wall']:.2f} s, cpu {r['cpu']:.2f} s, {r['rss_mib']:.0f} MiB, rc {r['rc']}, "
            f"other load: {busy} cores before, load avg {r['load']}")
    return entry


def summarize_builds(run: SizeRun, builds: dict[str, list[dict]], outputs: dict[str, Path]) -> dict:
    """Per side: every build, the summary of the counted ones and its measured output."""
    result = {}
    for side in SIDES:
        counted = [b for b in builds[side] if b["counted"] and b["rc"] == 0]
        result[side] = {"runs": builds[side], "wall": summary([b["wall"] for b in counted]),
                        "cpu": summary([b["cpu"] for b in counted]),
                        "rss_mib": summary([b["rss_mib"] for b in counted]),
                        "failed": sum(1 for b in builds[side] if b["rc"] != 0)}
        if side in outputs:
            run.say(f"measuring output of {side}")
            result[side]["output"] = measure_output(outputs[side])
    return result


def paired_ratios(builds: dict[str, list[dict]]) -> dict:
    """Median (min–max) of ours/stock over the counted pairs where both builds succeeded."""
    pairs = [(a, b) for a, b in zip(builds["ours"], builds["stock"]) if a["counted"] and a["rc"] == 0 and b["rc"] == 0]
    ratio = {key: summary([a[key] / b[key] for a, b in pairs if b[key]]) for key in ("wall", "cpu", "rss_mib")}
    ratio["pairs"] = len(pairs)
    return ratio


def sample_reports(run: SizeRun) -> dict[str, str]:
    """Turn the py-spy samples of the check and the build into reports; where they were written."""
    found = {}
    for kind in ("check", "build"):
        raw = run.root / f"sample-{kind}.txt"
        if raw.is_file():
            path = run.root / f"sample-{kind}-report.txt"
            path.write_text(sample_report(raw), encoding="utf-8")
            found[kind] = str(path)
    return found


def remove_outputs(outputs: dict[str, Path], stock_dir: Path) -> None:
    """Delete the measured sites and the stock sources (without --keep): they are large and reproducible."""
    for out in outputs.values():
        shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(stock_dir, ignore_errors=True)
