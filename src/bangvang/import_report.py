"""Import a report saved from Word: `python -m bangvang.import_report TỆP.docx [--id MÃ] [--data THƯ_MỤC]`.

The .docx is read (wordfile.py) and its Decree 30 parts recognised (reportparse.py); the result is
written as a new file data/bao-cao/<id>.md, never over an existing one. The id is derived from the
number and year (a draft without a number gets 'du-thao-…'), made unique among the data's ids.
What the data already knows is linked: the issuer by its name in the header, the documents the
body cites by their numbers, the movements the body names. Everything that could not be placed is
listed with the paragraph it came from (it is in the body, nowhere lost), and the checker is run on
the data at once, so the officer sees each problem with its file, line and column.

Exit codes: 0 written and checked clean; 1 written, the checker reports errors in it; 2 nothing
written (a file that is not a .docx, no data folder, the file exists…).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from . import cli, docnumber, kinds, new, vocab
from .fields import ID_PATTERN
from .issues import ERROR
from .load import load
from .model import build_model
from .reportfile import report_text
from .reportparse import Found, read_report
from .reportparts import period_of
from .text import fold, slugify
from .validate import index
from .wordfile import WordFileError, open_docx

REPORTS = kinds.BY_KEY["bao_cao"]
SHOWN = 40  # unplaced lines listed in full; the rest are counted
MIN_NAME = 12  # characters: a shorter movement name is too common a phrase to link by


class Refused(Exception):
    """Nothing was written: what went wrong and what to do, in Vietnamese."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


def build_parser() -> cli.Parser:
    parser = cli.parser(
        "python -m bangvang.import_report",
        "Đọc một báo cáo soạn bằng Word (.docx, thể thức Nghị định 30/2020/NĐ-CP) và ghi thành bản nháp "
        "data/bao-cao/<mã>.md: số, ký hiệu, ngày, cơ quan ban hành, trích yếu, nội dung, khối chữ ký, nơi nhận. "
        "Không bao giờ ghi đè tệp có sẵn; in những đoạn không nhận ra và kết quả kiểm tra dữ liệu.",
        epilog="Mã thoát: 0 đã ghi, dữ liệu không lỗi; 1 đã ghi nhưng còn lỗi cần sửa; 2 không ghi gì.")
    parser.add_argument("file", metavar="TỆP.docx", help="tệp Word (.docx) của báo cáo")
    parser.add_argument("--id", metavar="MÃ", help="mã của báo cáo; bỏ trống để tự tạo từ số, ký hiệu và năm")
    parser.add_argument("--data", default="data", metavar="THƯ_MỤC", help="thư mục dữ liệu (mặc định: data)")
    return parser


