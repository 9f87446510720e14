"""The site's own pages: home, statistics, open data, about, privacy, and the officers' guide.

Each is declared once here, with the name templates link it by (url(paths.thong_ke)) and its place
in the navigation; the lists and record pages of the kinds of records come from kinds.py.
"""

from __future__ import annotations

from pathlib import Path

from . import clock, codes, dictionary, error_guide, feed, kinds, opendata, verify_index
from .pagespec import PageSpec

GUIDE = Path(__file__).parent / "guide"  # the officers' guide: generic Markdown, the same for every unit


def site_pages(site) -> list[tuple[PageSpec, object]]:
    """(page, the record its edit links open, or None) of every page that is not a kind's."""
    view, unit = site.view, site.view.unit
    name = unit.name
    pages = [
        (PageSpec("index.md", unit.site_name, "home.html", nav="Trang chủ", weight=0, key="trang_chu",
                  description=unit.site_description or unit.site_name), unit),
        (PageSpec("thong-ke/index.md", "Thống kê", "stats.html", nav="Thống kê", weight=70, key="thong_ke",
                  edit_path=site.folder(kinds.BY_KEY["khen_thuong"].source),
                  description=f"Số liệu khen thưởng của {name} theo năm, hình thức, cấp, loại hình."), None),
        (PageSpec("du-lieu/index.md", "Dữ liệu mở", "opendata.html", _opendata_context(view), nav="Dữ liệu mở",
                  weight=80, key="du_lieu",
                  description=f"Tải toàn bộ dữ liệu bảng vàng của {name}: JSON, CSV, tin mới (Atom)."), None),
        (PageSpec(verify_index.PAGE + "index.md", "Xác minh khen thưởng", "verify.html",
                  {"prefix": verify_index.prefix_of(view), "table": verify_index.TABLE_FILE,
                   "shards": verify_index.FOLDER},
                  weight=85, key="xac_minh",
                  description=f"Kiểm tra một giấy khen, bằng khen của {name} bằng mã QR hoặc mã xác minh."), None),
        (PageSpec("gioi-thieu/index.md", f"Giới thiệu {name}", "about.html", nav="Giới thiệu", weight=90,
                  key="gioi_thieu", description=f"Giới thiệu {name} và trang bảng vàng."), unit),
        (PageSpec("gioi-thieu/du-lieu-ca-nhan.md", "Dữ liệu cá nhân", "privacy.html", {"config_repo": site.repo_url},
                  weight=91, key="du_lieu_ca_nhan",
                  description=f"Bảng vàng của {name} đăng thông tin cá nhân nào, và quyền của người được nêu tên."),
         None),
    ]
    return pages + [(spec, None) for spec in guide_pages()]


def _opendata_context(view) -> dict:
    return {"json_file": opendata.JSON_FILE, "tables": {k.key: opendata.table_path(k) for k in kinds.with_tables()},
            "feed_file": feed.FEED_FILE, "has_feed": feed.has_entries(view), "kinds": kinds.BY_KEY,
            "counts": {k.key: len(view.of(k.key)) for k in kinds.with_tables()}}


def guide_pages() -> list[PageSpec]:
    """The officers' guide: its Markdown pages, the error codes and the data dictionary. They stay out
    of residents' search results."""
    pages = []
    for guide in sorted(GUIDE.glob("*.md")):
        text = guide.read_text(encoding="utf-8")
        title = text.splitlines()[0].lstrip("# ").strip()
        index = guide.stem == "index"
        pages.append(PageSpec("huong-dan/index.md" if index else f"huong-dan/{guide.stem}.md", title, "guide.html",
                              {"guide_markdown": text}, nav="Hướng dẫn" if index else None, weight=100,
                              key="huong_dan" if index else None, description=f"Hướng dẫn cho cán bộ: {title}.",
                              toc=True, search=None, from_data=False))
    pages.append(PageSpec("huong-dan/loi.md", "Các mã lỗi và cách sửa", "errors.html",
                          {"codes": codes.CODES,
                           "example_report": lambda code: error_guide.example_report(code, clock.today())},
                          weight=100, key="loi", description="Mỗi mã lỗi của lệnh kiểm tra dữ liệu: ví dụ và cách sửa.",
                          toc=True, search=None, from_data=False))
    pages.append(PageSpec("huong-dan/du-lieu.md", "Từ điển dữ liệu", "dictionary.html",
                          {"sections": dictionary.sections(), "vocabularies": dictionary.vocabularies()},
                          weight=100, key="tu_dien", description="Ý nghĩa và cách ghi mọi trường dữ liệu của bảng vàng.",
                          toc=True, search=None, from_data=False))
    return pages
