"""Where Python's cycle collector spends a build's time (src/bangvang/heap.py says why it matters).

    BANGVANG_DATA=/tmp/bangvang-bench/province/data python benchmarks/gc_time.py -d /tmp/site

Runs `mkdocs build --strict -q` with the given arguments in this process, timing every collection
through gc.callbacks, and prints on stderr: collections and seconds per generation during the
build, each full (generation 2) collection with when it ran, and the collections the interpreter
makes after the build, at exit. Run it from the repository (mkdocs.yml is read from the current
folder).
"""

from __future__ import annotations

import gc
import sys
import time

STARTED = time.perf_counter()
_counts, _seconds = [0, 0, 0], [0.0, 0.0, 0.0]
_state = {"began": 0.0, "built": False}


def _since_start() -> str:
    return f"{time.perf_counter() - STARTED:.1f} s"


def _timed(phase: str, info: dict) -> None:
    """gc.callbacks: time each collection, by generation."""
    if phase == "start":
        _state["began"] = time.perf_counter()
        return
    took, generation = time.perf_counter() - _state["began"], info["generation"]
    if _state["built"]:
        print(f"at exit: generation {generation}, {took:.2f} s, {info['collected']} freed", file=sys.stderr)
        return
    _counts[generation] += 1
    _seconds[generation] += took
    if generation == 2:
        print(f"full collection at {_since_start()}: {took:.2f} s, {info['collected']} freed", file=sys.stderr)


def main() -> None:
    gc.callbacks.append(_timed)
    sys.argv = ["mkdocs", "build", "--strict", "-q", *sys.argv[1:]]
    from mkdocs.__main__ import cli
    status = 0
    try:
        cli()
    except SystemExit as done:
        status = done.code
    _state["built"] = True
    by_generation = ", ".join(f"gen {g}: {n} in {s:.2f} s" for g, (n, s) in enumerate(zip(_counts, _seconds)))
    print(f"build {_since_start()}; collections {by_generation}; in all {sum(_seconds):.2f} s", file=sys.stderr)
    sys.exit(status)


if __name__ == "__main__":
    main()
