"""Long lists are cut into pages of bounded size (src/bangvang/paging.py); small sites keep their pages.

Three layers:

* the paging rules alone (page numbers shown, first letters, URLs);
* sites rendered in-process with a tiny page size — the second commune at 2 rows a page, a synthetic
  ward at 10 — written out as files and crawled from the home page and the navigation tabs: every
  page, every award row, recipient and document is reached, each list holds each row exactly once,
  the pager is right on every page;
* a real `mkdocs build --strict` of a synthetic commune (3,000 recipients, 5,000 awards,
  benchmarks/synth.py) at the real PAGE_SIZE: no HTML page over PAGE_LIMIT, everything reachable by
  links from the home page, the extra pages out of the navigation and of the search index.

The bundled ward and the second commune are far below PAGE_SIZE: their pages are unchanged
(tests/test_golden_pages.py holds the rendered pages; here, that no page was added or split).
"""

from __future__ import annotations

import posixpath
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bangvang import paging
from bangvang.model import load_board
from bangvang.pages import Site

from sitebuild import FIXTURE_DATA, REPO, SEED_DATA, build_site

sys.path.insert(0, str(REPO / "benchmarks"))
import synth  # noqa: E402

TODAY = date(2026, 11, 28)
# No HTML page of the generated commune may weigh more (theme included). A full page of 300 award rows
# with their filter values is ~330 KB; the old single list of 5,000 awards was 5 MB.
PAGE_LIMIT = 400 * 1024
LISTS = ("khen-thuong/", "doi-tuong/", "van-ban/")


# --- the rules alone -----------------------------------------------------------------------------

def test_page_size_is_one_constant_in_the_asked_range():
    assert 300 <= paging.PAGE_SIZE <= 500


@pytest.mark.parametrize("number, count, expected", [
    (1, 1, [1]),
    (3, 9, list(range(1, 10))),
    (1, 14, [1, 2, 3, None, 14]),
    (2, 14, [1, 2, 3, 4, None, 14]),
    (5, 14, [1, 2, 3, 4, 5, 6, 7, None, 14]),   # a gap of one page shows the number, not "…"
    (8, 14, [1, None, 6, 7, 8, 9, 10, None, 14]),
    (14, 14, [1, None, 12, 13, 14]),
])
def test_pager_window(number, count, expected):
    page = paging.number_pages("x/", list(range(count)), 1)[number - 1]
    assert page.window() == expected
    shown = [n for n in expected if n]
    assert 1 in shown and count in shown and number in shown


def test_numbered_pages_and_their_urls():
    pages = paging.number_pages("phong-trao/a/", list(range(7)), 3)
    assert [p.url for p in pages] == ["phong-trao/a/", "phong-trao/a/trang-2/", "phong-trao/a/trang-3/"]
    assert [p.rows for p in pages] == [[0, 1, 2], [3, 4, 5], [6]]
    assert [(p.prev, p.next) for p in pages] == [(None, "phong-trao/a/trang-2/"),
                                                 ("phong-trao/a/", "phong-trao/a/trang-3/"),
                                                 ("phong-trao/a/trang-2/", None)]
    assert [p.start for p in pages] == [0, 3, 6]
    assert paging.src_uri("khen-thuong/2023/trang-2/") == "khen-thuong/2023/trang-2.md"


@pytest.mark.parametrize("name, letter, slug", [
    ("An", "a", "a"), ("Ánh", "a", "a"), ("Ân", "â", "aa"), ("Ăn", "ă", "aw"), ("Đức", "đ", "dd"),
    ("Dũng", "d", "d"), ("Ước", "ư", "uw"), ("Ơn", "ơ", "ow"), ("Ốc", "ô", "oo"), ("Ế", "ê", "ee"),
    ("“Hoa” Sen", "h", "h"), ("3 tháng 2", paging.DIGITS, "so"), ("Ωmega", paging.OTHER, "khac"),
])
def test_first_letter_as_vietnamese_alphabetises(name, letter, slug):
    assert paging.initial(name) == letter
    assert paging.letter_slug(letter) == slug
    assert slug.isascii()


# --- the small sites keep their pages -------------------------------------------------------------

@pytest.mark.parametrize("data", [SEED_DATA, FIXTURE_DATA], ids=["bundled", "xa-an-binh"])
def test_small_sites_are_not_split(data):
    board, issues = load_board(data, today=TODAY)
    assert board is not None, issues.report()
    assert board.page_size == paging.PAGE_SIZE and board.awards_listing is None
    site = Site(board)
    urls = {spec.url for spec in site.pages.values()}
    assert not [u for u in urls if "/trang-" in u]
    for folder in ("khen-thuong/", "doi-tuong/"):
        assert [u for u in urls if u.startswith(folder)] == [folder]
    assert not [u for u in urls if re.fullmatch(r"van-ban/(nam-\d{4}|khong-ro-ngay)/", u)]
    for src in ("khen-thuong/index.md", "doi-tuong/index.md", "van-ban/index.md"):
        html, _ = site.render_page(src)
        assert "bv-pager" not in html and "bv-sections" not in html and "trên trang này" not in html


