"""Strings that random trees (treegen.py) draw values from: hostile, risky, and Markdown of every kind."""

from __future__ import annotations

import unicodedata

HOSTILE = [unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết"), "a\u0301\u0323\u0301", "😀", "🇻🇳", "👍🏽",
           "مرحبا", "שלום", "漢字", "ស្វាគមន៍", "ไทย", "\t", "*", "_", "**đậm**", "[x](https://example.vn)", "`mã`",
           "# ", "> ", "| a |", "\\", "&amp;", "&#x41;", "{{ x }}", "{% raw %}", "]]>", ": ", " #", "- ", "? ",
           "!tag", "&neo", "*bí", "%", "@", "'", '"', "“", "”", "‘", "’", "…", "–", "—", "07", "1e3", "0x1F", "no",
           "yes", "null", "~", "true", ".inf", "2023-05-01", "45/KH-UBND", "Nghị định 91/2017/NĐ-CP", "x" * 90]
# Always refused somewhere (forbidden characters, personal data, HTML in a one-line field, look-alike
# letters, a ' #' that YAML cuts): drawn rarely, so that most records pass.
RISKY = ["\u200b", "\u00a0", "\u202e", "\x07", "\ufeff", "\u2028", "\r", "<b>", "</p>", "<!--", "-->",
         "<script>alert(1)</script>", "javascript:alert(1)", "0912 345 678", "sinh năm 1990", "Ǆ", "ﬁ", "Ðặng"]
MARKDOWN = ["# Tiêu đề", "## Mục", "## Mục", "### Mục con", "###### Sáu", "## ", "# ***", "## 😀 &amp; <b>x</b>", "- một",
            "* hai\n  - lồng\n    - sâu", "1. ba", "10) bốn", "> trích dẫn", "    mã thụt lề", "```\n<script>x</script>\n```",
            "~~~python\nprint(1)\n~~~", "```", "---", "***", "| a | b |\n|---|:-:|\n| <b>x</b> | y |", "| lẻ |",
            "[liên kết](https://example.vn/a?b=1&c=2)", "[tương đối](../ca-nhan/tran-thi-lan/)", "[neo](#muc)",
            "[js](javascript:alert(1))", "[d](data:text/html,x)", "<https://example.vn>", "![ảnh](anh/x.jpg)",
            "![ngoài](https://tracker.example/p.gif)", "[x][r]\n\n[r]: https://example.vn", "[^1]", "<div>khối</div>",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- ghi chú -->", "&copy; &#169; &#x1F600;",
            "**đậm** _nghiêng_ ~~gạch~~", "\\*không nghiêng\\*", "Theo Kế hoạch 45/KH-UBND và Báo cáo 12/BC-UBND",
            "[TOC]", "{#id .class}", "dòng  \nngắt", "Tiêu đề setext\n===", "Setext hai\n---", "x" * 2000, "😀" * 50,
            "[a](<b c>)", "<a href=\"javascript:alert(1)\">a</a>", "&", "<", "{{ 7*7 }}"]