def main(argv: list[str] | None = None, today: date | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        path, found = _import(Path(args.file), Path(args.data), args.id, today)
    except (WordFileError, Refused) as refused:
        print(f"lỗi: {refused.message}" + (f"\n    gợi ý: {refused.hint}" if refused.hint else ""), file=sys.stderr)
        return 2
    _say_what_was_found(found)
    print(f"Đã ghi {path}. Mở tệp để đối chiếu với bản Word và điền phần còn thiếu.")
    return _check(Path(args.data), path, today)


def _import(source: Path, data_dir: Path, wanted: str | None, today: date | None) -> tuple[Path, Found]:
    if not data_dir.is_dir():
        raise Refused(f"Không tìm thấy thư mục dữ liệu '{data_dir}'.",
                      "Chạy lệnh từ thư mục gốc của kho (nơi có thư mục data/), hoặc ghi --data <thư mục>.")
    if wanted is not None and not ID_PATTERN.fullmatch(wanted):
        raise Refused(f"Mã '{wanted}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang.",
                      f"Ví dụ: --id {slugify(wanted) or '31-bc-ubnd-2024'}")
    doc = open_docx(source)
    found = read_report(doc)
    found.notes.insert(0, f"Đã đọc {source}: {doc.paragraphs} đoạn văn, {doc.tables} bảng.")
    data, _ = load(data_dir, today)
    values = _values(found, data)
    taken = set(index(data)["van_ban"]) | data.broken_ids | {p.stem for p in (data_dir / REPORTS.source).glob("*")}
    record_id = wanted or new.unique_id(_id_of(values, found), taken)
    target = data_dir / REPORTS.source / f"{record_id}{REPORTS.suffix}"
    if target.exists():
        raise Refused(f"Tệp {target} đã có; không ghi đè.", "Chọn mã khác bằng --id, hoặc đổi tên tệp cũ nếu muốn thay.")
    if wanted and wanted in taken:
        raise Refused(f"Mã '{wanted}' đã được dùng trong dữ liệu.", "Chọn mã khác bằng --id.")
    comments = [f"Nhập từ tệp Word {source.name} bằng `python -m bangvang.import_report`.",
                "Đối chiếu từng trường với bản Word; bỏ dòng nào sai, thêm trường còn thiếu (xem Từ điển dữ liệu)."]
    text = report_text({"id": record_id, **values}, "\n\n".join(found.body) or "…", comments)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
        handle.write(text)
    return target, found


def _values(found: Found, data) -> dict:
    """The fields read from the file, with what the data already knows linked by id."""
    values = dict(found.fields)
    values["loai"] = values.get("loai") or "bao_cao"
    if "so_ky_hieu" not in values:
        values["du_thao"] = True
    if values.get("trich_yeu") and (period := period_of(values["trich_yeu"])):
        values["giai_doan"] = {"tu_nam": period[0], "den_nam": period[1]}
    body = "\n".join(found.body)
    if issuer := _issuer_id(values.get("co_quan_ban_hanh_in"), data):
        values["co_quan_ban_hanh"] = issuer
    numbers = {str(d.number): d.id for d in index(data)["van_ban"].values() if getattr(d, "number", None)}
    cited = [numbers[n] for n in dict.fromkeys(docnumber.find_all(body)) if n in numbers and n != values.get("so_ky_hieu")]
    if cited:
        values["van_ban_trich_dan"] = cited
    if movements := _movements(body, data):
        values["phong_trao"] = movements
    return values


def _issuer_id(printed: str | None, data) -> str | None:
    """The body whose name (any of its names) is the issuer line of the header, in capitals."""
    if not printed:
        return None
    wanted = fold(printed)
    for body in data.of("co_quan"):
        names = [body.name, *(n.name for n in body.names)]
        if any(fold(name) == wanted for name in names):
            return body.id
    return None


def _movements(body: str, data) -> list[str]:
    """Movements of the data whose name the body writes (any of their names, case and spacing aside)."""
    text = " ".join(fold(body).split())
    found = []
    for movement in data.of("phong_trao"):
        names = [movement.name, movement.name_printed, *movement.other_names]
        if any(name and len(name) >= MIN_NAME and " ".join(fold(name).split()) in text for name in names):
            found.append(movement.id)
    return found


def _id_of(values: dict, found: Found) -> str:
    """'31-bc-ubnd-2024' (number and year), '30-2020-nd-cp' (the year is in it), 'du-thao-bc-ubnd-2014-2023'."""
    year = str(values.get("ngay", "")).split("/")[-1]
    if number := values.get("so_ky_hieu"):
        parsed = docnumber.parse(number)
        return slugify(number if parsed.year else f"{number} {year}")
    period = values.get("giai_doan")
    when = year
    if period:
        when = str(period["tu_nam"]) if period["tu_nam"] == period["den_nam"] else f"{period['tu_nam']} {period['den_nam']}"
    return slugify(f"du thao {found.number_symbol or 'bc'} {when}")


def _say_what_was_found(found: Found) -> None:
    labels = {"so_ky_hieu": "số, ký hiệu", "ngay": "ngày", "dia_danh": "địa danh", "loai": "loại",
              "co_quan_chu_quan_in": "cơ quan chủ quản", "co_quan_ban_hanh_in": "cơ quan ban hành",
              "trich_yeu": "trích yếu", "kinh_gui": "kính gửi"}
    print(found.notes[0])  # what was read
    fields = dict(found.fields)
    if "loai" in fields:
        fields["loai"] = vocab.DOC_TYPES[fields["loai"]].label
    said = [f"{label}: {fields[key]}" for key, label in labels.items() if key in fields]
    if sign := fields.get("ky"):
        said.append("ký: " + " / ".join(v for k, v in sign.items() if k != "che_do") + f" ({sign['che_do']})")
    if fields.get("noi_nhan"):
        said.append(f"nơi nhận: {len(fields['noi_nhan'])} dòng")
    print("Nhận ra:\n" + "\n".join(f"  - {line}" for line in said))
    if found.fields.get("loai", "bao_cao") != "bao_cao":
        print(f"Lưu ý: văn bản này là {fields['loai']}, không phải báo cáo; vẫn ghi vào {REPORTS.source}/ để cán bộ xem lại.")
    for note in found.notes[1:]:
        print(f"Lưu ý: {note}")
    if found.unplaced:
        print("Không nhận ra (đã giữ nguyên trong phần nội dung, cần xem lại):")
        for where, text in found.unplaced[:SHOWN]:
            print(f"  - {where}: “{text[:200]}”")
        if len(found.unplaced) > SHOWN:
            print(f"  … và {len(found.unplaced) - SHOWN} đoạn khác.")


def _check(data_dir: Path, path: Path, today: date | None) -> int:
    """The checker on the data with the new file; its problems printed with file, line and column."""
    data, issues = load(data_dir, today)
    build_model(data, issues)
    here = f"{REPORTS.source}/{path.name}"
    # Its own problems, and those another file has with it (a report declared twice is reported at one of them).
    mine = [i for i in issues.sorted() if i.position.path.endswith(here) or (i.related and i.related.path.endswith(here))]
    others = sum(1 for i in issues.items if i.severity == ERROR) - sum(1 for i in mine if i.severity == ERROR)
    if mine:
        print("Kiểm tra dữ liệu: còn vấn đề cần sửa:\n" + "\n".join(issues.format(i) for i in mine))
    else:
        print("Kiểm tra dữ liệu: tệp mới không có lỗi.")
    if others:
        print(f"(Ngoài ra dữ liệu có {others} lỗi ở các tệp khác: chạy python -m bangvang.check {data_dir}.)")
    return 1 if any(i.severity == ERROR for i in mine) else 0


if __name__ == "__main__":
    sys.exit(main())
