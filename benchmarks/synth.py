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
        from bangvang import kinds
        from bangvang.schema import field_specs
    except ImportError:
        return set()
    return {spec.key for spec in field_specs(kinds.BY_KEY[kind].cls)} if kind in kinds.BY_KEY else set()


def q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


YEARS = list(range(2014, 2026))
FOLDERS = ("van-ban", "phong-trao", "doi-tuong", "khen-thuong", "bao-cao", "dien-hinh")
UNIT = ("ten: xã Tân Thành\nten_trang: Bảng vàng xã Tân Thành\nmo_ta_trang: Dữ liệu giả lập để đo hiệu năng.\n"
        "co_quan: ubnd-xa\ndia_danh: Tân Thành\nthoi_ky:\n  - ten: xã Tân Thành\n    loai: xa\n"
        "    cap_tren: [huyện Mẫu Sơn, tỉnh Hòa Bình]\n")
BODIES = ("- id: ubnd-xa\n  ten: Ủy ban nhân dân xã Tân Thành\n  ten_viet_tat: UBND xã Tân Thành\n  cap: xa\n"
          "- id: ubnd-huyen\n  ten: Ủy ban nhân dân huyện Mẫu Sơn\n  ten_viet_tat: UBND huyện Mẫu Sơn\n  cap: huyen\n"
          "- id: ubnd-tinh\n  ten: Ủy ban nhân dân tỉnh Hòa Bình\n  ten_viet_tat: UBND tỉnh Hòa Bình\n  cap: tinh\n")
AWARDS_PER_FILE = 2000
RECIPIENTS_PER_FILE = 1000
AWARDS_PER_DECISION = 50


class Documents:
    """The register of documents (plans, decisions), numbered per year and issuing body as real ones are."""

    def __init__(self, rnd: random.Random):
        """Documents draw their dates from the generator's shared `rnd`, which keeps the output seeded."""
        self.rnd = rnd
        self.by_year: dict[int, list[str]] = defaultdict(list)  # YAML entries of van-ban/YEAR.yml
        self.number: dict[str, str] = {}  # document id → its number as printed ("12/QĐ-UBND")
        self.counter: dict[tuple[int, str], int] = defaultdict(int)

    def new(self, year: int, kind: str, abbr: str, body: str, summary: str) -> str:
        """Register a new document of `body` in `year`; its id."""
        self.counter[(year, body)] += 1
        n = self.counter[(year, body)] * 3 + (1 if body == "ubnd-huyen" else 0)
        doc_id = f"{n}-{abbr.lower().replace('đ', 'd')}-{body}-{year}"
        self.by_year[year].append(f"- id: {doc_id}\n  loai: {kind}\n  so_ky_hieu: {n}/{abbr}-UBND\n"
                                  f"  ngay: {self.rnd.randint(1, 28):02d}/{self.rnd.randint(1, 12):02d}/{year}\n"
                                  f"  co_quan_ban_hanh: {body}\n  trich_yeu: {q(summary)}\n")
        self.number[doc_id] = f"{n}/{abbr}-UBND"
        return doc_id

    def count(self) -> int:
        """How many documents were registered (reports excepted: they are files of their own)."""
        return sum(len(v) for v in self.by_year.values())

    def write(self, data: Path) -> None:
        """One register file per year (a year only cited by a report gets an empty one)."""
        for year, lines in self.by_year.items():
            (data / "van-ban" / f"{year}.yml").write_text("\n".join(lines), encoding="utf-8")


