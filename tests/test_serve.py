"""Live preview: `mkdocs serve` rebuilds on data changes and survives bad data (errors in the terminal)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from sitebuild import FIXTURE_DATA, REPO


def _free_port() -> int:
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


def test_serve_rebuilds_and_survives_bad_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    port = _free_port()
    server = Server(data, port)
    try:
        seen = server.wait_for("Serving on")
        awards = data / "khen-thuong" / "2022-2024.yml"  # one that has an award of 2023
        good = awards.read_text(encoding="utf-8")
        awards.write_text(good.replace("nam: 2023", "nam: 2099", 1), encoding="utf-8")
        seen = server.wait_for("ngay-trong-tuong-lai", seen)
        assert server.proc.poll() is None, "the server must keep running"
        assert not any("Traceback" in line for line in server.lines)
        awards.write_text(good, encoding="utf-8")
        server.wait_for("Documentation built", seen)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/khen-thuong/", timeout=10) as response:
            assert "Khen thưởng" in response.read().decode("utf-8")
    finally:
        server.stop()
