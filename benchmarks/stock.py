"""A stock MkDocs + Material site of N plain Markdown pages: the yardstick of the benchmarks.

    python benchmarks/stock.py OUT_DIR --pages 2317

The yardstick says what MkDocs and Material cost by themselves for a given number of pages, so
the pages are plain, alike and of a realistic size, and the navigation stays constant (the home
page only): a navigation listing every folder would grow with the site and add to every page a
cost that says nothing about the project. Deterministic (seeded) honoree-like pages of ~2.8 KB of
Markdown each — a Vietnamese H1, ~300 syllables of prose with diacritics in three paragraphs,
two bold fields, a 4-row table and 4 relative .md links (previous, next, one random page,
the page's list page) — in folders of 500 (`x/s007/page-003611.md`), each folder with a list
page (a 500-row table of links), and a home page linking every list page. mkdocs.yml: Material
in Vietnamese, `plugins: [search]`, MkDocs' default Markdown extensions written out, a site URL
and a constant nav (home page only).

`--pages` is the number of HTML pages wanted in total (home + list pages + leaf pages, 404.html
not counted), so that the stock site can be given exactly the page count of ours.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

FOLDER = 500
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Công"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Lan", "Linh", "Mai", "Nam",
         "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Trang", "Tuấn", "Việt", "Yến"]
TITLES = ["Gia đình văn hóa tiêu biểu", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Giấy khen của Chủ tịch UBND",
          "Bằng khen của Chủ tịch UBND tỉnh", "Tập thể lao động tiên tiến"]
LEVELS = ["Xã", "Huyện", "Tỉnh"]
SYLLABLES = ("trong năm qua đã tích cực tham gia phong trào thi đua yêu nước của địa phương vận động bà con "
             "cùng góp công góp sức làm đường giao thông nông thôn nạo vét kênh mương giúp đỡ các hộ khó khăn "
             "nhờ cách làm sáng tạo gần gũi nhiều hộ dân đồng thuận mô hình được nhân rộng ra các thôn khác "
             "hoàn thành xuất sắc nhiệm vụ được giao gương mẫu chấp hành chủ trương đường lối của Đảng chính sách "
             "pháp luật của Nhà nước đoàn kết tương trợ xây dựng khu dân cư văn minh sạch đẹp an toàn").split()
MKDOCS_YML = """site_name: Bảng vàng (stock)
site_url: https://example.org/stock/
theme:
  name: material
  language: vi
plugins:
  - search
markdown_extensions:
  - toc
  - tables
  - fenced_code
nav:
  - Trang chủ: index.md
validation:
  nav:
    omitted_files: ignore
"""


def leaf_count(total_pages: int) -> int:
    """Leaf pages N such that N + ceil(N / 500) list pages + 1 home page == total_pages."""
    n = max(0, total_pages - 1)
    while n > 0 and n + math.ceil(n / FOLDER) + 1 > total_pages:
        n -= 1
    return n


def _path(i: int) -> str:
    """Where leaf page `i` lives: folders of 500, like a large site split into sections."""
    return f"x/s{i // FOLDER:03d}/page-{i:06d}.md"


def _rel(target: str, here: str) -> str:
    """Relative .md link between two pages of the x/sNNN/ layout."""
    t_dir, t_name = target.rsplit("/", 1)
    h_dir = here.rsplit("/", 1)[0]
    return t_name if t_dir == h_dir else f"../{t_dir.rsplit('/', 1)[1]}/{t_name}"


def _prose(rnd: random.Random, words: int) -> str:
    """A sentence of `words` Vietnamese syllables with diacritics, as heavy to render as real prose."""
    out = [rnd.choice(SYLLABLES) for _ in range(words)]
    out[0] = out[0].capitalize()
    return " ".join(out) + "."


def generate(out: Path, pages: int, seed: int = 7) -> dict[str, int]:
    """Write the stock site's docs/ and mkdocs.yml under `out` with `pages` HTML pages; its counts."""
    rnd = random.Random(seed)
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (out / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    n = leaf_count(pages)
    folders = math.ceil(n / FOLDER)
    rows: dict[int, list[str]] = {f: [] for f in range(folders)}
    for i in range(n):
        here = _path(i)
        name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        title = rnd.choice(TITLES)
        year = rnd.randint(2010, 2025)
        links = [("Trang trước", _path((i - 1) % n)), ("Trang sau", _path((i + 1) % n)),
                 ("Xem thêm", _path(rnd.randrange(n)))]
        table = "\n".join(f"| {year - k} | {rnd.choice(TITLES)} | {rnd.randint(1, 999)}/QĐ-UBND | {rnd.choice(LEVELS)} |"
                          for k in range(4))
        text = (f"# {name} — {title} năm {year}\n\n"
                f"**Danh hiệu:** {title}. {_prose(rnd, 118)}\n\n"
                f"**Năm:** {year}. {_prose(rnd, 118)}\n\n"
                f"{_prose(rnd, 118)}\n\n"
                f"| Năm | Danh hiệu | Số quyết định | Cấp |\n|---|---|---|---|\n{table}\n\n"
                + " · ".join(f"[{label}]({_rel(target, here)})" for label, target in links)
                + " · [Danh sách](index.md)\n")
        path = docs / here
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        rows[i // FOLDER].append(f"| [{name}]({here.rsplit('/', 1)[1]}) | {title} | {year} |")
    for f, lines in rows.items():
        (docs / f"x/s{f:03d}/index.md").write_text(
            f"# Danh sách {f + 1}\n\n| Họ tên | Danh hiệu | Năm |\n|---|---|---|\n" + "\n".join(lines) + "\n",
            encoding="utf-8")
    (docs / "index.md").write_text(
        "# Bảng vàng (stock)\n\n" + "\n".join(f"- [Danh sách {f + 1}](x/s{f:03d}/index.md)" for f in range(folders))
        + "\n", encoding="utf-8")
    return {"pages": n + folders + 1, "leaf_pages": n, "list_pages": folders}


def main() -> None:
    """Write the stock site to OUT_DIR and print its counts as JSON (benchmarks/bench.py reads them)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, required=True, help="HTML pages in total (404.html not counted)")
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.pages)))


if __name__ == "__main__":
    main()
