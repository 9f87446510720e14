"""The validated data as one linked graph that pages query.

Built once per build from a Dataset without errors; nothing here re-reads files.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from . import paging, vocab
from .dates import PartialDate
from .issues import Issues
from .load import Dataset, load
from .manifest import check_removals
from .records import Award, Body, Document, Model, Movement, Recipient, Report, Unit
from .text import person_sort_key, sort_key
from .validate import index, neutral_id, public_id, record_url, validate


def _doc_sort_key(doc: Document):
    when = doc.date.first_day if doc.date else date.min
    return (-when.toordinal(), sort_key(doc.display_title))


def recipient_sort_key(r: Recipient):
    if r.recipient_type == "ca_nhan":
        return (0, person_sort_key(r.family_name or "", r.middle_name, r.name))
    return (1, sort_key(r.name))


@dataclass
class Board:
    """Everything a page needs, indexed both ways."""

    unit: Unit
    bodies: dict[str, Body]
    documents: list[Document]             # the register: every document, reports included, newest first
    reports: list[Report]
    movements: list[Movement]
    recipients: list[Recipient]
    awards: list[Award]
    models: list[Model]
    flags: dict[str, list[str]]
    attachments: dict[str, str] = field(default_factory=dict)
    data_root: Path | None = None      # where photos are read from
    withdrawn: dict[str, Recipient] = field(default_factory=dict)  # asked to be removed: counted, never shown
    removals: list = field(default_factory=list)                    # declared removals (data/da-go.yml)
    page_size: int = paging.PAGE_SIZE  # rows per list page (tests lower it to paginate small data)

    def __post_init__(self) -> None:
        self.by_id = {
            "van_ban": {d.id: d for d in self.documents},
            "phong_trao": {m.id: m for m in self.movements},
            "doi_tuong": {r.id: r for r in self.recipients},
            "khen_thuong": {a.id: a for a in self.awards},
            "dien_hinh": {m.id: m for m in self.models},
            "co_quan": self.bodies,
        }
        self.awards_of: dict[str, list[Award]] = defaultdict(list)
        self.awards_in_movement: dict[str, list[Award]] = defaultdict(list)
        self.awards_by_decision: dict[str, list[Award]] = defaultdict(list)
        self.awards_by_authority: dict[str, list[Award]] = defaultdict(list)
        for award in self.awards:
            if award.recipient:
                self.awards_of[award.recipient.id].append(award)
            for m in award.movements:
                self.awards_in_movement[m.id].append(award)
            if award.decision:
                self.awards_by_decision[award.decision.id].append(award)
            if award.revoked_by:
                self.awards_by_decision[award.revoked_by.id].append(award)
            if award.authority:
                self.awards_by_authority[award.authority.id].append(award)
        self.movements_of_doc: dict[str, list[Movement]] = defaultdict(list)
        for movement in self.movements:
            for ref in movement.launched_by + movement.plans:
                self.movements_of_doc[ref.id].append(movement)
        self.reports_citing: dict[str, list[Report]] = defaultdict(list)
        self.reports_on_movement: dict[str, list[Report]] = defaultdict(list)
        for report in self.reports:
            for ref in report.cited + ([report.answers] if report.answers else []):
                self.reports_citing[ref.id].append(report)
            for ref in report.movements:
                self.reports_on_movement[ref.id].append(report)
        self.models_of: dict[str, list[Model]] = defaultdict(list)
        self.models_in_movement: dict[str, list[Model]] = defaultdict(list)
        for model in self.models:
            self.models_of[model.recipient.id].append(model)
            for ref in model.movements:
                self.models_in_movement[ref.id].append(model)
        self.documents_by_issuer: dict[str, list[Document]] = defaultdict(list)
        for doc in self.documents:
            if doc.issuer:
                self.documents_by_issuer[doc.issuer.id].append(doc)

    # -- lookups ---------------------------------------------------------

    def get(self, ref) -> object:
        return self.by_id[ref.kind][ref.id]

    def public_recipient(self, award: Award) -> Recipient | None:
        """The named recipient an award may show, or None (a group, or a person who withdrew)."""
        if award.recipient and award.recipient.id in self.by_id["doi_tuong"]:
            return self.by_id["doi_tuong"][award.recipient.id]
        return None

    def is_anonymous(self, award: Award) -> bool:
        return bool(award.recipient) and award.recipient.id in self.withdrawn

    def public_award_id(self, award: Award) -> str:
        """Award ids may contain a name: an award of a person not shown in full gets a neutral one."""
        person = self.public_recipient(award) or (self.withdrawn.get(award.recipient.id) if award.recipient else None)
        if person is not None and person.visibility in ("viet_tat", "an"):
            return neutral_id(award.id)
        return award.id

    def url(self, record) -> str | None:
        return record_url(record)

    def award_url(self, award: Award) -> str:
        """Where an award is shown: its row on the recipient's page, or on the awards list
        (on the numbered page that holds it when the list is split)."""
        person = self.public_recipient(award)
        if person is not None:
            return f"{self.url(person)}#{self.public_award_id(award)}"
        page = self._award_list_pages.get(award.id, "khen-thuong/")
        return f"{page}#{self.public_award_id(award)}"

    @cached_property
    def awards_listing(self) -> paging.Listing | None:
        """The awards list cut by year and page, or None when it is one page (paging.py)."""
        return paging.awards_listing(self.awards_by_year(), len(self.awards), self.page_size)

    @cached_property
    def _award_list_pages(self) -> dict[str, str]:
        """Award id → the page of the awards list that shows its row (empty when the list is one page)."""
        return self.awards_listing.page_of(lambda a: a.id) if self.awards_listing else {}

    @staticmethod
    def source_file(record) -> str:
        """The data file a record was written in, e.g. 'data/van-ban/2021.yml'."""
        return record.pos().path

    def body_name_at(self, body: Body, when: PartialDate | None, short: bool = True) -> str:
        """A body's name as it was at a date (its latest name when the date is unknown)."""
        if when:
            for period in body.names:
                if (not period.start or period.start.first_day <= when.last_day) and \
                        (not period.end or period.end.last_day >= when.first_day):
                    return (period.short if short and period.short else period.name)
        return body.short if short and body.short else body.name

    def unit_name_at(self, when: PartialDate | None) -> str:
        if when:
            for period in self.unit.periods:
                if (not period.start or period.start.first_day <= when.last_day) and \
                        (not period.end or period.end.last_day >= when.first_day):
                    return period.name
        return self.unit.name

    def authority_label(self, award: Award) -> str:
        """'Chủ tịch UBND tỉnh …' as printed, or built from the body's name that year."""
        if award.authority_printed:
            return award.authority_printed
        if not award.authority:
            return ""
        body = self.bodies[award.authority.id]
        name = self.body_name_at(body, PartialDate(award.year) if award.year else None)
        if award.authority_title and not name.lower().startswith(award.authority_title.lower()):
            return f"{award.authority_title} {name}"
        return name

    def authority_level(self, award: Award) -> str | None:
        if award.authority:
            return self.bodies[award.authority.id].level
        return None

    def recipient_label(self, award: Award) -> str:
        if self.is_anonymous(award):
            kind = vocab.RECIPIENT_TYPES[self.withdrawn[award.recipient.id].recipient_type].label.lower()
            return f"1 {kind} (đã rút thông tin theo đề nghị)"
        if award.recipient:
            return self.by_id["doi_tuong"][award.recipient.id].display_name
        group = award.group
        count = f"{group.count} " if group.count else ""
        kind = vocab.RECIPIENT_TYPES[group.recipient_type].label.lower()
        return f"{count}{kind}" + (f" ({group.description})" if group.description else "")

    def recipient_type(self, award: Award) -> str:
        if award.recipient:
            person = self.by_id["doi_tuong"].get(award.recipient.id) or self.withdrawn[award.recipient.id]
            return person.recipient_type
        return award.group.recipient_type

    def people_count(self, award: Award) -> int | None:
        """How many recipients an award line stands for (None when unknown)."""
        if award.recipient:
            return 1
        return award.group.count

    # -- facets for the filters of list pages ---------------------------

    def facets(self, award: Award) -> dict[str, list[str]]:
        """Filter values of one award: key → values (URL-safe, 'khong-ro' when unknown)."""
        if award.year:
            year = str(award.year)
        elif award.period:
            year = f"{award.period.start}-{award.period.end or ''}".rstrip("-")
        else:
            year = "khong-ro"
        return {
            "nam": [year],
            "hinh-thuc": [award.title or award.form or "khong-ro"],
            "cap": [self.authority_level(award) or "khong-ro"],
            "loai-hinh": list(award.kinds) or ["khong-ro"],
            "phong-trao": [m.id for m in award.movements] or ["khong-ro"],
            "doi-tuong": [self.recipient_type(award)],
            "trang-thai": [award.status],
        }

    def facet_label(self, key: str, value: str) -> str:
        if value == "khong-ro":
            return "Không rõ"
        if key == "nam":
            return value.replace("-", "–")
        if key == "hinh-thuc":
            return (vocab.TITLES.get(value) or vocab.FORMS[value]).label
        if key == "cap":
            return vocab.LEVELS[value].label
        if key == "loai-hinh":
            return vocab.AWARD_KINDS[value].label
        if key == "phong-trao":
            return self.by_id["phong_trao"][value].name
        if key == "doi-tuong":
            return vocab.RECIPIENT_TYPES[value].label
        return vocab.AWARD_STATUS[value].label

    def filter_options(self, awards: list[Award] | None = None,
                       recipients: list[Recipient] | None = None) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
        """(key, label, [(value, label, count)]) for every facet with more than one value.

        Counted over what the list shows, so that an option says how many rows choosing it leaves:
        `recipients` (people and collectives, each once, with the facets of all its awards) for the
        recipients list, else `awards` (every award by default; one page's rows when a list is split)."""
        labels = {"nam": "Năm", "hinh-thuc": "Danh hiệu, hình thức", "cap": "Cấp khen", "loai-hinh": "Loại hình",
                  "phong-trao": "Phong trào", "doi-tuong": "Đối tượng", "trang-thai": "Trạng thái"}
        counts: dict[str, Counter] = {key: Counter() for key in labels}
        if recipients is not None:
            facet_sets = (self.recipient_facets(r) for r in recipients)
        else:
            facet_sets = (self.facets(award) for award in (self.awards if awards is None else awards))
        for facets in facet_sets:
            for key, values in facets.items():
                counts[key].update(set(values))
        result = []
        for key, label in labels.items():
            values = [(v, self.facet_label(key, v), n) for v, n in counts[key].items()]
            if key == "nam":
                values.sort(key=lambda t: (t[0] == "khong-ro",
                                           [] if t[0] == "khong-ro" else [-int(y) for y in t[0].split("-")][::-1]))
            else:
                values.sort(key=lambda t: (t[0] == "khong-ro", sort_key(t[1])))
            result.append((key, label, values))
        return result

    def recipient_facets(self, recipient: Recipient) -> dict[str, list[str]]:
        """A recipient matches a filter value when any of its awards does."""
        merged: dict[str, set[str]] = defaultdict(set)
        for award in self.awards_of[recipient.id]:
            for key, values in self.facets(award).items():
                merged[key].update(values)
        merged["doi-tuong"] = {recipient.recipient_type}
        return {key: sorted(values) for key, values in merged.items()}

    # -- groupings for list pages ---------------------------------------

    def awards_by_year(self, awards: list[Award] | None = None) -> list[tuple[str | None, list[Award]]]:
        """Groups headed '2023', '2014–2023' (figures over a period) or None (year unknown), newest first,
        of `awards` (every award by default)."""
        groups: dict[str | None, list[Award]] = defaultdict(list)
        for award in self.awards if awards is None else awards:
            if award.year:
                key = str(award.year)
            elif award.period:
                key = f"{award.period.start}–{award.period.end or '…'}"
            else:
                key = None
            groups[key].append(award)

        def order(key: str) -> tuple:
            years = [int(y) for y in key.replace("…", "9999").split("–")]
            return (-years[-1], len(years))  # a year before a period ending that year
        result: list[tuple[str | None, list[Award]]] = [(k, groups[k]) for k in sorted(filter(None, groups), key=order)]
        if None in groups:
            result.append((None, groups[None]))
        return result

    def awards_by_what(self, awards: list[Award]) -> list[tuple[str, int]]:
        """(title or form, number of award lines), most frequent first; unknown as ''."""
        counts = Counter(a.what for a in awards)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == "", sort_key(kv[0])))

    def latest_awards(self, n: int = 6) -> list[Award]:
        """Granted awards, newest first, named recipients before figures."""
        granted = [a for a in self.awards if a.status == "da_tang"]
        return sorted(granted, key=lambda a: (-a.year_sort, a.group is not None, a.id))[:n]

    def counts(self, key) -> Counter:
        """Number of award lines per value of `key(award)`, unknowns under None."""
        return Counter(key(a) for a in self.awards)

    def figures(self) -> dict[str, int]:
        granted = [a for a in self.awards if a.status == "da_tang"]
        proposed = [a for a in self.awards if a.status == "de_nghi"]
        return {
            "movements": len(self.movements),
            "awards": len(self.awards),
            "granted": len(granted),
            "proposed_people": sum(self.people_count(a) or 0 for a in proposed),
            **{f"proposed_{kind}": sum(self.people_count(a) or 0 for a in proposed if self.recipient_type(a) == kind)
               for kind in vocab.RECIPIENT_TYPES},
            "recipients": len(self.recipients),
            "documents": len(self.documents),
            "reports": len(self.reports),
            "models": len(self.models),
        }


