"""Start the board of a new unit: `python -m bangvang.init --ten "xã An Bình" --tinh "tỉnh Đắk Lắk" …`.

The repository ships the data of one ward; a commune that forks it replaces data/ with its own.
This command asks for the unit (or takes every answer as a flag; `--yes`: ask nothing), writes a
fresh data folder (newunit.py) in a scratch folder beside the target, checks it (any error or
warning: nothing is changed), moves the folder that was there aside after confirmation (nothing is
deleted or overwritten), puts the new one in its place and prints the next steps. Every message is
Vietnamese, and a problem is a message, never a traceback.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from . import cli, clock, vocab
from .dates import DateError, parse_date
from .load import load
from .newunit import REFORM_DAY, check_folder, place_of, province_body, unit_type_of, write_folder
from .text import nfc

LOCAL_WORDS = "thôn, tổ dân phố, khối, ấp, khóm, bản, buôn, làng, plei, sóc…"
YES = {"c", "có", "co", "y", "yes"}


class Stop(Exception):
    """Stop with a message for the maintainer (Vietnamese) and an exit code."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


# -- the answers ---------------------------------------------------------------------------------

def _check_name(value: str, answers: dict) -> str | None:
    if unit_type_of(value) is None and not answers.get("loai"):
        return ("Tên cần bắt đầu bằng loại đơn vị (xã, phường, thị trấn, đặc khu), ví dụ \"xã An Bình\"; "
                "hoặc ghi loại bằng --loai.")
    return None


def _check_type(value: str, answers: dict) -> str | None:
    if value not in vocab.UNIT_TYPES:
        return "Loại đơn vị là một trong: " + ", ".join(vocab.UNIT_TYPES) + "."
    written = unit_type_of(answers.get("ten") or "")
    if written and written != value:
        return f"Tên \"{answers['ten']}\" là một {vocab.UNIT_TYPES[written].label}, không khớp loại '{value}'."
    return None


def _check_province(value: str, answers: dict) -> str | None:
    if province_body(value) is None:
        return "Ghi cả chữ \"tỉnh\" hoặc \"thành phố\", ví dụ \"tỉnh Đắk Lắk\", \"thành phố Huế\"."
    return None


def _check_date(value: str, answers: dict) -> str | None:
    try:
        when = parse_date(value, clock.today())
    except DateError as error:
        return f"{error.message} {error.hint}"
    return None if when.day else "Ghi đủ ngày/tháng/năm, ví dụ 01/07/2025."


@dataclass(frozen=True)
class Question:
    dest: str
    prompt: str
    multiple: bool = False
    optional: bool = False
    default: Callable[[dict], str | None] | None = None
    check: Callable[[str, dict], str | None] | None = None
    only_if: str | None = None  # asked only when this answer was given


QUESTIONS = (
    Question("ten", "Tên đơn vị, viết như văn bản (ví dụ: xã An Bình)", check=_check_name),
    Question("loai", "Loại đơn vị (" + ", ".join(vocab.UNIT_TYPES) + ")", default=lambda a: unit_type_of(a["ten"]),
             check=_check_type),
    Question("tinh", "Tỉnh, thành phố trực thuộc trung ương (ví dụ: tỉnh Đắk Lắk)", check=_check_province),
    Question("don_vi_cu", "Các xã, phường cũ đã hợp thành đơn vị, cách nhau bằng dấu phẩy (Enter nếu không có)",
             multiple=True, optional=True),
    Question("ngay_sap_nhap", f"Ngày sáp nhập có hiệu lực, nếu biết (Enter nếu chưa rõ; khi đó ghi {REFORM_DAY})",
             optional=True, check=_check_date, only_if="don_vi_cu"),
    Question("cap_tren_cu", "Cấp trên của các đơn vị cũ trước sáp nhập, từ gần đến xa, cách nhau bằng dấu phẩy "
             "(ví dụ: huyện Cư Kuin, tỉnh Đắk Lắk; Enter để bỏ qua)", multiple=True, optional=True,
             only_if="don_vi_cu"),
    Question("khu_dan_cu", f"Tên gọi khu dân cư ({LOCAL_WORDS}), cách nhau bằng dấu phẩy (Enter để bỏ qua)",
             multiple=True, optional=True),
    Question("dia_danh", "Địa danh ghi ở đầu văn bản, trước ngày tháng", default=lambda a: place_of(a["ten"])),
    Question("dia_chi_trang", "Địa chỉ trang web, nếu đã có (https://…; Enter để bỏ qua)", optional=True),
    Question("kho", "Địa chỉ kho trên GitHub, nếu đã có (https://github.com/…; Enter để bỏ qua)", optional=True),
)


