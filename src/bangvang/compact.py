"""Indentation out of every page: Material's templates indent deeply, a fifth of a small page's bytes.
(And Material's configuration block in UTF-8 rather than ASCII escapes.)

At province size (50,000 record pages) that fifth is about 200 MB of a site that must stay under
GitHub Pages' 1 GB. Only runs of whitespace that start a line are cut, to a single newline, so the
text renders exactly as before (HTML collapses whitespace between words and tags alike); the blocks
whose whitespace counts — pre, textarea, and scripts and styles, whose hashes the policy carries —
are left as they are.
"""

from __future__ import annotations

import functools
import json
import re

_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n\s+")
_CONFIG = '<script id="__config" type="application/json">'


@functools.lru_cache(maxsize=64)
def _config_json(text: str) -> str:
    """Material's page configuration as compact UTF-8 JSON: Material writes it ASCII-escaped, six
    bytes for each Vietnamese letter of its interface texts (a third of the block). "</" stays escaped
    so the text can never close its script element."""
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def compact(html: str) -> str:
    """`html` with every line's indentation and every blank line removed, outside kept blocks.

    >>> compact("<ul>\\n    <li>a</li>\\n\\n    <li>b</li>\\n</ul><pre>\\n  x\\n</pre>")
    '<ul>\\n<li>a</li>\\n<li>b</li>\\n</ul><pre>\\n  x\\n</pre>'
    """
    start = html.find(_CONFIG)
    end = html.find("</script>", start) if start >= 0 else -1
    if end >= 0:  # plain searches: a regex scanned the whole page to reach the block at its end
        start += len(_CONFIG)
        html = html[:start] + _config_json(html[start:end]) + html[end:]
    parts = _KEPT.split(html)
    # split() with two groups yields [text, block, tag name, text, block, tag name, …]
    out = []
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
