"""The officers' guide may show the screenshots the repository ships; officers' data never shows an image.

A guide page is written by the package, and its images are files of docs/assets/ (copied into the
site by MkDocs): each one a guide links must exist there and stay small. Everywhere else (every
text of data/) an image is still shown as its words, as markdown_safe.py has always done.
"""

from __future__ import annotations

import posixpath
import re

import pytest

from bangvang.markdown_safe import SafeMarkdown
from bangvang.sitepages import GUIDE, guide_pages

from sitebuild import REPO

IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
MAX_BYTES = 150 * 1024


def _guide_images() -> list[tuple[str, str, str]]:
    """(guide page's site path, alt text, src) of every image the guide's Markdown shows."""
    found = []
    for spec in guide_pages():
        text = spec.context.get("guide_markdown", "")
        found += [(spec.url, alt, src) for alt, src in IMAGE.findall(text)]
    return found


def test_the_word_guide_shows_its_screenshots():
    pages = {url for url, _, _ in _guide_images()}
    assert "huong-dan/bao-cao-word/" in pages and (GUIDE / "bao-cao-word.md").is_file()


@pytest.mark.parametrize("url, alt, src", _guide_images(), ids=lambda v: v if isinstance(v, str) else None)
def test_each_screenshot_is_shipped_small_and_described(url, alt, src):
    target = posixpath.normpath(posixpath.join(url, src))  # where the browser asks for it
    path = REPO / "docs" / target
    assert path.is_file(), f"{src} from {url} is not docs/{target}"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size <= MAX_BYTES
    assert len(alt) >= 20, "say what the screenshot shows, for readers who do not see it"


def test_only_the_guide_keeps_images_and_only_its_own():
    md = SafeMarkdown()
    own = "![Trang 1](../../assets/huong-dan/du-thao-trang-1.png)"
    html, _ = md.render(own, own_images=True)
    assert '<img alt="Trang 1" loading="lazy" src="../../assets/huong-dan/du-thao-trang-1.png"' in html
    for text in ("![Ảnh](https://example.com/a.png)", "![Ảnh](../../anh/a.png)", "![Ảnh](../../assets/x.svg)"):
        html, _ = md.render(text, own_images=True)
        assert "<img" not in html and "Ảnh" in html, html
    html, _ = md.render(own)  # officers' data: the words, never the picture
    assert "<img" not in html and "Trang 1" in html
