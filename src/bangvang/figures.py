"""What the awards add up to: the home page's figures, groups by year, the statistics tables."""

from __future__ import annotations

from collections import Counter, defaultdict

from . import vocab
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
