"""The A–Z index: every term of every concept in the locale's alphabetical order, under letter headings."""

from __future__ import annotations

from dataclasses import dataclass

from glossary_tool.site.render import collation
from glossary_tool.site.render.context import Pager, RenderContext, RenderedPage, chunked, listing_src, listing_title, listing_url, page, pager, relative
from glossary_tool.site.render.labels import STATUS_LABELS


@dataclass(frozen=True, slots=True)
class IndexEntry:
    text: str
    href: str
    see: str  # the concept's title, when this term is another of its terms
    reading: str = ""  # kana or pinyin, shown above the term
    not_in_use: str = ""  # a deprecated or obsolete term: its status, in the reader's language (struck through, labelled)


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
    reading: str
    letter: str
    key: collation.SortKey
    not_in_use: str


def anchor(letter: str) -> str:
    """An ASCII fragment id for a letter heading: the letter itself when it is ASCII (``ch``), else its code points
    (``u0431`` for Б, ``u3042`` for あ), so that every heading of every script has an id of its own."""
    if letter == collation.OTHER:
        return "other"
    if letter.isascii() and letter.isalnum():
        return letter.lower()
    return "u" + "-".join(f"{ord(ch):04x}" for ch in letter.lower())


def index_pages(ctx: RenderContext) -> list[RenderedPage]:
    found = _found_terms(ctx)
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
        view = IndexView(title, _groups(chunk, urls[n]), _letters(ctx, starts, urls, n), pager(urls, n))
        pages.append(page(listing_src("index-a-z", n), listing_title(title, n, len(chunks)), ctx.render("index_az.html", p=view), in_nav=n == 0,
                          **ctx.dated(e.id for e in chunk)))
    return pages


def _found_terms(ctx: RenderContext) -> list[_Found]:
    """Every term of the page's language, each with its concept, heading letter and sort key."""
    order = ctx.order
    found = []
    for c in ctx.glossary.concepts:
        block = c.locales.get(ctx.locale)
        if block is None:
            continue
        title = ctx.label(c)
        for t in block.terms:
            reading = t.reading or ""
            # A term not to use must not read as a synonym: it says so (kundvård, deprecated → kundtjänst).
            not_in_use = ctx.gettext(STATUS_LABELS[t.status]) if t.status in ("deprecated", "obsolete") else ""
            found.append(_Found(t.text, c.id, title if t.text != title else "", reading, order.heading(t.text, reading),
                                order.sort_key(t.text, reading), not_in_use))
    return found


def _groups(chunk: list[_Found], url: str) -> tuple[LetterGroup, ...]:
    """One page's entries under their heading letters, in order."""
    groups: list[tuple[str, list[IndexEntry]]] = []
    for e in chunk:
        if not groups or groups[-1][0] != e.letter:
            groups.append((e.letter, []))
        groups[-1][1].append(IndexEntry(e.text, relative(url, f"terms/{e.id}/"), e.see, e.reading, e.not_in_use))
    return tuple(LetterGroup(letter, anchor(letter), tuple(items)) for letter, items in groups)


def _letters(ctx: RenderContext, starts: dict[str, int], urls: list[str], n: int) -> tuple[LetterLink, ...]:
    """The letter bar of page ``n``: every heading of the alphabet, linked to the page where its entries begin."""
    letters = []
    for letter in ctx.order.headings(set(starts)):
        start = starts.get(letter)
        target = "" if start is None or start == n else relative(urls[n], urls[start])
        letters.append(LetterLink(letter, start is not None, f"{target}#letter-{anchor(letter)}"))
    return tuple(letters)
