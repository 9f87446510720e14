"""Keeping Python's cycle collector off objects that are made in bulk and live on.

CPython's collector walks every tracked object on each full collection, and runs one whenever the
objects that survived the young generations have grown by a quarter. Reading data/ makes hundreds of
thousands of nodes and records and frees few of them, and a build then makes, from the public view,
page specs, downloads, MkDocs' files and navigation, which all live until it ends. Reading makes no
reference cycles, so those collections find nothing to free; they cost a fifth of a check's time.
At the benchmark province, where reading was already paused, the full collections during the rest of
the set-up took 8.4 s of a 131 s build (20 objects freed), one while pages rendered 3.5 s, and the one
at interpreter exit 4.3 s (benchmarks/gc_time.py; BENCHMARKS.md).

So reading pauses automatic collection (`gc_paused`); a build keeps it paused from reading data/
until its pages are rendered (`pause`), then moves what it made into the collector's permanent
generation (`settle`, gc.freeze): still freed by reference counting, never walked again, so that the
collections while pages render walk only what the pages make. A process that builds more than once
hands the last build's frozen objects back first, so that its cycles are freed, not kept.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager

_state = {"frozen_before": False}


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection while many objects that will live on are made (data being read).

    Nothing is lost: collection resumes afterwards, and reference counting frees memory meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def pause() -> None:
    """A build begins: what it reads and makes until its pages are rendered lives until it ends.

    The previous build's frozen objects are first handed back to the collector."""
    _state["frozen_before"] = gc.get_freeze_count() > 0
    gc.unfreeze()
    gc.disable()


def settle(freeze: bool = True) -> None:
    """Rendering begins: freeze what was made (model, view, the site's files and navigation) and
    collect again, so that the pages' garbage is collected without walking the rest.

    After an earlier build in the same process, one full collection first: the cycles that build
    left, now unreferenced, would otherwise be frozen again and never freed. `mkdocs serve` does not
    freeze (`freeze=False`): a save renders a few pages, and that collection would cost more than
    freezing saves."""
    if freeze:
        if _state["frozen_before"]:
            gc.collect()
        gc.freeze()
    gc.enable()


def resume() -> None:
    """The build failed: collect as usual (the next build unfreezes what this one froze)."""
    gc.enable()


def _skip_final_collection() -> None:
    """At exit the interpreter collects the whole heap once more, only for the OS to free it
    (4.3 s at a province's size): frozen objects are not walked."""
    gc.freeze()


atexit.register(_skip_final_collection)
