"""Judged search queries against three engines over the same built site, in headless Chromium.

    python benchmarks/search_quality.py --queries benchmarks/search_queries.yml \\
        --sites ward xa-an-binh province --engines ours lunr pagefind pagefind-article \\
        --work /tmp/sq-bench [--site-dir ward=/tmp/site-ward] [--data-dir province=/tmp/data]
        [--pages indexed|all] [--ready-timeout 120] [--query-timeout 60] [--rebuild] [--json out.json]

Engines (benchmarks/search_engines.py): ours (the site as built), lunr (Material's stock search over
the same pages), pagefind and pagefind-article (Pagefind over the whole page, or only Material's
<article>). Each site copy (benchmarks/search_sites.py) is served under its own sub-path by
benchmarks/browser.py's server, which gzips text files as a static host does and logs every byte.

The query file names the sites (`data:` a data tree, or `synth:` a size of benchmarks/bench.py
built with benchmarks/synth.py) and the judged queries: `{site, q, expect: [page paths], kind}`.
Metrics over the first 10 results: MRR, success@1, success@5, and visible@5 (the expected page is
in the first 5 and its result line, folded without marks, holds every word of the query — of the
words meant, for a misspelling — as the start of a word: the resident can see the page holds what
they typed). Per engine and site: the search bytes (gzip, as sent) and time of the first query from
a cold cache, the median query time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_engines  # noqa: E402
import search_sites  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ENGINES = ("ours", "lunr", "pagefind", "pagefind-article")
EPOCH = "1795824000"  # SOURCE_DATE_EPOCH of the builds: the same dates every run
SITE_URL = "https://vidu.github.io/bang-vang/"  # as the Pages workflow builds (a real sitemap.xml)
# What a build of ours depends on: a build is reused only while none of these changed.
TREE = ("src/bangvang", "docs", "overrides", "hooks", "mkdocs.yml")
OVERALL = "overall"


# --- metrics ---------------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case without Vietnamese marks (NFD, combining marks dropped, đ → d)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def visible(query: str, line: str) -> bool:
    """Every query word starts some word of the line (both folded)."""
    shown = words(line)
    return all(any(w.startswith(q) for w in shown) for q in words(query))


def first_rank(paths: list[str], expect: list[str]) -> int:
    """1-based rank of the first result whose page is expected; 0 when none of the first 10 is."""
    for rank, path in enumerate(paths[:10], 1):
        if path in expect:
            return rank
    return 0


def judge(query: dict, results: list[dict]) -> dict:
    """Rank, top 3 and the expected result's line for one answered query."""
    paths = [r["path"] for r in results]
    rank = first_rank(paths, query["expect"])
    line = results[rank - 1]["line"] if rank else None
    return {"rank": rank, "top3": paths[:3], "line": line,
            "visible": bool(rank and rank <= 5 and visible(query.get("intended") or query["q"], line))}


def summarize(records: list[dict]) -> dict | None:
    """MRR, success@1, success@5, visible@5 of some judged queries (unanswered count as misses)."""
    if not records:
        return None
    ranks = [r["rank"] for r in records]
    return {"n": len(ranks), "answered": sum(1 for r in records if not r.get("error")),
            "mrr": statistics.fmean(1 / r if r else 0 for r in ranks),
            "s1": statistics.fmean(r == 1 for r in ranks), "s5": statistics.fmean(1 <= r <= 5 for r in ranks),
            "visible5": statistics.fmean(bool(r["visible"]) for r in records)}


# --- queries and sites -----------------------------------------------------------------------

def normalise_path(path: str) -> str:
    """A judged page path as a site-relative directory URL: no leading '/', a trailing '/'."""
    path = path.strip().lstrip("/")
    path = path[: -len("index.html")] if path.endswith("index.html") else path
    return path if not path or path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"


