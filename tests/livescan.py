"""What in a page would run: the canary check used by every renders case of the bad-input corpus.

`live_payloads(html)` lists everything in a page that a browser would run or load actively: an event
handler attribute, a script, vbscript or data URL in a URL attribute (seen as a browser sees it), script
in a style, a meta refresh, an active element (iframe, object, embed, base…), a script carrying a
planted marker. Used by tests/test_corpus.py (through corpuskit.py), test_properties.py and
test_gates_canary.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite",
                  "ping", "manifest", "srcset"}
ACTIVE_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
SCRIPT_SCHEMES = {"javascript", "vbscript", "data"}
INERT_IMAGE = re.compile(r"data:image/(?:jpeg|png|webp);base64,[A-Za-z0-9+/=]+\Z")


def _scheme(url: str) -> str | None:
    """The scheme a browser would see: tabs and newlines removed, control characters and spaces stripped."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                 "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return m.group(1).lower() if m else None


class _LiveFinder(HTMLParser):
    def __init__(self, markers: tuple[str, ...]):
        super().__init__(convert_charrefs=True)
        self.markers = markers
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>: event handler attribute")
            urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            if tag == "img" and name == "src" and INERT_IMAGE.match(value):
                continue  # a JPEG, PNG or WebP inside the page (a ceremony screen's file to run alone): inert
            if name in URL_ATTRIBUTES and any(_scheme(u) in SCRIPT_SCHEMES for u in urls):
                self.found.append(f"<{tag} {name}={value!r}>: script or data URL")
            if name == "style" and re.search(r"expression\s*\(|javascript:", value, re.I):
                self.found.append(f"<{tag} style={value!r}>: script in style")
            if name == "http-equiv" and value.lower() == "refresh":
                self.found.append(f"<{tag} http-equiv=refresh>")
        if tag in ACTIVE_ELEMENTS:
            self.found.append(f"<{tag}>: active element")
        if tag == "script":
            self._in_script = True
            src = dict(attrs).get("src") or ""
            if any(m in src for m in self.markers):
                self.found.append(f"<script src={src!r}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._in_script = False

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and any(m in data for m in self.markers):
            self.found.append(f"<script>{data[:80]!r}: payload inside a script element")


def live_payloads(html: str, markers: tuple[str, ...] = ("alert(", "msgbox(")) -> list[str]:
    """Everything in `html` that a browser would run or load actively; [] when the page is inert."""
    finder = _LiveFinder(markers)
    finder.feed(html)
    finder.close()
    return finder.found
