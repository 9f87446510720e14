"""The public view: the one step that turns the validated model into what may be published.

Every output (pages, open data in JSON and CSV, the feed, the search index, the sitemap, the edit
links, and whatever is added later) is made from a PublicView and never from the model. The rules,
written once here:

* A person who withdrew (`hien_thi: an`) is in no output: their record is gone; a record about
  them is dropped (a story) or keeps only what cannot name them (an award stays counted, unnamed:
  kinds.py declares which fields go); their name is replaced by WITHDRAWN in every text.
* A person shown by initials only (`hien_thi: viet_tat`) is named by initials everywhere: in their
  own record and in every text of every record (reasons, captions, stories, reports…); the name
  as printed on an award line is left out, and so is any photo of them (a face names more than a
  name).
* An id that spells a hidden person's name is replaced by a neutral one in URLs, anchors and open
  data, and pages about them link the data folder, not the line of the file that names them.
* Fields declared `publish=False` (where consent papers are kept) are emptied; a photo or a
  story without consent is not published.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import kinds, verifycode
from .fields import Url
from .heap import gc_paused
from .issues import Issues
from .links import Links
from .model import Model, load_model
from .redact import NameRedactor
from .schema import Record, RefValue, field_specs
from .walk import rewritten

WITHDRAWN = "[đã gỡ tên]"
PEOPLE = "doi_tuong"  # the kind whose records are people, with a 'hien_thi' choice
SHOWN_BY_INITIALS, WITHDREW = "viet_tat", "an"
HOUSEHOLD = "ho_gia_dinh"


def neutral_id(record_id: str) -> str:
    """A stable id that does not spell a name (ids such as 'le-thi-thu-ha' do)."""
    return "an-" + hashlib.sha256(record_id.encode()).hexdigest()[:10]


def initials(words: str | None) -> str | None:
    """'Thị Thu' → 'T. T.'"""
    return " ".join(f"{w[0]}." for w in words.split()) if words else None


@dataclass
class PublicView(Links):
    """What may be published, linked both ways (links.py), with each record's source for edit links."""

    unit: Record = None                                               # type: ignore[assignment]
    records: dict[str, list[Record]] = field(default_factory=dict)    # kind → public records, in order
    flags: dict[str, list[str]] = field(default_factory=dict)         # public id → what was kept as printed
    attachments: dict[str, str] = field(default_factory=dict)         # data path → raw text of a report
    anonymous: dict[str, str] = field(default_factory=dict)           # public id of a record about a person
                                                                      # who withdrew → their recipient type
    sources: dict[int, tuple[str, int | None]] = field(default_factory=dict)  # id(record) → (data path, line)
    listings: dict[str, list[Record]] = field(default_factory=dict)   # kind → what its list shows
    data_root: object = None                                          # where photos are read from
    codes: dict[str, str] = field(default_factory=dict)               # public id of an award or a model →
                                                                      # its verification code (verifycode.py)
    withdrawn_codes: list[str] = field(default_factory=list)          # codes of honors of people who withdrew
                                                                      # whose record is in no output (a model)

    def of(self, kind: str) -> list:
        return self.records.get(kind, [])

    def listed(self, kind: str) -> list:
        """The records a kind's list shows: its own and those of the kinds it also lists, in its order."""
        return self.listings.get(kind, self.of(kind))

    def source(self, record) -> tuple[str, int | None]:
        """Where a record was written (data path, line), for its page's edit links; a record about a
        hidden person gives its folder and no line."""
        return self.sources[id(record)]

    def path(self, record, as_kind: str | None = None) -> str | None:
        """The site path of a record's page (as `as_kind`'s page, if given: a report's document page)."""
        kind = kinds.BY_KEY[as_kind] if as_kind else kinds.kind_of(record)
        return kind.path_of(record, record.id)

    def attachment(self, record) -> str:
        """The raw text a record names ('ban_trich_xuat'), beside its data file."""
        return self.attachments.get(posixpath.join(posixpath.dirname(record.pos().path), record.raw_text), "")

    def is_anonymous(self, record) -> bool:
        """A record about a person who withdrew (it names nobody)."""
        return kinds.kind_of(record).subject is not None and record.id in self.anonymous


def publish(model: Model) -> PublicView:
    """The public view of a validated model (the rules are in this module's docstring)."""
    with gc_paused():  # a copy of every record: many objects, none garbage (heap.gc_paused)
        return _Publisher(model).view()


