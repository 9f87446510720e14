"""Benchmark harness: our build against stock MkDocs + Material on the same number of pages.

    python benchmarks/bench.py ward district          # the sizes to run (default: ward)
    python benchmarks/bench.py province --runs 1 --warmup 0 --snapshot --json province.json
    python benchmarks/bench.py ward --profile          # + one cProfile run of the check and of the build

For each size it

1. generates a dataset with benchmarks/synth.py through the schema of the tree under test
   (`ward`: 2,000 recipients, 5,000 awards, 50 movements, 30 reports; see SIZES);
2. loads it once in a helper process to learn the counts and the pages the site must have;
3. times `python -m bangvang.check DATA` (`--check-runs` times; median);
4. writes a stock site (benchmarks/stock.py) with the same number of HTML pages as ours;
5. times `python -m mkdocs build --strict` of ours (BANGVANG_DATA=the dataset) and of the stock
   site, each into a fresh folder, in pairs A B A B … (`--warmup` pairs not counted, then `--runs`
   pairs); the figure that counts is the median of the per-pair ratios ours/stock;
6. measures the output of one build of each: total size, size per top-level folder (= per page
   type), search index raw and gzip, home page and recipient pages, and whether every page and
   award of the dataset can be reached by following links from the home page.

Every time is a whole-process figure (Python start-up included): wall seconds, CPU = user + system,
peak RSS of the process (from wait4(), as GNU `time -v` reports it). Output folders are deleted
after being measured unless --keep. Results are printed as Markdown tables and, with --json,
written as JSON (the test suite reads it).

`--snapshot` copies the tree under test (src/, hooks/, overrides/, docs/, mkdocs.yml) into the
work folder first, so that edits others make to the repository while a long run goes on do not
change the code being measured halfway; `--tree DIR` measures another checkout.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bench_dataset import inspect
from bench_output import RECIPIENT_FOLDERS  # noqa: F401 (read by tests/test_benchmarks.py)
from bench_profile import run_profiles
from bench_reach import crawl
from bench_report import tables, targets
from bench_run import QUIET, SAMPLER
from bench_steps import (SizeRun, fresh_folder, generate_dataset, inspect_dataset, paired_ratios, remove_outputs,
                         sample_reports, summarize_builds, time_builds, time_checks, write_stock)
from bench_tree import REPO, snapshot, tree_state

# Dataset sizes. district and province keep the ward's proportions (2.5 awards per recipient at
# district level, 2 at province level where more recipients are collectives of the whole province).
SIZES: dict[str, dict[str, int]] = {
    "small": {"recipients": 60, "awards": 150, "movements": 5, "reports": 3, "models": 3},
    "ward": {"recipients": 2000, "awards": 5000, "movements": 50, "reports": 30, "models": 20},
    "district": {"recipients": 8000, "awards": 20000, "movements": 100, "reports": 60, "models": 50},
    "province": {"recipients": 50000, "awards": 100000, "movements": 250, "reports": 150, "models": 200},
}
# Default (warm-up pairs, counted pairs, check runs) per size.
DEFAULT_RUNS = {"small": (0, 1, 1), "ward": (1, 3, 5), "district": (0, 3, 3), "province": (0, 1, 1)}


def bench_size(name: str, params: dict[str, int], tree: Path, work: Path, warmup: int, runs: int,
               check_runs: int, keep: bool, profile: bool, log=print) -> dict:
    """Benchmark one size from generated data to judged targets; everything measured, as one dict."""
    run = SizeRun(name, fresh_folder(work / name), tree, log)
    result: dict = {"size": name, "params": params, "runs": runs, "warmup": warmup, "check_runs": check_runs}
    result["generated"] = generate_dataset(run, params)
    info = inspect_dataset(run)
    result["dataset"] = {k: v for k, v in info.items() if k not in ("pages", "awards_on_pages")}
    expected_pages = info.get("pages", [])
    result["pages_expected"] = len(expected_pages)
    run.say(f"{result['dataset'].get('counts')} → {len(expected_pages)} pages")
    result["check"] = time_checks(run, check_runs)
    stock_dir, result["stock_site"] = write_stock(run, len(expected_pages))
    builds, outputs = time_builds(run, stock_dir, warmup, runs, keep)
    result.update(summarize_builds(run, builds, outputs))
    result["ratio"] = paired_ratios(builds)
    if "ours" in outputs:
        run.say("crawling links from the home page")
        result["reach"] = crawl(outputs["ours"], expected_pages, info.get("awards_on_pages", []))
    if profile:
        result["profile"] = run_profiles(name, run.root, tree, run.data, run.ours_env, log)
    if samples := sample_reports(run):
        result["samples"] = samples
    if not keep:
        remove_outputs(outputs, stock_dir)
    result["targets"] = targets(name, result)
    return result


def parser() -> argparse.ArgumentParser:
    """The command line: sizes to run and how (see the module's docstring)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sizes", nargs="*", metavar="SIZE", help=f"one or more of {', '.join(SIZES)} (default: ward)")
    p.add_argument("--runs", type=int, help="counted pairs of builds (default: ward 3, district 3, province 1)")
    p.add_argument("--warmup", type=int, help="warm-up pairs, not counted (default: ward 1, others 0)")
    p.add_argument("--check-runs", type=int, help="runs of the data check (default: ward 5, district 3, province 1)")
    p.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bangvang-bench")
    p.add_argument("--tree", type=Path, default=REPO, help="checkout to measure (default: this repository)")
    p.add_argument("--snapshot", action="store_true", help="measure a frozen copy of the tree")
    p.add_argument("--json", type=Path, help="write the results here")
    p.add_argument("--keep", action="store_true", help="keep the generated sites")
    p.add_argument("--profile", action="store_true", help="also run the check and the build once under cProfile")
    p.add_argument("--quiet", type=float, nargs=2, metavar=("CORES", "SECONDS"), default=(QUIET["busy"], QUIET["wait"]),
                   help="before each timed run wait up to SECONDS for other processes to use < CORES cores "
                        "(default 0.5 120; 0 0 to not wait)")
    p.add_argument("--sample", metavar="PY_SPY", help="py-spy binary: sample the first counted build of "
                   "ours and the first check of each size (a profile that costs the run no time)")
    p.add_argument("--inspect", nargs=2, type=Path, metavar=("DATA", "OUT"), help=argparse.SUPPRESS)
    return p


def run_sizes(args: argparse.Namespace, tree: Path) -> list[dict]:
    """Benchmark each size asked for in turn, saving the JSON after each one."""
    state = tree_state(tree)
    print(f"tree: {state['tree']} (commit {state['commit']}, {len(state['dirty'])} uncommitted paths)", flush=True)
    results = []
    for name in args.sizes or ["ward"]:
        warmup, runs, check_runs = DEFAULT_RUNS[name]
        res = bench_size(name, SIZES[name], tree, args.workdir,
                         warmup=args.warmup if args.warmup is not None else warmup,
                         runs=args.runs if args.runs is not None else runs,
                         check_runs=args.check_runs if args.check_runs is not None else check_runs,
                         keep=args.keep, profile=args.profile, log=lambda m: print(m, flush=True))
        res["tree_state"] = state
        results.append(res)
        if args.json:  # after each size, so a long run leaves what it measured so far
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the tables; exit status 1 if a build or the check failed."""
    cli = parser()
    args = cli.parse_args(argv)
    if args.inspect:
        inspect(*args.inspect)
        return 0
    QUIET["busy"], QUIET["wait"] = args.quiet
    SAMPLER["py_spy"] = args.sample
    unknown = [s for s in args.sizes if s not in SIZES]
    if unknown:
        cli.error(f"unknown size {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    tree = snapshot(args.workdir / "tree") if args.snapshot else args.tree.resolve()
    results = run_sizes(args, tree)
    print()
    print(tables(results))
    failed = any(r["ours"].get("failed") or r["stock"].get("failed") or r["check"]["errors"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
