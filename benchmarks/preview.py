"""Edit to preview: how long after a file is saved `mkdocs serve` serves the new page, ours against
stock MkDocs + Material serving the same number of pages.

    python benchmarks/preview.py                  # the benchmark ward, 10 edits each side
    python benchmarks/preview.py --edits 20 --workdir /tmp/bangvang-bench

Ours serves the benchmark ward (benchmarks/synth.py, as bench.py's `ward`) and an officer's edit
changes one person's position (`chuc_vu`) in a data file; stock serves benchmarks/stock.py's site
with the same number of pages and one Markdown page gets a new sentence. Each edit writes the file,
then asks for the page every 20 ms until it holds the new text: the figure is the time from the
write to that answer (MkDocs' wait for more changes, the rebuild, the page served), the median of
the edits. The browser's live-reload poll, which answers as soon as the rebuild is done, is not
counted; neither are Python's start-up and the first build.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import stock  # noqa: E402
import synth  # noqa: E402

WARD = {"recipients": 2000, "awards": 5000, "movements": 50, "reports": 30, "models": 20}  # bench.py's ward


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A `mkdocs serve` process, up once it says so."""

    def __init__(self, cwd: Path, env: dict[str, str], log: Path):
        self.port = free_port()
        self.log = log.open("w", encoding="utf-8")
        self.proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
                                     cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self._wait(lambda: "Serving on" in log.read_text(encoding="utf-8"), 600, log)

    @staticmethod
    def _wait(done, seconds: float, log: Path) -> None:
        deadline = time.monotonic() + seconds
        while not done():
            if time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not start; see {log}")
            time.sleep(0.2)

    def page(self, path: str) -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.read().decode("utf-8", "replace")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


def time_edits(served: Served, path: str, edit, edits: int) -> list[float]:
    """Seconds from each edit's write to the first answer of `path` holding its marker."""
    times = []
    for i in range(1, edits + 1):
        marker = f"Mốc đo {i} {time.time_ns()}"
        start = time.monotonic()
        edit(marker)
        while marker not in served.page(path):
            if time.monotonic() - start > 300:
                raise RuntimeError(f"edit {i} never reached /{path}")
            time.sleep(0.02)
        times.append(time.monotonic() - start)
        time.sleep(1.0)  # let the server settle before the next edit
    return times


def ours(work: Path, edits: int) -> list[float]:
    data = work / "ward" / "data"
    if not data.is_dir():
        synth.generate(work / "ward", **WARD)
    people = sorted((data / "doi-tuong").glob("*.yml"))[0]
    text = people.read_text(encoding="utf-8")
    m = re.search(r"^- id: (ca-nhan-\d+)\n(?:  .*\n)*?  chuc_vu: .*$", text, re.M)
    assert m, f"no person with a position in {people}"
    line_start = text.rindex("\n", 0, m.end()) + 1

    def edit(marker: str) -> None:
        people.write_text(text[:line_start] + f'  chuc_vu: "{marker}"' + text[m.end():], encoding="utf-8")

    served = Served(REPO, {"BANGVANG_DATA": str(data)}, work / "preview-ours.log")
    try:
        return time_edits(served, f"ca-nhan/{m.group(1)}/", edit, edits)
    finally:
        served.stop()
        people.write_text(text, encoding="utf-8")


def stock_side(work: Path, edits: int, pages: int) -> list[float]:
    site = work / "preview-stock"
    if not (site / "mkdocs.yml").is_file():
        stock.generate(site, pages)
    page = sorted((site / "docs").rglob("page-*.md"))[0]
    text = page.read_text(encoding="utf-8")
    # mkdocs serve mounts the site at its site_url's path (stock.py's is /stock/)
    mount = re.search(r"^site_url: \S+?://[^/]+(/\S*)$", (site / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    url = (mount.group(1) if mount else "/").lstrip("/") + page.relative_to(site / "docs").with_suffix("").as_posix() + "/"

    def edit(marker: str) -> None:
        page.write_text(text + f"\n\n{marker}\n", encoding="utf-8")

    served = Served(site, {}, work / "preview-stock.log")
    try:
        return time_edits(served, url, edit, edits)
    finally:
        served.stop()
        page.write_text(text, encoding="utf-8")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--edits", type=int, default=10)
    p.add_argument("--pages", type=int, default=2364, help="pages of the stock site (the ward's: 2,364)")
    p.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bangvang-bench")
    args = p.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    ours_times = ours(args.workdir, args.edits)
    stock_times = stock_side(args.workdir, args.edits, args.pages)
    print("| side | edits | median s | min–max s |\n|---|---:|---:|---:|")
    sides = (("ours (ward, a data file)", ours_times), ("stock MkDocs (same pages, a Markdown page)", stock_times))
    for name, times in sides:
        print(f"| {name} | {len(times)} | {statistics.median(times):.2f} | {min(times):.2f}–{max(times):.2f} |")


if __name__ == "__main__":
    main()
