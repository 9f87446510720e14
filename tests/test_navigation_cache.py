"""The navigation is rendered once per section and depth (overrides/main.html, bv_chrome_key) and
reused: every page's tabs and drawer must still point at the same places as the home page's (the
drawer of a page out of the navigation is filled from its tabs in the browser)."""

from __future__ import annotations

import posixpath
import re

import pytest

from sitebuild import FIXTURE_DATA, SEED_DATA, build_site

TABS = re.compile(r'<nav class="md-tabs".*?</nav>', re.S)
# The drawer runs to the table of contents' sidebar, or to the content on pages that hide it.
DRAWER = re.compile(r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-sidebar md-sidebar--secondary"'
                    r'|<div class="md-content")', re.S)
HREF = re.compile(r'href="([^"]*)"')
SECTION = re.compile(r'<a href="([^"]*)" class="md-nav__link')  # the drawer's sections (not its logo or repository)


def targets(fragment: str, page_dir: str, links: re.Pattern = HREF) -> list[str]:
    """The links of `fragment`, resolved against the page's folder (site paths)."""
    out = []
    for href in links.findall(fragment):
        if "://" in href:
            out.append(href)
            continue
        path = posixpath.normpath(posixpath.join("/" + page_dir, href.split("#")[0]))
        out.append(path.rstrip("/") + "/" if not path.endswith(".html") else path)
    return out


@pytest.mark.parametrize("data", [SEED_DATA, FIXTURE_DATA], ids=["seed", "second-commune"])
def test_every_page_links_the_same_navigation(tmp_path, data):
    build = build_site(data, tmp_path / "site")
    assert build.returncode == 0, build.output
    home = (build.site / "index.html").read_text(encoding="utf-8")
    expected_tabs = targets(TABS.search(home).group(), "")
    expected_drawer = targets(DRAWER.search(home).group(), "", SECTION)
    assert len(expected_tabs) >= 8 and len(expected_drawer) >= 8
    pages = sorted(build.site.rglob("index.html"))
    deep = 0
    for path in pages:
        page_dir = path.parent.relative_to(build.site).as_posix()
        page_dir = "" if page_dir == "." else page_dir + "/"
        html = path.read_text(encoding="utf-8")
        assert targets(TABS.search(html).group(), page_dir) == expected_tabs, page_dir
        drawer = DRAWER.search(html).group()
        if "data-bv-from-tabs" in drawer:  # a page out of the navigation: its drawer is filled from its tabs
            assert SECTION.search(drawer) is None, page_dir  # (tests/browser/test_pages.py)
            deep += page_dir.count("/") >= 2
        elif "md-nav__link--active" not in drawer:  # pages in the nav mark themselves
            assert targets(drawer, page_dir, SECTION) == expected_drawer, page_dir
    assert deep > 10, "record pages (two levels deep) were checked"


def test_a_page_with_a_table_of_contents_shows_it_and_a_record_page_has_none(seed_build):
    """The toc sidebar is left out where the page hides it, and never hidden where it is written
    (it once took the drawer's 'hidden', which record and report pages carry)."""
    report = seed_build.page("bao-cao/31-bc-ubnd-2024/")
    sidebar = re.search(r'<div class="md-sidebar md-sidebar--secondary"[^>]*>', report)
    assert sidebar and "hidden" not in sidebar.group(0) and 'class="md-nav md-nav--secondary"' in report
    record = sorted((seed_build.site / "tap-the").glob("*/index.html"))[0]
    assert "md-sidebar--secondary" not in record.read_text(encoding="utf-8")


def test_compiled_templates_are_kept_between_builds_and_safe_to_lose(tmp_path):
    """.cache/bangvang/jinja/ holds the compiled templates (theme's and ours); a build without it, or
    where it cannot be made, compiles as before."""
    from types import SimpleNamespace

    import jinja2

    from bangvang.mkdocs_hooks import template_cache

    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    cache = template_cache(config)
    assert isinstance(cache, jinja2.FileSystemBytecodeCache)
    env = jinja2.Environment(loader=jinja2.DictLoader({"a.html": "{{ 1 + 1 }}"}), bytecode_cache=cache)
    assert env.get_template("a.html").render() == "2"
    assert list((tmp_path / ".cache" / "bangvang" / "jinja").iterdir()), "the compiled template is kept"
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / ".cache").write_text("a file where the folder would go", encoding="utf-8")
    assert template_cache(SimpleNamespace(config_file_path=str(blocked / "mkdocs.yml"))) is None
