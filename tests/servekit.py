"""Driving a real `mkdocs serve` process on a copy of a data folder (tests/test_serve.py, tests/browser/)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from sitebuild import REPO

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data, port):
        env = {**os.environ, "BANGVANG_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                     cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i, line in enumerate(self.lines[after:], start=after):
                if text in line:
                    return i + 1
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not seen; output:\n" + "".join(self.lines))

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=20)


def get(port: int, path: str) -> tuple[int, str, float]:
    """(status, body, seconds) of one request; an HTTP error status is an answer too."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            status, body = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode("utf-8")
    return status, body, time.monotonic() - start


OVERLAY = 'id="bv-loi-xem-truoc"'
BROKEN_FILE = "data/khen-thuong/2022-2024.yml"


def break_data(data):
    awards = data / "khen-thuong" / "2022-2024.yml"
    good = awards.read_text(encoding="utf-8")
    awards.write_text(good.replace("nam: 2023", "nam: 2099", 1), encoding="utf-8")
    return lambda: awards.write_text(good, encoding="utf-8")
