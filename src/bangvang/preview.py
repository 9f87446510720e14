"""`mkdocs serve` that survives mistakes: the last good pages, and the errors over them.

MkDocs' live-reload server holds every request while a rebuild is pending and, when the rebuild
raises, never marks it done: while a data file is broken every page spins, and the officer sees
the error only in the terminal. Here (installed by the on_serve hook):

- the server's builder is wrapped: a failed build (errors in data/, or a bug) is remembered and not
  raised, so the server marks the rebuild done and answers at once with the pages it has, those of
  the last good build (on_config refuses bad data before anything is written);
- every HTML page it serves, and its 404 page, gets an overlay listing the errors as the checker
  prints them (file:line:column, the line, the hint), the files to fix first; the next good build
  removes it, and live reload shows the new pages;
- the live-reload script and the overlay's style are added to the page's Content-Security-Policy
  (by their hashes), which would otherwise block them.

Nothing here runs in `mkdocs build`: a build still refuses bad data and publishes nothing.
"""

from __future__ import annotations

import html
import logging
import re
import threading
from dataclasses import dataclass, field

from mkdocs.plugins import get_plugin_logger

from .csp import allow_inline
from .engine import logger_name

log = get_plugin_logger(__name__)

BUG_HINT = ("Đây là lỗi của chương trình, không phải của dữ liệu: trang đang hiện là bản dựng được gần nhất. "
            "Chép thông báo này gửi người quản trị kho; sửa dữ liệu khác vẫn được xem trước bình thường.")

STYLE = """
#bv-loi-xem-truoc{position:fixed;top:0;left:0;right:0;z-index:100000;max-height:70vh;overflow:auto;
background:#fffbe6;color:#1a1a1a;border-bottom:4px solid #b3261e;box-shadow:0 4px 16px rgba(0,0,0,.3);
padding:12px 16px;font:16px/1.45 system-ui,sans-serif}
#bv-loi-xem-truoc summary{cursor:pointer}
#bv-loi-xem-truoc h2{display:inline;margin:0 8px 0 0;font-size:18px;color:#b3261e}
#bv-loi-xem-truoc summary span{font-size:14px;color:#555}
#bv-loi-xem-truoc p{margin:4px 0}
#bv-loi-xem-truoc pre{margin:8px 0;padding:8px;background:#fff;border:1px solid #e0c97a;white-space:pre-wrap;
overflow-wrap:anywhere;font:14px/1.4 ui-monospace,monospace}
"""


@dataclass
class Failure:
    """Why the last build did not replace the pages: the checker's report, or a bug's one line."""

    title: str
    report: str
    files: list[str] = field(default_factory=list)
    hint: str = ""


class Preview:
    """The state of the last build, shared by the builder (one thread) and the requests (others)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failure: Failure | None = None
        self._pending: Failure | None = None

    def data_refused(self, issues, counted: str) -> None:
        """on_config found errors in data/: the build that follows raises; this is what to show."""
        files = sorted({issue.position.path for issue in issues.errors + issues.warnings})
        self._pending = Failure(f"Dữ liệu có {counted}: trang đang hiện là bản dựng đúng gần nhất",
                                issues.report(), files,
                                "Sửa các lỗi ở trên rồi lưu tệp: trang sẽ tự tải lại khi dữ liệu đúng.")

    def builder(self, build):
        """`build`, remembering instead of raising what stopped it (see the module's docstring)."""
        def safe_build(*args, **kwargs) -> None:
            self._pending = None
            said, engine_log = _Said(), logging.getLogger(logger_name())  # "properdocs" under ProperDocs
            engine_log.addHandler(said)
            try:
                build(*args, **kwargs)
            except BaseException as exc:  # SystemExit and PluginError included: the server stays up
                if isinstance(exc, KeyboardInterrupt):
                    raise
                self.settle(self._pending or _bug(exc, said.lines))
                log.error(f"{self._failure.title}. {self._failure.hint}")
                return
            else:
                self.settle(self._pending)  # a build without data pages (broken from the start) keeps its failure
            finally:
                engine_log.removeHandler(said)
        return safe_build

    def settle(self, failure: Failure | None) -> None:
        """What the served pages show from now on: `failure`, or nothing after a good build."""
        with self._lock:
            self._failure = failure

    @property
    def pending(self) -> Failure | None:
        return self._pending

    @property
    def failure(self) -> Failure | None:
        with self._lock:
            return self._failure

    def decorate(self, page: bytes, scripts: list[str]) -> bytes:
        """A served HTML page with the overlay (when the last build failed), and a policy that lets
        the server's scripts run."""
        failure = self.failure
        text = page.decode("utf-8", "surrogateescape")
        styles = []
        if failure is not None:
            text = _before_body_end(text, f"<style>{STYLE}</style>{overlay(failure)}")
            styles.append(STYLE)
        return allow_inline(text, scripts, styles).encode("utf-8", "surrogateescape")


class _Said(logging.Handler):
    """The warnings and errors logged during one build: MkDocs stops with "Aborted with a BuildError!"
    or "… in strict mode!", and what went wrong (in Vietnamese, from this package) was logged before."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _bug(exc: BaseException, said: list[str] = ()) -> Failure:
    detail = str(exc).strip() or type(exc).__name__
    report = "\n\n".join([*said[-20:], f"{type(exc).__name__}: {detail}"])
    return Failure("Không dựng được trang web", report[-8000:], [], BUG_HINT)


def overlay(failure: Failure) -> str:
    files = ""
    if failure.files:
        names = ", ".join(f"<code>{html.escape(name)}</code>" for name in failure.files)
        files = f"<p>Tệp cần sửa: {names}</p>"
    # <details open>: a click on the title folds the list away to see the page, without a script.
    return (f'<aside id="bv-loi-xem-truoc" role="alert" aria-labelledby="bv-loi-xem-truoc-tieu-de" lang="vi">'
            f'<details open><summary><h2 id="bv-loi-xem-truoc-tieu-de">{html.escape(failure.title)}</h2>'
            f'<span>(bấm để thu gọn, mở lại)</span></summary>{files}'
            f"<pre>{html.escape(failure.report)}</pre><p>{html.escape(failure.hint)}</p></details></aside>")


def _before_body_end(text: str, addition: str) -> str:
    end = text.rfind("</body>")
    return text + addition if end < 0 else text[:end] + addition + text[end:]


_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def install(server, preview: Preview):
    """Wrap the live-reload server's builder, page injection and error pages (on_serve)."""
    preview.settle(preview.pending)  # the outcome of the first build, made before the server existed
    server.builder = preview.builder(server.builder)
    inject = server._inject_js_into_html  # MkDocs 1.6: adds the live-reload <script> before </body>

    def inject_and_decorate(content: bytes, epoch: int) -> bytes:
        injected = inject(content, epoch)
        added = injected[len(content[:content.rfind(b"</body>")]):] if b"</body>" in content else injected
        scripts = _SCRIPT.findall(added.decode("utf-8", "surrogateescape"))
        return preview.decorate(injected, scripts[:1])

    server._inject_js_into_html = inject_and_decorate
    error_page = server.error_handler

    def error_handler(code: int) -> bytes | None:
        page = error_page(code)
        return page if page is None else preview.decorate(page, [])

    server.error_handler = error_handler
    return server
