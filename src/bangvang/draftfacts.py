"""What the data knows of a period, gathered for a draft report: every figure is counted here, none
is invented.

Read from the public view, as every output is. A record belongs to the period when its year (or its
span of years) lies in it; a record the data gives no year is taken when a report of the period
names it (its movements, the awards it is the source of), since that report placed it there. What
the data does not know (the signer's name, the number, the date) is not here: the draft leaves it
blank for the officer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from . import vocab
from .labels import Labels
from .public import PublicView

UNKNOWN = None  # a count the data does not give


@dataclass
class Facts:
    start: int
    end: int
    place: str                        # the place line of the date line
    issuer: str                       # the unit's People's Committee, as the body text names it
    issuer_id: str
    parent: str | None                # the body it answers to now, when the data knows one in force
    movements: list = field(default_factory=list)
    awards: list = field(default_factory=list)     # awards of the period, dated ones first
    undated: set = field(default_factory=set)      # ids of those the data gives no year
    models: list = field(default_factory=list)
    events: list = field(default_factory=list)      # oldest first, as a report tells them
    reports: list = field(default_factory=list)     # the unit's reports whose period meets this one
    signing: list[str] = field(default_factory=list)  # "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH": the last report's
    labels: Labels | None = None

    def span_words(self) -> str:
        """'giai đoạn 2014–2023', or 'năm 2023' for one year."""
        return f"năm {self.start}" if self.start == self.end else f"giai đoạn {self.start}–{self.end}"

    @property
    def empty(self) -> bool:
        return not (self.movements or self.awards or self.models or self.events)

    def proposed(self) -> dict[str, int | None]:
        """Recipients proposed for an award, by kind (GROUP_TYPES); None where a count is unknown."""
        counts: dict[str, int | None] = {}
        for award in (a for a in self.awards if a.status == "de_nghi"):
            kind, n = self.labels.recipient_type(award), self.labels.people_count(award)
            known = counts.get(kind, 0)
            counts[kind] = None if n is UNKNOWN or known is UNKNOWN else known + n
        return counts

    def granted(self) -> list[tuple[str, int]]:
        """(title or form, award lines) of the awards granted, most first."""
        counts: dict[str, int] = {}
        for award in (a for a in self.awards if a.status == "da_tang"):
            counts[award.what or "khen thưởng khác"] = counts.get(award.what or "khen thưởng khác", 0) + 1
        return sorted(counts.items(), key=lambda kv: -kv[1])


def gather(view: PublicView, start: int, end: int, today: date) -> Facts:
    labels = Labels(view)
    body = view.get(view.unit.body)
    parent = view.bodies.get(body.parent.id) if body.parent else None
    in_force = parent is not None and (parent.end is None or parent.end.last_day >= today)
    facts = Facts(start, end, view.unit.place_name, body.name, body.id,
                  parent.name if in_force else None, labels=labels)
    reports = [r for r in view.of("bao_cao") if r.period and _overlaps(r.period.start, r.period.end, start, end)]
    facts.reports = reports
    named = {ref.id for r in reports for ref in r.movements}
    sources = {r.id for r in reports}
    facts.awards, facts.undated = _awards(view, start, end, sources)
    named |= {ref.id for a in facts.awards for ref in a.movements}
    facts.events = sorted((e for e in view.of("su_kien") if _event_in(e, start, end)),
                          key=lambda e: e.date.first_day if e.date else date.max)
    named |= {ref.id for e in facts.events for ref in (*e.launched, *e.closed)}
    facts.movements = [m for m in view.of("phong_trao") if _movement_in(m, start, end, named)]
    facts.models = [m for m in view.of("dien_hinh") if _model_in(m, start, end, {e.id for e in facts.events})]
    facts.signing = _signing(view, body.id)
    return facts


def _overlaps(a_start: int | None, a_end: int | None, start: int, end: int) -> bool:
    """Whether years a_start–a_end (an unknown end is open) meet start–end."""
    first = a_start if a_start is not None else a_end
    return first is not None and first <= end and (a_end if a_end is not None else 9999) >= start


def _awards(view: PublicView, start: int, end: int, reports: set[str]) -> tuple[list, set]:
    """Awards of the period (a span counts when it lies inside), then those without a year that a
    report of the period is the source of."""
    dated, undated = [], []
    for award in view.of("khen_thuong"):
        if award.year or award.period:
            first = award.year or award.period.start
            last = award.year or award.period.end or award.period.start
            if start <= first and last <= end:
                dated.append(award)
        elif any(s.document and s.document.id in reports for s in award.sources):
            undated.append(award)
    dated.sort(key=lambda a: (a.year_sort, a.status != "de_nghi"))
    return dated + undated, {a.id for a in undated}


def _movement_in(movement, start: int, end: int, named: set[str]) -> bool:
    if movement.start_year or movement.end_year:
        return _overlaps(movement.start_year, movement.end_year, start, end)
    return movement.id in named


def _event_in(event, start: int, end: int) -> bool:
    if event.date:
        return start <= event.date.year <= end
    return bool(event.period) and _overlaps(event.period.start, event.period.end, start, end)


def _model_in(model, start: int, end: int, events: set[str]) -> bool:
    if model.date:
        return start <= model.date.year <= end
    if model.period:
        return _overlaps(model.period.start, model.period.end, start, end)
    return bool(model.event) and model.event.id in events


def _signing(view: PublicView, issuer: str) -> list[str]:
    """The authority and title lines of the unit's latest signed report ('TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH'): who signs is the officer's to confirm, and the name is never copied."""
    signed = [r for r in view.of("bao_cao") if r.signature and r.issuer and r.issuer.id == issuer]
    if not signed:
        return []
    latest = max(signed, key=lambda r: r.date.last_day if r.date else date.min)
    sign = latest.signature
    lines = [f"TM. {sign.collective}"] if sign.collective else []
    if sign.mode == "Q":
        return lines + [f"Q. {sign.title}"]
    if sign.mode != "khong":
        lines.append(f"{vocab.SIGNING_MODES[sign.mode].label} {sign.on_behalf_of or ''}".strip())
    return lines + [sign.title]
