"""Signed originals: the scanned PDFs under data/ban-goc/ that documents attach ('ban_goc').

The checker opens each one (pikepdf, on the qpdf library) and refuses, with the record's line, a file
that is missing, larger than MAX_BYTES, not a PDF, broken beyond repair, encrypted (a password to
open it, or restrictions: a published copy must be readable and printable by anyone), or without a
page. What a scan says cannot be checked like text, so the officer declares that it was reviewed
for personal data (parts.Original's rule). Cleaning the published copy is pdfclean.py's work.
"""

from __future__ import annotations

from pathlib import Path

from . import codes
from .datafiles import IGNORED_NAMES, file_problem
from .issues import Issues, Position
from .progress import vn_int

FOLDER = "ban-goc"
MAX_BYTES = 20 * 1024 * 1024  # a decision of a few pages scanned at 200–300 dpi is 0.5–5 MB
_HINT_FILE = "Đặt tệp PDF (tối đa 20 MB) vào thư mục data/ban-goc/ và ghi đúng tên, kể cả chữ hoa, chữ thường."


def check_original(root: Path, rel: str, position: Position, issues: Issues) -> bool:
    """Validate one referenced original; record an issue and return False if it cannot be published."""
    refusal = _file_refusal(root, root / rel) or _pdf_refusal(root / rel)
    if refusal is not None:
        code, message, hint = refusal
        issues.add(position, code, message.replace("{rel}", rel), hint)
        return False
    return True


def _file_refusal(root: Path, path: Path):
    problem = file_problem(root, FOLDER, path, MAX_BYTES)
    if problem is None:
        return None
    if problem.kind == "symlink":
        return codes.LIEN_KET_TEP, "Bản gốc '{rel}' là liên kết tượng trưng (symlink).", "Thay bằng tệp PDF thật."
    if problem.kind == "missing":
        message = ("Không có tệp '{rel}'; trong thư mục có '" + problem.close + "' (khác chữ hoa, chữ thường)."
                   if problem.close else "Không có tệp bản gốc '{rel}' trong thư mục data/ban-goc/.")
        return codes.THIEU_TEP_BAN_GOC, message, _HINT_FILE
    return (codes.BAN_GOC_QUA_LON, f"Bản gốc '{{rel}}' nặng {vn_int(problem.size)} byte, vượt giới hạn {vn_int(MAX_BYTES)} byte.",
            "Quét lại ở 200 dpi, đen trắng hoặc thang xám (bản quét màu nặng gấp nhiều lần), rồi lưu lại.")


def _pdf_refusal(path: Path):
    import pikepdf  # only where there are originals: the checker starts faster without it

    with path.open("rb") as f:
        if not f.read(1024).lstrip().startswith(b"%PDF-"):
            return (codes.BAN_GOC_HONG, "Tệp '{rel}' không phải PDF (nội dung không bắt đầu bằng %PDF-).",
                    "Quét hoặc xuất lại tệp PDF từ máy quét; đừng chỉ đổi đuôi tệp.")
    try:
        with pikepdf.open(path) as pdf:
            if pdf.is_encrypted:
                return _ENCRYPTED
            if len(pdf.pages) == 0:
                return codes.BAN_GOC_HONG, "Tệp PDF '{rel}' không có trang nào.", "Quét lại văn bản thành PDF."
    except pikepdf.PasswordError:
        return _ENCRYPTED
    except (pikepdf.PdfError, ValueError, RuntimeError) as error:
        return (codes.BAN_GOC_HONG, f"Tệp PDF '{{rel}}' bị hỏng, không đọc được ({str(error)[:120]}).",
                "Quét hoặc xuất lại tệp PDF từ máy quét, mở thử bằng trình đọc PDF trước khi tải lên.")
    return None


_ENCRYPTED = (codes.BAN_GOC_MA_HOA, "Tệp PDF '{rel}' có mật khẩu hoặc bị hạn chế (mã hoá).",
              "Lưu lại bản PDF không đặt mật khẩu, không hạn chế in hay sao chép, rồi tải lên lại.")


def check_originals(data, issues: Issues, rel_of) -> None:
    """Every document's original, and every PDF of data/ban-goc/ that no document names."""
    named = set()
    for records in data.records.values():
        for record in records:
            original = getattr(record, "original", None)
            if original is not None:
                check_original(data.root, original.file, original.pos("file"), issues)
                named.add(original.file)
                data.files[rel_of(data.root, data.root / original.file)] = FOLDER
    folder = data.root / FOLDER
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if f"{FOLDER}/{path.name}" not in named and path.name not in IGNORED_NAMES:
            issues.add(Position(rel_of(data.root, path)), codes.TEP_KHONG_DUOC_DUNG,
                       "Tệp này không được văn bản nào dùng (trường 'ban_goc' > 'tep').",
                       "Ghi đường dẫn tệp vào 'ban_goc' của văn bản tương ứng, hoặc xoá tệp nếu không dùng.")
