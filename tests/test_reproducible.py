"""Two builds of the same commit are byte-identical (SOURCE_DATE_EPOCH fixed)."""

from __future__ import annotations

import hashlib

from sitebuild import SEED_DATA, build_site


def _digest(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1764288000", "BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/"}
    first = build_site(SEED_DATA, tmp_path / "a", env)
    second = build_site(SEED_DATA, tmp_path / "b", env)
    assert first.returncode == 0 and second.returncode == 0, first.output + second.output
    a, b = _digest(first.site), _digest(second.site)
    assert len(a) > 50
    differing = sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))
    assert not differing, differing[:10]
