"""The registry of record kinds: one declaration per kind; every part of the program derives from it.

A kind says where officers write its records under data/ and how they are published. Who reads what:

    loader          source, layout, body_limit,          validator    namespace, cls.LABEL, source
                    yaml_too
    model           order                                public view  subject, names, private, story
    pages           page, template, heading, summary,    navigation   listing.nav, listing.weight
                    toc, awards, listing, lists          share cards  card
    removal guard   manifest                             open data    table, extra_columns
    search          search_rank                          `new`        new_id (a kind without one has no
                                                                      scaffold), scaffold_needs
    data dictionary cls, source, layout, title           editors      cls, source, layout (JSON Schema)

Adding a kind: declare its record class (records.py), add one RecordKind here, write its page
template (CONTRIBUTING.md has the recipe); tests walk every kind through every output.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from string import Formatter
from typing import Callable

from . import vocab
from .honors import Article, Event, Model
from .records import Award, Body, Document, Movement, Recipient, Removal, Report, Unit
from .units import FormerUnit
from .schema import field_specs
from .text import person_sort_key, slugify, sort_key

SINGLE, LIST, MARKDOWN = "single", "list", "markdown"  # one mapping in a file; lists of records; one .md a record


@dataclass(frozen=True)
class ListPage:
    """The page that lists every record of a kind, and its tab in the navigation."""

    path: str                     # site path: "phong-trao/"
    nav: str | None               # the tab's label: "Phong trào"; None: no tab (linked from other pages)
    title: str                    # the page's title: "Phong trào thi đua"
    template: str
    description: str              # for links shared and search engines; "{unit}" is the unit's name
    weight: int                   # place in the navigation, smaller first (home 0 … guide 100)
    paged_by: str | None = None   # how a long list is cut into pages (paging.LAYOUTS), None: one page
    edit: str | None = None       # the data folder the page is built from, if not the kind's own


@dataclass(frozen=True)
class RecordKind:
    key: str                      # "phong_trao": the kind's name in open data and in data/da-cong-bo.yml
    cls: type                     # its schema (records.py)
    source: str                   # under data/: a file ("co-quan.yml") or a folder of files ("phong-trao")
    layout: str                   # SINGLE, LIST or MARKDOWN
    title: str                    # what its records are, as a heading: "Phong trào thi đua"
    order: Callable               # sort key of its records
    namespace: str | None = None  # ids are unique within it; defaults to the key (reports share "van_ban")
    page: str | None = None       # site path of each record's page: "phong-trao/{id}/"; another {name} puts
                                  # the URL word of that YAML key's value there ("{loai}/{id}/" → "ca-nhan/…")
    template: str | None = None   # of the record's page
    heading: Callable | None = None   # (record, view) → its page's title
    summary: Callable | None = None   # (record, view) → its page's description
    toc: bool = False             # its page has a table of contents (long texts)
    awards: tuple[str, str] | None = None  # its page lists awards, page by page: (index of links.Links,
                                           # what the awards are to the record: "trong phong trào")
    listing: ListPage | None = None
    lists: tuple[str, ...] = ()   # kinds whose records its list and pages also show (the register: reports)
    manifest: bool = True         # published ids are tracked in data/da-cong-bo.yml (the removal guard)
    table: str | None = None      # open data: du-lieu/<table>.csv and a key of the JSON
    extra_columns: tuple[tuple[str, str], ...] = ()  # open data: (column, attribute) beside the fields
    search_rank: int | None = None    # ties in search results: lower first (a person before a document)
    new_id: Callable[[dict], str] | None = None  # `python -m bangvang.new`: an id from the values given
    scaffold_needs: tuple[str, ...] = ()  # optional fields `new` asks for all the same (what its file needs)
    body_limit: int | None = None     # MARKDOWN: characters allowed after the front matter
    yaml_too: bool = False        # MARKDOWN: records without a body may also be written as YAML lists
    card: bool = False            # its pages have their own share card (a picture for links shared)
    screen: bool = False          # its pages have a ceremony screen beside them (ceremony.py: <page>trinh-chieu/)
    subject: str | None = None    # the attribute naming the person a record is about (the public view's rules)
    names: tuple[str, ...] = ()   # fields that name that person: left out unless the person is shown in full
    private: tuple[str, ...] = () # fields left out when that person withdrew; none declared: the record goes
    story: tuple[str, ...] = ()   # fields published only with the consent of the person told about ('dong_y')

    @property
    def ns(self) -> str:
        return self.namespace or self.key

    @property
    def where(self) -> str:
        """Where officers write it, as they see it: 'co-quan.yml' or 'phong-trao/'."""
        return self.source if self.layout == SINGLE or self.source.endswith(".yml") else self.source + "/"

    @property
    def suffix(self) -> str:
        """The ending of the files `new` writes: a text ('.md') or a list ('.yml')."""
        return self.suffixes[0]

    @property
    def suffixes(self) -> tuple[str, ...]:
        """The file names' endings in its folder: '.md' for texts, '.yml' for lists."""
        if self.layout == MARKDOWN:
            return (".md", ".yml") if self.yaml_too else (".md",)
        return (".yml",)

    def layout_of(self, name: str) -> str:
        """How a file of this kind is read: a YAML list beside a kind's Markdown texts is a LIST."""
        return LIST if self.layout == MARKDOWN and name.endswith(".yml") else self.layout

    @cached_property
    def _page_fields(self) -> dict[str, str]:
        """The placeholders of the page pattern other than {id}: YAML key → attribute."""
        return {name: attr_of(self.cls, name) for _, name, _, _ in Formatter().parse(self.page or "")
                if name and name != "id"}

    def path_of(self, record, record_id: str) -> str | None:
        """The site path of a record's page under this kind's pattern, or None if it has none."""
        if self.page is None:
            return None
        words = {name: url_word(getattr(record, attr)) for name, attr in self._page_fields.items()}
        return self.page.format(id=record_id, **words)


