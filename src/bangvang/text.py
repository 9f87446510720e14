"""Vietnamese text helpers: normalisation, folding, slugs and collation.

Everything here works on NFC strings; `nfc()` is applied once, at load time.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks that are part of a Vietnamese *letter* (ă â ê ô ơ ư), as
# opposed to the five tone marks, which only carry secondary weight.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# CLDR "vi": a ă â b c d đ e ê … o ô ơ … u ư …; f j w z (loanwords) kept in Latin order.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
_LETTER_WEIGHT = {letter: i + 1 for i, letter in enumerate(_ALPHABET)}
_DIGITS = re.compile(r"\d+")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the one form stored and compared."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Fold for search and slugs: drop every mark, map đ→d, lower-case.

    >>> fold("Tân Hòa, Đồng Xoài")
    'tan hoa, dong xoai'
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


def slugify(text: str) -> str:
    """ASCII slug for ids and anchors (đ→d, never dropped).

    >>> slugify("Nhân dân và cán bộ phường Đông Hòa")
    'nhan-dan-va-can-bo-phuong-dong-hoa'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _letters(text: str):
    """Yield (base letter, tone weight, is_upper) for each grapheme of `text`."""
    for ch in nfc(text):
        parts = unicodedata.normalize("NFD", ch)
        base = parts[0]
        tone = 0
        letter_marks = ""
        for mark in parts[1:]:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark in _LETTER_MARKS:
                letter_marks += mark
        letter = unicodedata.normalize("NFC", base + letter_marks)
        yield letter.lower(), tone, letter != letter.lower()


@lru_cache(maxsize=1 << 16)
def sort_key(text: str) -> tuple:
    """Vietnamese collation key (CLDR order, tones secondary, numbers natural).

    >>> words = ["ân", "an", "đa", "da", "ăn"]
    >>> sorted(words, key=sort_key)
    ['an', 'ăn', 'ân', 'da', 'đa']

    Names repeat (given names, family names, the same title on many pages): keys are cached.
    """
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    pos = 0
    text = nfc(text)
    end = len(text)
    while pos < end:
        ch = text[pos]
        weights = _CHAR_WEIGHTS.get(ch)
        if weights is None:
            weights = _CHAR_WEIGHTS[ch] = _char_weights(ch)
        if weights is _DIGIT:
            digits = _DIGITS.match(text, pos)
            primary.append((1, int(digits.group())))  # type: ignore[union-attr]
            pos = digits.end()  # type: ignore[union-attr]
            continue
        pos += 1
        if weights is _IGNORED:
            continue  # punctuation is ignorable, as in CLDR's default for names
        primary.append(weights[0])
        secondary.append(weights[1])
        tertiary.append(weights[2])
    return (tuple(primary), tuple(secondary), tuple(tertiary))


_IGNORED, _DIGIT = ("ignored",), ("digit",)
_CHAR_WEIGHTS: dict[str, tuple] = {}


def _char_weights(ch: str) -> tuple:
    """(primary, secondary, tertiary) weights of one character of an NFC text, _DIGIT or _IGNORED."""
    if _DIGITS.match(ch):
        return _DIGIT
    letter, tone, upper = next(_letters(ch))
    weight = _LETTER_WEIGHT.get(letter)
    if weight is not None:
        primary = (2, weight)
    elif letter.isalpha():
        primary = (3, ord(letter))
    elif letter.isspace():
        primary = (0, 0)
    else:
        return _IGNORED
    return (primary, tone, 1 if upper else 0)


@lru_cache(maxsize=1 << 16)
def person_sort_key(family: str, middle: str | None, given: str) -> tuple:
    """People sort by given name, then middle name(s), then family name."""
    return (sort_key(given), sort_key(middle or ""), sort_key(family))


def has_marks(text: str) -> bool:
    """True when `text` carries any Vietnamese diacritic (or đ)."""
    return fold(text) != text.lower()


# Letters of other alphabets that look like a Latin or Vietnamese letter, with the letter meant.
# Text pasted from PDFs and from documents set in other fonts brings them in: the page looks right,
# but search, sorting and slugs do not match the word ('Ðặng' is not found by "Đặng" or "dang").
LOOKALIKES: dict[str, str] = {
    # Latin letters that are not Vietnamese: Icelandic eth and the African D, for Đ đ
    "Ð": "Đ", "ð": "đ", "Ɖ": "Đ",
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ο": "o", "α": "a", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "υ": "u", "ϲ": "c", "ϳ": "j",
    "ό": "ó", "ί": "í",
}
_LOOKALIKE = re.compile("[" + "".join(LOOKALIKES) + "]")
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
_FOREIGN_SCRIPTS = ("CYRILLIC", "GREEK")


def _foreign(ch: str) -> bool:
    """A Cyrillic or Greek letter (or a combining mark, which belongs to the letter before it)."""
    return unicodedata.combining(ch) > 0 or unicodedata.name(ch, "").startswith(_FOREIGN_SCRIPTS)


def lookalikes(text: str) -> list[tuple[int, str, str, str]]:
    """(index, letter, letter meant, word) for each look-alike letter in a word that is not foreign.

    A word written wholly in Cyrillic or Greek ('Москва', 'λόγος') is a real foreign word and is
    left alone; a look-alike in a word with Latin letters ('Nguyễn Vаn' with a Cyrillic 'а'), and
    the eth 'Ð' anywhere, is a letter pasted by mistake.

    >>> lookalikes("Ðặng Vаn Москва")
    [(0, 'Ð', 'Đ', 'Ðặng'), (6, 'а', 'a', 'Vаn')]
    """
    if text.isascii() or _LOOKALIKE.search(text) is None:  # the usual case, decided in C
        return []
    found = []
    for word in _WORD.finditer(text):
        letters = word.group()
        if _LOOKALIKE.search(letters) is None or all(_foreign(ch) for ch in letters):
            continue
        found += [(word.start() + m.start(), m.group(), LOOKALIKES[m.group()], letters)
                  for m in _LOOKALIKE.finditer(letters)]
    return found
