"""Vietnamese search, Python half (bangvang.search): tone placement, extra index fields, the rewrite
of search_index.json and its wiring into a real build. The browser half is tests/browser/test_search.py."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest

from bangvang.search import (FIELDS, TONE_PLACEMENT, add_fields, canonical_tones, check_config,
                             doc_number_token, rewrite_index_file, variant_fields)
from bangvang.text import fold
from sitebuild import REPO, SEED_DATA, build_site

SEPARATOR = re.compile(r'[\s\-–—,:!=\[\]()"“”‘’/.;?…]+')  # mkdocs.yml → plugins: search: separator
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
    variants, _ = variant_fields(f"<p>Theo văn bản số {number}, ngày 15/02/2024.</p>", SEPARATOR)
    assert token in variants.split()
    assert "15_02_2024" not in variants, "dates are not document numbers"


def test_fields_of_a_text():
    text = ('<p>Nhân dân phường Phổ Minh, thị xã Đức Phổ, tỉnh Quảng Ngãi; Ủy ban hòa giải. '
            'Trưởng thôn Thuỷ Lợi. Kế hoạch số 62/KH-UBND. Ký: Lê Duy Bảo</p>')
    variants, folded = variant_fields(text, SEPARATOR)
    assert variants.split() == ["uỷ", "hoà", "62_kh_ubnd"]
    words = folded.split()
    for word in ("nhan", "dan", "phuong", "pho", "duc", "quang", "ngai", "uy", "hoa", "giai", "truong",
                 "thuy", "loi", "ke", "hoach", "so", "ky", "le", "bao"):
        assert word in words, word
    for unmarked in ("minh", "ban", "duy", "kh", "ubnd", "62"):
        assert unmarked not in words, f"{unmarked} is already in the text field as written"


def test_glued_words_are_split():
    # Material's parser drops table-cell tags without a space: "đoạn</td><td>Văn" → "đoạnVăn".
    variants, folded = variant_fields("Giai đoạnVăn bản số 158/PNVKính gửi năm2014–2023 QH15", SEPARATOR)
    parts = variants.split()
    assert {"đoạn", "văn", "kính", "năm", "2014", "158_pnv"} <= set(parts)
    assert "qh" not in parts and "15" not in parts, "acronyms with digits stay whole"
    assert {"doan", "van", "kinh", "nam"} <= set(folded.split())


def index_with(docs, fields=None):
    config = {"lang": ["vi"], "separator": SEPARATOR.pattern, "pipeline": ["stopWordFilter"],
              "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0},
                         **({k: {"boost": v} for k, v in FIELDS.items()} if fields is None else fields)}}
    return {"config": config, "docs": docs}


def test_rewrite_index_file(tmp_path):
    docs = [
        {"location": "", "title": "Trang chủ", "text": "<p>Bảng vàng phường Phổ Minh</p>"},
        {"location": "x/", "title": unicodedata.normalize("NFD", "Xã Hòa An"), "text": "minh"},
        {"location": "x/#a", "title": "Mục", "text": "", "tags": ["Bằng khen"], "boost": 2},
    ]
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(index_with(docs)), encoding="utf-8")  # ASCII-escaped, as Material writes
    before, after = rewrite_index_file(path)
    assert before == len(json.dumps(index_with(docs)).encode()) and after == path.stat().st_size
    raw = path.read_text(encoding="utf-8")
    assert "\\u" not in raw and "Phổ" in raw, "written as UTF-8, not \\u escapes"
    out = json.loads(raw)
    home, commune, section = out["docs"]
    assert home == {"location": "", "title": "Trang chủ", "text": "<p>Bảng vàng phường Phổ Minh</p>",
                    "ft": "chu", "fx": "bang vang phuong pho"}
    assert commune["title"] == "Xã Hòa An", "title made NFC"
    assert commune["vt"] == "hoà" and commune["ft"] == "xa hoa" and "vx" not in commune and "fx" not in commune
    assert section["tags"] == ["Bằng khen"] and section["boost"] == 2 and section["ft"] == "muc"
    assert out["config"] == index_with(docs)["config"]
    # Idempotent: rewriting the rewritten index changes nothing.
    rewrite_index_file(path)
    assert path.read_text(encoding="utf-8") == raw


def test_rewrite_refuses_an_index_without_the_fields(tmp_path):
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(index_with([], fields={})), encoding="utf-8")
    with pytest.raises(ValueError, match="'vt'"):
        rewrite_index_file(path)
    assert check_config(index_with([], fields={"vt": {"boost": 1}, "vx": {"boost": 1}, "ft": {"boost": 500},
                                               "fx": {"boost": 0.5}})["config"]) == [
        "plugins: search: fields: vt có boost 1, cần 1000.0"]


def test_mkdocs_yml_declares_the_fields_and_the_separator():
    import yaml

    class Loader(yaml.SafeLoader):  # mkdocs.yml may carry !ENV or !!python/name tags
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert {k: float(v["boost"]) for k, v in search["fields"].items()} == FIELDS
    assert search["separator"] == SEPARATOR.pattern
    # Folded fields weigh less than the fields they fold: exact matches rank first.
    assert FIELDS["ft"] < FIELDS["vt"] and FIELDS["fx"] < FIELDS["vx"]


def test_javascript_carries_the_same_tone_table():
    js = (REPO / "docs" / "assets" / "javascripts" / "workers" / "search-vi.js").read_text(encoding="utf-8")
    table = re.search(r"var TONE_PLACEMENT = \{(.*?)\};", js, re.S).group(1)
    assert dict(re.findall(r'"(..)": "(..)"', table)) == TONE_PLACEMENT
    assert re.search(r'var FIELDS = \[(.*?)\]', js).group(1).replace('"', "").replace(" ", "").split(",") \
        == list(FIELDS)


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    build = build_site(SEED_DATA, tmp_path_factory.mktemp("search") / "site")
    assert build.returncode == 0, build.output
    return build


def test_build_adds_the_fields_and_points_material_at_the_wrapper(seed_build):
    site = seed_build.site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {k: index["config"]["fields"][k]["boost"] for k in FIELDS} == FIELDS
    docs = index["docs"]
    assert sum("fx" in d for d in docs) > len(docs) / 2
    plan = next(d for d in docs if d["location"] == "van-ban/62-kh-ubnd-2021/")
    assert "62_kh_ubnd" in plan["vt"].split()
    workers = sorted(p.name for p in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert len(workers) == 1, workers
    for page, base in (("", ""), ("van-ban/", "../"), ("van-ban/62-kh-ubnd-2021/", "../../")):
        html = seed_build.page(page)
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                      html, re.S).group(1))
        assert config["search"] == f"{base}assets/javascripts/workers/search-vi.js?material={workers[0]}"
    assert (site / "assets" / "javascripts" / "workers" / "search-vi.js").is_file()


def test_index_size(seed_build):
    """The extra fields stay under one more copy of the text (bundled data, 2026-11: 351,106 →
    373,468 bytes raw, 51,722 → 76,421 gzip; UTF-8 instead of \\u escapes pays for the raw growth)."""
    path = seed_build.site / "search" / "search_index.json"
    after = path.read_bytes()
    index = json.loads(after)
    stock = {"config": index["config"], "docs": [{k: v for k, v in d.items() if k not in FIELDS}
                                                 for d in index["docs"]]}
    before = json.dumps(stock, separators=(",", ":")).encode()  # as Material writes it
    text = sum(len((d["title"] + d["text"]).encode()) for d in stock["docs"])
    added = sum(len(" ".join(d.get(k, "") for k in FIELDS).encode()) for d in index["docs"])
    assert added < text  # at most one more copy of the text
    assert len(after) < 1.25 * len(before)
    # Folded copies of Vietnamese-heavy text compress less well than the original: bound the cost.
    assert len(gzip.compress(after)) < 1.75 * len(gzip.compress(before))
