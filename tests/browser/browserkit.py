"""The shared kit of the browser tests (and of screens.py), each thing written once here: launch
Debian's Chromium with the flags the tests need, build a site and serve it from 127.0.0.1 under a
path, open a page in a fresh context whose requests may not leave the site's origin, and record what
goes wrong on it (console errors, uncaught errors, failed, HTTP-error and cross-origin requests)."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

from sitebuild import build_site

# Playwright's own browser download cannot work here: Debian's Chromium is launched by path.
CHROMIUM = os.environ.get("BANGVANG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]

# GitHub Pages serves a project site at /<repository>/: the tests serve under such a path.
SUB_PATH = "/bang-vang/"

# The two screens every page is checked at.
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

# Requests that never reach the network: always let through, never counted as leaving the site.
LOCAL_SCHEMES = ("data:", "blob:", "about:")

# Content types of the files a route fulfils (others: Playwright's guess from the extension).
FULFIL_TYPES = {".js": "text/javascript"}

# Built as the Pages workflow builds: with the site's address. Without one the build deletes
# sitemap.xml, which Material's bundle fetches on every page (a 404 and a console error).
SITE_URL = {"BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/"}


def launch_chromium(playwright):
    """Chromium (CHROMIUM, with CHROMIUM_ARGS), headless, from a started sync_playwright()."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def build_or_fail(data: Path, site: Path):
    """`mkdocs build --strict` of `data` into `site` (tests/sitebuild.py); fails the test on error."""
    result = build_site(data, site, SITE_URL)
    assert result.returncode == 0, result.output
    return result


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files of `directory`, only under `prefix`; everything else is 404."""

    prefix = "/"

    def send_head(self):
        path = urlsplit(self.path).path
        if path + "/" == self.prefix:
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return None
        if not path.startswith(self.prefix):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path):
        parts = urlsplit(path)
        inner = "/" + parts.path[len(self.prefix):]
        return super().translate_path(inner + (("?" + parts.query) if parts.query else ""))

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # quiet
        pass


@dataclass
class Served:
    """A site served at `url` (ends with '/'), from `root` on disk."""

    url: str
    root: Path
    server: http.server.ThreadingHTTPServer = field(repr=False)

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def page_url(self, path: str = "") -> str:
        return self.url + path

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def serve(root: Path, prefix: str = "/") -> Served:
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name=f"site{prefix}", daemon=True).start()
    host, port = server.server_address[:2]
    return Served(f"http://{host}:{port}{prefix}", root, server)


@dataclass
class Recorder:
    """A Playwright page plus everything that went wrong on it (and in its workers)."""

    page: object
    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"console error: {m}" for m in self.console_errors]
                + [f"page error: {m}" for m in self.page_errors]
                + [f"failed request: {m}" for m in self.failed_requests]
                + [f"HTTP error: {m}" for m in self.bad_responses]
                + [f"request to another origin: {m}" for m in self.foreign_requests])

    def clear(self):
        """Forget everything recorded so far (the page is reused for another visit)."""
        for name in (f.name for f in fields(self) if f.name not in ("page", "origin")):
            getattr(self, name).clear()

    def assert_clean(self):
        """No console error, uncaught error, failed request, HTTP error or request to another origin."""
        problems = self.problems()
        assert not problems, "\n".join(problems)


def record(context, page, origin: str) -> Recorder:
    """Listen on the context: its console and request events include those of the page's workers."""
    rec = Recorder(page, origin)

    def on_console(message):
        if message.type == "error":
            rec.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_response(response):
        if response.status >= 400:
            rec.bad_responses.append(f"{response.status} {response.url}")

    context.on("console", on_console)
    context.on("weberror", lambda error: rec.page_errors.append(str(error.error)))
    context.on("request", lambda request: rec.requests.append(request.url))
    context.on("requestfailed", lambda request: rec.failed_requests.append(
        f"{request.url} ({request.failure})"))
    context.on("response", on_response)
    return rec


def guard_origin(context, served: Served, rec: Recorder, fulfil: Mapping[str, Path] | None = None):
    """Route every request of `context`: a path of `fulfil` (relative to served.url) is answered with
    its file; the site's own origin and LOCAL_SCHEMES go through; any other request is aborted (a
    leak cannot reach the network) and recorded in rec.foreign_requests."""
    files = {served.url + path: Path(file) for path, file in (fulfil or {}).items()}

    def guard(route):
        url = route.request.url
        if url in files:
            route.fulfill(path=str(files[url]), content_type=FULFIL_TYPES.get(files[url].suffix))
        elif url.startswith(served.origin + "/") or url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            rec.foreign_requests.append(url)
            route.abort()

    context.route("**/*", guard)


def open_page(browser, served: Served, viewport: dict | None = None,
              fulfil: Mapping[str, Path] | None = None, **context_options) -> tuple[object, Recorder]:
    """A fresh context (Vietnamese locale, no service worker, `viewport` if given, any other
    Playwright context option) and page for `served`, recorded and guarded (guard_origin, with
    `fulfil`). Returns (context, recorder); the caller closes the context."""
    if viewport:
        context_options["viewport"] = viewport
    context = browser.new_context(locale="vi-VN", service_workers="block", **context_options)
    page = context.new_page()
    rec = record(context, page, served.origin)
    guard_origin(context, served, rec, fulfil)
    return context, rec