def url_word(value: str) -> str:
    """A vocabulary value as a word of a URL: 'ca_nhan' → 'ca-nhan'."""
    return value.replace("_", "-")


def attr_of(cls: type, key: str) -> str:
    """The attribute of the field written `key` in YAML."""
    return next(spec.attr for spec in field_specs(cls) if spec.key == key)


# -- orders ------------------------------------------------------------------------------------

def document_order(doc: Document):
    """The register: newest first, undated last."""
    when = doc.date.first_day if doc.date else date.min
    return (-when.toordinal(), sort_key(doc.display_title))


def recipient_order(r: Recipient):
    """Collectives and households by name; people by given name, then middle and family name."""
    if r.recipient_type == "ca_nhan":
        return (0, person_sort_key(r.family_name or "", r.middle_name, r.name))
    return (1, sort_key(r.name))


def _former_order(unit: FormerUnit):
    """Former units: those that ended last first, then by name."""
    when = unit.end.last_day if unit.end else date.max
    return (-when.toordinal(), sort_key(unit.name))


def dated_order(record):
    """Events, models and articles: newest first, undated last, then by id."""
    when = record.date.first_day if record.date else date.min
    return (-when.toordinal(), record.id)


def _model_heading(model: Model, view) -> str:
    return view.get(model.recipient).display_name


def _model_summary(model: Model, view) -> str:
    name = _model_heading(model, view)
    return model.summary or model.achievement or f"{name}: gương điển hình tiên tiến."


def _event_summary(event: Event, view) -> str:
    when = f", {event.date.short()}" if event.date else ""
    return f"{vocab.EVENT_KINDS[event.kind].label}: {event.title}{when}."


# -- ids proposed by `python -m bangvang.new`, from the values given (YAML keys) ----------------

def _document_id(values: dict) -> str:
    number = values.get("so_ky_hieu") or values.get("ten") or "van-ban"
    year = (values.get("ngay") or "").split("/")[-1].split("-")[0]
    return slugify(f"{number} {year}")


def _award_id(values: dict) -> str:
    what = values.get("danh_hieu") or values.get("hinh_thuc") or "khen-thuong"
    return slugify(f"{what} {values.get('doi_tuong') or ''} {values.get('nam') or ''}")


# -- the kinds ---------------------------------------------------------------------------------

