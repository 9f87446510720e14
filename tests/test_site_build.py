"""End-to-end: real `mkdocs build --strict` of the bundled data and of broken data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitebuild import FIXTURE_DATA, REPO_DATA, SEED_DATA, build_site, visible_text

# The ward has no model, event or press article: those lists are not made (tests/test_honor_board.py).
PAGE_TYPES = ["", "phong-trao/", "khen-thuong/", "doi-tuong/", "van-ban/", "bao-cao/", "thong-ke/", "gioi-thieu/"]


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    build = build_site(SEED_DATA, tmp_path_factory.mktemp("seed") / "site")
    assert build.returncode == 0, build.output
    return build


def test_the_repositorys_own_data_builds(tmp_path):
    """data/ is the unit's own (the bundled ward, or a fork's after python -m bangvang.init): it builds,
    whatever it holds; the facts of the bundled ward are tested on its frozen copy (SEED_DATA)."""
    build = build_site(REPO_DATA, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "Bảng vàng" in visible_text(build.page(""))


def test_seed_builds_every_page_type(seed_site):
    for url in PAGE_TYPES:
        assert (seed_site.site / url / "index.html").is_file(), url
    for folder in ("phong-trao", "van-ban", "bao-cao", "tap-the"):
        pages = [p for p in (seed_site.site / folder).glob("*/index.html")]
        assert pages, f"no per-record pages under /{folder}/"


def test_per_record_pages_stay_out_of_the_navigation(seed_site):
    home = seed_site.page("")
    movement_pages = list((seed_site.site / "phong-trao").glob("*/index.html"))
    assert len(movement_pages) > 5
    # The sidebar links only the fixed sections, never every movement.
    for page in movement_pages:
        slug = page.parent.name
        assert f'href="phong-trao/{slug}/"' not in home.split('class="md-content"')[0]


def test_edit_link_points_to_the_data_file(tmp_path):
    build = build_site(FIXTURE_DATA, tmp_path / "site", {"BANGVANG_REPO_URL": "https://github.com/vidu/bang-vang"})
    assert build.returncode == 0, build.output
    html = build.page("phong-trao/" + next((build.site / "phong-trao").glob("*/index.html")).parent.name + "/")
    assert 'href="https://github.com/vidu/bang-vang/edit/main/data/phong-trao/' in html
    assert re.search(r'href="https://github.com/vidu/bang-vang/blob/main/data/phong-trao/[a-z0-9-]+\.yml#L\d+"', html)
    assert "Sửa trang này" in html
    listing = build.page("phong-trao/")
    assert 'href="https://github.com/vidu/bang-vang/tree/main/data/phong-trao/"' in listing


def test_broken_data_stops_the_build_and_publishes_nothing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    target = next((data / "khen-thuong").glob("*.yml"))
    text = target.read_text(encoding="utf-8")
    assert re.search(r"nam: 20\d\d", text), "the fixture needs an award with a year"
    target.write_text(re.sub(r"nam: 20\d\d", "nam: 2031", text, count=1), encoding="utf-8")
    build = build_site(data, tmp_path / "site")
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert "ngay-trong-tuong-lai" in build.output
    assert f"data/khen-thuong/{target.name}:" in build.output
    assert "trang web chưa được tạo" in build.output
    assert not (tmp_path / "site").exists()