def generate(out: Path, recipients: int, awards: int, movements: int, reports: int, models: int = 20,
             seed: int = 7) -> dict[str, int]:
    """Write a whole dataset under `out`/data; the counts written (the harness checks them against the load).

    The steps share one seeded generator and must run in this order for the output to stay the same.
    """
    rnd = random.Random(seed)
    data = out / "data"
    for sub in FOLDERS:
        (data / sub).mkdir(parents=True, exist_ok=True)
    (data / "don-vi.yml").write_text(UNIT, encoding="utf-8")
    (data / "co-quan.yml").write_text(BODIES, encoding="utf-8")
    docs = Documents(rnd)
    movement_ids = write_movements(data, rnd, docs, movements)
    people, person_lines = make_recipients(rnd, recipients)
    first_decision = write_awards(data, rnd, docs, people, movement_ids, awards)
    described = describe_recipients(person_lines, people, first_decision, docs, random.Random(seed + 1))
    write_chunks(data / "doi-tuong", "doi-tuong-{:03d}.yml", person_lines, RECIPIENTS_PER_FILE)
    write_models(data, people, movement_ids, models)
    write_reports(data, rnd, docs, reports)
    docs.write(data)
    return {"recipients": recipients, "awards": awards, "movements": movements, "reports": reports,
            "models": models, "documents": docs.count(), "described": described}


def write_movements(data: Path, rnd: random.Random, docs: Documents, movements: int) -> list[tuple[str, str]]:
    """Movements, each launched by a plan of the commune; their (id, theme) for the awards to cite."""
    movement_ids = []
    movement_lines = []
    for i in range(movements):
        theme = MOVEMENT_THEMES[i % len(MOVEMENT_THEMES)]
        start = rnd.choice(YEARS[:-2])
        mid = f"phong-trao-{i + 1:03d}"
        plan = docs.new(start, "ke_hoach", "KH", "ubnd-xa", f"Triển khai phong trào thi đua “{theme}” năm {start}")
        movement_ids.append((mid, theme))
        movement_lines.append(
            f"- id: {mid}\n  ten: {q(f'{theme} (đợt {i + 1})')}\n  pham_vi: xa\n  hinh_thuc: chuyen_de\n"
            f"  tu_nam: {start}\n  den_nam: {start + 2}\n  ke_hoach: [{plan}]\n"
            f"  tieu_chi:\n    - Hoàn thành chỉ tiêu được giao\n    - Có mô hình, cách làm hay được nhân rộng\n"
            f"  mo_ta: |\n    Phong trào **{theme}** được phát động đến toàn thể cán bộ và nhân dân.\n")
    (data / "phong-trao" / "phong-trao.yml").write_text("\n".join(movement_lines), encoding="utf-8")
    return movement_ids


def make_recipients(rnd: random.Random, recipients: int) -> tuple[list[tuple[str, str]], list[str]]:
    """People (3 in 4), collectives and households; their (id, kind) and YAML entries, not yet written.

    The entries are written later, once the awards tell which decision an introduction can cite.
    """
    people = []
    person_lines = []
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
    return people, person_lines


def award_form(rnd: random.Random, kind: str) -> tuple[str, str, str]:
    """A title or form of award that fits a recipient of `kind`: (YAML line, granting body, signer's title)."""
    if kind == "ca_nhan":
        return rnd.choice([("danh_hieu: lao_dong_tien_tien", "ubnd-xa", "Chủ tịch"),
                           ("hinh_thuc: giay_khen", "ubnd-xa", "Chủ tịch"),
                           ("danh_hieu: chien_si_thi_dua_co_so", "ubnd-huyen", "Chủ tịch"),
                           ("hinh_thuc: bang_khen", "ubnd-tinh", "Chủ tịch")])
    if kind == "tap_the":
        return rnd.choice([("danh_hieu: tap_the_lao_dong_tien_tien", "ubnd-huyen", "Chủ tịch"),
                           ("hinh_thuc: giay_khen", "ubnd-xa", "Chủ tịch")])
    return ("danh_hieu: gia_dinh_van_hoa", "ubnd-xa", "Chủ tịch")


def decision_for(docs: Documents, open_decisions: dict, year: int, body: str) -> str:
    """The decision of `body` in `year` that grants the next award: a real decision lists ~50 of them."""
    pool = open_decisions[(year, body)]
    if not pool or pool[-1][1] == "full":
        doc_id = docs.new(year, "quyet_dinh", "QĐ", body, f"Khen thưởng các tập thể, cá nhân năm {year}")
        pool.append((doc_id, 0))
    doc_id, used = pool[-1]
    pool[-1] = (doc_id, "full" if used == AWARDS_PER_DECISION - 1 else used + 1)
    return doc_id


