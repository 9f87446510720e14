"""Markdown written by officers, rendered so it can never become markup.

Python-Markdown passes raw HTML and `javascript:` links through (it "does not
sanitize its HTML output"). Here raw HTML is switched off, so `<script>` shows as
text, links keep only safe schemes, images (which would load from elsewhere)
become their text, and known document numbers become links to their pages.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from .text import slugify


def _is_safe_href(href: str) -> bool:
    """Judge the URL the browser will see: Markdown's escapes and character references decoded,
    spaces and controls dropped."""
    # In the tree, Markdown holds an escaped character ("\\\\" in the source) as STX, its code, ETX.
    seen = re.sub("\x02(\\d+)\x03", lambda m: chr(int(m[1])), href)
    for _ in range(3):  # &amp;#106; → &#106; → j
        decoded = html.unescape(seen)
        if decoded == seen:
            break
        seen = decoded
    # Browsers parse a link on an http(s) page as WHATWG URL parsing says: controls and spaces are
    # dropped, and a backslash is a slash ("/\\host/p" is "//host/p", another site).
    seen = re.sub(r"[\x00-\x20\x7f]+", "", seen).replace("\\", "/")
    if re.match(r"^[a-z][a-z0-9+.-]*:", seen, re.I):
        return bool(re.match(r"^(https?|mailto):", seen, re.I))
    return not seen.startswith("//")


class _Sanitise(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = etree.Element("span")
                    span.text = child.get("alt") or ""
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(i, span)
                elif child.tag == "a":
                    href = child.get("href", "")
                    if not _is_safe_href(href):
                        child.tag = "span"
                        child.attrib.clear()
                    elif re.match(r"^https?:", href, re.I):
                        child.set("rel", "noopener")


class _AutoLink(Treeprocessor):
    """Turn known document numbers (45/KH-UBND, 34-CT/TW…) into links."""

    def __init__(self, md, targets: dict[str, str]):
        super().__init__(md)
        self.targets = targets
        names = sorted(targets, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w/-])") if names else None

    def _split(self, text: str) -> list:
        parts, last = [], 0
        for m in self.pattern.finditer(text):
            parts.append(text[last:m.start()])
            a = etree.Element("a", {"href": self.targets[m.group(1)], "class": "bv-docref"})
            a.text = m.group(1)
            parts.append(a)
            last = m.end()
        parts.append(text[last:])
        return parts

    def _link_in(self, element: etree.Element) -> None:
        if element.tag in ("a", "code", "pre") or self.pattern is None:
            return
        for child in list(element):
            self._link_in(child)
        if element.text:
            parts = self._split(element.text)
            if len(parts) > 1:
                element.text = parts[0]
                self._insert(element, 0, parts[1:])
        for child in list(element):
            if child.tail:
                parts = self._split(child.tail)
                if len(parts) > 1:
                    child.tail = parts[0]
                    self._insert(element, list(element).index(child) + 1, parts[1:])

    @staticmethod
    def _insert(parent: etree.Element, index: int, parts: list) -> None:
        # parts alternate: element, text, element, text …
        for j in range(0, len(parts), 2):
            el, tail = parts[j], parts[j + 1]
            el.tail = tail
            parent.insert(index, el)
            index += 1

    def run(self, root: etree.Element) -> None:
        self._link_in(root)


def _ascii_slug(value: str, separator: str) -> str:
    return slugify(value).replace("-", separator) or "muc"


class SafeMarkdown:
    """One renderer per build; `render()` returns (html, toc_tokens)."""

    def __init__(self):
        self.md = markdown.Markdown(extensions=["tables", "sane_lists", TocExtension(slugify=_ascii_slug)])
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")
        self.md.treeprocessors.register(_Sanitise(self.md), "bv_sanitise", 1)
        self._autolink: _AutoLink | None = None

    def render(self, text: str, doc_links: dict[str, str] | None = None) -> tuple[str, list]:
        if "bv_autolink" in self.md.treeprocessors:
            self.md.treeprocessors.deregister("bv_autolink")
        if doc_links:
            self.md.treeprocessors.register(_AutoLink(self.md, doc_links), "bv_autolink", 2)
        self.md.reset()
        html = self.md.convert(text)
        return html, list(getattr(self.md, "toc_tokens", []))