# --- reading pages -------------------------------------------------------------------------------

class PageParser(HTMLParser):
    """What a test needs of one page: links, ids, the rows of lists, the pagers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.award_rows: list[str] = []     # ids of <tr class="bv-award">
        self.recipients: list[str] = []     # first link of each <li data-bv-item>
        self.documents: list[str] = []      # ids of the rows of <table class="bv-docs">
        self.pagers: list[dict] = []        # {label, where, links: [(href, text, current, rel)]}
        self.navs: list[str] = []           # aria-labels of <nav> in the content
        self._stack: list[str] = []
        self._in_docs = False
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
        if tag == "tr" and "bv-award" in (a.get("class") or "").split():
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
            self._in_docs = False
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


def render_site(board, out: Path) -> Site:
    """Every page's content, written where MkDocs would publish it."""
    site = Site(board)
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
    expected = Counter(board.public_award_id(a) for a in board.awards)
    assert rows == expected
    # The recipients list: every recipient once.
    links = Counter(resolve(url, href) for url, p in pages.items() if in_list(url, "doi-tuong/")
                    for href in p.recipients)
    assert links == Counter(board.url(r) for r in board.recipients)
    # The documents register: every document once.
    docs = Counter(d for url, p in pages.items() if in_list(url, "van-ban/") for d in p.documents)
    assert docs == Counter(d.id for d in board.documents)
    # A movement's and a decision's pages together hold all their awards, once.
    for record, awards, base in [(m, board.awards_in_movement[m.id], f"phong-trao/{m.id}/") for m in board.movements] + \
            [(d, board.awards_by_decision[d.id], f"van-ban/{d.id}/") for d in board.documents]:
        shown = Counter(r for url, p in pages.items()
                        if url == base or re.fullmatch(re.escape(base) + r"trang-\d+/", url) for r in p.award_rows)
        assert shown == Counter(board.public_award_id(a) for a in awards), base
    # Where the open data and the feed send a visitor for an award: a page that has its row.
    for award in board.awards:
        url, _, anchor = board.award_url(award).partition("#")
        assert anchor in pages[url].ids, (award.id, url)

    size = board.page_size
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
            assert not spec.in_nav and not spec.searchable, url


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
    return [""] + [spec.url for spec in site.pages.values() if spec.in_nav]


# --- in-process, tiny page sizes ------------------------------------------------------------------

