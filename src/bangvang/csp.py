"""Content-Security-Policy of every page, as a <meta http-equiv> placed first in <head>.

GitHub Pages serves fixed headers (no Content-Security-Policy header can be set), so the policy can
only be delivered in the page; a meta policy governs only what comes after it, hence first in <head>.
Material writes a few small inline scripts into every page (a storage helper whose base path
depends on the page's depth, the palette restore, the tabbed-anchor fix); each page gets the
sha256 of exactly its own inline scripts, so no 'unsafe-inline' is needed for scripts.

Only the theme's scripts are hashed: an inline script inside the page's content (which comes from
data) is never allowed by the policy, and the build is stopped (a warning, which --strict makes
fatal). The site has no inline <style> element and no style="" attribute today; should a theme
update bring some, their hashes are added the same way (with 'unsafe-hashes' for attributes,
which CSP requires for hashes to cover style attributes) rather than 'unsafe-inline'.

Directives and why:
  default-src 'self'       every kind of resource only from the site itself: Material's bundle, our
                           scripts and the search worker (assets/javascripts/workers/search-vi.js),
                           Material's CSS and ours, fonts (theme.font is off), and what the scripts
                           fetch (sitemap.xml, search/search_index.json, search/vi/);
  img-src 'self' data:     Material's CSS draws icons from data: SVG URLs (mask-image), and so does ours;
  object-src 'none'        no plugins;
  base-uri 'self'          a <base> cannot re-point relative URLs elsewhere;
  form-action 'none'       the site has no form that submits (the search and filter forms are
                           handled in the page; their submit is cancelled).
script-src, style-src, font-src, connect-src and worker-src would each say 'self' again: they fall
back to default-src, so they are written only when a page needs a hash ('self' and the hashes) —
about 150 bytes less on each of a province's 50,000 pages, for the same policy. (Material's JS sets
styles through CSSOM, element.style…, which CSP does not govern.)
frame-ancestors, report-uri and sandbox are ignored in a meta policy (and reported by the Nu
checker), so they are not written.
"""

from __future__ import annotations

import base64
import hashlib
import re

SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
STYLE_RE = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>", re.S | re.I)
STYLE_ATTR_RE = re.compile(r"""<[a-zA-Z][^>]*?\sstyle\s*=\s*("([^"]*)"|'([^']*)')""", re.S)
TYPE_RE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
SRC_RE = re.compile(r"\bsrc\s*=", re.I)
HEAD_RE = re.compile(r"<head(\s[^>]*)?>", re.I)
_STYLE_ELEMENT = re.compile(r"<style\b", re.I)

META_CSP = '<meta http-equiv="Content-Security-Policy" content="{policy}">'

# Script types a browser runs (HTML: a JavaScript MIME type essence, "module", or none/empty).
JS_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
            "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
            "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
            "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
            "text/x-ecmascript", "text/x-javascript"}

BASE_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}


def _may_have_style_attribute(html: str) -> bool:
    """Whether the page has "style" after a space and before an "=": a superset of what STYLE_ATTR_RE
    finds (it matches the attribute in lower case, as here), by plain searches for the word (a
    case-insensitive regex starting with \\s tried every space of the page)."""
    at = html.find("style")
    while at >= 0:
        if at and html[at - 1].isspace():
            end = at + 5
            while end < len(html) and html[end].isspace():
                end += 1
            if html.startswith("=", end):
                return True
        at = html.find("style", at + 5)
    return False


