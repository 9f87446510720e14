"""An honor board that honors: models and events as records, praise first, way back, share cards.

Built for real: the bundled ward (no model recognised, its report says so) and the second commune
(tests/fixtures/xa-an-binh: ceremonies, models with and without a story, a press source).
"""

from __future__ import annotations

import posixpath
import re
import struct
from html.parser import HTMLParser

import pytest

from bangvang import kinds
from bangvang.public import load_view

from datatree import TODAY_ISO, write_tree
from sitebuild import FIXTURE_DATA, SEED_DATA, build_site, visible_text

CARDS = "chia-se/"
UNKNOWN = re.compile(r"Không rõ|Chưa có|Văn bản không nêu", re.I)


@pytest.fixture(scope="module")
def ward(tmp_path_factory):
    build = build_site(SEED_DATA, tmp_path_factory.mktemp("ward") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def commune(second_build):
    return second_build


@pytest.fixture(scope="module")
def commune_view():
    from datetime import date

    view, issues = load_view(FIXTURE_DATA, today=date(*TODAY_ISO))
    assert view is not None, issues.report()
    return view


def _metas(html: str) -> dict[str, str]:
    class Metas(HTMLParser):
        found: dict[str, str] = {}

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "meta" and (a.get("property") or a.get("name")):
                self.found[a.get("property") or a.get("name")] = a.get("content") or ""

    parser = Metas()
    parser.found = {}
    parser.feed(html)
    return parser.found


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _record_pages(build) -> list[str]:
    """Site paths of every record page: the folders of kinds that declare a page pattern."""
    folders = {kind.page.split("/")[0] for kind in kinds.with_pages()} | {"ca-nhan", "tap-the", "ho-gia-dinh"}
    return sorted(str(p.parent.relative_to(build.site)) + "/" for p in build.site.glob("*/*/index.html")
                  if p.parent.parent.name in folders and not p.parent.name.startswith(("trang-", "nam-")))


# --- the bundled ward: no model recognised ------------------------------------------------------------

def test_the_ward_shows_no_zero_counter_and_cites_its_report(ward):
    home = visible_text(ward.page(""))
    assert not re.search(r"\b0 (gương|sự kiện|bài)", home)
    assert "Theo Báo cáo số 31/BC-UBND ngày 15/02/2024" in home and "không có gương điển hình tiên tiến" in home


def test_an_empty_kind_has_no_list_page_and_no_tab(ward):
    for folder in ("su-kien", "bai-viet", "dien-hinh"):
        assert not (ward.site / folder).exists(), folder
        assert f'href="{folder}/"' not in ward.page("")


def test_the_honors_lead_the_home_page(ward):
    text = visible_text(ward.page(""))
    assert text.index("Vinh danh gần đây") < text.index("Bằng khen") < text.index("phong trào thi đua")


# --- the second commune: events, models, a press source ----------------------------------------------

def test_every_event_has_its_page_and_the_list_links_them(commune, commune_view):
    events = commune_view.of("su_kien")
    assert len(events) >= 2
    listing = commune.page("su-kien/")
    for event in events:
        assert f'href="{event.id}/"' in listing
        page = visible_text(commune.page(f"su-kien/{event.id}/"))
        assert event.title in page and (event.date.short() in page if event.date else True)


def test_an_event_shows_its_honorees_named_and_counted(commune):
    text = visible_text(commune.page("su-kien/dai-hoi-thi-dua-yeu-nuoc-2025/"))
    assert "Khen thưởng được trao" in text and "Trần Văn Đức" in text
    assert "25 tập thể, cá nhân" in text          # a count that the press did not split
    assert "Tổng kết: Chung sức xây dựng nông thôn mới" in text


def test_every_recognised_model_is_listed_with_or_without_a_story(commune, commune_view):
    models = commune_view.of("dien_hinh")
    without_story = [m for m in models if not m.has_story]
    assert len(models) >= 5 and len(without_story) >= 3
    listing = commune.page("dien-hinh/")
    assert listing.count('class="bv-card bv-card--model"') == len(models)
    for model in models:
        assert f'href="{model.id}/"' in listing
    teacher = visible_text(commune.page("dien-hinh/pham-thi-thanh-tam/"))
    # The honorific as printed, kept apart from the name; the field; the event that honored her.
    assert "cô giáo Phạm Thị Thanh Tâm" in teacher and "Giáo dục" in teacher
    assert "Hội nghị biểu dương, tôn vinh điển hình tiên tiến lần thứ I" in teacher


def test_recipient_and_model_pages_link_the_events_where_they_were_honored(commune):
    person = commune.page("ca-nhan/tran-van-duc/")
    assert "Được tôn vinh tại" in person and 'href="../../su-kien/dai-hoi-thi-dua-yeu-nuoc-2025/"' in person
    model = commune.page("dien-hinh/tran-van-duc/")
    assert 'href="../../su-kien/hoi-nghi-dien-hinh-tien-tien-2025/"' in model


def test_the_home_page_shows_the_latest_event(commune, commune_view):
    latest = commune_view.of("su_kien")[0]
    home = commune.page("")
    assert "Sự kiện gần đây" in home and f'href="su-kien/{latest.id}/"' in home


def test_press_articles_are_listed_apart_and_cited(commune, commune_view):
    articles = visible_text(commune.page("bai-viet/"))
    for article in commune_view.of("bai_viet"):
        assert article.title in articles and article.publisher in articles
    assert "không phải văn bản chính thức" in articles
    documents = visible_text(commune.page("van-ban/"))
    assert not any(a.title in documents for a in commune_view.of("bai_viet"))
    event = commune.page("su-kien/hoi-nghi-dien-hinh-tien-tien-2025/")
    assert re.search(r'<details class="bv-provenance">\s*<summary>Nguồn thông tin</summary>', event)
    assert 'href="../../bai-viet/#' in event


# --- every page ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("site_name", ["ward", "commune"])
def test_every_record_page_links_back_to_its_list_in_the_body(site_name, request):
    build = request.getfixturevalue(site_name)
    pages = _record_pages(build)
    assert len(pages) > 10
    for path in pages:
        html = build.page(path)
        crumb = re.search(r'<nav class="bv-breadcrumb" aria-label="Đường dẫn">(.*?)</nav>', html, re.S)
        assert crumb, path
        assert 'itemtype="https://schema.org/BreadcrumbList"' in crumb.group(1), path
        links = re.findall(r'href="([^"]+)"', crumb.group(1))
        assert len(links) >= 2 and links[0] == "../../", (path, links)


@pytest.mark.parametrize("site_name", ["ward", "commune"])
def test_no_list_page_shows_more_than_three_unknown_markers(site_name, request):
    build = request.getfixturevalue(site_name)
    lists = [kind.listing.path for kind in kinds.with_lists() if (build.site / kind.listing.path).is_dir()]
    lists += [str(p.parent.relative_to(build.site)) + "/" for p in build.site.glob("*/*/index.html")
              if p.parent.name.startswith(("nam-", "trang-")) or p.parent.parent.name == "khen-thuong"]
    assert len(lists) >= 5
    for path in lists:
        markers = UNKNOWN.findall(visible_text(build.page(path)))
        assert len(markers) <= 3, (path, markers)


def test_the_movements_list_says_once_what_no_document_states(ward):
    text = visible_text(ward.page("phong-trao/"))
    assert "Không rõ" not in text and "Chưa có" not in text
    assert text.count("— : văn bản không nêu.") == 1


@pytest.mark.parametrize("site_name", ["ward", "commune"])
def test_home_and_record_pages_carry_a_share_card(site_name, request):
    build = request.getfixturevalue(site_name)
    for path in ["", *_record_pages(build)]:
        meta = _metas(build.page(path))
        image = meta.get("og:image", "")
        assert image.endswith(".png"), path
        # absolute when the unit names its address (og:image must be), else relative to the page
        site_path = image[image.index(CARDS):] if "://" in image else posixpath.normpath(posixpath.join(path, image))
        file = build.site / site_path
        assert _png_size(file.read_bytes()) == (1200, 630), path
        assert meta["og:image:width"] == "1200" and meta["og:image:height"] == "630" and meta["og:image:alt"]
        assert meta["twitter:card"] == "summary_large_image"
        assert '<meta name="generator"' not in build.page(path), "Material's generator tag is cut (overrides/main.html)"


def test_models_and_events_have_their_own_cards(commune):
    site_card = _metas(commune.page(""))["og:image"]
    for path in ["dien-hinh/pham-thi-thanh-tam/", "su-kien/dai-hoi-thi-dua-yeu-nuoc-2025/"]:
        meta = _metas(commune.page(path))
        assert meta["og:image"] != site_card and path.rstrip("/").replace("/", "-") in meta["og:image"]
    alt = _metas(commune.page("dien-hinh/pham-thi-thanh-tam/"))["og:image:alt"]
    assert "cô giáo Phạm Thị Thanh Tâm" in alt


# --- the public view's rules in the cards and in recognitions ------------------------------------------

RECOGNITIONS = """\
- id: an-dien-hinh
  doi_tuong: nguyen-van-an
  danh_xung: anh
  linh_vuc: Sản xuất kinh doanh giỏi
"""


def _view(tmp_path, changes):
    from datetime import date

    view, issues = load_view(write_tree(tmp_path, changes), today=date(*TODAY_ISO))
    return view, issues


def _people(visibility: str) -> str:
    """The base tree's person, shown as `visibility` says (viet_tat: by initials; an: withdrawn)."""
    return (f"- id: nguyen-van-an\n  loai: ca_nhan\n  ho: Nguyễn\n  ten_dem: Văn\n  ten: An\n  hien_thi: {visibility}\n"
            "- id: to-dan-pho-2\n  loai: tap_the\n  ten: Tổ dân phố 2\n")


def test_a_card_names_a_person_shown_by_initials_by_initials(tmp_path):
    from bangvang.labels import Labels
    from bangvang.sharecards import record_card

    view, issues = _view(tmp_path, {"dien-hinh/2024.yml": RECOGNITIONS, "doi-tuong/doi-tuong.yml": _people("viet_tat")})
    assert view is not None, issues.report()
    card = record_card(view, Labels(view), view.of("dien_hinh")[0])
    assert "Nguyễn V. A." in card.title and "Văn An" not in card.title + card.alt


def test_a_withdrawn_person_has_no_recognition_published(tmp_path):
    event = ("- id: hoi-nghi\n  loai: hoi_nghi_dien_hinh\n  ten: Hội nghị biểu dương năm 2024\n"
             "  dien_hinh: [an-dien-hinh]\n  khen_thuong: [giay-khen-an-2023]\n")
    changes = {"dien-hinh/2024.yml": RECOGNITIONS, "doi-tuong/doi-tuong.yml": _people("an"), "su-kien/2024.yml": event}
    view, issues = _view(tmp_path, changes)
    assert view is not None, issues.report()
    assert view.of("dien_hinh") == []
    # The event keeps the award (counted, anonymous) but no longer lists the model that went.
    (published,) = view.of("su_kien")
    assert published.models == [] and len(published.awards) == 1
    build = build_site(tmp_path / "data", tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "Nguyễn Văn An" not in build.page("su-kien/hoi-nghi/") and "Biểu dương" not in build.page("su-kien/hoi-nghi/")


def test_a_story_without_consent_is_refused_with_a_hint(tmp_path):
    told = RECOGNITIONS + "  tieu_de: Người làm giàu từ cà phê\n"
    view, issues = _view(tmp_path, {"dien-hinh/2024.yml": told})
    assert view is None
    report = issues.report()
    assert "dien-hinh/2024.yml:1" in report and "dong_y" in report and "không kèm tiêu đề" in report


def test_a_recognition_needs_no_consent_and_shows_no_story(tmp_path):
    view, issues = _view(tmp_path, {"dien-hinh/2024.yml": RECOGNITIONS})
    assert view is not None, issues.report()
    model = view.of("dien_hinh")[0]
    assert model.honorific == "anh" and not model.has_story and model.title is None


def test_a_planned_period_may_end_in_a_coming_year_but_an_award_may_not(tmp_path):
    event = """\
- id: hoi-nghi
  loai: hoi_nghi_dien_hinh
  ten: Hội nghị điển hình tiên tiến lần thứ I
  giai_doan: {tu_nam: 2025, den_nam: 2030}
"""
    view, issues = _view(tmp_path, {"su-kien/2025.yml": event})
    assert view is not None, issues.report()
    award = "- id: x\n  doi_tuong: nguyen-van-an\n  hinh_thuc: giay_khen\n  trang_thai: da_tang\n  nam: 2030\n"
    view, issues = _view(tmp_path / "b", {"khen-thuong/x.yml": award})
    assert view is None and "ngay-trong-tuong-lai" in issues.report()


def test_a_report_header_keeps_the_place_name_on_one_line():
    from bangvang.render import keep_place

    assert keep_place("ỦY BAN NHÂN DÂN XÃ AN BÌNH") == "ỦY BAN NHÂN DÂN XÃ\u00a0AN\u00a0BÌNH"
    assert keep_place("UBND THỊ XÃ CƯ KUIN") == "UBND THỊ\u00a0XÃ\u00a0CƯ\u00a0KUIN"
    assert keep_place("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG") == "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