KINDS: tuple[RecordKind, ...] = (
    RecordKind("don_vi", Unit, "don-vi.yml", SINGLE, "Đơn vị", order=lambda u: 0, manifest=False),
    RecordKind("co_quan", Body, "co-quan.yml", LIST, "Cơ quan", order=lambda b: b.id, table="co-quan"),
    RecordKind("don_vi_cu", FormerUnit, "don-vi-cu.yml", LIST, "Đơn vị cũ", order=_former_order,
               listing=ListPage("lich-su/", None, "Lịch sử đơn vị", "history.html",
                                "Các đơn vị cũ đã hợp thành {unit}, và các lần sáp nhập, chia tách, đổi tên.", 92),
               table="don-vi-cu"),
    RecordKind(
        "van_ban", Document, "van-ban", LIST, "Văn bản", order=document_order,
        page="van-ban/{id}/", template="document.html", heading=lambda d, v: d.display_title,
        summary=lambda d, v: d.summary or d.display_title, awards=("awards_by_decision", "theo văn bản"), lists=("bao_cao",),
        listing=ListPage("van-ban/", "Văn bản", "Văn bản", "documents.html",
                         "Sổ văn bản về thi đua, khen thưởng của {unit}.", 50, paged_by="documents_by_year"),
        table="van-ban", search_rank=3, new_id=_document_id),
    RecordKind(
        "bao_cao", Report, "bao-cao", MARKDOWN, "Báo cáo", order=document_order, namespace="van_ban",
        page="bao-cao/{id}/", template="report.html", heading=lambda r, v: r.display_title,
        summary=lambda r, v: r.summary or r.display_title, toc=True,
        listing=ListPage("bao-cao/", "Báo cáo", "Báo cáo", "reports.html",
                         "Toàn văn các báo cáo thi đua, khen thưởng của {unit}.", 60),
        table="bao-cao", search_rank=4, new_id=_document_id, body_limit=300_000,
        scaffold_needs=("ky", "noi_nhan")),  # a stored copy may lack them; a report being filed has them
    RecordKind(
        "phong_trao", Movement, "phong-trao", LIST, "Phong trào thi đua", order=lambda m: sort_key(m.name),
        page="phong-trao/{id}/", template="movement.html", heading=lambda m, v: m.name,
        summary=lambda m, v: f"Phong trào thi đua: {m.name}.", awards=("awards_in_movement", "trong phong trào"),
        listing=ListPage("phong-trao/", "Phong trào", "Phong trào thi đua", "movements.html",
                         "Các phong trào thi đua của {unit}.", 10),
        table="phong-trao", search_rank=2, new_id=lambda values: slugify(values.get("ten") or "phong-trao")),
    RecordKind(
        "doi_tuong", Recipient, "doi-tuong", LIST, "Đối tượng khen thưởng", order=recipient_order,
        page="{loai}/{id}/", template="recipient.html", heading=lambda r, v: r.display_name,
        summary=lambda r, v: f"{vocab.RECIPIENT_TYPES[r.recipient_type].label} {r.display_name}: quá trình khen thưởng.",
        listing=ListPage("doi-tuong/", "Tập thể, cá nhân", "Tập thể, cá nhân", "recipients.html",
                         "Các tập thể, cá nhân, hộ gia đình được khen thưởng ở {unit}.", 30,
                         paged_by="recipients_by_letter"),
        table="doi-tuong", extra_columns=(("ten_hien_thi", "display_name"),), search_rank=0,
        new_id=lambda values: slugify(" ".join(values.get(k) or "" for k in ("ho", "ten_dem", "ten")))),
    RecordKind(
        "khen_thuong", Award, "khen-thuong", LIST, "Khen thưởng", order=lambda a: (-a.year_sort, a.id),
        listing=ListPage("khen-thuong/", "Khen thưởng", "Khen thưởng", "awards.html",
                         "Danh hiệu thi đua, hình thức khen thưởng của {unit}, theo năm.", 20,
                         paged_by="awards_by_year"),
        table="khen-thuong", new_id=_award_id, subject="recipient", names=("recipient_printed",),
        search_rank=1,  # its rows whose recipients have no page (a number of people): lines of their own (pagespec.rows)
        private=("recipient", "recipient_printed", "reason", "sources", "note", "kept_as_printed")),
    RecordKind(
        "su_kien", Event, "su-kien", LIST, "Sự kiện", order=dated_order,
        page="su-kien/{id}/", template="event.html", heading=lambda e, v: e.title, summary=_event_summary,
        listing=ListPage("su-kien/", "Sự kiện", "Sự kiện tôn vinh, khen thưởng", "events.html",
                         "Đại hội thi đua, hội nghị biểu dương điển hình tiên tiến, lễ trao khen thưởng của {unit}.",
                         35),
        table="su-kien", search_rank=1, card=True, screen=True,
        new_id=lambda values: slugify(f"{values.get('ten') or 'su-kien'} {(values.get('ngay') or '')[-4:]}")),
    RecordKind(
        "dien_hinh", Model, "dien-hinh", MARKDOWN, "Gương điển hình tiên tiến", order=dated_order,
        page="dien-hinh/{id}/", template="model.html", heading=_model_heading, summary=_model_summary,
        listing=ListPage("dien-hinh/", "Điển hình", "Điển hình tiên tiến", "models.html",
                         "Gương điển hình tiên tiến của {unit}.", 40),
        table="dien-hinh", search_rank=1, card=True,
        new_id=lambda values: slugify(values.get("tieu_de") or values.get("doi_tuong") or "dien-hinh"),
        body_limit=20_000, yaml_too=True, subject="recipient", story=("title", "summary", "body_markdown"),
        scaffold_needs=("tieu_de", "dong_y")),
    RecordKind(
        "bai_viet", Article, "bai-viet", LIST, "Bài báo, trang tin", order=dated_order,
        listing=ListPage("bai-viet/", "Bài báo", "Bài báo, trang tin", "articles.html",
                         "Các bài báo, bài trên trang tin nói về thi đua, khen thưởng của {unit}.", 55),
        table="bai-viet", search_rank=3,  # its rows: an article has no page of its own (pagespec.rows)
        new_id=lambda values: slugify(f"{values.get('noi_dang') or ''} {values.get('ngay') or ''}")),
    RecordKind("da_go", Removal, "da-go.yml", LIST, "Mục đã gỡ", manifest=False,
               order=lambda r: (-r.date.first_day.toordinal(), -r.date.last_day.toordinal())),
)

