"""Names of people who are not shown in full, found and replaced wherever they are written.

A person shown by initials only, or who withdrew, may still be named in full in an award's reason,
in the name as printed on the decision, in a photo's caption, in another person's story or in a
report. The public view passes every text through a NameRedactor, which finds each name as a reader
would see it, whatever its case and marks (an officer may type "Le Thi Thu Ha" or "LÊ THỊ THU HÀ"),
whatever punctuation joins its words ("Lê-Thị-Thu-Hà", "Lê. Thị"), and whatever Markdown hides
inside it (a character reference such as "&#7845;", emphasis or code marks inside a word), and writes
the replacement: the initials, or a mark that a name was removed.

    >>> redact = NameRedactor({"Lê Thị Thu Hà": "Lê T. T. H."})
    >>> redact("Cô giáo LÊ THỊ THU  HÀ (Trường An Bình); cô Le-Thi-Thu-Ha dạy giỏi; L**ê** Thị Thu H&#224;.")
    'Cô giáo Lê T. T. H. (Trường An Bình); cô Lê T. T. H. dạy giỏi; Lê T. T. H..'
"""

from __future__ import annotations

import html
import re
import unicodedata

from .text import fold

_WORD = re.compile(r"[^\W_]+")
# What may stand between two words of one name: spaces (a line break too), full stops, hyphens and
# dashes, underscores, apostrophes, middle dots; never a comma, a bracket or a word.
_GAP = re.compile(r"[\s.\-\u2010-\u2015_'\u2019\u00b7]{1,12}")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Marks a reader does not see inside a word: Markdown's emphasis and code marks, its escapes, a soft hyphen.
_UNSEEN = frozenset("*`\\\u00ad\u200b\u200c\u200d\u2060\ufeff")
_MARKS = frozenset("*`")
_FOLDED: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """One character folded to one character (so that positions stay the text's)."""
    folded = _FOLDED.get(ch)
    if folded is None:
        folded = str(unicodedata.decimal(ch)) if ch.isdecimal() else fold(unicodedata.normalize("NFKC", ch))
        folded = _FOLDED[ch] = folded if len(folded) == 1 else ch.lower()
    return folded


def folded_words(text: str) -> list[str]:
    return _WORD.findall(fold(unicodedata.normalize("NFC", text)))


def seen(text: str) -> tuple[str, list[int], list[int]]:
    """The text as a reader sees it, folded one character for one: character references decoded,
    unseen marks left out, combining marks joined to their letter; with where each character starts
    and ends in `text`."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch, end = text[i], i + 1
        if ch == "&" and (m := _ENTITY.match(text, i)):
            decoded = html.unescape(m.group())
            if len(decoded) == 1:
                ch, end = decoded, m.end()
        if ch in _UNSEEN:
            i = end
            continue
        if unicodedata.combining(ch) and chars:  # NFD: the mark belongs to the letter before it
            ends[-1] = end
        else:
            chars.append(_fold_char(ch))
            starts.append(i)
            ends.append(end)
        i = end
    return "".join(chars), starts, ends


def _whole(text: str, start: int, end: int, replacement: str) -> tuple[int, int, str]:
    """A name with emphasis or code marks inside ('**Lê** Thị') taken with the marks around it, so
    that none is left unpaired."""
    if any(ch in _MARKS for ch in text[start:end]):
        while start and text[start - 1] in _MARKS:
            start -= 1
        while end < len(text) and text[end] in _MARKS:
            end += 1
    return start, end, replacement


class NameRedactor:
    """Finds and replaces each name of `names` (name → replacement) in a text; one-word names are ignored."""

    def __init__(self, names: dict[str, str]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, replacement in names.items():
            words = tuple(folded_words(name))
            if len(words) > 1:
                self._by_first.setdefault(words[0], []).append((words, replacement))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))  # the longest name first: "Lê Thị Thu Hà" before "Lê Thị Thu"

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def __call__(self, text: str) -> str:
        """The text with every name replaced; the very same object when it names nobody."""
        found = self.find(text)
        if not found:
            return text
        out, last = [], 0
        for start, end, replacement in found:
            out += [text[last:start], replacement]
            last = end
        return "".join(out) + text[last:]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of every name written in `text`, in order."""
        if not self._by_first or not text:
            return []
        folded, starts, ends = seen(text)
        words = list(_WORD.finditer(folded))
        found, i = [], 0
        while i < len(words):
            match = self._match_at(folded, words, i)
            if match is None:
                i += 1
                continue
            count, replacement = match
            found.append(_whole(text, starts[words[i].start()], ends[words[i + count - 1].end() - 1], replacement))
            i += count
        return found

    def spells_a_name(self, text: str) -> bool:
        """Whether an id, a file name or an address spells one of the names ('qd-khen-le-thi-thu-ha')."""
        if not self._by_first:
            return False
        words = folded_words(text)
        return any(words[i:i + len(name)] == list(name)
                   for i, word in enumerate(words) for name, _ in self._by_first.get(word, ()))

    def _match_at(self, folded: str, words: list[re.Match], i: int) -> tuple[int, str] | None:
        for name, replacement in self._by_first.get(words[i].group(), ()):
            end = i + len(name)
            if end > len(words) or any(words[i + k].group() != name[k] for k in range(len(name))):
                continue
            if all(_GAP.fullmatch(folded, words[k].end(), words[k + 1].start()) for k in range(i, end - 1)):
                return len(name), replacement
        return None