def _split(text: str) -> list[str]:
    return [part.strip() for part in nfc(text).split(",") if part.strip()]


def _problem(question: Question, value, answers: dict) -> tuple[str, str] | None:
    """(the item, what is wrong with it) for the first wrong item of an answer, or None."""
    for item in value if question.multiple else [value]:
        if question.check and (problem := question.check(item, answers)):
            return item, problem
    return None


def _ask_one(question: Question, answers: dict):
    default = question.default(answers) if question.default else None
    while True:
        typed = nfc(input(f"{question.prompt}{f' [{default}]' if default else ''}: ").strip()) or default or ""
        value = _split(typed) if question.multiple else typed
        if not value and question.optional:
            return None
        wrong = _problem(question, value, answers) if value else ("", "Cần một câu trả lời.")
        if wrong is None:
            return value
        print(f"  {wrong[1]}")


def gather(given: dict, interactive: bool) -> dict:
    """Every answer: from the flags, else asked (interactive), else its default; Stop if one is missing or wrong."""
    answers = dict(given)
    for question in QUESTIONS:
        if question.only_if and not answers.get(question.only_if):
            continue
        flag = "--" + question.dest.replace("_", "-")
        value = answers.get(question.dest)
        if value is None and interactive:
            answers[question.dest] = _ask_one(question, answers)
            continue
        if value is None and question.default:
            value = answers[question.dest] = question.default(answers)
        if value is None and not question.optional:
            raise Stop(f"Thiếu {flag}: {question.prompt[0].lower()}{question.prompt[1:]}.", 2)
        if value is not None and (wrong := _problem(question, value, answers)):
            raise Stop(f"{flag} \"{wrong[0]}\": {wrong[1]}", 2)
    return _tidy(answers)


def _tidy(answers: dict) -> dict:
    """Names as running text writes them: the kind word in lower case ('Xã An Bình' → 'xã An Bình'), and
    given when the name lacks it ('An Bình' with --loai xa → 'xã An Bình')."""
    label = vocab.UNIT_TYPES[answers["loai"]].label
    answers["ten"] = f"{label} {place_of(answers['ten'])}"
    words = answers["tinh"].split(" ", 2 if nfc(answers["tinh"]).casefold().startswith("thành phố ") else 1)
    answers["tinh"] = " ".join([w.lower() for w in words[:-1]] + words[-1:])
    return answers


# -- moving the old folder aside -------------------------------------------------------------------

def describe(target: Path) -> str | None:
    """What `target` holds, in words, when it holds anything: 'dữ liệu của phường X (12 tệp)'."""
    if not target.exists():
        return None
    if not target.is_dir():
        raise Stop(f"{target} là một tệp, không phải thư mục; chọn thư mục khác bằng --data.", 2)
    files = [p for p in target.rglob("*") if p.is_file()]
    if not files and not any(target.iterdir()):
        return None
    data, _ = load(target)
    unit = f"dữ liệu của {data.unit.name}" if data.unit else "dữ liệu"
    return f"{unit} ({len(files)} tệp)"


