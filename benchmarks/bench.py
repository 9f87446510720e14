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
import gzip
import json
import math
import os
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict, deque
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
MIB = 1024 * 1024

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

SITE_URL = "https://example.org/bangvang/"
# py-spy (a sampling profiler, optional: --sample PATH) attached to the first counted build of ours
# and the first check run of each size.
SAMPLER = {"py_spy": None, "rate": 20}

# Before each timed run, wait up to QUIET["wait"] s for the machine to be quiet (other processes using
# less than QUIET["busy"] cores): the host is shared, and a neighbour's test run skews a build by 20–50 %.
QUIET = {"busy": 0.5, "wait": 120.0}
RECIPIENT_FOLDERS = ("ca-nhan", "tap-the", "ho-gia-dinh")


# -- running and timing ------------------------------------------------------------------------

def run_timed(cmd: list[str], cwd: Path, env: dict[str, str], log: Path | None = None,
              sample_to: Path | None = None) -> dict:
    """Run `cmd`; wall seconds, CPU seconds, peak RSS (MiB) of the process tree it waited for.

    With `sample_to` (and --sample PY_SPY), py-spy attaches to the process by pid, without pausing
    it (--nonblocking, 20 Hz), and writes collapsed stacks there; the figures stay the process's own.
    """
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
        sampler = None
        if sample_to is not None and SAMPLER["py_spy"]:
            sampler = subprocess.Popen([SAMPLER["py_spy"], "record", "--pid", str(proc.pid), "--nonblocking",
                                        "--rate", str(SAMPLER["rate"]), "--format", "raw", "--output", str(sample_to)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if sampler is not None:
            try:
                sampler.wait(timeout=60)
            except subprocess.TimeoutExpired:
                sampler.kill()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if log is not None:
        log.write_text(f"$ {' '.join(cmd)}\n{stdout}\n{stderr}", encoding="utf-8")
    return {"wall": round(wall, 3), "cpu": round(usage.ru_utime + usage.ru_stime, 3),
            "rss_mib": round(usage.ru_maxrss / 1024, 1), "rc": proc.returncode,
            "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],  # 1-min load average before, after
            "stdout": stdout, "stderr": stderr}


def busy_cores(seconds: float = 1.0) -> float:
    """CPU cores in use by anything on the machine over the next `seconds` (from /proc/stat)."""
    def sample():
        with open("/proc/stat") as fh:
            values = [int(v) for v in fh.readline().split()[1:]]
        return sum(values), values[3] + values[4]  # total, idle + iowait
    try:
        t0, i0 = sample()
        time.sleep(seconds)
        t1, i1 = sample()
    except OSError:
        return 0.0
    return (os.cpu_count() or 1) * (1 - (i1 - i0) / max(t1 - t0, 1))


def wait_quiet(max_busy: float, max_wait: float) -> float:
    """Wait (at most `max_wait` s) until other processes use less than `max_busy` cores; return the last reading."""
    deadline = time.monotonic() + max_wait
    busy = busy_cores()
    while busy >= max_busy and time.monotonic() < deadline:
        busy = busy_cores(2.0)
    return round(busy, 2)


def tree_env(tree: Path, **extra: str) -> dict[str, str]:
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

    def git(*args):
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
        except (subprocess.CalledProcessError, FileNotFoundError):
            return ""
    return {"tree": str(tree), "commit": git("rev-parse", "--short", "HEAD"),
            "dirty": git("status", "--porcelain", "--", "src", "hooks", "overrides", "docs", "mkdocs.yml").splitlines()}


def summary(values: list[float]) -> dict:
    if not values:
        return {"median": None, "min": None, "max": None}
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3), "max": round(max(values), 3)}


# -- inspecting the dataset (runs in a helper process, with the tree's bangvang) -----------------

