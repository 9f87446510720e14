"""The officers' data dictionary, derived from the schema declarations.

Nothing here is written by hand per field: adding a field to records.py adds
its row here, in the JSON Schema and in the validation messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import kinds, vocab
from .fields import Choice, ListOf, Object
from .schema import field_specs

VOCABULARIES = [
    ("loai (đối tượng), loai_doi_tuong", "Loại đối tượng khen thưởng", vocab.RECIPIENT_TYPES),
    ("cap, pham_vi", "Cấp", vocab.LEVELS),
    ("loai (văn bản)", "Loại văn bản", vocab.DOC_TYPES),
    ("danh_hieu", "Danh hiệu thi đua", vocab.TITLES),
    ("hinh_thuc (khen thưởng)", "Hình thức khen thưởng", vocab.FORMS),
    ("hang", "Hạng", vocab.CLASSES),
    ("loai_hinh", "Loại hình khen thưởng", vocab.AWARD_KINDS),
    ("trang_thai (khen thưởng)", "Trạng thái khen thưởng", vocab.AWARD_STATUS),
    ("hinh_thuc (phong trào)", "Hình thức phong trào", vocab.MOVEMENT_FORMS),
    ("trang_thai (phong trào)", "Tình trạng phong trào", vocab.MOVEMENT_STATUS),
    ("che_do", "Thẩm quyền ký", vocab.SIGNING_MODES),
    ("phuc_dung", "Thành phần văn bản được dựng lại", vocab.REPORT_PARTS),
    ("loai (đơn vị)", "Loại đơn vị hành chính", vocab.UNIT_TYPES),
]

LAYOUT_TEXT = {
    "single": "Một tệp YAML gồm các trường của đơn vị.",
    "list": "Tệp YAML là một danh sách; mỗi mục bắt đầu bằng '- '. Có thể chia nhiều tệp (ví dụ mỗi năm một tệp).",
    "markdown": "Mỗi mục một tệp Markdown (.md): phần thông tin giữa hai dòng '---', sau đó là nội dung.",
}


@dataclass
class FieldRow:
    key: str
    doc: str
    format: str
    required: bool
    example: str | None
    children: list["FieldRow"]


def _rows(cls) -> list[FieldRow]:
    rows = []
    for spec in field_specs(cls):
        ftype = spec.type
        inner = ftype.item if isinstance(ftype, ListOf) else ftype
        children = _rows(inner.cls) if isinstance(inner, Object) else []
        fmt = ftype.describe()
        if isinstance(inner, Choice):
            fmt = ("danh sách, mỗi mục " if isinstance(ftype, ListOf) else "") + "một trong: " + ", ".join(inner.vocab)
        rows.append(FieldRow(spec.key, spec.doc, fmt, spec.required, spec.example, children))
    return rows


def sections() -> list[tuple[kinds.RecordKind, list[FieldRow], str]]:
    """(kind, its fields, how its files are laid out) for each kind of record."""
    return [(kind, _rows(kind.cls), LAYOUT_TEXT[kind.layout]) for kind in kinds.KINDS]


def vocabularies():
    return VOCABULARIES
