"""Vietnamese search at any scale, behind Material's own search box.

Material for MkDocs searches with lunr.js over one index of every page's full text, which the page
fetches on every first visit. For a ward that is already most of the home page's weight; for a
province (50,000 pages) it is hundreds of megabytes that a phone cannot load, and Material's plugin
spends a third of the build re-parsing every page's HTML (BENCHMARKS.md). Its tokenizer only
lower-cases and splits on spaces and hyphens, keeping the marks: `dong xoai` does not find "Đồng Xoài".

This module builds a small, sharded, static index instead; docs/assets/javascripts/workers/search-vi.js
answers Material's search box from it, through Material's own worker protocol, so the box, the result
list and the highlighting after a click stay Material's:

* Every page's content is read once, as the hook renders it (`SearchIndex.add_page`), and reduced to
  what a resident would search (searchtext.searchable): lists of rows that other pages hold too are
  left out, so each fact is found where it lives, as are navigation, filters and notes on printing.
  Pages with a table of contents (reports, stories) are also split into sections, as Material did;
  rows that are records without a page (articles, awards to a number of people) are lines of their own.
* Each result line has fields, weighed in that order by the worker: the title (a record's name), name
  fields (data-bv-name), the headings, the body; and, for phrases, adjacent word pairs, folded: of the
  title and names (with the title's first and last word marked, so a whole title is seen) and of
  capitalised names in the body.
  Words are in canonical tone placement ("hòa" → "hoà"), document numbers also one token
  ("62/KH-UBND" → 62_kh_ubnd). Postings are sharded by the first two letters of the word without
  marks: a query loads only the shards of its words.
* The result lines (address, title and the whole text, from which the worker cuts the snippet where
  the words are) sit in chunks of `CHUNK` lines, in the order of kind and name, so that the lines of
  one name's results are in one or two files; a query loads the chunks of the results it ranks.
* The manifest of files rides in Material's own `search/search_index.json` (under config.bangvang), which
  weighs a few kilobytes; nothing else is fetched until the visitor types. It also hands the worker
  what it must not spell itself: the grammar of document numbers (docnumber.PATTERN), the paths it
  links to, and where the lines of list and other pages begin (they yield to records' own pages).

How the worker ranks is told at the top of search-vi.js, how a typed word matches (marks as a
preference, typos) and where the snippet is cut, at the top of search-vi-text.js. The tone table,
the folding and the tokens must stay identical in Python (searchtext.py) and JavaScript; the browser
tests compare both on every word of the bundled site.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import docnumber
from .searchtext import (TONE_PLACEMENT, canonical_tones, doc_number_token, words)  # noqa: F401 (the API)
from .searchtext import (HEADING, NAME, ROW, ROW_TITLE, SECTION, inner_pairs, name_pairs, pairs, plain_text,
                         searchable, shard_key, tokens)
from .text import fold, sort_key

SEARCH_DIR = "search/vi"   # under the site root
CHUNK = 16                 # result lines per file: a query loads the few files of the results it ranks
TEXT = 20_000              # characters of text kept per result line (whole sections): the snippet is cut
                           # where the words are
LIST_TEXT = 3_000          # … and of a list or other page's line (its rows are left out; what stays is long tables)
FORMAT = 2                 # bump when the files' layout changes (the worker refuses another)
FIELDS = ("t", "a", "h", "x", "p", "n")  # title, names (searchtext.NAME), headings, body; adjacent words of
                                         # the title and names, of names in the body
COMMON = 0.5               # a token on more lines than this share is stored as the lines without it
BODY = 4_000               # a word in the body of more lines than this is not listed for the body (0): the
                           # worker finds it by reading the text of the results it ranks (a province's "văn")
SPLIT = 24_000             # bytes: a shard above this moves its big words to files of their own…
BIG = 3_000                # …those whose postings take more than this


@dataclass
class Entry:
    location: str      # site path, with '#anchor' for a section
    title: str         # HTML (escaped text), as Material shows it
    text: str          # plain text
    priority: int
    order: tuple = ()
    sections: list["Entry"] = field(default_factory=list)
    title_words: set[str] = field(default_factory=set)
    name_words: set[str] = field(default_factory=set)
    heading_words: set[str] = field(default_factory=set)
    text_words: set[str] = field(default_factory=set)
    title_pairs: set[str] = field(default_factory=set)
    name_pairs: set[str] = field(default_factory=set)

    def fields(self) -> dict[str, set[str]]:
        """Tokens by field: a word counts once per line, in its strongest field."""
        return {"t": self.title_words, "a": self.name_words - self.title_words,
                "h": self.heading_words - self.title_words - self.name_words,
                "x": self.text_words - self.title_words - self.name_words - self.heading_words,
                "p": self.title_pairs, "n": self.name_pairs - self.title_pairs}


def _entry(location: str, title_html: str, body_html: str, priority: int, order: tuple = (),
           heading: str = "") -> Entry:
    """A result line: a page (its title) or a section (no title of its own: its heading is a heading)."""
    title = "" if heading else plain_text(title_html)
    title_tokens = tokens(title)
    text = plain_text(body_html)
    entry = Entry(location, title_html, text, priority, order)
    names = [plain_text(m.group(2)) for m in NAME.finditer(body_html)]
    entry.title_words = words(title)
    entry.name_words = set().union(*(words(n) for n in names))
    headings = [plain_text(h) for h in HEADING.findall(body_html)] + [heading]
    entry.heading_words = set().union(*(words(h) for h in headings))
    entry.text_words = words(text)
    entry.title_pairs = pairs(title_tokens).union(*(inner_pairs(tokens(n)) for n in names))
    entry.name_pairs = name_pairs(text)
    return entry


class SearchIndex:
    """The search index of one build, filled page by page and written once."""

    def __init__(self, more: str = "", lists: int | None = None) -> None:
        self.pages: list[Entry] = []
        self.lists = lists  # the priority of pages that are not a record's own: they yield to records
        self.more = more  # the page a "more results than shown" line opens (the list of every recipient)

    def add_page(self, location: str, title: str, content: str, priority: int | None, sections: bool = False,
                 rows: int | None = None) -> None:
        """Index one page: `title` as HTML (escaped), `content` the HTML of its article; among pages that
        match equally, a lower `priority` comes first (a person before a document: kinds.py).

        With `sections`, each h2/h3 with an id becomes its own result line (reports, stories, guides),
        whose heading counts as a heading, not as the page's title. With `rows`, each row marked
        data-bv-line is a record of its own (its page is the anchor), ranked `rows`; with no
        `priority`, only those rows are indexed (the numbered pages of a list).
        """
        if rows is not None:
            content = ROW.sub(lambda m: self._add_row(location, m, rows), content)
        if priority is None:
            return  # a numbered page of a list: only its rows that are records
        content = searchable(content)
        parts = SECTION.split(content) if sections else [content]
        order = (priority, sort_key(plain_text(title)), location)
        page = _entry(location, title, parts[0], priority, order)
        # SECTION.split gives [before, level, id, heading, body, level, id, heading, body, …]
        for i in range(1, len(parts) - 3, 4):
            heading = plain_text(parts[i + 2])
            section = _entry(f"{location}#{parts[i + 1]}", html.escape(heading, quote=False), parts[i + 3],
                             priority, heading=heading)
            if section.heading_words or section.text_words:
                page.sections.append(section)
        self.pages.append(page)

    def _add_row(self, location: str, row: re.Match, priority: int) -> str:
        parts = sorted(ROW_TITLE.findall(row.group(3)), key=lambda part: part[1])
        heading = " — ".join(filter(None, (plain_text(part[2]) for part in parts)))
        body = searchable(ROW_TITLE.sub(" ", row.group(3)))
        where = f"{location}#{row.group(2)}"
        self.pages.append(_entry(where, html.escape(heading, quote=False), body, priority,
                                 (priority, sort_key(heading), where)))
        return " "

    def entries(self) -> list[Entry]:
        """Every result line in id order: pages by kind and name, each followed by its sections."""
        out: list[Entry] = []
        for page in sorted(self.pages, key=lambda p: p.order):
            out.append(page)
            out.extend(page.sections)
        return out

    def files(self) -> tuple[dict, dict[str, bytes]]:
        """(manifest, {path under the site: content}) of the whole index."""
        entries = self.entries()
        lines: dict[tuple[str, str], list[int]] = defaultdict(list)  # (field, token) → its lines, ascending
        sections: list[list[int]] = []
        for number, entry in enumerate(entries):
            if entry.sections:
                sections.append([number, len(entry.sections)])
            for kind, found in entry.fields().items():
                for token in found:
                    lines[kind, token].append(number)
        postings: dict[str, dict[str, dict[str, list[int]]]] = {}
        for (kind, token), ids in lines.items():
            postings.setdefault(shard_key(token), {}).setdefault(kind, {})[token] = ids
        files: dict[str, bytes] = {}
        shards = {key: _write_shard(files, key, postings[key], len(entries)) for key in sorted(postings)}
        lists = next((n for n, e in enumerate(entries) if self.lists is not None and e.priority >= self.lists),
                     len(entries))  # entries are in priority order: from here on, list and other pages
        # Title and text as escaped HTML, as Material would insert them; the worker reads them back.
        cut = [[e.location, e.title, html.escape(_cut(e.text, TEXT if n < lists else LIST_TEXT), quote=False)]
               for n, e in enumerate(entries)]
        chunks = [_json(cut[start:start + CHUNK]) for start in range(0, len(cut), CHUNK)]
        lines = _digest(b"".join(chunks))  # one name for them all: the manifest stays small at any size
        for number, data in enumerate(chunks):
            files[f"l{number}.{lines}.json"] = data
        manifest = {"format": FORMAT, "count": len(entries), "chunk": CHUNK, "lines": lines, "lists": lists,
                    "body": BODY, "shards": shards, "sections": sections, "dir": SEARCH_DIR + "/",
                    "more": self.more, "doc_number": docnumber.PATTERN}
        return manifest, files

    def write(self, site_dir: str | Path) -> dict:
        """Write the index under site_dir/search/vi/ and its manifest into Material's search_index.json.

        Returns figures for the build log. Does nothing when Material's search plugin is off (no
        search_index.json was written): the site then has no search box.
        """
        index_path = Path(site_dir) / "search" / "search_index.json"
        if not index_path.is_file():
            return {}
        manifest, files = self.files()
        folder = Path(site_dir, SEARCH_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():  # the last build's, in `mkdocs serve` (which writes into one folder)
            if old.name not in files:
                old.unlink()
        for name, data in files.items():
            path = folder / name
            if not path.is_file():  # named by their content: one already there is the same
                path.write_bytes(data)
        material = json.loads(index_path.read_bytes())
        config = dict(material.get("config") or {})
        config["bangvang"] = manifest
        index_path.write_bytes(_json({"config": config, "docs": []}))
        return {"entries": manifest["count"], "files": len(files), "bytes": sum(len(d) for d in files.values())}


def _write_shard(files: dict[str, bytes], key: str, postings: dict[str, dict[str, list[int]]], count: int) -> str:
    """Write one shard ({field: {token: ids}}) and return its file name.

    A token on most lines (a commune's name, "thưởng" of every record's heading) is stored as the
    lines without it, a minus one first; a word in the body of more than BODY lines, as 0. In a large
    shard, the words with the longest postings go to files of their own, listed in the shard under
    "+" by their folded first word: a query loads the shard, then only the files of its own words.
    """
    coded = {kind: {token: 0 if kind in ("x", "n") and len(ids) > BODY else _coded(ids, count)
                    for token, ids in sorted(postings[kind].items())}
             for kind in FIELDS if kind in postings}
    if len(_json(coded)) > SPLIT:
        groups: dict[str, dict[str, dict[str, list[int]]]] = {}
        for kind, tokens_ in coded.items():
            for token, ids in tokens_.items():
                groups.setdefault(fold(token).split(" ")[0], {}).setdefault(kind, {})[token] = ids
        big = {word: group for word, group in groups.items() if len(_json(group)) > BIG}
        for kind in coded:
            coded[kind] = {t: ids for t, ids in coded[kind].items() if fold(t).split(" ")[0] not in big}
        coded = {kind: tokens_ for kind, tokens_ in coded.items() if tokens_}
        coded["+"] = {word: _add_file(files, _file_stem(f"{key}-{word}"), group) for word, group in sorted(big.items())}
    return _add_file(files, _file_stem(key), coded)


def _coded(ids: list[int], count: int) -> list[int]:
    """Ids as gaps; a token on more than COMMON of the lines as -1 and the gaps of the lines without it."""
    if len(ids) > COMMON * count:
        present = set(ids)
        return [-1] + _deltas([n for n in range(count) if n not in present])
    return _deltas(ids)


def _deltas(ids: list[int]) -> list[int]:
    """Ascending ids as gaps (smaller JSON, decoded by a running sum)."""
    out, last = [], 0
    for number in ids:
        out.append(number - last)
        last = number
    return out


def _file_stem(key: str) -> str:
    """A safe file name for a shard key (keys are folded, but a name may be in another script)."""
    return key if re.fullmatch(r"[a-z0-9-]+", key) else "u" + key.encode("utf-8").hex()


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _digest(data: bytes) -> str:
    # base32, not hex: ten hex digits can read like a phone number to the personal-data scanners
    return base64.b32encode(hashlib.sha256(data).digest()).decode("ascii")[:12].lower()


def _add_file(files: dict[str, bytes], stem: str, value) -> str:
    """Add a JSON file named by its content (cached forever by browsers, never stale); return the name."""
    data = _json(value)
    name = f"{stem}.{_digest(data)}.json"
    files[name] = data
    return name


def _cut(text: str, limit: int = TEXT) -> str:
    """At most `limit` characters of `text`, cut at a word."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"

