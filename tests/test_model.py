"""The public view, linked, and what pages ask of it (labels, figures), on the seed and the second commune."""

from __future__ import annotations

from datetime import date

import pytest

from bangvang.dates import PartialDate
from bangvang.figures import Figures
from bangvang.labels import Labels
from bangvang.public import load_view

from sitebuild import FIXTURE_DATA, SEED_DATA

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def seed():
    board, issues = load_view(SEED_DATA, today=TODAY)
    assert board is not None, issues.report()
    assert issues.items == []
    return board


@pytest.fixture(scope="module")
def commune():
    board, issues = load_view(FIXTURE_DATA, today=TODAY)
    assert board is not None, issues.report()
    return board


def test_seed_counts(seed):
    assert len(seed.of("phong_trao")) == 18
    assert len(seed.of("khen_thuong")) == 6
    assert len(seed.of("bao_cao")) == 1
    assert seed.of("dien_hinh") == []
    figures = Figures(seed, Labels(seed)).totals()
    assert figures["proposed_ca_nhan"] == 108
    assert figures["proposed_tap_the"] == 62
    assert figures["granted"] == 4


def test_names_follow_the_date(seed):
    district, labels = seed.bodies["ubnd-thi-xa"], Labels(seed)
    assert "huyện" in labels.body_name_at(district, PartialDate(2019, 5, 1))
    assert "thị xã" in labels.body_name_at(district, PartialDate(2021))
    assert labels.unit_name_at(PartialDate(2019, 8, 27)) == "xã Phổ Minh"
    assert labels.unit_name_at(PartialDate(2024, 2, 15)) == "phường Phổ Minh"


def test_awards_grouped_by_year_then_period_then_unknown(seed):
    spans = [span for span, _ in Figures(seed, Labels(seed)).awards_by_span()]
    assert [span.label for span in spans] == ["2023", "2014–2023", "2021", ""]
    assert [span.title for span in spans] == ["Năm 2023", "Giai đoạn 2014–2023", "Năm 2021", "Không rõ năm"]


def test_a_collective_has_its_award_history(seed):
    history = seed.awards_of["nhan-dan-va-can-bo-phuong-pho-minh"]
    assert {a.id for a in history} == {"bang-khen-tinh-2021", "bang-khen-tinh-2023", "giay-khen-thi-xa"}


def test_movement_links_its_plan_and_report(seed):
    plan = seed.by_id["van_ban"]["62-kh-ubnd-2021"]
    movements = seed.movements_of_doc[plan.id]
    assert [m.id for m in movements] == ["phat-trien-kinh-te-xa-hoi-2021-2025"]
    assert seed.reports_on_movement["phat-trien-kinh-te-xa-hoi-2021-2025"][0].id == "31-bc-ubnd-2024"


def test_kept_as_printed_flags(seed):
    flags = seed.flags["56-kh-ubnd-2019"]
    assert any("Covid-19" in f for f in flags)
    assert any("phường Phổ Minh" in f for f in flags)


def test_register_is_newest_first_with_unknown_dates_last(seed):
    register = seed.listed("van_ban")
    dated = [d.date for d in register if d.date]
    assert dated == sorted(dated, reverse=True)
    first_undated = next(i for i, d in enumerate(register) if not d.date)
    assert all(not d.date for d in register[first_undated:])


def test_people_sorted_by_given_name_and_groups_after(commune):
    kinds = [r.recipient_type for r in commune.of("doi_tuong")]
    assert kinds.index("ca_nhan") < min(i for i, k in enumerate(kinds) if k != "ca_nhan")


def test_revoked_award_and_authority_label(commune):
    revoked = commune.by_id["khen_thuong"]["thon-van-hoa-2022-thon-tan-lap"]
    assert revoked.status == "thu_hoi"
    assert revoked in commune.awards_by_decision[revoked.revoked_by.id]
    medal = commune.by_id["khen_thuong"]["huan-chuong-lao-dong-hang-ba-2023"]
    assert medal.what == "Huân chương Lao động hạng Ba"
    assert Labels(commune).level(medal) == "trung_uong"
