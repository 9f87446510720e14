"""How long lists are cut into pages of bounded size.

A list with at most PAGE_SIZE rows stays one page, exactly as a small commune's site always had it.
Above that, its rows are grouped into sections residents look things up by (awards by year, recipients
by type and first letter of the name, documents by year), and each section is cut into numbered pages:

    khen-thuong/2023/  khen-thuong/2023/trang-2/  doi-tuong/ca-nhan/h/  van-ban/nam-2021/

The list's own page (khen-thuong/) then becomes the index of its sections. A record page that lists
awards (a movement, a decision) keeps its first PAGE_SIZE rows and numbers the rest:
phong-trao/<id>/trang-2/.

Layout only: nothing here renders. pages.py makes pages of it (listings.py says which list is cut
how), and routes.py asks it which page shows an award row (for links from the open data and the feed).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# Rows per page, the one knob. An award row weighs ~1 KB of HTML (a recipient ~0.35 KB), so a full
# awards page stays near 350 KB with the theme around it, whatever the size of the commune or province.
PAGE_SIZE = 300

# Vietnamese letters with a mark of their own get their Telex spelling in URLs, which every
# Vietnamese typist knows and which keeps 'd' and 'đ' (or 'a', 'ă', 'â') apart in ASCII.
_TELEX = {"ă": "aw", "â": "aa", "đ": "dd", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw"}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter, not a tone
DIGITS = "0–9"
OTHER = "khác"


@dataclass
class Section:
    """A group of rows with pages of its own, e.g. the awards of 2023."""

    slug: str            # path under the list's folder: '2023', 'ca-nhan/h'
    title: str           # what the rows are: 'Năm 2023', 'Cá nhân được khen thưởng, tên bắt đầu bằng chữ H'
    label: str           # link text in the sections' menu: '2023', 'H'
    rows: list
    group: str = ""      # recipients: the type the section belongs to ('Cá nhân'), for the menu
    anchor: str = ""     # the id of its heading on its pages


@dataclass
class Page:
    """One page of a run of numbered pages (the pages of one section, or of one record's awards)."""

    url: str                        # site path: 'khen-thuong/2023/trang-2/'
    rows: list
    number: int                     # 1-based
    urls: list[str]                 # every page of the run, in order
    section: Section | None = None
    start: int = 0                  # index of the first row in the whole run

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def prev(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link: first, last and a few around this one; None stands for a gap.
        Always every number up to 9 pages; beyond, a bounded menu (the rest is reached step by step)."""
        n, last = self.number, self.count
        if last <= 9:
            return list(range(1, last + 1))
        shown = sorted({1, last, *range(max(1, n - around), min(last, n + around) + 1)})
        result: list[int | None] = []
        before = 0
        for k in shown:
            if k - before == 2:
                result.append(k - 1)  # a gap of one page: the number takes no more room than "…"
            elif k - before > 2:
                result.append(None)
            result.append(k)
            before = k
        return result


@dataclass
class Listing:
    """A list too long for one page: its sections and all their pages."""

    base: str                       # the list's folder: 'khen-thuong/'
    total: int                      # rows in the whole list
    size: int                       # rows per page
    sections: list[Section]
    pages: list[Page] = field(default_factory=list)
    groups: list[tuple[str, list[Section]]] = field(default_factory=list)  # sections by .group, in order

    def __post_init__(self) -> None:
        for section in self.sections:
            self.pages.extend(number_pages(f"{self.base}{section.slug}/", section.rows, self.size, section))
        for section in self.sections:
            if self.groups and self.groups[-1][0] == section.group:
                self.groups[-1][1].append(section)
            else:
                self.groups.append((section.group, [section]))

    def first(self, section: Section) -> str:
        return f"{self.base}{section.slug}/"

    def page_of(self, row_key) -> dict:
        """Which page shows each row: key(row) → site path of the page."""
        return {row_key(row): page.url for page in self.pages for row in page.rows}


def number_pages(base: str, rows: list, size: int, section: Section | None = None) -> list[Page]:
    """Cut `rows` into pages of `size`: the first at `base`, then `base`trang-2/, trang-3/…"""
    chunks = [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]
    urls = [base if n == 1 else f"{base}trang-{n}/" for n in range(1, len(chunks) + 1)]
    return [Page(url, chunk, n, urls, section, (n - 1) * size)
            for n, (url, chunk) in enumerate(zip(urls, chunks), start=1)]


def src_uri(url: str) -> str:
    """The generated Markdown path MkDocs publishes at site path `url` ('a/b/' → 'a/b.md').

    'a/index/' → 'a/index/index.md': MkDocs publishes 'a/index.md' at 'a/', so a record with the id
    'index' would take its list's page (or, without a list there, live where no link leads)."""
    path = url.rstrip("/")
    return path + ("/index.md" if path.rsplit("/", 1)[-1] == "index" else ".md")


# -- sections of the three long lists ----------------------------------------------------------

def awards_listing(base: str, groups: list[tuple], total: int, size: int) -> Listing | None:
    """Awards by year (labels.Span groups: newest first, spans, then unknown year), or None when the
    whole list fits one page."""
    if total <= size:
        return None
    sections = [Section(span.slug, span.title, span.label or span.title, awards, anchor=span.anchor)
                for span, awards in groups]
    return Listing(base, total, size, sections)


def initial(name: str) -> str:
    """The first letter of a name as Vietnamese alphabetises it: tone dropped, letter kept
    ('Ánh' → 'a', 'Đức' → 'đ', 'Ước' → 'ư'); DIGITS for a name that starts with a number,
    OTHER for anything else."""
    for ch in unicodedata.normalize("NFC", name):
        if ch.isdigit():
            return DIGITS
        if ch.isalpha():
            parts = unicodedata.normalize("NFD", ch.lower())
            letter = unicodedata.normalize("NFC", parts[0] + "".join(m for m in parts[1:] if m in _LETTER_MARKS))
            return letter if letter.isascii() or letter in _TELEX else OTHER
    return OTHER


def letter_slug(letter: str) -> str:
    return {DIGITS: "so", OTHER: "khac"}.get(letter) or _TELEX.get(letter, letter)


def recipients_listing(base: str, recipients: list, size: int, types: list[tuple[str, str, str]],
                       given_name, order) -> Listing | None:
    """Recipients by type (`types`: (type, slug, label)); a type longer than a page is split by the
    first letter of the name residents look up (`given_name(r)`; for a person, the given name, by
    which the list is sorted). Letters are ordered with `order` (Vietnamese collation); digits first
    and other scripts last, as the collation puts them."""
    if len(recipients) <= size:
        return None
    sections = []
    for kind, slug, label in types:
        people = [r for r in recipients if r.recipient_type == kind]
        if not people:
            continue
        if len(people) <= size:
            sections.append(Section(slug, f"{label} được khen thưởng", label, people, group=label))
            continue
        by_letter: dict[str, list] = {}
        for r in people:
            by_letter.setdefault(initial(given_name(r)), []).append(r)
        rank = {DIGITS: 0, OTHER: 2}
        for letter in sorted(by_letter, key=lambda k: (rank.get(k, 1), order(k) if k not in rank else ())):
            shown = {DIGITS: "chữ số", OTHER: "ký tự khác"}.get(letter) or f"chữ {letter.upper()}"
            sections.append(Section(f"{slug}/{letter_slug(letter)}", f"{label} được khen thưởng, tên bắt đầu bằng {shown}",
                                    letter.upper() if letter not in rank else letter.capitalize(),
                                    by_letter[letter], group=label))
    return Listing(base, len(recipients), size, sections)


def documents_listing(base: str, documents: list, size: int) -> Listing | None:
    """The register by year of issue (newest first, undated last), or None when it fits one page.
    Slugs are 'nam-2023', not '2023', because document pages share the folder (van-ban/<id>/)."""
    if len(documents) <= size:
        return None
    by_year: dict[int | None, list] = {}
    for d in documents:
        by_year.setdefault(d.date.year if d.date else None, []).append(d)
    sections = [Section(f"nam-{year}", f"Năm {year}", str(year), docs) if year is not None
                else Section("khong-ro-ngay", "Không rõ ngày", "Không rõ ngày", docs)
                for year, docs in sorted(by_year.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0)))]
    return Listing(base, len(documents), size, sections)
