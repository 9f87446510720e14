"""The benchmark harness (benchmarks/bench.py) at its smallest size: correctness only, no timing.

One real run of the harness: synthetic data through the real schema, the data check, a real
`mkdocs build --strict` of ours and of the stock site, output measurement and the link crawl.
The assertions are on what was generated and built and on the harness's report, never on how
long anything took (the figures themselves are in BENCHMARKS.md).
"""

from __future__ import annotations

import json
import math
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"
sys.path.insert(0, str(BENCH))

import bench  # noqa: E402
import stock  # noqa: E402

SMALL = bench.SIZES["small"]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    out = work / "results.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "bench.py"), "small", "--runs", "2", "--warmup", "0", "--check-runs", "1",
         "--quiet", "0", "0", "--workdir", str(work), "--json", str(out), "--keep"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert len(results) == 1
    return {"result": results[0], "stdout": proc.stdout, "work": work}


def test_generated_data_matches_the_requested_size(run):
    r = run["result"]
    for key, value in SMALL.items():
        assert r["generated"][key] == value, key
        assert r["dataset"]["counts"][key] == value, key  # as loaded back through bangvang
    assert r["dataset"]["counts"]["documents"] == r["generated"]["documents"] > 0
    assert r["generated"]["described"] > 0  # some recipients carry a Markdown introduction


def test_checker_passes_with_no_error(run):
    check = run["result"]["check"]
    assert check["errors"] == 0
    assert all(c["rc"] == 0 and c["errors"] == 0 and c["warnings"] == 0 for c in check["runs"])
    counts = run["result"]["generated"]
    # every record of every kind is counted by the checker (plus the unit and its bodies)
    assert check["records"] >= sum(counts[k] for k in ("recipients", "awards", "movements", "reports", "models",
                                                       "documents"))


def test_build_produces_the_expected_pages(run):
    r = run["result"]
    counts = r["dataset"]["counts"]
    ours = r["ours"]
    assert ours["failed"] == 0 and len(ours["runs"]) == 2
    out = ours["output"]
    assert out["html_pages"] == r["pages_expected"] + 1  # + 404.html
    folders = out["by_folder"]
    assert sum(folders.get(f, {}).get("pages", 0) for f in bench.RECIPIENT_FOLDERS) == counts["recipients"]
    assert folders["phong-trao"]["pages"] == counts["movements"] + 1      # + the list page
    assert folders["dien-hinh"]["pages"] == counts["models"] + 1
    assert folders["bao-cao"]["pages"] == counts["reports"] + 1
    assert folders["van-ban"]["pages"] == counts["documents"] + counts["reports"] + 1  # reports are in the register
    assert out["recipient_page"]["count"] == counts["recipients"]
    assert out["search_index"]["bytes"] > out["search_index"]["gzip"] > 0
    # the output left on disk (--keep) is what was measured
    site = Path(run["work"]) / "small" / "site-ours-0"
    assert (site / "index.html").is_file() and (site / "search" / "search_index.json").is_file()


def test_every_page_and_award_is_reachable_from_the_home_page(run):
    reach = run["result"]["reach"]
    assert reach["expected"] == run["result"]["pages_expected"]
    assert reach["missing_pages"] == 0, reach["missing_pages_sample"]
    assert reach["awards"] == SMALL["awards"]
    assert reach["missing_awards"] == 0, reach["missing_awards_sample"]


def test_stock_site_has_the_same_number_of_pages(run):
    r = run["result"]
    stock_out = r["stock"]["output"]
    assert r["stock"]["failed"] == 0
    assert abs(stock_out["html_pages"] - r["ours"]["output"]["html_pages"]) <= 1
    assert r["stock_site"]["pages"] == stock_out["html_pages"] - 1


def test_ratio_is_the_median_of_the_paired_ratios(run):
    r = run["result"]
    ours = [b for b in r["ours"]["runs"] if b["counted"]]
    stock_runs = [b for b in r["stock"]["runs"] if b["counted"]]
    assert r["ratio"]["pairs"] == len(ours) == len(stock_runs) == 2
    expected = statistics.median(a["wall"] / b["wall"] for a, b in zip(ours, stock_runs))
    assert r["ratio"]["wall"]["median"] == pytest.approx(expected, abs=1e-3)
    assert r["ratio"]["wall"]["median"] > 0
    assert r["ours"]["wall"]["median"] == pytest.approx(statistics.median(b["wall"] for b in ours), abs=1e-3)
    assert all(b["rss_mib"] > 0 and b["cpu"] > 0 for b in ours + stock_runs)


def test_printed_tables(run):
    text = run["stdout"]
    assert "| size | pages ours / stock |" in text
    ratio = run["result"]["ratio"]["wall"]
    row = next(line for line in text.splitlines() if line.startswith("| small |") and "**" in line)
    assert f"**{ratio['median']:.2f}" in row
    assert "Output of ours by top-level folder (small):" in text
    assert "| small | build time ratio ours/stock ≤ 1.15 |" in text
    assert "| small | every record reachable from the home page | 0 unreached | met |" in text
    targets = {t["target"]: t for t in run["result"]["targets"]}
    assert targets["every record reachable from the home page"]["met"] is True


@pytest.mark.parametrize("total", [1, 2, 3, 500, 501, 502, 503, 1003, 2318, 52717])
def test_stock_page_count(total):
    n = stock.leaf_count(total)
    pages = n + math.ceil(n / stock.FOLDER) + 1
    assert pages <= total and total - pages <= 1


def test_stock_site_files(tmp_path):
    info = stock.generate(tmp_path, 505)
    assert info == {"pages": 505, "leaf_pages": 502, "list_pages": 2}
    md = sorted((tmp_path / "docs").rglob("*.md"))
    assert len(md) == 505
    page = (tmp_path / "docs" / "x" / "s001" / "page-000500.md").read_text(encoding="utf-8")
    assert page.startswith("# ") and "| Năm | Danh hiệu | Số quyết định | Cấp |" in page
    assert "(../s000/page-000499.md)" in page and "(index.md)" in page
    sizes = [p.stat().st_size for p in md if p.name.startswith("page-")]
    assert 2500 < statistics.mean(sizes) < 3100  # ~2.8 KB of Markdown per page, like the stock yardstick's pages


def test_gc_time_times_the_collector_of_a_real_build(run, tmp_path):
    """benchmarks/gc_time.py (BENCHMARKS.md, the build ratio of issue 15) on the harness's data:
    it builds the site and reports the collections; none walks the heap at exit (heap.py freezes it)."""
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, str(BENCH / "gc_time.py"), "-d", str(site)], cwd=REPO,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BANGVANG_DATA": str(run["work"] / "small" / "data")})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (site / "index.html").is_file()
    summary = re.search(r"collections gen 0: (\d+) in [\d.]+ s, gen 1: (\d+) in [\d.]+ s, gen 2: (\d+) in", proc.stderr)
    assert summary and int(summary[1]) > 0, proc.stderr[-3000:]
    at_exit = re.findall(r"at exit: generation 2, [\d.]+ s, (\d+) freed", proc.stderr)
    assert at_exit and all(freed == "0" for freed in at_exit), proc.stderr[-3000:]
