"""`mkdocs serve` in a real browser: live reload runs under the pages' Content-Security-Policy, broken
data brings the error overlay onto the open page by itself, and the fix takes it away."""

from __future__ import annotations

import shutil

from servekit import BROKEN_FILE, Server, break_data, free_port
from sitebuild import FIXTURE_DATA


def test_the_open_page_shows_the_errors_and_then_the_fix_without_a_reload(browser, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    port = free_port()
    server = Server(data, port)
    page = browser.new_page(viewport={"width": 360, "height": 740})
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text
            else None)
    try:
        seen = server.wait_for("Serving on")
        page.goto(f"http://127.0.0.1:{port}/khen-thuong/")
        fix = break_data(data)
        overlay = page.locator("#bv-loi-xem-truoc")
        overlay.wait_for(state="visible", timeout=60_000)  # live reload fetched the page again, by itself
        assert BROKEN_FILE in overlay.inner_text() and "nam: 2099" in overlay.inner_text()
        assert page.locator("h1").first.is_visible()  # the last good page is still there, under the errors
        page.screenshot(path=str(tmp_path / "overlay-360.png"))
        seen = server.wait_for("Reloading browsers", seen)
        fix()
        overlay.wait_for(state="detached", timeout=60_000)
        assert blocked == []
    finally:
        page.close()
        server.stop()
