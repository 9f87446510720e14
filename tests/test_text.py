"""Vietnamese text rules: NFC, folding, slugs, collation.

- Normalisation: text is stored and compared in NFC. Input may arrive as NFD (macOS, some keyboards) or
  in the mixed "Unicode tổ hợp" form of legacy input methods (a precomposed vowel plus a combining tone
  mark, e.g. ô + U+0309 for "ổ"), which is neither NFC nor NFD; only NFC normalisation unifies them.
- Folding (search without diacritics): drop every combining mark, map đ/Đ to d, lower-case:
  "Phổ Minh" → "pho minh".
- Slugs are ASCII and keep đ as d: đ/Đ have no Unicode decomposition, so "decompose and drop what is not
  ASCII" would turn "Đức Phổ" into "uc-pho"; the right slug is "duc-pho".
- Collation follows CLDR "vi": the alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y;
  tones are secondary, ngang < huyền < hỏi < ngã < sắc < nặng, so a later letter decides before a tone
  ("mạ" < "man"). A plain code-point sort would put "Đ…" after "Y…" and "Â…" after "Z…". Numbers in
  names sort by value ("Tổ dân phố 2" < "Tổ dân phố 10").
- People are sorted by given name (the last word), then middle name(s), then family name.
"""

from __future__ import annotations

import random
import unicodedata

import pytest

from bangvang.text import fold, has_marks, nfc, person_sort_key, slugify, sort_key

# The usual test vector for CLDR "vi" collation, already in the right order: ă, â after a; đ after d;
# ê after e; ô, ơ after o; ư after u; tones ngang < huyền < hỏi < ngã < sắc < nặng.
CLDR_VECTOR = ["an", "ăn", "ân", "da", "đa", "e", "ê", "ma", "mà", "mả", "mã", "má", "mạ",
               "o", "ô", "ơ", "u", "ư"]

# (family, middle, given) in the order of a people list: by given name, then middle, then family name.
PEOPLE = [
    ("Nguyễn", "Văn", "An"),
    ("Trần", "Thị", "Ánh"),
    ("Lê", "Duy", "Bảo"),
    ("Đỗ", "Văn", "Dũng"),
    ("Phạm", None, "Đức"),
]


def shuffled(items: list, seed: int) -> list:
    copy = list(items)
    random.Random(seed).shuffle(copy)
    assert copy != items, "the shuffle must actually change the order"
    return copy


# -- normalisation --------------------------------------------------------

def test_nfc_composes_nfd_input():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hồng")
    assert decomposed != "Nguyễn Thị Hồng"
    assert len(decomposed) > len("Nguyễn Thị Hồng")
    assert nfc(decomposed) == "Nguyễn Thị Hồng"


def test_nfc_unifies_mixed_unicode_to_hop():
    # Precomposed ô + combining hook above: neither NFC nor NFD (Unikey "Unicode tổ hợp").
    mixed = "Ph\u00f4\u0309"
    assert mixed != "Phổ"
    assert unicodedata.normalize("NFD", mixed) != "Phổ"
    assert nfc(mixed) == "Phổ"
    assert nfc(mixed) == "Ph\u1ed5"


def test_nfc_leaves_nfc_text_unchanged():
    text = "Ủy ban nhân dân phường Phổ Minh"
    assert nfc(text) == text


# -- folding and slugs ------------------------------------------------------

@pytest.mark.parametrize("text, folded", [
    ("Đức Phổ", "duc pho"),
    ("Phổ Minh", "pho minh"),
    ("ĐOÀN THANH NIÊN", "doan thanh nien"),
    ("Ưu tú, ơn nghĩa", "uu tu, on nghia"),
    ("Nguyễn Thị Hồng", "nguyen thi hong"),
])
def test_fold_drops_every_mark_and_maps_d_stroke(text, folded):
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


@pytest.mark.parametrize("text, slug", [
    ("Đức Phổ", "duc-pho"),                      # đ→d, never dropped ("uc-pho" is the known bug)
    ("Đoàn Thanh niên", "doan-thanh-nien"),
    ("Nhân dân và cán bộ phường Đức Phổ", "nhan-dan-va-can-bo-phuong-duc-pho"),
    ("  Tổ dân phố 10 — Phổ Minh!  ", "to-dan-pho-10-pho-minh"),
    ("31/BC-UBND", "31-bc-ubnd"),
])
def test_slugify_is_ascii_and_keeps_d(text, slug):
    assert slugify(text) == slug
    assert slugify(text).isascii()


def test_slugify_of_nfd_equals_slugify_of_nfc():
    assert slugify(unicodedata.normalize("NFD", "Lê Văn Đức")) == slugify("Lê Văn Đức") == "le-van-duc"


def test_has_marks():
    assert has_marks("Phổ Minh")
    assert has_marks("đa")
    assert not has_marks("Pho Minh")
    assert not has_marks("UBND 2024")


# -- collation --------------------------------------------------------------

@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sort_key_orders_the_cldr_vector(seed):
    assert sorted(shuffled(CLDR_VECTOR, seed), key=sort_key) == CLDR_VECTOR


def test_sort_key_is_strict_between_neighbours_of_the_vector():
    for before, after in zip(CLDR_VECTOR, CLDR_VECTOR[1:]):
        assert sort_key(before) < sort_key(after), (before, after)


def test_sort_key_differs_from_code_point_order():
    # Code points put Đ after Y and Â after Z; CLDR puts them after D and A.
    words = ["Yên", "Đông", "Dung", "Ân", "Zê", "Bình", "An"]
    assert sorted(words) != sorted(words, key=sort_key)
    assert sorted(words, key=sort_key) == ["An", "Ân", "Bình", "Dung", "Đông", "Yên", "Zê"]


def test_sort_key_is_the_same_for_nfd_and_nfc():
    assert sort_key(unicodedata.normalize("NFD", "Nguyễn Thị Ánh")) == sort_key("Nguyễn Thị Ánh")


def test_sort_key_orders_numbers_naturally():
    assert sort_key("Tổ dân phố 2") < sort_key("Tổ dân phố 10")
    names = ["Tổ dân phố 10", "Tổ dân phố 2", "Tổ dân phố 1", "Tổ dân phố 11", "Tổ dân phố 3"]
    assert sorted(names, key=sort_key) == [
        "Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 10", "Tổ dân phố 11"]


def test_sort_key_letters_dominate_tones():
    # "mạ" < "man": the tone is secondary, the next letter decides first.
    assert sort_key("mạ") < sort_key("man")
    assert sort_key("ma") < sort_key("mà") < sort_key("mạ")


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_person_sort_key_sorts_by_given_then_middle_then_family(seed):
    ordered = sorted(shuffled(PEOPLE, seed), key=lambda p: person_sort_key(*p))
    assert [" ".join(filter(None, p)) for p in ordered] == [
        "Nguyễn Văn An", "Trần Thị Ánh", "Lê Duy Bảo", "Đỗ Văn Dũng", "Phạm Đức"]


def test_person_sort_key_uses_middle_then_family_for_equal_given_names():
    people = [("Trần", "Văn", "An"), ("Nguyễn", "Văn", "An"), ("Lê", "Thị", "An"), ("Võ", None, "An")]
    ordered = sorted(people, key=lambda p: person_sort_key(*p))
    assert ordered == [("Võ", None, "An"), ("Lê", "Thị", "An"), ("Nguyễn", "Văn", "An"), ("Trần", "Văn", "An")]
