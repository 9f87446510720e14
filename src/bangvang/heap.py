"""Keeping Python's cycle collector off the data that lives for the whole build.

CPython's collector walks every tracked object on each full collection, and runs one whenever the
objects that survived have grown by a quarter. A build reads data/ into a model, a public view and
page specs that all live until the end: at a province's size (50,000 recipients) that is millions of
objects, and the full collections while they are built — which find nothing to free, since reading
YAML and building records makes no reference cycles — took 8.7 s of a 130 s build, the one at exit
another 4.4 s (measured with gc.callbacks, BENCHMARKS.md).

So a build pauses automatic collection from reading data/ until its pages are rendered, then moves
what it built into the collector's permanent generation (gc.freeze): it is still freed by reference
counting, and later collections walk only what the pages make. `mkdocs serve` builds again on every
save; each build starts by unfreezing, so a cycle left from the last build is collected, not kept.
"""

from __future__ import annotations

import atexit
import gc


_state = {"frozen_before": False}


def pause() -> None:
    """A build begins: what it reads and builds until the pages are rendered lives until it ends.

    The previous build's frozen objects are first handed back to the collector."""
    _state["frozen_before"] = gc.get_freeze_count() > 0
    gc.unfreeze()
    gc.disable()


def settle() -> None:
    """Rendering begins: freeze what was built (model, view, the site's files and navigation) and
    collect again, so that the pages' garbage is collected without walking the rest.

    After an earlier build (`mkdocs serve`), one full collection first: the cycles that build left,
    now unreferenced, would otherwise be frozen again and never freed."""
    if _state["frozen_before"]:
        gc.collect()
    gc.freeze()
    gc.enable()


def resume() -> None:
    """The build failed: collect as usual (the next build unfreezes what this one froze)."""
    gc.enable()


def _skip_final_collection() -> None:
    """At exit the interpreter collects the whole heap once more, only for the OS to free it
    (4.4 s at a province's size): frozen objects are not walked."""
    gc.freeze()


atexit.register(_skip_final_collection)
