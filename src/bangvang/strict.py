"""`mkdocs build --strict -q` is as strict as `--strict`: quiet silences warnings, it never forgives them.

MkDocs counts warnings for --strict with a logging handler on its 'mkdocs' logger (ProperDocs: on its
'properdocs' logger, engine.py), but -q sets that logger's level to ERROR, so a warning is never even
created: the build passes and publishes. In strict mode we therefore keep the logger at WARNING, raise
its console handlers to the quiet level (the terminal stays as quiet as asked), and collect every
warning; `raise_if_any` then fails the build with the warnings' text, which an error always shows.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from .engine import logger_name


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.quiet = False

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_collector = _Collector()


def watch(strict: bool) -> None:
    """Start a build: in strict mode, make sure every warning is created and collected."""
    logger = logging.getLogger(logger_name())
    _collector.messages.clear()
    if not strict:
        logger.removeHandler(_collector)
        return
    level = logger.getEffectiveLevel()
    if level > logging.WARNING:
        for handler in logger.handlers:
            if handler is not _collector and type(handler).__name__ != "CountHandler":
                handler.setLevel(max(handler.level, level))
        logger.setLevel(logging.WARNING)
        _collector.quiet = True
    if _collector not in logger.handlers:
        logger.addHandler(_collector)


def raise_if_any() -> None:
    """End a strict, quiet build: fail with the warnings nobody saw (a loud build fails on its own)."""
    if _collector.quiet and _collector.messages:
        count = len(_collector.messages)
        raise PluginError(f"Chế độ --strict: có {count} cảnh báo, nên trang web không được công bố.\n\n"
                          + "\n".join(_collector.messages))