def aside_path(target: Path, keep: str | None, today: date) -> Path:
    """Where the old folder goes: --giu-lai, or '<name>-cu-<date>' beside it (never an existing path)."""
    if keep:
        path = Path(keep)
        if path.exists():
            raise Stop(f"Đã có {path}; chọn tên khác với --giu-lai (lệnh không ghi đè).", 2)
        return path
    base = target.parent / f"{target.name}-cu-{today:%Y-%m-%d}"
    path, n = base, 2
    while path.exists():
        path, n = base.with_name(f"{base.name}-{n}"), n + 1
    return path


def _confirm(question: str) -> bool:
    return nfc(input(f"{question} [c/K]: ").strip()).casefold() in YES


def put_in_place(made: Path, target: Path, aside: Path | None) -> None:
    """Move the old folder aside (if any), then the new one into its place; undo the first on failure."""
    if aside is not None:
        aside.parent.mkdir(parents=True, exist_ok=True)
        target.rename(aside)
    elif target.is_dir():
        target.rmdir()  # empty
    try:
        made.rename(target)
    except OSError:
        if aside is not None:
            aside.rename(target)
        raise


# -- the command ---------------------------------------------------------------------------------

def build_parser() -> cli.Parser:
    parser = cli.parser("python -m bangvang.init", "Bắt đầu bảng vàng cho một xã, phường mới: tạo thư mục dữ liệu "
                        "mới (đơn vị, cơ quan, đơn vị cũ), chuyển thư mục dữ liệu đang có sang chỗ khác (không xoá "
                        "gì). Thiếu giá trị nào thì lệnh hỏi; với --yes thì không hỏi.")
    add = parser.add_argument
    add("--ten", metavar="TÊN", help="tên đơn vị, viết như văn bản, ví dụ \"xã An Bình\"")
    add("--loai", choices=list(vocab.UNIT_TYPES), help="loại đơn vị; mặc định: đoán từ chữ đầu của tên")
    add("--tinh", metavar="TỈNH", help="tỉnh, thành phố trực thuộc trung ương, ví dụ \"tỉnh Đắk Lắk\"")
    add("--don-vi-cu", dest="don_vi_cu", metavar="TÊN", action="append",
        help="một đơn vị cũ đã hợp thành đơn vị này, ví dụ \"xã An Phú\" (ghi nhiều lần cho nhiều đơn vị)")
    add("--ngay-sap-nhap", dest="ngay_sap_nhap", metavar="NGÀY",
        help=f"ngày sáp nhập có hiệu lực (ngày/tháng/năm); không ghi thì dùng {REFORM_DAY} cho đơn vị mới và "
             "để trống ngày cuối của các đơn vị cũ")
    add("--cap-tren-cu", dest="cap_tren_cu", metavar="TÊN", action="append",
        help="cấp trên của các đơn vị cũ trước sáp nhập, từ gần đến xa (ghi nhiều lần), ví dụ \"huyện Cư Kuin\"")
    add("--khu-dan-cu", dest="khu_dan_cu", metavar="TỪ", action="append",
        help=f"tên gọi khu dân cư của đơn vị ({LOCAL_WORDS}); ghi nhiều lần nếu có nhiều cách gọi")
    add("--dia-danh", dest="dia_danh", metavar="TÊN", help="địa danh ghi ở đầu văn bản; mặc định: tên bỏ chữ chỉ loại")
    add("--dia-chi-trang", dest="dia_chi_trang", metavar="ĐỊA_CHỈ", help="địa chỉ trang web (https://…), nếu đã có")
    add("--kho", metavar="ĐỊA_CHỈ", help="địa chỉ kho trên GitHub (https://github.com/…), nếu đã có")
    add("--data", default="data", metavar="THƯ_MỤC", help="thư mục dữ liệu mới (mặc định: data)")
    add("--giu-lai", dest="giu_lai", metavar="THƯ_MỤC",
        help="chuyển thư mục dữ liệu đang có vào đây (mặc định: <thư mục>-cu-<ngày>)")
    add("-y", "--yes", action="store_true",
        help="không hỏi: dùng các giá trị đã cho và đồng ý chuyển thư mục dữ liệu đang có sang chỗ khác")
    return parser