def inspect(data: Path, out: Path) -> None:
    from bangvang.model import load_board
    from bangvang.pages import Site

    board, issues = load_board(data)
    if board is None:
        out.write_text(json.dumps({"errors": len(issues.errors), "report": issues.report()[:5000]}), encoding="utf-8")
        return
    site = Site(board, data_dir=data.name)
    result = {
        "errors": 0,
        "warnings": len(issues.warnings),
        "counts": {"recipients": len(board.recipients), "awards": len(board.awards),
                   "movements": len(board.movements), "reports": len(board.reports), "models": len(board.models),
                   "documents": len(board.documents) - len(board.reports)},
        "pages": sorted(spec.url for spec in site.pages.values()),
        "awards_on_pages": sorted(_award_anchor(board, a) for a in board.awards),
    }
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def _award_anchor(board, award) -> str:
    """The id of an award's row in the HTML (neutral for a person shown by initials or withdrawn)."""
    return board.public_award_id(award) if hasattr(board, "public_award_id") else award.id


# -- measuring an output folder ------------------------------------------------------------------

def gzip_size(path: Path) -> int:
    """Size of `path` compressed with gzip -6 (what a static host typically serves)."""
    size = 0
    compressor = gzip.zlib.compressobj(6, gzip.zlib.DEFLATED, 31)
    with path.open("rb") as fh:
        while chunk := fh.read(4 * MIB):
            size += len(compressor.compress(chunk))
    return size + len(compressor.flush())