BY_KEY: dict[str, RecordKind] = {kind.key: kind for kind in KINDS}


def kind_of(record) -> RecordKind:
    return BY_KEY[record.KIND]


def namespaces() -> dict[str, list[RecordKind]]:
    """Kinds by id namespace, in registry order."""
    result: dict[str, list[RecordKind]] = {}
    for kind in KINDS:
        result.setdefault(kind.ns, []).append(kind)
    return result


def manifest_namespaces() -> list[str]:
    """The namespaces data/da-cong-bo.yml tracks, in the order it lists them."""
    return [ns for ns, kinds in namespaces().items() if any(kind.manifest for kind in kinds)]


def removable() -> dict[str, vocab.Term]:
    """The vocabulary of a declared removal's 'loai': a tracked namespace and what its records are."""
    return {ns: vocab.Term(" và ".join(kind.title.lower() for kind in namespaces()[ns] if kind.manifest).capitalize())
            for ns in manifest_namespaces()}


def where_defined(ns: str) -> str:
    """Where the ids of a namespace are declared: 'van-ban/ hoặc bao-cao/'."""
    return " hoặc ".join(kind.where for kind in namespaces()[ns])


def with_pages() -> list[RecordKind]:
    return [kind for kind in KINDS if kind.page]


def with_lists() -> list[RecordKind]:
    """Kinds with a list page, in the navigation's order."""
    return sorted((kind for kind in KINDS if kind.listing), key=lambda kind: kind.listing.weight)


def with_tables() -> list[RecordKind]:
    return [kind for kind in KINDS if kind.table]


def scaffolded() -> list[RecordKind]:
    """Kinds `python -m bangvang.new` creates: those kept one file or one list per file in a folder."""
    return [kind for kind in KINDS if kind.new_id and not kind.source.endswith(".yml")]


def for_file(parts: tuple[str, ...]) -> RecordKind | None:
    """The kind of a file under data/, from its path parts ('phong-trao', 'x.yml'), or None."""
    for kind in KINDS:
        if kind.source.endswith(".yml"):
            if parts == (kind.source,):
                return kind
        elif len(parts) == 2 and parts[0] == kind.source and parts[1].endswith(kind.suffixes):
            return kind
    return None