def _next_steps(target: Path, a: dict, aside: Path | None, held: str | None) -> str:
    data = target.as_posix()
    lines = [f"Đã tạo thư mục dữ liệu {data}/ cho {a['ten']}: kiểm tra đạt, 0 lỗi, 0 cảnh báo."]
    if aside is not None:
        lines.append(f"{held[0].upper()}{held[1:]} được giữ nguyên ở {aside.as_posix()}/ (không xoá gì); khi không "
                     "cần nữa thì tự xoá thư mục đó, đừng commit nó.")
    lines += ["", "Các bước tiếp theo:",
              f"  1. Mở {data}/don-vi.yml, bổ sung các dòng còn là ghi chú (bắt đầu bằng #, có dấu …): bài giới "
              "thiệu, nơi tiếp nhận đề nghị sửa, gỡ thông tin, căn cứ sáp nhập…; ghi đúng như văn bản.",
              f"  2. Kiểm tra dữ liệu: .venv/bin/python -m bangvang.check {data}",
              "  3. Xem trang trên máy: .venv/bin/mkdocs serve rồi mở http://127.0.0.1:8000"
              + ("" if data == "data" else f" (thêm BANGVANG_DATA={data} trước lệnh)"),
              "  4. Thêm dữ liệu: .venv/bin/python -m bangvang.new <loại> … (xem README.md trong từng thư mục).",
              f"  5. Công bố: git add {data} && git commit, rồi git push lên GitHub; xem mục \"Đăng lên GitHub "
              "Pages\" trong README.md.",
              f"  6. Sau mỗi lần công bố thêm mục mới: .venv/bin/python -m bangvang.manifest {data} để ghi danh sách "
              f"các mục đã công bố ({data}/da-cong-bo.yml, lúc này còn trống), rồi commit."]
    return "\n".join(lines)


def run(args, interactive: bool) -> int:
    target = Path(args.data)
    held = describe(target)
    if held and not args.yes and not interactive:
        raise Stop(f"Thư mục {target}/ đang có {held}. Lệnh không xoá, không ghi đè: thêm --yes để chuyển nó sang "
                   f"{aside_path(target, args.giu_lai, clock.today())}/ (hoặc nơi ghi ở --giu-lai), "
                   "hoặc chọn thư mục mới bằng --data.", 2)
    aside = aside_path(target, args.giu_lai, clock.today()) if held else None
    given = {k: ([nfc(x) for x in v] if isinstance(v, list) else nfc(v) if isinstance(v, str) else v)
             for k, v in vars(args).items() if v is not None}
    answers = gather(given, interactive)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".bangvang-init-", dir=target.parent))
    try:
        made = work / target.name
        write_folder(made, answers)
        report = check_folder(made)
        if report:
            raise Stop("Chưa ghi thư mục dữ liệu: dữ liệu từ các giá trị đã nhập chưa qua được bước kiểm tra:\n"
                       + report)
        if held and interactive and not args.yes and not _confirm(
                f"Thư mục {target}/ đang có {held}. Chuyển nó sang {aside}/ (không xoá gì) để thay bằng dữ liệu mới?"):
            raise Stop("Đã dừng; không thay đổi gì.")
        put_in_place(made, target, aside)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the scratch folder of this run, nothing else
    print(_next_steps(target, answers, aside, held))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args, interactive=not args.yes and sys.stdin.isatty())
    except Stop as stop:
        print(stop, file=sys.stderr)
        return stop.code
    except (KeyboardInterrupt, EOFError):
        print("\nĐã dừng; không thay đổi gì.", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"Không ghi được thư mục dữ liệu ({error.strerror or error}: {error.filename or ''}); "
              "thư mục dữ liệu đang có không bị thay đổi.", file=sys.stderr)
        return 1
    except Exception as error:  # a fault of this program: still a message, never a traceback
        print(f"Lỗi ngoài dự kiến của lệnh ({type(error).__name__}: {error}); thư mục dữ liệu đang có không bị "
              "thay đổi. Xin báo lỗi này cho người phát triển.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
