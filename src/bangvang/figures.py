"""What the awards add up to: the home page's figures, groups by year, the statistics tables."""

from __future__ import annotations

from collections import Counter, defaultdict

from . import kinds, vocab
from .labels import Labels, Span, award_span
from .public import PublicView
from .text import sort_key


class Figures:
    def __init__(self, view: PublicView, labels: Labels):
        self.view, self.labels = view, labels

    def awards_by_span(self, awards: list | None = None) -> list[tuple[Span, list]]:
        """Awards grouped by year or span ('2023', '2014–2023'), newest first, unknown last."""
        groups: dict[Span, list] = defaultdict(list)
        for award in self.view.of("khen_thuong") if awards is None else awards:
            groups[award_span(award)].append(award)
        return sorted(groups.items(), key=lambda item: item[0].order)

    @staticmethod
    def awards_by_what(awards: list) -> list[tuple[str, int]]:
        """(title or form, number of award lines), most frequent first; unknown as ''."""
        counts = Counter(a.what for a in awards)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == "", sort_key(kv[0])))

    def latest_awards(self, n: int = 6) -> list:
        """Granted awards, newest first, named recipients before figures (then in the kind's order)."""
        granted = [a for a in self.view.of("khen_thuong") if a.status == "da_tang"]
        return sorted(granted, key=lambda a: (-a.year_sort, a.group is not None))[:n]

    def known(self, awards: list, at=None) -> dict[str, int]:
        """How many of `awards` state each column of an awards table: a column no row states is not
        shown, and the cells of a column some rows leave blank share one legend ('—'). On the page of
        `at` (a document, a movement, an event), a link to that very page states nothing."""
        lab, here = self.labels, self.here(at)
        columns = {
            "when": lambda a: award_span(a).label,
            "authority": lab.authority,
            "reason": lambda a: (a.reason or [m for m in a.movements if not here(m)] or a.movement_printed
                                 or self.view.is_anonymous(a)),
            "decision": lambda a: ((a.decision and not here(a.decision)) or a.revoked_by or a.sources or a.handed_over
                                   or self.events_of(a, at)),
            "count": lambda a: a.group is None or a.group.count,
            "decision_dash": lambda a: not a.decision and not a.sources,  # rows whose decision cell is a dash
            "granted": lambda a: a.status == "da_tang",  # rows without a status badge
        }
        return {name: sum(1 for a in awards if stated(a)) for name, stated in columns.items()} | {"rows": len(awards)}

    @staticmethod
    def here(at):
        """Whether a reference names `at`, the record whose page this is."""
        ns = kinds.kind_of(at).ns if at is not None else None
        return lambda ref: ns is not None and ref.kind == ns and ref.id == at.id

    def events_of(self, award, at=None) -> list:
        """The events where `award` was handed over, but `at` (an event's page says it once)."""
        return [e for e in self.view.events_of_award[award.id] if e is not at]

    def others(self, refs: list, at=None) -> list:
        """`refs` but the one that names `at`."""
        here = self.here(at)
        return [ref for ref in refs if not here(ref)]

    def shared(self, awards: list, at=None) -> dict[str, str | None]:
        """What every row of a table of awards says alike, to say it once above them: the kinds of
        award (in any table); on the page of `at`, also the authority (with its level), and the
        reason when no row says more than it."""
        kinds = {tuple(a.kinds) for a in awards}
        common_kinds = next(iter(kinds)) if len(awards) > 1 and len(kinds) == 1 else ()
        shared = {"authority": None, "reason": None,
                  "kinds": ", ".join(vocab.AWARD_KINDS[k].label for k in common_kinds) or None}
        if at is None or len(awards) < 2:
            return shared
        here = self.here(at)
        authorities = {(self.labels.authority(a), self.labels.level_unsaid(a)) for a in awards}
        reasons = {a.reason if not a.movement_printed and all(here(m) for m in a.movements)
                   and not self.view.is_anonymous(a) else None for a in awards}
        (authority, level), = authorities if len(authorities) == 1 else ((None, None),)
        if authority and level:
            authority = f"{authority} ({vocab.LEVELS[level].label.lower()})"
        return shared | {"authority": authority or None, "reason": next(iter(reasons)) if len(reasons) == 1 else None}

    def totals(self) -> dict[str, int]:
        """The home page's figures."""
        v, awards = self.view, self.view.of("khen_thuong")
        proposed = [a for a in awards if a.status == "de_nghi"]
        return {
            "movements": len(v.of("phong_trao")),
            "awards": len(awards),
            "granted": sum(1 for a in awards if a.status == "da_tang"),
            "proposed_people": sum(self.labels.people_count(a) or 0 for a in proposed),
            **{f"proposed_{kind}": sum(self.labels.people_count(a) or 0 for a in proposed
                                       if self.labels.recipient_type(a) == kind)
               for kind in vocab.GROUP_TYPES},
            "recipients": len(v.of("doi_tuong")),
            "documents": len(v.listed("van_ban")),
            "reports": len(v.of("bao_cao")),
            "models": len(v.of("dien_hinh")),
            "events": len(v.of("su_kien")),
        }

    def tables(self) -> list[tuple[str, str, list]]:
        """Tables for the statistics page: (title, anchor, rows of label/lines/people/unknown)."""
        lab = self.labels
        return [
            ("Theo năm", "theo-nam", self._table(lambda a: award_span(a).label or None, str, order=str)),
            ("Theo danh hiệu, hình thức", "theo-hinh-thuc", self._table(lambda a: a.what or None, str, order=sort_key)),
            ("Theo cấp khen", "theo-cap", self._table(lab.level, lambda k: vocab.LEVELS[k].label,
                                                      order=list(vocab.LEVELS).index)),
            ("Theo loại hình", "theo-loai-hinh", self._table(
                lambda a: ", ".join(vocab.AWARD_KINDS[k].label for k in a.kinds) or None, str, order=sort_key)),
            ("Theo trạng thái", "theo-trang-thai", self._table(lambda a: a.status, lambda k: vocab.AWARD_STATUS[k].label,
                                                               order=list(vocab.AWARD_STATUS).index)),
        ]

    def _table(self, key, label_of, order) -> list[tuple]:
        """(label, award lines, people, lines with an unknown count) per value of key(award); unknown last."""
        rows: dict = {}
        for award in self.view.of("khen_thuong"):
            k = key(award)
            lines, people, unknown = rows.get(k, (0, 0, 0))
            count = self.labels.people_count(award)
            rows[k] = (lines + 1, people + (count or 0), unknown + (0 if count else 1))
        keys = sorted(rows, key=lambda k: (k is None, order(k) if k is not None else 0))
        return [(label_of(k) if k is not None else "Không rõ", *rows[k]) for k in keys]
