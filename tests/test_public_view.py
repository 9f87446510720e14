"""One public view: a hidden person's name is in no built file, whatever field of whatever record named them.

A person shown by initials only (hien_thi: viet_tat) and a person who withdrew (hien_thi: an) are
written in full in every place an officer may write a name: the name as printed on an award line,
award reasons, another person's story, a photo's caption, a report and its raw text, a document's
summary, an id and a file name. The site is built for real and every file of it is read.
"""

from __future__ import annotations

import gzip
from collections import Counter
import io
import re
import unicodedata
from datetime import date

import pytest
from PIL import Image

from bangvang import kinds
from bangvang.model import load_model
from bangvang.public import WITHDRAWN, neutral_id, publish
from bangvang.text import fold

from datatree import BASE_FILES, write_tree
from sitebuild import build_site

TODAY = date(2026, 11, 28)
INITIALS, WITHDREW = "Lê Thị Thu Hà", "Trần Văn Khoa"
TRACES = [INITIALS, WITHDREW, "le-thi-thu-ha", "tran-van-khoa", "Thu Hà", "Văn Khoa"]

PEOPLE = BASE_FILES["doi-tuong/doi-tuong.yml"] + """\
# Trần Văn Khoa xin gỡ thông tin ngày 01/12/2026.
- id: le-thi-thu-ha
  loai: ca_nhan
  ho: Lê
  ten_dem: Thị Thu
  ten: Hà
  chuc_vu: Giáo viên Trường Tiểu học số 1
  hien_thi: viet_tat
  mo_ta: Cô giáo **Lê Thị Thu Hà** dạy giỏi nhiều năm liền.
  anh:
    tep: anh/co-ha.jpg
    mo_ta: Cô Lê Thị Thu Hà trên bục giảng
    dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}
- id: tran-van-khoa
  loai: ca_nhan
  ho: Trần
  ten_dem: Văn
  ten: Khoa
  chuc_vu: Tổ trưởng Tổ dân phố 2
  hien_thi: an
"""

AWARDS = BASE_FILES["khen-thuong/2023.yml"] + """\
- id: giay-khen-le-thi-thu-ha-2023
  doi_tuong: le-thi-thu-ha
  ten_doi_tuong_in: LÊ THỊ THU HÀ
  hinh_thuc: giay_khen
  co_quan_khen: ubnd-phuong
  nam: 2023
  quyet_dinh: qd-khen-tran-van-khoa-2023
  ly_do: Cô Lê Thị Thu Hà có thành tích xuất sắc; học trò gọi cô là Le Thi Thu Ha.
  trang_thai: da_tang
- id: giay-khen-tran-van-khoa-2023
  doi_tuong: tran-van-khoa
  ten_doi_tuong_in: Ông Trần Văn  Khoa
  hinh_thuc: giay_khen
  co_quan_khen: ubnd-phuong
  nam: 2023
  quyet_dinh: qd-khen-tran-van-khoa-2023
  ly_do: Ông Trần Văn Khoa vận động bà con làm đường.
  trang_thai: da_tang
"""

DOCUMENTS = BASE_FILES["van-ban/2021.yml"] + """\
- id: qd-khen-tran-van-khoa-2023
  loai: quyet_dinh
  so_ky_hieu: 88/QĐ-UBND
  ngay: 10/12/2023
  co_quan_ban_hanh: ubnd-phuong
  trich_yeu: Khen thưởng ông Trần Văn Khoa và cô Lê Thị Thu Hà
"""

STORY_OF_AN = """\
---
id: nguoi-lam-duong
tieu_de: Người làm đường cùng anh Trần Văn Khoa
doi_tuong: nguyen-van-an
tom_tat: Anh An cùng cô LÊ THỊ THU HÀ vận động bà con.
dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}
anh:
  tep: anh/lam-duong.jpg
  mo_ta: Anh An và anh Trần Văn Khoa trên công trình
  dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}
---
Anh An làm đường cùng anh Trần Văn Khoa; cô Lê Thị Thu Hà dạy con em trong tổ.

Bà con gọi anh là Trần-Văn-Khoa, Tr**ầ**n Văn Khoa, Tr&#7847;n V&#x103;n Khoa, TRAN VAN KHOA, {nfd}
hay *Trần Văn* Khoa; cô giáo là L`ê` Thị Thu Hà.
""".replace("{nfd}", unicodedata.normalize("NFD", "Trần Văn Khoa"))

ARTICLES = """\
- id: bao-tin-lam-duong
  loai: bao
  tieu_de: Cả tổ làm đường
  noi_dang: Báo Tin
  ngay: 12/03/2024
  lien_ket: https://baotin.example.vn/tran-van-khoa-lam-duong-123.htm
"""

STORY_OF_HA = """\
---
id: co-giao-le-thi-thu-ha
tieu_de: Cô giáo Lê Thị Thu Hà
doi_tuong: le-thi-thu-ha
dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}
---
Cô Lê Thị Thu Hà gắn bó với trường hai mươi năm.
"""

