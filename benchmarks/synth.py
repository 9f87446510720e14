"""Realistic synthetic honor-board data, written through the real schema's file layout.

    python benchmarks/synth.py OUT_DIR --recipients 2000 --awards 5000 --movements 50 --reports 30

Deterministic (seeded): Vietnamese names with diacritics, collectives and
households, decisions (quyết định) that grant the awards, movements with plans,
exemplary-model stories and reports in the Decree 30/2020 layout. Awards are
split into files of at most 2,000 per year, as officers would keep them; about one
recipient in ten has a short Markdown introduction citing its decision's number
(which the site turns into a link).

Optional fields that a newer schema makes required (e.g. the storyteller's consent
`dong_y` of an exemplary model) are written when the schema in use declares them,
so the same generator serves the tree under test (run it with PYTHONPATH pointing
at that tree's src/; benchmarks/bench.py does).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thị Thu", "Xuân", "Công", "Kim", "Bảo", "Thùy"]
GIVEN = ["An", "Ánh", "Bảo", "Bình", "Châu", "Cường", "Dũng", "Duyên", "Đạt", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hòa",
         "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Nhung", "Phúc", "Phương",
         "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thủy", "Tiến", "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến"]
ROLES = ["Công chức Văn phòng - Thống kê", "Công chức Địa chính - Xây dựng", "Giáo viên", "Bí thư Chi đoàn",
         "Trưởng thôn", "Chi hội trưởng Hội Nông dân", "Công an viên", "Y sĩ Trạm Y tế", "Công chức Tư pháp - Hộ tịch"]
ORGS = ["Trường Tiểu học số {n}", "Chi hội Phụ nữ thôn {n}", "Chi đoàn thôn {n}", "Tổ dân phố {n}", "Thôn {n}",
        "Hội Cựu chiến binh xã", "Trạm Y tế xã", "Hợp tác xã Nông nghiệp {n}", "Trường Mầm non Hoa Sen {n}"]
MOVEMENT_THEMES = ["Chung sức xây dựng nông thôn mới", "Cải cách hành chính", "Dân vận khéo", "Vì người nghèo",
                   "Toàn dân bảo vệ an ninh Tổ quốc", "Lao động giỏi, lao động sáng tạo", "Văn hóa công sở",
                   "Nông dân sản xuất, kinh doanh giỏi", "Xây dựng đô thị văn minh", "Chuyển đổi số"]
REASONS = ["Đã có thành tích xuất sắc trong phong trào thi đua năm {y}",
           "Hoàn thành xuất sắc nhiệm vụ năm {y}",
           "Có thành tích tiêu biểu trong phong trào “{m}”"]
PARAGRAPH = ("Trong năm, {who} đã tích cực tham gia phong trào “{m}”, vận động bà con cùng góp công, góp sức làm "
             "đường giao thông, nạo vét kênh mương và giúp đỡ các hộ khó khăn. Nhờ cách làm sáng tạo, gần gũi, "
             "nhiều hộ dân đã đồng thuận, mô hình được nhân rộng ra các thôn khác trong xã. ")


def _schema_keys(kind: str) -> set[str]:
    """YAML keys the schema in use declares for records of `kind` (empty if bangvang is not importable)."""
    try:
        from bangvang import records
        from bangvang.schema import field_specs
    except ImportError:
        return set()
    for cls in vars(records).values():
        if isinstance(cls, type) and getattr(cls, "KIND", None) == kind:
            return {spec.key for spec in field_specs(cls)}
    return set()


def q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(out: Path, recipients: int, awards: int, movements: int, reports: int, models: int = 20,
             seed: int = 7) -> dict[str, int]:
    rnd = random.Random(seed)
    data = out / "data"
    for sub in ("van-ban", "phong-trao", "doi-tuong", "khen-thuong", "bao-cao", "dien-hinh"):
        (data / sub).mkdir(parents=True, exist_ok=True)
    years = list(range(2014, 2026))

    (data / "don-vi.yml").write_text(
        "ten: xã Tân Thành\nten_trang: Bảng vàng xã Tân Thành\nmo_ta_trang: Dữ liệu giả lập để đo hiệu năng.\n"
        "co_quan: ubnd-xa\ndia_danh: Tân Thành\nthoi_ky:\n  - ten: xã Tân Thành\n    loai: xa\n"
        "    cap_tren: [huyện Mẫu Sơn, tỉnh Hòa Bình]\n", encoding="utf-8")
    (data / "co-quan.yml").write_text(
        "- id: ubnd-xa\n  ten: Ủy ban nhân dân xã Tân Thành\n  ten_viet_tat: UBND xã Tân Thành\n  cap: xa\n"
        "- id: ubnd-huyen\n  ten: Ủy ban nhân dân huyện Mẫu Sơn\n  ten_viet_tat: UBND huyện Mẫu Sơn\n  cap: huyen\n"
        "- id: ubnd-tinh\n  ten: Ủy ban nhân dân tỉnh Hòa Bình\n  ten_viet_tat: UBND tỉnh Hòa Bình\n  cap: tinh\n",
        encoding="utf-8")

    # Decisions: one per (year, authority, batch of ~50 awards); plans: one per movement.
    docs: dict[int, list[str]] = defaultdict(list)
    decisions: dict[tuple[int, str], list[tuple[str, int | str]]] = defaultdict(list)  # open decision per year/body
    counter: dict[tuple[int, str], int] = defaultdict(int)

    def new_doc(year: int, kind: str, abbr: str, body: str, summary: str) -> str:
        counter[(year, body)] += 1
        n = counter[(year, body)] * 3 + (1 if body == "ubnd-huyen" else 0)
        doc_id = f"{n}-{abbr.lower().replace('đ', 'd')}-{body}-{year}"
        docs[year].append(f"- id: {doc_id}\n  loai: {kind}\n  so_ky_hieu: {n}/{abbr}-UBND\n"
                          f"  ngay: {rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{year}\n"
                          f"  co_quan_ban_hanh: {body}\n  trich_yeu: {q(summary)}\n")
        doc_number[doc_id] = f"{n}/{abbr}-UBND"
        return doc_id

    doc_number: dict[str, str] = {}
    movement_ids = []
    movement_lines = []
    for i in range(movements):
        theme = MOVEMENT_THEMES[i % len(MOVEMENT_THEMES)]
        start = rnd.choice(years[:-2])
        mid = f"phong-trao-{i + 1:03d}"
        plan = new_doc(start, "ke_hoach", "KH", "ubnd-xa", f"Triển khai phong trào thi đua “{theme}” năm {start}")
        movement_ids.append((mid, theme))
        movement_lines.append(
            f"- id: {mid}\n  ten: {q(f'{theme} (đợt {i + 1})')}\n  pham_vi: xa\n  hinh_thuc: chuyen_de\n"
            f"  tu_nam: {start}\n  den_nam: {start + 2}\n  ke_hoach: [{plan}]\n"
            f"  tieu_chi:\n    - Hoàn thành chỉ tiêu được giao\n    - Có mô hình, cách làm hay được nhân rộng\n"
            f"  mo_ta: |\n    Phong trào **{theme}** được phát động đến toàn thể cán bộ và nhân dân.\n")
    (data / "phong-trao" / "phong-trao.yml").write_text("\n".join(movement_lines), encoding="utf-8")

    people = []
    person_lines = []
    seen_ids: set[str] = set()
    for i in range(recipients):
        roll = rnd.random()
        if roll < 0.75:
            family, middle, given = rnd.choice(FAMILY), rnd.choice(MIDDLE), rnd.choice(GIVEN)
            rid = f"ca-nhan-{i + 1:06d}"
            person_lines.append(f"- id: {rid}\n  loai: ca_nhan\n  ho: {family}\n  ten_dem: {middle}\n  ten: {given}\n"
                                f"  chuc_vu: {q(rnd.choice(ROLES))}\n  to_dan_pho: Thôn {rnd.randint(1, 12)}\n")
            people.append((rid, "ca_nhan"))
        elif roll < 0.93:
            name = rnd.choice(ORGS).format(n=rnd.randint(1, 12))
            rid = f"tap-the-{i + 1:06d}"
            person_lines.append(f"- id: {rid}\n  loai: tap_the\n  ten: {q(name)}\n")
            people.append((rid, "tap_the"))
        else:
            rid = f"ho-gia-dinh-{i + 1:06d}"
            person_lines.append(f"- id: {rid}\n  loai: ho_gia_dinh\n  ten: {q(f'Hộ ông {rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}')}\n"
                                f"  to_dan_pho: Thôn {rnd.randint(1, 12)}\n")
            people.append((rid, "ho_gia_dinh"))
        seen_ids.add(rid)

    by_year: dict[int, list[str]] = defaultdict(list)
    first_decision: dict[str, tuple[str, int, str]] = {}
    for i in range(awards):
        rid, kind = people[i % len(people)] if i < len(people) else rnd.choice(people)
        year = rnd.choice(years)
        mid, theme = rnd.choice(movement_ids)
        if kind == "ca_nhan":
            what, body, title = rnd.choice([("danh_hieu: lao_dong_tien_tien", "ubnd-xa", "Chủ tịch"),
                                             ("hinh_thuc: giay_khen", "ubnd-xa", "Chủ tịch"),
                                             ("danh_hieu: chien_si_thi_dua_co_so", "ubnd-huyen", "Chủ tịch"),
                                             ("hinh_thuc: bang_khen", "ubnd-tinh", "Chủ tịch")])
        elif kind == "tap_the":
            what, body, title = rnd.choice([("danh_hieu: tap_the_lao_dong_tien_tien", "ubnd-huyen", "Chủ tịch"),
                                             ("hinh_thuc: giay_khen", "ubnd-xa", "Chủ tịch")])
        else:
            what, body, title = ("danh_hieu: gia_dinh_van_hoa", "ubnd-xa", "Chủ tịch")
        pool = decisions[(year, body)]
        if not pool or pool[-1][1] == "full":
            doc_id = new_doc(year, "quyet_dinh", "QĐ", body, f"Khen thưởng các tập thể, cá nhân năm {year}")
            pool.append((doc_id, 0))
        doc_id, used = pool[-1]
        pool[-1] = (doc_id, "full" if used == 49 else used + 1)
        first_decision.setdefault(rid, (doc_id, year, theme))
        reason = rnd.choice(REASONS).format(y=year, m=theme)
        by_year[year].append(f"- id: khen-thuong-{i + 1:06d}\n  doi_tuong: {rid}\n  {what}\n  loai_hinh: [thuong_xuyen]\n"
                             f"  co_quan_khen: {body}\n  chuc_danh_khen: {title}\n  nam: {year}\n"
                             f"  quyet_dinh: {doc_id}\n  phong_trao: [{mid}]\n  ly_do: {q(reason)}\n  trang_thai: da_tang\n")
    for year, lines in by_year.items():
        for chunk in range(0, len(lines), 2000):
            suffix = "" if chunk == 0 else f"-{chunk // 2000 + 1}"
            (data / "khen-thuong" / f"{year}{suffix}.yml").write_text("\n".join(lines[chunk:chunk + 2000]),
                                                                    encoding="utf-8")

    # About one recipient in ten has a short introduction (Markdown) that cites its first decision.
    extra = random.Random(seed + 1)
    described = 0
    for i, (rid, _) in enumerate(people):
        if rid in first_decision and extra.random() < 0.1:
            doc_id, year, theme = first_decision[rid]
            person_lines[i] += (f"  mo_ta: |\n    Được khen thưởng theo Quyết định số {doc_number[doc_id]} năm {year}. "
                                f"Tích cực tham gia phong trào **{theme}**, vận động bà con cùng góp công, góp sức.\n")
            described += 1
    for chunk in range(0, len(person_lines), 1000):
        (data / "doi-tuong" / f"doi-tuong-{chunk // 1000 + 1:03d}.yml").write_text(
            "\n".join(person_lines[chunk:chunk + 1000]), encoding="utf-8")

    consent = ("dong_y:\n  ngay: 05/03/2024\n  hinh_thuc: van_ban\n"
               if "dong_y" in _schema_keys("dien_hinh") else "")
    for i in range(models):
        rid, _ = people[i * 7 % len(people)]
        mid, theme = movement_ids[i % len(movement_ids)]
        story = "\n\n".join(PARAGRAPH.format(who="người trong câu chuyện", m=theme) * 2 for _ in range(3))
        (data / "dien-hinh" / f"dien-hinh-{i + 1:03d}.md").write_text(
            f"---\nid: dien-hinh-{i + 1:03d}\ntieu_de: {q(f'Điển hình trong phong trào “{theme}” số {i + 1}')}\n"
            f"doi_tuong: {rid}\ntom_tat: {q('Một cách làm hay được nhân rộng trong xã.')}\nphong_trao: [{mid}]\n{consent}---\n\n"
            f"{story}\n", encoding="utf-8")

    for i in range(reports):
        year = years[i % len(years)]
        number = 200 + i
        doc_ids = [d.split("\n")[0].removeprefix("- id: ") for d in docs[year][:5]]
        body = "\n\n".join(f"## {roman}. Phần {roman}\n\n" + PARAGRAPH.format(who="Ủy ban nhân dân xã", m=MOVEMENT_THEMES[j])
                           for j, roman in enumerate(["I", "II", "III"]))
        cited = "".join(f"  - {d}\n" for d in doc_ids)
        (data / "bao-cao" / f"{number}-bc-ubnd-{year}.md").write_text(
            f"---\nid: {number}-bc-ubnd-{year}\nloai: bao_cao\nso_ky_hieu: {number}/BC-UBND\n"
            f"ngay: 15/12/{year}\ndia_danh: Tân Thành\nco_quan_ban_hanh: ubnd-xa\n"
            f"co_quan_chu_quan_in: UBND HUYỆN MẪU SƠN\nco_quan_ban_hanh_in: ỦY BAN NHÂN DÂN XÃ TÂN THÀNH\n"
            f"trich_yeu: {q(f'Tổng kết công tác thi đua, khen thưởng năm {year}')}\n"
            f"ky: {{che_do: TM, thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: {rnd.choice(FAMILY)} Văn {rnd.choice(GIVEN)}}}\n"
            f"noi_nhan:\n  - UBND huyện;\n  - \"Lưu: VT.\"\n" + (f"van_ban_trich_dan:\n{cited}" if cited else "") +
            f"---\n\n{body}\n", encoding="utf-8")

    for year, lines in docs.items():
        (data / "van-ban" / f"{year}.yml").write_text("\n".join(lines), encoding="utf-8")
    return {"recipients": recipients, "awards": awards, "movements": movements, "reports": reports,
            "models": models, "documents": sum(len(v) for v in docs.values()), "described": described}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--recipients", type=int, default=2000)
    parser.add_argument("--awards", type=int, default=5000)
    parser.add_argument("--movements", type=int, default=50)
    parser.add_argument("--reports", type=int, default=30)
    parser.add_argument("--models", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.recipients, args.awards, args.movements, args.reports, args.models)))


if __name__ == "__main__":
    main()
