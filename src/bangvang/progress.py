"""Progress of a long job (reading a province's data takes a while), told on stderr.

A quick job says nothing until its summary; a long one prints a line every few
seconds, e.g. "Đang đọc dữ liệu: 40/120 tệp, 52.000 mục…". The loader takes
any callable `(files done, files in all, records so far)`; `Progress.files` is one,
so the checker and the site build report the same way:

    progress = Progress()
    data, issues = load(root, progress=progress.files)
    progress.stage("Đang kiểm tra liên kết giữa các mục…")
"""

from __future__ import annotations

import sys
import time
from typing import Callable, TextIO

FileProgress = Callable[[int, int, int], None]  # (files done, files in all, records so far)

EVERY_SECONDS = 2.0


def vn_int(number: int) -> str:
    """12345 → '12.345' (Vietnamese thousands separator)."""
    return f"{number:,}".replace(",", ".")


def vn_seconds(seconds: float) -> str:
    """0.84 → '0,84'; 58.3 → '58,3' (decimal comma)."""
    return (f"{seconds:.2f}" if seconds < 9.995 else f"{seconds:.1f}").replace(".", ",")


class Progress:
    """Throttled progress lines: the first after `every` seconds, then at most one per `every` seconds.

    `every=0` reports every step (tests use it). Lines go to `stream` (stderr by default), never
    to stdout, so machine-readable output stays clean.
    """

    def __init__(self, stream: TextIO | None = None, every: float = EVERY_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.every = every
        self.clock = clock
        self.started = clock()
        self.next_at = self.started + every
        self.lines = 0  # progress lines printed so far

    def elapsed(self) -> float:
        return self.clock() - self.started

    def say(self, message: str) -> None:
        """Print one line now and restart the interval."""
        stream = self.stream if self.stream is not None else sys.stderr
        print(message, file=stream, flush=True)
        self.lines += 1
        self.next_at = self.clock() + self.every

    def due(self) -> bool:
        return self.clock() >= self.next_at

    def files(self, done: int, total: int, records: int) -> None:
        """The loader's callback: called after each data file is read."""
        if self.due():
            self.say(f"Đang đọc dữ liệu: {vn_int(done)}/{vn_int(total)} tệp, {vn_int(records)} mục…")

    def stage(self, message: str) -> None:
        """A new step of a job already reported as long (or that has become long): say so."""
        if self.lines or self.due():
            self.say(message)
