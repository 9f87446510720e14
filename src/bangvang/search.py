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
  its title and its words: lists of rows that other pages hold too (award rows, the recipients list,
  the documents register) are left out, so each fact is indexed where it lives. Pages with a table of
  contents (reports, stories) are also split into sections, as Material did.
* Words are indexed in canonical tone placement (`canonical_tones`: "hòa" → "hoà"), document numbers
  also as one token ("62/KH-UBND" → 62_kh_ubnd). Postings are sharded by the first two letters of the
  word without marks: a query loads only the shards of its words. The result lines (address, title,
  one line of text) sit in chunks of `CHUNK` entries, loaded for the results shown.
* The manifest of files rides in Material's own `search/search_index.json` (under config.bangvang), which
  now weighs a few kilobytes; nothing else is fetched until the visitor types. It also hands the worker
  what it must not spell itself: the grammar of document numbers (docnumber.PATTERN) and the paths it
  links to.

Matching (the worker's half): a word typed WITH marks matches only words with the same marks ("dương"
never finds "đường"); a word typed WITHOUT marks also matches marked words ("duong" finds dương, đương,
đường) at half weight, so exact matches rank first (KeePassium's rule). Every word is also a prefix.
Pages holding more of the query's words come first, then title matches, then the kind of page
(its rank, kinds.py: people and collectives before stories, movements, documents and lists).

The tone table and the folding must stay identical in Python and JavaScript; the browser tests compare
both on every word of the bundled site.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import docnumber
from .text import fold, nfc, sort_key

SEARCH_DIR = "search/vi"   # under the site root
CHUNK = 400                # result lines per file: a query loads the chunks of the results it shows
SNIPPET = 200              # characters of text kept per result line
FORMAT = 1                 # bump when the files' layout changes (the worker refuses another)


# Canonical tone placement: in the clusters oa, oe and uy the tone mark goes on the second vowel
# ("hoà", "khoẻ", "thuỷ"; also "hoàng", "quý"), whatever the writer's convention ("hòa", "khỏe",
# "thủy", or the misplaced "hòang", "qúy"). Old (first vowel) → canonical (second vowel), lower case.
TONE_PLACEMENT: dict[str, str] = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
_TONE_RE = re.compile("|".join(TONE_PLACEMENT))

_WORD = re.compile(r"[^\W_]+")

# What a page's text is, for search: no drawings or scripts, no table heads or field labels (the same
# on every page), no h1 (it is the title), and no rows of lists that repeat facts other pages hold
# (award rows carry data-bv-item, as do the recipients list's items; the documents register).
_LEFT_OUT = re.compile(
    r"<(svg|script|style|thead|dt|h1)\b[^>]*>.*?</\1\s*>"
    r"|<tr\b[^>]*\bdata-bv-item\b[^>]*>.*?</tr\s*>"
    r"|<li\b[^>]*\bdata-bv-item\b[^>]*>.*?</li\s*>"
    r'|<table\b[^>]*\bclass="bv-docs\b.*?</table\s*>', re.S | re.I)
_HEADING = re.compile(r'<h([23])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1\s*>', re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)
def canonical_tones(word: str) -> str:
    """Lower-case NFC `word` with the tone of oa/oe/uy on the second vowel.

    >>> canonical_tones("Hòa") == canonical_tones("HOÀ") == "hoà"
    True
    >>> canonical_tones("thủy"), canonical_tones("qúy"), canonical_tones("hòang")
    ('thuỷ', 'quý', 'hoàng')
    """
    return _TONE_RE.sub(lambda m: TONE_PLACEMENT[m.group()], nfc(word).lower())


def doc_number_token(number: str) -> str:
    """The single search token of a document number: folded, separators as '_'.

    >>> doc_number_token("91/2017/NĐ-CP")
    '91_2017_nd_cp'
    """
    return re.sub(r"[/-]", "_", fold(number))


@functools.lru_cache(maxsize=1 << 16)
def shard_key(token: str) -> str:
    """Which shard holds `token`: its first two letters without marks ('nguyễn' → 'ng').

    >>> shard_key("Đức"), shard_key("62_kh_ubnd"), shard_key("a")
    ('du', '62', 'a')
    """
    return fold(token)[:2]


def words(text: str) -> set[str]:
    """Search tokens of plain `text`: words in canonical tone placement, and document numbers.

    >>> sorted(words("Kế hoạch số 62/KH-UBND, Hòa Bình"))
    ['62', '62_kh_ubnd', 'bình', 'hoà', 'hoạch', 'kh', 'kế', 'số', 'ubnd']
    """
    text = nfc(text)
    found = {canonical_tones(w) for w in _WORD.findall(text)}
    found.update(doc_number_token(number) for number in docnumber.find_all(text))
    return found


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment as a reader sees it: tags are spaces, entities decoded, NFC."""
    return _SPACE.sub(" ", nfc(html.unescape(_TAG.sub(" ", fragment)))).strip()


def snippet(text: str, limit: int = SNIPPET) -> str:
    """The first `limit` characters of `text`, cut at a word, as escaped HTML."""
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return html.escape(text, quote=False)


@dataclass
class Entry:
    location: str      # site path, with '#anchor' for a section
    title: str         # HTML (escaped text), as Material shows it
    text: str          # plain text
    priority: int
    order: tuple = ()
    sections: list["Entry"] = field(default_factory=list)
    title_words: set[str] = field(default_factory=set)
    text_words: set[str] = field(default_factory=set)


class SearchIndex:
    """The search index of one build, filled page by page and written once."""

    def __init__(self, more: str = "") -> None:
        self.pages: list[Entry] = []
        self.more = more  # the page a "more results than shown" line opens (the list of every recipient)

    def add_page(self, location: str, title: str, content: str, priority: int, sections: bool = False) -> None:
        """Index one page: `title` as HTML (escaped), `content` the HTML of its article; among pages that
        match equally, a lower `priority` comes first (a person before a document: kinds.py).

        With `sections`, each h2/h3 with an id becomes its own result line (reports, stories, guides).
        """
        content = _LEFT_OUT.sub(" ", content)
        title_text = plain_text(title)
        parts = _HEADING.split(content) if sections else [content]
        page = Entry(location, title, plain_text(parts[0]), priority, (priority, sort_key(title_text), location))
        page.title_words = words(title_text)
        page.text_words = words(page.text) - page.title_words
        # _HEADING.split gives [before, level, id, heading, body, level, id, heading, body, …]
        for i in range(1, len(parts) - 3, 4):
            heading, body = parts[i + 2], plain_text(parts[i + 3])
            heading_text = plain_text(heading)
            section = Entry(f"{location}#{parts[i + 1]}", html.escape(heading_text, quote=False), body, priority)
            section.title_words = words(heading_text)
            section.text_words = words(body) - section.title_words
            if section.title_words or section.text_words:
                page.sections.append(section)
        self.pages.append(page)

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
        postings: dict[str, dict[str, dict[str, list[int]]]] = {}
        sections: list[list[int]] = []
        for number, entry in enumerate(entries):
            if entry.sections:
                sections.append([number, len(entry.sections)])
            for kind, found in (("t", entry.title_words), ("x", entry.text_words)):
                for token in found:
                    postings.setdefault(shard_key(token), {"t": {}, "x": {}})[kind].setdefault(token, []).append(number)
        files: dict[str, bytes] = {}
        shards = {}
        for key in sorted(postings):
            shard = {kind: {token: _deltas(ids) for token, ids in sorted(tokens.items())}
                     for kind, tokens in postings[key].items()}
            shards[key] = _add_file(files, _file_stem(key), shard)
        docs = []
        for start in range(0, len(entries), CHUNK):
            lines = [[e.location, e.title, snippet(e.text)] for e in entries[start:start + CHUNK]]
            docs.append(_add_file(files, f"lines-{start // CHUNK}", lines))
        manifest = {"format": FORMAT, "count": len(entries), "chunk": CHUNK, "docs": docs, "shards": shards,
                    "sections": sections, "dir": SEARCH_DIR + "/", "more": self.more, "doc_number": docnumber.PATTERN}
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
        for name, data in files.items():
            path = Path(site_dir, SEARCH_DIR, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        material = json.loads(index_path.read_bytes())
        config = dict(material.get("config") or {})
        config["bangvang"] = manifest
        index_path.write_bytes(_json({"config": config, "docs": []}))
        return {"entries": manifest["count"], "files": len(files), "bytes": sum(len(d) for d in files.values())}


def _deltas(ids: list[int]) -> list[int]:
    """Ascending ids as gaps (smaller JSON, decoded by a running sum)."""
    out, last = [], 0
    for number in ids:
        out.append(number - last)
        last = number
    return out


def _file_stem(key: str) -> str:
    """A safe file name for a shard key (keys are folded, but a name may be in another script)."""
    return key if re.fullmatch(r"[a-z0-9]+", key) else "u" + key.encode("utf-8").hex()


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _add_file(files: dict[str, bytes], stem: str, value) -> str:
    """Add a JSON file named by its content (cached forever by browsers, never stale); return the name."""
    data = _json(value)
    # base32, not hex: ten hex digits can read like a phone number to the personal-data scanners
    digest = base64.b32encode(hashlib.sha256(data).digest()).decode("ascii")[:12].lower()
    name = f"{stem}.{digest}.json"
    files[name] = data
    return name

