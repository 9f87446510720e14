"""Quiet never means lenient: `mkdocs build --strict -q` fails exactly where `--strict` does."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from bangvang import strict

from datatree import write_tree
from sitebuild import REPO

# A ' #' inside a plain value: YAML keeps only 'Thôn 3', the checker warns (chu-bi-cat).
CUT_VALUE = "- id: thon-3\n  loai: tap_the\n  ten: Thôn 3 #1 của phường\n"


def _build(data, site, *flags):
    env = {**os.environ, "BANGVANG_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags, "-d", str(site)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    return proc.returncode, proc.stdout + proc.stderr


@pytest.mark.parametrize("flags", [("--strict",), ("--strict", "-q"), ("-q", "--strict")], ids=" ".join)
def test_a_data_warning_stops_a_strict_build_whatever_the_log_level(tmp_path, flags):
    data = write_tree(tmp_path, {"doi-tuong/them.yml": CUT_VALUE})
    code, output = _build(data, tmp_path / "site", *flags)
    assert code != 0
    assert "chu-bi-cat" in output and "data/doi-tuong/them.yml:3:" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_without_strict_the_warning_is_printed_and_the_site_built(tmp_path):
    data = write_tree(tmp_path, {"doi-tuong/them.yml": CUT_VALUE})
    code, output = _build(data, tmp_path / "site", "--no-strict")
    assert code == 0, output
    assert "chu-bi-cat" in output
    assert (tmp_path / "site" / "index.html").exists()


@pytest.fixture
def quiet_mkdocs_logger():
    """The 'mkdocs' logger as `-q` leaves it, restored afterwards."""
    logger = logging.getLogger("mkdocs")
    console = logging.StreamHandler()
    saved = (logger.level, list(logger.handlers))
    logger.addHandler(console)
    logger.setLevel(logging.ERROR)
    yield logger, console
    strict.watch(False)
    logger.handlers[:] = saved[1]
    logger.setLevel(saved[0])


def test_any_warning_of_a_quiet_strict_build_fails_it_with_its_text(quiet_mkdocs_logger):
    logger, console = quiet_mkdocs_logger
    strict.watch(True)
    get_plugin_logger("bangvang.test").warning("index.html: a warning from any part of the build")
    assert console.level == logging.ERROR  # the terminal stays quiet…
    with pytest.raises(PluginError, match="a warning from any part of the build"):
        strict.raise_if_any()  # …and the build fails with the warning's text


def test_a_quiet_build_without_strict_forgives_nothing_it_was_not_asked_to(quiet_mkdocs_logger):
    strict.watch(False)
    get_plugin_logger("bangvang.test").warning("not strict: only a warning")
    strict.raise_if_any()
