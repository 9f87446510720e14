"""Check data/ without building the site: `python -m bangvang.check [data]`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .load import load
from .model import build_board


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bangvang.check", description="Kiểm tra dữ liệu bảng vàng.")
    parser.add_argument("data", nargs="?", default="data", help="thư mục dữ liệu (mặc định: data)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    data, issues = load(Path(args.data))
    build_board(data, issues)
    if issues.items:
        print(issues.report())
    elapsed = time.perf_counter() - started
    print(f"Đã kiểm tra {len(data.files)} tệp, {data.count()} mục: "
          f"{len(issues.errors)} lỗi, {len(issues.warnings)} cảnh báo ({elapsed:.2f} giây).")
    return 1 if issues.errors else 0


if __name__ == "__main__":
    sys.exit(main())
