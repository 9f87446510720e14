"""Command lines that speak Vietnamese: help, usage line and usage errors.

argparse writes its headings ("usage:", "options:") and its error messages in English through
gettext, and no Vietnamese catalogue ships with Python. Rather than install a catalogue or patch
the `argparse._` global (which would change every parser in the process), `Parser` names its own
headings, writes its own -h help, and translates argparse's error messages by pattern in
`error()`: a usage error prints the usage line, "lỗi: …" and how to get help, then exits with
code 2, never with a traceback. Every command of the package builds its parser with `parser()`.
"""

from __future__ import annotations

import argparse
import re
import sys

USAGE = "Cách dùng: "
POSITIONALS = "tham số"
OPTIONALS = "tùy chọn"
HELP = "in hướng dẫn này rồi thoát"

# argparse's messages (Python 3.11 to 3.13 spellings), most specific first; \1, \2 keep the
# names and values argparse put in. An "argument X: …" prefix is translated before these.
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.+)", r"thiếu tham số bắt buộc: \1"),
    (r"unrecognized arguments: (.+)", r"không hiểu tham số: \1"),
    (r"invalid choice: (.+?) \(choose from (.+)\)", r"giá trị \1 không có trong danh sách (chọn một trong: \2)"),
    (r"unknown parser (.+?) \(choices: (.+)\)", r"không có loại \1 (chọn một trong: \2)"),
    (r"expected one argument", r"cần một giá trị"),
    (r"expected at most one argument", r"cần nhiều nhất một giá trị"),
    (r"expected at least one argument", r"cần ít nhất một giá trị"),
    (r"expected (\d+) arguments?", r"cần \1 giá trị"),
    (r"invalid (?:int|float) value: (.+)", r"\1 không phải một số"),
    (r"invalid \S+ value: (.+)", r"giá trị \1 không hợp lệ"),
    (r"ambiguous option: (\S+) could match (.+)", r"tùy chọn \1 chưa rõ, có thể là: \2"),
    (r"one of the arguments (.+) is required", r"cần một trong các tham số: \1"),
    (r"not allowed with argument (.+)", r"không dùng cùng với \1"),
    (r"ignored explicit argument (.+)", r"tùy chọn này không nhận giá trị \1"),
    (r"unexpected option string: (.+)", r"tùy chọn không đúng chỗ: \1"),
)
_COMPILED = tuple((re.compile(pattern), replacement) for pattern, replacement in _MESSAGES)
_ARGUMENT = re.compile(r"argument (\S+?): (.*)", re.S)


def translate(message: str) -> str:
    """argparse's English message in Vietnamese (unknown messages are kept as they are)."""
    prefix = ""
    if m := _ARGUMENT.fullmatch(message):
        prefix, message = f"tham số {m.group(1)}: ", m.group(2)
    for pattern, replacement in _COMPILED:
        if pattern.fullmatch(message):
            return prefix + pattern.sub(replacement, message)
    return prefix + message


class _Formatter(argparse.HelpFormatter):
    """Help laid out as argparse does, with a Vietnamese usage prefix."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose every word an officer reads is Vietnamese (subcommands' parsers too)."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP)

    def error(self, message: str):  # type: ignore[override]
        """Usage line, the problem in Vietnamese, where to find help; exit code 2 (no traceback)."""
        self.print_usage(sys.stderr)
        self.exit(2, f"lỗi: {translate(message)}\nGợi ý: chạy `{self.prog} --help` để xem hướng dẫn.\n")


def parser(prog: str, description: str | None = None, **kwargs) -> Parser:
    """The parser of one command, e.g. parser("python -m bangvang.check", "Kiểm tra dữ liệu bảng vàng.")."""
    return Parser(prog=prog, description=description, **kwargs)
