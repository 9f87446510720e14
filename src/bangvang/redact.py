"""Names of people who are not shown in full, replaced wherever they are written.

A person shown by initials only may still be named in full in an award's reason, in the name as
printed on the decision, in a photo's caption, in another person's story or in a report. The
public view passes every text through a NameRedactor, which finds each name whatever its case and
marks (an officer may type "Le Thi Thu Ha" or "LÊ THỊ THU HÀ") and whatever spaces or full stops
separate its words, and writes the replacement: the initials, or a mark that a name was removed.

    >>> redact = NameRedactor({"Lê Thị Thu Hà": "Lê T. T. H."})
    >>> redact("Cô giáo LÊ THỊ THU  HÀ (Trường An Bình); cô Le Thi Thu Ha dạy giỏi.")
    'Cô giáo Lê T. T. H. (Trường An Bình); cô Lê T. T. H. dạy giỏi.'
"""

from __future__ import annotations

import re
import unicodedata

from .text import fold

_WORD = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[\s.]+")
_FOLDED: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """One character folded to one character (so positions in the folded text are the text's)."""
    folded = _FOLDED.get(ch)
    if folded is None:
        folded = fold(ch)
        folded = _FOLDED[ch] = folded if len(folded) == 1 else ch.lower()
    return folded


def folded_words(text: str) -> list[str]:
    return _WORD.findall(fold(unicodedata.normalize("NFC", text)))


class NameRedactor:
    """Replaces each name of `names` (name → replacement) in a text; names of one word are ignored."""

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
        if not self._by_first or not text:
            return text
        folded = "".join(_fold_char(ch) for ch in text)
        words = list(_WORD.finditer(folded))
        out, last, i = [], 0, 0
        while i < len(words):
            match = self._match_at(folded, words, i)
            if match is None:
                i += 1
                continue
            count, replacement = match
            out += [text[last:words[i].start()], replacement]
            last = words[i + count - 1].end()
            i += count
        return "".join(out) + text[last:] if out else text

    def spells_a_name(self, text: str) -> bool:
        """Whether an id or a file name spells one of the names ('qd-khen-le-thi-thu-ha')."""
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