def write_awards(data: Path, rnd: random.Random, docs: Documents, people: list[tuple[str, str]],
                 movement_ids: list[tuple[str, str]], awards: int) -> dict[str, tuple[str, int, str]]:
    """Awards, every recipient at least once; each recipient's first (decision, year, theme)."""
    by_year: dict[int, list[str]] = defaultdict(list)
    open_decisions: dict[tuple[int, str], list[tuple[str, int | str]]] = defaultdict(list)
    first_decision: dict[str, tuple[str, int, str]] = {}
    for i in range(awards):
        rid, kind = people[i % len(people)] if i < len(people) else rnd.choice(people)
        year = rnd.choice(YEARS)
        mid, theme = rnd.choice(movement_ids)
        what, body, title = award_form(rnd, kind)
        doc_id = decision_for(docs, open_decisions, year, body)
        first_decision.setdefault(rid, (doc_id, year, theme))
        reason = rnd.choice(REASONS).format(y=year, m=theme)
        by_year[year].append(f"- id: khen-thuong-{i + 1:06d}\n  doi_tuong: {rid}\n  {what}\n  loai_hinh: [thuong_xuyen]\n"
                             f"  co_quan_khen: {body}\n  chuc_danh_khen: {title}\n  nam: {year}\n"
                             f"  quyet_dinh: {doc_id}\n  phong_trao: [{mid}]\n  ly_do: {q(reason)}\n  trang_thai: da_tang\n")
    for year, lines in by_year.items():
        for chunk in range(0, len(lines), AWARDS_PER_FILE):
            suffix = "" if chunk == 0 else f"-{chunk // AWARDS_PER_FILE + 1}"
            (data / "khen-thuong" / f"{year}{suffix}.yml").write_text(
                "\n".join(lines[chunk:chunk + AWARDS_PER_FILE]), encoding="utf-8")
    return first_decision


def describe_recipients(person_lines: list[str], people: list[tuple[str, str]],
                        first_decision: dict[str, tuple[str, int, str]], docs: Documents,
                        extra: random.Random) -> int:
    """Give about one recipient in ten a Markdown introduction citing its first decision; how many.

    The site turns the cited number into a link, so the benchmark exercises that too. A generator
    of its own (`extra`) keeps the rest of the data the same whatever this step draws.
    """
    described = 0
    for i, (rid, _) in enumerate(people):
        if rid in first_decision and extra.random() < 0.1:
            doc_id, year, theme = first_decision[rid]
            person_lines[i] += (f"  mo_ta: |\n    Được khen thưởng theo Quyết định số {docs.number[doc_id]} năm {year}. "
                                f"Tích cực tham gia phong trào **{theme}**, vận động bà con cùng góp công, góp sức.\n")
            described += 1
    return described


def write_chunks(folder: Path, pattern: str, entries: list[str], size: int) -> None:
    """Write `entries` in files of at most `size` (numbered from 1), as officers would keep them."""
    for chunk in range(0, len(entries), size):
        (folder / pattern.format(chunk // size + 1)).write_text("\n".join(entries[chunk:chunk + size]),
                                                                encoding="utf-8")


def write_models(data: Path, people: list[tuple[str, str]], movement_ids: list[tuple[str, str]],
                 models: int) -> None:
    """Exemplary-model stories, with the storyteller's consent where the schema in use asks for it."""
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


def write_reports(data: Path, rnd: random.Random, docs: Documents, reports: int) -> None:
    """Yearly reports in the Decree 30/2020 layout, each citing up to five documents of its year."""
    for i in range(reports):
        year = YEARS[i % len(YEARS)]
        number = 200 + i
        doc_ids = [d.split("\n")[0].removeprefix("- id: ") for d in docs.by_year[year][:5]]
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


def main() -> None:
    """Generate into OUT_DIR and print the counts as JSON (benchmarks/bench.py reads the last line)."""
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
