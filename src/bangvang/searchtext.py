"""What search sees of a page: its plain text, and the tokens of that text.

The same rules run in the browser (docs/assets/javascripts/workers/search-vi-text.js): canonical tone
placement, folding, what a word is, document numbers as one token, apostrophes. The browser tests
compare both halves on every word of the bundled site.
"""

from __future__ import annotations

import functools
import html
import re

from . import docnumber
from .text import fold, nfc

# Canonical tone placement: in the clusters oa, oe and uy the tone mark goes on the second vowel
# ("hoà", "khoẻ", "thuỷ"; also "hoàng", "quý"), whatever the writer's convention ("hòa", "khỏe",
# "thủy", or the misplaced "hòang", "qúy"). Old (first vowel) → canonical (second vowel), lower case.
TONE_PLACEMENT: dict[str, str] = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
_TONE_RE = re.compile("|".join(TONE_PLACEMENT))

WORD = re.compile(r"[^\W_]+")
# Ethnic names are written H'Hen, H’Hen, HʼHen or HHen: the parts are words, and the whole, joined,
# is one more token (a resident who leaves the apostrophe out still finds the name).
APOSTROPHES = "'’ʼ‘`´"
_JOINED = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}][^\W_]+)+")

# What a page's text is, for search: no drawings, scripts, table heads or field labels (the same on
# every page), no h1 (it is the title), no navigation (breadcrumbs, page actions) or list filters, no
# notes on how the text was printed or rebuilt, no copy of the raw extract, no screen-only tools (the
# sources and notes behind a fold stay: officers wrote them, a former name may be there); and no rows
# of lists that repeat facts other pages hold (award rows outside the record's own table, the
# recipients list's items, the documents register): each fact is found where it lives.
_LEFT_OUT = re.compile(
    r"<(svg|script|style|thead|dt|h1|nav|form)\b[^>]*>.*?</\1\s*>"
    r'|<details\b[^>]*\bclass="[^"]*\b(?:bv-flag|bv-raw|bv-screen-only)\b[^"]*"[^>]*>.*?</details\s*>'
    r'|<(p|small|span)\b[^>]*\bclass="[^"]*\b(?:bv-screen-only|bv-flag-inline|bv-status)\b[^"]*"[^>]*>.*?</\2\s*>'
    r'|<table\b[^>]*\bclass="(?:bv-docs\b|bv-awards\b(?![^"]*bv-awards--own))[^"]*"[^>]*>.*?</table\s*>'
    r"|<tr\b[^>]*\bdata-bv-item\b[^>]*>.*?</tr\s*>"
    r"|<li\b[^>]*\bdata-bv-item\b[^>]*>.*?</li\s*>", re.S | re.I)
_OWN_ROWS = re.compile(r'<table\b[^>]*\bbv-awards--own\b.*?</table\s*>', re.S | re.I)
SECTION = re.compile(r'<h([23])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1\s*>', re.S | re.I)
# A row that is a record of its own (an article, an award to a number of people without a list of
# names: no page but an anchor), and the parts of its title, in the order data-bv-line-title="1", "2".
ROW = re.compile(r'<(li|tr)\b[^>]*\bid="([^"]+)"[^>]*\bdata-bv-line\b[^>]*>(.*?)</\1\s*>', re.S | re.I)
ROW_TITLE = re.compile(r'<(p|span)\b[^>]*\bdata-bv-line-title="(\d)"[^>]*>(.*?)</\1\s*>', re.S | re.I)
# A field that names the record as its title does (a document's summary, a movement's name as printed):
# its words weigh as the title's.
NAME = re.compile(r"<(dd|p|div)\b[^>]*\bdata-bv-name\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
HEADING = re.compile(r"<h[2-4]\b[^>]*>(.*?)</h[2-4]\s*>", re.S | re.I)
_BLOCK_END = re.compile(r"</(?:p|li|td|th|dd|div|h[2-6]|blockquote|tr|summary|figcaption)\s*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def searchable(content: str) -> str:
    """The HTML of a page's article without what search leaves out (see _LEFT_OUT)."""
    content = _OWN_ROWS.sub(lambda m: m.group().replace("data-bv-item", "data-bv-own"), content)
    return _LEFT_OUT.sub(" ", content)


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment as a reader sees it: tags are spaces, entities decoded, NFC; the end of
    a block that has no full stop is " · " (so that a snippet does not run two cells together)."""
    fragment = _BLOCK_END.sub(" \x00 ", fragment)
    text = _SPACE.sub(" ", nfc(html.unescape(_TAG.sub(" ", fragment)))).strip()
    text = re.sub(r"([.!?:;…])\s*(?:\x00\s*)+", r"\1 ", text)
    text = re.sub(r"(?:\s*\x00)+\s*", " · ", text)
    text = re.sub(r"(?: · —)+(?= · |$)", "", text)  # a table's blank cells ("—") say nothing in a snippet
    return text.strip(" ·")


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

    >>> shard_key("Đức"), shard_key("62_kh_ubnd"), shard_key("a"), shard_key("le duy")
    ('du', '62', 'a', 'le')
    """
    return fold(token)[:2].rstrip()


def tokens(text: str) -> list[str]:
    """The words of plain `text` in order, in canonical tone placement."""
    return [canonical_tones(w) for w in WORD.findall(nfc(text))]


def words(text: str) -> set[str]:
    """Search tokens of plain `text`: words in canonical tone placement, names joined across an
    apostrophe, and document numbers.

    >>> sorted(words("Kế hoạch số 62/KH-UBND, Hòa Bình"))
    ['62', '62_kh_ubnd', 'bình', 'hoà', 'hoạch', 'kh', 'kế', 'số', 'ubnd']
    >>> sorted(words("H’Hen Niê"))
    ['h', 'hen', 'hhen', 'niê']
    """
    text = nfc(text)
    found = {canonical_tones(w) for w in set(WORD.findall(text))}  # each distinct word once
    found.update(canonical_tones(re.sub(f"[{APOSTROPHES}]", "", w)) for w in _JOINED.findall(text))
    found.update(doc_number_token(number) for number in docnumber.find_all(text))
    return found


def name_pairs(text: str) -> set[str]:
    """Adjacent capitalised words of a body, folded, as 'a b' (only a space between them): the names
    of people, places and bodies in running text (the signer under "CHỦ TỊCH") found as typed, in order.

    >>> sorted(name_pairs("Chủ tịch Nguyễn Văn An. Ủy ban"))
    ['nguyen van', 'van an']
    """
    found, last, text = set(), None, nfc(text)
    for match in WORD.finditer(text):
        word = match.group()
        if not word[0].isupper():
            last = None
            continue
        if last is not None and not text[last.end():match.start()].strip():
            found.add(f"{_fold_word(last.group())} {_fold_word(word)}")
        last = match
    return found


_fold_word = functools.lru_cache(maxsize=1 << 16)(fold)  # names repeat from page to page


def pairs(title: list[str]) -> set[str]:
    """Adjacent words of a title, folded, as 'a b'; and its first and last word as 'a <' and 'z >':
    a name or title typed in order finds its pairs, typed in full, all of them.

    >>> sorted(pairs(tokens("Lê Thị Hoà")))
    ['hoa >', 'le <', 'le thi', 'thi hoa']
    """
    if not title:
        return set()
    return inner_pairs(title) | {f"{fold(title[0])} <", f"{fold(title[-1])} >"}


def inner_pairs(words_: list[str]) -> set[str]:
    """Adjacent words, folded, as 'a b'."""
    folded = [fold(t) for t in words_]
    return {f"{a} {b}" for a, b in zip(folded, folded[1:])}
