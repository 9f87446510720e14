"""Reporting: which of the issue's targets a run met, and the Markdown tables printed at the end.

The tables are the ones BENCHMARKS.md quotes, so that a run's figures can be pasted there as they
are; the targets turn the figures into met / missed.
"""

from __future__ import annotations

from bench_output import MIB


def targets(name: str, r: dict) -> list[dict]:
    """The issue's targets this run can judge (page weight and search: benchmarks/browser.py)."""
    out = []

    def add(what, value, limit, ok, unit=""):
        """Record one target; `ok` None when this run could not judge it."""
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


def _range(s: dict, fmt: str = "{:.2f}") -> str:
    """A median with its min–max spread: on a noisy host the spread says how far to trust the median."""
    if s.get("median") is None:
        return "—"
    if s["min"] == s["max"]:
        return fmt.format(s["median"])
    return f"{fmt.format(s['median'])} ({fmt.format(s['min'])}–{fmt.format(s['max'])})"


def _mib(n: int | None) -> str:
    """Bytes as MiB with one decimal, or a dash for what was not measured."""
    return "—" if n is None else f"{n / MIB:.1f}"


def tables(results: list[dict]) -> str:
    """All the tables of a run, one after the other, as Markdown."""
    return "\n".join(timing_table(results) + output_table(results) + folder_tables(results)
                     + target_table(results))


def timing_table(results: list[dict]) -> list[str]:
    """Check and build times, CPU and memory of ours and stock, and their ratios: the figures that count."""
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
    return lines


def output_table(results: list[dict]) -> list[str]:
    """Output sizes, search index, home and recipient pages, and reachability, one row per size."""
    lines = ["", "| size | output ours / stock MiB | search index ours MiB (gzip) | search index stock MiB (gzip) | "
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
    return lines


def folder_tables(results: list[dict]) -> list[str]:
    """Per size, our output by top-level folder (= page type), largest first: where the bytes are."""
    lines = []
    for r in results:
        oo = (r.get("ours") or {}).get("output") or {}
        if not oo:
            continue
        lines += ["", f"Output of ours by top-level folder ({r['size']}):", "",
                  "| folder | pages | MiB | median page KB | largest page KB |", "|---|---:|---:|---:|---:|"]
        for folder, e in sorted(oo["by_folder"].items(), key=lambda kv: -kv[1]["bytes"]):
            lines.append(f"| {folder} | {e['pages']} | {e['bytes'] / MIB:.1f} | {e['page_median'] / 1000:.1f} | "
                         f"{e['page_max'] / 1000:.1f} |")
    return lines


def target_table(results: list[dict]) -> list[str]:
    """Every target judged, per size, with its value and whether it was met."""
    lines = ["", "| size | target | value | met |", "|---|---|---:|---|"]
    for r in results:
        for t in r.get("targets", []):
            met = "—" if t["met"] is None else ("met" if t["met"] else "**MISSED**")
            lines.append(f"| {r['size']} | {t['target']} | {t['value']} {t['unit']} | {met} |")
    return lines
