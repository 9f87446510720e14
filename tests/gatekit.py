"""Helpers of the quality gates (tests/test_gates_*.py, tests/browser/test_gates_*.py): the two sites
built once per test session, the page types, the internal link checker, and the dev tools from npm
(package.json: vnu-jar for the Nu HTML checker, axe-core), with the rule that a missing tool fails
under CI (CI is set) and skips only locally, with the reason.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from bangvang.ceremony import is_offline_file

from sitebuild import FIXTURE_DATA, REPO, SEED_DATA, build_site

# Built as the Pages workflow builds (.github/workflows: BANGVANG_SITE_URL = the Pages address),
# the same address as the browser tests (tests/browser/browserkit.py).
SITE_URL = "https://vidu.github.io/bang-vang/"
SITES = {"bundled": SEED_DATA, "xa-an-binh": FIXTURE_DATA}

NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"


def unavailable(reason: str):
    """A gate's tool is missing: a failure under CI, a skip (with the reason) elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"quality gate cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"quality gate skipped (CI is not set): {reason}")


def need_file(path: Path, how: str) -> Path:
    if not path.is_file():
        unavailable(f"{path.relative_to(REPO)} is missing ({how})")
    return path


def need_java() -> str:
    java = shutil.which("java")
    if not java:
        unavailable("no 'java' on PATH (apt-get install openjdk-17-jre-headless)")
    return java


# --- the sites -----------------------------------------------------------------------------------

_TMP = Path(tempfile.mkdtemp(prefix="bangvang-gates-"))
atexit.register(shutil.rmtree, _TMP, True)


@lru_cache(maxsize=None)
def built(name: str, site_url: str = SITE_URL) -> Path:
    """`mkdocs build --strict` of SITES[name], once per session; returns the site folder.
    With site_url="" the site is built without an address, as a pull request's check builds it."""
    site = _TMP / (name + ("" if site_url else "-no-address")) / "site"
    result = build_site(SITES[name], site, {"BANGVANG_SITE_URL": site_url})
    assert result.returncode == 0, result.output
    return site


def html_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as site paths ('index.html', 'phong-trao/x/index.html'); not the
    ceremony screens' files to run alone, which are downloads (test_ceremony_screen.py checks them)."""
    return sorted(rel for p in site.rglob("*.html") if not is_offline_file(rel := p.relative_to(site).as_posix()))


def url_of(path: str) -> str:
    """Site path of an HTML file → the URL path it is served at ('x/index.html' → 'x/')."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def page_type(path: str) -> str:
    """What kind of page a file is: its section, and whether it is the section's list or a record.
    The guide and the about section hold pages made from different templates: each is its own type."""
    url = url_of(path)
    parts = [p for p in url.split("/") if p]
    if not parts:
        return "home"
    if path == "404.html":
        return "404"
    if parts[0] in ("huong-dan", "gioi-thieu", "du-lieu"):
        return url.rstrip("/")
    if parts[-1] == "trinh-chieu":  # a ceremony screen
        return parts[0] + "/*/trinh-chieu/"
    return parts[0] + ("/" if len(parts) == 1 else "/*")


def page_types(site: Path) -> dict[str, str]:
    """One page per type (the largest file of the type, so the richest example), type → site path."""
    chosen: dict[str, str] = {}
    for path in html_pages(site):
        kind = page_type(path)
        if kind not in chosen or (site / path).stat().st_size > (site / chosen[kind]).stat().st_size:
            chosen[kind] = path
    return dict(sorted(chosen.items()))


# --- internal links ------------------------------------------------------------------------------

URL_ATTRS = {"href", "src"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, int]] = []  # (tag, url, line)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            if name in URL_ATTRS:
                self.links.append((tag, value, self.getpos()[0]))
            if name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.links.append((tag, url, self.getpos()[0]))

    handle_startendtag = handle_starttag


@dataclass
class LinkReport:
    pages: int = 0
    internal: int = 0           # internal links checked (href/src/srcset)
    fragments: int = 0          # of which with a #fragment checked against the target
    external: int = 0           # links to other sites (not checked here)
    other_schemes: int = 0      # mailto:, tel:…
    broken: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        return (f"{name}: pages {self.pages}, internal links {self.internal} "
                f"(with #fragment {self.fragments}), external not checked {self.external}, "
                f"other schemes {self.other_schemes}, broken links {len(self.broken)}")


def check_links(site: Path, site_url: str = SITE_URL) -> LinkReport:
    """Every relative or same-site href/src of every HTML file resolves to a file of the site
    (a directory URL to its index.html) and every #fragment to an id (or <a name>) in the target."""
    site_parts = urlsplit(site_url)
    base_path = site_parts.path  # '/bang-vang/'
    report = LinkReport()
    parsed: dict[str, _Links] = {}

    def parse(path: str) -> _Links:
        if path not in parsed:
            parser = _Links()
            parser.feed((site / path).read_text(encoding="utf-8"))
            parser.close()
            parsed[path] = parser
        return parsed[path]

    pages = html_pages(site)
    report.pages = len(pages)
    for page in pages:
        page_url = urljoin(site_url, url_of(page))  # 404.html is served from the root too
        for tag, raw, line in parse(page).links:
            where = f"{page}:{line}: <{tag}> {raw!r}"
            url = raw.strip()
            scheme = urlsplit(url).scheme.lower()
            if scheme and scheme not in ("http", "https"):
                report.other_schemes += 1
                continue
            absolute = urljoin(page_url, url)
            parts = urlsplit(absolute)
            if (parts.scheme, parts.netloc) != (site_parts.scheme, site_parts.netloc):
                report.external += 1
                continue
            report.internal += 1
            path = unquote(parts.path)
            if not path.startswith(base_path):
                report.broken.append(f"{where}: outside the site's path {base_path}")
                continue
            inner = path[len(base_path):]
            target = site / inner
            if inner == "" or inner.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                report.broken.append(f"{where}: no file {target.relative_to(site).as_posix()}")
                continue
            if parts.fragment:
                report.fragments += 1
                fragment = unquote(parts.fragment)
                rel = target.relative_to(site).as_posix()
                if not rel.endswith(".html"):
                    report.broken.append(f"{where}: #fragment into a file that is not HTML")
                elif fragment not in parse(rel).ids:
                    report.broken.append(f"{where}: no id {fragment!r} in {rel}")
    return report


# --- npm tools -----------------------------------------------------------------------------------

def vnu(paths: list[Path], errors_only: bool = True) -> subprocess.CompletedProcess:
    """The Nu HTML checker on `paths` (folders or files): `java -jar vnu.jar --errors-only
    --skip-non-html`, messages one a line (--format gnu: "file":line.col-line.col: kind: message)."""
    java = need_java()
    jar = need_file(VNU_JAR, "run `npm ci --ignore-scripts` at the repository root")
    flags = ["--errors-only"] if errors_only else []
    return subprocess.run(
        [java, "-jar", str(jar), *flags, "--skip-non-html", "--format", "gnu", *map(str, paths)],
        capture_output=True, text=True, timeout=900)


GNU_LINE = re.compile(r'^"?(?P<file>.+?)"?:(?P<line>\d+)\.(?P<col>\d+)-(?P<eline>\d+)\.(?P<ecol>\d+): '
                      r'(?P<kind>[a-z ]+): (?P<message>.*)$')
