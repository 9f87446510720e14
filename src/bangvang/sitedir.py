"""The site folder (`site/`, or `mkdocs build -d DIR`): built beside, swapped in whole, one build at a time.

MkDocs empties site_dir when a build starts and then writes it page by page, so a build that failed
or was killed left half a site, or an empty folder, where the old one was served. `mkdocs build` and
`gh-deploy` therefore write into a fresh folder beside the target (`.site.tmp-<hex>`: same parent,
so a rename moves it) and swap in only a complete build: target → `.site.old-<hex>`, new → target,
old deleted. Nothing is ever half written; on POSIX a reader may find no folder for the instant
between the two renames (no portable call exchanges two folders). A failed build removes its folder
(on_build_error, on_shutdown after Ctrl-C); a killed build's is removed by the next build into the
same target.

Builds into one target take turns: an exclusive flock on `.site.lock` beside it, from the start of
the build (after the data is read) to the swap; the file is removed on release. Without fcntl
(Windows), or on a file system that refuses flock, there is no lock: each build is still swapped in
whole, but two at once finish in any order, and leftovers are removed only once a day old.

Kept from MkDocs: `--dirty` builds in place (it keeps the old files on purpose); hidden entries at
the top of the old folder (a `.git` kept there to publish by hand), which MkDocs never deletes, move
into the new one just after the swap; `mkdocs serve` builds into its own temporary folder, left alone.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import CountHandler

from .engine import logger_name

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

log = get_plugin_logger(__name__)
SWAPPED_COMMANDS = {"build", "gh-deploy"}  # `serve --clean` also says "build": its folder is swapped too
UNLOCKED_LEFTOVER_SECONDS = 24 * 3600  # without a lock, a younger folder may belong to a running build


class _Build:
    """This invocation's command, and the build under way."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.dirty = False
        self.config = None
        self.target: Path | None = None
        self.temp: Path | None = None
        self.lock: tuple[int, Path] | None = None


_build = _Build()


def startup(command: str, dirty: bool) -> None:
    """on_startup: only `build` and `gh-deploy` write a folder that a reader may be served from."""
    _build.command, _build.dirty = command, dirty


def begin(config) -> None:
    """on_pre_build, before MkDocs empties site_dir: wait for our turn, then point MkDocs at a new folder."""
    if _build.command not in SWAPPED_COMMANDS:
        return
    target = Path(config.site_dir)
    refuse_non_folder(target)  # before anything is written, the lock file included
    _build.config, _build.target = config, target
    _guard(os.makedirs, target.parent, "tạo thư mục", exist_ok=True)
    _build.lock = acquire(target)
    refuse_non_folder(target)  # it may have changed while we waited
    remove_leftovers(target, locked=_build.lock is not None)
    if _build.dirty:
        log.info(f"--dirty: dựng thẳng vào '{target}' như MkDocs vẫn làm; nếu việc dựng lỗi, thư mục này"
                 " có thể còn dở dang.")
        return
    _build.temp = new_folder(target)
    config.site_dir = str(_build.temp)
    log.info(f"Đang dựng vào thư mục tạm '{_build.temp.name}'; '{target}' chỉ được thay khi dựng xong.")


def publish(config) -> None:
    """Last step of on_post_build: swap the complete site in, unless MkDocs is about to fail the build."""
    if _build.temp is None:
        _release()
        return
    if strict_failure_pending():
        return  # MkDocs raises next; on_build_error then removes the folder
    old = swap(_build.temp, _build.target)
    _build.temp = None
    config.site_dir = str(_build.target)  # gh-deploy reads it after the build
    log.info(f"Đã thay thư mục '{_build.target}' bằng trang vừa dựng.")
    retire(old, _build.target)
    _release()


def abandon() -> None:
    """on_build_error and on_shutdown: remove an unfinished site, hand the target back, release the lock."""
    if _build.temp is not None:
        shutil.rmtree(_build.temp, ignore_errors=True)
        _build.config.site_dir = str(_build.target)
        _build.temp = None
    _release()


def sibling(target: Path, suffix: str) -> Path:
    return target.with_name(f".{target.name}.{suffix}")


def refuse_non_folder(target: Path) -> None:
    """A file, a link or a device where the site goes: say so rather than crash or replace it."""
    if target.is_symlink():
        raise PluginError(f"'{target}' là một liên kết (symlink) tới '{os.readlink(target)}', không phải"
                          " thư mục: trang được dựng vào thư mục mới rồi thay vào chỗ cũ, nên liên kết sẽ bị"
                          " thay mất. Hãy dựng thẳng vào thư mục thật với -d, hoặc xoá liên kết đó.")
    if os.path.lexists(target) and not target.is_dir():
        kind = "một tệp" if target.is_file() else "một mục đặc biệt"
        raise PluginError(f"'{target}' là {kind}, không phải thư mục: xoá hoặc đổi tên nó, "
                          "hoặc dựng vào thư mục khác với -d.")


