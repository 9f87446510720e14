"""Markdown written by officers, rendered so it can never become markup, nor crash or stall the build.

Python-Markdown passes raw HTML and `javascript:` links through (it "does not
sanitize its HTML output"). Here raw HTML is switched off, so `<script>` shows as
text, links keep only safe schemes, images (which would load from elsewhere)
become their text (only the officers' guide keeps its own screenshots: OWN_IMAGE), and known
document numbers become links to their pages.

Its scanners that read to the end of the text for each `[`, `(` or backtick, and the block
processors that re-read what is left of a block after each heading, are replaced by linear ones with
the same results (markdown_fast.py). What the checker refuses (markdown_limits.py) is guarded here too:
a paragraph longer than MAX_BLOCK is shown as written, and text nested too deep to parse (Python's
recursion limit) is shown as written, paragraph by paragraph, instead of stopping the build.

Heading ids never take an id the page templates or Material use (`RESERVED_IDS`, read from the
templates): such a heading gets the next free `_1` suffix, as a repeated heading does, and the
text's own links to it follow.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from . import markdown_fast
from .markdown_limits import MAX_BLOCK, too_deep
from .text import slugify

TEMPLATES = Path(__file__).parent / "templates"


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


# The one kind of image kept: a screenshot the package ships in the site's own assets, in a page the
# package writes (the officers' guide). Officers' data never shows an image this way.
OWN_IMAGE = re.compile(r"^(?:\.\./)*assets/[a-z0-9/-]+\.png$")


class _Sanitise(Treeprocessor):
    own_images = False  # set for the guide's pages only

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "img" and self.own_images and OWN_IMAGE.match(child.get("src", "")):
                    child.set("loading", "lazy")
                elif child.tag == "img":
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


def _template_ids() -> frozenset[str]:
    """Every fixed id the page templates write, the filter forms' (macros.filter_form) included."""
    sources = [path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob("*.html"))]
    ids = {anchor for source in sources for anchor in re.findall(r'(?<![\w-])id="([^"{}]+)"', source)}
    prefixes = {found for source in sources for found in re.findall(r'set body_id = "([\w-]+)" ~ target', source)}
    forms = {found for source in sources for found in re.findall(r'filter_form\("#([\w-]+)"', source)}
    return frozenset(ids | {prefix + form for prefix in prefixes for form in forms})


RESERVED_IDS = _template_ids()


def is_reserved(anchor: str) -> bool:
    """An id a page may already have: one of the templates', or Material's (all of which start with "__")."""
    return anchor in RESERVED_IDS or anchor.startswith("__")


class _Slugs:
    """Heading ids: the ASCII slug, moved off an id the page has; what moved where, for the text's links."""

    def __init__(self):
        self.moved: dict[str, str] = {}

    def __call__(self, value: str, separator: str) -> str:
        anchor = slugify(value).replace("-", separator) or "muc"
        if not is_reserved(anchor):
            return anchor
        n = 1
        while is_reserved(f"{anchor}_{n}"):
            n += 1
        self.moved.setdefault(anchor, f"{anchor}_{n}")
        return f"{anchor}_{n}"


class _FollowMoved(Treeprocessor):
    """A link of the text to `#x`, where its heading x moved to x_1, goes to the heading (run after toc)."""

    def __init__(self, md, slugs: _Slugs):
        super().__init__(md)
        self.slugs = slugs

    def run(self, root: etree.Element) -> None:
        if self.slugs.moved:
            for link in root.iter("a"):
                target = self.slugs.moved.get(link.get("href", "")[1:]) if link.get("href", "").startswith("#") else None
                if target:
                    link.set("href", "#" + target)


class _LongAsText(Treeprocessor):
    """A paragraph longer than the checker lets through is shown as written, not read for markup:
    Python-Markdown reads it once more for each piece of markup in it (run before "inline")."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.text and len(element.text) > MAX_BLOCK:
                element.text = AtomicString(element.text)
            if element.tail and len(element.tail) > MAX_BLOCK:
                element.tail = AtomicString(element.tail)


def as_written(text: str) -> str:
    """The text in paragraphs, every character shown as typed: for text Markdown cannot read."""
    paragraphs = [part.strip("\n") for part in re.split(r"\n[ \t]*\n", text) if part.strip()]
    return "\n".join(f"<p>{html.escape(part, quote=False)}</p>" for part in paragraphs)


class SafeMarkdown:
    """One renderer per build; `render()` returns (html, toc_tokens)."""

    def __init__(self):
        self._build()

    def _build(self) -> None:
        self.slugs = _Slugs()
        self.md = markdown.Markdown(extensions=["tables", "sane_lists", TocExtension(slugify=self.slugs)])
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")
        markdown_fast.install(self.md)
        self.md.treeprocessors.register(_LongAsText(self.md), "bv_long_as_text", 21)
        self.md.treeprocessors.register(_FollowMoved(self.md, self.slugs), "bv_follow_moved", 4)
        self.sanitise = _Sanitise(self.md)
        self.md.treeprocessors.register(self.sanitise, "bv_sanitise", 1)

    def render(self, text: str, doc_links: dict[str, str] | None = None, own_images: bool = False) -> tuple[str, list]:
        """`own_images`: keep images of the site's own assets (the guide's screenshots)."""
        self.sanitise.own_images = own_images
        if "bv_autolink" in self.md.treeprocessors:
            self.md.treeprocessors.deregister("bv_autolink")
        if doc_links:
            self.md.treeprocessors.register(_AutoLink(self.md, doc_links), "bv_autolink", 2)
        self.md.reset()
        self.slugs.moved.clear()
        if too_deep(text):  # refused by the checker; parsing it would recurse hundreds of levels, each reading it all
            return as_written(text), []
        try:
            html = self.md.convert(text)
        except RecursionError:
            # Nesting the checker does not measure (emphasis inside emphasis…) can still go past
            # Python's limit. A parse cut short leaves state behind (open lists, delimiters): start afresh.
            self._build()
            return as_written(text), []
        return html, list(getattr(self.md, "toc_tokens", []))
