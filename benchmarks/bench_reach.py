"""Reachability: can every page and every award row of the dataset be found by following links?

Lists are cut into pages, so a record that no list page links to would silently vanish from the
site; the harness proves the opposite by crawling the built site from its home page.
"""

from __future__ import annotations

import posixpath
import re
from collections import deque
from pathlib import Path

HREF = re.compile(rb'href="([^"]*)"')
ANCHOR_ID = re.compile(rb'\sid="([^"]+)"')


def crawl(site: Path, expected_pages: list[str], awards: list[str]) -> dict:
    """Follow links from the home page; which expected pages and award rows are never reached."""
    seen = {""}
    queue = deque([""])
    ids: set[bytes] = set()
    while queue:
        url = queue.popleft()
        try:
            html = (site / url / "index.html").read_bytes()
        except OSError:
            continue
        ids.update(ANCHOR_ID.findall(html))
        for target in page_links(url, html):
            if target not in seen and (site / target / "index.html").is_file():
                seen.add(target)
                queue.append(target)
    missing_pages = [p for p in expected_pages if p not in seen]
    missing_awards = [a for a in awards if a.encode() not in ids]
    return {"reached": len(seen), "expected": len(expected_pages), "missing_pages": len(missing_pages),
            "missing_pages_sample": missing_pages[:10], "awards": len(awards),
            "missing_awards": len(missing_awards), "missing_awards_sample": missing_awards[:10]}


def page_links(url: str, html: bytes) -> list[str]:
    """The site pages the page at `url` links to, as folder URLs relative to the site root ("" = home)."""
    found = []
    for raw in HREF.findall(html):
        target = page_target(url, raw.decode("utf-8", "replace"))
        if target is not None:
            found.append(target)
    return found


def page_target(url: str, raw: str) -> str | None:
    """The page an href on the page at `url` points to, or None for other sites, anchors and files."""
    href = raw.split("#", 1)[0].split("?", 1)[0]
    if not href or "://" in href or href.startswith(("mailto:", "javascript:", "data:")):
        return None
    target = posixpath.normpath(posixpath.join("/" + url, href)).lstrip("/")
    if target == ".":
        target = ""
    if target.endswith("index.html"):
        target = target[: -len("index.html")]
    if "." in posixpath.basename(target):  # an asset, a feed, a CSV…
        return None
    return target + "/" if target and not target.endswith("/") else target
