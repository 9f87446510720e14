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


def page(index, location, title, body, template=None, sections=False, rows=None):
    index.add_page(location, title, f"<article><h1>{title}</h1>{body}</article>", template, sections, rows)


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
    assert entries[3].heading_words == {"1", "chi", "tiết"} and not entries[3].title_words, \
        "a section's heading is a heading, not a title"
    assert "31_bc_ubnd" in entries[1].title_words
    assert entries[1].title_pairs == {"bao <", "bao cao", "cao so", "so 31", "31 bc", "bc ubnd", "ubnd >"}
    manifest, files = index.files()
    assert manifest["count"] == 6 and manifest["sections"] == [[1, 3]] and manifest["format"] == FORMAT
    shard = json.loads(files[manifest["shards"]["du"]])
    ids, total = [], 0
    for gap in shard["x"]["đức"]:
        total += gap
        ids.append(total)
    assert ids == [3]
    assert list(json.loads(files[manifest["shards"]["bc"]])) == ["t", "p"], "fields with tokens only"
    (chunk,) = [json.loads(data) for name, data in files.items() if name.startswith("l0.")]
    assert chunk[0] == ["ca-nhan/b/", "Trần Thị Bình", "Giáo viên"]


def test_lists_yield_to_records_and_text_is_kept_whole():
    index = SearchIndex(lists=5)
    long = " ".join(["Đoạn văn dài."] * 400) + " Chủ tịch Lê Duy Bảo"
    page(index, "doi-tuong/", "Tập thể, cá nhân", "<p>Lê Duy Bảo</p>", 5)
    page(index, "bao-cao/x/", "Báo cáo", f"<p>{long}</p>", 4)
    manifest, files = index.files()
    assert manifest["lists"] == 1, "the first line of a list or other page"
    (chunk,) = [json.loads(data) for name, data in files.items() if name.startswith("l0.")]
    assert chunk[0][2].endswith("Lê Duy Bảo"), "the signer at the end of a long report stays in its text"


def test_files_are_named_by_content_and_chunked():
    index = SearchIndex()
    for n in range(CHUNK + 5):
        page(index, f"ca-nhan/p{n}/", f"Người {n:04d}", "<p>x</p>", "recipient.html")
    manifest, files = index.files()
    assert sorted(name for name in files if name.startswith("l")) == [
        f"l0.{manifest['lines']}.json", f"l1.{manifest['lines']}.json"], "chunks share one digest"
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
    workers = REPO / "docs" / "assets" / "javascripts" / "workers"
    text = (workers / "search-vi-text.js").read_text(encoding="utf-8")
    table = re.search(r"var TONE_PLACEMENT = \{(.*?)\};", text, re.S).group(1)
    assert dict(re.findall(r'"(..)": "(..)"', table)) == TONE_PLACEMENT
    worker = (workers / "search-vi.js").read_text(encoding="utf-8")
    assert int(re.search(r"var FORMAT = (\d+);", worker).group(1)) == FORMAT
    assert 'importScripts("search-vi-text.js")' in worker


