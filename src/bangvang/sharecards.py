"""Which share card each page shows when its link is shared (cards.py draws them).

Models and events (kinds declaring `card`) have their own, showing who was honored, with what,
where; every other page shows the site's card. The texts come from the public view, so a person
shown by initials is named by initials, and a photo is there only when it may be published.
"""

from __future__ import annotations

from . import kinds
from .cards import Card
from .labels import Labels, period_label
from .public import PublicView

FOLDER = "chia-se"                    # site folder of the cards
SITE_CARD = f"{FOLDER}/trang.png"     # the card of every page without its own


def card_path(view: PublicView, record) -> str:
    """'chia-se/dien-hinh-<id>.png': one file per record page, named after it."""
    return f"{FOLDER}/{view.path(record).strip('/').replace('/', '-')}.png"


def site_card(view: PublicView) -> Card:
    unit = view.unit
    lines = (unit.site_description,) if unit.site_description else ()
    return Card(kicker=unit.name, title=unit.site_name, lines=lines, footer=_footer(view),
                alt=f"{unit.site_name}: thi đua, khen thưởng và gương điển hình tiên tiến của {unit.name}.")


def record_card(view: PublicView, labels: Labels, record) -> Card:
    kind = kinds.kind_of(record)
    make = {"dien_hinh": _model_card, "su_kien": _event_card}[kind.key]
    return make(view, labels, record)


def _model_card(view: PublicView, labels: Labels, model) -> Card:
    person = view.get(model.recipient)
    name = f"{model.honorific} {person.display_name}" if model.honorific else person.display_name
    honor = "Gương điển hình tiên tiến" + (f" · {model.area}" if model.area else "")
    events = view.events_of_model[model.id]
    where = person.affiliation or person.neighbourhood
    event = events[0] if events else None
    when = (" · ".join(filter(None, [event.date.short() if event.date else None, event.title])) if event else None) \
        or (period_label(model.period) if model.period else None) or (model.date.short() if model.date else None)
    lines = tuple(line for line in (where, when) if line)
    return Card(kicker=honor, title=name, lines=lines, footer=_footer(view), photo=_photo(view, model),
                alt=f"{name}, gương điển hình tiên tiến của {view.unit.name}.")


def _event_card(view: PublicView, labels: Labels, event) -> Card:
    when = ", ".join(filter(None, [event.time, event.date.short() if event.date else None]))
    lines = tuple(filter(None, ["; ".join(filter(None, [when, event.place])), labels.honored(event)]))
    return Card(kicker=labels.event_kind(event) or view.unit.name, title=event.title, lines=lines, footer=_footer(view),
                photo=_photo(view, event), alt=f"{event.title}" + (f", {when}" if when else "") + ".")


def _photo(view: PublicView, record):
    """The record's photo file, when the public view kept it (consent, not a hidden person)."""
    return view.data_root / record.photo.file if record.photo else None


def _footer(view: PublicView) -> str:
    return view.unit.site_name
