"""Indentation out of every page: Material's templates indent deeply, a fifth of a small page's bytes.

At province size (50,000 record pages) that fifth is about 200 MB of a site that must stay under
GitHub Pages' 1 GB. Only runs of whitespace that start a line are cut, to a single newline, so the
text renders exactly as before (HTML collapses whitespace between words and tags alike); the blocks
whose whitespace counts — pre, textarea, and scripts and styles, whose hashes the policy carries —
are left as they are.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n\s+")


def compact(html: str) -> str:
    """`html` with every line's indentation and every blank line removed, outside kept blocks.

    >>> compact("<ul>\\n    <li>a</li>\\n\\n    <li>b</li>\\n</ul><pre>\\n  x\\n</pre>")
    '<ul>\\n<li>a</li>\\n<li>b</li>\\n</ul><pre>\\n  x\\n</pre>'
    """
    parts = _KEPT.split(html)
    # split() with two groups yields [text, block, tag name, text, block, tag name, …]
    out = []
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
