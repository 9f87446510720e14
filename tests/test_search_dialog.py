"""Material's search dialog is written once, in a script, instead of in every page (searchdialog.py)."""

from __future__ import annotations

import json
import re

from bangvang.searchdialog import SCRIPT, cut

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
