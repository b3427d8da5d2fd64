"""The A–Z index: every term of every concept in the locale's alphabetical order, under letter headings."""

from __future__ import annotations

from dataclasses import dataclass

from glossary_tool.render import collation
from glossary_tool.render.context import Pager, RenderContext, RenderedPage, chunked, listing_src, listing_title, listing_url, page, pager, relative


@dataclass(frozen=True, slots=True)
class IndexEntry:
    text: str
    href: str
    see: str  # the concept's title, when this term is another of its terms


@dataclass(frozen=True, slots=True)
class LetterGroup:
    letter: str
    anchor: str
    entries: tuple[IndexEntry, ...]


@dataclass(frozen=True, slots=True)
class LetterLink:
    text: str
    present: bool
    href: str


@dataclass(frozen=True, slots=True)
class IndexView:
    title: str
    groups: tuple[LetterGroup, ...]
    letters: tuple[LetterLink, ...]
    pager: Pager | None


@dataclass(frozen=True, slots=True)
class _Found:
    text: str
    id: str
    see: str
    letter: str
    key: tuple[tuple[int, ...], str]


def anchor(letter: str) -> str:
    """An ASCII fragment id for a letter heading."""
    return {"Å": "aa", "Ä": "ae", "Ö": "oe", "Æ": "ae", "Ø": "oe", "#": "other"}.get(letter, letter.lower())


def index_pages(ctx: RenderContext) -> list[RenderedPage]:
    locale = ctx.locale
    found = []
    for c in ctx.glossary.concepts:
        block = c.locales.get(locale)
        if block is None:
            continue
        title = ctx.label(c)
        for t in block.terms:
            found.append(_Found(t.text, c.id, title if t.text != title else "", collation.heading(t.text, locale),
                                collation.sort_key(t.text, locale)))
    found.sort(key=lambda e: e.key)
    chunks = chunked(found)
    urls = [listing_url("index-a-z/", n) for n in range(len(chunks))]
    starts: dict[str, int] = {}  # letter -> the page where its entries begin
    for n, chunk in enumerate(chunks):
        for e in chunk:
            starts.setdefault(e.letter, n)
    title = ctx.gettext("A–Z index")
    pages = []
    for n, chunk in enumerate(chunks):
        url = urls[n]
        groups: list[tuple[str, list[IndexEntry]]] = []
        for e in chunk:
            if not groups or groups[-1][0] != e.letter:
                groups.append((e.letter, []))
            groups[-1][1].append(IndexEntry(e.text, relative(url, f"terms/{e.id}/"), e.see))
        letters = []
        for letter in collation.headings(locale):
            start = starts.get(letter)
            target = "" if start is None or start == n else relative(url, urls[start])
            letters.append(LetterLink(letter, start is not None, f"{target}#letter-{anchor(letter)}"))
        view = IndexView(title, tuple(LetterGroup(letter, anchor(letter), tuple(items)) for letter, items in groups),
                         tuple(letters), pager(urls, n))
        pages.append(page(listing_src("index-a-z", n), listing_title(title, n, len(chunks)), ctx.render("index_az.html", p=view), in_nav=n == 0,
                          lastmod=ctx.lastmod(e.id for e in chunk)))
    return pages
