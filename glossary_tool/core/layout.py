"""The site's layout, declared once: every kind of page, where its pages live in a locale's site, and what of the
entries it shows (so what an edit must change for it to be rendered again).

Rendering (``site/render/<name>.py`` per kind), ``serve``'s incremental rebuild, the search index, the navigation, the
exports' concept IRIs, and the ids and locale prefixes the site keeps for itself all read it. A new kind of page is
its render module, its template and one line in ``PAGE_KINDS``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


def _(message: str) -> str:
    """Marks a UI string for the catalogs (``make locales``); it is translated where it is shown."""
    return message


class Shows(enum.Enum):
    """What of the entries a kind's pages show: after an edit, ``serve`` renders again only the pages it touches."""

    EVERYTHING = "everything"  # the home page: counts, categories, comparisons (rendered after every edit)
    LINKED = "linked"  # a concept, the concepts it links and that link it or name its terms, what is about it
    CATEGORY = "category"  # a category's concepts: the categories an edited concept was or is in
    TERMS = "terms"  # the terms of the page's language
    ALL_TERMS = "all-terms"  # the terms of every language, and each concept's category
    COMPARISONS = "comparisons"  # a comparison, and the names of the concepts it compares
    QUESTIONS = "questions"  # every question, and the names of the concepts each is about
    TRANSLATIONS = "translations"  # what of every concept is translated, stale or missing in each language
    EXPORTS = "exports"  # the exports and their sizes: made again by a full build only


@dataclass(frozen=True, slots=True)
class PageKind:
    """A kind of page: its render module, the URL of its pages, what they show, and how they are listed and found."""

    name: str  # its module, glossary_tool/site/render/<name>.py, whose pages(ctx, only) renders it
    path: str  # a page's URL relative to the locale's root; "{id}": one page (or listing) per concept, category …
    shows: Shows
    listing: bool = False  # split into pages of LISTING_PAGE_SIZE entries: path, path + "2/", path + "3/" …
    entry_pages: bool = False  # each page is an entry's own search result; other pages are found by their title
    nav_title: str = ""  # the navigation's title (a msgid) for the kind's pages together, or for the page listing them

    @property
    def top(self) -> str:
        """The folder its pages live in at the locale's root ("" for the home page)."""
        return self.path.split("/")[0]

    def url(self, id: str = "", n: int = 0) -> str:
        """The URL of page ``n`` (0-based) of the page (or listing) of ``id``: the first page keeps its own URL."""
        base = self.path.format(id=id)
        return base if n == 0 else f"{base}{n + 1}/"

    def src(self, id: str = "", n: int = 0) -> str:
        """The source path MkDocs sees for page ``n``: ``terms/femur.md``, ``index-a-z/2.md``, ``index.md``."""
        stem = self.path.format(id=id).rstrip("/") or "index"
        return f"{stem}.md" if n == 0 else f"{stem}/{n + 1}.md"

    def stem(self, id: str = "") -> str:
        """What the source paths of the page (or listing) of ``id`` start with; the whole kind's without an id."""
        return (self.path.format(id=id) if id or "{id}" not in self.path else self.top).rstrip("/")

    def owns(self, src: str) -> bool:
        """Whether the source path ``src`` is one of this kind's pages."""
        return under(src, self.top) if self.top else src == "index.md"


def under(src: str, stem: str) -> bool:
    """Whether the source path ``src`` is a page of the listing (or kind) ``stem``: ``categories/model.md``,
    ``categories/model/2.md`` are pages of ``categories/model``."""
    return src == stem + ".md" or src.startswith(stem + "/")


HOME = PageKind("home", "", Shows.EVERYTHING)
CONCEPT = PageKind("concept", "terms/{id}/", Shows.LINKED, entry_pages=True)
CATEGORY = PageKind("category", "categories/{id}/", Shows.CATEGORY, listing=True, nav_title=_("Categories"))
INDEX = PageKind("index_az", "index-a-z/", Shows.TERMS, listing=True)
COMPARISON = PageKind("comparison", "compare/{id}/", Shows.COMPARISONS, entry_pages=True)
FAQ = PageKind("faq", "faq/", Shows.QUESTIONS, listing=True)
# A pair's pages are in its two languages' sites only; "glossary/" lists a site's pairs, their one navigation entry.
PAIR = PageKind("pair", "glossary/{id}/", Shows.ALL_TERMS, listing=True, nav_title=_("Language pairs"))
STATUS = PageKind("status", "status/", Shows.TRANSLATIONS)
DOWNLOADS = PageKind("downloads", "downloads/", Shows.EXPORTS)
# Every kind of page, the home page first, then in the order of the navigation.
PAGE_KINDS: tuple[PageKind, ...] = (HOME, CONCEPT, CATEGORY, INDEX, COMPARISON, FAQ, PAIR, STATUS, DOWNLOADS)

# What else a locale's site holds at its top level: MkDocs' and Material's files (styles and scripts, the search
# index, the 404 page, the sitemap, the home page itself).
SITE_FILES = frozenset({"assets", "search", "404", "sitemap", "index"})
# Names taken at the top level of every locale's site: no locale prefix may start with one.
RESERVED_TOP = frozenset({kind.top for kind in PAGE_KINDS if kind.top}) | SITE_FILES


def kind_of(src: str) -> PageKind:
    """The kind of the page whose source path is ``src``."""
    return next((kind for kind in PAGE_KINDS if kind.owns(src)), HOME)
