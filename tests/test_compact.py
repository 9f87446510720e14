"""Indentation is cut from every page (bangvang.compact) without changing what a reader sees."""

from __future__ import annotations

import re

from bangvang.compact import compact
from sitebuild import visible_text


def test_compact_keeps_text_and_kept_blocks():
    html = ("<div>\n    <p>Nhân dân\n        phường   Phổ Minh</p>\n\n\n    <p>b</p>\n</div>"
            "<pre>\n    giữ nguyên\n\n  thụt lề\n</pre>\n  <script>var a = 1;\n    a++;</script>"
            "\n   <textarea>\n  x</textarea>")
    out = compact(html)
    assert out == ("<div>\n<p>Nhân dân\nphường   Phổ Minh</p>\n<p>b</p>\n</div>"
                   "<pre>\n    giữ nguyên\n\n  thụt lề\n</pre>\n<script>var a = 1;\n    a++;</script>"
                   "\n<textarea>\n  x</textarea>")
    assert compact(out) == out


def test_built_pages_carry_no_indentation(seed_build):
    pages = sorted(seed_build.site.rglob("*.html"))
    assert len(pages) > 50
    kept = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
    for path in pages:
        html = kept.sub("<kept>", path.read_text(encoding="utf-8"))
        assert not re.search(r"\n[ \t]", html), path
        assert "\n\n" not in html, path
        assert visible_text(html).strip(), path
