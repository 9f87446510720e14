"""Screenshots of the main pages for a person to look at (not a test: nothing is asserted).

    python tests/browser/screens.py [OUT]        # OUT defaults to /tmp/screens

Builds the bundled data as the Pages workflow does, serves it under /bang-vang/ and saves, at a
360×740 phone (whole page) and a 1280×800 screen (whole page): the home page, a movement, the
recipient page, the report, /thong-ke/, and Material's search results for "le duy bao".
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from browserkit import DESKTOP, PHONE, SUB_PATH, build_or_fail, launch_chromium, open_page, serve  # noqa: E402
from sitebuild import SEED_DATA  # noqa: E402

PAGES = [
    ("home", ""),
    ("movement", "phong-trao/quang-ngai-phong-chong-covid-19/"),
    ("recipient", "tap-the/nhan-dan-va-can-bo-phuong-pho-minh/"),
    ("report", "bao-cao/31-bc-ubnd-2024/"),
    ("stats", "thong-ke/"),
]
QUERY = "le duy bao"


def main(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as tmp:
        build_or_fail(SEED_DATA, Path(tmp) / "site")
        served = serve(Path(tmp) / "site", SUB_PATH)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for label, viewport in (("360", PHONE), ("1280", DESKTOP)):
                context, rec = open_page(browser, served, viewport)
                page = rec.page
                for name, path in PAGES:
                    page.goto(served.page_url(path), wait_until="networkidle")
                    target = out / f"{name}-{label}.png"
                    page.screenshot(path=str(target), full_page=True)
                    saved.append(target)
                page.goto(served.page_url(""), wait_until="networkidle")
                if viewport is PHONE:
                    page.locator("label.md-header__button[for='__search']").click()
                box = page.locator("input[data-md-component=search-query]")
                box.fill(QUERY)
                box.press("End")
                page.locator(".md-search-result__item").first.wait_for()
                page.wait_for_timeout(300)
                target = out / f"search-le-duy-bao-{label}.png"
                page.screenshot(path=str(target), full_page=viewport is PHONE)
                saved.append(target)
                problems = rec.problems()
                if problems:
                    print(f"problems at {label} px:", *problems, sep="\n  ")
                context.close()
            browser.close()
        served.stop()
    return saved


if __name__ == "__main__":
    for path in main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/screens")):
        print(path)