STORY_OF_KHOA = """\
---
id: ong-khoa
tieu_de: Ông Trần Văn Khoa
doi_tuong: tran-van-khoa
dong_y: {ngay: 01/03/2024, hinh_thuc: van_ban}
---
Ông Trần Văn Khoa là tổ trưởng gương mẫu.
"""

REPORT = BASE_FILES["bao-cao/31-bc-ubnd-2024.md"].replace(
    "---\nNăm 2023,", "ban_trich_xuat: 31-bc-ubnd-2024.txt\n---\nÔng Trần Văn Khoa và cô Lê Thị Thu Hà được khen. Năm 2023,")


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 120, 60)).save(out, "JPEG")
    return out.getvalue()


def write_hidden_people(base):
    return write_tree(base, {
        "doi-tuong/doi-tuong.yml": PEOPLE, "khen-thuong/2023.yml": AWARDS, "van-ban/2021.yml": DOCUMENTS,
        "dien-hinh/nguoi-lam-duong.md": STORY_OF_AN, "dien-hinh/le-thi-thu-ha.md": STORY_OF_HA,
        "dien-hinh/ong-khoa.md": STORY_OF_KHOA, "bao-cao/31-bc-ubnd-2024.md": REPORT, "bai-viet/2024.yml": ARTICLES,
        "bao-cao/31-bc-ubnd-2024.txt": "BÁO CÁO\nKhen thưởng ông TRẦN VĂN KHOA, cô Lê Thị Thu Hà.\n",
        "anh/co-ha.jpg": _jpeg(), "anh/lam-duong.jpg": _jpeg(),
    })


