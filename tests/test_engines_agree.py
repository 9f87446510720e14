"""ProperDocs, the maintained fork of MkDocs, builds the same site as MkDocs 1.6.1 (docs/ENGINE.md).

The second engine has its own environment, .venv-properdocs (requirements-properdocs.txt: the same
Material and libraries, plus ProperDocs; .ci/run makes it). The bundled data is built with it exactly
as test_reproducible.py builds it with MkDocs (`--strict`, a fixed date, the Pages address), reading
the one configuration, mkdocs.yml, and the two sites are compared: the same pages, the open data
byte for byte, and every other file; and a strict build that warns late replaces nothing, as under
MkDocs (test_atomic_build.py). Without that environment the test is skipped on a maintainer's
machine (the reason says how to make it) and fails under CI.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from sitebuild import FIXED_ENV, FIXTURE_DATA, REPO, SEED_DATA, Build, digest
from test_atomic_build import _config, _old_site

FORK = REPO / ".venv-properdocs" / ("Scripts" if os.name == "nt" else "bin") / "properdocs"
MAKE_IT = ("python3 -m venv .venv-properdocs && .venv-properdocs/bin/pip install -q --require-hashes"
           " -r requirements-properdocs.txt && .venv-properdocs/bin/pip install -q --no-deps --no-build-isolation -e .")
SUMMARY = re.compile(r"Đã tạo (\S+) trang từ (\S+) mục dữ liệu")


def properdocs_build(data: Path, site: Path, *flags: str, config: Path | str = "mkdocs.yml",
                     extra_env: dict | None = None) -> Build:
    """`properdocs build --strict -f mkdocs.yml`, with no banner switch set: ProperDocs needs none."""
    if not FORK.exists():
        reason = f"{FORK.relative_to(REPO)} is missing; make it with: {MAKE_IT}"
        if os.environ.get("CI"):
            pytest.fail(f"the second engine cannot be tested under CI: {reason}", pytrace=False)
        pytest.skip(f"the second engine is not installed (CI is not set): {reason}")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    env.update(BANGVANG_DATA=str(data), **(extra_env or {}))
    command = [str(FORK), "build", *(flags or ("--strict",)), "-f", str(config), "-d", str(site)]
    proc = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture(scope="module")
def fork_build(tmp_path_factory):
    build = properdocs_build(SEED_DATA, tmp_path_factory.mktemp("properdocs") / "site", extra_env=FIXED_ENV)
    assert build.returncode == 0, build.output
    return build


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_properdocs_runs_our_hooks_and_says_nothing_in_english_about_itself(fork_build, fixed_build):
    said = SUMMARY.search(fork_build.output)
    assert said, fork_build.output
    assert said.groups() == SUMMARY.search(fixed_build.output).groups()  # the same pages from the same records
    # No end-of-life notice (Material's, ProperDocs' own) and no note on the configuration's file name.
    for english in ("end of life", "MkDocs may break", "properdocs.yml", "legacy"):
        assert english not in fork_build.output, english


def test_both_engines_make_the_same_pages(fork_build, fixed_build):
    ours, theirs = _pages(fixed_build.site), _pages(fork_build.site)
    assert ours == theirs
    # Generated pages, not just the shell: an engine that ignored the hooks would build a handful.
    pages = [p for p in ours if p != "404.html"]
    records = [p for p in pages if p.startswith(("phong-trao/", "van-ban/")) and p.count("/") == 2]
    assert len(pages) >= 58 and len(records) >= 30, (len(pages), len(records))
    assert not any("ENGINE" in p for p in digest(fork_build.site))  # the maintainers' map is not published


def test_both_engines_publish_the_same_open_data(fork_build, fixed_build):
    ours, theirs = digest(fixed_build.site), digest(fork_build.site)
    open_data = sorted(p for p in ours if p.startswith("du-lieu/") and not p.endswith(".html"))
    assert len(open_data) >= 10, open_data
    assert {p: theirs.get(p) for p in open_data} == {p: ours[p] for p in open_data}


def test_both_engines_write_every_file_byte_for_byte_the_same(fork_build, fixed_build):
    ours, theirs = digest(fixed_build.site), digest(fork_build.site)
    for key in ("index.html", "404.html", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz",
                "assets/javascripts/bv-search-dialog.js"):
        assert key in ours and ours[key] == theirs.get(key), key
    differing = sorted(p for p in ours.keys() | theirs.keys() if ours.get(p) != theirs.get(p))
    assert not differing, differing[:10]


@pytest.mark.parametrize("flags", [("--strict",), ("--strict", "-q")], ids=" ".join)
def test_a_warning_late_in_a_strict_build_replaces_nothing(tmp_path, flags):
    """ProperDocs counts a strict build's warnings on its own logger, not on "mkdocs": the swap of the
    site folder (sitedir.py) and quiet strict builds (strict.py) look there (engine.logger_name), or
    the failed build would replace the site. A second hook warns on the fifth page (test_atomic_build)."""
    site, before = _old_site(tmp_path)
    build = properdocs_build(FIXTURE_DATA, site, *flags, config=_config(tmp_path), extra_env={"FAULTY_MODE": "warn"})
    assert build.returncode != 0, build.output
    assert "cảnh báo giả giữa chừng" in build.output and "Traceback" not in build.output
    assert digest(site) == before
