"""Nothing lost: a record once published cannot disappear unless its removal is declared in the data.

The last tests run the checker with `--base` in a real git repository made in tmp_path: a pull request
that deletes a record together with its line in da-cong-bo.yml, or together with the whole list, fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date

from bangvang.public import load_view

from datatree import write_tree
from sitebuild import FIXTURE_DATA, SEED_DATA, build_site, visible_text

TODAY = date(2026, 11, 28)
EXTRA = "- id: 9-tb-ubnd-2024\n  loai: thong_bao\n  so_ky_hieu: 9/TB-UBND\n  ngay: 02/01/2024\n  co_quan_ban_hanh: ubnd-xa\n"


def manifest(data) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bangvang.manifest", str(data)], capture_output=True, text=True)


def published_tree(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "van-ban" / "them.yml").write_text(EXTRA, encoding="utf-8")
    assert manifest(data).returncode == 0
    assert "  - 9-tb-ubnd-2024" in (data / "da-cong-bo.yml").read_text(encoding="utf-8")
    return data


def test_committed_manifests_are_current():
    for data in (FIXTURE_DATA, SEED_DATA):
        board, issues = load_view(data, today=TODAY)
        assert board is not None and not issues.errors, issues.report()


def test_an_undeclared_removal_stops_the_build(tmp_path):
    data = published_tree(tmp_path)
    (data / "van-ban" / "them.yml").unlink()
    board, issues = load_view(data, today=TODAY)
    assert board is None
    lines = (data / "da-cong-bo.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index("  - 9-tb-ubnd-2024") + 1
    assert [(i.code, i.position.path, i.position.line) for i in issues.errors] == \
        [("mat-du-lieu", "data/da-cong-bo.yml", line)]
    build = build_site(data, tmp_path / "site")
    assert build.returncode != 0 and "mat-du-lieu" in build.output
    # Regenerating the list cannot hide the loss either.
    refused = manifest(data)
    assert refused.returncode == 1 and "van_ban: 9-tb-ubnd-2024" in refused.stderr


def test_a_declared_removal_passes_and_is_logged(tmp_path):
    data = published_tree(tmp_path)
    (data / "van-ban" / "them.yml").unlink()
    (data / "da-go.yml").write_text("- id: 9-tb-ubnd-2024\n  loai: van_ban\n  ngay: 03/01/2024\n"
                                    "  ly_do: Thông báo ghi nhầm, đã thu hồi.\n", encoding="utf-8")
    board, issues = load_view(data, today=TODAY)
    assert board is not None, issues.report()
    build = build_site(data, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "03/01/2024 — Văn bản và báo cáo: Thông báo ghi nhầm, đã thu hồi." in visible_text(build.page("gioi-thieu/"))
    assert manifest(data).returncode == 0
    assert "9-tb-ubnd-2024" not in (data / "da-cong-bo.yml").read_text(encoding="utf-8")


def test_a_damaged_manifest_line_is_an_error_not_a_crash(tmp_path):
    # Two lines merged by a careless edit: "- 9-tb-ubnd-2024" followed by "khen_thuong:" at the
    # item's indentation makes the item a mapping. The checker used to crash (unhashable list).
    data = published_tree(tmp_path)
    path = data / "da-cong-bo.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index("  - 9-tb-ubnd-2024")
    lines[at] = "  - 9-tb-ubnd-2024:"
    lines.insert(at + 1, "      - x")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    board, issues = load_view(data, today=TODAY)
    assert board is None
    assert [(i.code, i.position.path, i.position.line) for i in issues.errors] == \
        [("sai-kieu", "data/da-cong-bo.yml", at + 1)]


# --- against the base branch: `python -m bangvang.check data --base REF`, as CI runs it on a pull request ---

BASE_EXTRA = ("- id: 9-tb-ubnd-2024\n  loai: thong_bao\n  so_ky_hieu: 9/TB-UBND\n  ngay: 02/01/2024\n"
              "  co_quan_ban_hanh: ubnd-phuong\n")
DECLARED = "- id: 9-tb-ubnd-2024\n  loai: van_ban\n  ngay: 03/01/2024\n  ly_do: Thông báo ghi nhầm, đã thu hồi.\n"


def git(repo, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Kiểm thử", "-c", "user.email=kiem-thu@example.org",
                           "-c", "commit.gpgsign=false", *args], cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def commit(repo, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def check(cwd, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bangvang.check", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, env=env)


def published_repository(tmp_path, folder: str = ""):
    """A git repository whose main branch has a valid data tree and its list of published ids (in
    `folder`/data), with a branch `sua` checked out: (repository, data folder)."""
    repo = tmp_path / "kho"
    data = write_tree(repo / folder, {"van-ban/them.yml": BASE_EXTRA})
    assert manifest(data).returncode == 0
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Dữ liệu đã công bố")
    git(repo, "switch", "-q", "-c", "sua")
    return repo, data


def drop_line(data, line: str = "  - 9-tb-ubnd-2024") -> None:
    path = data / "da-cong-bo.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.remove(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def reported(done: subprocess.CompletedProcess) -> list[tuple[str, str, int]]:
    return [(i["code"], i["path"], i["line"]) for i in json.loads(done.stdout)["issues"]]


def test_base_catches_a_record_dropped_with_its_line(tmp_path):
    repo, data = published_repository(tmp_path)
    base_line = (data / "da-cong-bo.yml").read_text(encoding="utf-8").splitlines().index("  - 9-tb-ubnd-2024") + 1
    (data / "van-ban" / "them.yml").unlink()
    drop_line(data)
    commit(repo, "Xoá một thông báo và dòng của nó")
    assert check(repo, "data").returncode == 0  # the working list alone cannot see it: the hole this closes
    done = check(repo, "data", "--base", "main", "--format", "json")
    assert done.returncode == 1, done.stdout + done.stderr
    section = (data / "da-cong-bo.yml").read_text(encoding="utf-8").splitlines().index("van_ban:") + 1
    assert reported(done) == [("mat-du-lieu", "data/da-cong-bo.yml", section)]
    message = json.loads(done.stdout)["issues"][0]["message"]
    assert f"dòng {base_line} của data/da-cong-bo.yml trên nhánh gốc (main)" in message, message
    assert "9-tb-ubnd-2024" in message and "data/da-go.yml" in json.loads(done.stdout)["issues"][0]["hint"]


def test_base_catches_a_deleted_list_with_its_records(tmp_path):
    repo, data = published_repository(tmp_path)
    (data / "van-ban" / "them.yml").unlink()
    (data / "da-cong-bo.yml").unlink()
    commit(repo, "Xoá danh sách và một thông báo")
    assert check(repo, "data").returncode == 0
    done = check(repo, "data", "--base", "main", "--format", "json")
    assert done.returncode == 1, done.stdout + done.stderr
    assert reported(done) == [("mat-du-lieu", "data", 1)]  # the list is gone: the error is on the data folder
    assert "tệp da-cong-bo.yml cũng đã bị xoá" in json.loads(done.stdout)["issues"][0]["message"]


def test_a_declared_removal_passes_against_the_base(tmp_path):
    repo, data = published_repository(tmp_path)
    (data / "van-ban" / "them.yml").unlink()
    drop_line(data)
    (data / "da-go.yml").write_text(DECLARED, encoding="utf-8")
    commit(repo, "Gỡ một thông báo, có khai báo")
    done = check(repo, "data", "--base", "main")
    assert done.returncode == 0, done.stdout + done.stderr


def test_dropping_the_line_of_a_record_still_in_the_data_is_harmless(tmp_path):
    repo, data = published_repository(tmp_path)
    drop_line(data)
    done = check(repo, "data", "--base", "main")  # uncommitted: the working tree is what is checked
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_base_without_a_list_is_fine(tmp_path):
    repo = tmp_path / "kho"
    data = write_tree(repo)  # a new repository: nothing published yet
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Dữ liệu đầu tiên, chưa có danh sách")
    git(repo, "switch", "-q", "-c", "them-danh-sach")
    assert manifest(data).returncode == 0
    done = check(repo, "data", "--base", "main")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_branch_behind_the_base_is_judged_where_it_left_it(tmp_path):
    # main publishes a record after the branch started: the branch does not have it and lost nothing.
    repo, data = published_repository(tmp_path)
    git(repo, "switch", "-q", "main")
    (data / "van-ban" / "moi.yml").write_text(BASE_EXTRA.replace("9-tb-ubnd-2024", "10-tb-ubnd-2024")
                                              .replace("9/TB", "10/TB"), encoding="utf-8")
    assert manifest(data).returncode == 0
    commit(repo, "Công bố thêm một thông báo")
    git(repo, "switch", "-q", "sua")
    assert check(repo, "data", "--base", "main").returncode == 0
    (data / "van-ban" / "them.yml").unlink()
    drop_line(data)
    done = check(repo, "data", "--base", "main")
    assert done.returncode == 1 and "mat-du-lieu" in done.stdout
    fork = git(repo, "merge-base", "main", "HEAD").strip()[:7]
    assert f"trên nhánh gốc (main, commit {fork})" in done.stdout, done.stdout


def test_a_data_folder_below_the_repository_root(tmp_path):
    # The path in the base commit is computed from the repository's root, wherever the command runs.
    repo, data = published_repository(tmp_path, "bang-vang")
    (data / "van-ban" / "them.yml").unlink()
    drop_line(data)
    done = check(tmp_path, str(data), "--base", "main")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "của bang-vang/data/da-cong-bo.yml trên nhánh gốc (main)" in done.stdout, done.stdout


def test_ci_command_annotates_the_list_on_the_pull_request(tmp_path):
    repo, data = published_repository(tmp_path)
    (data / "van-ban" / "them.yml").unlink()
    drop_line(data)
    commit(repo, "Xoá một thông báo và dòng của nó")
    done = check(repo, "data", "--format", "github", "--changed-since", "main", "--base", "main")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "::error file=data/da-cong-bo.yml,line=" in done.stdout and "title=mat-du-lieu" in done.stdout


def test_an_unknown_base_no_repository_or_no_git_is_a_message(tmp_path):
    repo, _ = published_repository(tmp_path)
    done = check(repo, "data", "--base", "origin/khong-co")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "Không tìm thấy nhánh hoặc commit 'origin/khong-co'" in done.stderr, done.stderr
    alone = write_tree(tmp_path / "rieng")
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path)}
    done = check(tmp_path / "rieng", "data", "--base", "main", env=env)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"'{alone.name}' không nằm trong một kho git" in done.stderr, done.stderr
    empty = tmp_path / "khong-co-git"
    empty.mkdir()
    done = check(repo, "data", "--base", "main", env={**os.environ, "PATH": str(empty)})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "Không chạy được git" in done.stderr and "Cài Git" in done.stderr, done.stderr
