"""Vietnamese search behind Material's own search box.

Material for MkDocs searches with lunr.js in a web worker. Its tokenizer only lower-cases, so out of the
box `dong xoai` does not find "Đồng Xoài", `hòa` does not find "hoà" (two tone-placement conventions) and a
query typed in decomposed Unicode (NFD, or Unikey's mixed "tổ hợp" form) finds nothing
(shared/ECOSYSTEM.md §2.1). Two halves fix that, and this module is the build-time half:

* `rewrite_search_index()` (called from the `on_post_build` hook, after Material wrote
  `site/search/search_index.json`) adds up to four small fields to each entry of the index; Material
  indexes them because they are declared under `plugins: search: fields:` in mkdocs.yml
  (`FIELDS` below; Material copies that option into the index and its worker indexes any document key
  of that name):

  ========  ==============================================================  ============
  field     holds                                                           boost
  ========  ==============================================================  ============
  ``vt``    title words whose tone placement differs from the canonical     as ``title``
            one, in canonical form; words Material's parser glued together
            ("đoạnVăn"), split; document numbers as one token (62_kh_ubnd)
  ``vx``    the same for the text                                           as ``text``
  ``ft``    title words that carry marks, folded (Đồng → dong, Đức → duc)   half
  ``fx``    the same for the text                                           half
  ========  ==============================================================  ============

  Only words that *differ* are added: an unmarked word ("minh") is already in ``title``/``text``, so
  the index grows by the folded copy of the marked words only (tests/test_search_index.py measures it).

* docs/assets/javascripts/workers/search-vi.js wraps Material's worker and rewrites each query the
  same way before lunr sees it: NFC, canonical tone placement for words typed *with* marks, document
  numbers as one token. A word typed with marks therefore only matches words with the same marks
  (``title``/``text``/``vt``/``vx``); a word typed without marks also matches the folded fields. That is
  KeePassium's rule: "duong" finds dương, đương and đường, "dương" finds only dương, and exact matches
  outrank folded ones because the folded fields carry half the boost.

The tone table and the folding must stay identical in Python and JavaScript; the browser tests compare
both on every word of the bundled site.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path

from .text import fold, has_marks, nfc

# Extra fields of the search index and their boosts, as they must appear under `plugins: search:
# fields:` in mkdocs.yml (Material's defaults: title 1000, text 1, tags 1000000).
FIELDS = {"vt": 1000.0, "vx": 1.0, "ft": 500.0, "fx": 0.5}

# Canonical tone placement: in the clusters oa, oe and uy the tone mark goes on the second vowel
# ("hoà", "khoẻ", "thuỷ"; also "hoàng", "quý"), whatever the writer's convention ("hòa", "khỏe",
# "thủy", or the misplaced "hòang", "qúy"). Old (first vowel) → canonical (second vowel), lower case.
TONE_PLACEMENT: dict[str, str] = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
_TONE_RE = re.compile("|".join(TONE_PLACEMENT))

# Document numbers (số, ký hiệu) in the three syntaxes of bangvang.docnumber, found in running text:
# 62/KH-UBND, 91/2017/NĐ-CP, 06/2022/QH15, 34-CT/TW. Indexed as one token, folded, with "_" for the
# separators ("62_kh_ubnd"): Material's separator splits the written form into 62, kh, ubnd, and
# "kh*" alone matches most pages (khen, không …).
_UNIT = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_DOC_NUMBER = re.compile(
    rf"(?<![\w/-])\d+(?:/(?:19|20)\d\d/{_UNIT}(?:-{_UNIT})*|/{_UNIT}(?:-{_UNIT})*|-{_UNIT}/{_UNIT}(?:-{_UNIT})*)")
_DOC_HINT = re.compile(r"\d[/-][A-ZĐ\d]")
_TAG = re.compile(r"<[^>]*>")


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
def _unglue(token: str) -> tuple[str, ...]:
    """Split a token where Material's HTML parser joined two texts without a space.

    Material drops table-cell and SVG tags without adding a space, so "đoạn</td><td>Văn" is indexed
    as "đoạnVăn" and "Văn" cannot be found. Split at lower→Upper ("đoạn|Văn"), UPPER→Upper-lower
    ("PNV|Kính"), lower→digit ("đoạn|2021") and digit→Upper-lower ("QH14|Sắp"). Acronyms with digits
    (QH15, UBTVQH14) stay whole.
    """
    cuts = [0]
    for i in range(1, len(token)):
        a, b = token[i - 1], token[i]
        c = token[i + 1] if i + 1 < len(token) else ""
        if (a.islower() and (b.isupper() or b.isdigit())) \
                or (a.isupper() and b.isupper() and c.islower()) \
                or (a.isdigit() and b.isupper() and c.islower()):
            cuts.append(i)
    cuts.append(len(token))
    return tuple(token[i:j] for i, j in zip(cuts, cuts[1:]))


@functools.lru_cache(maxsize=1 << 16)
def _token_fields(token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(variants, folded) of one token; a site repeats a few thousand words, so this is cached."""
    pieces = _unglue(token)
    glued = len(pieces) > 1
    variants, folded = [], []
    for piece in pieces:
        lower = piece.lower()
        canonical = canonical_tones(lower)
        if glued or canonical != lower:
            variants.append(canonical)
        if has_marks(lower):
            folded.append(fold(lower))
    return tuple(variants), tuple(folded)