def measure_output(site: Path) -> dict:
    total = 0
    files = 0
    folders: dict[str, dict] = defaultdict(lambda: {"bytes": 0, "files": 0, "pages": 0, "page_sizes": []})
    largest = ("", 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        files += 1
        rel = path.relative_to(site).as_posix()
        top = rel.split("/", 1)[0] if "/" in rel else "(root files)"
        entry = folders[top]
        entry["bytes"] += size
        entry["files"] += 1
        if path.name == "index.html":
            entry["pages"] += 1
            entry["page_sizes"].append(size)
            if size > largest[1]:
                largest = (rel, size)
    by_folder = {}
    for name, entry in sorted(folders.items()):
        sizes = entry.pop("page_sizes")
        entry["page_median"] = int(statistics.median(sizes)) if sizes else 0
        entry["page_max"] = max(sizes) if sizes else 0
        by_folder[name] = entry
    search = [p for p in (site / "search").rglob("*") if p.is_file()]
    manifest = site / "search" / "search_index.json"
    home = site / "index.html"
    recipient_pages = [s for f in RECIPIENT_FOLDERS for s in _page_sizes(site / f)]
    return {
        "bytes": total, "files": files, "html_pages": sum(1 for _ in site.rglob("*.html")),
        "by_folder": by_folder,
        # all of search/: Material's search_index.json (stock: the whole index; ours: the manifest
        # fetched on every visit) and, for ours, the shards and result lines fetched by queries
        "search_index": {"bytes": sum(p.stat().st_size for p in search), "gzip": sum(gzip_size(p) for p in search),
                         "files": len(search), "largest_file": max((p.stat().st_size for p in search), default=0),
                         "manifest": manifest.stat().st_size if manifest.exists() else None,
                         "manifest_gzip": gzip_size(manifest) if manifest.exists() else None} if search else None,
        "home": {"bytes": home.stat().st_size, "gzip": gzip_size(home)} if home.exists() else None,
        "recipient_page": {"count": len(recipient_pages),
                           "median": int(statistics.median(recipient_pages)) if recipient_pages else 0,
                           "max": max(recipient_pages, default=0)},
        "largest_page": {"path": largest[0], "bytes": largest[1]},
    }


def _page_sizes(folder: Path) -> list[int]:
    return [p.stat().st_size for p in folder.glob("*/index.html")] if folder.is_dir() else []


HREF = re.compile(rb'href="([^"]*)"')
ANCHOR_ID = re.compile(rb'\sid="([^"]+)"')


def crawl(site: Path, expected_pages: list[str], awards: list[str]) -> dict:
    """Follow links from the home page; which expected pages and award rows are never reached."""
    seen = {""}
    queue = deque([""])
    ids: set[bytes] = set()
    while queue:
        url = queue.popleft()
        path = site / url / "index.html"
        try:
            html = path.read_bytes()
        except OSError:
            continue
        ids.update(ANCHOR_ID.findall(html))
        for raw in HREF.findall(html):
            href = raw.decode("utf-8", "replace").split("#", 1)[0].split("?", 1)[0]
            if not href or "://" in href or href.startswith(("mailto:", "javascript:", "data:")):
                continue
            target = posixpath.normpath(posixpath.join("/" + url, href)).lstrip("/")
            if target == ".":
                target = ""
            if target.endswith("index.html"):
                target = target[: -len("index.html")]
            if "." in posixpath.basename(target):  # an asset, a feed, a CSV…
                continue
            target = target + "/" if target and not target.endswith("/") else target
            if target not in seen and (site / target / "index.html").is_file():
                seen.add(target)
                queue.append(target)
    missing_pages = [p for p in expected_pages if p not in seen]
    missing_awards = [a for a in awards if a.encode() not in ids]
    return {"reached": len(seen), "expected": len(expected_pages), "missing_pages": len(missing_pages),
            "missing_pages_sample": missing_pages[:10], "awards": len(awards),
            "missing_awards": len(missing_awards), "missing_awards_sample": missing_awards[:10]}


# -- one size ------------------------------------------------------------------------------------

def bench_size(name: str, params: dict[str, int], tree: Path, work: Path, warmup: int, runs: int,
               check_runs: int, keep: bool, profile: bool, log=print) -> dict:
    py = sys.executable
    root = work / name
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    env = tree_env(tree)
    result: dict = {"size": name, "params": params, "runs": runs, "warmup": warmup, "check_runs": check_runs}

    log(f"[{name}] generating {params}")
    gen = subprocess.run([py, str(HERE / "synth.py"), str(root), *[f"--{k}={v}" for k, v in params.items()]],
                         env=env, capture_output=True, text=True, check=True)
    result["generated"] = json.loads(gen.stdout.strip().splitlines()[-1])
    data = root / "data"

    info_file = root / "inspect.json"
    subprocess.run([py, str(Path(__file__).resolve()), "--inspect", str(data), str(info_file)], env=env, check=True)
    info = json.loads(info_file.read_text(encoding="utf-8"))
    result["dataset"] = {k: v for k, v in info.items() if k not in ("pages", "awards_on_pages")}
    expected_pages = info.get("pages", [])
    result["pages_expected"] = len(expected_pages)
    log(f"[{name}] {result['dataset'].get('counts')} → {len(expected_pages)} pages")

    checks = []
    for i in range(check_runs):
        wait_quiet(QUIET["busy"], QUIET["wait"])
        r = run_timed([py, "-m", "bangvang.check", str(data), "--format", "json"], tree, env,
                      log=root / f"check-{i}.log", sample_to=root / "sample-check.txt" if i == 0 else None)
        try:
            payload = json.loads(r["stdout"])
        except json.JSONDecodeError:
            payload = {}
        checks.append({"wall": r["wall"], "cpu": r["cpu"], "rss_mib": r["rss_mib"], "rc": r["rc"], "load": r["load"],
                       "errors": payload.get("errors"), "warnings": payload.get("warnings"),
                       "records": payload.get("records"), "inner_seconds": payload.get("seconds")})
        log(f"[{name}] check {i + 1}/{check_runs}: {r['wall']:.2f} s, {r['rss_mib']:.0f} MiB, rc {r['rc']}")
    result["check"] = {"runs": checks, "wall": summary([c["wall"] for c in checks]),
                       "cpu": summary([c["cpu"] for c in checks]), "rss_mib": summary([c["rss_mib"] for c in checks]),
                       "errors": checks[0]["errors"] if checks else None, "records": checks[0]["records"] if checks else None}

    stock_dir = root / "stock"
    gen = subprocess.run([py, str(HERE / "stock.py"), str(stock_dir), f"--pages={len(expected_pages)}"],
                         capture_output=True, text=True, check=True)
    result["stock_site"] = json.loads(gen.stdout)

    builds = {"ours": [], "stock": []}
    outputs: dict[str, Path] = {}
    ours_env = tree_env(tree, BANGVANG_DATA=str(data), BANGVANG_SITE_URL=SITE_URL)
    for i in range(warmup + runs):
        counted = i >= warmup
        for side in ("ours", "stock"):
            out = root / f"site-{side}-{i}"
            if out.exists():
                shutil.rmtree(out)
            cwd, e = (tree, ours_env) if side == "ours" else (stock_dir, env)
            busy = wait_quiet(QUIET["busy"], QUIET["wait"])
            sample = root / "sample-build.txt" if side == "ours" and i == warmup else None
            r = run_timed([py, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd, e,
                          log=root / f"build-{side}-{i}.log", sample_to=sample)
            entry = {"wall": r["wall"], "cpu": r["cpu"], "rss_mib": r["rss_mib"], "rc": r["rc"], "counted": counted,
                     "load": r["load"], "busy_before": busy}
            if r["rc"] != 0:
                entry["error_tail"] = (r["stdout"] + r["stderr"])[-3000:]
            builds[side].append(entry)
            log(f"[{name}] {'' if counted else 'warm-up '}build {side} {i + 1}/{warmup + runs}: "
                f"{r['wall']:.2f} s, cpu {r['cpu']:.2f} s, {r['rss_mib']:.0f} MiB, rc {r['rc']}, "
                f"other load: {busy} cores before, load avg {r['load']}")
            if r["rc"] == 0 and side not in outputs:
                outputs[side] = out
            elif not keep:
                shutil.rmtree(out, ignore_errors=True)

    for side in ("ours", "stock"):
        counted = [b for b in builds[side] if b["counted"] and b["rc"] == 0]
        result[side] = {"runs": builds[side], "wall": summary([b["wall"] for b in counted]),
                        "cpu": summary([b["cpu"] for b in counted]),
                        "rss_mib": summary([b["rss_mib"] for b in counted]),
                        "failed": sum(1 for b in builds[side] if b["rc"] != 0)}
        if side in outputs:
            log(f"[{name}] measuring output of {side}")
            result[side]["output"] = measure_output(outputs[side])
    pairs = [(a, b) for a, b in zip(builds["ours"], builds["stock"]) if a["counted"] and a["rc"] == 0 and b["rc"] == 0]
    result["ratio"] = {key: summary([a[key] / b[key] for a, b in pairs if b[key]]) for key in ("wall", "cpu", "rss_mib")}
    result["ratio"]["pairs"] = len(pairs)
    if "ours" in outputs:
        log(f"[{name}] crawling links from the home page")
        result["reach"] = crawl(outputs["ours"], expected_pages, info.get("awards_on_pages", []))

    if profile:
        result["profile"] = run_profiles(name, root, tree, data, ours_env, log)
    for kind in ("check", "build"):
        raw = root / f"sample-{kind}.txt"
        if raw.is_file():
            report = root / f"sample-{kind}-report.txt"
            report.write_text(sample_report(raw), encoding="utf-8")
            result.setdefault("samples", {})[kind] = str(report)
    if not keep:
        for out in outputs.values():
            shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(stock_dir, ignore_errors=True)
    result["targets"] = targets(name, result)
    return result


# -- profiling -----------------------------------------------------------------------------------

def run_profiles(name: str, root: Path, tree: Path, data: Path, env: dict, log) -> dict:
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


def _short(file: str) -> str:
    for marker in ("/site-packages/", "/src/", "/lib/python3"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


# -- targets -------------------------------------------------------------------------------------

def targets(name: str, r: dict) -> list[dict]:
    """The issue's targets this run can judge (page weight and search: benchmarks/browser.py)."""
    out = []

    def add(what, value, limit, ok, unit=""):
        out.append({"target": what, "value": value, "limit": limit, "unit": unit,
                    "met": None if ok is None else bool(ok)})

    ratio = r["ratio"]["wall"]["median"]
    add("build time ratio ours/stock ≤ 1.15", ratio, 1.15, None if ratio is None else ratio <= 1.15)
    ours = r.get("ours", {})
    wall = ours.get("wall", {}).get("median")
    output = ours.get("output") or {}
    if name == "ward":
        add("ward build < 20 s", wall, 20, None if wall is None else wall < 20, "s")
        check = r["check"]["wall"]["median"]
        add("ward check < 1 s", check, 1, None if check is None else check < 1, "s")
    if name == "province":
        add("province build < 10 min", wall, 600, None if wall is None else wall < 600, "s")
        size = output.get("bytes")
        add("province site < 1 GB", None if size is None else round(size / 1e9, 2), 1,
            None if size is None else size < 1e9, "GB")
        rss = ours.get("rss_mib", {}).get("max")
        add("province build memory < 4 GB", rss, 4096, None if rss is None else rss < 4096, "MiB")
    if "reach" in r:
        reach = r["reach"]
        add("every record reachable from the home page", reach["missing_pages"] + reach["missing_awards"], 0,
            reach["missing_pages"] == 0 and reach["missing_awards"] == 0, "unreached")
    rp = output.get("recipient_page") or {}
    if rp.get("count"):
        add("recipient page < 60 KB HTML (largest)", round(rp["max"] / 1000, 1), 60, rp["max"] < 60_000, "KB")
    return out


# -- tables --------------------------------------------------------------------------------------

def _range(s: dict, fmt: str = "{:.2f}") -> str:
    if s.get("median") is None:
        return "—"
    if s["min"] == s["max"]:
        return fmt.format(s["median"])
    return f"{fmt.format(s['median'])} ({fmt.format(s['min'])}–{fmt.format(s['max'])})"


def _mib(n: int | None) -> str:
    return "—" if n is None else f"{n / MIB:.1f}"


def tables(results: list[dict]) -> str:
    lines = ["| size | pages ours / stock | pairs | check s | build ours s | build stock s | **ratio ours/stock** | "
             "cpu ours / stock s | cpu ratio | peak RSS ours / stock MiB | RSS ratio |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        ours, stock = r.get("ours", {}), r.get("stock", {})
        po = (ours.get("output") or {}).get("html_pages", 0)
        ps = (stock.get("output") or {}).get("html_pages", 0)
        fail = f" ({ours.get('failed')} failed)" if ours.get("failed") else ""
        lines.append(
            f"| {r['size']} | {max(po - 1, 0)} / {max(ps - 1, 0)} | {r['ratio']['pairs']}{fail} | {_range(r['check']['wall'])} | "
            f"{_range(ours.get('wall', {}))} | {_range(stock.get('wall', {}))} | **{_range(r['ratio']['wall'])}** | "
            f"{_range(ours.get('cpu', {}), '{:.1f}')} / {_range(stock.get('cpu', {}), '{:.1f}')} | "
            f"{_range(r['ratio']['cpu'])} | "
            f"{_range(ours.get('rss_mib', {}), '{:.0f}')} / {_range(stock.get('rss_mib', {}), '{:.0f}')} | "
            f"{_range(r['ratio']['rss_mib'])} |")
    lines += ["", "| size | output ours / stock MiB | search index ours MiB (gzip) | search index stock MiB (gzip) | "
              "home page KB (gzip) | recipient page KB median / max | largest page | reach: pages, awards missed |",
              "|---|---:|---:|---:|---:|---:|---|---:|"]
    for r in results:  # search index = everything under search/ (ours: fetched piece by piece, by query)
        oo = (r.get("ours") or {}).get("output") or {}
        so = (r.get("stock") or {}).get("output") or {}
        si, ss, home = oo.get("search_index") or {}, so.get("search_index") or {}, oo.get("home") or {}
        rp, lp = oo.get("recipient_page") or {}, oo.get("largest_page") or {}
        reach = r.get("reach") or {}
        lines.append(
            f"| {r['size']} | {_mib(oo.get('bytes'))} / {_mib(so.get('bytes'))} | "
            f"{_mib(si.get('bytes'))} ({_mib(si.get('gzip'))}) | {_mib(ss.get('bytes'))} ({_mib(ss.get('gzip'))}) | "
            f"{home.get('bytes', 0) / 1000:.1f} ({home.get('gzip', 0) / 1000:.1f}) | "
            f"{rp.get('median', 0) / 1000:.1f} / {rp.get('max', 0) / 1000:.1f} | "
            f"{lp.get('path', '—')} {lp.get('bytes', 0) / MIB:.2f} MiB | "
            f"{reach.get('missing_pages', '—')}, {reach.get('missing_awards', '—')} |")
    for r in results:
        oo = (r.get("ours") or {}).get("output") or {}
        if not oo:
            continue
        lines += ["", f"Output of ours by top-level folder ({r['size']}):", "",
                  "| folder | pages | MiB | median page KB | largest page KB |", "|---|---:|---:|---:|---:|"]
        for folder, e in sorted(oo["by_folder"].items(), key=lambda kv: -kv[1]["bytes"]):
            lines.append(f"| {folder} | {e['pages']} | {e['bytes'] / MIB:.1f} | {e['page_median'] / 1000:.1f} | "
                         f"{e['page_max'] / 1000:.1f} |")
    lines += ["", "| size | target | value | met |", "|---|---|---:|---|"]
    for r in results:
        for t in r.get("targets", []):
            met = "—" if t["met"] is None else ("met" if t["met"] else "**MISSED**")
            lines.append(f"| {r['size']} | {t['target']} | {t['value']} {t['unit']} | {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", metavar="SIZE",
                        help=f"one or more of {', '.join(SIZES)} (default: ward)")
    parser.add_argument("--runs", type=int, help="counted pairs of builds (default: ward 3, district 3, province 1)")
    parser.add_argument("--warmup", type=int, help="warm-up pairs, not counted (default: ward 1, others 0)")
    parser.add_argument("--check-runs", type=int, help="runs of the data check (default: ward 5, district 3, province 1)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bangvang-bench")
    parser.add_argument("--tree", type=Path, default=REPO, help="checkout to measure (default: this repository)")
    parser.add_argument("--snapshot", action="store_true", help="measure a frozen copy of the tree")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    parser.add_argument("--profile", action="store_true", help="also run the check and the build once under cProfile")
    parser.add_argument("--quiet", type=float, nargs=2, metavar=("CORES", "SECONDS"),
                        default=(QUIET["busy"], QUIET["wait"]),
                        help="before each timed run wait up to SECONDS for other processes to use < CORES cores "
                             "(default 0.5 120; 0 0 to not wait)")
    parser.add_argument("--sample", metavar="PY_SPY", help="py-spy binary: sample the first counted build of "
                        "ours and the first check of each size (a profile that costs the run no time)")
    parser.add_argument("--inspect", nargs=2, type=Path, metavar=("DATA", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inspect:
        inspect(*args.inspect)
        return 0

    QUIET["busy"], QUIET["wait"] = args.quiet
    SAMPLER["py_spy"] = args.sample
    unknown = [s for s in args.sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    tree = snapshot(args.workdir / "tree") if args.snapshot else args.tree.resolve()
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
    print()
    print(tables(results))
    failed = any(r["ours"].get("failed") or r["stock"].get("failed") or r["check"]["errors"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