def test_build_writes_the_index_and_points_material_at_our_worker(seed_build):
    site = seed_build.site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [], "Material's plugin indexes nothing"
    manifest = index["config"]["bangvang"]
    chunks = [f"l{n}.{manifest['lines']}.json" for n in range(-(-manifest["count"] // manifest["chunk"]))]
    lines = [line for name in chunks for line in json.loads((site / SEARCH_DIR / name).read_text(encoding="utf-8"))]
    assert len(lines) == manifest["count"]
    locations = [line[0] for line in lines]
    assert "van-ban/62-kh-ubnd-2021/" in locations and "bao-cao/31-bc-ubnd-2024/" in locations
    assert any(loc.startswith("bao-cao/31-bc-ubnd-2024/#") for loc in locations), "report sections"
    assert not any(loc.startswith("huong-dan/") for loc in locations), "the officers' guide stays out"
    for name in manifest["shards"].values():
        assert (site / SEARCH_DIR / name).is_file(), name
    assert sorted(p.name for p in (site / SEARCH_DIR).iterdir()) == sorted(
        list(manifest["shards"].values()) + chunks), "no stray files"
    assert 0 < manifest["lists"] < manifest["count"]
    assert all("#" in loc or not loc.startswith(("doi-tuong/", "khen-thuong/")) for loc in locations[:manifest["lists"]]), \
        "records' own pages come before the lists"
    assert "khen-thuong/#lao-dong-tien-tien-thi-xa" in locations[:manifest["lists"]], \
        "an award to people without a page of their own is a line: its row"
    assert "khen-thuong/#bang-khen-tinh-2023" not in locations, "an award on its recipient's page is found there"
    plan = json.loads((site / SEARCH_DIR / manifest["shards"]["62"]).read_text(encoding="utf-8"))
    assert "62_kh_ubnd" in plan["t"]
    # Material's configuration names our worker, from the site's root (searchdialog.py makes it in the
    # browser; tests/browser check the worker answers on pages at every depth).
    script = (site / "assets" / "javascripts" / "bv-search-dialog.js").read_text(encoding="utf-8")
    assert '"search":"assets/javascripts/workers/search-vi.js"' in script
    for name in ("search-vi.js", "search-vi-text.js"):
        assert (site / "assets" / "javascripts" / "workers" / name).is_file()


def test_first_visit_fetches_only_a_small_manifest(seed_build):
    """What every visitor downloads for search before typing: Material's search_index.json (bundled
    data, 2026-11-30: 4.4 KB raw; it held the whole index, 167 KB raw, before)."""
    raw = (seed_build.site / "search" / "search_index.json").read_bytes()
    assert len(raw) < 16_000
    assert len(gzip.compress(raw)) < 4_000


def test_what_search_leaves_out_and_keeps():
    index = SearchIndex()
    page(index, "ca-nhan/a/", "Nguyễn Văn An",
         '<nav class="bv-breadcrumb"><a>Trang chủ</a></nav>'
         '<form class="bv-filters"><select><option>Năm 2020 (3)</option></select></form>'
         '<p class="bv-lead">Bằng khen · Chủ tịch UBND tỉnh</p>'
         '<table class="bv-awards bv-awards--own"><thead><tr><th>Năm</th></tr></thead>'
         '<tr data-bv-item><td>2020</td><td>Chiến sĩ thi đua cơ sở</td></tr></table>'
         '<details class="warning bv-flag"><summary>Giữ nguyên như bản in</summary><p>in sai</p></details>'
         '<details class="bv-provenance bv-note"><summary>Ghi chú</summary><p>Nay là phường Phổ Hòa.</p></details>'
         '<table class="bv-awards"><tr data-bv-item><td>Trần Thị Bình</td></tr></table>', 0)
    (entry,) = index.entries()
    assert entry.text == "Bằng khen · Chủ tịch UBND tỉnh · 2020 · Chiến sĩ thi đua cơ sở · Ghi chú · Nay là phường Phổ Hòa.", \
        "the record's own awards and notes stay; breadcrumbs, filters, printing notes and other people's rows go"


def test_names_in_the_body_are_pairs_and_common_words_are_not_listed():
    from bangvang import search

    index = SearchIndex()
    for n in range(search.BODY + 1):
        page(index, f"ca-nhan/p{n}/", f"Người {n:05d}", "<p>Xã Tân Thành</p>", 0)
    page(index, "bao-cao/x/", "Báo cáo", "<p>TM. ỦY BAN NHÂN DÂN. Chủ tịch Lê Duy Bảo</p>", 4)
    report = index.entries()[-1]
    assert {"le duy", "duy bao"} <= report.name_pairs and "bao cao" not in report.name_pairs
    manifest, files = index.files()
    shard = json.loads(files[manifest["shards"]["ta"]])
    assert shard["x"]["tân"] == 0, "in the body of more than BODY lines: read, not listed"
    assert shard["n"]["tan thanh"] == 0
    assert manifest["body"] == search.BODY


def test_rows_that_are_records_are_lines_of_their_own():
    index = SearchIndex(lists=5)
    page(index, "bai-viet/", "Bài báo",
         '<p>Các bài báo.</p><ul><li id="bao-a" data-bv-line><p data-bv-line-title="1">An Bình tôn vinh điển hình</p>'
         '<p>Báo Đắk Lắk · 15/11/2025</p></li></ul>', 5, rows=3)
    lines = {e.location: e for e in index.entries()}
    row = lines["bai-viet/#bao-a"]
    assert row.title == "An Bình tôn vinh điển hình" and row.priority == 3
    assert row.text == "Báo Đắk Lắk · 15/11/2025"
    assert lines["bai-viet/"].text == "Các bài báo.", "the list keeps its own text only"
    manifest, _ = index.files()
    assert manifest["lists"] == 1, "the article ranks as a record, before the list"


def test_name_fields_weigh_apart_from_the_title_and_the_body():
    index = SearchIndex()
    page(index, "van-ban/3-kh/", "Kế hoạch số 3/KH-UBND",
         '<dl><dt>Trích yếu</dt><dd data-bv-name>Triển khai phong trào “Dân vận khéo” năm 2016</dd></dl>'
         '<p>Gửi các thôn.</p>', 3)
    (entry,) = index.entries()
    fields = entry.fields()
    assert {"dân", "vận", "khéo", "2016"} <= fields["a"] and "khéo" not in fields["x"]
    assert {"dan van", "van kheo"} <= fields["p"], "a name typed in order finds its pairs"
    assert "gửi" in fields["x"] and "kế" in fields["t"]
    assert "Dân vận khéo" in entry.text, "the snippet can still show it"
