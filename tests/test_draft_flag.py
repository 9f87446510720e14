"""A report in draft (`du_thao: true`): its number and date may stay blank, and it is never published.

A draft has no number yet (Decree 30: the number is given when it is signed), so the checker must
not ask for one, nor invent one; and what is not issued must not appear on the site, in open data,
or in the list of published records.
"""

from __future__ import annotations

from datetime import date

from bangvang.load import load
from bangvang.manifest import current_ids
from bangvang.model import load_model
from bangvang.public import load_view

from datatree import TODAY_ISO, write_tree

TODAY = date(*TODAY_ISO)
DRAFT = ("---\nid: du-thao-bc-2024\nloai: bao_cao\ndu_thao: true\ntrich_yeu: Tổng kết thi đua năm 2024\n"
         "giai_doan: {tu_nam: 2024, den_nam: 2024}\n---\nThực hiện …, báo cáo như sau:\n")


def test_a_draft_needs_no_number_and_is_never_published(tmp_path):
    data = write_tree(tmp_path, {"bao-cao/du-thao-bc-2024.md": DRAFT})
    model, issues = load_model(data, TODAY)
    assert model is not None, issues.report()
    assert [r.id for r in model.of("bao_cao") if r.draft] == ["du-thao-bc-2024"]
    view, _ = load_view(data, TODAY)
    assert "du-thao-bc-2024" not in {r.id for r in view.of("bao_cao")} | {d.id for d in view.listed("van_ban")}
    assert "du-thao-bc-2024" not in current_ids(load(data, TODAY)[0])["van_ban"]


def test_without_the_flag_a_report_still_needs_its_number(tmp_path):
    data = write_tree(tmp_path, {"bao-cao/du-thao-bc-2024.md": DRAFT.replace("du_thao: true\n", "")})
    model, issues = load_model(data, TODAY)
    assert model is None
    assert [(i.code, i.position.path) for i in issues.errors] == [("thieu-truong", "data/bao-cao/du-thao-bc-2024.md")]


def test_nothing_published_may_point_at_a_draft(tmp_path):
    award = ("- id: bang-khen-2024\n  doi_tuong: nguyen-van-an\n  hinh_thuc: giay_khen\n  trang_thai: da_tang\n"
             "  nguon:\n    - van_ban: du-thao-bc-2024\n")
    data = write_tree(tmp_path, {"bao-cao/du-thao-bc-2024.md": DRAFT, "khen-thuong/2024.yml": award})
    model, issues = load_model(data, TODAY)
    assert model is None
    [issue] = issues.errors
    assert (issue.code, str(issue.position)) == ("dan-ban-du-thao", "data/khen-thuong/2024.yml:6:16")
    assert "bỏ dòng du_thao" in issue.hint