def build_board(data: Dataset, issues: Issues) -> Board | None:
    """Validate across records and link them; None if any error was found."""
    flags = validate(data, issues)
    check_removals(data, issues)
    if issues.errors or data.unit is None:
        return None
    ids = index(data)
    bodies = dict(ids["co_quan"])
    documents = sorted(data.of("van_ban") + data.of("bao_cao"), key=_doc_sort_key)
    reports = sorted(data.of("bao_cao"), key=_doc_sort_key)
    movements = sorted(data.of("phong_trao"), key=lambda m: sort_key(m.name))
    recipients = sorted(data.of("doi_tuong"), key=recipient_sort_key)
    awards = sorted(data.of("khen_thuong"), key=lambda a: (-a.year_sort, a.id))
    models = sorted(data.of("dien_hinh"), key=lambda m: sort_key(m.title))
    # A person who withdrew is removed from every page, the search index and open data;
    # their awards stay, unnamed, so the figures remain right.
    withdrawn = {r.id: r for r in recipients if r.withdrawn}
    recipients = [r for r in recipients if not r.withdrawn]
    models = [m for m in models if m.recipient.id not in withdrawn]
    board = Board(data.unit, bodies, documents, reports, movements, recipients, awards, models, flags,
                  attachments=data.attachments, data_root=data.root, withdrawn=withdrawn,
                  removals=sorted(data.of("da_go"), key=lambda r: r.date, reverse=True))
    return board


def load_board(root: Path, today: date | None = None, progress=None) -> tuple[Board | None, Issues]:
    """data/ → load → validate → Board. Returns (None, issues) when anything is wrong.

    `progress(files done, files in all, records so far)` is called after each file (progress.py)."""
    data, issues = load(root, today, progress=progress)
    if issues.errors:
        # Still run the cross-record rules so the officer sees every problem at once.
        validate(data, issues)
        check_removals(data, issues)
        return None, issues
    return build_board(data, issues), issues
