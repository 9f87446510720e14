"""The data check's shortcuts find exactly what the slow, obvious code would.

Each fast path (a C-level scan before the per-character check, a cheap screen before
the personal-data patterns, traversals that skip fields by declared type) must be a
superset or an exact copy of the plain logic, never a guess. Plus the progress lines.
"""

from __future__ import annotations

import dataclasses
import io
import string
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bangvang.issues import Position
from bangvang.load import load
from bangvang.progress import Progress, vn_int, vn_seconds
from bangvang.schema import Record, RefValue
from bangvang.personal_data import FORMS, may_hold_personal_data
from bangvang.redact import seen
from bangvang.walk import iter_refs, text_values
from bangvang.yamlsrc import _forbidden_char, _only_allowed
from datatree import write_tree

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "xa-an-binh" / "data"


def test_every_forbidden_character_fails_the_fast_scan():
    missed = [hex(cp) for cp in range(0x110000) if _forbidden_char(chr(cp)) and _only_allowed(chr(cp))]
    assert missed == []


def test_the_fast_scan_passes_vietnamese_text_and_allowed_whitespace():
    assert _only_allowed("Nguyễn Thị Ánh\tđạt danh hiệu\r\n“Lao động tiên tiến” – năm 2023…\n")
    assert not _only_allowed("Nguyễn\u00a0Thị")
    assert not _only_allowed("a\u200bb")


PII_ALPHABET = st.sampled_from(list(string.digits + " .-/,+@_()\n") + list("ſıİaêđSINHsinh＠０９٣&#;") + [
    "ngày sinh", "Sinh Năm", "SINH NGÀY", "SN ", "+84", "84", "09", "02", "a@b.vn", "123 456 789", "0912.345.678",
    " at ", "[at]", " dot ", "&#48;", "\u00ad", "học "])


@settings(max_examples=2000, deadline=None)
@given(st.lists(PII_ALPHABET, max_size=25).map("".join))
def test_the_personal_data_screen_never_hides_a_match(text):
    folded = seen(text)[0]
    exact = any(form.pattern.search(folded) for form in FORMS)
    assert not exact or may_hold_personal_data(text)


def _plain_text_values(record):
    """The obvious reflection walk the fast traversal must equal."""
    for f in dataclasses.fields(record):
        if "key" not in f.metadata:
            continue
        value = getattr(record, f.name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                yield f.name, item, record.pos(f.name)
            elif dataclasses.is_dataclass(item) and not isinstance(item, type):
                yield from _plain_text_values(item)
    body = getattr(record, "body_markdown", None)
    if body:
        yield "body_markdown", body, Position(record.pos().path, getattr(record, "body_line", 1))


def _plain_refs(value):
    if isinstance(value, RefValue):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _plain_refs(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if "key" in f.metadata:
                yield from _plain_refs(getattr(value, f.name))


def test_traversals_skip_only_fields_that_cannot_hold_text_or_references():
    data, _ = load(FIXTURE_DATA)
    records = [r for rs in data.records.values() for r in rs] + [data.unit]
    assert len(records) > 20
    for record in records:
        fast = [(attr, text, where if isinstance(where, Position) else where.pos(attr))
                for attr, text, where in text_values(record)]
        assert fast == list(_plain_text_values(record)), record.id
        assert list(iter_refs(record)) == list(_plain_refs(record)), record.id


def test_positions_are_made_once_and_stay_the_same(tmp_path):
    data, _ = load(write_tree(tmp_path))
    award = data.of("khen_thuong")[0]
    first = award.pos("year")
    assert isinstance(first, Position) and first == Position("data/khen-thuong/2023.yml", 5, 8)
    assert award.pos("year") is first
    assert isinstance(award, Record) and award.pos() == Position("data/khen-thuong/2023.yml", 1, 3)


# -- progress -------------------------------------------------------------------------------

class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_silent_for_quick_work_then_throttled():
    clock, out = FakeClock(), io.StringIO()
    progress = Progress(out, every=2.0, clock=clock)
    for done in range(1, 6):  # all within the first two seconds
        clock.now += 0.25
        progress.files(done, 100, done * 1000)
    progress.stage("Đang kiểm tra liên kết giữa 5.000 mục…")
    assert out.getvalue() == ""
    for done in range(6, 20):
        clock.now += 0.5
        progress.files(done, 100, done * 1000)
    lines = out.getvalue().splitlines()
    # after 2.25 s (file 7), then each time two more seconds have passed
    assert lines == [f"Đang đọc dữ liệu: {n}/100 tệp, {n}.000 mục…" for n in (7, 11, 15, 19)]
    progress.stage("Đang kiểm tra liên kết giữa 19.000 mục…")  # the job is long: the next step is told at once
    assert out.getvalue().splitlines()[-1] == "Đang kiểm tra liên kết giữa 19.000 mục…"


def test_vietnamese_numbers():
    assert [vn_int(n) for n in (0, 999, 1000, 152874, 1234567)] == ["0", "999", "1.000", "152.874", "1.234.567"]
    assert [vn_seconds(s) for s in (0.0, 0.843, 9.999, 18.66, 125.0)] == ["0,00", "0,84", "10,0", "18,7", "125,0"]
