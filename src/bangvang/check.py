"""Check data/ without building the site.

    python -m bangvang.check [data] [--changed-since REF] [--base REF] [--format text|json|github]

Same rules and messages as the build. `--changed-since` reports only problems in
files changed against a git ref (a pull request is judged on what it changed;
the others are counted, never hidden). `--base` also checks removals against the list of
published records (data/da-cong-bo.yml) as committed on the base branch, so a pull request cannot
drop a record together with its line in that list (manifest.py); it is a separate option because
the unfiltered run, the one that gates a pull request, needs it too. `--format github` prints
workflow commands so each error shows on the pull request's diff at its line.

The last line is always a summary (files, records, errors, warnings, seconds); with
`--format json` it goes to stderr and stdout holds only the JSON. A long check
(a province's data) also prints its progress on stderr every few seconds.
"""

from __future__ import annotations

import gc
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import cli
from .heap import gc_paused
from .issues import ERROR, NOTE, WARNING, Issue, Issues
from .load import load
from .manifest import BaseUnavailable, check_base_removals, read_base
from .model import build_model
from .progress import EVERY_SECONDS, Progress, vn_int, vn_seconds


def _git(args: list[str], cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def changed_files(ref: str, cwd: Path) -> set[Path]:
    """Files changed since `ref`: committed on this branch, staged, unstaged or new."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    names = set(_git(["diff", "--name-only", f"{ref}...HEAD"], cwd).split("\n"))
    names |= set(_git(["diff", "--name-only", "HEAD"], cwd).split("\n"))
    names |= set(_git(["ls-files", "--others", "--exclude-standard"], top).split("\n"))
    return {(top / n).resolve() for n in names if n}


def issue_file(issue: Issue, data_dir: Path) -> Path:
    """The real file an issue points at (issue paths start with the data folder's name)."""
    _, _, rest = issue.position.path.partition("/")
    return (data_dir / rest).resolve() if rest else data_dir.resolve()


def _github_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def github_annotation(issue: Issue, path: str) -> str:
    """One workflow command: GitHub shows it on the pull request's diff at the line."""
    kind = {ERROR: "error", WARNING: "warning", NOTE: "notice"}[issue.severity]
    message = issue.message + (f"\nGợi ý: {issue.hint}" if issue.hint else "")
    return (f"::{kind} file={_github_escape(path, True)},line={issue.position.line},"
            f"col={issue.position.column},title={_github_escape(issue.code, True)}::{_github_escape(message)}")


def _repo_relative(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _arguments(argv: list[str] | None):
    parser = cli.parser("python -m bangvang.check", "Kiểm tra dữ liệu bảng vàng.")
    parser.add_argument("data", nargs="?", default="data", metavar="thư-mục", help="thư mục dữ liệu (mặc định: data)")
    parser.add_argument("--changed-since", metavar="REF",
                        help="chỉ báo lỗi ở các tệp đã thay đổi so với nhánh hoặc commit REF (ví dụ origin/main)")
    parser.add_argument("--base", metavar="REF",
                        help="đối chiếu thêm với danh sách các mục đã công bố (da-cong-bo.yml) trên nhánh gốc "
                             "REF (ví dụ origin/main): mục đã công bố ở đó mà mất khỏi dữ liệu là lỗi, kể cả khi "
                             "dòng của nó trong danh sách cũng bị xoá, trừ khi việc gỡ được khai báo trong da-go.yml")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="text (cho người đọc), json (cho máy), github (chú thích trên pull request)")
    parser.add_argument("--progress-every", metavar="GIÂY", type=float, default=EVERY_SECONDS,
                        help="khi kiểm tra lâu, in tiến độ ra stderr mỗi GIÂY giây "
                             f"(mặc định {vn_seconds(EVERY_SECONDS)}; 0: sau mỗi tệp)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `check | head` ends quietly

    started = time.perf_counter()
    progress = Progress(sys.stderr, every=args.progress_every)
    data_dir = Path(args.data)
    try:
        base = read_base(data_dir, args.base) if args.base else None
    except BaseUnavailable as exc:
        print(exc, file=sys.stderr)
        return 2
    with gc_paused():
        data, issues = load(data_dir, progress=progress.files)
        progress.stage(f"Đang kiểm tra liên kết giữa {vn_int(data.count())} mục…")
        build_model(data, issues)
        if base is not None:
            check_base_removals(data, issues, base)
    elapsed = time.perf_counter() - started

    shown = issues.sorted()
    elsewhere: list[Issue] = []
    if args.changed_since:
        try:
            changed = changed_files(args.changed_since, data_dir if data_dir.is_dir() else Path.cwd())
        except (subprocess.CalledProcessError, FileNotFoundError) as exc:
            print(f"Không so sánh được với '{args.changed_since}' bằng git: {exc}", file=sys.stderr)
            return 2
        elsewhere = [i for i in shown if issue_file(i, data_dir) not in changed]
        shown = [i for i in shown if issue_file(i, data_dir) in changed]

    errors = [i for i in shown if i.severity == ERROR]
    warnings = [i for i in shown if i.severity == WARNING]
    notes = [i for i in shown if i.severity == NOTE]  # printed with their hint; counted apart, never failing
    summary = (f"Đã kiểm tra {vn_int(len(data.files))} tệp, {vn_int(data.count())} mục: {vn_int(len(errors))} lỗi, "
               f"{vn_int(len(warnings))} cảnh báo" + (f", {vn_int(len(notes))} lưu ý" if notes else "")
               + f" ({vn_seconds(elapsed)} giây).")
    if elsewhere:
        summary += f" Ngoài ra có {vn_int(len(elsewhere))} vấn đề ở các tệp không thay đổi."

    if args.format == "json":
        payload = {
            "files": len(data.files), "records": data.count(), "seconds": round(elapsed, 3),
            "errors": len(errors), "warnings": len(warnings), "notes": len(notes), "elsewhere": len(elsewhere),
            "issues": [_as_json(i, data_dir) for i in shown],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        print(summary, file=sys.stderr)  # for a person watching; stdout stays pure JSON
    elif args.format == "github":
        for issue in shown:
            print(github_annotation(issue, _repo_relative(issue_file(issue, data_dir))))
        print(summary)
    else:
        if shown:
            print(_report(issues, shown))
        print(summary)
    return 1 if errors else 0


def _report(issues: Issues, shown: list[Issue]) -> str:
    return "\n".join(issues.format(i) for i in shown)


def _as_json(issue: Issue, data_dir: Path) -> dict:
    return {
        "path": issue.position.path, "file": _repo_relative(issue_file(issue, data_dir)),
        "line": issue.position.line, "column": issue.position.column,
        "code": issue.code, "severity": {ERROR: "error", WARNING: "warning", NOTE: "note"}[issue.severity],
        "message": issue.message, "hint": issue.hint,
        "related": str(issue.related) if issue.related else None,
    }


if __name__ == "__main__":
    # A one-shot command: no cyclic garbage collection while it runs (heap.py); at exit, heap.py
    # freezes what it made, so that the interpreter does not walk it all once more.
    gc.disable()
    sys.exit(main())