def plain_text(value: str) -> str:
    """Index text as lunr's tokenizer sees it: tags are boundaries, entities decoded, NFC."""
    return nfc(html.unescape(_TAG.sub(" ", value)))


def variant_fields(value: str, separator: re.Pattern) -> tuple[str, str]:
    """(variants, folded) for one title or text of the index, each a space-separated word list.

    variants: canonical tone form of each word whose written form differs, the pieces of glued
    words, and document numbers as single tokens. folded: each word with marks, folded.
    """
    text = plain_text(value)
    variants: list[str] = []
    folded: list[str] = []
    for token in separator.split(text):
        if token:
            more, less = _token_fields(token)
            variants.extend(more)
            folded.extend(less)
    if _DOC_HINT.search(text):
        unglued = " ".join(" ".join(_unglue(t)) for t in text.split())
        variants.extend(doc_number_token(m.group()) for m in _DOC_NUMBER.finditer(unglued))
    return " ".join(variants), " ".join(folded)


def add_fields(doc: dict, separator: re.Pattern) -> dict:
    """Return a copy of index entry `doc` with NFC title/text and the four extra fields."""
    out = {key: value for key, value in doc.items() if key not in FIELDS}
    for key in ("title", "text"):
        if isinstance(out.get(key), str):
            out[key] = nfc(out[key])
    vt, ft = variant_fields(out.get("title") or "", separator)
    vx, fx = variant_fields(out.get("text") or "", separator)
    for key, value in (("vt", vt), ("vx", vx), ("ft", ft), ("fx", fx)):
        if value:  # absent fields cost nothing: Material's extractor skips undefined keys
            out[key] = value
    return out


def check_config(index_config: dict) -> list[str]:
    """Problems with the index's search config (empty when Vietnamese search can work)."""
    problems = []
    fields = index_config.get("fields") or {}
    for name, boost in FIELDS.items():
        declared = (fields.get(name) or {}).get("boost")
        if declared is None:
            problems.append(f"plugins: search: fields: thiếu trường '{name}' (boost: {boost})")
        elif float(declared) != boost:
            problems.append(f"plugins: search: fields: {name} có boost {declared}, cần {boost}")
    return problems


def rewrite_index_file(path: Path) -> tuple[int, int]:
    """Add the Vietnamese fields to the search index at `path`; return (bytes before, bytes after).

    Written as UTF-8 without \\u escapes (Material writes ASCII-escaped JSON, 6 bytes per Vietnamese
    letter), which pays for most of the added fields.
    """
    raw = path.read_bytes()
    index = json.loads(raw)
    config = index.get("config") or {}
    problems = check_config(config)
    if problems:
        raise ValueError("; ".join(problems))
    separator = re.compile(config.get("separator") or r"[\s\-]+")
    index["docs"] = [add_fields(doc, separator) for doc in index.get("docs") or []]
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(data)
    return len(raw), len(data)


def rewrite_search_index(config) -> None:
    """on_post_build: rewrite site/search/search_index.json (no-op when the search plugin is off)."""
    from mkdocs.exceptions import PluginError
    from mkdocs.plugins import get_plugin_logger

    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():  # search plugin disabled (the site directory is cleaned before each build)
        return
    try:
        before, after = rewrite_index_file(path)
    except ValueError as err:
        raise PluginError(f"Tìm kiếm tiếng Việt: {err} (mkdocs.yml).") from None
    get_plugin_logger(__name__).debug("search_index.json: %d → %d bytes", before, after)
