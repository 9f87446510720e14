"""Gate: zero broken internal links and anchors in the built sites (bundled data and the second commune).

A checker over every HTML file (stdlib html.parser, tests/gatekit.py): every href/src/srcset that is
relative or on the site's own address resolves to a file of the site (a directory URL to its
index.html) and every #fragment to an id (or <a name>) in the target. Pages are built as the Pages
workflow builds them (with the site's address) and resolved as served under /bang-vang/, so a
root-relative link that would escape the project path is broken too. External links are counted,
not checked (that is a separate, non-blocking job).
"""

from __future__ import annotations

import pytest

from gatekit import SITES, built, check_links


@pytest.mark.parametrize("name", list(SITES))
def test_no_broken_internal_link_or_anchor(name):
    report = check_links(built(name))
    print(report.line(f"links {name}"))
    print(f"broken links N = {len(report.broken)} ({name})")
    assert report.pages > 30 and report.internal > 1000 and report.fragments > 100, report.line(name)
    assert not report.broken, "\n".join(report.broken[:50])


def test_checker_finds_every_kind_of_break(tmp_path):
    """Negative control on a tiny site: each kind of break is reported, good links are not."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok dir</a><a href="a/#x">ok anchor</a><a href="#top" id="top">ok self</a>'
        '<a href="https://vidu.github.io/bang-vang/a/">ok same site</a>'
        '<a href="b/">no file</a><a href="a/#nope">no anchor</a><a href="/a/">outside /bang-vang/</a>'
        '<img src="x.png" alt=""><a href="../../etc/">escapes</a>'
        '<a href="https://example.org/">external</a><a href="mailto:a@b.vn">mail</a>',
        encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">x</h2><a href="../#top">ok</a>', encoding="utf-8")
    report = check_links(tmp_path)
    assert len(report.broken) == 5, "\n".join(report.broken)
    for expected in ("'b/': no file b/index.html", "no id 'nope'", "'/a/': outside the site's path",
                     "no file x.png", "'../../etc/': outside the site's path"):
        assert any(expected in b for b in report.broken), (expected, report.broken)
    assert (report.external, report.other_schemes, report.internal) == (1, 1, 10)
