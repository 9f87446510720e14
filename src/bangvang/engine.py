"""The engine that runs the hooks, and the versions the project was tested on (docs/ENGINE.md).

Two engines are tested: MkDocs 1.6, the default (requirements.txt), and ProperDocs, the fork of
MkDocs 1.6 kept up by its former maintainers (requirements-properdocs.txt). ProperDocs answers every
`mkdocs.*` import with its own module (its `replacement.py`), so the hooks and Material run on it
unchanged; `mkdocs.__name__` is then "properdocs". Material for MkDocs 9 is the theme of both.

The versions tested are written here and nowhere else in the code: pyproject.toml states the same
ranges (tests/test_engine.py compares them), and hooks/board.py calls `require_tested()` before it
imports anything of the engine, so that an engine or theme the project was never run on (MkDocs 2,
Material 10) stops with a Vietnamese message that says what is installed, what was tested and the
command that installs it, instead of a traceback or, worse, a site built wrong.

Where the engines differ for the hooks: ProperDocs logs under "properdocs" (the "mkdocs" logger is
made a child of it), so the code that reads or quiets the engine's log asks `logger_name()`.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version


@dataclass(frozen=True)
class Tested:
    package: str   # its name on PyPI
    label: str     # its name for officers
    versions: str  # the versions tested, a PEP 440 specifier as pyproject.toml writes it

    def allows(self, version: str | None) -> bool:
        """Whether `version` is one of those tested (a pre-release never is: none was tested)."""
        try:
            return version is not None and Version(version) in SpecifierSet(self.versions)
        except InvalidVersion:
            return False

    def phrase(self) -> str:
        """'MkDocs 1.6 trở lên và dưới 2 (mkdocs>=1.6,<2)'."""
        said = {">=": "{} trở lên", ">": "trên {}", "<": "dưới {}", "<=": "đến {}", "==": "đúng {}"}
        parts = []
        for clause in self.versions.split(","):
            op, version = re.match(r"\s*([<>=!~]*)\s*(.*)", clause).groups()
            parts.append(said[op].format(version) if op in said else clause.strip())
        return f"{self.label} {' và '.join(parts)} ({self.package}{self.versions})"


MKDOCS = Tested("mkdocs", "MkDocs", ">=1.6,<2")
# From 1.6.7, the release CI builds with; 1.6.5 did not yet pass what is logged under "mkdocs" (Material
# logs there) through its own logger, where its strict counter is (1.6.6 does).
PROPERDOCS = Tested("properdocs", "ProperDocs", ">=1.6.7,<2")
MATERIAL = Tested("mkdocs-material", "Material for MkDocs", ">=9.6,<10")
ENGINES = {tested.package: tested for tested in (MKDOCS, PROPERDOCS)}
# Each engine's virtual environment (the README's commands) and its pinned, hashed requirements.
SETUP = {"mkdocs": (".venv", "requirements.txt"), "properdocs": (".venv-properdocs", "requirements-properdocs.txt")}


def running() -> tuple[str, str]:
    """(package, version) of the engine of this process: ("properdocs", "1.6.7") under ProperDocs."""
    import mkdocs

    return mkdocs.__name__, str(getattr(mkdocs, "__version__", "?"))


def logger_name() -> str:
    """The engine's own logger, through which every message of a build passes (the hooks' too)."""
    name = running()[0]
    return name if name in ENGINES else MKDOCS.package


def installed(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def refusal(engine: str, engine_version: str, theme_version: str | None) -> str | None:
    """Why this engine and theme are refused (Vietnamese, for an officer), or None: tested."""
    found = []
    tested = ENGINES.get(engine)
    if tested is None or not tested.allows(engine_version):
        found.append(f"{tested.label if tested else engine} {engine_version}")
    if not MATERIAL.allows(theme_version):
        found.append(f"{MATERIAL.label} {theme_version}" if theme_version else f"chưa có {MATERIAL.label}")
    if not found:
        return None
    wanted = tested.package if tested is not None else MKDOCS.package
    return (f"Bảng vàng chưa được kiểm thử với phần mềm đang cài: {', '.join(found)}. "
            f"Trang web chưa được tạo.\n"
            f"Đã kiểm thử với: {MKDOCS.phrase()}, hoặc {PROPERDOCS.phrase()}; "
            f"cùng {MATERIAL.phrase()}.\n"
            f"Cài đúng các phiên bản đã kiểm thử (ghi trong {SETUP[wanted][1]}) bằng lệnh sau, chạy trong"
            f" thư mục của kho, rồi chạy lại lệnh vừa rồi:\n    {install_command(wanted)}")


def install_command(engine: str) -> str:
    """The command that puts the pinned versions into this environment (or makes one)."""
    venv, requirements = SETUP[engine]
    if sys.prefix == sys.base_prefix:  # not a virtual environment: the README's set-up command
        return (f"python3 -m venv {venv} && {venv}/bin/pip install -q --require-hashes -r {requirements}"
                f" && {venv}/bin/pip install -q --no-deps --no-build-isolation -e .")
    pip = Path(sys.prefix, "Scripts" if os.name == "nt" else "bin", "pip")
    try:
        pip = pip.relative_to(Path.cwd())
    except ValueError:
        pass  # an environment elsewhere: its full path
    return f"{pip} install -q --require-hashes -r {requirements}"


def require_tested() -> None:
    """Stop, before anything of the engine is used, when the engine or the theme was not tested.
    A PluginError is what MkDocs and ProperDocs print as one "Error:" line (no traceback)."""
    problem = refusal(*running(), installed(MATERIAL.package))
    if problem is None:
        return
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:  # an engine without it: the message alone, and exit status 1
        raise SystemExit(problem) from None
    raise PluginError(problem)
