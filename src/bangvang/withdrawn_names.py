"""Where the name of a person who withdrew is still written in data/.

The public view replaces such a name wherever it is written (redact.py), so nothing reaches the
site; but data/ is public in the repository, and a name left in another person's story, an
award's reason, a caption, a comment or a file name is still published there. Each place is a
warning (which stops a --strict build, as CI runs it), whatever case, marks, Unicode form or
punctuation the name is written with. The person's own record, which must hold the name for the
site to know what to hide, is not reported; nor are ids, which the public view replaces.
"""

from __future__ import annotations

from . import codes
from .issues import Issues, Position
from .load import Dataset
from .redact import NameRedactor
from .walk import text_values

PEOPLE = "doi_tuong"
WITHDREW = "an"


def check_withdrawn_names(data: Dataset, issues: Issues) -> None:
    people = [p for p in data.of(PEOPLE) if getattr(p, "visibility", None) == WITHDREW and p.full_name]
    if not people:
        return
    finder = NameRedactor({p.full_name: p.full_name for p in people})
    own = {id(p) for p in people}
    values: list = []
    for records in data.records.values():
        for record in records:
            if id(record) not in own:
                text_values(record, values)
    if data.unit:
        text_values(data.unit, values)
    for attr, text, where in values:
        for start, _, name in finder.find(text) if attr != "id" else ():
            position = where if isinstance(where, Position) else where.pos(attr)
            _warn(issues, _at(text, start, position, exact=attr == "body_markdown"), name, "")
    for rel, comments in data.comments.items():
        for line, column, text in comments:
            for start, _, name in finder.find(text):
                _warn(issues, Position(rel, line, column + start), name, " trong ghi chú (#)")
    for person in people:
        spells = NameRedactor({person.full_name: ""}).spells_a_name
        for rel in [*data.files, *data.ignored]:
            if spells(rel.split("/", 1)[-1]):
                _warn(issues, Position(rel), person.full_name, " trong tên tệp")


def _at(text: str, start: int, position: Position, exact: bool) -> Position:
    """Where the name is in a value: exact on its later lines and in a Markdown body, which starts
    its line; on a YAML value's first line, the value's position (quotes and escapes shift columns)."""
    line = text.count("\n", 0, start)
    if line:
        return Position(position.path, position.line + line, start - text.rfind("\n", 0, start))
    return Position(position.path, position.line, position.column + start) if exact else position


def _warn(issues: Issues, position: Position, name: str, where: str) -> None:
    issues.add(position, codes.TEN_NGUOI_DA_RUT,
               f"Tên '{name}' của người đã rút thông tin (hien_thi: an) vẫn được viết{where}.",
               "Trang web đã che tên này, nhưng kho dữ liệu là công khai: xoá tên hoặc thay bằng cách gọi chung "
               "(ví dụ 'một trưởng thôn')" + ("; đổi tên tệp" if where == " trong tên tệp" else "") + ".")
