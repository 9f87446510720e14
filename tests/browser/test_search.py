"""Vietnamese search in real headless Chromium, through Material's own search box.

Queries are typed into the box of a page served under a sub-path (/bang-vang/, as on GitHub Pages);
results are read from what the search worker answers and from the rendered result list. Every page
must stay clean: no console error, no failed or cross-origin request, every request under the site's
own path (relative URLs).
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from urllib.parse import urlsplit

import pytest

from bangvang.search import canonical_tones
from bangvang.text import fold, has_marks
from browserkit import SUB_PATH, build_or_fail
from searchkit import article, first_rank, opened
from sitebuild import FIXTURE_DATA

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# --- the bundled ward (data/) under /bang-vang/ -----------------------------------------------

PLAN = "van-ban/62-kh-ubnd-2021/"
DECREE = "van-ban/91-2017-nd-cp/"
PARTY = "van-ban/34-ct-tw-2014/"
REPORT = "bao-cao/31-bc-ubnd-2024/"
COVID = "phong-trao/quang-ngai-phong-chong-covid-19/"
LIBERATION = "phong-trao/ky-niem-40-nam-giai-phong-duc-pho/"
WARD = "tap-the/nhan-dan-va-can-bo-phuong-pho-minh/"
RESOLUTION = "van-ban/1677-nq-ubtvqh15-2025/"
AWARDS = "khen-thuong/"


@pytest.fixture
def bundled(bundled_site, recorded_page):
    with opened(recorded_page, bundled_site, "van-ban/") as page:
        yield page


SAME_PAGES = [
    # (with diacritics, without, a page both must find)
    ("Quảng Ngãi", "quang ngai", COVID),
    ("Đức Phổ", "duc pho", LIBERATION),
    ("Lê Duy Bảo", "le duy bao", REPORT),
    ("Phổ Minh", "pho minh", WARD),
    ("Bằng khen", "bang khen", AWARDS),
    ("Lao động tiên tiến", "lao dong tien tien", AWARDS + "#lao-dong-tien-tien-thi-xa"),  # the award's own row
    ("Giấy khen", "giay khen", AWARDS),
]


@pytest.mark.parametrize("marked, plain, page", SAME_PAGES, ids=[p for _, p, _ in SAME_PAGES])
def test_query_without_diacritics_finds_the_same_page(bundled, marked, plain, page):
    with_marks = bundled.pages(marked)
    without = bundled.pages(plain)
    first_rank(with_marks, page)
    first_rank(without, page)
    assert with_marks[0] in without, "an unmarked query finds what the marked one finds first"


def test_names_rank_their_page_first(bundled):
    assert first_rank(bundled.pages("Đức Phổ"), LIBERATION) < 3
    assert first_rank(bundled.pages("duc pho"), LIBERATION) < 3
    assert bundled.pages("Phổ Minh")[0] == WARD
    assert bundled.pages("pho minh")[0] == WARD
    assert bundled.rendered()[0] == WARD, "the rendered list shows the same best result"


@pytest.mark.parametrize("query", ["Đức Phổ", "Phổ Minh"])
def test_decomposed_and_mixed_input(bundled, query):
    expected = bundled.pages(query)
    nfd = unicodedata.normalize("NFD", query)
    # Unikey's "tổ hợp": precomposed letter (ô, ư) + combining tone mark, neither NFC nor NFD.
    mixed = "".join(
        unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch) if c not in TONES))
        + "".join(c for c in unicodedata.normalize("NFD", ch) if c in TONES)
        for ch in query)
    assert len({query, nfd, mixed}) == 3
    assert bundled.pages(nfd) == expected
    assert bundled.pages(mixed) == expected
    assert bundled.pages(unicodedata.normalize("NFD", fold(query))) == bundled.pages(fold(query))


def test_typed_key_by_key(bundled):
    assert first_rank(bundled.pages("le duy bao", typed=True), REPORT) < 3
    assert first_rank(bundled.pages("Lê Duy Bảo", typed=True), REPORT) < 3


def test_pages_with_every_word_come_first(bundled):
    # "bảo" alone is in titles ("… bảo vệ an ninh Tổ quốc", title boost 1000); the signer's full name
    # is in the report's text. Pages holding every word of the query come first.
    for query in ("Lê Duy Bảo", "le duy bao"):
        groups = bundled.search(query)
        assert first_rank([article(g)["location"] for g in groups], REPORT) < 3
        best = [max(item["score"] for item in g) for g in groups]
        assert best == sorted(best, reverse=True), "scores agree with the order (Enter opens the first)"
        assert bundled.rendered()[:3] == [article(g)["location"] for g in groups][:3]


@pytest.mark.parametrize("query, page", [
    ("62/KH-UBND", PLAN),
    ("62/kh-ubnd", PLAN),
    ("91/2017/NĐ-CP", DECREE),
    ("91/2017/ND-CP", DECREE),
    ("34-CT/TW", PARTY),
    ("số 62/KH-UBND", PLAN),
])
def test_document_numbers(bundled, query, page):
    results = bundled.pages(query)
    assert results[0] == page, f"{query}: {results[:5]}"
    assert bundled.rendered()[0] == page


def test_document_number_missing_is_shown_as_written(bundled):
    groups = bundled.search("62/KH-UBND")
    for group in groups:
        for item in group:
            for term in item["terms"]:
                assert "_" not in term, f"internal token leaked into the terms: {term}"


def test_old_and_new_tone_placement_in_the_bundled_report(bundled):
    # The resolution writes "hòa" (old placement), parts of the report "hoà" (new placement).
    old = bundled.search("hòa")
    new = bundled.search("hoà")
    assert [g[0]["location"] for g in old] == [g[0]["location"] for g in new]
    locations = {item["location"].split("#")[0] for group in old for item in group}
    assert RESOLUTION in locations
    assert any(REPORT in loc for loc in locations)
    assert set(bundled.pages("uỷ ban")) == set(bundled.pages("ủy ban"))


def test_folded_matches_are_marked_and_highlighted_after_a_click(bundled):
    groups = bundled.search("quang ngai")
    group = next(g for g in groups if article(g)["location"] == COVID)
    title = article(group)["title"]
    assert "<mark>Quảng</mark>" in title and "<mark>Ngãi</mark>" in title, title
    terms = {t for item in group for t, hit in item["terms"].items() if hit}
    assert {"quảng", "ngãi"} <= terms, terms
    # Following the result highlights the words as written on the page (Material's search.highlight).
    link = bundled.page.locator(".md-search-result__item a[href*='quang-ngai-phong-chong-covid-19']").first
    href = link.get_attribute("href")
    bundled.page.goto(href)
    bundled.page.wait_for_selector("mark[data-md-highlight]", state="attached")  # after the index loads
    marked = bundled.page.eval_on_selector_all("mark[data-md-highlight]", "ms => ms.map(m => m.textContent)")
    assert {"quảng", "ngãi"} <= set(" ".join(marked).lower().split()), marked


def test_sub_path_and_root_serve_the_same_search(bundled_site_at_root, recorded_page, bundled):
    with opened(recorded_page, bundled_site_at_root) as at_root:
        assert at_root.pages("duc pho") == bundled.pages("duc pho")


def test_worker_is_ours_and_loads_only_what_the_query_needs(bundled):
    requests = bundled.rec.requests
    assert any(urlsplit(url).path.endswith("/assets/javascripts/workers/search-vi.js") for url in requests)
    assert not any("/workers/search." in url or "/lunr/" in url for url in requests), \
        "Material's lunr worker and its language files are never loaded"
    assert any(url.endswith("/search/search_index.json") for url in requests)
    assert not any("/search/vi/" in url for url in requests), "nothing of the index before the first query"
    assert not any(url.endswith("/search-vi-text.js") for url in requests), "nor the words' half of the worker"
    bundled.pages("pho minh")
    assert any(url.endswith("/search-vi-text.js") for url in bundled.rec.requests)
    loaded = sorted(urlsplit(url).path.rsplit("/", 1)[-1].split(".")[0] for url in bundled.rec.requests
                    if "/search/vi/" in url)
    shards = [name for name in loaded if not re.fullmatch(r"l\d+", name)]
    assert shards == ["mi", "ph"], loaded
    assert any(re.fullmatch(r"l\d+", name) for name in loaded), "the lines of the results ranked"
    timing = bundled.timing()
    assert timing["ready"] < 10_000, timing


def test_javascript_and_python_agree_on_every_word(bundled, bundled_build):
    site = bundled_build.site
    manifest = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["bangvang"]
    words = set()
    for number in range(-(-manifest["count"] // manifest["chunk"])):
        name = f"l{number}.{manifest['lines']}.json"
        for location, title, text in json.loads((site / "search" / "vi" / name).read_text(encoding="utf-8")):
            words.update(title.split() + text.split())
    assert len(words) > 300
    words.update(["Hòa", "HOÀ", "thủy", "Thuỷ", "qúy", "hòang", "khỏe", "Ủy", "ĐỨC",
                  unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ")])
    words = sorted(words)
    bundled.page.add_script_tag(url=bundled.served.url + "assets/javascripts/workers/search-vi-text.js")
    js = bundled.page.evaluate(
        """words => words.map(w => [bangvangSearch.fold(w), bangvangSearch.canonicalTones(w),
                                    bangvangSearch.hasMarks(w)])""", words)
    mismatches = [(w, j, [fold(w), canonical_tones(w), has_marks(w)]) for w, j in zip(words, js)
                  if j != [fold(w), canonical_tones(w), has_marks(w)]]
    assert not mismatches, mismatches[:10]


# --- a fixture commune with tone-placement pairs and a dương/đường pair ----------------------

EXTRA_PEOPLE = """
- id: nguyen-van-duong
  loai: ca_nhan
  ho: Nguyễn
  ten_dem: Văn
  ten: Dương
  chuc_vu: Trưởng thôn Thuỷ Lợi