def load_view(root: Path, today: date | None = None) -> tuple[PublicView | None, Issues]:
    """data/ → … → the public view in one call (for tools and tests); (None, issues) when data has errors."""
    model, issues = load_model(root, today)
    return (publish(model) if model is not None else None), issues


class _Publisher:
    def __init__(self, model: Model):
        self.model = model
        people = [r for r in model.of(PEOPLE) if r.visibility in (SHOWN_BY_INITIALS, WITHDREW)]
        self.hidden = {r.id: r for r in people}
        self.redact = NameRedactor(self._name_forms())
        self.ids: dict[tuple[str, str], str] = {}   # (namespace, raw id) → public id
        self.anonymous: dict[str, str] = {}
        self.naming_files: set[str] = set()           # data files that name a hidden person (no edit link to them)
        self._named = False

    def _name_forms(self) -> dict[str, str]:
        """Every way a hidden person is written → what is written instead."""
        forms: dict[str, str] = {}
        for p in self.hidden.values():
            forms[p.full_name] = WITHDRAWN if p.visibility == WITHDREW else p.display_name
            if p.recipient_type == HOUSEHOLD and p.visibility == WITHDREW:
                forms.setdefault(_head_of(p.full_name), WITHDRAWN)  # "Hộ ông Lê Văn Thành": "Lê Văn Thành" too
        for kind in kinds.KINDS:
            for record in self.model.of(kind.key) if kind.subject else ():
                person = self._subject(record, kind)
                for attr in kind.names if person is not None else ():
                    if getattr(record, attr):
                        forms.setdefault(getattr(record, attr), forms[person.full_name])
        return forms

    def _subject(self, record, kind: kinds.RecordKind):
        """The hidden person a record is, or is about; None for anyone shown in full."""
        if kind.key == PEOPLE:
            return self.hidden.get(record.id)
        ref = getattr(record, kind.subject) if kind.subject else None
        return self.hidden.get(ref.id) if isinstance(ref, RefValue) and ref.kind == PEOPLE else None

    def _assign_ids(self) -> None:
        self.gone: set[tuple[str, str]] = set()  # (namespace, raw id) of records left out of every output
        for kind in kinds.KINDS:
            for record in self.model.of(kind.key) if kind.layout != kinds.SINGLE else ():
                hidden = self._subject(record, kind) is not None or self.redact.spells_a_name(record.id)
                self.ids[(kind.ns, record.id)] = neutral_id(record.id) if hidden else record.id
                if self._goes(record, kind):
                    self.gone.add((kind.ns, record.id))

    def _goes(self, record, kind: kinds.RecordKind) -> bool:
        """A person who withdrew, a record that is only about them, a story told without consent, a
        report still in draft (not issued: no number, no date)."""
        person = self._subject(record, kind)
        withdrew = person is not None and person.visibility == WITHDREW
        return ((withdrew and (kind.key == PEOPLE or not kind.private)) or (not _consented(record) and not kind.story)
                or bool(getattr(record, "draft", None)))

    def _ref(self, ref: RefValue) -> RefValue | None:
        """A reference as published; None when it names a record that is left out (an event then no
        longer lists the model of a person who withdrew)."""
        if (ref.kind, ref.id) in self.gone:
            return None
        return RefValue(self.ids.get((ref.kind, ref.id), ref.id), ref.kind, ref.position)

    def _public(self, record, kind: kinds.RecordKind):
        """The public copy of one record, or None when it may not be published at all."""
        if (kind.ns, record.id) in self.gone:
            return None
        person = self._subject(record, kind)
        withdrew = person is not None and person.visibility == WITHDREW
        emptied = set(kind.private if withdrew else kind.names if person is not None else ())
        if not _consented(record):
            emptied.update(kind.story)  # a recognition is public; the story told about a person is theirs

        def drop(item, attr: str) -> bool:
            if attr in _unpublished(type(item)):
                return True
            if attr == "photo":
                return person is not None or not _consented(getattr(item, attr))
            if attr in _addresses(type(item)):  # a link to a story about a hidden person spells their name
                return self.redact.spells_a_name(getattr(item, attr) or "")
            return item is record and attr in emptied

        public = rewritten(record, self._redact, self._ref, drop)
        public.id = self.ids[(kind.ns, record.id)]
        if kind.key == PEOPLE and person is not None:
            _to_initials(public)
        if withdrew:
            self.anonymous[public.id] = person.recipient_type
        return public

    def view(self) -> PublicView:
        self._assign_ids()
        view, published = PublicView(), []
        for kind in kinds.KINDS:
            for record in self.model.of(kind.key) if kind.layout != kinds.SINGLE else ():
                self._named = False
                public = self._public(record, kind)
                if self._named or self._subject(record, kind) is not None:
                    self.naming_files.add(record.pos().path)
                if public is not None:
                    view.records.setdefault(kind.key, []).append(public)
                    published.append((public, record))
        self._named = False
        view.unit = rewritten(self.model.unit, self._redact, self._ref)
        if self._named:
            self.naming_files.add(self.model.unit.pos().path)
        self.naming_files.update(path for path, found in self.model.comments.items()
                                 if any(self.redact.find(text) for _, _, text in found))
        view.sources = {id(public): self._source(record) for public, record in (*published, (view.unit, self.model.unit))}
        view.codes, view.withdrawn_codes = self._codes(published)
        public_of = {raw: public for (_, raw), public in self.ids.items()}
        view.flags = {public_of.get(raw, raw): [self.redact(n) for n in notes] for raw, notes in self.model.flags.items()}
        view.attachments = {path: self.redact(text) for path, text in self.model.attachments.items()}
        view.anonymous, view.data_root = self.anonymous, self.model.root
        view.listings = {kind.key: sorted([r for key in (kind.key, *kind.lists) for r in view.of(key)], key=kind.order)
                         for kind in kinds.KINDS if kind.lists}
        view.link()
        return view

    def _codes(self, published: list) -> tuple[dict[str, str], list[str]]:
        """Verification codes, made from the records as written (a withdrawal does not change a code),
        of every published award and model; and of the models left out because their person withdrew:
        the verification page then says such an honor exists and was withdrawn, naming nobody."""
        made = {"khen_thuong": verifycode.award_code, "dien_hinh": verifycode.model_code}
        codes = {public.id: made[kinds.kind_of(record).key](record)
                 for public, record in published if kinds.kind_of(record).key in made}
        withdrawn = sorted(verifycode.model_code(record) for record in self.model.of("dien_hinh")
                           if ("dien_hinh", record.id) in self.gone and self._subject(record, kinds.BY_KEY["dien_hinh"]))
        return codes, withdrawn

    def _redact(self, text: str) -> str:
        """A record's text with hidden names replaced; notes that the record named someone."""
        out = self.redact(text)
        if out is not text:
            self._named = True
        return out

    def _source(self, record) -> tuple[str, int | None]:
        """Where an edit link may point: a file that holds a hidden person (their record, a record about
        them, or their name in any text or comment) or whose name spells one is linked by its folder."""
        path = record.pos().path
        if path in self.naming_files or self.redact.spells_a_name(path):
            return posixpath.dirname(path) + "/", None
        return path, record.pos().line


