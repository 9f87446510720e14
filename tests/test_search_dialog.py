"""Material's search dialog is written once, in a script, instead of in every page (searchdialog.py)."""

from __future__ import annotations

import json
import re

from bangvang.searchdialog import SCRIPT, cut, cut_config

HEADER = ('<header><div class="md-header__title">Bảng vàng</div>'
          '<label class="md-header__button md-icon" for="__search"><svg></svg></label>'
          '<div class="md-search" data-md-component="search" role="dialog"><div class="md-search__inner">'
          '<form><input></form><div class="md-search__output"><div></div></div></div></div>'
          '<div class="md-header__source">x</div></header>')


def test_the_button_and_the_whole_dialog_are_cut_and_nothing_else():
    page, markup = cut(HEADER)
    assert page == '<header><div class="md-header__title">Bảng vàng</div><div class="md-header__source">x</div></header>'
    assert markup.startswith('<label class="md-header__button') and markup.endswith("</div></div></div></div>")
    assert cut(page) == (page, None)
    unclosed = HEADER.replace("</div></div></div></div>", "")
    assert cut(unclosed) == (unclosed, None)  # never half a dialog: the page stays as it was


def test_no_page_carries_the_dialog_and_the_script_puts_it_back(seed_build):
    pages = sorted(seed_build.site.rglob("*.html"))
    assert len(pages) > 20
    with_dialog = [p for p in pages if 'class="md-search"' in p.read_text(encoding="utf-8")]
    assert with_dialog == []
    script = (seed_build.site / SCRIPT).read_text(encoding="utf-8")
    markup = json.loads(re.search(r'insertAdjacentHTML\("afterend",(".*")\)', script).group(1))
    assert markup.startswith('<label class="md-header__button md-icon" for="__search">')
    assert 'class="md-search"' in markup and 'placeholder="Tìm kiếm"' in markup
    home = seed_build.page("")
    assert home.index("bv-search-dialog.js") < home.index("javascripts/bundle.")  # before Material's script


def test_materials_configuration_is_cut_with_its_paths_from_the_root():
    for base, search in ((".", "assets/w.js"), ("../..", "../../assets/w.js"), ("/", "/assets/w.js"),
                         ("/x", "/x/assets/w.js")):
        block = json.dumps({"base": base, "features": ["a"], "search": search, "translations": {"t": "Tìm"}})
        page, config = cut_config(f'<p>x</p><script id="__config" type="application/json">{block}</script><p>y</p>')
        assert page == "<p>x</p><p>y</p>"
        assert config == {"features": ["a"], "search": "assets/w.js", "translations": {"t": "Tìm"}}, base
    assert cut_config("<p>x</p>") == ("<p>x</p>", None)


def test_no_page_carries_materials_configuration_and_the_script_makes_it(seed_build):
    pages = sorted(seed_build.site.rglob("*.html"))
    assert [p for p in pages if '<script id="__config"' in p.read_text(encoding="utf-8")] == []
    script = (seed_build.site / SCRIPT).read_text(encoding="utf-8")
    config = json.loads(re.search(r"var c=(\{.*?\}),r=__md_scope", script).group(1))
    assert config["search"] == "assets/javascripts/workers/search-vi.js" and "base" not in config
    assert config["translations"]["search.result.none"] == "Không tìm thấy trang phù hợp"