def sha256_source(text: str) -> str:
    """The CSP hash source of an inline script or style, as the browser computes it: over the
    element's text after the parser's newline normalisation (CRLF and CR become LF), in UTF-8."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def is_executable(attrs: str) -> bool:
    """Whether a <script> with these attributes (the text inside the tag) would run."""
    m = TYPE_RE.search(attrs)
    if not m:
        return True
    value = next(g for g in m.groups() if g is not None)
    return value.strip().lower() in JS_TYPES


def inline_scripts(html: str) -> list[re.Match]:
    """Executable inline scripts (no src) of `html`, as regex matches."""
    return [m for m in SCRIPT_RE.finditer(html) if not SRC_RE.search(m.group(1)) and is_executable(m.group(1))]


def policy_for(html: str, untrusted: tuple[int, int] | None = None) -> tuple[str, list[str]]:
    """(policy, problems) for a rendered page. `untrusted` is the (start, end) span of the page's
    content, rendered from data: an inline script or style there is never hashed, it is a problem."""
    problems: list[str] = []

    def inside(m: re.Match) -> bool:
        return untrusted is not None and untrusted[0] <= m.start() < untrusted[1]

    script_hashes: list[str] = []
    for m in inline_scripts(html):
        if inside(m):
            problems.append(f"inline <script> in the page content (not allowed by the policy): {m.group(0)[:80]!r}")
            continue
        h = sha256_source(m.group(2))
        if h not in script_hashes:
            script_hashes.append(h)
    style_hashes: list[str] = []
    # Scanning every tag of a large page for style elements and attributes is the slow part: look
    # for them first with cheap searches, and scan tags only when they occur.
    for m in STYLE_RE.finditer(html) if _STYLE_ELEMENT.search(html) else ():
        if inside(m):
            problems.append(f"inline <style> in the page content (not allowed by the policy): {m.group(0)[:80]!r}")
            continue
        h = sha256_source(m.group(2))
        if h not in style_hashes:
            style_hashes.append(h)
    attr_hashes: list[str] = []
    for m in STYLE_ATTR_RE.finditer(html) if _may_have_style_attribute(html) else ():
        if inside(m):
            continue  # blocked by the policy: data cannot style the page
        h = sha256_source(m.group(2) if m.group(2) is not None else m.group(3))
        if h not in attr_hashes:
            attr_hashes.append(h)
    directives = {k: list(v) for k, v in BASE_POLICY.items()}
    if script_hashes:
        directives["script-src"] = ["'self'", *script_hashes]
    if style_hashes or attr_hashes:
        directives["style-src"] = ["'self'", *style_hashes, *(["'unsafe-hashes'", *attr_hashes] if attr_hashes else [])]
    return "; ".join(" ".join([k, *v]) for k, v in directives.items()), problems


def add_policy(html: str, content: str | None = None) -> tuple[str, list[str]]:
    """`html` with its policy first in <head>, and the problems found (see policy_for).
    `content` is the page's content as rendered from data (found verbatim in `html`)."""
    untrusted = None
    if content:
        start = html.find(content)
        if start >= 0:
            untrusted = (start, start + len(content))
    policy, problems = policy_for(html, untrusted)
    head = HEAD_RE.search(html)
    if head is None:
        return html, problems + ["no <head> to put the Content-Security-Policy in"]
    meta = META_CSP.format(policy=policy)
    return html[:head.end()] + "\n    " + meta + html[head.end():], problems


def read_policy(html: str) -> dict[str, list[str]] | None:
    """The policy of a built page's first <meta http-equiv=Content-Security-Policy>, parsed."""
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    if not m:
        return None
    policy: dict[str, list[str]] = {}
    for part in m.group(1).split(";"):
        words = part.split()
        if words:
            policy[words[0].lower()] = words[1:]
    return policy


def allow_inline(html: str, scripts: list[str], styles: list[str]) -> str:
    """`html` whose policy also allows these inline scripts and styles, by their hashes: what
    `mkdocs serve` adds to a page (its live-reload script, the error overlay of preview.py)."""
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    if m is None or not (scripts or styles):
        return html
    added = {"script-src": [sha256_source(s) for s in scripts], "style-src": [sha256_source(s) for s in styles]}
    parts = []
    for part in m.group(1).split(";"):
        words = part.split()
        if words and added.get(words[0].lower()):
            words += [h for h in added.pop(words[0].lower()) if h not in words]
        parts.append(" ".join(words))
    # a directive the page does not write falls back to default-src 'self': written with the hashes
    parts += [" ".join([name, "'self'", *hashes]) for name, hashes in added.items() if hashes]
    return html[:m.start(1)] + "; ".join(parts) + html[m.end(1):]
