"""Fixtures shared by the test modules that only read a built site."""

from __future__ import annotations

import pytest

from sitebuild import FIXED_ENV, FIXTURE_DATA, SEED_DATA, build_site


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """One strict build of the bundled data, for tests that read it and change nothing."""
    build = build_site(SEED_DATA, tmp_path_factory.mktemp("seed") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def second_build(tmp_path_factory):
    """One strict build of the second commune (tests/fixtures/xa-an-binh), for tests that only read it."""
    build = build_site(FIXTURE_DATA, tmp_path_factory.mktemp("second") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def fixed_build(tmp_path_factory):
    """The bundled data built with FIXED_ENV: the reference that test_reproducible.py builds again and
    test_engines_agree.py builds with the second engine."""
    build = build_site(SEED_DATA, tmp_path_factory.mktemp("fixed") / "site", FIXED_ENV)
    assert build.returncode == 0, build.output
    return build