def load_queries(path: Path, sites: list[str]) -> tuple[dict, list[dict]]:
    """(site specs, queries of the chosen sites) from the judged query file."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    specs = doc.get("sites") or {}
    unknown = [s for s in sites if s not in specs]
    if unknown:
        raise SystemExit(f"{path}: no site called {', '.join(unknown)} (sites: {', '.join(specs)})")
    queries = []
    for q in doc.get("queries") or []:
        if q["site"] in sites:
            expect = q["expect"] if isinstance(q["expect"], list) else [q["expect"]]
            queries.append({"site": q["site"], "q": str(q["q"]), "kind": q.get("kind", ""),
                            "intended": str(q.get("intended") or ""),  # a misspelling: the words meant
                            "expect": [normalise_path(e) for e in expect]})
    return specs, queries


def tree_stamp() -> str:
    """A digest of the files ours is built from (paths, sizes, mtimes), to know a build is current."""
    h = hashlib.sha256()
    for top in TREE:
        root = REPO / top
        for path in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if path.is_file() and "__pycache__" not in path.parts:
                st = path.stat()
                h.update(f"{path.relative_to(REPO)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def data_tree(name: str, spec: dict, work: Path, log) -> Path:
    """The site's data: a tree of the repository, or synthetic data of a benchmark size (made once)."""
    if "data" in spec:
        return (REPO / spec["data"]).resolve()
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench import SIZES  # benchmarks/bench.py: the sizes the build benchmark uses

    size = SIZES[spec["synth"]]
    out = work / "data" / name
    if not (out / "data" / "don-vi.yml").is_file():
        log(f"  generating {spec['synth']} data into {out}")
        cmd = [sys.executable, str(REPO / "benchmarks" / "synth.py"), str(out),
               *[arg for key, value in size.items() for arg in (f"--{key}", str(value))]]
        subprocess.run(cmd, check=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO / "src")},
                       stdout=subprocess.DEVNULL)
    return out / "data"


