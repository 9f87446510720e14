"""Tables of awards and the small pieces of a row, written in Python.

An award is a row in four places (its recipient's page, its decision's, its movement's, its year's
list): at a province's size those rows are most of the site, and as Jinja macros (one call per cell
and per link) they took a third of the build's time. The pieces are also the templates' own
(macros.html takes them from `cells`), so each is written once. Every value is escaped here; what
is returned is Markup.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from . import kinds, vocab
from .labels import award_span

BLANK_TEXT = "Văn bản không nêu"


def unknown(text: str = "Không rõ") -> Markup:
    return Markup(f'<span class="bv-unknown">{escape(text)}</span>')


def blank(what: str = BLANK_TEXT) -> Markup:
    """In lists, a fact the document does not state is a dash, explained once under the list
    (blank_legend): a row of "Không rõ" in every column reads as a wall of unknowns."""
    return Markup(f'<span class="bv-unknown bv-blank" title="{escape(what)}">—</span>')


def blank_legend() -> Markup:
    return Markup('<p class="bv-note bv-legend"><span class="bv-unknown">—</span> : văn bản không nêu.</p>')


def small(text) -> Markup:
    return Markup(f"<small>{escape(text)}</small>")


def link(href: str, text) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


def flag_inline(text) -> Markup:
    return Markup(f'<small class="bv-flag-inline">⚠ {escape(text)}</small>')


def status_badge(award) -> Markup:
    """A granted award, what nearly every row is, carries no badge (the caller asks only for the
    others): only a proposal or a revocation does; a table that mixes them says so under it."""
    return Markup('<span class="bv-status bv-status--{}">{}</span>').format(
        award.status, vocab.AWARD_STATUS[award.status].label)


class Cells:
    """The pieces that link to other pages, for one page (`url` gives a link from it)."""

    def __init__(self, view, labels, facets, url):
        self.view, self.labels, self.facets, self.url = view, labels, facets, url
        self._links: dict[tuple[int, str], Markup] = {}  # a list links the same decisions, movements again

    # the module's pieces, for the templates (macros.html)
    unknown, blank, blank_legend = staticmethod(unknown), staticmethod(blank), staticmethod(blank_legend)
    small, link, flag_inline = staticmethod(small), staticmethod(link), staticmethod(flag_inline)
    status_badge = staticmethod(status_badge)

    def to(self, record, text) -> Markup:
        key = (id(record), text)
        if (known := self._links.get(key)) is None:
            known = self._links[key] = link(self.url(record), text)
        return known

    def doc_link(self, ref) -> Markup:
        document = self.view.get(ref)
        return self.to(document, document.display_title)

    def movement_link(self, ref) -> Markup:
        movement = self.view.get(ref)
        return self.to(movement, movement.name)

    def source_link(self, source) -> Markup:
        """A source: an official document or a press article (listed apart, on the articles page)."""
        if source.document:
            out = self.doc_link(source.document)
        else:
            article = self.view.get(source.article)
            out = self.to(article, article.title) + f" ({article.publisher}" + (
                f", {article.date.short()})" if article.date else ")")
        return out + f", mục {source.section}" if source.section else out  # Markup + str escapes the str

    def recipient_cell(self, award, in_list: bool = False, brief: bool = False) -> Markup:
        """in_list: a row of a list (an unknown count is simply not given); brief: a card (no printed
        variant either)."""
        r = self.view.get(award.recipient) if award.recipient else None
        if r:
            out = self.to(r, r.display_name)
            if award.recipient_printed and award.recipient_printed != r.full_name and not brief:
                out += Markup(f"<br><small>Bản in ghi: “{escape(award.recipient_printed)}”</small>")
            return out
        out = escape(self.labels.recipient(award))
        if not self.view.is_anonymous(award) and not award.group.count and not in_list:
            out += Markup(f' <small>({unknown("không rõ số lượng")})</small>')
        return out

    @staticmethod
    def what(award) -> Markup:
        if award.what:
            return escape(award.what) + (" (truy tặng)" if award.posthumous else "")
        if award.status == "de_nghi":
            return Markup("Đề nghị cấp trên khen thưởng")
        return unknown("Không rõ hình thức")

    def awards_table(self, awards: list, show_recipient: bool = True, caption: str | None = None,
                     filters: list | None = None, at=None) -> Markup:
        """The table of `awards`. filters: the options of the list's filter form (facets.options):
        the rows carry the values of those it offers (data-*), and no others. `at`: the record whose
        page lists them (a document, a movement, an event): a link to that page is not repeated in
        every row, and what every row says alike is said once, above them."""
        return AwardsTable(self, awards, show_recipient, filters, at).html(caption)


def names(at):
    """Whether a reference names `at`, the record whose page this is (None: no page's own record)."""
    ns = kinds.kind_of(at).ns if at is not None else None
    return lambda ref: ns is not None and ref.kind == ns and ref.id == at.id


class AwardsTable:
    """One table: its columns, decided from all its rows, then the rows."""

    def __init__(self, cells: Cells, awards: list, show_recipient: bool, filters: list | None, at):
        self.cells, self.awards, self.show_recipient, self.at = cells, awards, show_recipient, at
        self.view, self.labels = cells.view, cells.labels
        self.offered = cells.facets.offered(filters) if filters else frozenset()
        self.here = names(at)
        self.known, self.common = self.count_known(), self.said_alike()
        # A column no row states is left out (its cells stay, hidden, so that the phone layout's
        # labels, which count columns, still match); so is one said once above the table.
        self.hidden = {c for c in ("authority", "reason", "decision") if not self.known[c] or self.common.get(c)}
        # A person's own awards and a decision's rows carry their verification codes: printed with a
        # QR beside each (the person's page; the decision's sheet for the paper certificates).
        self.codes = cells.view.codes if not show_recipient or (at is not None and kinds.kind_of(at).ns == "van_ban") \
            else {}

    # -- what the table's rows have in common ---------------------------------------------------

    def others(self, refs: list) -> list:
        """`refs` but the one that names the page's own record."""
        return [ref for ref in refs if not self.here(ref)]

    def events_of(self, award) -> list:
        """The events where `award` was handed over, but the page's own (an event's page says it once)."""
        return [e for e in self.view.events_of_award[award.id] if e is not self.at]

    def count_known(self) -> dict[str, int]:
        """How many rows state each column: a column no row states is not shown, and the cells of a
        column some rows leave blank share one legend ('—'). On the page of a document, a movement
        or an event, a link to that very page states nothing."""
        columns = {
            "when": lambda a: award_span(a).label,
            "authority": self.labels.authority,
            "reason": lambda a: a.reason or self.others(a.movements) or a.movement_printed or self.view.is_anonymous(a),
            "decision": lambda a: ((a.decision and not self.here(a.decision)) or a.revoked_by or a.sources
                                   or a.handed_over or self.events_of(a)),
            "count": lambda a: a.group is None or a.group.count,
            "decision_dash": lambda a: not a.decision and not a.sources,  # rows whose decision cell is a dash
            "granted": lambda a: a.status == "da_tang",  # rows without a status badge
        }
        return {name: sum(1 for a in self.awards if stated(a)) for name, stated in columns.items()} | {
            "rows": len(self.awards)}

    def said_alike(self) -> dict[str, str | None]:
        """What every row says alike, to say it once above them: the kinds of award (in any table);
        on a record's page, also the authority (with its level, unless its name says it), and the
        reason when no row says more than it."""
        awards, here = self.awards, self.here
        kind_sets = {tuple(a.kinds) for a in awards}
        kinds = next(iter(kind_sets)) if len(awards) > 1 and len(kind_sets) == 1 else ()
        alike = {"authority": None, "reason": None,
                 "kinds": ", ".join(vocab.AWARD_KINDS[k].label for k in kinds) or None}
        if self.at is None or len(awards) < 2:
            return alike
        authorities = {(self.labels.authority(a), self.labels.level_unsaid(a)) for a in awards}
        reasons = {a.reason if not a.movement_printed and all(here(m) for m in a.movements)
                   and not self.view.is_anonymous(a) else None for a in awards}
        (authority, level), = authorities if len(authorities) == 1 else ((None, None),)
        if authority and level:
            authority = f"{authority} ({vocab.LEVELS[level].label.lower()})"
        return alike | {"authority": authority or None, "reason": next(iter(reasons)) if len(reasons) == 1 else None}

    # -- the table ------------------------------------------------------------------------------

    def html(self, caption: str | None) -> Markup:
        out = [self.said_once()]
        own = "" if self.show_recipient else " bv-awards--own"
        codes, tools = self.codes_attr(own)
        out.append(f'{tools}<div class="bv-table-wrap">\n<table class="bv-awards{own} bv-cards-sm"{codes}>\n')
        if caption:
            out.append(f"<caption>{escape(caption)}</caption>\n")
        out.append(self.head())
        out.extend(self.row(a) for a in self.awards)
        out.append("</tbody>\n</table>\n</div>\n")
        out.append(self.legends())
        return Markup("".join(out))

    def codes_attr(self, own: str) -> tuple[str, str]:
        """The table's verification codes, one a row in order ('-': a row without one), for bv-verify.js
        to draw their QR codes (11 bytes a row: a province has 100,000 rows on two pages each); and, on
        a decision's page, the button that prints them as a sheet (shown by that script)."""
        codes = [self.codes[a.id] if not self.view.is_anonymous(a) else "-" for a in self.awards] if self.codes else []
        if not codes or all(code == "-" for code in codes):
            return "", ""
        tools = "" if own else ('<p class="bv-sheet-tools" hidden><button type="button" class="md-button" data-bv-sheet>'
                                "In phiếu mã QR xác minh (A4)</button></p>\n")
        return f' data-bv-codes="{" ".join(codes)}"', tools

    def said_once(self) -> str:
        common, said = self.common, []
        if common["authority"]:
            said.append(f"Cấp khen của mọi dòng: {common['authority']}.")
        if common["kinds"]:
            said.append(f"Loại hình của mọi dòng: {common['kinds']}.")
        if common["reason"]:
            said.append(f"Lý do của mọi dòng: {common['reason']}")
        return f'<p class="bv-awards-common">{escape(" ".join(said))}</p>\n' if said else ""

    def head(self) -> str:
        def th(text, column=None):
            return f'<th scope="col"{" hidden" if column in self.hidden else ""}>{text}</th>\n'
        return ("<thead><tr>\n" + th("Năm") + (th("Đối tượng") if self.show_recipient else "")
                + th("Danh hiệu, hình thức") + th("Cấp khen", "authority") + th("Lý do, phong trào", "reason")
                + th("Quyết định, nguồn", "decision") + "</tr></thead>\n<tbody>\n")

    def row(self, a) -> str:
        view, cells = self.cells.view, self.cells
        # An award whose recipients have no page (a number of people) is found by search as its row.
        line = self.show_recipient and not a.recipient and not view.is_anonymous(a)
        attrs = f' id="{escape(a.id)}"' + (' class="bv-award--revoked"' if a.status == "thu_hoi" else "")
        attrs += " data-bv-item" + (" data-bv-line" if line else "")
        if self.offered:
            attrs += "".join(f' data-{key}="{escape(" ".join(values))}"'
                             for key, values in cells.facets.of_award(a).items() if key in self.offered)
        span = award_span(a)
        tds = [f"<tr{attrs}>\n<td>{escape(span.label) if span.label else blank(span.title)}</td>\n"]
        if self.show_recipient:
            who = cells.recipient_cell(a, in_list=True)
            tds.append(f'<td><span data-bv-line-title="2">{who}</span></td>\n' if line else f"<td>{who}</td>\n")
        tds.append(f"<td>{self.what_cell(a, line)}</td>\n")
        tds.append(self.cell("authority", self.authority_lines, a))
        tds.append(self.cell("reason", self.reason_lines, a))
        tds.append(self.cell("decision", self.decision_lines, a))
        tds.append("\n</tr>\n")
        return "".join(tds)

    # The cells' lines below are HTML already (each value escaped where it enters): they are joined
    # as plain strings, which is most of the speed of writing rows in Python.
    def cell(self, column: str, lines, a) -> str:
        """A cell's lines joined by <br> (a <span> per line, in every row of four lists, weighed
        megabytes), or a hidden cell where the column is left out."""
        return "<td hidden></td>" if column in self.hidden else f"<td>{'<br>'.join(lines(a))}</td>"

    def what_cell(self, a, line: bool) -> str:
        what = self.cells.what(a)
        out = f'<span data-bv-line-title="1">{what}</span>' if line else str(what)
        if a.status != "da_tang":
            out += f" {status_badge(a)}"
        if a.kinds and not self.common["kinds"]:
            out += f"<br>{small('Loại hình: ' + ', '.join(vocab.AWARD_KINDS[k].label for k in a.kinds))}"
        return out

    def authority_lines(self, a) -> list:
        label = self.cells.labels.authority(a)
        if not label:
            return [blank()]
        level = self.cells.labels.level_unsaid(a)
        return [escape(label)] + ([small(vocab.LEVELS[level].label)] if level else [])

    def reason_lines(self, a) -> list:
        cells = self.cells
        out = [escape(a.reason)] if a.reason else []
        out += [f"Phong trào: {cells.movement_link(m)}" for m in self.others(a.movements)]
        if a.movement_printed:
            out.append(small("Phong trào (bản in): " + a.movement_printed))
        return out or ([] if cells.view.is_anonymous(a) else [blank()])

    def decision_lines(self, a) -> list:
        cells, out = self.cells, []
        if a.decision:
            if not self.here(a.decision):
                out.append(cells.doc_link(a.decision))
        elif not a.sources:
            out.append(blank("Chưa có số quyết định"))
        if a.revoked_by:
            out.append(f"Thu hồi: {cells.doc_link(a.revoked_by)}")
        if a.handed_over or a.presenter_printed:
            out.append(small("Trao" + (" ngày " + a.handed_over.short() if a.handed_over else "")
                             + (", " + a.presenter_printed if a.presenter_printed else "")))
        out += [small("Tại " + cells.to(e, e.title)) for e in self.events_of(a)]
        out += [small("Nguồn: " + cells.source_link(s)) for s in a.sources]
        flags = cells.view.flags.get(a.id)
        if a.kept_as_printed or flags:
            out.append(flag_inline(a.kept_as_printed or flags[0]))
        return out

    def legends(self) -> str:
        k, common = self.known, self.common
        out = ""  # a str: Markup + str would escape the second
        if (k["when"] < k["rows"] or k["count"] < k["rows"]
                or (k["authority"] and not common["authority"] and k["authority"] < k["rows"])
                or (k["reason"] and not common["reason"] and k["reason"] < k["rows"])
                or (k["decision"] and k["decision_dash"])):
            out += f"{blank_legend()}\n"
        if k["granted"] and k["granted"] < k["rows"]:
            out += f'<p class="bv-note bv-legend">Dòng không ghi trạng thái: {vocab.AWARD_STATUS["da_tang"].label.lower()}.</p>\n'
        return out
