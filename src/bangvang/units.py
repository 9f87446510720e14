"""Former units: the xã and phường merged into (or split from) the unit that publishes the board.

Since 01/07/2025 almost every commune-level unit was formed by merging older ones, which residents
and documents still name ("xã An Phú (cũ)"). Each is declared once in data/don-vi-cu.yml; records
name the one they belong to (`don_vi_cu`), and the changes that made the unit what it is are listed
in data/don-vi.yml (`lich_su`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from . import vocab
from .dates import PartialDate
from .fields import Choice, Date, Id, ListOf, Ref, Text
from .schema import Record, RefValue, fld


@dataclass(kw_only=True)
class FormerUnit(Record):
    """Đơn vị hành chính cũ đã sáp nhập vào (hoặc tách ra từ) đơn vị công bố bảng vàng."""

    KIND: ClassVar[str] = "don_vi_cu"
    LABEL = "đơn vị cũ"
    id: str = fld("id", Id(), "Mã định danh, không đổi.", required=True, example="xa-an-phu")
    name: str = fld("ten", Text(120), "Tên đơn vị cũ, viết như văn bản.", required=True, example="xã An Phú")
    unit_type: str | None = fld("loai", Choice(vocab.UNIT_TYPES), "Loại đơn vị: xã, phường, thị trấn, đặc khu.")
    other_names: list[str] = fld("ten_khac", ListOf(Text(120)),
                                 "Tên khác, cách viết khác (Đăk/Đak…), tên trước khi đổi; tìm kiếm tìm được theo mọi tên.")
    parents: list[str] = fld("cap_tren", ListOf(Text(120)), "Đơn vị cấp trên lúc đó, từ gần đến xa.",
                             example="huyện Cư Kuin")
    start: PartialDate | None = fld("tu_ngay", Date(), "Ngày thành lập; bỏ trống nếu không rõ.")
    end: PartialDate | None = fld("den_ngay", Date(), "Ngày cuối cùng tồn tại (trước sáp nhập, chia tách).",
                                  example="30/06/2025")
    merged_into: RefValue | None = fld("sap_nhap_vao", Ref("don_vi_cu"),
                                       "Đơn vị cũ khác mà đơn vị này đã nhập vào trước đó (nếu có).")
    note: str | None = fld("ghi_chu", Text(1000, multiline=True), "Ghi chú.")

    @property
    def label(self) -> str:
        """'xã An Phú (cũ)', as residents and documents name it."""
        return f"{self.name} (cũ)"
