"""Where everything is on the site: the one place that computes a site path.

Record pages follow their kind's pattern (kinds.py); an award has no page of its own and is shown
as a row (an anchor) on its recipient's page, or on the awards list (on the numbered page that
holds it when the list is cut). Templates link with url(record) or url(paths.<name>), and the
search worker receives the paths it needs in the index's manifest: no pattern is spelled twice.
"""

from __future__ import annotations

from types import SimpleNamespace

from . import kinds
from .paging import Listing
from .public import PublicView


class Routes:
    def __init__(self, view: PublicView, listings: dict[str, Listing | None], named: dict[str, str]):
        self.view = view
        # kind → {record id → the numbered page of its list that shows its row}, for kinds without pages
        self._rows = {key: listing.page_of(lambda r: r.id) for key, listing in listings.items()
                      if listing is not None and not kinds.BY_KEY[key].page}
        # paths.<kind key> is that kind's list page; paths.<name> one of the site's own pages (sitepages.py)
        self.paths = SimpleNamespace(**named)
        # (id(record), as_kind) → (record, path): pages ask for the same records' paths again and again
        # (an award's recipient, decision and movement on four pages); the record is kept so its id stays its own.
        self._known: dict[tuple[int, str | None], tuple[object, str | None]] = {}

    def of(self, target, as_kind: str | None = None) -> str | None:
        """The site path of a record's page (or row), or `target` itself when it is a path already."""
        if isinstance(target, str):
            return target
        key = (id(target), as_kind)
        if (known := self._known.get(key)) is None:
            known = self._known[key] = (target, self._path(target, as_kind))
        return known[1]

    def _path(self, target, as_kind: str | None) -> str | None:
        kind = kinds.kind_of(target)
        if kind.page is None and kind.listing is not None:
            return self.row(target, kind)
        return self.view.path(target, as_kind)

    def row(self, record, kind: kinds.RecordKind) -> str:
        """Where a record without a page of its own (an award) is shown: as a row on the page of the
        person it is about, or on the page of its kind's list that holds it."""
        subject = getattr(record, kind.subject) if kind.subject else None
        if subject is not None:
            return f"{self.view.path(self.view.get(subject))}#{record.id}"
        page = self._rows.get(kind.key, {}).get(record.id, kind.listing.path)
        return f"{page}#{record.id}"
