"""Vietnamese search, Python half (bangvang.search): tone placement, tokens, the sharded index and its
wiring into a real build. The browser half (the worker answering Material's box) is
tests/browser/test_search.py."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest

from bangvang.search import (CHUNK, FORMAT, SEARCH_DIR, TONE_PLACEMENT, SearchIndex, canonical_tones,
                             doc_number_token, shard_key, words)
from bangvang.text import fold
from sitebuild import REPO

TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # huyền sắc hỏi ngã nặng


def test_tone_table_is_exactly_oa_oe_uy_times_five_tones():
    expected = {}
    for first, second in ("oa", "oe", "uy"):
        for mark in TONE_MARKS:
            old = unicodedata.normalize("NFC", first + mark + second)
            new = unicodedata.normalize("NFC", first + second + mark)
            expected[old] = new
    assert TONE_PLACEMENT == expected
    assert all(len(k) == len(v) == 2 for k, v in TONE_PLACEMENT.items())


@pytest.mark.parametrize("old, new", [
    ("hòa", "hoà"), ("thủy", "thuỷ"), ("òa", "oà"), ("ỏa", "oả"), ("õa", "oã"), ("óa", "oá"),
    ("ọa", "oạ"), ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ"),
    ("khỏe", "khoẻ"), ("hòe", "hoè"), ("Hòa", "hoà"), ("HÒA", "hoà"), ("Thủy", "thuỷ"), ("THỦY", "thuỷ"),
    ("Ủy", "uỷ"), ("tùy", "tuỳ"), ("xóa", "xoá"), ("qúy", "quý"), ("hòang", "hoàng"),
])
def test_old_and_new_tone_placement_meet(old, new):
    assert canonical_tones(old) == canonical_tones(new) == new


@pytest.mark.parametrize("word", [
    "hoàng", "toàn", "ngoài", "khuyến", "khuỷu", "quý", "của", "mùa", "Nguyễn", "Đức", "Phổ",
    "quả", "hoặc", "xoắn", "thuở", "giữa", "uyên", "Quảng", "Ngãi",
])
def test_words_without_a_placement_choice_are_only_lower_cased(word):
    assert canonical_tones(word) == word.lower()


@pytest.mark.parametrize("form", ["NFD", "mixed"])
def test_decomposed_input_meets_precomposed(form):
    word = "Thủy Phổ Hòa"
    if form == "NFD":
        typed = unicodedata.normalize("NFD", word)
    else:  # Unikey "tổ hợp": precomposed letter + combining tone
        typed = "Thu\u0309y Pho\u0302\u0309 Ho\u0300a".replace("o\u0302", "ô")
    assert typed != word
    assert canonical_tones(typed) == canonical_tones(word) == "thuỷ phổ hoà"


@pytest.mark.parametrize("number, token", [
    ("62/KH-UBND", "62_kh_ubnd"), ("91/2017/NĐ-CP", "91_2017_nd_cp"), ("34-CT/TW", "34_ct_tw"),
    ("06/2022/QH15", "06_2022_qh15"), ("867/NQ-UBTVQH14", "867_nq_ubtvqh14"), ("158/PNV", "158_pnv"),
])
def test_document_number_token(number, token):
    assert doc_number_token(number) == token
    found = words(f"Theo văn bản số {number}, ngày 15/02/2024.")
    assert token in found
    assert "15_02_2024" not in found, "dates are not document numbers"


def test_words_of_a_text():
    found = words("Nhân dân phường Phổ Minh, thị xã Đức Phổ; Ủy ban hòa giải. Trưởng thôn Thuỷ Lợi. "
                  "Kế hoạch số 62/KH-UBND. Ký: Lê Duy Bảo")
    assert {"nhân", "phổ", "minh", "đức", "uỷ", "hoà", "thuỷ", "62_kh_ubnd", "62", "kh", "ubnd", "bảo"} <= found
    assert "ủy" not in found and "hòa" not in found, "one canonical tone placement"
    assert all(w == w.lower() for w in found)


def test_shard_keys_fold_the_first_two_letters():
    assert shard_key("nguyễn") == shard_key("nguyên") == "ng"
    assert shard_key("đường") == shard_key("dương") == "du"
    assert shard_key("62_kh_ubnd") == "62"


def page(index, location, title, body, template=None, sections=False):
    index.add_page(location, title, f"<article><h1>{title}</h1>{body}</article>", template, sections)


def test_index_leaves_out_repeated_rows_and_labels():
    index = SearchIndex()
    page(index, "ca-nhan/a/", "Nguyễn Văn An",
         '<dl><dt>Chức vụ</dt><dd>Trưởng thôn Hòa Bình</dd></dl>'
         '<table class="bv-awards"><thead><tr><th>Danh hiệu</th></tr></thead>'
         '<tr data-bv-item data-nam="2023"><td>Chiến sĩ thi đua</td></tr></table>'
         '<svg><text>Biểu đồ</text></svg>', "recipient.html")
    (entry,) = index.entries()
    assert entry.title_words == {"nguyễn", "văn", "an"}
    assert entry.text_words == {"trưởng", "thôn", "hoà", "bình"}, "no labels, rows, table heads or drawings"
    assert entry.text == "Trưởng thôn Hòa Bình"


def test_sections_and_order():
    index = SearchIndex()
    page(index, "bao-cao/x/", "Báo cáo số 31/BC-UBND",
         '<p>Mở đầu.</p><h2 id="i">I. Kết quả</h2><p>Phổ Minh</p><h3 id="i-1">1. Chi tiết</h3><p>Đức Phổ</p>'
         '<h2 id="trong">Trống</h2>', "report.html", sections=True)
    page(index, "ca-nhan/b/", "Trần Thị Bình", "<p>Giáo viên</p>", "recipient.html")
    page(index, "thong-ke/", "Thống kê", "<p>Số liệu</p>", "stats.html")
    entries = index.entries()
    assert [e.location for e in entries] == [
        "ca-nhan/b/", "bao-cao/x/", "bao-cao/x/#i", "bao-cao/x/#i-1", "bao-cao/x/#trong", "thong-ke/"], \
        "people first; each page followed by its sections"
    assert entries[3].title == "1. Chi tiết" and entries[3].text == "Đức Phổ"
    assert "31_bc_ubnd" in entries[1].title_words
    manifest, files = index.files()
    assert manifest["count"] == 6 and manifest["sections"] == [[1, 3]] and manifest["format"] == FORMAT
    shard = json.loads(files[manifest["shards"]["du"]])
    ids, total = [], 0
    for gap in shard["x"]["đức"]:
        total += gap
        ids.append(total)
    assert ids == [3]
    (chunk,) = [json.loads(files[name]) for name in manifest["docs"]]
    assert chunk[0] == ["ca-nhan/b/", "Trần Thị Bình", "Giáo viên"]


def test_files_are_named_by_content_and_chunked():
    index = SearchIndex()
    for n in range(CHUNK + 5):
        page(index, f"ca-nhan/p{n}/", f"Người {n:04d}", "<p>x</p>", "recipient.html")
    manifest, files = index.files()
    assert len(manifest["docs"]) == 2
    for name, data in files.items():
        stem, digest, ext = name.split(".")
        assert ext == "json" and len(digest) == 12 and not digest.isdigit()
    again = SearchIndex()
    for n in range(CHUNK + 5):
        page(again, f"ca-nhan/p{n}/", f"Người {n:04d}", "<p>x</p>", "recipient.html")
    assert again.files() == (manifest, files), "deterministic"


def test_mkdocs_yml_keeps_material_search_box_and_separator():
    import yaml

    class Loader(yaml.SafeLoader):  # mkdocs.yml may carry !ENV or !!python/name tags
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert "fields" not in search
    assert re.compile(search["separator"]).split("Phổ Minh, 62/KH-UBND") == ["Phổ", "Minh", "62", "KH", "UBND"]


def test_javascript_carries_the_same_tone_table_and_format():
    js = (REPO / "docs" / "assets" / "javascripts" / "workers" / "search-vi.js").read_text(encoding="utf-8")
    table = re.search(r"var TONE_PLACEMENT = \{(.*?)\};", js, re.S).group(1)
    assert dict(re.findall(r'"(..)": "(..)"', table)) == TONE_PLACEMENT
    assert int(re.search(r"var FORMAT = (\d+);", js).group(1)) == FORMAT


def test_build_writes_the_index_and_points_material_at_our_worker(seed_build):
    site = seed_build.site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [], "Material's plugin indexes nothing"
    manifest = index["config"]["bangvang"]
    lines = [line for name in manifest["docs"]
             for line in json.loads((site / SEARCH_DIR / name).read_text(encoding="utf-8"))]
    assert len(lines) == manifest["count"]
    locations = [line[0] for line in lines]
    assert "van-ban/62-kh-ubnd-2021/" in locations and "bao-cao/31-bc-ubnd-2024/" in locations
    assert any(loc.startswith("bao-cao/31-bc-ubnd-2024/#") for loc in locations), "report sections"
    assert not any(loc.startswith("huong-dan/") for loc in locations), "the officers' guide stays out"
    for name in list(manifest["shards"].values()) + manifest["docs"]:
        assert (site / SEARCH_DIR / name).is_file(), name
    assert sorted(p.name for p in (site / SEARCH_DIR).iterdir()) == sorted(
        list(manifest["shards"].values()) + manifest["docs"]), "no stray files"
    plan = json.loads((site / SEARCH_DIR / manifest["shards"]["62"]).read_text(encoding="utf-8"))
    assert "62_kh_ubnd" in plan["t"]
    for page_path, base in (("", ""), ("van-ban/", "../"), ("van-ban/62-kh-ubnd-2021/", "../../")):
        html = seed_build.page(page_path)
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                      html, re.S).group(1))
        assert config["search"] == f"{base}assets/javascripts/workers/search-vi.js"
    assert (site / "assets" / "javascripts" / "workers" / "search-vi.js").is_file()


def test_first_visit_fetches_only_a_small_manifest(seed_build):
    """What every visitor downloads for search before typing: Material's search_index.json (bundled
    data, 2026-11-30: 4.4 KB raw; it held the whole index, 167 KB raw, before)."""
    raw = (seed_build.site / "search" / "search_index.json").read_bytes()
    assert len(raw) < 16_000
    assert len(gzip.compress(raw)) < 4_000
