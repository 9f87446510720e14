"""Markdown an officer writes can neither crash nor stall the build.

Depth and paragraph length are refused by the checker at the line and column where they go past the
limit; the renderer survives either anyway; Python-Markdown's scanners that re-read the text for
every bracket are replaced by linear ones that give its own results; heading ids never take an id
the page templates use.
"""

from __future__ import annotations

import random
import re
from datetime import date
from html import unescape

import markdown
import pytest

from bangvang import markdown_fast
from bangvang.load import load
from bangvang.markdown_limits import MAX_BLOCK, MAX_DEPTH, too_deep, too_long
from bangvang.markdown_safe import RESERVED_IDS, TEMPLATES, SafeMarkdown
from bangvang.validate import validate

from datatree import BASE_FILES, PHONG_TRAO, write_tree

TODAY = date(2026, 12, 7)
NESTED = "\n".join("    " * depth + "- mục" for depth in range(1000))  # 2 MB: longer than any field
DEEP = "\n".join("    " * depth + "- mục" for depth in range(200))


def _issues(tmp_path, changes):
    data, issues = load(write_tree(tmp_path, changes), TODAY)
    validate(data, issues)
    return [(i.code, i.position.path, i.position.line, i.position.column) for i in issues.errors]


def test_a_report_nested_too_deep_is_refused_at_the_line_that_goes_past(tmp_path):
    report = BASE_FILES["bao-cao/31-bc-ubnd-2024.md"] + "\n" + DEEP + "\n"
    body_first = report.count("\n", 0, report.index("- mục")) + 1
    found = _issues(tmp_path, {"bao-cao/31-bc-ubnd-2024.md": report})
    assert found == [("long-qua-sau", "data/bao-cao/31-bc-ubnd-2024.md", body_first + MAX_DEPTH, 4 * MAX_DEPTH + 1)]


def test_a_list_too_deep_in_a_yaml_block_is_refused_at_its_line_and_column(tmp_path):
    block = "".join("    " + "    " * depth + "- mục\n" for depth in range(12))
    movement = PHONG_TRAO + "  mo_ta: |\n    Mở đầu ngắn.\n\n" + block
    first = movement.count("\n", 0, movement.index("- mục")) + 1
    found = _issues(tmp_path, {"phong-trao/phong-trao.yml": movement})
    assert found == [("long-qua-sau", "data/phong-trao/phong-trao.yml", first + MAX_DEPTH, 5 + 4 * MAX_DEPTH)]


def test_a_paragraph_too_long_in_a_report_is_refused_where_it_starts(tmp_path):
    report = BASE_FILES["bao-cao/31-bc-ubnd-2024.md"] + "\nMở đầu.\n\n" + "Phong trào lan rộng. " * (MAX_BLOCK // 20)
    line = report.count("\n", 0, report.index("Phong trào lan")) + 1
    found = _issues(tmp_path, {"bao-cao/31-bc-ubnd-2024.md": report})
    assert found == [("doan-qua-dai", "data/bao-cao/31-bc-ubnd-2024.md", line, 1)]


def test_within_the_limits_nothing_is_reported(tmp_path):
    fine = "\n".join("    " * depth + "- mục" for depth in range(MAX_DEPTH))
    table = "| a | b |\n|---|---|\n" + "| ô | ô |\n" * 3000  # each row is read on its own
    report = BASE_FILES["bao-cao/31-bc-ubnd-2024.md"] + "\n" + fine + "\n\n" + table
    assert too_long(table) is None and too_deep(fine) is None
    assert _issues(tmp_path, {"bao-cao/31-bc-ubnd-2024.md": report}) == []


@pytest.mark.parametrize("text, at", [
    ("> " * 9 + "x", 16), ("- - - - - - - - - x", 16), ("1. " * 9 + "x", 24),
    ("- a\n" + "\n".join("    " * d + "- b" for d in range(1, 9)), None),  # 9 levels, but the first line is its own
])
def test_depth_counts_every_kind_of_marker(text, at):
    found = too_deep(text)
    if at is None:
        assert found is not None and found[1] == MAX_DEPTH + 1
    else:
        assert found == (at, MAX_DEPTH + 1)


def test_rules_are_not_lists():
    assert too_deep("- - -\n* * *\n" * 20) is None


def test_the_renderer_survives_what_the_checker_refuses():
    md = SafeMarkdown()
    html, _ = md.render(NESTED)
    assert html.startswith("<p>- mục") and html.count("- mục") == 1000
    html, _ = md.render("*" * 5000 + "a" + "*" * 5000)  # emphasis nested past Python's recursion limit
    assert "a" in html
    html, _ = md.render("# Tiêu đề\n\nĐoạn *nghiêng*.")  # and the renderer is sound after that
    assert '<h1 id="tieu-de">' in html and "<em>nghiêng</em>" in html


def _renderer(fast: bool) -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "sane_lists", "toc"])
    if fast:
        markdown_fast.install(md)
    return md


def _visible(html: str) -> str:
    return re.sub(r"\s", "", unescape(re.sub(r"<[^>]+>", "", html)))


PIECES = list("[]()` \n#-*>|:=ab1.\\<") + ["](", "[x](", "``", "\n\n", "- ", "1. ", "> ", "# ",
                                             "| a | b |\n|---|---|\n", "http://x", "[r]: /u\n"]


def test_the_linear_scanners_give_python_markdowns_results():
    stock, fast, rng = _renderer(False), _renderer(True), random.Random(14)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60)))
        stock.reset(), fast.reset()
        assert fast.convert(text) == stock.convert(text), repr(text)


def test_with_quotes_they_differ_only_where_python_markdown_drops_characters():
    """`[a]('(`: Python-Markdown makes a link and loses the quote; the linear scanner leaves it as written."""
    stock, fast, rng = _renderer(False), _renderer(True), random.Random(15)
    differ = 0
    for _ in range(6000):
        text = "".join(rng.choice("[]()'\" ab\n") for _ in range(rng.randint(3, 14)))
        stock.reset(), fast.reset()
        ours, theirs = fast.convert(text), stock.convert(text)
        if ours != theirs:
            differ += 1
            assert len(_visible(theirs)) < len(_visible(ours)), repr(text)
    assert differ  # the case is real: the loop met it


def test_a_run_of_brackets_is_indexed_once_not_once_per_bracket(monkeypatch):
    """20,000 `[` took a minute and a half when each `[` re-read the paragraph; here each text is read once."""
    built = []
    original = markdown_fast._Index.__init__
    monkeypatch.setattr(markdown_fast._Index, "__init__", lambda self, text: (built.append(len(text)),
                                                                              original(self, text))[1])
    text = "[" * (MAX_BLOCK - 1)
    html, _ = SafeMarkdown().render(text)
    assert html == f"<p>{text}</p>" and len(built) <= 3


def test_a_heading_never_takes_an_id_of_the_page():
    assert {"lien-he", "danh-sach", "cau-chuyen"} <= RESERVED_IDS  # read from the templates
    written = set()
    for path in TEMPLATES.glob("*.html"):
        written |= set(re.findall(r'(?<![\w-])id="([^"{}]+)"', path.read_text(encoding="utf-8")))
    assert written <= RESERVED_IDS
    html, toc = SafeMarkdown().render("# Liên hệ\n\nXem [phần liên hệ](#lien-he).\n\n## Liên hệ\n")
    ids = re.findall(r'id="([^"]+)"', html)
    assert ids == ["lien-he_1", "lien-he_2"] and not set(ids) & RESERVED_IDS
    assert 'href="#lien-he_1"' in html and toc[0]["id"] == "lien-he_1"
