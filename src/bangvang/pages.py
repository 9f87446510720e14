"""Which pages the site has, and what each page is given to render.

Pages are described, not written: the MkDocs glue turns each PageSpec into a
generated File and asks `render_page` for its HTML when MkDocs needs it.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import charts, clock, codes, dictionary, error_guide, feed, images, opendata, paging, vocab
from .markdown_safe import SafeMarkdown
from .model import Board
from .records import COLLECTIONS, RECIPIENT_URL
from .text import sort_key
from .validate import public_id

TEMPLATES = Path(__file__).parent / "templates"
GUIDE = Path(__file__).parent / "guide"  # the officers' guide: generic Markdown, same for every unit


@dataclass
class PageSpec:
    src_uri: str                  # e.g. "phong-trao/index.md"
    title: str                    # plain text; escaped where it is output
    template: str
    context: dict = field(default_factory=dict)
    edit_path: str | None = None  # the data file (or folder, ending in '/') behind the page, from the repository root
    edit_line: int | None = None  # where the record starts in that file
    description: str = ""
    in_nav: bool = False
    toc: bool = False
    searchable: bool = True       # officers' guide pages stay out of residents' search results

    @property
    def url(self) -> str:
        """Site path with directory URLs: 'phong-trao/x/' ('' for the home page)."""
        path = self.src_uri[:-3]
        if path == "index":
            return ""
        if path.endswith("/index"):
            return path[: -len("index")]
        return path + "/"


def _headings(html: str) -> list[dict]:
    """Toc tokens (h2 with nested h3) from template-rendered HTML."""
    tokens: list[dict] = []
    for level, anchor, inner in re.findall(r'<h([23]) id="([^"]+)">(.*?)</h\1>', html, re.S):
        name = re.sub(r"<[^>]+>", "", inner).strip()
        token = {"level": int(level), "id": anchor, "name": name, "children": []}
        if level == "3" and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


def _relative(target: str, base: str) -> str:
    """Link from page `base` to page `target` (both site paths like 'a/b/').

    The same result as posixpath.relpath on the two paths, without its normalisation work: pages
    ask for tens of thousands of links, and site paths are already normal.
    """
    to = [p for p in target.split("/") if p]
    here = [p for p in base.split("/") if p]
    common = 0
    for a, b in zip(to, here):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(here) - common) + to[common:]) or "."
    if rel == ".":
        return "./"
    return rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every data value is text unless a template says otherwise
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["vocab"] = vocab
    env.globals["bar_chart"] = charts.bar_chart
    env.globals["public_id"] = public_id
    env.globals["chart_rows"] = lambda rows: [(label, lines) for label, lines, *_ in rows]
    env.filters["vnnum"] = lambda n: f"{n:,}".replace(",", ".")
    return env


class Site:
    """Pages of one board, rendered on demand."""

    def __init__(self, board: Board, data_dir: str = "data", repo_url: str | None = None):
        self.board = board
        self.repo_url = repo_url.rstrip("/") if repo_url else None
        self.data_dir = data_dir
        self.env = make_env()
        self.markdown = SafeMarkdown()
        self.pages: dict[str, PageSpec] = {}
        self.thumbs: dict[str, list] = {}
        self._doc_links = {str(d.number): d for d in board.documents if d.number}
        ambiguous = Counter(str(d.number) for d in board.documents if d.number)
        self._doc_links = {k: v for k, v in self._doc_links.items() if ambiguous[k] == 1}
        self._collect()

    # -- page list --------------------------------------------------------

    def _add(self, spec: PageSpec, record=None) -> None:
        if record is not None:
            spec.edit_path = self._edit(record)
            spec.edit_line = record.pos().line
        if spec.src_uri in self.pages:
            # Only a list page can meet a record's page (van-ban/nam-2023/ and a document with id
            # 'nam-2023'); one would silently replace the other.
            raise ValueError(f"Hai trang trùng địa chỉ /{spec.url}: "
                             f"“{self.pages[spec.src_uri].title}” và “{spec.title}”. Hãy đổi mã của bản ghi.")
        self.pages[spec.src_uri] = spec

    def _add_list_pages(self, listing: paging.Listing | None, template: str, title, description: str,
                        folder: str) -> None:
        """The numbered pages of a list cut into sections (paging.py). They stay out of the
        navigation and of search: search finds the records' own pages, not their rows in lists."""
        if listing is None:
            return
        for page in listing.pages:
            heading = title(page.section)
            suffix = f" (trang {page.number}/{page.count})" if page.count > 1 else ""
            self._add(PageSpec(paging.src_uri(page.url), heading + suffix, template,
                               {"listing": listing, "list_page": page, "heading": heading},
                               edit_path=self._folder(folder), description=f"{heading}{suffix}: {description}",
                               searchable=False))

    def _award_pages(self, record, base: str, awards: list, name: str, kind: str, what: str) -> dict:
        """A record page (at `base`) listing more awards than a page holds shows the first PAGE_SIZE
        rows with a summary, and numbers the rest (phong-trao/<id>/trang-2/). Returns the context of
        the record's own page."""
        pages = paging.number_pages(base, awards, self.board.page_size)
        if len(pages) == 1:
            return {"awards_page": None, "awards_summary": None}
        for page in pages[1:]:
            self._add(PageSpec(paging.src_uri(page.url), f"{name} — khen thưởng, trang {page.number}/{page.count}",
                               "record_awards.html",
                               {"name": name, "kind": kind, "what": what, "awards_page": page, "total": len(awards)},
                               description=f"Khen thưởng {what}: {name} (trang {page.number}/{page.count}).",
                               searchable=False), record)
        where = {a.id: page for page in pages for a in page.rows}
        years = [(year or "Không rõ năm", len(group), where[group[0].id], group[0])
                 for year, group in self.board.awards_by_year(awards)]
        summary = {"total": len(awards), "years": years, "whats": self.board.awards_by_what(awards)}
        return {"awards_page": pages[0], "awards_summary": summary}

    def _collect(self) -> None:
        b = self.board
        unit = b.unit
        self._add(PageSpec("index.md", unit.site_name, "home.html", in_nav=True,
                           description=unit.site_description or unit.site_name), unit)
        self._add(PageSpec("phong-trao/index.md", "Phong trào thi đua", "movements.html", in_nav=True,
                           edit_path=self._folder("phong-trao"),
                           description=f"Các phong trào thi đua của {unit.name}."))
        for m in b.movements:
            self._add(PageSpec(f"phong-trao/{m.id}.md", m.name, "movement.html",
                               {"movement": m, **self._award_pages(m, f"phong-trao/{m.id}/", b.awards_in_movement[m.id],
                                                                   m.name, "phong trào", "trong phong trào")},
                               description=f"Phong trào thi đua: {m.name}."), m)
        self._add(PageSpec("khen-thuong/index.md", "Khen thưởng", "awards.html",
                           {"listing": b.awards_listing, "list_page": None}, in_nav=True,
                           edit_path=self._folder("khen-thuong"),
                           description=f"Danh hiệu thi đua, hình thức khen thưởng của {unit.name}, theo năm."))
        self._add_list_pages(b.awards_listing, "awards.html",
                             lambda s: f"Khen thưởng {s.title[:1].lower()}{s.title[1:]}",
                             f"danh hiệu thi đua, hình thức khen thưởng của {unit.name}.", "khen-thuong")
        recipients = paging.recipients_listing(
            b.recipients, b.page_size,
            [(kind, RECIPIENT_URL[kind], vocab.RECIPIENT_TYPES[kind].label) for kind in ("tap_the", "ca_nhan", "ho_gia_dinh")],
            given_name=lambda r: r.name, order=sort_key)
        self._add(PageSpec("doi-tuong/index.md", "Tập thể, cá nhân", "recipients.html",
                           {"listing": recipients, "list_page": None}, in_nav=True,
                           edit_path=self._folder("doi-tuong"),
                           description=f"Các tập thể, cá nhân, hộ gia đình được khen thưởng ở {unit.name}."))
        self._add_list_pages(recipients, "recipients.html", lambda s: s.title,
                             f"các tập thể, cá nhân, hộ gia đình được khen thưởng ở {unit.name}.", "doi-tuong")
        for r in b.recipients:
            self._add(PageSpec(f"{b.url(r)[:-1]}.md", r.display_name, "recipient.html", {"recipient": r},
                               description=f"{vocab.RECIPIENT_TYPES[r.recipient_type].label} {r.display_name}: "
                                           "quá trình khen thưởng."), r)
        self._add(PageSpec("dien-hinh/index.md", "Điển hình tiên tiến", "models.html", in_nav=True,
                           edit_path=self._folder("dien-hinh"),
                           description=f"Gương điển hình tiên tiến của {unit.name}."))
        for m in b.models:
            self._add(PageSpec(f"dien-hinh/{m.id}.md", m.title, "model.html", {"model": m},
                               description=m.summary or m.title), m)
        documents = paging.documents_listing(b.documents, b.page_size)
        self._add(PageSpec("van-ban/index.md", "Văn bản", "documents.html",
                           {"listing": documents, "list_page": None}, in_nav=True,
                           edit_path=self._folder("van-ban"),
                           description=f"Sổ văn bản về thi đua, khen thưởng của {unit.name}."))
        for d in b.documents:
            self._add(PageSpec(f"van-ban/{d.id}.md", d.display_title, "document.html",
                               {"doc": d, **self._award_pages(d, f"van-ban/{d.id}/", b.awards_by_decision[d.id],
                                                              d.display_title, "văn bản", "theo văn bản")},
                               description=d.summary or d.display_title), d)
        self._add_list_pages(documents, "documents.html",
                             lambda s: f"Văn bản {s.title[:1].lower()}{s.title[1:]}",
                             f"sổ văn bản về thi đua, khen thưởng của {unit.name}.", "van-ban")
        self._add(PageSpec("bao-cao/index.md", "Báo cáo", "reports.html", in_nav=True,
                           edit_path=self._folder("bao-cao"),
                           description=f"Toàn văn các báo cáo thi đua, khen thưởng của {unit.name}."))
        for r in b.reports:
            self._add(PageSpec(f"bao-cao/{r.id}.md", r.display_title, "report.html", {"report": r},
                               description=r.summary or r.display_title, toc=True), r)
        self._add(PageSpec("thong-ke/index.md", "Thống kê", "stats.html", in_nav=True,
                           edit_path=self._folder("khen-thuong"),
                           description=f"Số liệu khen thưởng của {unit.name} theo năm, hình thức, cấp, loại hình."))
        for guide in sorted(GUIDE.glob("*.md")):
            text = guide.read_text(encoding="utf-8")
            title = text.splitlines()[0].lstrip("# ").strip()
            src = "huong-dan/index.md" if guide.stem == "index" else f"huong-dan/{guide.stem}.md"
            self._add(PageSpec(src, title, "guide.html", {"guide_markdown": text}, in_nav=guide.stem == "index",
                               description=f"Hướng dẫn cho cán bộ: {title}.", toc=True, searchable=False))
        self._add(PageSpec("huong-dan/loi.md", "Các mã lỗi và cách sửa", "errors.html",
                           {"codes": codes.CODES, "example_report": lambda code: error_guide.example_report(code, clock.today())},
                           description="Mỗi mã lỗi của lệnh kiểm tra dữ liệu: ví dụ và cách sửa.", toc=True,
                           searchable=False))
        self._add(PageSpec("huong-dan/du-lieu.md", "Từ điển dữ liệu", "dictionary.html",
                           {"sections": dictionary.sections(), "vocabularies": dictionary.vocabularies()},
                           description="Ý nghĩa và cách ghi mọi trường dữ liệu của bảng vàng.", toc=True,
                           searchable=False))
        self._add(PageSpec("du-lieu/index.md", "Dữ liệu mở", "opendata.html",
                           {"json_file": opendata.JSON_FILE, "tables": opendata.TABLES, "feed_file": feed.FEED_FILE,
                            "has_feed": feed.build_feed(b, None) is not None,
                            "collections": {c.kind: c for c in COLLECTIONS},
                            "counts": {k: len(v) for k, v in opendata.records_by_kind(b).items()}},
                           description=f"Tải toàn bộ dữ liệu bảng vàng của {unit.name}: JSON, CSV, tin mới (Atom)."))
        self._add(PageSpec("gioi-thieu/du-lieu-ca-nhan.md", "Dữ liệu cá nhân", "privacy.html",
                           {"config_repo": self.repo_url},
                           description=f"Bảng vàng của {unit.name} đăng thông tin cá nhân nào, và quyền của người được nêu tên."))
        self._add(PageSpec("gioi-thieu/index.md", f"Giới thiệu {unit.name}", "about.html", in_nav=True,
                           description=f"Giới thiệu {unit.name} và trang bảng vàng."), unit)

    def _edit(self, record) -> str:
        """Repository path of the data file a record was written in."""
        path = self.board.source_file(record)
        head, _, rest = path.partition("/")
        return posixpath.join(self.data_dir, rest) if rest else path

    def _folder(self, folder: str) -> str:
        return posixpath.join(self.data_dir, folder) + "/"

    def _make_thumbnails(self) -> dict[str, bytes]:
        """Clean thumbnails of every photo; remembers which belong to which record."""
        files: dict[str, bytes] = {}
        for record in list(self.board.recipients) + list(self.board.models):
            if record.photo is None:
                continue
            base = self.board.url(record).strip("/").replace("/", "-")
            thumbs = images.thumbnails(self.board.data_root / record.photo.file, base)
            self.thumbs[record.id] = sorted(thumbs, key=lambda t: t.width)
            files.update({t.path: data for t, data in thumbs.items()})
        return files

    def downloads(self, site_url: str | None) -> dict[str, str | bytes]:
        """Files published beside the pages: photos, open data and the feed."""
        files: dict[str, str | bytes] = dict(self._make_thumbnails())
        files[opendata.JSON_FILE] = opendata.build_json(self.board, site_url)
        for kind, path in opendata.TABLES.items():
            files[path] = opendata.build_csv(self.board, kind)
        if feed_text := feed.build_feed(self.board, site_url):
            files[feed.FEED_FILE] = feed_text
        return files

    def _deref(self, refs) -> list:
        return [self.board.get(ref) for ref in refs]

    @staticmethod
    def _raw_path(report) -> str:
        return posixpath.join(posixpath.dirname(report.pos().path), report.raw_text)

    def _stats(self) -> list[tuple[str, str, list]]:
        """Tables for the statistics page: (title, anchor, rows of label/lines/people/unknown)."""
        b = self.board

        def table(key, label_of, order=None):
            rows: dict = {}
            for award in b.awards:
                k = key(award)
                lines, people, unknown = rows.get(k, (0, 0, 0))
                count = b.people_count(award)
                rows[k] = (lines + 1, people + (count or 0), unknown + (0 if count else 1))
            keys = sorted(rows, key=lambda k: (k is None, order(k) if order and k is not None else 0))
            return [(label_of(k) if k is not None else "Không rõ", *rows[k]) for k in keys]

        return [
            ("Theo năm", "theo-nam", table(lambda a: a.year or (a.period and f"{a.period.start}–{a.period.end or '…'}"),
                                           str, order=lambda k: str(k))),
            ("Theo danh hiệu, hình thức", "theo-hinh-thuc", table(lambda a: a.what or None, str, order=sort_key)),
            ("Theo cấp khen", "theo-cap", table(b.authority_level, lambda k: vocab.LEVELS[k].label,
                                                order=lambda k: list(vocab.LEVELS).index(k))),
            ("Theo loại hình", "theo-loai-hinh", table(
                lambda a: ", ".join(vocab.AWARD_KINDS[k].label for k in a.kinds) or None, str, order=sort_key)),
            ("Theo trạng thái", "theo-trang-thai", table(lambda a: a.status, lambda k: vocab.AWARD_STATUS[k].label,
                                                         order=lambda k: list(vocab.AWARD_STATUS).index(k))),
        ]

    # -- rendering ----------------------------------------------------------

    def render_page(self, src_uri: str) -> tuple[str, list]:
        """HTML of one page's content, and the toc tokens of its Markdown body (if any)."""
        spec = self.pages[src_uri]
        here = spec.url
        toc_tokens: list = []

        def url(target: str | object) -> str:
            path = target if isinstance(target, str) else self.board.url(target)
            return _relative(path, here)

        def md(text: str | None) -> str:
            if not text:
                return ""
            links = {num: url(doc) for num, doc in self._doc_links.items()}
            html, tokens = self.markdown.render(text, links)
            toc_tokens.extend(tokens)
            return Markup(html)

        template = self.env.get_template(spec.template)
        html = template.render(b=self.board, page=spec, url=url, md=md, deref=self._deref, thumbs=self.thumbs,
                               raw_path=self._raw_path, stats=self._stats() if spec.template in ("stats.html", "home.html") else [],
                               **spec.context)
        if spec.toc and not toc_tokens:
            toc_tokens = _headings(html)
        return html, toc_tokens

