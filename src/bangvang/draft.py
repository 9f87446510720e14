"""Draft the unit's report for a period: `python -m bangvang.draft --tu-nam 2014 --den-nam 2023 -o bao-cao.docx`.

The data is read and checked as for the site (data with errors gives no draft: the errors are
printed, located), and the draft is made from the public view: a Word file laid out by Decree
30/2020 (draftdocx.py), or with `-o FILE.md` the same report as a Markdown file with front matter
the checker accepts (`du_thao: true`: a draft has no number and no date yet). Every figure is
counted from the data; what the data does not know is left as "…" for the officer. An existing file
is never overwritten.

Exit codes: 0 written; 1 the data has errors, or nothing in it falls in the period; 2 nothing
written because of the command line (years reversed, a file that exists, an unknown extension…).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from . import clock, cli
from .draftbody import compose, markdown
from .draftdocx import write as write_docx
from .draftfacts import gather
from .public import load_view
from .reportfile import report_text
from .text import slugify

FORMATS = (".docx", ".md")
EARLIEST = 1945  # the first year of the Republic: an earlier year is a typing slip


def build_parser() -> cli.Parser:
    parser = cli.parser(
        "python -m bangvang.draft",
        "Soạn dự thảo báo cáo thi đua, khen thưởng của đơn vị cho một giai đoạn, từ dữ liệu bảng vàng: "
        "thể thức Nghị định 30/2020/NĐ-CP trên khổ A4, số và ngày để trống, các số liệu đếm từ dữ liệu; "
        "chỗ dữ liệu không biết để “…” cho cán bộ điền. Không bao giờ ghi đè tệp có sẵn.",
        epilog="Ví dụ: python -m bangvang.draft --tu-nam 2014 --den-nam 2023 -o du-thao.docx. "
               "Mã thoát: 0 đã ghi; 1 dữ liệu còn lỗi hoặc không có gì trong giai đoạn; 2 không ghi gì.")
    parser.add_argument("--tu-nam", type=int, required=True, metavar="NĂM", help="năm đầu của giai đoạn báo cáo")
    parser.add_argument("--den-nam", type=int, required=True, metavar="NĂM", help="năm cuối của giai đoạn báo cáo")
    parser.add_argument("-o", "--ra", required=True, metavar="TỆP",
                        help="tệp sẽ ghi: .docx (Word) hoặc .md (Markdown, có phần thông tin đầu tệp)")
    parser.add_argument("--data", default="data", metavar="THƯ_MỤC", help="thư mục dữ liệu (mặc định: data)")
    return parser


def _refusal(args, today: date) -> tuple[str, str] | None:
    """Why the command line cannot give a draft (message, hint), or None."""
    start, end, out = args.tu_nam, args.den_nam, Path(args.ra)
    if not EARLIEST <= start <= today.year or not EARLIEST <= end <= today.year:
        return (f"Năm phải từ {EARLIEST} đến {today.year} (đã ghi {start} và {end}).", "Viết năm bằng 4 chữ số.")
    if start > end:
        return (f"Năm đầu {start} lớn hơn năm cuối {end}.", f"Đổi chỗ hai năm: --tu-nam {end} --den-nam {start}.")
    if out.suffix.lower() not in FORMATS:
        return (f"Tệp '{out}' cần đuôi .docx hoặc .md.", f"Ví dụ: -o bao-cao-{start}-{end}.docx")
    if out.exists():
        return (f"Tệp '{out}' đã có; không ghi đè.", "Ghi vào một tệp khác, hoặc đổi tên tệp cũ.")
    if not out.parent.is_dir():
        return (f"Không có thư mục '{out.parent}' để ghi '{out.name}'.", "Tạo thư mục trước, hoặc ghi vào thư mục khác.")
    if not Path(args.data).is_dir():
        return (f"Không tìm thấy thư mục dữ liệu '{args.data}'.",
                "Chạy lệnh từ thư mục gốc của kho (nơi có thư mục data/), hoặc ghi --data <thư mục>.")
    return None


def main(argv: list[str] | None = None, today: date | None = None) -> int:
    args = build_parser().parse_args(argv)
    today = today or clock.today()
    if refused := _refusal(args, today):
        print(f"lỗi: {refused[0]}\n    gợi ý: {refused[1]}", file=sys.stderr)
        return 2
    view, issues = load_view(Path(args.data), today)
    if view is None:
        print("Dữ liệu còn lỗi, chưa soạn được dự thảo:\n" + issues.report(), file=sys.stderr)
        print("gợi ý: sửa các lỗi trên (xem python -m bangvang.check) rồi chạy lại lệnh.", file=sys.stderr)
        return 1
    facts = gather(view, args.tu_nam, args.den_nam, today)
    if facts.empty:
        print(f"lỗi: Dữ liệu không có phong trào, khen thưởng, gương điển hình hay sự kiện nào trong "
              f"{facts.span_words()}; không có gì để soạn.\n    gợi ý: Kiểm tra lại hai năm, hoặc bổ sung dữ liệu.",
              file=sys.stderr)
        return 1
    draft, out = compose(facts), Path(args.ra)
    if out.suffix.lower() == ".md":
        values, body = markdown(draft, view)
        record_id = slugify(f"du thao bc {args.tu_nam} {args.den_nam}")
        comments = ["Dự thảo báo cáo soạn từ dữ liệu bằng `python -m bangvang.draft`; chỗ “…” là phần cán bộ điền.",
                    "Khi ban hành: ghi so_ky_hieu, ngay, ky (khối chữ ký), bỏ dòng du_thao và đặt lại id, tên tệp."]
        with out.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            handle.write(report_text({"id": record_id, **values}, body, comments))
    else:
        with out.open("xb") as handle:
            write_docx(draft, handle)
    print(f"Đã ghi {out}: {len(facts.movements)} phong trào, {len(facts.awards)} khen thưởng, "
          f"{len(facts.models)} gương điển hình, {len(facts.events)} sự kiện trong {facts.span_words()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
