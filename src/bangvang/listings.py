"""How each long list is cut into pages (the `paged_by` of a kind's ListPage in kinds.py)."""

from __future__ import annotations

from . import kinds, paging, vocab
from .figures import Figures
from .public import PublicView
from .text import sort_key


def awards_by_year(view: PublicView, figures: Figures, kind: kinds.RecordKind, size: int):
    return paging.awards_listing(kind.listing.path, figures.awards_by_span(view.listed(kind.key)),
                                 len(view.listed(kind.key)), size)


# The recipients list's groups, in the order it shows them: collectives first, as the honor board does.
RECIPIENT_GROUPS = ("tap_the", "ca_nhan", "ho_gia_dinh")


def recipient_groups() -> list[tuple[str, str]]:
    """(type, label) of the recipients list's groups."""
    return [(t, vocab.RECIPIENT_TYPES[t].label) for t in RECIPIENT_GROUPS]


def recipients_by_letter(view: PublicView, figures: Figures, kind: kinds.RecordKind, size: int):
    types = [(t, kinds.url_word(t), label) for t, label in recipient_groups()]
    return paging.recipients_listing(kind.listing.path, view.listed(kind.key), size, types,
                                     given_name=lambda r: r.name, order=sort_key)


def documents_by_year(view: PublicView, figures: Figures, kind: kinds.RecordKind, size: int):
    return paging.documents_listing(kind.listing.path, view.listed(kind.key), size)


LAYOUTS = {"awards_by_year": awards_by_year, "recipients_by_letter": recipients_by_letter,
           "documents_by_year": documents_by_year}


def listings(view: PublicView, figures: Figures, size: int) -> dict[str, paging.Listing | None]:
    """kind → its list cut into pages, or None when it fits one page (or is never cut)."""
    return {kind.key: LAYOUTS[kind.listing.paged_by](view, figures, kind, size) if kind.listing.paged_by else None
            for kind in kinds.with_lists()}
