"""Which pages an edit of data/ changes: what `mkdocs serve` renders again after a save (incremental.py).

A record's page shows its record and the records near it: a person's page their awards, and each
award's decision, authority and movement; a decision's page its awards and their recipients; an
event's page its models and their recipients. "Near" is the references between records, both ways
(an award names its recipient, so the recipient's page lists the award): every page that can change
when a record changes belongs to a record at most REACH references away from it, and so does every
row of a list. The bundled data is rebuilt both ways, page by page, for every kind of edit
(tests/test_incremental.py), which keeps REACH honest as templates grow.

What every page shows (the unit, the tabs, the share card) changes every page; a document number
that links elsewhere changes the records whose text writes it; a numbered page of a list changes with its rows and with the list's menu of pages; the
first page of each list and the site's own pages sum up whole kinds and are always rendered again.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass

from . import feed, kinds
from .issues import Position
from .schema import RefValue
from .walk import iter_refs

REACH = 2  # references from a changed record to a record whose page (or list row) it may change

Node = tuple[str, str]  # (namespace, public id)


@dataclass(frozen=True)
class PageDeps:
    """What decides whether a page changes: its layout (`key`, compared whole) and the records it shows."""

    key: tuple | None                    # None: rendered in every build (a list's first page, the site's own)
    nodes: tuple[Node, ...] = ()


@dataclass
class Snapshot:
    """What one build's pages were made from, enough to tell which pages the next build changes."""

    site: tuple                          # what every page shows
    records: dict[Node, tuple]           # every public record → its fingerprint
    edges: dict[Node, set[Node]]         # references, both ways
    pages: dict[str, PageDeps]           # src_uri → what it depends on
    doc_links: dict[str, str]            # a document number written in text → the document it links to


def snapshot(site) -> Snapshot:
    view = site.view
    records: dict[Node, tuple] = {}
    edges: dict[Node, set[Node]] = defaultdict(set)
    for kind in kinds.KINDS:
        if kind.layout == kinds.SINGLE:
            continue  # the unit: in `site`
        for record in view.of(kind.key):
            node = (kind.ns, record.id)
            records[node] = _fingerprint(site, kind, record)
            for ref in iter_refs(record):
                edges[node].add((ref.kind, ref.id))
                edges[(ref.kind, ref.id)].add(node)
    everywhere = (_canon(view.unit), tuple(map(str, site.navigation())), site.card_meta(None)["path"],
                  feed.has_entries(view), tuple(sorted((s.key, s.url) for s in site.pages.values() if s.key)))
    return Snapshot(everywhere, records, dict(edges), {uri: _deps(spec) for uri, spec in site.pages.items()},
                    {number: doc.id for number, doc in site.renderer.doc_links.items()})


def _deps(spec) -> PageDeps:
    """A record's page (and its numbered pages of awards) shows what is near its record; a numbered
    page of a list, its rows and the list's menu of pages; the rest sums up whole kinds."""
    if spec.record is not None:
        return PageDeps(("record", spec.record), (spec.record,))
    if not spec.from_data:
        return PageDeps(("package",))  # remade when the package changes, which is a full build
    page, listing = spec.context.get("list_page"), spec.context.get("listing")
    if page is None or listing is None:
        return PageDeps(None)
    rows = tuple((kinds.kind_of(r).ns, r.id) for r in page.rows)
    menu = tuple((p.url, p.count, p.section.slug, p.section.label, p.section.title, len(p.section.rows))
                 for p in listing.pages)
    return PageDeps(("list", listing.total, menu, page.url, page.start, rows), rows)


def changed_pages(old: Snapshot, new: Snapshot) -> set[str] | None:
    """The src_uris of `new` whose page may differ from `old`'s; None when every page may."""
    if old.site != new.site:
        return None
    changed = {node for node in old.records.keys() | new.records.keys()
               if old.records.get(node) != new.records.get(node)}
    if relinked := {n for n in old.doc_links.keys() | new.doc_links.keys() if old.doc_links.get(n) != new.doc_links.get(n)}:
        # a number written in a text now links elsewhere, or no longer (two documents share it): those texts
        changed |= {node for node, seen in new.records.items() if any(n in str(seen) for n in relinked)}
    near = _within(changed, REACH, old.edges, new.edges)
    return {uri for uri, page in new.pages.items()
            if page.key is None or uri not in old.pages or old.pages[uri].key != page.key
            or not near.isdisjoint(page.nodes)}


def _within(start: set[Node], steps: int, *graphs: dict[Node, set[Node]]) -> set[Node]:
    seen, frontier = set(start), set(start)
    for _ in range(steps):
        frontier = {n for node in frontier for graph in graphs for n in graph.get(node, ())} - seen
        seen |= frontier
    return seen


def _fingerprint(site, kind, record) -> tuple:
    """Everything a page shows of a record: its values (not where each was written: only its own page's
    edit link says that, by the line of the record), its Markdown body, what was kept as printed, its
    attached text, its photo's sizes."""
    view = site.view
    attachment = view.attachment(record) if getattr(record, "raw_text", None) else None
    return (_POSITION.sub("", repr(record)), getattr(record, "body_markdown", None), view.source(record),
            tuple(view.flags.get(record.id, ())), attachment, view.anonymous.get(record.id),
            tuple(site.thumbs.get((kind.key, record.id), ())))


_POSITION = re.compile(r"""Position\(path=(?:'[^']*'|"[^"]*"), line=\d+, column=\d+\)""")  # in a reference's repr


def _canon(value):
    """The unit's values as comparable plain data, positions left out (a unit is one record)."""
    if isinstance(value, RefValue):
        return ("ref", value.kind, value.id)
    if isinstance(value, (list, tuple)):
        return tuple(_canon(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _canon(v)) for k, v in value.items()))
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    return (type(value).__name__, *(_canon(getattr(value, f.name)) for f in dataclasses.fields(value)
                                    if not isinstance(getattr(value, f.name), Position)))
