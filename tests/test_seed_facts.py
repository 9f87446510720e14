"""Every structured fact of report 31/BC-UBND (the bundled seed) is on the page where a resident looks.

The facts are those a reader can take from the report itself: its number, date, issuer, title, signer
and recipients as on paper; its sections; the documents it cites; the movements, awards and figures it
reports; the unit's names over time. Nothing that is in the report may be missing from the site.

Each row: the page, then the texts that must be visible on it (after tags are dropped).
"""

from __future__ import annotations

import pytest

from sitebuild import SEED_DATA, build_site, visible_text

REPORT = "bao-cao/31-bc-ubnd-2024/"

FACTS = [
    # -- the report, as the paper document ---------------------------------
    (REPORT, ["Số: 31/BC-UBND", "Phổ Minh, ngày 15 tháng 02 năm 2024", "BÁO CÁO",
              "Báo cáo về thực trạng và đề xuất giải pháp phát huy vai trò của điển hình tiên tiến trong phong trào "
              "thi đua yêu nước giai đoạn 2014-2023",
              "UBND THỊ XÃ ĐỨC PHỔ", "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Duy Bảo", "Nơi nhận:",
              "- Phòng Nội vụ thị xã;", "- TT. Đảng ủy, HĐND phường (báo cáo);", "- CT, PCT UBND phường;",
              "- Mặt trận và các hội, đoàn thể phường;", "- Thành viên Hội đồng TĐKT phường;", "- Lưu: VT.",
              "“31/BC- UBND”", "dựng lại",
              # sections
              "I. Công tác lãnh đạo, chỉ đạo việc thực hiện phát hiện, bồi dưỡng, tổng kết, nhân rộng điển hình tiên tiến",
              "II. Thực trạng phát hiện, bồi dưỡng, tổng kết, nhân rộng điển hình tiên tiến",
              "1. Tình hình tổ chức, triển khai thực hiện công tác phát hiện",
              "2. Các hình thức, biện pháp, tiêu chí thực hiện công tác phát hiện",
              "3. Kết quả việc thực hiện phát hiện",
              "III. Các giải pháp phát hiện, bồi dưỡng, tổng kết, nhân rộng điển hình tiên tiến",
              # practices (section I, II.1, II.2)
              "Hội nghị cán bộ, công chức đầu năm", "ký kết giao ước thi đua", "hệ thống truyền thanh phường",
              "nghiêm túc, khách quan, đúng người, đúng thành tích",
              # results
              "không có gương điển hình tiên tiến", "108 cá nhân và 62 tập thể",
              # solutions 1–6
              "Chỉ thị 34-CT/TW ngày 7/4/2014", "“Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”",
              "Cụ thể hóa các nội dung thi đua", "Đây là nội dung biện pháp quan trọng hàng đầu",
              "nhân rộng điển hình tiên tiến trong phong trào thanh niên", "xem đây là nhiệm vụ trọng tâm",
              "Kính báo cáo Phòng Nội vụ thị xã Đức Phổ tổng hợp./.",
              "Công văn 158/PNV"]),
    ("van-ban/31-bc-ubnd-2024/", ["Báo cáo số 31/BC-UBND", "15/02/2024", "Ủy ban nhân dân phường Phổ Minh"]),
    # -- documents cited ----------------------------------------------------
    ("van-ban/158-pnv-2024/", ["158/PNV", "Công văn", "05/02/2024", "Phòng Nội vụ thị xã Đức Phổ",
                               "báo cáo điển hình tiên tiến trong phong trào thi đua"]),
    ("van-ban/34-ct-tw-2014/", ["34-CT/TW", "Chỉ thị", "07/04/2014", "Bộ Chính trị",
                                "tiếp tục đổi mới công tác thi đua, khen thưởng"]),
    ("van-ban/05-ct-tw-2016/", ["05-CT/TW", "15/05/2016", "Bộ Chính trị",
                                "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"]),
    ("van-ban/luat-sua-doi-thi-dua-khen-thuong-2013/",
     ["Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2013"]),
    ("van-ban/91-2017-nd-cp/", ["91/2017/NĐ-CP", "Nghị định", "31/07/2017", "Chính phủ"]),
    ("van-ban/62-kh-ubnd-2021/", ["62/KH-UBND", "20/12/2021",
                                  "phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hàng năm"]),
    ("van-ban/22-kh-ubnd-2022/", ["22/KH-UBND", "24/02/2022", "Đẩy mạnh cải cách hành chính phường Phổ Minh"]),
    ("van-ban/34-kh-ubnd-2023/", ["34/KH-UBND", "13/04/2023", "“13/4/ 2023”",
                                  "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí"]),
    ("van-ban/35-kh-ubnd-2019/", ["35/KH-UBND", "27/08/2019", "UBND xã Phổ Minh (nay là phường Phổ Minh)",
                                  "Cán bộ, công chức và người hoạt động không chuyên trách thực hiện văn hóa công sở"]),
    ("van-ban/56-kh-ubnd-2019/", ["56/KH-UBND", "11/11/2019", "Giữ nguyên như bản in",
                                  "Quảng Ngãi đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch Covid-19"]),
    ("van-ban/19-ct-ttg-2021/", ["19/CT-TTg", "Thủ tướng", "không ghi ngày"]),
    ("van-ban/14-ct-ubnd-2021/", ["14/CT-UBND", "06/08/2021", "Quảng Ngãi",
                                  "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"]),
    ("van-ban/nghi-quyet-dai-hoi-xiii-cua-dang/", ["Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"]),
    ("van-ban/nghi-quyet-dai-hoi-xx-dang-bo-tinh/", ["Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX"]),
    ("van-ban/van-ban-huong-dan-thi-dua-khen-thuong-cua-tinh/",
     ["các văn bản hướng dẫn về công tác thi đua khen thưởng của tỉnh"]),
    ("van-ban/", ["31/BC-UBND", "158/PNV", "34-CT/TW", "05-CT/TW", "91/2017/NĐ-CP", "62/KH-UBND", "22/KH-UBND",
                  "34/KH-UBND", "35/KH-UBND", "56/KH-UBND", "19/CT-TTg", "14/CT-UBND"]),
    # -- movements -------------------------------------------------------------
    ("phong-trao/", ["Điện Biên Phủ", "Nông thôn mới", "Giải phóng huyện Đức Phổ", "Bầu cử đại biểu",
                     "Học tập và làm theo tư tưởng", "Cải cách hành chính", "Dân vận khéo", "vì người nghèo",
                     "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", "Lao động giỏi, lao động sáng tạo",
                     "Nông dân thi đua sản xuất, kinh doanh giỏi", "kết cấu hạ tầng đồng bộ, hiện đại",
                     "văn hóa công sở", "Covid-19", "bảo vệ an ninh Tổ", "thanh niên",
                     "2011–2015", "2021–2025", "2019–2025"]),
    ("phong-trao/phat-trien-kinh-te-xa-hoi-2021-2025/", ["19/CT-TTg", "14/CT-UBND", "62/KH-UBND", "2021–2025"]),
    ("phong-trao/cai-cach-hanh-chinh/", ["22/KH-UBND", "Đẩy mạnh cải cách hành chính phường Phổ Minh"]),
    ("phong-trao/van-hoa-cong-so/", ["35/KH-UBND", "2019–2025"]),
    ("phong-trao/ket-cau-ha-tang-tiet-kiem-chong-lang-phi/", ["34/KH-UBND"]),
    ("phong-trao/quang-ngai-phong-chong-covid-19/", ["56/KH-UBND"]),
    ("phong-trao/hoc-tap-va-lam-theo-ho-chi-minh/", ["05-CT/TW"]),
    ("phong-trao/xay-dung-cnxh-va-bao-ve-to-quoc/", ["góp phần vào sự nghiệp xây dựng CNXH và bảo vệ tổ quốc"]),
    ("phong-trao/toan-dan-bao-ve-an-ninh-to-quoc/", ["Bằng khen", "2023"]),
    # -- awards and figures ------------------------------------------------------
    ("khen-thuong/", ["Năm 2021", "Năm 2023", "Bằng khen", "Chủ tịch UBND tỉnh Quảng Ngãi",
                      "Nhân dân và cán bộ phường Phổ Minh", "hiện tốt trong phong trào thi đua",
                      "hiện xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ Quốc",
                      "Lao động tiên tiến", "cán bộ, công chức phường", "UBND thị xã Đức Phổ", "Giấy khen",
                      "Nhân dân và cán bộ phường", "Không rõ năm", "108 cá nhân", "62 tập thể", "2014–2023",
                      "Đã đề nghị", "Theo chuyên đề", "Đột xuất"]),
    ("tap-the/nhan-dan-va-can-bo-phuong-pho-minh/", ["Nhân dân và cán bộ phường Phổ Minh", "Tập thể", "2021", "2023",
                                                    "Bằng khen", "Giấy khen"]),
    # No "0 gương điển hình" counter (and no empty list of models): the report's finding, cited, on the home page.
    ("", ["170", "Lê Duy Bảo", "Báo cáo số 31/BC-UBND", "2014–2023", "không có gương điển hình tiên tiến"]),
    ("thong-ke/", ["Theo năm", "Theo danh hiệu, hình thức", "Theo cấp khen", "Cấp tỉnh", "Theo loại hình"]),
    # -- the unit and its names over time ------------------------------------------
    ("gioi-thieu/", ["xã Phổ Minh", "phường Phổ Minh", "01/02/2020", "867/NQ-UBTVQH14", "huyện Đức Phổ",
                     "thị xã Đức Phổ", "tỉnh Quảng Ngãi", "1677/NQ-UBTVQH15"]),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = build_site(SEED_DATA, tmp_path_factory.mktemp("facts") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize("url, texts", FACTS, ids=[f[0] or "home" for f in FACTS])
def test_fact_is_on_its_page(site, url, texts):
    text = visible_text(site.page(url))
    missing = [t for t in texts if t not in text]
    assert not missing, f"/{url} lacks: {missing}"


def test_report_is_archived_in_full(site):
    """Every word of the extracted seed text is in the formatted report, in order."""
    import re
    raw = (SEED_DATA / "bao-cao" / "31-bc-ubnd-2024.txt").read_text(encoding="utf-8")
    html = site.page(REPORT)
    paper = html[html.index('<div class="bv-paper">'):html.index('<section class="bv-screen-only bv-report-meta">')]
    # The header block and signature are laid out as on paper (checked in FACTS); compare the body in order.
    body = raw[raw.index("Thực hiện Công văn"):raw.index("Nơi nhận:")]
    # Numbered solutions are an ordered list on the page: the browser draws "1.", "2." …
    words = [w for w in body.split() if not re.fullmatch(r"\d\.", w)]
    text = visible_text(paper).split()
    # Walk the page's words: each raw word must come next (the paper layout adds only its own labels).
    position, missing = 0, []
    for word in words:
        try:
            position = text.index(word, position) + 1
        except ValueError:
            missing.append(word)
    assert len(words) > 1500
    assert not missing, missing[:20]
    # The raw extraction is also kept verbatim for comparison.
    assert raw.strip()[:200] in html.replace("&#34;", '"').replace("&#39;", "'")
