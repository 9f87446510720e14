"""Live preview: `mkdocs serve` rebuilds on data changes; while data is broken it answers at once with the
last good pages and the errors over them (src/bangvang/preview.py), and never stops."""

from __future__ import annotations

import logging
import shutil

from mkdocs.exceptions import Abort

from bangvang.csp import read_policy, sha256_source
from bangvang.preview import STYLE, Preview
from servekit import BROKEN_FILE, OVERLAY, Server, break_data, free_port, get
from sitebuild import FIXTURE_DATA


def test_broken_data_shows_over_the_last_good_pages_at_once(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    port = free_port()
    server = Server(data, port)
    try:
        seen = server.wait_for("Serving on")
        status, page, _ = get(port, "/khen-thuong/")
        assert status == 200 and OVERLAY not in page
        fix = break_data(data)
        seen = server.wait_for("Reloading browsers", seen)  # the failed rebuild is done: nothing waits on it
        for path in ("/khen-thuong/", "/", "/khong-co-trang-nay/"):
            status, page, seconds = get(port, path)
            assert seconds < 1, f"{path} took {seconds:.1f} s"
            assert OVERLAY in page and "ngay-trong-tuong-lai" in page and BROKEN_FILE in page, path
        assert status == 404 and "Khen thưởng" in get(port, "/khen-thuong/")[1]  # the last good page, under it
        fix()
        server.wait_for("Reloading browsers", seen)
        status, page, _ = get(port, "/khen-thuong/")
        assert status == 200 and OVERLAY not in page and "Khen thưởng" in page
        assert server.proc.poll() is None and not any("Traceback" in line for line in server.lines)
    finally:
        server.stop()


def test_serve_started_on_broken_data_lists_the_errors_then_shows_the_site(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    fix = break_data(data)
    port = free_port()
    server = Server(data, port)
    try:
        seen = server.wait_for("Serving on")
        status, page, seconds = get(port, "/")
        assert status == 404 and seconds < 1 and OVERLAY in page and BROKEN_FILE in page
        assert "nam: 2099" in page  # the line itself, as the checker prints it
        fix()
        server.wait_for("Reloading browsers", seen)
        status, page, _ = get(port, "/")
        assert status == 200 and OVERLAY not in page
    finally:
        server.stop()


def test_a_crash_in_the_build_shows_a_short_message_and_a_good_build_clears_it():
    state = Preview()

    def crash():
        raise RuntimeError("hỏng ở bước tạo ảnh")

    state.builder(crash)()  # returns: the server's build loop goes on
    # as built: no script-src or style-src (they fall back to default-src); serving adds them with the hashes
    page = b"""<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'">"""
    page += "</head><body><p>Trang cũ</p><script>reload()</script></body></html>".encode("utf-8")
    shown = state.decorate(page, ["reload()"]).decode("utf-8")
    assert OVERLAY in shown and "RuntimeError: hỏng ở bước tạo ảnh" in shown and "Trang cũ" in shown
    policy = read_policy(shown)
    assert policy["script-src"] == ["'self'", sha256_source("reload()")]
    assert policy["style-src"] == ["'self'", sha256_source(STYLE)] and policy["default-src"] == ["'self'"]
    assert shown.index(OVERLAY) < shown.index("</body>")
    state.builder(lambda: None)()
    shown = state.decorate(page, ["reload()"]).decode("utf-8")
    assert OVERLAY not in shown and sha256_source("reload()") in read_policy(shown)["script-src"]


def test_what_the_build_logged_before_it_stopped_is_on_the_overlay():
    """MkDocs ends a failed build with 'Aborted with a BuildError!': the reason was logged before it."""
    state = Preview()

    def build():
        logging.getLogger("mkdocs.plugins.bangvang").error("Không xử lý được ảnh 'data/anh/lan.jpg' khi tạo trang web.")
        raise Abort("Aborted with a BuildError!")

    state.builder(build)()
    assert "Không xử lý được ảnh 'data/anh/lan.jpg'" in state.failure.report
    assert state.failure.report.endswith("Aborted with a BuildError!")
    assert not [h for h in logging.getLogger("mkdocs").handlers if type(h).__name__ == "_Said"]  # removed after
