"""Atom feed of new awards, exemplary models and reports, dated from the data.

Only items whose date is known to the day are in the feed (an award takes the
date of its decision): a year alone is not turned into an invented 01/01.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from . import kinds, vocab
from .labels import Labels
from .public import PublicView
from .routes import Routes

FEED_FILE = "tin-moi.xml"
LIMIT = 50


def dated(view: PublicView) -> list[tuple[date, str, object]]:
    """(day, kind, record) of every award, event, model and report whose date is known to the day,
    newest first; an award takes the date of its decision."""
    items = []
    for award in view.of("khen_thuong"):
        when = view.get(award.decision).date if award.decision else None
        if when and when.day:
            items.append((when.first_day, "khen_thuong", award))
    for kind in ("su_kien", "dien_hinh", "bao_cao"):
        items += [(r.date.first_day, kind, r) for r in view.of(kind) if r.date and r.date.day]
    items.sort(key=lambda item: (item[0], item[1].replace("_", "-"), item[2].id), reverse=True)
    return items[:LIMIT]


def has_entries(view: PublicView) -> bool:
    """Whether the site has a feed (Atom needs a date for every entry)."""
    return bool(dated(view))


def _entries(view: PublicView, labels: Labels, routes: Routes) -> list[tuple[date, str, str, str, str, str | None]]:
    """(date, kind, id, title, summary, page path) of every dated item, newest first."""
    entries = []
    for when, kind, record in dated(view):
        if kind == "khen_thuong":
            title = f"{record.what or 'Khen thưởng'}: {labels.recipient(record)}"
            summary = " · ".join(filter(None, [labels.authority(record), record.reason,
                                               vocab.AWARD_STATUS[record.status].label]))
        elif kind in ("dien_hinh", "su_kien"):
            record_kind = kinds.BY_KEY[kind]
            title = f"{record_kind.title}: {record_kind.heading(record, view)}" if kind == "dien_hinh" else record.title
            summary = record_kind.summary(record, view)
        else:
            title, summary = record.display_title, record.summary or ""
        entries.append((when, kind.replace("_", "-"), record.id, title, summary, routes.of(record)))
    return entries


def build_feed(view: PublicView, labels: Labels, routes: Routes, site_url: str | None) -> str | None:
    """The Atom document, or None when no item has a known date (Atom needs one)."""
    entries = _entries(view, labels, routes)
    if not entries:
        return None
    base = site_url.rstrip("/") + "/" if site_url else ""
    xml_base = "" if base else ' xml:base="./"'
    feed_id = escape(base + FEED_FILE) if base else f"urn:bang-vang:{escape(view.unit.body.id)}:tin-moi"
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi"{xml_base}>',
             f"  <title>{escape(view.unit.site_name)} — tin mới</title>",
             f"  <subtitle>Khen thưởng, sự kiện, gương điển hình tiên tiến và báo cáo mới của {escape(view.unit.name)}.</subtitle>",
             f'  <link rel="alternate" type="text/html" href="{escape(base or "./")}"/>',
             f'  <link rel="self" type="application/atom+xml" href="{escape(base + FEED_FILE)}"/>',
             f"  <id>{feed_id}</id>",
             f"  <updated>{entries[0][0].isoformat()}T00:00:00Z</updated>",
             f"  <author><name>{escape(view.unit.site_name)}</name></author>"]
    for when, kind, record_id, title, summary, path in entries:
        lines += ["  <entry>",
                  f"    <title>{escape(title)}</title>",
                  f'    <link rel="alternate" type="text/html" href="{escape(base + (path or ""))}"/>',
                  f"    <id>urn:bang-vang:{escape(view.unit.body.id)}:{kind}:{escape(record_id)}</id>",
                  f"    <updated>{when.isoformat()}T00:00:00Z</updated>",
                  f"    <published>{when.isoformat()}T00:00:00Z</published>",
                  *([f"    <summary>{escape(summary)}</summary>"] if summary else []),
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
