"""Nothing in code or templates is tied to the seed ward: another commune builds a full site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bangvang import vocab

from sitebuild import FIXTURE_DATA, REPO, build_site

SEED_NAMES = ["Phổ Minh", "Đức Phổ", "Quảng Ngãi", "Lê Duy Bảo", "31/BC-UBND", "62/KH-UBND", "108 cá nhân", "62 tập thể"]
# The second commune lives in thôn and buôn: no page for residents speaks of another unit's word.
OTHER_WORDS = ["tổ dân phố", "Tổ dân phố"]
FOLDED = ["pho minh", "duc pho", "quang ngai", "le duy bao"]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    build = build_site(FIXTURE_DATA, tmp_path_factory.mktemp("commune") / "site")
    assert build.returncode == 0, build.output
    return build


def test_fixture_is_a_different_commune():
    text = "\n".join(p.read_text(encoding="utf-8") for p in FIXTURE_DATA.rglob("*")
                     if p.is_file() and p.suffix in (".yml", ".md", ".txt"))
    for name in SEED_NAMES:
        assert name not in text


def test_fixture_builds_every_kind_of_page(fixture_site):
    site = fixture_site.site
    for url in ["", "phong-trao/", "khen-thuong/", "doi-tuong/", "dien-hinh/", "van-ban/", "bao-cao/",
                "thong-ke/", "gioi-thieu/"]:
        assert (site / url / "index.html").is_file(), url
    for folder in ("phong-trao", "van-ban", "bao-cao", "dien-hinh", "ca-nhan", "tap-the", "ho-gia-dinh"):
        assert list((site / folder).glob("*/index.html")), folder


def test_no_seed_name_anywhere_in_the_fixture_site(fixture_site):
    for path in fixture_site.site.rglob("*"):
        if path.suffix not in (".html", ".json", ".xml", ".txt", ".csv"):
            continue
        text = path.read_text(encoding="utf-8")
        for name in SEED_NAMES:
            assert name not in text, f"{name!r} in {path}"
        lowered = text.lower()
        for name in FOLDED:
            assert name not in lowered, f"{name!r} in {path}"
        if "huong-dan" not in path.parts and path.suffix == ".html":
            # The law names a title "Thôn, tổ dân phố văn hóa": that is the title, not the unit's word.
            own = re.sub(re.escape(vocab.TITLES["thon_to_dan_pho_van_hoa"].label), "", text, flags=re.I)
            for word in OTHER_WORDS:
                assert word not in own, f"{word!r} in {path}"


def test_code_and_templates_name_no_unit():
    places = [REPO / "src", REPO / "hooks", REPO / "overrides", REPO / "docs", REPO / "mkdocs.yml"]
    files = [p for place in places for p in ([place] if place.is_file() else place.rglob("*"))
             if p.is_file() and ".egg-info" not in p.as_posix()]
    assert files
    # Document numbers such as 31/BC-UBND are generic syntax examples (every committee numbers so);
    # names of places and people are what must never be in code.
    places_and_people = [n for n in SEED_NAMES if "/" not in n] + ["Phổ", "Pho Minh", "pho-minh", "Duc Pho"]
    pattern = re.compile("|".join(re.escape(n) for n in places_and_people), re.I)
    for path in files:
        if path.suffix in (".pyc",):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        match = pattern.search(text)
        assert match is None, f"{path}: {match.group(0)!r}"
