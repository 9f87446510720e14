"""An awards table on the page of a document, a movement or an event does not repeat that page in
every row (a link to itself), and says once, above the rows, what every row says alike; the rows
keep everything else. (Per row, that was about a fifth of a decision page at province size.)"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bangvang.pages import Site
from bangvang.public import load_view
from sitebuild import FIXTURE_DATA

ROW = re.compile(r'<tr id="[^"]+"[^>]* data-bv-item\b.*?</tr>', re.S)  # a row of an awards table


@pytest.fixture(scope="module")
def site():
    view, issues = load_view(FIXTURE_DATA, today=date(2026, 11, 28))
    assert view is not None, issues.report()
    return Site(view)


def rows(site, src: str) -> tuple[str, list[str]]:
    html, _ = site.render_page(src)
    return html, ROW.findall(html)


def test_a_decisions_rows_do_not_link_the_decision_and_share_its_authority(site):
    decision = site.view.by_id["van_ban"]["1105-qd-ubnd-2025"]
    awards = site.view.awards_by_decision[decision.id]
    assert len(awards) >= 2
    html, found = rows(site, "van-ban/1105-qd-ubnd-2025.md")
    assert len(found) == len(awards)
    assert not any("van-ban/1105-qd-ubnd-2025/" in row for row in found), "no row links its own page"
    assert all("phong-trao/chung-suc-xay-dung-nong-thon-moi/" in row for row in found), "other links stay"
    # the level is not added where the authority's name says it ("huyện")
    assert "Cấp khen của mọi dòng: Chủ tịch UBND huyện Cư Kuin." in html
    assert not any("Cư Kuin<br><small>Cấp huyện" in row for row in found), "said once, not in each row"


def test_a_movements_rows_link_their_decisions_but_not_the_movement(site):
    movement = site.view.by_id["phong_trao"]["chung-suc-xay-dung-nong-thon-moi"]
    html, found = rows(site, f"phong-trao/{movement.id}.md")
    assert len(found) == len(site.view.awards_in_movement[movement.id]) >= 2
    assert not any(f"phong-trao/{movement.id}/" in row for row in found)
    assert any("van-ban/1105-qd-ubnd-2025/" in row for row in found)
    # Elsewhere (the year's list), the same rows link both.
    _, listed = rows(site, "khen-thuong/index.md")
    assert any(f"phong-trao/{movement.id}/" in row and "van-ban/1105-qd-ubnd-2025/" in row for row in listed)


def test_an_events_rows_do_not_name_the_event(site):
    event = site.view.of("su_kien")[0]
    html, found = rows(site, f"su-kien/{event.id}.md")
    assert found and not any(f"su-kien/{event.id}/" in row for row in found)
    assert not any(row.count("<td") and "<td><br>" in row for row in found), "no cell starts with a line break"


def test_only_an_award_not_simply_granted_carries_a_status_and_a_mixed_table_says_so(site):
    html, found = rows(site, "phong-trao/toan-dan-doan-ket-xay-dung-doi-song-van-hoa.md")  # one revoked
    revoked = [row for row in found if "bv-status--thu_hoi" in row]
    assert revoked and len(revoked) < len(found)
    assert not any("bv-status--da_tang" in row for row in found)
    assert "Dòng không ghi trạng thái: đã khen thưởng." in html
    html, found = rows(site, "ca-nhan/nguyen-thi-mai-huong.md")  # granted only
    assert found and "bv-status" not in "".join(found) and "Dòng không ghi trạng thái" not in html


def test_kinds_every_row_shares_are_said_once_above_the_table_else_in_each_row(site):
    html, found = rows(site, "khen-thuong/index.md")
    tables = html.split('<section data-bv-group>')[1:]
    shared = [t for t in tables if "Loại hình của mọi dòng: Theo chuyên đề." in t]
    mixed = [t for t in tables if "Loại hình của mọi dòng" not in t and "Loại hình: " in t]
    assert shared and mixed, "the second commune has both kinds of year"
    assert all("Loại hình: " not in t for t in shared)
    # a table of one row says it in the row (a line above it would say no less and weigh more)
    html, found = rows(site, "tap-the/thon-3.md")
    assert len(found) == 1 and "<small>Loại hình: Theo chuyên đề</small>" in found[0]
    assert "Loại hình của mọi dòng" not in html


def test_a_cells_lines_are_separated_by_line_breaks(site):
    _, found = rows(site, "khen-thuong/index.md")
    reason = [row for row in found if "Phong trào: <a" in row and "<br>Phong trào: <a" in row]
    assert reason, "the reason, then the movement on its own line"
    assert not any('class="bv-line"' in row for row in found)


def test_a_level_the_authoritys_name_does_not_say_is_written_under_it(site):
    _, found = rows(site, "khen-thuong/index.md")
    cells = [re.search(r"<td>(Chủ tịch UBND [^<]*)(<br><small>[^<]*</small>)?</td>", row) for row in found]
    pairs = {(m.group(1), m.group(2)) for m in cells if m}
    assert ("Chủ tịch UBND xã An Bình", None) in pairs  # "xã" is in the name: not "Cấp xã" again
    assert ("Chủ tịch UBND tỉnh Đắk Lắk", None) in pairs
    assert any("Chủ tịch nước<br><small>Trung ương</small>" in row for row in found), "a level not in the name stays"
    assert not any(level and level.lower()[len("<br><small>cấp "):-len("</small>")] in name.lower()
                   for name, level in pairs if level and "Cấp " in level)