def test_second_commune_at_two_rows_a_page(tmp_path):
    board, issues = load_board(FIXTURE_DATA, today=TODAY)
    assert board is not None, issues.report()
    board.page_size = 2
    site = render_site(board, tmp_path)
    pages = crawl(tmp_path, start_urls(site))
    check_split_site(board, site, pages)
    # Awards by year, newest first; a period and an unknown year get ASCII folders too.
    sections = [s.slug for s in board.awards_listing.sections]
    assert sections[0] == "2024" and "2022-2024" in sections
    assert all(s.isascii() for s in sections)
    # A figure without names (no page of its own) is sent to the numbered page that holds it.
    group = next(a for a in board.awards if a.group)
    assert board.award_url(group) == f"khen-thuong/2022-2024/#{board.public_award_id(group)}"
    # The home page's "proposed" figure still lands on the list's index.
    assert "de-nghi" in pages["khen-thuong/"].ids
    # Filters on a page only see that page, and say so.
    html = (tmp_path / "khen-thuong/2024/index.html").read_text(encoding="utf-8")
    assert 'data-bv-noun="khen thưởng trên trang này"' in html
    assert "Bộ lọc chỉ lọc các khen thưởng trên trang này" in html and 'href="../../du-lieu/"' in html
    assert re.search(r'<a href="\./" aria-current="page">2024 <small>\(4\)</small></a>', html)
    second = (tmp_path / "khen-thuong/2024/trang-2/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./" aria-current="true">2024', second), "the year of a later page is current"
    # Pages beyond the first are titled with their number.
    titles = {spec.url: spec.title for spec in site.pages.values()}
    assert titles["khen-thuong/2024/trang-2/"] == "Khen thưởng năm 2024 (trang 2/2)"
    assert titles["van-ban/nam-2024/"] == "Văn bản năm 2024 (trang 1/2)"


@pytest.fixture(scope="module")
def small_synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth-small")
    synth.generate(out, recipients=300, awards=700, movements=4, reports=2, models=9)
    board, issues = load_board(out / "data", today=TODAY)
    assert board is not None, issues.report()
    return board


def test_synthetic_ward_at_ten_rows_a_page(small_synthetic, tmp_path):
    board = small_synthetic
    board.page_size = 10
    site = render_site(board, tmp_path)
    pages = crawl(tmp_path, start_urls(site))
    check_split_site(board, site, pages)
    urls = set(pages)
    # Recipients: by type, then first letter (Telex spelling for đ), then numbered pages.
    assert "doi-tuong/ca-nhan/dd/" in urls and "doi-tuong/ca-nhan/h/trang-2/" in urls
    years = [s.label for s in board.awards_listing.sections]
    assert years == sorted(years, reverse=True), "newest year first"
    # Movements of ~175 awards: 18 pages, a bounded pager, a summary on the first.
    movement = board.movements[0]
    count = -(-len(board.awards_in_movement[movement.id]) // 10)
    assert count > 9 and f"phong-trao/{movement.id}/trang-{count}/" in urls
    first = (tmp_path / f"phong-trao/{movement.id}/index.html").read_text(encoding="utf-8")
    assert "Theo danh hiệu, hình thức" in first and f"chia thành {count} trang" in first
    assert len(pages[f"phong-trao/{movement.id}/trang-7/"].pagers[0]["links"]) <= 11
    # Rows on pages without a filter form carry no filter values.
    assert "data-nam=" not in first and "data-nam=" in (tmp_path / "khen-thuong/2020/index.html").read_text("utf-8")


def test_home_page_shows_the_first_stories_and_links_them_all(small_synthetic, tmp_path):
    board = small_synthetic
    html, _ = Site(board).render_page("index.md")
    stories = html.split('<h2 id="dien-hinh">', 1)[1].split("<h2", 1)[0]
    assert stories.count('class="bv-card"') == 6 < len(board.models)
    assert f"Xem tất cả {len(board.models)} gương điển hình" in stories and 'href="dien-hinh/"' in stories
    listing, _ = Site(board).render_page("dien-hinh/index.md")
    assert listing.count('class="bv-card"') == len(board.models) and "Xem tất cả" not in listing


# --- a real build at the real page size ------------------------------------------------------------

@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    """A generated commune well above PAGE_SIZE everywhere: 12 years of ~420 awards, 8 movements of
    ~600, 2,250 people (letters H and T over 300), 540 collectives."""
    out = tmp_path_factory.mktemp("synth-commune")
    synth.generate(out, recipients=3000, awards=5000, movements=8, reports=3, models=12)
    build = build_site(out / "data", out / "site", {"BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/"})
    assert build.returncode == 0, build.output[-5000:]
    board, _ = load_board(out / "data")
    return board, Site(board), build.site


def test_no_page_over_the_limit(commune):
    _, _, site = commune
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    largest = max(sizes, key=sizes.get)
    print(f"{len(sizes)} HTML pages, largest {largest} {sizes[largest] / 1024:.0f} KB")
    over = {k: v for k, v in sizes.items() if v > PAGE_LIMIT}
    assert not over, over


def test_everything_reachable_from_the_home_page(commune):
    board, spec_site, site = commune
    pages = crawl(site, [""])  # only links: the theme's tabs are in every built page
    check_split_site(board, spec_site, pages)
    urls = set(pages)
    for url in ("khen-thuong/2020/trang-2/", "doi-tuong/ca-nhan/t/trang-2/", "doi-tuong/tap-the/t/",
                "doi-tuong/ho-gia-dinh/", "phong-trao/phong-trao-001/trang-3/"):
        assert url in urls, url


def test_extra_pages_stay_out_of_navigation_and_search(commune):
    _, _, site = commune
    home = (site / "index.html").read_text(encoding="utf-8")
    chrome = home[: home.find('<article class="md-content__inner')]
    assert 'href="khen-thuong/"' in chrome
    assert not re.search(r'href="(khen-thuong|doi-tuong|van-ban)/[^"#]+/"', chrome)
    index = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in (site / "search").rglob("*")
                      if p.is_file())
    assert "khen-thuong/" in index or "phong-trao/" in index  # the index holds addresses in plain text
    assert not re.search(r"khen-thuong/\d{4}|doi-tuong/(ca-nhan|tap-the|ho-gia-dinh)/|/trang-\d", index)


def test_real_pager_markup(commune):
    _, _, site = commune
    html = (site / "khen-thuong/2020/trang-2/index.html").read_text(encoding="utf-8")
    assert "<title>Khen thưởng năm 2020 (trang 2/2) - " in html
    assert '<nav class="bv-pager" aria-label="Các trang của năm 2020">' in html
    assert '<nav class="bv-pager" aria-label="Các trang của năm 2020, cuối danh sách">' in html
    assert '<a href="../" rel="prev"><span aria-hidden="true">←</span> Trang trước</a>' in html
    assert '<a href="./" aria-current="page" aria-label="Trang 2">2</a>' in html
    assert '<nav class="bv-sections" aria-label="Các năm">' in html
