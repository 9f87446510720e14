"""Verification in a real browser: every code of the second commune resolves on /xac-minh/, and the QR
codes drawn on paper (a person's page printed, a decision's sheet) are SVG that a real decoder
(zxing-cpp) reads back as the verification address of their own code, an address of the built site.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from PIL import Image

from bangvang import verify_index, verifycode

zxingcpp = pytest.importorskip("zxingcpp")



def all_codes(site) -> dict[str, object]:
    page = (site / "xac-minh" / "index.html").read_text(encoding="utf-8")
    prefix = int(re.search(r'data-bv-prefix="(\d)"', page).group(1))
    codes = {}
    for shard in (site / verify_index.FOLDER).glob("*.json"):
        for rest, entries in json.loads(shard.read_text(encoding="utf-8")).items():
            assert shard.stem == shard.stem[:prefix]
            codes[shard.stem + rest] = entries
    return codes


@pytest.mark.parametrize("name, least", [("bundled_site", 6), ("second_site", 10)])
def test_every_code_resolves_in_chromium(request, recorded_page, name, least):
    served = request.getfixturevalue(name)
    codes = all_codes(served.root)
    assert len(codes) >= least
    rec = recorded_page(served, viewport={"width": 360, "height": 740})
    page = rec.page
    page.goto(served.page_url("xac-minh/"))
    result = page.locator("[data-bv-verify-result]")
    for code, entries in sorted(codes.items()):
        page.evaluate("code => { window.location.hash = code; }", verifycode.shown(code))
        page.wait_for_function("c => document.querySelector('[data-bv-verify-result] h2')?.textContent.includes(c)",
                               arg=verifycode.shown(code))
        text = result.inner_text()
        expected = "đã đề nghị gỡ thông tin" if entries == [verify_index.WITHDRAWN] else "có trong bảng vàng"
        assert expected in text, f"{code}: {text}"
        if entries != [verify_index.WITHDRAWN]:
            assert entries[0][0] in text  # who, as the public view names them
    rec.assert_clean()


@pytest.mark.parametrize("typed, says", [("ZZZZZ-ZZZZZ", "Không tìm thấy mã này"),
                                         ("mã-sai", "không phải là một mã xác minh")])
def test_an_unknown_or_malformed_code_says_so_and_where_to_ask(recorded_page, second_site, typed, says):
    rec = recorded_page(second_site)
    rec.page.goto(second_site.page_url("xac-minh/"))
    rec.page.fill("#bv-ma", typed)
    rec.page.click("form[data-bv-verify-form] button[type=submit]")
    rec.page.wait_for_selector("[data-bv-verify-result]:not([hidden]) .bv-verify__verdict")
    text = rec.page.locator("[data-bv-verify-result]").inner_text()
    assert says in text and "Hỏi ở đâu?" in text
    rec.assert_clean()


def decoded_qr_codes(page, selector: str) -> list[str]:
    """Each SVG QR code matched, drawn by Chromium at 4 pixels a module and read by zxing-cpp."""
    texts = []
    for svg in page.locator(selector).all():
        assert svg.evaluate("e => e.tagName") == "svg"
        svg.evaluate("e => { e.style.width = e.style.height = (e.viewBox.baseVal.width * 4) + 'px'; }")
        image = Image.open(io.BytesIO(svg.screenshot())).convert("L")
        found = zxingcpp.read_barcodes(image)
        assert len(found) == 1, "a QR code that a decoder cannot read"
        texts.append(found[0].text)
    return texts


def check_addresses(texts: list[str], codes: list[str], site) -> None:
    """The QR codes carry the site's published address (its home page's canonical link), not the test's."""
    home = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8")).group(1)
    assert sorted(texts) == sorted(home + verify_index.PAGE + "#" + verifycode.shown(c) for c in codes)
    for text in texts:
        path = text.removeprefix(home).split("#")[0]
        assert (site / path / "index.html").is_file(), text


def test_a_persons_page_prints_a_qr_code_beside_each_award(recorded_page, second_site):
    rec = recorded_page(second_site)
    rec.page.goto(second_site.page_url("ca-nhan/nguyen-thi-mai-huong/"))
    codes = rec.page.get_attribute("table.bv-awards--own", "data-bv-codes").split()
    rec.page.wait_for_selector(".bv-qr-box svg.bv-qr", state="attached")
    assert rec.page.locator(".bv-qr-box").first.is_hidden(), "on screen the QR codes stay out of the way"
    rec.page.emulate_media(media="print")
    check_addresses(decoded_qr_codes(rec.page, ".bv-awards--own svg.bv-qr"), codes, second_site.root)
    rec.assert_clean()


def test_a_decisions_sheet_has_one_qr_code_per_recipient(recorded_page, second_site):
    rec = recorded_page(second_site)
    rec.page.goto(second_site.page_url("van-ban/78-qd-ubnd-2025/"))
    codes = [c for c in rec.page.get_attribute("table[data-bv-codes]", "data-bv-codes").split() if c != "-"]
    rec.page.evaluate("window.print = () => {}")
    rec.page.click("[data-bv-sheet]")
    rec.page.emulate_media(media="print")
    cards = rec.page.locator(".bv-sheet__card")
    assert cards.count() == len(codes) > 0
    assert all(verifycode.shown(c) in rec.page.locator(".bv-sheet").inner_text() for c in codes)
    check_addresses(decoded_qr_codes(rec.page, ".bv-sheet svg.bv-qr"), codes, second_site.root)
    rec.assert_clean()


def test_the_link_from_the_verification_page_marks_the_row(recorded_page, second_site):
    rec = recorded_page(second_site)
    rec.page.goto(second_site.page_url("ca-nhan/nguyen-thi-mai-huong/"))
    code = rec.page.get_attribute("table.bv-awards--own", "data-bv-codes").split()[0]
    rec.page.goto(second_site.page_url("xac-minh/") + "#" + verifycode.shown(code))
    rec.page.click("text=Xem trên bảng vàng")
    rec.page.wait_for_selector("tr.bv-row--verified")
    assert rec.page.locator("tr.bv-row--verified").count() == 1
    rec.assert_clean()
