"""A page of the site, described: where it goes, what renders it, what it is given."""

from __future__ import annotations

from dataclasses import dataclass, field

OTHER_PAGES = 5  # search rank of pages that are not a record's (lists, statistics…): after every record
UNLISTED = 1000  # where the pages of a kind without a list page come, among the sections


@dataclass
class PageSpec:
    src_uri: str                  # e.g. "phong-trao/index.md"
    title: str                    # plain text; escaped where it is output
    template: str
    context: dict = field(default_factory=dict)
    edit_path: str | None = None  # the data file (or folder, ending in '/') behind the page, from the repository root
    edit_line: int | None = None  # where the record starts in that file
    description: str = ""
    nav: str | None = None        # its tab's label, for a page in the navigation
    weight: int = 0               # its place in the navigation
    toc: bool = False
    search: int | None = OTHER_PAGES  # rank in search results; None keeps it out (the officers' guide)
    rows: int | None = None       # search rank of its rows, when they are records without a page of their own
    key: str | None = None        # the name templates link it by: url(paths.<key>)
    crumbs: tuple[tuple[str, str], ...] = ()  # (title, site path) of the pages above it: the list, the record
    card: tuple | None = None     # its own share card, (site path, cards.Card); None: the site's card
    record: tuple[str, str] | None = None  # (namespace, id) of the record it shows; None: a list or the site's own
    from_data: bool = True        # False: made from the package alone (the officers' guide), the same for any data

    @property
    def url(self) -> str:
        """Site path with directory URLs: 'phong-trao/x/' ('' for the home page)."""
        path = self.src_uri[:-3]
        if path == "index":
            return ""
        if path.endswith("/index"):
            return path[: -len("index")]
        return path + "/"
