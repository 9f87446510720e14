"""The build keeps Python's cycle collector off its long-lived data, and hands it back (bangvang.heap)."""

from __future__ import annotations

import gc
import weakref

import pytest

from bangvang import heap, mkdocs_hooks


class _Node:
    """An object that can sit in a reference cycle and be watched through a weak reference."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture(autouse=True)
def _restore_collector():
    yield
    gc.unfreeze()
    gc.enable()


def test_reading_data_pauses_collection_and_gives_it_back_as_it_was():
    with heap.gc_paused():
        assert not gc.isenabled()
        with heap.gc_paused():  # the model is read inside the build's own pause
            pass
        assert not gc.isenabled(), "an inner pause must not turn collection back on"
    assert gc.isenabled()
    gc.disable()
    with heap.gc_paused():
        pass
    assert not gc.isenabled(), "a pause inside a caller's own does not enable collection"


def test_reading_pauses_collection_and_rendering_freezes_what_was_built():
    heap.pause()
    assert not gc.isenabled()
    built = _cycle()  # what the build made before its pages: kept, never walked again
    heap.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    gc.collect()
    assert built() is not None, "a frozen object is not collected"


def test_serve_pauses_but_does_not_freeze():
    heap.pause()
    heap.settle(freeze=False)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_next_build_hands_the_last_builds_cycles_back_to_the_collector():
    heap.pause()
    left = _cycle()  # a cycle of the last build that nothing refers to any more
    heap.settle()
    gc.collect()
    assert left() is not None
    heap.pause()  # the next build in the same process begins (tests build in-process)
    assert gc.get_freeze_count() == 0
    heap.settle()
    gc.collect()
    assert left() is None, "a cycle left from the last build must be freed, not kept frozen forever"


def test_a_failed_build_collects_again():
    heap.pause()
    mkdocs_hooks.on_build_error(error=RuntimeError("a plugin failed"))
    assert gc.isenabled()
