"""Page weight and search speed of a built site in headless Chromium, as a phone would see them.

    python benchmarks/browser.py SITE_DIR [--page ca-nhan/ca-nhan-000001/] [--query "nguyen van"]
                                 [--throttle 1 4] [--timeout 300] [--json out.json]

Serves SITE_DIR from 127.0.0.1 with gzip (level 6) for text files — what a static host such as
GitHub Pages does — and logs every request the page and its search worker make, with the bytes
actually sent. Chromium (/usr/bin/chromium, or CHROMIUM=…) is driven by playwright with a phone
profile (412×915 CSS px, DPR 2.625, touch) and, per `--throttle` rate, the DevTools CPU slowdown
(4 = Lighthouse's "mid-tier phone"). Each scenario uses a fresh browser context (empty cache):

* first visit of the home page (and of `--page`): requests and bytes over the wire, split into the
  search index and everything else; time to the load event;
* search readiness: time from navigation start until the search worker answered Material's set-up
  (the "initialising" message in the search box is replaced);
* each query: put in the search box in one go (like a paste); the time until the result list
  changes is measured in the page (keyup → results rendered), and the bytes fetched for it (the
  index files under search/) are counted from the server's log, query by query.

Nothing here is a build; it only reads SITE_DIR.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map")
INDEX = "search/"  # Material's search_index.json (the manifest) and the index files under search/vi/


class Server:
    """Static files with gzip and a request log (path, raw bytes, bytes sent)."""

    def __init__(self, root: Path):
        """Serve `root` on a free port of 127.0.0.1 from a background thread, as a static host would."""
        self.root = root
        self.log: list[dict] = []
        self.lock = threading.Lock()
        self.cache: dict[Path, bytes] = {}
        server = self

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                """Say nothing per request: the log that counts is `server.log`."""
                pass

            def do_GET(self):
                """Send a file (gzip for text, as GitHub Pages does) and log the bytes that went over the wire."""
                rel = unquote(urlsplit(self.path).path).lstrip("/")
                path = server.root / rel
                if path.is_dir():
                    path = path / "index.html"
                if not path.is_file() or server.root.resolve() not in path.resolve().parents:
                    self.send_error(404)
                    with server.lock:
                        server.log.append({"path": rel, "status": 404, "raw": 0, "sent": 0, "t": time.monotonic()})
                    return
                raw = path.read_bytes()
                body, encoding = raw, None
                if path.suffix in TEXT_TYPES and "gzip" in self.headers.get("Accept-Encoding", ""):
                    with server.lock:
                        cached = server.cache.get(path)
                    if cached is None:
                        cached = gzip.compress(raw, 6)
                        with server.lock:
                            server.cache[path] = cached
                    body, encoding = cached, "gzip"
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                if encoding:
                    self.send_header("Content-Encoding", encoding)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                with server.lock:
                    server.log.append({"path": rel, "status": 200, "raw": len(raw), "sent": len(body),
                                       "t": time.monotonic()})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str = "") -> str:
        """The address the browser opens for a site path."""
        return f"http://127.0.0.1:{self.port}/{path}"

    def take(self) -> list[dict]:
        """The requests logged since the last call, so each scenario and query counts only its own."""
        with self.lock:
            entries, self.log = self.log, []
        return entries

    def close(self):
        """Stop serving (the thread is a daemon and ends with it)."""
        self.httpd.shutdown()


def _bytes(entries: list[dict]) -> dict:
    """Requests and bytes, raw and sent, split into the search index and the rest: what a visit costs."""
    index = [e for e in entries if e["path"].startswith(INDEX)]
    rest = [e for e in entries if not e["path"].startswith(INDEX)]
    return {"requests": len(entries), "sent": sum(e["sent"] for e in entries), "raw": sum(e["raw"] for e in entries),
            "index_sent": sum(e["sent"] for e in index), "index_raw": sum(e["raw"] for e in index),
            "rest_sent": sum(e["sent"] for e in rest), "rest_raw": sum(e["raw"] for e in rest),
            "files": [(e["path"], e["raw"], e["sent"]) for e in entries]}


# Records when the search worker answers Material's set-up (message type 1, READY).
OBSERVE_READY = """(() => {
  const Native = window.Worker;
  window.__bvReadyAt = null;
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    worker.addEventListener("message", ev => {
      if (ev.data && ev.data.type === 1 && window.__bvReadyAt === null) window.__bvReadyAt = performance.now();
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();"""
READY_JS = "() => window.__bvReadyAt !== null"

QUERY_JS = """async (query) => {
  const input = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  const before = meta.textContent;
  return await new Promise((resolve) => {
    let t0 = 0;
    const done = () => {
      const t1 = performance.now();
      observer.disconnect();
      resolve({ms: t1 - t0, results: list.children.length, meta: meta.textContent.trim()});
    };
    const observer = new MutationObserver(() => {
      if (list.children.length > 0 || meta.textContent !== before) done();
    });
    observer.observe(list, {childList: true});
    observer.observe(meta, {childList: true, characterData: true, subtree: true});
    input.focus();
    input.value = query;
    t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'n'}));
    setTimeout(() => { observer.disconnect(); resolve({ms: null, results: list.children.length, meta: meta.textContent.trim()}); }, 60000);
  });
}"""


def measure(site: Path, page: str, queries: list[str], throttles: list[float], timeout: float) -> dict:
    """Visit the home page and `page` in a fresh phone context per throttle rate; weight, timings, queries."""
    from playwright.sync_api import sync_playwright

    server = Server(site)
    results: dict = {"site": str(site), "page": page, "queries": queries, "scenarios": []}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                         headless=True)
            for rate in throttles:
                for target in dict.fromkeys(["", page]):
                    context = browser.new_context(viewport={"width": 412, "height": 915}, device_scale_factor=2.625,
                                                  is_mobile=True, has_touch=True, locale="vi-VN")
                    tab = context.new_page()
                    tab.add_init_script(OBSERVE_READY)
                    cdp = context.new_cdp_session(tab)
                    cdp.send("Network.enable")
                    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
                    server.take()
                    start = time.monotonic()
                    tab.goto(server.url(target), wait_until="load", timeout=timeout * 1000)
                    loaded = time.monotonic() - start
                    nav_ms = tab.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                    scenario = {"throttle": rate, "url": target or "/", "load_event_ms": round(nav_ms),
                                "load_wall_s": round(loaded, 2)}
                    ready_ms = None
                    if tab.evaluate("!!document.querySelector('.md-search-result__meta')"):
                        try:
                            tab.wait_for_function(READY_JS, timeout=timeout * 1000, polling=50)
                            ready_ms = round(tab.evaluate("window.__bvReadyAt"))
                        except Exception as exc:  # timeout: the worker never got ready
                            scenario["ready_error"] = str(exc).splitlines()[0]
                    scenario["search_ready_ms"] = ready_ms
                    time.sleep(0.3)
                    scenario["bytes"] = _bytes(server.take())
                    if target == "" and ready_ms is not None:
                        answers = []
                        for q in queries:
                            try:
                                answer = {"query": q, **tab.evaluate(QUERY_JS, q)}
                            except Exception as exc:  # e.g. "Target crashed": the tab ran out of memory
                                answers.append({"query": q, "ms": None, "error": str(exc).splitlines()[0]})
                                break
                            time.sleep(0.2)
                            answer["bytes"] = _bytes(server.take())
                            answers.append(answer)
                        scenario["queries"] = answers
                    results["scenarios"].append(scenario)
                    try:
                        context.close()
                    except Exception:
                        pass
            browser.close()
    finally:
        server.close()
    return results


def table(r: dict) -> str:
    """The results as the Markdown table BENCHMARKS.md quotes."""
    lines = ["| throttle | page | requests | sent KB (gzip) | of which search KB | load event ms | search ready ms | "
             + " | ".join(f"“{q}” ms · KB loaded · results" for q in r["queries"]) + " |",
             "|---:|---|---:|---:|---:|---:|---:|" + "---:|" * len(r["queries"])]
    for s in r["scenarios"]:
        b = s["bytes"]
        cells = []
        for q in s.get("queries") or []:
            if q.get("ms") is None:
                cells.append(q.get("error", "no answer")[:40])
            else:
                cells.append(f"{q['ms']:.0f} · {q['bytes']['sent'] / 1000:.1f} · {q.get('meta', '')[:30]}")
        cells += ["—"] * (len(r["queries"]) - len(cells))
        ready = s["search_ready_ms"] if s["search_ready_ms"] is not None else "not ready: " + s.get("ready_error", "")[:60]
        lines.append(f"| {s['throttle']:g}× | {s['url']} | {b['requests']} | {b['sent'] / 1000:.1f} | "
                     f"{b['index_sent'] / 1000:.1f} | {s['load_event_ms']} | {ready} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    """Measure the site given on the command line, print the table, and write the JSON if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--page", help="a second page to weigh (site path; default: the first person's page)")
    parser.add_argument("--query", action="append", help="queries, in order (default: 'nguyen van', 'Trần Thị', 'le thi hoa', '62/KH-UBND')")
    parser.add_argument("--throttle", type=float, nargs="+", default=[1, 4], help="CPU slowdown rates")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for the search to be ready")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    page = args.page
    if page is None:
        people = sorted(p.parent.name for p in (args.site / "ca-nhan").glob("*/index.html"))
        page = f"ca-nhan/{people[0]}/" if people else ""
    result = measure(args.site.resolve(), page, args.query or ["nguyen van", "Trần Thị", "le thi hoa", "chuyen doi so"], args.throttle, args.timeout)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(result))


if __name__ == "__main__":
    main()
