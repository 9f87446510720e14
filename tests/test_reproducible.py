"""Two builds of the same commit are byte-identical (SOURCE_DATE_EPOCH fixed)."""

from __future__ import annotations

from sitebuild import FIXED_ENV, SEED_DATA, build_site, digest


def test_two_builds_are_byte_identical(fixed_build, tmp_path):
    second = build_site(SEED_DATA, tmp_path / "b", FIXED_ENV)
    assert second.returncode == 0, second.output
    a, b = digest(fixed_build.site), digest(second.site)
    assert len(a) > 50
    differing = sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))
    assert not differing, differing[:10]
