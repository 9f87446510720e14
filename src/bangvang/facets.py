"""The filters of the awards and recipients lists: each award's values, and the options offered.

A value is URL-safe (it is kept in the address, ?nam=2023&cap=tinh, so a filtered list can be
shared); 'khong-ro' stands for "not known".
"""

from __future__ import annotations

from collections import Counter, defaultdict

from . import vocab
from .labels import Labels, award_span
from .public import PublicView
from .text import sort_key

UNKNOWN = "khong-ro"
FILTERS = {"nam": "Năm", "hinh-thuc": "Danh hiệu, hình thức", "cap": "Cấp khen", "loai-hinh": "Loại hình",
           "phong-trao": "Phong trào", "doi-tuong": "Đối tượng", "trang-thai": "Trạng thái"}


class Facets:
    def __init__(self, view: PublicView, labels: Labels):
        self.view, self.labels = view, labels
        self._spans: dict[str, object] = {}   # year value → its Span (for its label and order)

    def of_award(self, award) -> dict[str, list[str]]:
        """Filter values of one award: key → values."""
        span = award_span(award)
        year = span.slug if span.label else UNKNOWN
        self._spans[year] = span
        return {
            "nam": [year],
            "hinh-thuc": [award.title or award.form or UNKNOWN],
            "cap": [self.labels.level(award) or UNKNOWN],
            "loai-hinh": list(award.kinds) or [UNKNOWN],
            "phong-trao": [m.id for m in award.movements] or [UNKNOWN],
            "doi-tuong": [self.labels.recipient_type(award)],
            "trang-thai": [award.status],
        }

    def of_recipient(self, recipient) -> dict[str, list[str]]:
        """A recipient matches a filter value when any of its awards does."""
        merged: dict[str, set[str]] = defaultdict(set)
        for award in self.view.awards_of[recipient.id]:
            for key, values in self.of_award(award).items():
                merged[key].update(values)
        merged["doi-tuong"] = {recipient.recipient_type}
        return {key: sorted(values) for key, values in merged.items()}

    def label(self, key: str, value: str) -> str:
        if value == UNKNOWN:
            return "(văn bản không ghi)"
        if key == "nam":
            return self._spans[value].label  # type: ignore[attr-defined]
        if key == "hinh-thuc":
            return (vocab.TITLES.get(value) or vocab.FORMS[value]).label
        if key == "cap":
            return vocab.LEVELS[value].label
        if key == "loai-hinh":
            return vocab.AWARD_KINDS[value].label
        if key == "phong-trao":
            return self.view.by_id["phong_trao"][value].name
        if key == "doi-tuong":
            return vocab.GROUP_TYPES[value].label
        return vocab.AWARD_STATUS[value].label

    @staticmethod
    def offered(options: list[tuple[str, str, list]]) -> frozenset[str]:
        """The keys the filter form offers (a choice between two values or more): only they are
        written on the rows; a value every row shares could filter nothing."""
        return frozenset(key for key, _, values in options if len(values) > 1)

    def options(self, awards: list | None = None, recipients: list | None = None) -> list[tuple[str, str, list]]:
        """(key, label, [(value, label, count)]) for every filter.

        Counted over what the list shows, so that an option says how many rows choosing it leaves:
        `recipients` (people and collectives, each once, with the values of all its awards) for the
        recipients list, else `awards` (every award by default; one page's rows when a list is split)."""
        counts: dict[str, Counter] = {key: Counter() for key in FILTERS}
        if recipients is not None:
            value_sets = (self.of_recipient(r) for r in recipients)
        else:
            value_sets = (self.of_award(a) for a in (self.view.of("khen_thuong") if awards is None else awards))
        for values in value_sets:
            for key, found in values.items():
                counts[key].update(set(found))
        result = []
        for key, label in FILTERS.items():
            values = [(v, self.label(key, v), n) for v, n in counts[key].items()]
            if key == "nam":
                values.sort(key=lambda t: (t[0] == UNKNOWN, self._spans[t[0]].order if t[0] != UNKNOWN else ()))
            else:
                values.sort(key=lambda t: (t[0] == UNKNOWN, sort_key(t[1])))
            result.append((key, label, values))
        return result
