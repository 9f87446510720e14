"""Reading paged sites, for tests/test_paging*.py: parse a page, crawl by links, check a split site.

`render_site` writes every page's content where MkDocs would publish it (in-process, no theme);
`crawl` follows links from given pages of a written or built site; `check_split_site` states what any
site cut into pages must satisfy: every page reached, each list holding each row exactly once, bounded
row counts, right pagers, the extra pages out of the navigation and the search index.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from bangvang.pages import Site

TODAY = date(2026, 11, 28)
LISTS = ("khen-thuong/", "doi-tuong/", "van-ban/")


# --- reading pages -------------------------------------------------------------------------------

class PageParser(HTMLParser):
    """What a test needs of one page: links, ids, the rows of lists, the pagers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.award_rows: list[str] = []     # ids of the rows of <table class="bv-awards">
        self.recipients: list[str] = []     # first link of each <li data-bv-item>
        self.documents: list[str] = []      # ids of the rows of <table class="bv-docs">
        self.pagers: list[dict] = []        # {label, where, links: [(href, text, current, rel)]}
        self.navs: list[str] = []           # aria-labels of <nav> in the content
        self._stack: list[str] = []
        self._in_docs = self._in_awards = False
        self._want_li_link = False
        self._pager: dict | None = None
        self._text: list[str] | None = None
        self._link: tuple | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
            if self._want_li_link:
                self.recipients.append(a["href"])
                self._want_li_link = False
            if self._pager is not None:
                self._link = (a["href"], a.get("aria-current"), a.get("rel"))
                self._text = []
        if tag == "table":
            self._in_awards = "bv-awards" in (a.get("class") or "").split()
        if tag == "tr" and self._in_awards and a.get("id"):
            self.award_rows.append(a["id"])
        if tag == "table" and "bv-docs" in (a.get("class") or "").split():
            self._in_docs = True
        if tag == "tr" and self._in_docs and a.get("id"):
            self.documents.append(a["id"])
        if tag == "li" and "data-bv-item" in a:
            self._want_li_link = True
        if tag == "nav":
            self.navs.append(a.get("aria-label") or "")
            if "bv-pager" in (a.get("class") or "").split():
                self._pager = {"label": a.get("aria-label"), "where": "", "links": []}
                self.pagers.append(self._pager)
        if tag == "p" and self._pager is not None and a.get("class") == "bv-pager__where":
            self._text = []

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_docs = self._in_awards = False
        if tag == "a" and self._link is not None and self._pager is not None:
            href, current, rel = self._link
            self._pager["links"].append((href, "".join(self._text or []).strip(), current, rel))
            self._link, self._text = None, None
        if tag == "p" and self._pager is not None and self._text is not None and self._link is None:
            self._pager["where"] = "".join(self._text).strip()
            self._text = None
        if tag == "nav":
            self._pager = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def parse(html: str) -> PageParser:
    start = html.find('<article class="md-content__inner')  # only the content, in a built site
    parser = PageParser()
    parser.feed(html[start:] if start >= 0 else html)
    parser.close()
    if start >= 0:  # the navigation (tabs, sidebar) still counts for links
        parser.links += re.findall(r'href="([^"]*)"', html[:start])
    return parser


def resolve(base: str, href: str) -> str | None:
    """Site path of an internal page link from page `base` ('' = home), or None."""
    href = href.split("#", 1)[0].split("?", 1)[0]
    if not href or "://" in href or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    target = posixpath.normpath(posixpath.join("/" + base, href)).lstrip("/")
    target = "" if target == "." else target
    if target.endswith("index.html"):
        target = target[: -len("index.html")]
    if "." in posixpath.basename(target):
        return None  # a file: photo, feed, CSV…
    return target + "/" if target and not target.endswith("/") else target


def crawl(site: Path, start: list[str]) -> dict[str, PageParser]:
    """Every page reachable by links from `start`, parsed."""
    pages: dict[str, PageParser] = {}
    queue = list(start)
    while queue:
        url = queue.pop()
        if url in pages or not (site / url / "index.html").is_file():
            continue
        pages[url] = parsed = parse((site / url / "index.html").read_text(encoding="utf-8"))
        for href in parsed.links:
            target = resolve(url, href)
            if target is not None and target not in pages:
                queue.append(target)
    return pages


def render_site(board, out: Path, page_size: int) -> Site:
    """Every page's content, written where MkDocs would publish it, lists cut at `page_size` rows."""
    site = Site(board, page_size=page_size)
    for src, spec in site.pages.items():
        html, _ = site.render_page(src)
        path = out / spec.url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return site


# --- what a split site must satisfy ------------------------------------------------------------------