def built_site(name: str, spec: dict, work: Path, rebuild: bool, log) -> Path:
    """`mkdocs build --strict` of the site's data into work/sites/NAME, reused while still current."""
    data = data_tree(name, spec, work, log)
    out = work / "sites" / name
    stamp = {"data": str(data), "tree": tree_stamp()}
    marker = work / "sites" / f"{name}.json"
    if not rebuild and marker.is_file() and json.loads(marker.read_text()) == stamp and (out / "index.html").exists():
        log(f"  {name}: reusing the build in {out}")
        return out
    log(f"  {name}: building {data} into {out}")
    start = time.monotonic()
    env = {**os.environ, "BANGVANG_DATA": str(data), "SOURCE_DATE_EPOCH": EPOCH, "BANGVANG_SITE_URL": SITE_URL,
           "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=REPO, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"build of {name} failed:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    marker.write_text(json.dumps(stamp))
    log(f"  {name}: built in {time.monotonic() - start:.0f} s")
    return out


# --- running the engines ---------------------------------------------------------------------

GIVE_UP = 2  # consecutive queries without an answer after which an engine is given up on a site


def run_engine(browser, server, engine: str, site: str, copy: str, queries: list[dict], args, log) -> tuple:
    """Every query of `site` on `engine` in one fresh context: (judged records, first-query weight)."""
    prefix = f"{site}-{copy}/"
    runner = search_engines.make_engine(engine, browser, server.url(prefix), args.ready_timeout, args.query_timeout)
    server.take()
    weight: dict = {"engine": engine, "site": site}
    records = []
    try:
        opened = runner.open()
        weight.update(opened)
        weight["kb_load"] = _search_kb(server.take(), engine, prefix)
        failure, unanswered = opened.get("error"), 0
        for i, query in enumerate(queries):
            record = {"query": query["q"], "site": site, "engine": engine, "kind": query["kind"],
                      "expect": query["expect"], "rank": 0, "top3": [], "line": None, "visible": False, "ms": None}
            if failure:
                record["error"] = failure
            else:
                try:
                    answer = runner.search(query["q"])
                    record.update(judge(query, answer["results"]), ms=round(answer["ms"], 1))
                    unanswered = 0
                except Exception as exc:  # no answer in time, or the tab crashed (out of memory)
                    record["error"] = f"no answer to “{query['q']}”: {search_engines.first_line(exc)}"
                    unanswered += 1
                    if unanswered >= GIVE_UP:
                        failure = f"not asked: {GIVE_UP} queries in a row got no answer"
            if i == 0:
                time.sleep(0.3)  # let the last requests of the first query land in the log
                weight["kb_first"] = _search_kb(server.take(), engine, prefix)
                weight["first_ms"] = record["ms"]
            records.append(record)
    finally:
        runner.close()
    times = [r["ms"] for r in records if r["ms"] is not None]
    weight["median_ms"] = round(statistics.median(times), 1) if times else None
    errors = [r["error"] for r in records if r.get("error")]
    if errors and not weight.get("error"):
        weight["error"] = f"{len(errors)} of {len(records)} unanswered; first: {errors[0]}"
    log(f"  {engine:16} {site:12} {sum(r['rank'] == 1 for r in records)}/{len(records)} first"
        + (f"  ({weight['error']})" if weight.get("error") else ""))
    return records, weight


def _search_kb(entries: list[dict], engine: str, prefix: str) -> float:
    """KB sent (gzip) for the engine's search files among the logged requests."""
    sent = sum(e["sent"] for e in entries if e["path"].startswith(prefix)
               and search_engines.is_search_request(engine, e["path"][len(prefix):]))
    return round(sent / 1000, 1)


def prepare_sites(args, specs: dict, log) -> Path:
    """Build (or take) each site and make its copies under work/www/<site>-<copy>/; returns work/www."""
    sites, data = (dict(item.split("=", 1) for item in given or []) for given in (args.site_dir, args.data_dir))
    www = args.work / "www"
    www.mkdir(parents=True, exist_ok=True)
    for site in args.sites:
        src = Path(sites[site]).resolve() if site in sites else built_site(site, specs[site], args.work,
                                                                           args.rebuild, log)
        pages = None  # every page
        if args.pages == "indexed" and any(e != "ours" for e in args.engines):
            tree = Path(data[site]).resolve() if site in data else data_tree(site, specs[site], args.work, log)
            pages = search_sites.indexed_pages(tree, src, args.work / "pages" / f"{site}.json", tree_stamp(), log)
        for copy in dict.fromkeys(search_sites.COPY_OF[e] for e in args.engines):
            search_sites.prepare(src, www / f"{site}-{copy}", copy, pages, args.rebuild, log)
    return www


def run(args, log=print) -> dict:
    """Prepare every site copy, run every engine on every site, and judge the answers."""
    from playwright.sync_api import sync_playwright

    from browser import Server  # benchmarks/browser.py: gzip as a static host, and a log of bytes sent

    specs, queries = load_queries(args.queries, args.sites)
    www = prepare_sites(args, specs, log)
    records, weights = [], []
    server = Server(www)
    try:
        with sync_playwright() as pw:
            browser = search_engines.launch(pw)
            for site in args.sites:
                mine = [q for q in queries if q["site"] == site]
                for engine in args.engines:
                    got, weight = run_engine(browser, server, engine, site, search_sites.COPY_OF[engine], mine,
                                             args, log)
                    records += got
                    weights.append(weight)
            browser.close()
    finally:
        server.close()
    return {"sites": args.sites, "engines": args.engines, "results": records, "weight": weights}


# --- the report ------------------------------------------------------------------------------

def summaries(result: dict) -> dict:
    """{engine: {site or "overall": metrics}} of the judged records."""
    out: dict = {}
    for engine in result["engines"]:
        mine = [r for r in result["results"] if r["engine"] == engine]
        out[engine] = {site: summarize([r for r in mine if r["site"] == site]) for site in result["sites"]}
        out[engine][OVERALL] = summarize(mine)
    return out


def _cells(m: dict | None) -> list[str]:
    if m is None:
        return ["—"] * 4
    if m["answered"] == 0:
        return ["no answer"] + ["—"] * 3
    return [f"{m['mrr']:.2f}", f"{m['s1']:.0%}", f"{m['s5']:.0%}", f"{m['visible5']:.0%}"]


def quality_table(result: dict) -> list[str]:
    """Rows: engines; columns: MRR, s@1, s@5, visible@5 per site and overall."""
    columns = [*result["sites"], OVERALL]
    counts = {c: (result["summary"][result["engines"][0]][c] or {}).get("n", 0) for c in columns}
    head = "| engine | " + " | ".join(f"{c} ({counts[c]}) {m}" for c in columns
                                      for m in ("MRR", "s@1", "s@5", "vis@5")) + " |"
    lines = [head, "|---|" + "---:|" * (4 * len(columns))]
    for engine in result["engines"]:
        cells = [cell for c in columns for cell in _cells(result["summary"][engine][c])]
        lines.append(f"| {engine} | " + " | ".join(cells) + " |")
    return lines


def _num(value, digits: int = 0) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def weight_table(result: dict) -> list[str]:
    """Rows: engine × site; what the first query costs from a cold cache, and the usual query time."""
    lines = ["| engine | site | search ready ms | search KB at page load | KB of the first query | "
             "first query ms | median query ms | note |", "|---|---|---:|---:|---:|---:|---:|---|"]
    for w in result["weight"]:
        lines.append(f"| {w['engine']} | {w['site']} | {_num(w.get('ready_ms'))} | {_num(w.get('kb_load'), 1)} | "
                     f"{_num(w.get('kb_first'), 1)} | {_num(w.get('first_ms'))} | {_num(w.get('median_ms'))} | "
                     f"{(w.get('error') or '')[:120]} |")
    return lines


def misses(result: dict, engine: str = "ours") -> list[str]:
    """Our queries not answered first, or whose line does not show the words typed."""
    out = []
    for r in result["results"]:
        if r["engine"] != engine or (r["rank"] == 1 and r["visible"]):
            continue
        why = "not in the first 10" if r["rank"] == 0 else f"rank {r['rank']}"
        if 1 <= r["rank"] <= 5 and not r["visible"]:
            why += ", not every word typed is in its line"
        out.append(f"- [{r['site']}] “{r['query']}” ({r['kind'] or 'query'}): {why}; expected "
                   f"{', '.join(r['expect'])}; top 3: {', '.join(p or '(home)' for p in r['top3']) or '(none)'}"
                   + (f"; line: “{r['line'][:160]}”" if r["line"] else "")
                   + (f"; {r['error']}" if r.get("error") else ""))
    return out


def markdown(result: dict) -> str:
    """The whole report: quality table, weight table, and the misses of ours."""
    parts = ["## Search quality (first 10 results)", "", *quality_table(result), "",
             "MRR: mean reciprocal rank of the first expected page (0 beyond 10); s@1, s@5: share of queries with "
             "an expected page first / in the first 5; vis@5: in the first 5 and its result line holds every "
             "word typed (folded). A query without an answer counts as a miss.", "",
             "## First query from a cold cache (gzip bytes as sent; search files only)", "", *weight_table(result)]
    if "ours" in result["engines"]:
        found = misses(result)
        parts += ["", f"## Misses of ours ({len(found)}): not first, or not every word typed in its line", "",
                  *(found or ["(none)"])]
    return "\n".join(parts)


def main() -> None:
    """Run the engines on the sites named on the command line; print the report, write the JSON if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=REPO / "benchmarks" / "search_queries.yml")
    parser.add_argument("--sites", nargs="+", required=True, help="names of the query file's sites")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--work", type=Path, default=Path("/tmp/sq-bench"), help="builds and site copies")
    parser.add_argument("--site-dir", action="append", metavar="NAME=PATH", help="use this built site for NAME")
    parser.add_argument("--data-dir", action="append", metavar="NAME=PATH",
                        help="NAME's data tree (instead of the query file's), to list the pages ours indexes")
    parser.add_argument("--pages", choices=("indexed", "all"), default="indexed",
                        help="pages lunr and Pagefind index: those ours indexes (default), or every page")
    parser.add_argument("--rebuild", action="store_true", help="build and copy again even when current")
    parser.add_argument("--ready-timeout", type=float, default=120,
                        help="seconds for a search worker to be ready (lunr's whole index at province)")
    parser.add_argument("--query-timeout", type=float, default=60, help="seconds for one answer")
    parser.add_argument("--json", type=Path, help="write the per-query results here")
    args = parser.parse_args()
    args.work = args.work.resolve()
    result = run(args, log=lambda line: print(line, file=sys.stderr, flush=True))
    result["summary"] = summaries(result)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
