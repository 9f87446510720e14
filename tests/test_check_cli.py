"""`python -m bangvang.check <dir>` as an officer or CI runs it: a real subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from datatree import write_tree

# Numbers are written the Vietnamese way: 7.273 mục, 0,84 giây.
SUMMARY = re.compile(r"^Đã kiểm tra ([\d.]+) tệp, ([\d.]+) mục: ([\d.]+) lỗi, ([\d.]+) cảnh báo \(\d+,\d+ giây\)\.$", re.M)
PROGRESS = re.compile(r"^Đang đọc dữ liệu: ([\d.]+)/([\d.]+) tệp, ([\d.]+) mục…$", re.M)


def counts(match: re.Match) -> tuple[int, ...]:
    return tuple(int(g.replace(".", "")) for g in match.groups())
HEADLINE = re.compile(r"^(data/[^\s:]+):(\d+):(\d+): ([a-z0-9-]+): .+$", re.M)


def run_check(cwd, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bangvang.check", *args],
        cwd=cwd, capture_output=True, timeout=120, env=env or os.environ.copy(),
    )


def text(stream: bytes) -> str:
    return stream.decode("utf-8")  # strict: the output itself must be valid UTF-8


def test_valid_tree_exits_0_with_a_summary(tmp_path):
    write_tree(tmp_path)
    done = run_check(tmp_path, "data")
    out = text(done.stdout)
    assert done.returncode == 0, out + text(done.stderr)
    match = SUMMARY.search(out)
    assert match, out
    files, records, errors, warnings = counts(match)
    # 7 data files; 1 unit + 2 bodies + 1 document + 1 report + 1 movement + 2 recipients + 1 award.
    assert (files, records, errors, warnings) == (7, 9, 0, 0)
    assert not HEADLINE.search(out)
    assert "Traceback" not in out + text(done.stderr)


def test_default_folder_is_data(tmp_path):
    write_tree(tmp_path)
    done = run_check(tmp_path)
    assert done.returncode == 0, text(done.stdout) + text(done.stderr)
    assert SUMMARY.search(text(done.stdout))


def test_broken_tree_exits_1_listing_every_error(tmp_path):
    write_tree(tmp_path, {
        "van-ban/2022.yml": "- id: abc\n  loai: van_ban_khac\n  ten: A\n  ngay: 30/02/2024\n",
        "doi-tuong/them.yml": b"- id: a1\n  loai: tap_the\n  ten: T\xe9\n",
        "khen-thuong/2024.yml": ("- id: k1\n  doi_tuong: nguyen-van-ann\n  hinh_thuc: giay_khen\n"
                                 "  nam: 2024\n  trang_thai: da_tang\n"),
    })
    done = run_check(tmp_path, "data")
    out, err = text(done.stdout), text(done.stderr)
    assert done.returncode == 1, out + err
    assert "Traceback" not in out + err
    headlines = {(m[1], int(m[2]), int(m[3]), m[4]) for m in HEADLINE.finditer(out)}
    assert ("data/van-ban/2022.yml", 4, 9, "ngay-khong-ton-tai") in headlines, out
    assert ("data/doi-tuong/them.yml", 3, 9, "khong-phai-utf8") in headlines, out
    assert ("data/khen-thuong/2024.yml", 2, 14, "ma-khong-ton-tai") in headlines, out
    summary = SUMMARY.search(out)
    assert summary, out
    assert counts(summary)[2] == len(headlines) >= 3
    # The offending line is quoted with a caret under the column, then a hint.
    assert "    4 |   ngay: 30/02/2024\n      |         ^\n" in out
    assert "gợi ý: " in out


def test_headlines_are_sorted_by_path_then_line(tmp_path):
    write_tree(tmp_path, {
        "van-ban/2022.yml": "- id: abc\n  loai: ke_hoachh\n  ten: A\n  ngay: 30/02/2024\n",
        "co-quan.yml": "- id: X\n  ten: A\n  cap: xa\n",
    })
    done = run_check(tmp_path, "data")
    assert done.returncode == 1
    found = [(m[1], int(m[2]), int(m[3])) for m in HEADLINE.finditer(text(done.stdout))]
    assert len(found) >= 3
    assert found == sorted(found)


def test_missing_folder_exits_1_without_traceback(tmp_path):
    done = run_check(tmp_path, "khong-co")
    out, err = text(done.stdout), text(done.stderr)
    assert done.returncode == 1
    assert "khong-co-thu-muc" in out
    assert "Traceback" not in out + err


@pytest.mark.parametrize("locale", ["C", "C.UTF-8"])
def test_vietnamese_output_survives_a_plain_locale(tmp_path, locale):
    # CI and officers' terminals may run with LANG=C; the Vietnamese report must still print.
    write_tree(tmp_path, {"van-ban/2022.yml": "- id: abc\n  loai: van_ban_khac\n  ten: Bà: Lan\n"})
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIOENCODING", "PYTHONUTF8"))}
    env.update(LC_ALL=locale, LANG=locale)
    done = run_check(tmp_path, "data", env=env)
    out, err = text(done.stdout), text(done.stderr)
    assert done.returncode == 1, out + err
    assert "Traceback" not in out + err
    assert "data/van-ban/2022.yml:3:10: yaml-cu-phap: " in out
    assert "Đã kiểm tra" in out


# -- progress and the summary line ---------------------------------------------------------

def test_a_quick_check_prints_no_progress_and_ends_with_the_summary(tmp_path):
    write_tree(tmp_path)
    done = run_check(tmp_path, "data")
    out, err = text(done.stdout), text(done.stderr)
    assert err == ""  # progress starts only after a few seconds
    assert SUMMARY.fullmatch(out.rstrip("\n").split("\n")[-1]), out


def test_progress_goes_to_stderr_file_by_file(tmp_path):
    write_tree(tmp_path)
    done = run_check(tmp_path, "data", "--progress-every", "0")
    out, err = text(done.stdout), text(done.stderr)
    assert done.returncode == 0, out + err
    steps = [counts(m) for m in PROGRESS.finditer(err)]
    # 7 data files, read in order; the count of records grows to all 9.
    assert [s[:2] for s in steps] == [(n, 7) for n in range(1, 8)], err
    assert [s[2] for s in steps] == sorted(s[2] for s in steps) and steps[-1][2] == 9
    assert err.rstrip("\n").split("\n")[-1] == "Đang kiểm tra liên kết giữa 9 mục…"
    assert "Đang" not in out
    assert SUMMARY.fullmatch(out.rstrip("\n").split("\n")[-1]), out


def test_json_output_stays_pure_json_with_progress_and_summary_on_stderr(tmp_path):
    write_tree(tmp_path, {"van-ban/2022.yml": "- id: abc\n  loai: van_ban_khac\n  ten: A\n  ngay: 30/02/2024\n"})
    done = run_check(tmp_path, "data", "--format", "json", "--progress-every", "0")
    out, err = text(done.stdout), text(done.stderr)
    assert done.returncode == 1
    payload = json.loads(out)  # the whole of stdout, nothing else
    assert payload["files"] == 8 and payload["errors"] >= 1
    assert any(i["code"] == "ngay-khong-ton-tai" for i in payload["issues"])
    assert PROGRESS.search(err)
    last = err.rstrip("\n").split("\n")[-1]
    match = SUMMARY.fullmatch(last)
    assert match, err
    assert counts(match)[0] == payload["files"] and counts(match)[2] == payload["errors"]


def test_github_output_keeps_annotations_on_stdout_and_progress_on_stderr(tmp_path):
    write_tree(tmp_path, {"van-ban/2022.yml": "- id: abc\n  loai: van_ban_khac\n  ten: A\n  ngay: 30/02/2024\n"})
    done = run_check(tmp_path, "data", "--format", "github", "--progress-every", "0")
    out, err = text(done.stdout), text(done.stderr)
    lines = out.rstrip("\n").split("\n")
    assert all(line.startswith("::") for line in lines[:-1]), out
    assert SUMMARY.fullmatch(lines[-1]), out
    assert PROGRESS.search(err) and "::" not in err


def test_large_counts_use_the_vietnamese_thousands_separator(tmp_path):
    people = "".join(f"- id: tap-the-{n}\n  loai: tap_the\n  ten: Tổ {n}\n" for n in range(1200))
    write_tree(tmp_path, {"doi-tuong/nhieu.yml": people})
    done = run_check(tmp_path, "data", "--progress-every", "0")
    out, err = text(done.stdout), text(done.stderr)
    assert done.returncode == 0, out + err
    assert "8 tệp, 1.209 mục: 0 lỗi, 0 cảnh báo (" in out
    assert "Đang kiểm tra liên kết giữa 1.209 mục…" in err
    assert re.search(r"^Đang đọc dữ liệu: \d/8 tệp, 1\.2\d\d mục…$", err, re.M), err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_data_is_a_located_error_not_a_hang(tmp_path):
    write_tree(tmp_path)
    os.mkfifo(tmp_path / "data" / "doi-tuong" / "them.yml")  # reading it would block forever
    done = run_check(tmp_path, "data")  # times out (a failure) if the checker opens it
    out = text(done.stdout)
    assert done.returncode == 1, out
    assert "data/doi-tuong/them.yml:1:1: tep-dac-biet:" in out, out
    assert "Traceback" not in out + text(done.stderr)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_cannot_start_a_line_of_the_report(tmp_path, fmt):
    write_tree(tmp_path)
    evil = "x\n::error file=README.md::forged\n.yml"
    try:
        (tmp_path / "data" / "doi-tuong" / evil).write_text("- id: a\n  ten: [\n", encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses line breaks in names")
    done = run_check(tmp_path, "data", "--format", fmt)
    out = text(done.stdout)
    assert done.returncode == 1, out
    assert "ten-tep-ky-tu-la" in out, out
    commands = [line for line in out.splitlines() if line.startswith("::")]
    ours = ("::error file=data/", "::warning file=data/", "::notice file=data/")
    assert all(line.startswith(ours) for line in commands), out  # no forged "::error file=README.md"
    assert (fmt == "github") == bool(commands), "the text report has no line a runner would take for a command"


def test_names_that_are_one_file_on_windows_and_macos(tmp_path):
    write_tree(tmp_path, {"doi-tuong/Them.yml": "- id: a1\n  loai: tap_the\n  ten: Tổ A\n",
                          "doi-tuong/them.yml": "- id: a2\n  loai: tap_the\n  ten: Tổ B\n"})
    done = run_check(tmp_path, "data")
    out = text(done.stdout)
    assert done.returncode == 1, out
    assert "ten-tep-trung" in out and "Them.yml" in out and "them.yml" in out, out