_UNPUBLISHED: dict[type, frozenset[str]] = {}
_ADDRESSES: dict[type, frozenset[str]] = {}
_CONSENT: dict[type, str | None] = {}
CONSENT_FIELD = "dong_y"


def _unpublished(cls: type) -> frozenset[str]:
    """Fields declared publish=False (consent papers): never in any output."""
    if cls not in _UNPUBLISHED:
        _UNPUBLISHED[cls] = frozenset(s.attr for s in field_specs(cls) if not s.publish)
    return _UNPUBLISHED[cls]


def _addresses(cls: type) -> frozenset[str]:
    """Fields that hold a web address (published as a link, so never redacted, only left out)."""
    if cls not in _ADDRESSES:
        _ADDRESSES[cls] = frozenset(s.attr for s in field_specs(cls) if isinstance(s.type, Url))
    return _ADDRESSES[cls]


def _consented(record) -> bool:
    """A photo or a story, which declare a consent field, is published only with that consent."""
    if record is None:
        return True
    cls = type(record)
    if cls not in _CONSENT:
        _CONSENT[cls] = next((s.attr for s in field_specs(cls) if s.key == CONSENT_FIELD), None)
    return _CONSENT[cls] is None or getattr(record, _CONSENT[cls]) is not None


def _head_of(household: str) -> str:
    """The name of a household's head: its last capitalised words ("Hộ ông Lê Văn Thành" → "Lê Văn Thành")."""
    words = household.split()
    start = len(words)
    while start > 1 and words[start - 1][:1].isupper():
        start -= 1
    return " ".join(words[start:])


def _to_initials(person) -> None:
    """A person shown by initials: family name, then the initials of the middle and given names."""
    if person.recipient_type == "ca_nhan":
        person.middle_name, person.name = initials(person.middle_name), initials(person.name)

