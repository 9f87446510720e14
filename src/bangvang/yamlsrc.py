"""Read data files into position-carrying nodes, refusing YAML's traps.

PyYAML's constructor applies YAML 1.1 (`no` → False, `07` → 7, `8:30` → 510,
`3.10` → 3.1) and drops duplicate keys silently. We take only the parser's
*events* from libyaml (fast, C) and compose our own small tree in which every
scalar stays the string the officer typed, with its line and column. Typed
fields parse those strings later, so a surprise becomes an error, not data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import codes
from .issues import Issues, Position

try:  # libyaml makes parsing ~8x faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader

_ScalarEvent, _AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
_SequenceStartEvent, _SequenceEndEvent, _MappingEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent, yaml.MappingEndEvent
_normalize = unicodedata.normalize

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20

SCALAR, MAPPING, SEQUENCE = "scalar", "mapping", "sequence"


@dataclass(slots=True)
class Node:
    """One YAML value: a string, a list of nodes, or a list of (key, value) pairs."""

    kind: str
    value: object
    path: str
    line: int
    column: int
    plain: bool = False  # unquoted scalar (only those can mean "no value")
    comment_after: bool = False  # a plain value followed by ' #…' on its line (YAML drops that part)

    @property
    def position(self) -> Position:
        return Position(self.path, self.line, self.column)

    def is_empty(self) -> bool:
        """An unquoted empty value, `~` or `null`: the officer wrote nothing."""
        return self.kind == SCALAR and self.plain and self.value in ("", "~", "null", "Null", "NULL")

    def get(self, key: str) -> "Node | None":
        for k, v in self.value if self.kind == MAPPING else ():
            if k.value == key:
                return v
        return None


# UTF-8 bytes that were read as Windows-1252 and saved again: a lead byte shown as
# À–ÿ followed by characters that are cp1252 renderings of continuation bytes.
_CP1252_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_CP1252_MARKS = set("\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f"
                     "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f"
                     "\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af"
                     "\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf")
_MOJIBAKE_RUN = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONT}]{{1,3}}")


_VIETNAMESE_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def _is_vietnamese_letter(ch: str) -> bool:
    if ch in "đĐ":
        return True
    parts = unicodedata.normalize("NFD", ch)
    return parts[0].isascii() and parts[0].isalpha() and len(parts) > 1 and set(parts[1:]) <= _VIETNAMESE_MARKS


def _mojibake_at(line: str) -> int | None:
    """Column (0-based) of the first double-encoded Vietnamese letter, or None.

    Only runs that decode to Vietnamese letters count, so real upper-case text
    followed by typographic punctuation ("CÔ”", "XÃ…") is not mistaken for it.
    """
    for m in _MOJIBAKE_RUN.finditer(line):
        run = m.group()
        after = line[m.end():m.end() + 1]
        if run[1] in "”“’‘…" and not (after.isalpha() or after in _CP1252_MARKS):
            continue  # 'XÃ”': an upper-case letter then a closing quote, not a garbled 'Ô'

        for end in range(len(run), 1, -1):
            try:
                decoded = run[:end].encode("cp1252").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if decoded and all(_is_vietnamese_letter(ch) for ch in decoded):
                return m.start()
            break
    return None
_ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def _forbidden_char(ch: str) -> str | None:
    """Name the problem with a character that must not be in data, or None."""
    if ch in _ALLOWED_CONTROLS:
        return None
    category = unicodedata.category(ch)
    if ch == "\u00a0":
        return "dấu cách không ngắt (NBSP)"
    if category == "Cc":
        return f"ký tự điều khiển U+{ord(ch):04X}"
    if category == "Cf":
        return f"ký tự vô hình U+{ord(ch):04X} ({unicodedata.name(ch, 'không tên')})"
    if category in ("Co", "Cn", "Cs") or ch in "\u2028\u2029":
        return f"ký tự không hợp lệ U+{ord(ch):04X}"
    return None


def _only_allowed(text: str) -> bool:
    """True when no character of `text` can be one `_forbidden_char` names (checked in C).

    Every forbidden character (Cc except tab and line ends, Cf, Co, Cn, Cs, NBSP, U+2028/9) is
    non-printable for str.isprintable(); the converse is not true (tab, line ends, other
    spaces such as U+2003), so False only means "look closer", character by character.
    """
    return text.isprintable() or text.replace("\n", "").replace("\r", "").replace("\t", "").isprintable()


def read_text(path: Path, rel: str, issues: Issues) -> str | None:
    """Decode a data file as UTF-8 (BOM accepted) and check every character."""
    if not path.is_file():  # a FIFO would block the read forever; a device could be endless
        issues.add(Position(rel), codes.TEP_DAC_BIET, f"'{rel}' không phải tệp thường nên không đọc được.",
                   "Xoá nó khỏi data/ rồi chạy lại kiểm tra.")
        return None
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        issues.add(Position(rel), codes.TEP_QUA_LON,
                   f"Tệp nặng {len(raw):,} byte, vượt giới hạn {MAX_FILE_BYTES:,} byte.",
                   "Chia dữ liệu thành nhiều tệp nhỏ hơn, ví dụ mỗi năm một tệp.")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        issues.add(Position(rel, line, column), codes.KHONG_PHAI_UTF8,
                   f"Tệp không phải UTF-8 (byte 0x{raw[exc.start]:02X} không hợp lệ).",
                   "Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (Unicode). "
                   "Nếu chữ được gõ bằng bảng mã cũ (TCVN3, VNI), hãy chuyển mã sang Unicode trước.")
        return None
    issues.remember_source(rel, text)
    # One pass over the whole text in C for the usual case: nothing to report.
    odd_chars = not _only_allowed(text)
    odd_runs = _MOJIBAKE_RUN.search(text) is not None
    if not odd_chars and not odd_runs:
        return text
    clean = True
    # Split on "\n" only: str.splitlines() would also split on (and so hide) U+2028, \x0c …
    for number, line_text in enumerate(text.split("\n"), start=1):
        line_text = line_text.removesuffix("\r")
        if odd_chars and not _only_allowed(line_text):
            for index, ch in enumerate(line_text):
                problem = _forbidden_char(ch)
                if problem:
                    issues.add(Position(rel, number, index + 1), codes.KY_TU_AN,
                               f"Có {problem} trong dữ liệu.",
                               "Xoá ký tự này (thường do sao chép từ Word hoặc trang web) và gõ lại bằng bàn phím.")
                    clean = False
        if odd_runs and (at := _mojibake_at(line_text)) is not None:
            issues.add(Position(rel, number, at + 1), codes.LOI_BANG_MA,
                       f"Chữ bị lỗi bảng mã: '{line_text[at:at + 8]}…'.",
                       "Văn bản đã bị đọc sai bảng mã rồi lưu lại; gõ lại đoạn này hoặc sao chép từ bản gốc.")
            clean = False
    return text if clean else None


class _Composer:
    """Build Nodes from parser events, recording every YAML misuse."""

    def __init__(self, text: str, rel: str, issues: Issues):
        self.rel = rel
        self.issues = issues
        self.loader = _EventLoader(text)
        self.source = issues._sources.get(rel, [])
        # Lines (0-based, as in `source`) with a '#': only there can a plain value be cut by a comment.
        self.comment_lines = {i for i, line in enumerate(self.source) if "#" in line}

    def _pos(self, mark) -> Position:
        return Position(self.rel, mark.line + 1, mark.column + 1)

    def _refuse_extras(self, event) -> None:
        if getattr(event, "anchor", None):
            self.issues.add(self._pos(event.start_mark), codes.YAML_ANCHOR,
                            f"Không dùng neo YAML '&{event.anchor}' trong dữ liệu.",
                            "Viết đầy đủ giá trị ở mỗi chỗ cần dùng, không dùng & và *.")
        tag = getattr(event, "tag", None)
        if tag and tag != "!":
            self.issues.add(self._pos(event.start_mark), codes.YAML_TAG,
                            f"Không dùng thẻ kiểu YAML '{tag}'.",
                            "Xoá phần bắt đầu bằng ! trước giá trị; mọi giá trị được đọc như chữ.")

    def compose(self) -> Node | None:
        loader = self.loader
        try:
            loader.get_event()  # StreamStart
            if loader.check_event(yaml.StreamEndEvent):
                return None
            loader.get_event()  # DocumentStart
            root = self._compose(loader.get_event(), 0)
            loader.get_event()  # DocumentEnd
            if not loader.check_event(yaml.StreamEndEvent):
                event = loader.peek_event()
                self.issues.add(self._pos(event.start_mark), codes.YAML_NHIEU_TAI_LIEU,
                                "Tệp có nhiều hơn một tài liệu YAML (dấu ---).",
                                "Mỗi tệp chỉ chứa một tài liệu; xoá dòng --- thừa hoặc tách ra tệp khác.")
            return root
        except yaml.reader.ReaderError as exc:  # a character libyaml refuses (already reported by read_text)
            self.issues.add(Position(self.rel), codes.KY_TU_AN, f"Tệp có ký tự không hợp lệ: {exc.reason}.",
                            "Xoá ký tự điều khiển hoặc vô hình trong tệp.")
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            hint = "Kiểm tra thụt lề (chỉ dùng dấu cách) và dấu hai chấm; giá trị có dấu ':' hoặc '#' nên đặt trong dấu nháy kép."
            line_text = ""
            if mark is not None:
                lines = self.issues._sources.get(self.rel, [])
                if 0 <= mark.line < len(lines):
                    line_text = lines[mark.line]
            if "\t" in line_text or "'\\t'" in str(exc.problem):
                hint = "Thay ký tự tab bằng dấu cách (YAML chỉ chấp nhận dấu cách để thụt lề)."
            position = self._pos(mark) if mark else Position(self.rel)
            self.issues.add(position, codes.YAML_CU_PHAP, f"Lỗi cú pháp YAML: {exc.problem or exc.context}.", hint)
            return None
        finally:
            loader.dispose()

    def _deep(self, mark) -> None:
        self.issues.add(self._pos(mark), codes.YAML_QUA_SAU, f"Dữ liệu lồng nhau quá {MAX_DEPTH} cấp.",
                        "Dữ liệu bảng vàng không cần lồng sâu như vậy; kiểm tra lại thụt lề.")
        raise _TooDeep()

    def _compose(self, event, depth: int) -> Node:
        """The node that starts with `event` (already taken from the parser). Written for speed (it runs for
        every value): events told apart by class, children read in their parent's loop, a plain scalar built
        inline. The checks keep a recursive composition's order: depth, alias, anchor, tag, then the value."""
        if depth > MAX_DEPTH:
            self._deep(event.start_mark)
        cls = event.__class__
        if cls is _ScalarEvent:
            return self._scalar(event)
        if cls is _AliasEvent:
            return self._alias(event)
        if event.anchor is not None or event.tag is not None:
            self._refuse_extras(event)
        mark = event.start_mark
        rel = self.rel
        get_event = self.loader.get_event
        child_depth = depth + 1
        if child_depth > MAX_DEPTH:
            return self._cut_at_limit(event)
        comment_lines, source = self.comment_lines, self.source
        is_sequence = cls is _SequenceStartEvent
        end_class = _SequenceEndEvent if is_sequence else _MappingEndEvent
        items: list = []  # a sequence's nodes, or a mapping's (key, value) pairs
        seen: dict[str, Node] = {}
        key: Node | None = None
        while True:
            child = get_event()
            if child.__class__ is end_class:
                break
            if child.__class__ is _ScalarEvent and not child.style and child.anchor is None and child.tag is None:
                # A plain scalar without anchor or tag, the most common node: built here, as _scalar would.
                start = child.start_mark
                text = child.value
                node = Node(SCALAR, text if text.isascii() else _normalize("NFC", text), rel,
                            start.line + 1, start.column + 1, True)
                if text and start.line in comment_lines and child.end_mark.line == start.line:
                    node.comment_after = source[start.line][child.end_mark.column:].lstrip().startswith("#")
            else:
                node = self._compose(child, child_depth)
            if is_sequence:
                items.append(node)
                continue
            if key is None:
                key = node
                continue
            name_node, key = key, None  # the pair is complete: check its key
            if name_node.kind != SCALAR:
                self.issues.add(name_node.position, codes.YAML_KHOA_KHONG_HOP_LE, "Tên trường phải là chữ.",
                                "Tên trường là một từ như 'ten' hoặc 'ngay', theo sau là dấu hai chấm.")
                continue
            name = name_node.value
            if name in seen:
                self.issues.add(name_node.position, codes.TRUNG_TRUONG,
                                f"Trường '{name}' xuất hiện hai lần trong cùng một mục; giá trị trước sẽ bị mất.",
                                "Giữ lại một trường duy nhất với giá trị đúng.", related=seen[name].position)
                continue
            seen[name] = name_node  # type: ignore[index]
            items.append((name_node, node))
        return Node(SEQUENCE if is_sequence else MAPPING, items, rel, mark.line + 1, mark.column + 1)

    def _alias(self, event) -> Node:
        mark = event.start_mark
        self.issues.add(self._pos(mark), codes.YAML_ANCHOR, f"Không dùng tham chiếu YAML '*{event.anchor}'.",
                        "Viết đầy đủ giá trị ở mỗi chỗ cần dùng, không dùng & và *.")
        return Node(SCALAR, "", self.rel, mark.line + 1, mark.column + 1)

    def _cut_at_limit(self, event) -> Node:
        """A collection at the depth limit: reported if it holds anything, kept empty."""
        is_sequence = event.__class__ is _SequenceStartEvent
        child = self.loader.get_event()
        if child.__class__ is not (_SequenceEndEvent if is_sequence else _MappingEndEvent):
            self._deep(child.start_mark)
        mark = event.start_mark
        return Node(SEQUENCE if is_sequence else MAPPING, [], self.rel, mark.line + 1, mark.column + 1)

    def _scalar(self, event) -> Node:
        """A scalar event (depth already checked)."""
        if event.anchor is not None or event.tag is not None:
            self._refuse_extras(event)
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        value = event.value
        style = event.style
        if not style:  # plain: None from PyYAML's parser and '' from libyaml's
            node = Node(SCALAR, value if value.isascii() else _normalize("NFC", value), self.rel, line, column, True)
            if value and mark.line in self.comment_lines:
                end = event.end_mark
                if end.line == mark.line:
                    node.comment_after = self.source[end.line][end.column:].lstrip().startswith("#")
            return node
        if style == '"' and not _only_allowed(value):
            # Escapes such as "\u200b" or "\a" create characters the file text does not show.
            for ch in value:
                if ch != "\n" and (problem := _forbidden_char(ch)):
                    self.issues.add(self._pos(mark), codes.KY_TU_AN, f"Có {problem} trong giá trị (viết bằng mã thoát).",
                                    "Xoá mã thoát tạo ra ký tự này (ví dụ \\u200b, \\a) khỏi giá trị.")
                    break
        elif style == "|" or style == ">":
            # A block scalar's text starts on the next line: point there, at its indentation.
            source = self.source
            if line < len(source):
                line, column = line + 1, len(source[line]) - len(source[line].lstrip(" ")) + 1
        return Node(SCALAR, value if value.isascii() else _normalize("NFC", value), self.rel, line, column)


class _TooDeep(Exception):
    pass


def parse_yaml(text: str, rel: str, issues: Issues) -> Node | None:
    """Compose one YAML document into Nodes; None when it cannot be read."""
    try:
        return _Composer(text, rel, issues).compose()
    except _TooDeep:
        return None


_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#.*")


def comments(text: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of every comment of a YAML file or front matter: public in the repository,
    so checked for personal data too. Found line by line, without parsing: a '#' after a space inside
    a quoted or block value is taken too, and that value is then checked twice, never missed."""
    if "#" not in text:
        return []
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if "#" in line and (m := _COMMENT.search(line)):
            found.append((number, m.start() + 1, m.group().rstrip("\r")))
    return found


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split a Markdown file into (front matter, body, first body line)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None
    front = m.group(1) or ""
    body_line = text[: m.end()].count("\n") + 1
    return front, text[m.end():], body_line
