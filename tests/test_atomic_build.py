"""A build replaces the site whole or not at all, and builds into one folder take turns (sitedir.py).

Real `mkdocs build` runs. Failures mid-build come from a second hook, loaded with the project's own
through a config that INHERITs mkdocs.yml: the project has no code path for tests.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from bangvang import sitedir
from sitebuild import FIXTURE_DATA, REPO, SEED_DATA, digest

# Fixed date and address: two builds of the same data are byte-identical (test_reproducible.py).
ENV = {"SOURCE_DATE_EPOCH": "1764288000", "BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/",
       "NO_MKDOCS_2_WARNING": "1"}
DEBRIS = re.compile(r"\.site\.(?:(?:tmp|old)-[0-9a-f]{8}|lock)")

# Fails or stops on the 5th page, after 4 pages were written into the build's folder.
FAULTY_HOOK = '''
import os, time
from pathlib import Path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

MODE, MARK = os.environ.get("FAULTY_MODE", ""), os.environ.get("FAULTY_MARK", "")
seen = 0

def on_post_page(output, page, config, **kwargs):
    global seen
    seen += 1
    if seen != 5:
        return output
    if MODE == "raise":
        raise PluginError("lỗi giả giữa chừng")
    if MODE == "crash":
        raise RuntimeError("crash in the middle")
    if MODE == "warn":
        get_plugin_logger("faulty").warning("cảnh báo giả giữa chừng")  # as a hook logs, on either engine
    if MODE == "pause":
        Path(MARK).touch()
        deadline = time.monotonic() + 120
        while not Path(MARK + ".go").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    return output
'''


def _config(tmp_path, faulty: bool = True):
    """mkdocs.yml with absolute paths (and the faulty hook after ours), written outside the repository."""
    hooks = [str(REPO / "hooks" / "board.py")]
    if faulty:
        (tmp_path / "faulty_hook.py").write_text(FAULTY_HOOK, encoding="utf-8")
        hooks.append(str(tmp_path / "faulty_hook.py"))
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"INHERIT: {json.dumps(str(REPO / 'mkdocs.yml'))}\n"
                      f"docs_dir: {json.dumps(str(REPO / 'docs'))}\n"
                      f"theme:\n  custom_dir: {json.dumps(str(REPO / 'overrides'))}\n"
                      f"hooks: {json.dumps(hooks)}\nwatch: []\n", encoding="utf-8")
    return config


def _start(data, site, *flags, command="build", config=None, env=None, cwd=REPO) -> subprocess.Popen:
    args = [sys.executable, "-m", "mkdocs", command, *flags, "-d", str(site)]
    if config:
        args += ["-f", str(config)]
    return subprocess.Popen(args, cwd=cwd, env={**os.environ, **ENV, "BANGVANG_DATA": str(data), **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _build(data, site, *flags, **kwargs) -> tuple[int, str]:
    proc = _start(data, site, "--strict", *flags, **kwargs)
    output, _ = proc.communicate(timeout=600)
    return proc.returncode, output


def _debris(parent) -> list[str]:
    return sorted(name for name in os.listdir(parent) if DEBRIS.fullmatch(name))


def _old_site(tmp_path):
    site = tmp_path / "site"
    (site / "phong-trao").mkdir(parents=True)
    (site / "index.html").write_text("<p>Trang cũ</p>", encoding="utf-8")
    (site / "phong-trao" / "index.html").write_text("<p>Phong trào cũ</p>", encoding="utf-8")
    (site / "da-xoa.html").write_text("<p>Trang đã bỏ khỏi dữ liệu</p>", encoding="utf-8")
    return site, digest(site)


def _wait_for(path, proc, timeout=120):
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()[0]
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def lone(tmp_path_factory):
    """What a lone build of each data set writes: {data: digest}."""
    found = {}
    for data in (FIXTURE_DATA, SEED_DATA):
        site = tmp_path_factory.mktemp("lone") / "site"
        code, output = _build(data, site)
        assert code == 0, output
        found[data] = digest(site)
    return found


def test_a_build_replaces_the_old_site_whole(tmp_path, lone):
    site, _ = _old_site(tmp_path)
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")  # kept, as MkDocs does
    for leftover in (".site.tmp-0123abcd", ".site.old-89abcdef", ".other.tmp-0123abcd"):
        (tmp_path / leftover / "trang").mkdir(parents=True)
    code, output = _build(FIXTURE_DATA, site)
    assert code == 0, output
    assert not (site / "da-xoa.html").exists()
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert {k: v for k, v in digest(site).items() if not k.startswith(".git")} == lone[FIXTURE_DATA]
    assert _debris(tmp_path) == [] and (tmp_path / ".other.tmp-0123abcd").is_dir()  # only this target's
    assert "Đã xoá thư mục '.site.tmp-0123abcd'" in output


def test_bad_data_leaves_the_old_site_untouched(tmp_path):
    site, before = _old_site(tmp_path)
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "co-quan.yml").write_text("- id: ubnd\n  ten: [không đóng ngoặc\n", encoding="utf-8")
    code, output = _build(data, site)
    assert code != 0 and "Traceback" not in output
    assert "co-quan.yml" in output
    assert digest(site) == before
    assert _debris(tmp_path) == []


@pytest.mark.parametrize("mode", ["raise", "crash", "warn"])
def test_a_build_failing_midway_leaves_the_old_site_untouched(tmp_path, mode):
    """An error of a hook, a plain exception, a warning that --strict fails after the last on_post_build."""
    site, before = _old_site(tmp_path)
    code, output = _build(FIXTURE_DATA, site, config=_config(tmp_path), env={"FAULTY_MODE": mode})
    assert code != 0
    assert {"raise": "lỗi giả giữa chừng", "crash": "crash in the middle", "warn": "in strict mode"}[mode] in output
    assert digest(site) == before
    assert _debris(tmp_path) == []


def test_a_killed_build_leaves_the_old_site_and_the_next_build_cleans_up(tmp_path, lone):
    site, before = _old_site(tmp_path)
    mark = tmp_path / "paused"
    proc = _start(FIXTURE_DATA, site, config=_config(tmp_path), env={"FAULTY_MODE": "pause", "FAULTY_MARK": str(mark)})
    try:
        _wait_for(mark, proc)
        (temp,) = tmp_path.glob(".site.tmp-*")
        assert len(list(temp.rglob("index.html"))) >= 4  # killed while writing pages
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    assert digest(site) == before
    assert temp.is_dir()  # what the next build has to clean
    code, output = _build(FIXTURE_DATA, site)
    assert code == 0, output
    assert digest(site) == lone[FIXTURE_DATA]
    assert _debris(tmp_path) == []


def test_ctrl_c_removes_the_unfinished_folder(tmp_path):
    site, before = _old_site(tmp_path)
    mark = tmp_path / "paused"
    proc = _start(FIXTURE_DATA, site, config=_config(tmp_path), env={"FAULTY_MODE": "pause", "FAULTY_MARK": str(mark)})
    _wait_for(mark, proc)
    assert len(_debris(tmp_path)) == 2  # the build's folder and its lock
    proc.send_signal(signal.SIGINT)
    output, _ = proc.communicate(timeout=60)
    assert proc.returncode != 0, output
    assert digest(site) == before
    assert _debris(tmp_path) == []


@pytest.mark.parametrize("kind", ["file", "link"])
def test_a_site_that_is_not_a_folder_is_refused(tmp_path, kind):
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("giữ nguyên", encoding="utf-8")
    if kind == "file":
        site.write_text("không phải trang web", encoding="utf-8")
    else:
        site.symlink_to(elsewhere, target_is_directory=True)
    code, output = _build(FIXTURE_DATA, site)
    assert code != 0 and "Traceback" not in output
    assert f"'{site}' là {'một tệp' if kind == 'file' else 'một liên kết'}" in output, output
    assert "không phải thư mục" in output and "-d" in output
    if kind == "file":
        assert site.read_text(encoding="utf-8") == "không phải trang web"
    else:
        assert site.is_symlink() and os.readlink(site) == str(elsewhere)
    assert digest(elsewhere) == {"a.txt": hashlib.sha256("giữ nguyên".encode()).hexdigest()}
    assert sorted(os.listdir(tmp_path)) == ["elsewhere", "site"]  # not even a lock file


def test_two_builds_at_once_take_turns(tmp_path, lone):
    site = tmp_path / "site"
    procs = [_start(data, site, "--strict") for data in (FIXTURE_DATA, SEED_DATA)]
    outputs = [proc.communicate(timeout=600)[0] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    assert digest(site) in (lone[FIXTURE_DATA], lone[SEED_DATA])  # one build's site, not a mix
    assert _debris(tmp_path) == []


def test_a_second_build_waits_for_the_first(tmp_path, lone):
    site, before = _old_site(tmp_path)
    mark = tmp_path / "paused"
    first = _start(FIXTURE_DATA, site, config=_config(tmp_path), env={"FAULTY_MODE": "pause", "FAULTY_MARK": str(mark)})
    _wait_for(mark, first)
    second = _start(SEED_DATA, site, "--strict")
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(second.stdout), daemon=True).start()
    deadline = time.monotonic() + 120
    while not any("chờ lần đó xong" in line for line in lines):
        assert second.poll() is None and time.monotonic() < deadline, "".join(lines)
        time.sleep(0.05)
    assert len(list(tmp_path.glob(".site.tmp-*"))) == 1  # the second has not started writing
    assert digest(site) == before
    (tmp_path / "paused.go").touch()
    assert first.wait(timeout=600) == 0, first.communicate()[0]
    assert second.wait(timeout=600) == 0, "".join(lines)
    assert digest(site) == lone[SEED_DATA]  # the second ran after the first
    assert _debris(tmp_path) == []


def test_a_dirty_build_writes_in_place(tmp_path):
    """--dirty keeps the old files on purpose (MkDocs' meaning): no folder beside, no swap."""
    site, _ = _old_site(tmp_path)
    proc = _start(FIXTURE_DATA, site, "--dirty", "--no-strict")  # MkDocs warns about every dirty build
    output, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, output
    assert (site / "da-xoa.html").exists() and (site / "gioi-thieu" / "index.html").exists()
    assert "--dirty: dựng thẳng vào" in output
    assert _debris(tmp_path) == []


def test_gh_deploy_publishes_the_swapped_folder(tmp_path, lone):
    """gh-deploy reads config.site_dir after the build: it must name the real folder again."""
    work, remote = tmp_path / "kho", tmp_path / "remote.git"
    git = ["git", "-c", "user.name=Cán bộ", "-c", "user.email=canbo@example.org", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q", "--bare", str(remote)], check=True)
    subprocess.run([*git, "init", "-q", str(work)], check=True)
    subprocess.run([*git, "-C", str(work), "commit", "-q", "--allow-empty", "-m", "đầu"], check=True)
    subprocess.run([*git, "-C", str(work), "remote", "add", "origin", str(remote)], check=True)
    site, _ = _old_site(work)
    env = {"GIT_COMMITTER_NAME": "Cán bộ", "GIT_COMMITTER_EMAIL": "canbo@example.org"}
    proc = _start(FIXTURE_DATA, site, "--strict", command="gh-deploy", config=_config(work, faulty=False),
                  env=env, cwd=work)
    output, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, output
    assert f"Copying '{site}' to 'gh-pages'" in output
    listed = subprocess.run(["git", "-C", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"],
                            capture_output=True, text=True, check=True).stdout.split()
    assert set(listed) - {".nojekyll"} == set(lone[FIXTURE_DATA]) == set(digest(site))


def test_the_lock_is_held_until_released(tmp_path):
    """In one process too: flock belongs to each opened file, so a second acquire waits."""
    target = tmp_path / "site"
    first = sitedir.acquire(target)
    got = []
    waiter = threading.Thread(target=lambda: got.append(sitedir.acquire(target)))
    waiter.start()
    waiter.join(0.5)
    assert waiter.is_alive() and got == []
    sitedir.unlock(first)  # removes the file the waiter holds open: it must lock the new one
    waiter.join(10)
    assert got and got[0] is not None
    assert os.path.samestat(os.fstat(got[0][0]), os.stat(tmp_path / ".site.lock"))
    sitedir.unlock(got[0])
    assert os.listdir(tmp_path) == []