ENV = {"BANGVANG_SITE_URL": "https://vidu.github.io/bang-vang/", "BANGVANG_REPO_URL": "https://github.com/vidu/bang-vang"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Built without --strict: the checker warns where the withdrawn name is still written (below), and
    the public view must hide it even from a build that goes on despite the warnings."""
    base = tmp_path_factory.mktemp("hidden")
    build = build_site(write_hidden_people(base), base / "site", ENV, strict=False)
    assert build.returncode == 0, build.output
    return build


def test_the_checker_warns_wherever_the_withdrawn_name_is_still_written(tmp_path):
    _, issues = load_model(write_hidden_people(tmp_path), today=TODAY)
    warned = Counter((i.position.path, i.position.line) for i in issues.warnings if i.code == "ten-nguoi-da-rut")
    assert warned == Counter({
        ("data/doi-tuong/doi-tuong.yml", 9): 1,             # a comment
        ("data/khen-thuong/2023.yml", 20): 1,               # his own award: the name as printed, the reason
        ("data/khen-thuong/2023.yml", 25): 1,
        ("data/van-ban/2021.yml", 12): 1,                   # a decision's summary
        ("data/dien-hinh/nguoi-lam-duong.md", 3): 1,        # another person's story: title, caption, body
        ("data/dien-hinh/nguoi-lam-duong.md", 9): 1,
        ("data/dien-hinh/nguoi-lam-duong.md", 12): 1,
        ("data/dien-hinh/nguoi-lam-duong.md", 14): 5,       # hyphens, bold inside a word, references, no marks, NFD
        ("data/dien-hinh/nguoi-lam-duong.md", 15): 1,       # emphasis across the name
        ("data/dien-hinh/ong-khoa.md", 3): 1,               # a story about him
        ("data/dien-hinh/ong-khoa.md", 7): 1,
        ("data/bao-cao/31-bc-ubnd-2024.md", 18): 1,         # a report
        ("data/bai-viet/2024.yml", 6): 1,                   # a web address that spells his name
    }), issues.report()
    assert issues.errors == []
    strict = build_site(write_hidden_people(tmp_path / "again"), tmp_path / "site", ENV)
    assert strict.returncode != 0 and "ten-nguoi-da-rut" in strict.output


def _texts(site):
    """(path, text) of every file of the built site: the path itself, and the content of every text file."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        yield rel, rel
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        elif path.suffix in (".jpg", ".png", ".webp", ".ico", ".woff", ".woff2"):
            continue
        yield rel, data.decode("utf-8", "replace")


def test_hidden_names_are_in_no_built_file(built):
    found = []
    files = 0
    # Each trace as whole words, with or without marks and whatever the case ("thu ha", not "thứ hai").
    patterns = {trace: re.compile(rf"(?<!\w){re.escape(fold(trace))}(?!\w)") for trace in TRACES}
    for rel, text in _texts(built.site):
        files += 1
        folded = fold(text)
        found += [(rel, trace) for trace, pattern in patterns.items() if pattern.search(folded)]
    print(f"scanned {files} files and paths")
    assert files > 100
    assert found == []


def test_their_honours_are_still_there_initials_and_counts(built):
    awards = built.page("khen-thuong/")
    assert "Lê T. T. H." in awards
    assert "1 cá nhân (đã rút thông tin theo đề nghị)" in awards
    story = built.page("dien-hinh/nguoi-lam-duong/")
    assert WITHDRAWN in story and "Lê T. T. H." in story
    report = built.page("bao-cao/31-bc-ubnd-2024/")
    assert report.count(WITHDRAWN) >= 2  # the body and the raw text


def test_a_page_about_a_hidden_person_links_the_data_folder_not_the_line(built):
    person = built.page(f"ca-nhan/{neutral_id('le-thi-thu-ha')}/")
    assert 'href="https://github.com/vidu/bang-vang/tree/main/data/doi-tuong/"' in person
    assert "Xem dòng" not in person
    assert not re.search(r"anh/ca-nhan-an-[0-9a-f]+-\d+\.jpg", person)  # no photo of a person shown by initials


@pytest.fixture(scope="module")
def view(tmp_path_factory):
    model, issues = load_model(write_hidden_people(tmp_path_factory.mktemp("view")), today=TODAY)
    assert model is not None, issues.report()
    return publish(model)


def test_the_view_keeps_nothing_the_model_would_leak(view):
    people = {r.id: r for r in view.of("doi_tuong")}
    assert neutral_id("tran-van-khoa") not in people and "tran-van-khoa" not in people
    ha = people[neutral_id("le-thi-thu-ha")]
    assert (ha.full_name, ha.display_name, ha.photo) == ("Lê T. T. H.", "Lê T. T. H.", None)
    awards = {a.id: a for a in view.of("khen_thuong")}
    anonymous = awards[neutral_id("giay-khen-tran-van-khoa-2023")]
    assert view.is_anonymous(anonymous) and anonymous.recipient is None and anonymous.reason is None
    assert awards[neutral_id("giay-khen-le-thi-thu-ha-2023")].recipient_printed is None
    assert {m.id for m in view.of("dien_hinh")} == {"nguoi-lam-duong", neutral_id("co-giao-le-thi-thu-ha")}
    decision = view.by_id["van_ban"][neutral_id("qd-khen-tran-van-khoa-2023")]
    # the printed name "Ông Trần Văn  Khoa" is one of his names: its honorific goes with it
    assert decision.summary == f"Khen thưởng {WITHDRAWN} và cô Lê T. T. H."
    assert all(m.consent is None for m in view.of("dien_hinh"))  # where consent papers are kept: never published


def test_every_record_of_every_kind_is_a_public_copy(view, tmp_path):
    """No output can reach a record of the model: the view holds copies (the model is left as it was)."""
    model, _ = load_model(write_hidden_people(tmp_path), today=TODAY)
    originals = {id(r) for kind in kinds.KINDS for r in model.of(kind.key)} | {id(model.unit)}
    published = [r for kind in kinds.KINDS for r in view.of(kind.key)] + [view.unit]
    assert published and all(id(r) not in originals for r in published)
    assert any(r.full_name == INITIALS for r in model.of("doi_tuong"))


def test_no_edit_link_points_at_a_file_that_names_a_hidden_person(built):
    naming = {"doi-tuong/doi-tuong.yml", "khen-thuong/2023.yml", "van-ban/2021.yml", "dien-hinh/nguoi-lam-duong.md",
              "dien-hinh/ong-khoa.md", "dien-hinh/le-thi-thu-ha.md", "bao-cao/31-bc-ubnd-2024.md", "bai-viet/2024.yml"}
    linked = set()
    for page in built.site.rglob("*.html"):
        linked.update(re.findall(r'href="https://github\.com/vidu/bang-vang/(?:edit|blob)/main/data/([^"#?]+)',
                                 page.read_text(encoding="utf-8")))
    assert linked and linked.isdisjoint(naming), linked & naming
    assert "phong-trao/phong-trao.yml" in linked  # files that name nobody hidden keep their line links


def test_a_withdrawn_household_takes_its_head_s_name_with_it(tmp_path):
    people = BASE_FILES["doi-tuong/doi-tuong.yml"] + (
        "- id: ho-ong-le-van-thanh\n  loai: ho_gia_dinh\n  ten: Hộ ông Lê Văn Thành\n  hien_thi: an\n"
        "- id: thon-5\n  loai: tap_the\n  ten: Thôn 5\n  mo_ta: Ông Lê Văn Thành hiến 200 m² đất làm đường.\n")
    model, issues = load_model(write_tree(tmp_path, {"doi-tuong/doi-tuong.yml": people}), today=TODAY)
    assert model is not None, issues.report()
    village = next(r for r in publish(model).of("doi_tuong") if r.id == "thon-5")
    assert village.description == f"Ông {WITHDRAWN} hiến 200 m² đất làm đường."


def test_initials_are_for_a_person_only(tmp_path):
    people = BASE_FILES["doi-tuong/doi-tuong.yml"] + "- id: ho-ong-ba\n  loai: ho_gia_dinh\n  ten: Hộ ông Ba\n  hien_thi: viet_tat\n"
    _, issues = load_model(write_tree(tmp_path, {"doi-tuong/doi-tuong.yml": people}), today=TODAY)
    assert [(i.code, i.position.line) for i in issues.errors] == [("truong-khong-dung-cho-loai", 12)]