- id: tran-thi-duong
  loai: ca_nhan
  ho: Trần
  ten_dem: Thị
  ten: Đường
  chuc_vu: Chi hội trưởng Hội Phụ nữ thôn Hòa Bình

- id: pham-thi-thuy
  loai: ca_nhan
  ho: Phạm
  ten_dem: Thị
  ten: Thủy
  chuc_vu: Cộng tác viên chăm sóc sức khoẻ cộng đồng
"""
DUONG = "ca-nhan/nguyen-van-duong/"      # Dương
DUONG_ROAD = "ca-nhan/tran-thi-duong/"   # Đường
THUY = "ca-nhan/pham-thi-thuy/"          # Thủy (old placement), "sức khoẻ" (new placement)


@pytest.fixture(scope="module")
def pairs_site(tmp_path_factory, serve_site):
    root = tmp_path_factory.mktemp("pairs")
    data = root / "data"
    shutil.copytree(FIXTURE_DATA, data)
    # No repository link: Material's own source widget asks api.github.com for stars (a separate
    # concern, overrides/partials/source.html); these tests are about search.
    unit = data / "don-vi.yml"
    unit.write_text("".join(line for line in unit.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("kho_du_lieu:")), encoding="utf-8")
    people = data / "doi-tuong" / "doi-tuong.yml"
    people.write_text(people.read_text(encoding="utf-8").rstrip("\n") + "\n" + EXTRA_PEOPLE, encoding="utf-8")
    build = build_or_fail(data, root / "site")
    for page in (DUONG, DUONG_ROAD, THUY):
        assert (build.site / page / "index.html").is_file(), page
    return serve_site(build.site, SUB_PATH)


@pytest.fixture
def pairs(pairs_site, recorded_page):
    with opened(recorded_page, pairs_site) as page:
        yield page


@pytest.mark.parametrize("old, new, page", [
    ("thủy lợi", "thuỷ lợi", DUONG),
    ("hòa bình", "hoà bình", DUONG_ROAD),
    ("sức khỏe", "sức khoẻ", THUY),
    ("Thủy", "Thuỷ", THUY),
    ("THỦY LỢI", "THUỶ LỢI", DUONG),
])
def test_old_and_new_tone_placement_are_equal(pairs, old, new, page):
    a, b = pairs.pages(old), pairs.pages(new)
    assert a == b
    first_rank(a, page)


def test_both_thuy_spellings_found_by_either(pairs):
    for query in ("thủy", "thuỷ", "thuy"):
        results = pairs.pages(query)
        first_rank(results, DUONG)
        first_rank(results, THUY)


def test_exact_diacritics_rank_above_folded_matches(pairs):
    plain = pairs.pages("duong")
    first_rank(plain, DUONG)
    first_rank(plain, DUONG_ROAD)
    # Typed with marks: the exact page comes first; "Đường" has the same letters with other marks,
    # so it is still found (a resident may have typed one mark wrongly), below the exact one.
    marked = pairs.pages("Dương")
    assert marked[0] == DUONG, marked
    road = pairs.pages("Đường")
    assert road[0] == DUONG_ROAD, road
    # One mark typed wrongly in a name: the person is still found, first, by the rest of the name.
    assert pairs.pages("Trần Thị Dương")[0] == DUONG_ROAD
    assert pairs.pages("Nguyễn Văn Đường")[0] == DUONG
    # Half-typed: the marked words match exactly, the unmarked one folded; the exact page still wins.
    mixed = pairs.pages("Nguyễn Văn duong")
    assert mixed[0] == DUONG, mixed
    both = pairs.pages("nguyen van dương")
    assert both[0] == DUONG, both
    assert pairs.rendered()[0] == DUONG
