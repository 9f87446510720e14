"""Browser tests: real headless Chromium (Debian's) driven by Playwright, against built sites served
from 127.0.0.1, under a sub-path as on GitHub Pages project sites (/<repo>/) and at the root.

Playwright's own browser download cannot work here, so Debian's chromium is launched by path
(browserkit.launch_chromium).
When it (or Playwright) is missing the tests fail under CI (CI is set) and are skipped locally with
the reason; `.ci/run` installs chromium.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/, for sitebuild
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/browser/, for browserkit
from browserkit import (  # noqa: E402
    CHROMIUM, SUB_PATH, Recorder, Served, build_or_fail, launch_chromium, open_page, serve)
from sitebuild import FIXTURE_DATA, SEED_DATA  # noqa: E402


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped (CI is not set): {reason}")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the 'playwright' package is not installed (pip install -r requirements-dev.txt)")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"no Chromium at {CHROMIUM} "
                     "(apt-get install chromium fonts-noto-core, or set BANGVANG_CHROMIUM)")
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


# --- built and served sites -------------------------------------------------------------------

@pytest.fixture(scope="session")
def serve_site():
    """serve_site(root, prefix) → Served; all servers stop at the end of the session."""
    servers = []

    def start(root: Path, prefix: str = "/") -> Served:
        served = serve(root, prefix)
        servers.append(served)
        return served

    yield start
    for served in servers:
        served.stop()


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory):
    """The bundled data (data/), built once with `mkdocs build --strict`."""
    return build_or_fail(SEED_DATA, tmp_path_factory.mktemp("bundled") / "site")


@pytest.fixture(scope="session")
def bundled_site(bundled_build, serve_site) -> Served:
    """The bundled site under a sub-path, as a GitHub Pages project site: /bang-vang/."""
    return serve_site(bundled_build.site, SUB_PATH)


@pytest.fixture(scope="session")
def bundled_site_at_root(bundled_build, serve_site) -> Served:
    """The same build served at the root of its origin (a user site or a custom domain)."""
    return serve_site(bundled_build.site, "/")


@pytest.fixture(scope="session")
def second_site(tmp_path_factory, serve_site) -> Served:
    """The second commune (a copy of tests/fixtures/xa-an-binh/data), built once and served under
    /bang-vang/, as a GitHub Pages project site."""
    root = tmp_path_factory.mktemp("second")
    shutil.copytree(FIXTURE_DATA, root / "data")
    return serve_site(build_or_fail(root / "data", root / "site").site, SUB_PATH)


# --- pages that record what went wrong --------------------------------------------------------

@pytest.fixture
def recorded_page(browser):
    """recorded_page(served, **options) → Recorder of a fresh page in a fresh context, made by
    browserkit.open_page with those options (viewport, fulfil, context options); closed after the test."""
    contexts = []

    def start(served: Served, **options) -> Recorder:
        context, rec = open_page(browser, served, **options)
        contexts.append(context)
        return rec

    yield start
    for context in contexts:
        context.close()
