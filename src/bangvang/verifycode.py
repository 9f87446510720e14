"""Verification codes: the short code printed beside a certificate's QR, and how a typed code is read.

A code names one award (or one recognised model) for as long as it says the same thing: it is made
from what identifies the honor — the record's id, who was honored, with what, by which decision —
and from nothing else, so a rebuild, a corrected note, a new photo or a fixed date keep it; an edit
that changes who was honored, with what or by which decision gives a new code (the old paper then
no longer matches, which is the point).

Ten characters of Crockford's base 32 (digits and capitals without I, L, O, U: nothing to confuse
when read aloud or typed from paper), shown as two groups of five: "K7QX3-MPA9T". 50 bits: among a
province's 100,000 awards the chance that two share a code is about 1 in 200,000 (and the
verification page lists every match if it ever happens). The same rule is written in the browser
(docs/assets/javascripts/bv-verify.js reads a typed code with `normalize`'s rules).
"""

from __future__ import annotations

import hashlib
import re

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
VERSION = "bangvang-xac-minh-1"  # part of the hash: a new rule gets a new name, never silently new codes
# What a reader may type for a symbol: Crockford's rules (O is 0; I and L are 1), any case, and
# spaces, dashes or dots between groups.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-.–—_]+")


def make(*parts: str) -> str:
    """The code of a record from its identifying parts (each a string; '' for one not known)."""
    digest = hashlib.sha256("\x1f".join((VERSION, *parts)).encode("utf-8")).digest()
    number = int.from_bytes(digest[:8], "big") >> (64 - 5 * LENGTH)
    return "".join(ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(LENGTH)))


def award_code(award) -> str:
    """An award's code: its id, its recipient (or none: a number of people), its title or form and
    class, its decision."""
    return make("khen_thuong", award.id, _ref(award.recipient), award.title or "", award.form or "",
                award.award_class or "", _ref(award.decision))


def model_code(model) -> str:
    """A recognised model's code: its id, the person or group, the decision that recognised it."""
    return make("dien_hinh", model.id, _ref(model.recipient), _ref(model.decision))


def _ref(ref) -> str:
    return ref.id if ref is not None else ""


def shown(code: str) -> str:
    """'K7QX3MPA9T' → 'K7QX3-MPA9T': two groups of five, as printed."""
    half = LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def normalize(typed: str) -> str | None:
    """A code as typed or scanned ('k7qx3 mpa9t', 'K7QX3-MPA9T') → 'K7QX3MPA9T'; None if it cannot be one."""
    text = _SEPARATORS.sub("", typed.strip().upper()).translate(_READ_AS)
    return text if len(text) == LENGTH and all(ch in ALPHABET for ch in text) else None
