"""Sizes of a built site: total, per top-level folder (= page type), search index, home and record pages.

The site must fit a static host's limit and stay light on a phone, so the harness reports where
the bytes are and what a visitor downloads (gzip, as a static host serves text files).
"""

from __future__ import annotations

import gzip
import statistics
from collections import defaultdict
from pathlib import Path

MIB = 1024 * 1024
RECIPIENT_FOLDERS = ("ca-nhan", "tap-the", "ho-gia-dinh")


def gzip_size(path: Path) -> int:
    """Size of `path` compressed with gzip -6 (what a static host typically serves)."""
    size = 0
    compressor = gzip.zlib.compressobj(6, gzip.zlib.DEFLATED, 31)
    with path.open("rb") as fh:
        while chunk := fh.read(4 * MIB):
            size += len(compressor.compress(chunk))
    return size + len(compressor.flush())


def measure_output(site: Path) -> dict:
    """Everything the report and the targets need to know about the size of the built `site`."""
    tally = tally_files(site)
    home = site / "index.html"
    recipient_pages = [s for f in RECIPIENT_FOLDERS for s in _page_sizes(site / f)]
    return {
        "bytes": tally["bytes"], "files": tally["files"], "html_pages": sum(1 for p in site.rglob("*.html") if not _download(p)),
        "by_folder": tally["by_folder"],
        # all of search/: Material's search_index.json (stock: the whole index; ours: the manifest
        # fetched on every visit) and, for ours, the shards and result lines fetched by queries
        "search_index": search_index_size(site),
        "home": {"bytes": home.stat().st_size, "gzip": gzip_size(home)} if home.exists() else None,
        "recipient_page": {"count": len(recipient_pages),
                           "median": int(statistics.median(recipient_pages)) if recipient_pages else 0,
                           "max": max(recipient_pages, default=0)},
        "largest_page": {"path": tally["largest"][0], "bytes": tally["largest"][1]},
    }


def tally_files(site: Path) -> dict:
    """Bytes and files in total and per top-level folder, and the largest page: where the size goes."""
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
    return {"bytes": total, "files": files, "by_folder": _page_stats(folders), "largest": largest}


def _page_stats(folders: dict[str, dict]) -> dict[str, dict]:
    """Replace each folder's list of page sizes by its median and maximum (the list would bloat the JSON)."""
    by_folder = {}
    for name, entry in sorted(folders.items()):
        sizes = entry.pop("page_sizes")
        entry["page_median"] = int(statistics.median(sizes)) if sizes else 0
        entry["page_max"] = max(sizes) if sizes else 0
        by_folder[name] = entry
    return by_folder


def search_index_size(site: Path) -> dict | None:
    """Size of search/, raw and gzip, and of the manifest every first visit fetches (None without search/)."""
    search = [p for p in (site / "search").rglob("*") if p.is_file()]
    if not search:
        return None
    manifest = site / "search" / "search_index.json"
    return {"bytes": sum(p.stat().st_size for p in search), "gzip": sum(gzip_size(p) for p in search),
            "files": len(search), "largest_file": max((p.stat().st_size for p in search), default=0),
            "manifest": manifest.stat().st_size if manifest.exists() else None,
            "manifest_gzip": gzip_size(manifest) if manifest.exists() else None}


def _page_sizes(folder: Path) -> list[int]:
    """Sizes of the record pages directly under `folder` (one folder per record, each with index.html)."""
    return [p.stat().st_size for p in folder.glob("*/index.html")] if folder.is_dir() else []


def _download(path: Path) -> bool:
    """A ceremony screen's file to run alone (trinh-chieu/trinh-chieu-<id>.html, bangvang.ceremony.OFFLINE):
    a download, not a page. Matched by name: the harness does not import the bangvang it measures."""
    return path.parent.name == "trinh-chieu" and path.name.startswith("trinh-chieu-")