def acquire(target: Path) -> tuple[int, Path] | None:
    """Hold the lock of builds into `target`, waiting (and saying so) while another build holds it."""
    if fcntl is None:
        return None
    path, waited = sibling(target, "lock"), False
    while True:
        fd = _guard(os.open, path, "tạo tệp khoá", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _lock(fd, target, waited):
                os.close(fd)
                return None
            waited = True
            if _is_current(fd, path):
                return fd, path
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the holder removed the file on release: lock the one now at `path`


def _lock(fd: int, target: Path, waited: bool) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        if not waited:
            log.info(f"Một lần dựng trang khác đang ghi vào '{target}': chờ lần đó xong…")
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as error:
        log.info(f"Không khoá được '{sibling(target, 'lock')}' ({error.strerror}): dựng mà không chờ các lần"
                 " dựng khác.")
        return False
    return True


def _is_current(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _release() -> None:
    lock, _build.lock = _build.lock, None
    unlock(lock)


def unlock(lock: tuple[int, Path] | None) -> None:
    if lock is None:
        return
    fd, path = lock
    try:
        path.unlink()  # while still held: a build waiting on this file sees it gone and locks a new one
    except OSError:
        pass
    os.close(fd)


def remove_leftovers(target: Path, locked: bool) -> None:
    """Remove the folders of earlier builds into this target that were killed before cleaning up."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:tmp|old)-[0-9a-f]{{8}}")
    for entry in os.scandir(target.parent):
        if not pattern.fullmatch(entry.name) or not entry.is_dir(follow_symlinks=False):
            continue
        if not locked and time.time() - entry.stat().st_mtime < UNLOCKED_LEFTOVER_SECONDS:
            continue
        if ".old-" in entry.name and any(name.startswith(".") for name in os.listdir(entry.path)):
            log.info(f"Giữ lại trang cũ '{entry.path}' (của một lần dựng bị ngắt) vì còn tệp ẩn trong"
                     " đó; xem rồi tự xoá nếu không cần.")
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        log.info(f"Đã xoá thư mục '{entry.name}' còn lại từ một lần dựng trang bị ngắt.")


def new_folder(target: Path) -> Path:
    while True:
        folder = sibling(target, "tmp-" + secrets.token_hex(4))
        try:
            os.mkdir(folder)  # not mkdtemp: its mode 0700 would hide the site from a web server's user
        except FileExistsError:
            continue
        except OSError as error:
            raise PluginError(_os_message("tạo thư mục tạm", folder, error)) from None
        if target.is_dir():
            shutil.copymode(target, folder)  # MkDocs only empties the folder: its permissions stay
        return folder


def strict_failure_pending() -> bool:
    """MkDocs fails a --strict build after the last on_post_build if its counter saw a warning (the
    counter is on the engine's own logger: 'properdocs' under ProperDocs)."""
    handlers = logging.getLogger(logger_name()).handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def swap(new: Path, target: Path) -> Path | None:
    """new → target; the old target, if any, is renamed aside first (and returned)."""
    old = sibling(target, "old-" + secrets.token_hex(4)) if target.is_dir() else None
    if old:
        _guard(os.rename, target, "đổi tên trang cũ", old)
    try:
        os.rename(new, target)
    except OSError as error:
        if old:
            _put_back(old, target)
        raise PluginError(_os_message("đặt trang mới vào", target, error)) from None
    return old


def _put_back(old: Path, target: Path) -> None:
    try:
        os.rename(old, target)
    except OSError as error:
        raise PluginError(f"Không đặt lại được trang cũ vào '{target}' ({error.strerror}): trang cũ đang ở "
                          f"'{old}', hãy đổi tên thư mục đó lại thành '{target.name}'.") from None


def retire(old: Path | None, site: Path) -> None:
    """Delete the old site, after moving its hidden top-level entries into the new one: MkDocs never
    deletes those (a `.git` kept to publish by hand). Kept whole if one cannot move."""
    if old is None:
        return
    try:
        for name in sorted(n for n in os.listdir(old) if n.startswith(".")):
            if not os.path.lexists(site / name):  # one the build wrote itself wins, as in place
                os.rename(old / name, site / name)
    except OSError as error:
        log.info(f"Không chuyển được tệp ẩn của trang cũ sang '{site}' ({error.strerror}): trang cũ"
                 f" được giữ nguyên ở '{old}'; xem rồi tự xoá.")
        return
    shutil.rmtree(old, ignore_errors=True)


def _guard(call, path, action: str, *args, **kwargs):
    """call(path, ...), an OSError turned into a Vietnamese build error (never a traceback)."""
    try:
        return call(path, *args, **kwargs)
    except OSError as error:
        raise PluginError(_os_message(action, path, error)) from None


def _os_message(action: str, path: Path, error: OSError) -> str:
    return (f"Không thể {action} '{path}' ({error.strerror or error}): trang cũ vẫn giữ nguyên. "
            "Kiểm tra quyền ghi vào thư mục chứa nó, hoặc dựng vào thư mục khác với -d.")
