"""Every command speaks Vietnamese: --help, the usage line and usage errors (real subprocesses).

argparse writes "usage:", "options:", "error: the following arguments are required" in English;
the commands build their parsers with bangvang.cli, which says all of it in Vietnamese, exits with
code 2 on a usage error and tells where to find help.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from bangvang import cli

ENGLISH = re.compile(r"usage|options|positional arguments|error:|required|unrecognized|invalid choice|"
                     r"show this help|expected (?:one|at)|argument", re.I)
COMMANDS = [
    ["bangvang.check"],
    ["bangvang.new"],
    ["bangvang.new", "phong-trao"],
    ["bangvang.new", "doi-tuong"],
    ["bangvang.manifest"],
    ["bangvang.editor_schema"],
    ["bangvang.import_report"],
    ["bangvang.draft"],
]


def run(cwd, module: list[str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *module, *args], cwd=cwd, capture_output=True, timeout=120)


def english(text: str) -> list[str]:
    return ENGLISH.findall(text)


@pytest.mark.parametrize("module", COMMANDS, ids=" ".join)
def test_help_is_vietnamese(tmp_path, module):
    done = run(tmp_path, module, "--help")
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert out.startswith(f"Cách dùng: python -m {' '.join(module)} [-h]"), out
    assert "tùy chọn:" in out and "-h, --help" in out and cli.HELP in out
    assert english(out) == [], out


# What each command needs besides the bad option, so that the bad option is what it reports
# (argparse reports a missing required argument first).
NEEDED = {"bangvang.new": ["phong-trao", "--ten", "Thi đua"], "bangvang.new phong-trao": ["--ten", "Thi đua"],
          "bangvang.new doi-tuong": ["--loai", "ca_nhan", "--ten", "Lan"], "bangvang.import_report": ["bao-cao.docx"],
          "bangvang.draft": ["--tu-nam", "2014", "--den-nam", "2023", "-o", "bao-cao.docx"]}


@pytest.mark.parametrize("module", COMMANDS, ids=" ".join)
def test_bad_option_is_a_vietnamese_usage_error(tmp_path, module):
    done = run(tmp_path, module, *NEEDED.get(" ".join(module), []), "--khong-co-tuy-chon-nay")
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert err.startswith("Cách dùng: "), err
    assert "lỗi: không hiểu tham số: --khong-co-tuy-chon-nay" in err
    assert f"python -m {module[0]}" in err and "--help` để xem hướng dẫn" in err
    assert "Traceback" not in err and english(err) == [], err
    assert done.stdout == b"" and not (tmp_path / "data").exists()


@pytest.mark.parametrize("module, args, said", [
    (["bangvang.check"], ["--format", "xml"], "lỗi: tham số --format: giá trị 'xml' không có trong danh sách"),
    (["bangvang.check"], ["--progress-every", "mot"], "lỗi: tham số --progress-every: 'mot' không phải một số"),
    (["bangvang.check"], ["--changed-since"], "lỗi: tham số --changed-since: cần một giá trị"),
    (["bangvang.new"], [], "lỗi: thiếu tham số bắt buộc: loại"),
    (["bangvang.new"], ["khen-thuong-nham"], "lỗi: tham số loại: giá trị 'khen-thuong-nham' không có trong danh sách"),
    (["bangvang.new", "phong-trao"], [], "lỗi: thiếu tham số bắt buộc: --ten"),
    (["bangvang.manifest"], ["data", "thua"], "lỗi: không hiểu tham số: thua"),
    (["bangvang.import_report"], [], "lỗi: thiếu tham số bắt buộc: TỆP.docx"),
    (["bangvang.draft"], ["--tu-nam", "hai-nghin", "--den-nam", "2023", "-o", "a.docx"],
     "lỗi: tham số --tu-nam: 'hai-nghin' không phải một số"),
    (["bangvang.draft"], ["--tu-nam", "2014"], "lỗi: thiếu tham số bắt buộc: --den-nam, -o/--ra"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_each_kind_of_usage_error_is_translated(tmp_path, module, args, said):
    done = run(tmp_path, module, *args)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert said in err, err
    assert "Traceback" not in err and english(err) == [], err


@pytest.mark.parametrize("message", [
    "the following arguments are required: --ten, --loai",
    "unrecognized arguments: --x y",
    "argument --format: invalid choice: 'x' (choose from 'text', 'json')",
    "argument --format: invalid choice: 'x' (choose from text, json)",  # Python 3.12.8+ spelling
    "argument loại: unknown parser 'x' (choices: van-ban, bao-cao)",
    "argument --data: expected one argument",
    "argument --x: expected at most one argument",
    "argument --x: expected at least one argument",
    "argument --x: expected 2 arguments",
    "argument --progress-every: invalid float value: 'a'",
    "argument --so: invalid int value: 'a'",
    "argument --ngay: invalid parse_date value: 'a'",
    "ambiguous option: --t could match --ten, --tu-nam",
    "one of the arguments --a --b is required",
    "argument --a: not allowed with argument --b",
    "argument --check: ignored explicit argument 'x'",
])
def test_argparse_messages_are_translated(message):
    said = cli.translate(message)
    assert english(said) == [] and "choose from" not in said and "could match" not in said, said


def test_an_unknown_message_is_kept():
    assert cli.translate("something new") == "something new"
