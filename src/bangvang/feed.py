"""Atom feed of new awards, exemplary models and reports, dated from the data.

Only items whose date is known to the day are in the feed (an award takes the
date of its decision): a year alone is not turned into an invented 01/01.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from . import vocab
from .model import Board

FEED_FILE = "tin-moi.xml"
LIMIT = 50


def _entries(board: Board) -> list[tuple[date, str, str, str, str, str | None]]:
    """(date, kind, id, title, summary, page path) of every dated item, newest first."""
    entries = []
    for award in board.awards:
        decision = board.by_id["van_ban"].get(award.decision.id) if award.decision else None
        when = decision.date if decision else None
        if when and when.day:
            title = f"{award.what or 'Khen thưởng'}: {board.recipient_label(award)}"
            summary = " · ".join(filter(None, [board.authority_label(award), award.reason,
                                               vocab.AWARD_STATUS[award.status].label]))
            if board.is_anonymous(award):
                summary = " · ".join(filter(None, [board.authority_label(award), vocab.AWARD_STATUS[award.status].label]))
            entries.append((when.first_day, "khen-thuong", board.public_award_id(award), title, summary,
                            board.award_url(award)))
    for model in board.models:
        if model.date and model.date.day:
            entries.append((model.date.first_day, "dien-hinh", model.id, model.title, model.summary or "",
                            board.url(model)))
    for report in board.reports:
        if report.date and report.date.day:
            entries.append((report.date.first_day, "bao-cao", report.id, report.display_title, report.summary or "",
                            board.url(report)))
    entries.sort(key=lambda e: (e[0], e[1], e[2]), reverse=True)
    return entries[:LIMIT]


def build_feed(board: Board, site_url: str | None) -> str | None:
    """The Atom document, or None when no item has a known date (Atom needs one)."""
    entries = _entries(board)
    if not entries:
        return None
    base = site_url.rstrip("/") + "/" if site_url else ""
    xml_base = "" if base else ' xml:base="./"'
    feed_id = escape(base + FEED_FILE) if base else f"urn:bang-vang:{escape(board.unit.body.id)}:tin-moi"
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi"{xml_base}>',
             f"  <title>{escape(board.unit.site_name)} — tin mới</title>",
             f"  <subtitle>Khen thưởng, gương điển hình tiên tiến và báo cáo mới của {escape(board.unit.name)}.</subtitle>",
             f'  <link rel="alternate" type="text/html" href="{escape(base or "./")}"/>',
             f'  <link rel="self" type="application/atom+xml" href="{escape(base + FEED_FILE)}"/>',
             f"  <id>{feed_id}</id>",
             f"  <updated>{entries[0][0].isoformat()}T00:00:00Z</updated>",
             f"  <author><name>{escape(board.unit.site_name)}</name></author>"]
    for when, kind, record_id, title, summary, path in entries:
        lines += ["  <entry>",
                  f"    <title>{escape(title)}</title>",
                  f'    <link rel="alternate" type="text/html" href="{escape(base + (path or ""))}"/>',
                  f"    <id>urn:bang-vang:{escape(board.unit.body.id)}:{kind}:{escape(record_id)}</id>",
                  f"    <updated>{when.isoformat()}T00:00:00Z</updated>",
                  f"    <published>{when.isoformat()}T00:00:00Z</published>",
                  *([f"    <summary>{escape(summary)}</summary>"] if summary else []),
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
