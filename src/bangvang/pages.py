"""Which pages the site has, and what each page is given to render.

Pages are described, not written: the MkDocs glue turns each PageSpec into a generated File and
asks `render_page` for its HTML when MkDocs needs it. Every page is made from the public view
(public.py): record pages and list pages of every kind that declares them (kinds.py), and the
site's own pages (sitepages.py).
"""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from . import ceremony, feed, kinds, opendata, paging, pdfclean, sharecards, thumbnails, verify_index
from .awards_html import Cells
from .cards import CardCache
from .facets import Facets
from .figures import Figures
from .labels import Labels
from .listings import listings, recipient_groups
from .pagespec import UNLISTED, PageSpec
from .public import PublicView
from .render import Renderer
from .routes import Routes
from .sitepages import site_pages


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _crumbs(kind: kinds.RecordKind) -> tuple[tuple[str, str], ...]:
    """The pages above a record's page: its kind's list."""
    return ((kind.listing.title, kind.listing.path),) if kind.listing else ()


class Site:
    """Pages of one board, rendered on demand."""

    def __init__(self, view: PublicView, data_dir: str = "data", repo_url: str | None = None,
                 page_size: int = paging.PAGE_SIZE):
        self.view = view
        self.repo_url = repo_url.rstrip("/") if repo_url else None
        self.data_dir = data_dir
        self.page_size = page_size
        self.labels = Labels(view)
        self.figures = Figures(view, self.labels)
        self.facets = Facets(view, self.labels)
        self.listings = listings(view, self.figures, page_size)
        self.pages: dict[str, PageSpec] = {}
        self.thumbs: dict[tuple[str, str], list] = {}  # (kind, id): ids are unique only within a kind
        self.originals: dict[tuple[str, str], dict] = {}  # (kind, id) → its signed original's files
        self.screens: dict[str, dict] = {}  # site path of a ceremony screen → its page's context
        self._collect()
        # paths.<kind> names every kind's list, made or not: a template links an empty one only behind a count
        named = {kind.key: kind.listing.path for kind in kinds.with_lists()}
        named.update({spec.key: spec.url for spec in self.pages.values() if spec.key})
        self.routes = Routes(view, self.listings, named)
        self.renderer = Renderer(self.routes, view.listed("van_ban"))

    # -- the page list ----------------------------------------------------------------------

    def _collect(self) -> None:
        """Every page, section by section in the navigation's order: the site's own pages, and each
        kind's list page with its numbered pages and the pages of its records."""
        sections: list = [(spec.weight, (spec, record)) for spec, record in site_pages(self)]
        sections += [(kind.listing.weight if kind.listing else UNLISTED, kind)
                     for kind in kinds.KINDS if kind.listing or kind.page]
        for _, section in sorted(sections, key=lambda s: s[0]):
            if isinstance(section, kinds.RecordKind):
                if section.listing:
                    self._add_list(section)
                for record in self.view.listed(section.key) if section.page else ():
                    self._add_record_page(section, record)
            else:
                self._add(*section)

    def _add(self, spec: PageSpec, record=None) -> None:
        if record is not None:
            if hasattr(record, "id"):  # not the unit's own page, which is remade with the lists (pagedeps.py)
                spec.record = (kinds.kind_of(record).ns, record.id)
            path, spec.edit_line = self.view.source(record)
            spec.edit_path = self._repository_path(path)
        if spec.src_uri in self.pages:
            # Only a list page can meet a record's page (van-ban/nam-2023/ and a document with id
            # 'nam-2023'); one would silently replace the other.
            raise ValueError(f"Hai trang trùng địa chỉ /{spec.url}: "
                             f"“{self.pages[spec.src_uri].title}” và “{spec.title}”. Hãy đổi mã của bản ghi.")
        self.pages[spec.src_uri] = spec

    def _add_list(self, kind: kinds.RecordKind) -> None:
        """A kind's list page and, when the list is cut (paging.py), its numbered pages. Those stay out
        of the navigation and of search: search finds the records' own pages, not their rows."""
        if not self._has_records(kind):
            return  # nothing to list: no page, no tab, nothing for search engines to find empty
        spec = kind.listing
        listing = self.listings[kind.key]
        description = spec.description.format(unit=self.view.unit.name)
        self._add(PageSpec(f"{spec.path}index.md", spec.title, spec.template, {"listing": listing, "list_page": None},
                           edit_path=self.folder(spec.edit or kind.source), description=description,
                           nav=spec.nav, weight=spec.weight, key=kind.key,
                           rows=None if kind.page else kind.search_rank))
        for page in listing.pages if listing else ():
            heading = page.section.title if page.section.group else f"{spec.title} {lower_first(page.section.title)}"
            suffix = f" (trang {page.number}/{page.count})" if page.count > 1 else ""
            self._add(PageSpec(paging.src_uri(page.url), heading + suffix, spec.template,
                               {"listing": listing, "list_page": page, "heading": heading},
                               edit_path=self.folder(spec.edit or kind.source),
                               description=f"{heading}{suffix}: {lower_first(description)}", search=None,
                               rows=None if kind.page else kind.search_rank, crumbs=((spec.title, spec.path),)))

    def _has_records(self, kind: kinds.RecordKind) -> bool:
        """Whether a kind's list has anything to show (a register lists other kinds too)."""
        return any(self.view.of(key) for key in (kind.key, *kind.lists))

    def _add_record_page(self, kind: kinds.RecordKind, record) -> None:
        base = self.view.path(record, kind.key)
        context = {"record": record}
        if kind.awards:
            context.update(self._award_pages(kind, record, base))
        if kind.screen:  # an event told only in words has no screen
            context["screen"] = base + ceremony.PAGE if ceremony.has_honorees(record) else None
        card = (sharecards.card_path(self.view, record), sharecards.record_card(self.view, self.labels, record)) \
            if kind.card else None
        self._add(PageSpec(paging.src_uri(base), kind.heading(record, self.view), kind.template, context,
                           description=kind.summary(record, self.view), toc=kind.toc, search=kind.search_rank,
                           crumbs=_crumbs(kind), card=card), record)
        if context.get("screen"):
            self._add_screen(kind, record, base, context["screen"])

    def _add_screen(self, kind: kinds.RecordKind, record, base: str, path: str) -> None:
        """The ceremony screen beside an event's page, and the file that runs alone (ceremony.py)."""
        name = kind.heading(record, self.view)
        context = {"record": record, "slides": ceremony.slides(self.view, self.labels, record),
                   "offline": path + ceremony.OFFLINE.format(id=record.id), "style": ceremony.SITE_STYLE,
                   "script": ceremony.SITE_SCRIPT, "image": self._slide_photo}
        self.screens[path] = context
        self._add(PageSpec(paging.src_uri(path), f"Trình chiếu: {name}", "screen.html", context,
                           description=f"Trình chiếu trên màn hình hội trường: {name}.", search=None,
                           crumbs=_crumbs(kind) + ((name, base),)), record)

    def _slide_photo(self, slide, data: dict | None = None) -> dict | None:
        """The largest thumbnail of a slide's photo: its site path, or (data given) its data: URI."""
        thumbs = self.thumbs.get(slide.photo) if slide.photo else None
        if not thumbs:
            return None
        big = thumbs[-1]
        src = ceremony.data_uri(data[big.path], "image/jpeg") if data is not None else big.path
        return {"src": src, "width": big.width, "height": big.height}

    def _award_pages(self, kind: kinds.RecordKind, record, base: str) -> dict:
        """A record page listing more awards than a page holds shows the first `page_size` rows with a
        summary, and numbers the rest (phong-trao/<id>/trang-2/). Returns the context of its own page."""
        index, relation = kind.awards
        awards = getattr(self.view, index)[record.id]
        pages = paging.number_pages(base, awards, self.page_size)
        if len(pages) == 1:
            return {"awards": awards, "awards_page": None, "awards_summary": None}
        name = kind.heading(record, self.view)
        for page in pages[1:]:
            self._add(PageSpec(paging.src_uri(page.url), f"{name} — khen thưởng, trang {page.number}/{page.count}",
                               "record_awards.html",
                               {"name": name, "kind": kind.cls.LABEL, "what": relation, "awards_page": page,
                                "total": len(awards), "record": record},
                               description=f"Khen thưởng {relation}: {name} (trang {page.number}/{page.count}).",
                               search=None, crumbs=_crumbs(kind) + ((name, base),)), record)
        where = {a.id: page for page in pages for a in page.rows}
        years = [(span.label or span.title, len(group), where[group[0].id], group[0])
                 for span, group in self.figures.awards_by_span(awards)]
        summary = {"total": len(awards), "years": years, "whats": self.figures.awards_by_what(awards)}
        return {"awards": awards, "awards_page": pages[0], "awards_summary": summary}

    def _repository_path(self, path: str) -> str:
        """A data path as issues give it ('data/van-ban/2021.yml') from the repository's root."""
        _, _, rest = path.partition("/")
        return posixpath.join(self.data_dir, rest) if rest else path

    def folder(self, source: str) -> str:
        """The repository path of the data folder a page is built from (a list's page links it)."""
        return posixpath.join(self.data_dir, source) + "/"

    def navigation(self) -> list[dict[str, str]]:
        """The tabs, as MkDocs' `nav` setting: the pages that declare a label, by weight."""
        tabs = sorted((spec for spec in self.pages.values() if spec.nav), key=lambda spec: spec.weight)
        return [{spec.nav: spec.src_uri} for spec in tabs]

    # -- files beside the pages -----------------------------------------------------------------

    def _make_thumbnails(self) -> dict[str, bytes]:
        """Clean thumbnails of every published photo; remembers which belong to which record."""
        files: dict[str, bytes] = {}
        for kind in kinds.with_pages():
            for record in self.view.of(kind.key):
                if getattr(record, "photo", None) is None:
                    continue
                base = self.view.path(record).strip("/").replace("/", "-")
                thumbs = thumbnails.thumbnails(self.view.data_root / record.photo.file, base)
                self.thumbs[(kind.key, record.id)] = sorted(thumbs, key=lambda t: t.width)
                files.update({t.path: data for t, data in thumbs.items()})
        return files

    def _make_originals(self) -> dict[str, bytes]:
        """The cleaned copy and first-page picture of every signed original (pdfclean.py), beside its
        document's page and named by the document: a downloaded file keeps a meaningful name."""
        files: dict[str, bytes] = {}
        for kind in kinds.with_pages():
            for record in self.view.of(kind.key):
                if getattr(record, "original", None) is None:
                    continue
                copy = pdfclean.cleaned(self.view.data_root / record.original.file)
                base = self.view.path(record) + record.id
                info = {"pdf": base + ".pdf", "preview": base + "-trang-1.jpg", "width": copy.width,
                        "height": copy.height, "pages": copy.pages, "size": size_label(len(copy.pdf))}
                self.originals[(kind.key, record.id)] = info
                files[info["pdf"]], files[info["preview"]] = copy.pdf, copy.preview
        return files

    def _make_screens(self, files: dict) -> dict[str, str]:
        """The ceremony screens' script and style for the site, and each screen as one file with its
        style, script, font and photos inside (`files` holds the thumbnails made already)."""
        out = {ceremony.SITE_SCRIPT: ceremony.SCRIPT.read_text(encoding="utf-8"),
               ceremony.SITE_STYLE: ceremony.STYLE.read_text(encoding="utf-8")} if self.screens else {}
        style, script = ceremony.offline_style(), out.get(ceremony.SITE_SCRIPT, "")
        template = self.renderer.env.get_template("screen_offline.html")
        for context in self.screens.values():
            out[context["offline"]] = template.render(
                title=context["record"].title, slides=context["slides"], style=Markup(style), script=Markup(script),
                csp=Markup(ceremony.policy(style, script)), image=lambda slide: self._slide_photo(slide, files),
                resolve=lambda src: src)
        return out

    def _make_cards(self, cache: CardCache) -> dict[str, bytes]:
        """The site's share card and those of the pages that have their own."""
        files = {sharecards.SITE_CARD: cache.png(sharecards.site_card(self.view))}
        files.update({spec.card[0]: cache.png(spec.card[1]) for spec in self.pages.values() if spec.card})
        return files

    def card_meta(self, spec: PageSpec | None) -> dict[str, str]:
        """What a page's <meta property="og:image"> tags need: the card's site path and its alt text."""
        path, card = spec.card if spec is not None and spec.card else (sharecards.SITE_CARD,
                                                                       sharecards.site_card(self.view))
        return {"path": path, "alt": card.alt}

    def downloads(self, site_url: str | None, cards: CardCache | None = None) -> dict[str, str | bytes]:
        """Files published beside the pages: photos, share cards, open data and the feed."""
        files: dict[str, str | bytes] = dict(self._make_thumbnails())
        files.update(self._make_cards(cards or CardCache(None)))
        files.update(self._make_originals())
        files.update(self._make_screens(files))
        items = opendata.items(self.view, self.routes)
        files[opendata.JSON_FILE] = opendata.build_json(self.view, items, site_url)
        for kind in kinds.with_tables():
            files[opendata.table_path(kind)] = opendata.build_csv(kind, items[kind.key])
        files.update(verify_index.build(self.view, self.labels, self.routes))
        if feed_text := feed.build_feed(self.view, self.labels, self.routes, site_url):
            files[feed.FEED_FILE] = feed_text
        return files

    # -- rendering ------------------------------------------------------------------------------

    def render_page(self, src_uri: str) -> tuple[str, list]:
        """HTML of one page's content, and the toc tokens of its Markdown body (if any)."""
        def make_cells(url):
            return Cells(self.view, self.labels, self.facets, url)
        return self.renderer.render(self.pages[src_uri], make_cells, b=self.view, labels=self.labels, facets=self.facets,
                                    figures=self.figures, thumbs=self.thumbs, originals=self.originals, page_size=self.page_size,
                                    deref=lambda refs: [self.view.get(ref) for ref in refs],
                                    recipient_groups=recipient_groups())


def size_label(size: int) -> str:
    """A file's size as residents read it: '860 KB', '1,4 MB' (a decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
