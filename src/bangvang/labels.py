"""How records are named on a page: bodies by the name they bore at a date, awards by who gave
them and to whom, spans of years. Every output names things through these, so a label reads the
same on a page, in the feed and in the statistics."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import kinds, vocab
from .dates import PartialDate, in_force, year_span, year_span_slug
from .public import PublicView

# The word for a level's kind of unit, as a whole word of an authority's name ("thị xã" is a district).
_LEVEL_IN_NAME = {
    "tinh": re.compile(r"(?<!\w)tỉnh(?!\w)", re.I),
    "huyen": re.compile(r"(?<!\w)huyện(?!\w)", re.I),
    "xa": re.compile(r"(?<!thị )(?<!\w)xã(?!\w)", re.I),
}


@dataclass(frozen=True)
class Span:
    """The time an award is counted in: one year, a span of years (figures over a period), or unknown."""

    label: str        # '2023', '2014–2023', '' when unknown
    slug: str         # '2023', '2014-2023', 'khong-ro-nam'
    order: tuple      # newest first; a year before a span ending that year; unknown last

    @property
    def title(self) -> str:
        if not self.label:
            return "Không rõ năm"
        return f"Giai đoạn {self.label}" if "–" in self.label else f"Năm {self.label}"


    @property
    def anchor(self) -> str:
        """The id of its heading on the awards list: 'nam-2023', 'khong-ro-nam'."""
        return f"nam-{self.slug}" if self.label else self.slug


UNKNOWN_SPAN = Span("", "khong-ro-nam", (1, 0, 0))


def award_span(award) -> Span:
    # A period of one year (giai_doan 2026–2026) is that year: one group, one page of the awards list.
    period = award.period
    year = award.year or (period.start if period and period.start == period.end else None)
    if year:
        return Span(str(year), str(year), (0, -year, 1))
    if award.period:
        start, end = award.period.start, award.period.end
        return Span(year_span(start, end), year_span_slug(start, end), (0, -(end or 9999), 2))
    return UNKNOWN_SPAN


def movement_years(movement) -> str:
    """'2021–2025', '2021–…', or '' when the documents give no year."""
    return year_span(movement.start_year, movement.end_year) if movement.start_year else ""


def period_label(period) -> str:
    """A report's or an award's giai đoạn: '2014–2023'."""
    return year_span(period.start, period.end)


class Labels:
    """Names that need the view: of bodies at a date, of an award's authority and recipient."""

    def __init__(self, view: PublicView):
        self.view = view
        self._authority: dict[str, str] = {}  # award id → its authority: asked for in each of the award's rows

    def body_name_at(self, body, when: PartialDate | None, short: bool = True) -> str:
        """A body's name as it was at a date (its latest name when the date is unknown)."""
        if when:
            for period in body.names:
                if in_force(period.start, period.end, when):
                    return period.short if short and period.short else period.name
        return body.short if short and body.short else body.name

    def unit_name_at(self, when: PartialDate | None) -> str:
        """The unit's name as it was at a date (its current name when the date is unknown)."""
        if when:
            for period in self.view.unit.periods:
                if in_force(period.start, period.end, when):
                    return period.name
        return self.view.unit.name

    def issuer(self, doc, short: bool = True) -> str:
        """Who issued a document, named as it was on the document's date ('' if unknown)."""
        return self.body_name_at(self.view.get(doc.issuer), doc.date, short) if doc.issuer else ""

    def authority(self, award) -> str:
        """'Chủ tịch UBND tỉnh …' as printed, or built from the body's name that year."""
        if (known := self._authority.get(award.id)) is None:
            known = self._authority[award.id] = self._authority_of(award)
        return known

    def _authority_of(self, award) -> str:
        if award.authority_printed:
            return award.authority_printed
        if not award.authority:
            return ""
        name = self.body_name_at(self.view.get(award.authority), PartialDate(award.year) if award.year else None)
        if award.authority_title and not name.lower().startswith(award.authority_title.lower()):
            return f"{award.authority_title} {name}"
        return name

    def level(self, award) -> str | None:
        """The level of the body that granted an award (vocab.LEVELS), or None."""
        return self.view.get(award.authority).level if award.authority else None

    def level_unsaid(self, award) -> str | None:
        """The level of an award's body, unless the authority's name says it already: 'Chủ tịch UBND
        huyện X' is plainly cấp huyện, 'Chủ tịch UBND phường Y' does not say that it is cấp xã."""
        level = self.level(award)
        said = _LEVEL_IN_NAME.get(level)
        return None if said is not None and said.search(self.authority(award)) else level

    def recipient(self, award) -> str:
        """Who an award went to, as a page names them: a name, or a count and a kind."""
        if self.view.is_anonymous(award):
            kind = vocab.RECIPIENT_TYPES[self.view.anonymous[award.id]].label.lower()
            return f"1 {kind} (đã rút thông tin theo đề nghị)"
        if award.recipient:
            return self.view.get(award.recipient).display_name
        return award.group.label

    @staticmethod
    def granted(awards: list) -> list:
        """The awards of a list that were granted (not proposed, not revoked): in Python, as Jinja's
        selectattr costs a test set-up per call on every person's page."""
        return [a for a in awards if a.status == "da_tang"]

    def recipient_type(self, award) -> str:
        if self.view.is_anonymous(award):
            return self.view.anonymous[award.id]
        if award.recipient:
            return self.view.get(award.recipient).recipient_type
        return award.group.recipient_type

    @staticmethod
    def removed_kind(key: str) -> str:
        """What a declared removal removed ('loai' of data/da-go.yml), as residents read it."""
        return kinds.removable()[key].label

    @staticmethod
    def people_count(award) -> int | None:
        """How many recipients an award line stands for (None when unknown)."""
        if award.group is None:
            return 1
        return award.group.count

    def honored(self, event) -> str:
        """Who an event honored, in a line: 'Biểu dương 5 gương điển hình tiên tiến. Khen thưởng 2 tập thể,
        1 cá nhân; 18 tập thể, cá nhân.' Named recipients are counted by kind; counts stay as given."""
        named: dict[str, int] = {}
        groups = []
        for award in (self.view.get(ref) for ref in event.awards):
            if award.recipient or self.view.is_anonymous(award):
                kind = self.recipient_type(award)
                named[kind] = named.get(kind, 0) + 1
            else:
                groups.append(award.group.short_label)
        counted = [", ".join(f"{n} {vocab.GROUP_TYPES[kind].label.lower()}" for kind, n in named.items())] if named else []
        counted += groups + [group.short_label for group in event.counts]
        parts = [f"Biểu dương {len(event.models)} gương điển hình tiên tiến."] if event.models else []
        parts += [f"Khen thưởng {'; '.join(counted)}."] if counted else []
        return " ".join(parts)

    def title_of(self, record) -> str:
        """A record named as its page names it; an award (no page) by its title or form and recipient."""
        kind = kinds.kind_of(record)
        if kind.heading:
            return kind.heading(record, self.view)
        if kind.key == "khen_thuong":
            return f"{record.what or 'Khen thưởng'} — {self.recipient(record)}"
        return getattr(record, "name", None) or getattr(record, "title", None) or record.id

    @staticmethod
    def event_kind(event) -> str | None:
        """The kind of event, to say above its title; None when the title already begins with it
        ("Đại hội thi đua yêu nước xã …" needs no "Đại hội thi đua yêu nước" above it)."""
        label = vocab.EVENT_KINDS[event.kind].label
        return None if label.lower() in event.title.lower() else label

