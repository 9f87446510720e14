"""Problems found in data/, reported the way an officer can act on them.

Each problem is `path:line:column: code: message`, then the offending line with a
caret and a hint, in Vietnamese. Codes are declared once in codes.py, with their severity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ERROR = "lỗi"
WARNING = "cảnh báo"
# Something the officer may want to improve that is not wrong (an http:// link to a site without
# https): reported by the checker and the build, but it never stops a build, not even --strict.
NOTE = "lưu ý"


# What would end a line of a report: a file name or value holding one could start a line of its own
# (in a CI log, a workflow command such as "::error"). Shown escaped instead, as Python writes it.
_LINE_BREAKS = {c: repr(chr(c))[1:-1] for c in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)}


def one_line(text: str) -> str:
    """`text` with line breaks and other control characters written as escapes (\\n, \\x00)."""
    return text.translate(_LINE_BREAKS)


@dataclass(frozen=True)
class Position:
    """A place in a data file; line and column are 1-based."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Issue:
    position: Position
    code: str
    message: str
    hint: str = ""
    severity: str = ERROR
    related: Position | None = None

    def headline(self) -> str:
        return one_line(f"{self.position}: {self.code}: {self.message}")


@dataclass
class Issues:
    """Collects every problem of a run; nothing stops at the first one."""

    root: Path | None = None
    items: list[Issue] = field(default_factory=list)
    _sources: dict[str, list[str]] = field(default_factory=dict)

    def add(self, position: Position, code, message: str, hint: str = "", *, related: Position | None = None) -> None:
        """Record one problem; `code` is a declared codes.Code, which also gives its severity."""
        self.items.append(Issue(position, code.id, message, hint, code.severity, related))

    def remember_source(self, path: str, text: str) -> None:
        """Keep a file's lines so reports can quote the offending line."""
        self._sources[path] = [line.removesuffix("\r") for line in text.split("\n")]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.items if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.items if i.severity == WARNING]

    @property
    def notes(self) -> list[Issue]:
        return [i for i in self.items if i.severity == NOTE]

    def source_line(self, path: str, line: int) -> str | None:
        """The text of a line of a data file read in this run (1-based), if it was kept."""
        source = self._sources.get(path)
        return source[line - 1] if source and 1 <= line <= len(source) else None

    def sorted(self) -> list[Issue]:
        return sorted(self.items, key=lambda i: (i.position.path, i.position.line, i.position.column, i.code))

    def format(self, issue: Issue) -> str:
        lines = [issue.headline()]
        source = self._sources.get(issue.position.path)
        if source and 1 <= issue.position.line <= len(source):
            text = source[issue.position.line - 1]
            number = str(issue.position.line)
            lines.append(f"    {number} | {text}")
            caret_at = min(max(issue.position.column - 1, 0), len(text))
            lines.append(f"    {' ' * len(number)} | {' ' * caret_at}^")
        if issue.related:
            lines.append(one_line(f"    xem thêm: {issue.related}"))
        if issue.hint:
            lines.append(one_line(f"    gợi ý: {issue.hint}"))
        return "\n".join(lines)

    def report(self) -> str:
        return "\n".join(self.format(i) for i in self.sorted())
