"""Field types for a file inside one folder of data/: a photo (anh/), a signed original (ban-goc/)."""

from __future__ import annotations

import re

from . import codes
from .schema import Context, FieldType, Invalid, scalar
from .yamlsrc import Node

PHOTO_PATH = re.compile(r"anh/[a-z0-9]+(?:[-_][a-z0-9]+)*\.(?:jpg|jpeg|png|webp)")
ORIGINAL_PATH = re.compile(r"ban-goc/[a-z0-9]+(?:[-_][a-z0-9]+)*\.pdf")


class DataFilePath(FieldType):
    """A file inside one folder of data/: lowercase ASCII name, no folders above, no web address
    (a file elsewhere would be fetched from there by every reader, or could reach outside data/).
    Each kind of file says its pattern, its name in messages, its two issue codes and an example."""

    pattern: re.Pattern
    what: str
    sample: str   # the shape of a path: "anh/ten-tep.jpg"
    example: str  # a real-looking one
    rules: str    # what a valid path is, for the hint

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"đường dẫn {self.what}, dạng {self.sample} (chữ thường không dấu)"

    def codes(self) -> tuple:
        raise NotImplementedError

    def parse(self, node: Node, ctx: Context) -> str:
        value = scalar(node, ctx, f"đường dẫn {self.what}")
        elsewhere, bad_path = self.codes()
        folder = self.example.split("/")[0]
        if "://" in value or value.startswith(("//", "data:")):
            code, message = elsewhere, f"{self.what.capitalize()} '{value[:80]}' ở trang web khác; mỗi lần xem trang, người đọc sẽ bị gửi tới đó."
            hint = f"Lưu {self.what} vào thư mục data/{folder}/ (qua pull request) rồi ghi '{self.sample}'."
        elif not self.pattern.fullmatch(value):
            code, message = bad_path, f"Đường dẫn {self.what} '{value[:80]}' không hợp lệ."
            hint = (f"{self.what.capitalize()} phải nằm ngay trong thư mục data/{folder}/, tên tệp chữ thường không dấu, "
                    f"{self.rules}; ví dụ {self.example}.")
        else:
            return value
        ctx.issues.add(node.position, code, message, hint)
        raise Invalid

    def json_schema(self) -> dict:
        return {"type": "string", "pattern": f"^{self.pattern.pattern}$"}


class PhotoPath(DataFilePath):
    """A photo inside data/anh/."""

    pattern, what, rules = PHOTO_PATH, "ảnh", "đuôi .jpg, .png hoặc .webp"
    sample, example = "anh/ten-tep.jpg", "anh/tran-thi-lan.jpg"

    def codes(self) -> tuple:
        return codes.ANH_BEN_NGOAI, codes.DUONG_DAN_ANH


class OriginalPath(DataFilePath):
    """A signed original, scanned to PDF, inside data/ban-goc/."""

    pattern, what, rules = ORIGINAL_PATH, "bản gốc", "đuôi .pdf"
    sample, example = "ban-goc/ten-tep.pdf", "ban-goc/qd-125-2025.pdf"

    def codes(self) -> tuple:
        return codes.BAN_GOC_BEN_NGOAI, codes.DUONG_DAN_BAN_GOC
