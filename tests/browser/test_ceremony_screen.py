"""The ceremony screen of every event of the second commune: its page, presented in Chromium (keys,
presenter clickers, touch, autoplay, names at least 5 % of the screen's height, axe-core clean), its
list without JavaScript, and its file that runs alone from file:// with the network cut off.
"""

from __future__ import annotations

import json
import re

import pytest

from bangvang import ceremony
from test_gates_browser import AXE_PATH, AXE_JS, run_axe
from gatekit import need_file

HALL = {"width": 1280, "height": 720}


def events(site) -> list[str]:
    """The ids of the second commune's events, from its open data."""
    data = json.loads((site / "du-lieu" / "bang-vang.json").read_text(encoding="utf-8"))
    return [event["id"] for event in data["su_kien"]]


def test_every_event_has_its_screen_and_its_file_to_run_alone(second_site):
    site = second_site.root
    ids = events(site)
    assert len(ids) >= 2
    for event in ids:
        folder = site / "su-kien" / event / "trinh-chieu"
        page = (folder / "index.html").read_text(encoding="utf-8")
        offline = (folder / f"trinh-chieu-{event}.html").read_text(encoding="utf-8")
        assert f'href="trinh-chieu-{event}.html" download' in page
        assert "bv-slide--title" in page and "bv-slide--closing" in page
        assert not re.search(r'(?:src|href)="(?!data:|#)', offline), "the file that runs alone fetches nothing"
        assert "@font-face" in offline and "data:font/ttf;base64," in offline
        head = re.search(r"<head>\s*<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">", offline)
        style = re.search(r"<style>(.*?)</style>", offline, re.S).group(1)
        script = re.search(r"<script>(.*?)</script>", offline, re.S).group(1)
        assert head and head.group(1) == ceremony.policy(style, script), "its own policy, first, hashing its code"
        assert script == ceremony.SCRIPT.read_text(encoding="utf-8")


def present(page, served, path: str):
    page.goto(served.page_url(path))
    page.wait_for_selector("[data-bv-screen-start]:not([hidden])")
    page.click("[data-bv-screen-start]")
    page.wait_for_selector(".bv-presenting")


def shown(page) -> str:
    return page.locator(".bv-slide:not([hidden])").inner_text()


def test_the_screen_moves_with_keys_clickers_touch_and_by_itself(recorded_page, second_site):
    rec = recorded_page(second_site, viewport=HALL, has_touch=True)
    page = rec.page
    page.clock.install()
    present(page, second_site, "su-kien/dai-hoi-thi-dua-yeu-nuoc-2025/trinh-chieu/")
    count = page.locator(".bv-slide").count()
    assert count >= 4 and page.locator(".bv-slide:not([hidden])").count() == 1
    first = shown(page)
    for key, expected in (("ArrowRight", 2), ("PageDown", 3), ("PageUp", 2), ("ArrowLeft", 1), ("End", count),
                          ("Home", 1)):
        page.keyboard.press(key)
        assert page.inner_text(".bv-screen__status") == f"{expected} / {count}", key
    assert shown(page) == first
    page.evaluate("""() => { const s = document.querySelector('[data-bv-screen]');
        const touch = x => [new Touch({identifier: 1, target: s, clientX: x, clientY: 300})];
        s.dispatchEvent(new TouchEvent('touchstart', {changedTouches: touch(900), bubbles: true}));
        s.dispatchEvent(new TouchEvent('touchend', {changedTouches: touch(300), bubbles: true})); }""")
    assert page.inner_text(".bv-screen__status") == f"2 / {count}"
    page.keyboard.press("a")
    page.clock.run_for(8_100)
    assert page.inner_text(".bv-screen__status") == f"3 / {count}"
    page.keyboard.press("Escape")
    assert page.locator(".bv-presenting").count() == 0 and page.locator(".bv-slide:not([hidden])").count() == count
    rec.assert_clean()


def test_names_read_from_the_back_of_the_hall(recorded_page, second_site):
    rec = recorded_page(second_site, viewport=HALL)
    present(rec.page, second_site, "su-kien/dai-hoi-thi-dua-yeu-nuoc-2025/trinh-chieu/")
    rec.page.keyboard.press("ArrowRight")
    size = rec.page.evaluate("""() => parseFloat(getComputedStyle(
        document.querySelector('.bv-slide:not([hidden]) .bv-slide__name')).fontSize) / window.innerHeight""")
    assert size >= 0.05


@pytest.mark.parametrize("presenting", [False, True])
def test_the_screen_page_is_clean_for_axe(recorded_page, second_site, presenting):
    rec = recorded_page(second_site, viewport=HALL, fulfil={AXE_PATH: need_file(AXE_JS, "npm ci --ignore-scripts")})
    path = "su-kien/hoi-nghi-dien-hinh-tien-tien-2025/trinh-chieu/"
    if presenting:
        present(rec.page, second_site, path)
        rec.page.keyboard.press("ArrowRight")
    else:
        rec.page.goto(second_site.page_url(path))
        rec.page.wait_for_selector("[data-bv-screen-start]:not([hidden])")
    violations = run_axe(rec, second_site)["violations"]
    assert not violations, json.dumps(violations, ensure_ascii=False)[:2000]


def test_without_javascript_the_screen_is_a_readable_list(recorded_page, second_site):
    rec = recorded_page(second_site, java_script_enabled=False)
    rec.page.goto(second_site.page_url("su-kien/dai-hoi-thi-dua-yeu-nuoc-2025/trinh-chieu/"))
    slides = rec.page.locator(".bv-slide")
    assert slides.count() >= 4 and all(slides.nth(i).is_visible() for i in range(slides.count()))
    assert rec.page.locator("a[download]").is_visible()


def test_the_file_runs_alone_from_file_with_the_network_off(browser, second_site, tmp_path):
    event = "hoi-nghi-dien-hinh-tien-tien-2025"
    source = second_site.root / "su-kien" / event / "trinh-chieu" / f"trinh-chieu-{event}.html"
    usb = tmp_path / "usb" / source.name  # copied alone, as onto a USB stick
    usb.parent.mkdir()
    usb.write_bytes(source.read_bytes())
    context = browser.new_context(viewport=HALL, offline=True, locale="vi-VN")
    requests, errors = [], []
    context.route("**/*", lambda route: (requests.append(route.request.url), route.continue_()
                                         if route.request.url.startswith(("file:", "data:")) else route.abort()))
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(usb.as_uri())
    page.wait_for_selector(".bv-presenting")
    assert page.inner_text(".bv-screen__status").startswith("1 / ")
    page.keyboard.press("ArrowRight")
    photo = page.locator(".bv-slide:not([hidden]) img")
    assert photo.count() == 1 and photo.evaluate("img => img.complete && img.naturalWidth > 0")
    fonts = page.evaluate("() => document.fonts.check('700 40px \"Noto Serif\"')")
    assert fonts, "the inlined font is used"
    assert not [u for u in requests if not u.startswith(("file:", "data:"))], requests
    assert not errors, errors
    context.close()
