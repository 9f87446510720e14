"""The engines and theme the project is tested on (src/bangvang/engine.py), and the start-up banners.

The tested ranges are stated once in the code; pyproject.toml says the same and every pinned version
is inside them. Any other engine or theme is refused before the hooks import anything of it, with a
Vietnamese message (what is installed, what was tested, the command that installs it) and no
traceback. Material's English end-of-life notice is silenced by NO_MKDOCS_2_WARNING, which has to be
set where the command is run: the notice is printed before the hook is even loaded.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from bangvang import engine
from sitebuild import REPO, SEED_DATA

TESTED = (engine.MKDOCS, engine.PROPERDOCS, engine.MATERIAL)
BANNER = "Material for MkDocs reaches end of life"


def _pins(name: str) -> dict[str, str]:
    """name → pinned version of a requirements file, following its `-r` includes."""
    pins: dict[str, str] = {}
    for line in (REPO / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("-r "):
            pins.update(_pins(line[3:].strip()))
        elif match := re.match(r"([A-Za-z0-9_.-]+)==([^\s\\;]+)", line):
            pins[match.group(1).lower()] = match.group(2)
    return pins


# --- one statement of the ranges ------------------------------------------------------------------

def test_pyproject_states_the_ranges_the_code_checks():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    stated = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    in_pyproject = {Requirement(r).name: Requirement(r).specifier for r in stated}
    in_code = {t.package: SpecifierSet(t.versions) for t in TESTED}
    assert in_pyproject == in_code


def test_the_pinned_versions_are_tested_ones():
    default, fork = _pins("requirements.txt"), _pins("requirements-properdocs.txt")
    assert engine.MKDOCS.allows(default["mkdocs"]) and engine.MATERIAL.allows(default["mkdocs-material"])
    assert engine.PROPERDOCS.allows(fork["properdocs"])
    # The second engine builds with the same theme and libraries: only what ProperDocs adds differs.
    assert {name: fork[name] for name in default} == default
    assert "properdocs" not in default


def test_the_engine_of_this_process_is_accepted():
    name, version = engine.running()
    assert name == "mkdocs" and version == metadata.version("mkdocs")
    assert engine.refusal(name, version, engine.installed("mkdocs-material")) is None
    engine.require_tested()  # does not raise
    assert engine.logger_name() == "mkdocs"


def test_under_properdocs_the_log_is_properdocs_own(monkeypatch):
    monkeypatch.setattr(engine, "running", lambda: ("properdocs", "1.6.7"))
    assert engine.logger_name() == "properdocs"
    assert engine.refusal("properdocs", "1.6.7", "9.8.1") is None


# --- refusing the others ----------------------------------------------------------------------------

@pytest.mark.parametrize("name, version, theme, named, requirements", [
    ("mkdocs", "2.0.0", "9.8.1", "MkDocs 2.0.0", "requirements.txt"),
    ("mkdocs", "2.0.0.dev6", "9.8.1", "MkDocs 2.0.0.dev6", "requirements.txt"),  # a pre-release: never tested
    ("mkdocs", "1.5.3", "9.8.1", "MkDocs 1.5.3", "requirements.txt"),
    ("mkdocs", "1.6.1", "10.0.0", "Material for MkDocs 10.0.0", "requirements.txt"),
    ("mkdocs", "1.6.1", None, "chưa có Material for MkDocs", "requirements.txt"),
    ("properdocs", "1.6.5", "9.8.1", "ProperDocs 1.6.5", "requirements-properdocs.txt"),
    ("properdocs", "2.0.0", "9.5.0", "ProperDocs 2.0.0, Material for MkDocs 9.5.0", "requirements-properdocs.txt"),
    ("zensical", "0.1.1", "9.8.1", "zensical 0.1.1", "requirements.txt"),
])
def test_an_untested_engine_or_theme_is_refused_in_vietnamese(name, version, theme, named, requirements):
    message = engine.refusal(name, version, theme)
    assert message is not None
    assert f"chưa được kiểm thử với phần mềm đang cài: {named}." in message
    assert "Trang web chưa được tạo." in message
    assert ("MkDocs 1.6 trở lên và dưới 2 (mkdocs>=1.6,<2), hoặc ProperDocs 1.6.7 trở lên và dưới 2"
            " (properdocs>=1.6.7,<2); cùng Material for MkDocs 9.6 trở lên và dưới 10") in message
    command = message.rsplit("\n", 1)[1].strip()
    assert command.endswith(f"install -q --require-hashes -r {requirements}"), command


def test_the_command_installs_into_this_environment_or_makes_one(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "prefix", str(tmp_path / ".venv-properdocs"))
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    expected = Path(".venv-properdocs", "Scripts" if os.name == "nt" else "bin", "pip")
    assert engine.install_command("properdocs") == f"{expected} install -q --require-hashes -r requirements-properdocs.txt"
    monkeypatch.setattr(sys, "prefix", "/usr")  # no virtual environment: the README's set-up command
    assert engine.install_command("mkdocs") == (
        "python3 -m venv .venv && .venv/bin/pip install -q --require-hashes -r requirements.txt"
        " && .venv/bin/pip install -q --no-deps --no-build-isolation -e .")


def test_require_tested_raises_the_engines_own_error(monkeypatch):
    from mkdocs.exceptions import PluginError

    monkeypatch.setattr(engine, "running", lambda: ("mkdocs", "2.0.0"))
    with pytest.raises(PluginError) as raised:
        engine.require_tested()
    assert "MkDocs 2.0.0" in str(raised.value)


def _material_of_version(folder: Path, version: str) -> Path:
    """A folder that, first on PYTHONPATH, makes Material look like `version` to importlib.metadata (its
    entry points are the real ones, so MkDocs still finds the theme and its plugins)."""
    real = metadata.distribution("mkdocs-material")
    info = folder / f"mkdocs_material-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: mkdocs-material\nVersion: {version}\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text(real.read_text("entry_points.txt"), encoding="utf-8")
    return folder


def test_mkdocs_build_with_an_untested_material_stops_with_one_vietnamese_line(tmp_path):
    fake = _material_of_version(tmp_path / "fake", "10.0.0")
    env = {**os.environ, "PYTHONPATH": str(fake), "BANGVANG_DATA": str(SEED_DATA), "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Error: Bảng vàng chưa được kiểm thử với phần mềm đang cài: Material for MkDocs 10.0.0." in proc.stderr
    assert "install -q --require-hashes -r requirements.txt" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not site.exists()


# --- the banners ---------------------------------------------------------------------------------

def _tiny_site(folder: Path) -> Path:
    """A Material site of one page whose hook says when it is loaded (a hook is loaded once, at the
    configuration's validation, as ours is)."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Một trang\n", encoding="utf-8")
    (folder / "hook.py").write_text("import sys\nprint('HOOK LOADED', file=sys.stderr, flush=True)\n",
                                    encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Thử\ntheme:\n  name: material\nhooks:\n  - hook.py\n",
                                       encoding="utf-8")
    return folder


def _build_tiny(folder: Path, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, env={**environ, **env},
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stderr


def test_materials_notice_comes_before_any_hook_and_the_switch_silences_it(tmp_path):
    site = _tiny_site(tmp_path)
    loud = _build_tiny(site)
    # Printed while MkDocs validates `theme:`, before `hooks:` is loaded: no hook can set the switch.
    assert BANNER in loud and "HOOK LOADED" in loud
    assert loud.index(BANNER) < loud.index("HOOK LOADED"), loud
    quiet = _build_tiny(site, NO_MKDOCS_2_WARNING="1")
    assert BANNER not in quiet and "HOOK LOADED" in quiet


def test_the_switch_is_set_where_commands_are_run():
    """Every `mkdocs` command of the README, and the tests (whose builds run `python -m mkdocs`), in the
    README and in .ci/run. (`properdocs` needs no switch: Material prints the notice only under `mkdocs`.)"""
    for name in ("README.md", ".ci/run"):
        text = (REPO / name).read_text(encoding="utf-8")
        commands = list(re.finditer(r"\.venv/bin/(?:mkdocs\b|python -m pytest)", text))
        assert commands, name
        for command in commands:
            assert text[:command.start()].endswith("NO_MKDOCS_2_WARNING=1 "), (name, text[command.start() - 80:command.end()])