def in_list(url: str, folder: str) -> bool:
    return url == folder or (url.startswith(folder) and (folder != "van-ban/" or
                                                         re.match(r"van-ban/(nam-\d{4}|khong-ro-ngay)/", url)))


def check_split_site(board, site: Site, pages: dict[str, PageParser]) -> None:
    """Everything reachable; each list holds each row once; bounded row counts; pagers right."""
    missing = sorted(spec.url for spec in site.pages.values() if spec.url not in pages)
    assert not missing, f"{len(missing)} pages never reached from the home page: {missing[:10]}"

    # The awards list: every award row exactly once over its pages.
    rows = Counter(r for url, p in pages.items() if in_list(url, "khen-thuong/") for r in p.award_rows)
    expected = Counter(a.id for a in board.of("khen_thuong"))
    assert rows == expected
    # The recipients list: every recipient once.
    links = Counter(resolve(url, href) for url, p in pages.items() if in_list(url, "doi-tuong/")
                    for href in p.recipients)
    assert links == Counter(board.path(r) for r in board.of("doi_tuong"))
    # The documents register: every document once.
    docs = Counter(d for url, p in pages.items() if in_list(url, "van-ban/") for d in p.documents)
    assert docs == Counter(d.id for d in board.listed("van_ban"))
    # A movement's and a decision's pages together hold all their awards, once.
    for record, awards, base in [(m, board.awards_in_movement[m.id], f"phong-trao/{m.id}/") for m in board.of("phong_trao")] + \
            [(d, board.awards_by_decision[d.id], f"van-ban/{d.id}/") for d in board.listed("van_ban")]:
        shown = Counter(r for url, p in pages.items()
                        if url == base or re.fullmatch(re.escape(base) + r"trang-\d+/", url) for r in p.award_rows)
        assert shown == Counter(a.id for a in awards), base
    # Where the open data and the feed send a visitor for an award: a page that has its row.
    for award in board.of("khen_thuong"):
        url, _, anchor = site.routes.of(award).partition("#")
        assert anchor in pages[url].ids, (award.id, url)

    size = site.page_size
    for url, p in pages.items():
        numbered = "/trang-" in url or any(in_list(url, f) and url != f for f in LISTS)
        if numbered or p.pagers:
            assert len(p.award_rows) <= size and len(p.recipients) <= size and len(p.documents) <= size, url
        check_pagers(url, p, pages)
    for folder in LISTS:  # a list's own page is the index of its sections: no rows of its own
        if any(u != folder and in_list(u, folder) for u in pages):
            assert not pages[folder].award_rows and not pages[folder].recipients and not pages[folder].documents
    spec_of = {spec.url: spec for spec in site.pages.values()}
    for url, spec in spec_of.items():
        extra = "/trang-" in url or any(in_list(url, f) and url != f for f in LISTS)
        if extra:
            assert not spec.nav and spec.search is None, url


def check_pagers(url: str, p: PageParser, pages: dict[str, PageParser]) -> None:
    labels = [label for label in p.navs]
    assert len(labels) == len(set(labels)), f"{url}: two menus with one label {labels}"
    numbered = re.search(r"trang-(\d+)/$", url)
    number = int(numbered.group(1)) if numbered else 1
    if "/trang-" in url:
        assert p.pagers, f"{url}: a numbered page without a pager"
    for pager in p.pagers:
        assert pager["label"], url
        where = re.fullmatch(r"Trang (\d+)/(\d+)", pager["where"])
        assert where, (url, pager["where"])
        assert int(where.group(1)) == number
        count = int(where.group(2))
        assert count >= 2 and number <= count
        by_text = {text: (resolve(url, href), current, rel) for href, text, current, rel in pager["links"]}
        assert by_text[str(number)] == (url, "page", None), (url, pager)
        assert [t for t, (_, c, _) in by_text.items() if c] == [str(number)]
        assert str(count) in by_text and "1" in by_text
        if number > 1:
            prev = by_text["← Trang trước"]
            assert prev[2] == "prev" and prev[0] == (re.sub(r"trang-\d+/$", "", url) if number == 2
                                                     else re.sub(r"\d+/$", f"{number - 1}/", url))
        else:
            assert "← Trang trước" not in by_text
        if number < count:
            nxt = by_text["Trang sau →"]
            assert nxt[2] == "next" and nxt[0] == (url + "trang-2/" if number == 1
                                                   else re.sub(r"\d+/$", f"{number + 1}/", url))
            assert nxt[0] in pages
        else:
            assert "Trang sau →" not in by_text


def start_urls(site: Site) -> list[str]:
    """The home page and the navigation tabs (what the theme's chrome links on every page)."""
    return [""] + [spec.url for spec in site.pages.values() if spec.nav]
