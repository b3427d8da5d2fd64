"""A glossary per ordered language pair (English→Swedish, Swedish→English, …): every concept's terms in both.

Sorted in the source language's alphabetical order and split into pages like the A–Z index; each page links its CSV.
A pair is published in its two languages' sites only; each site lists its pairs on one page, the source language's
site every pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossary_tool.core.config import Settings
from glossary_tool.core.layout import PAIR
from glossary_tool.core.model import Concept
from glossary_tool.site.render import collation
from glossary_tool.site.render.context import (
    Download,
    Pager,
    RenderContext,
    RenderedPage,
    capitalized,
    chunked,
    listing_src,
    listing_title,
    listing_url,
    page,
    pager,
    preferred,
    relative,
)
from glossary_tool.site.render.i18n import _


def pair_slug(source: str, target: str) -> str:
    """The pair's part of URLs and file names: ``en-sv``, ``pt-br-en``."""
    return f"{source.lower()}-{target.lower()}"


def pair_url(source: str, target: str) -> str:
    return PAIR.url(pair_slug(source, target))


PAIRS_URL = PAIR.top + "/"  # the list of a site's pairs, the navigation's way to them


def locale_pairs(settings: Settings, code: str) -> tuple[tuple[str, str], ...]:
    """The pairs published in ``code``'s site: those it is one of the two languages of."""
    return tuple(pair for pair in settings.language_pairs if code in pair)


def listed_pairs(settings: Settings, code: str) -> tuple[tuple[str, str], ...]:
    """The pairs ``code``'s site lists: its own, and in the source language's site every pair, each once."""
    return settings.language_pairs if code == settings.source_locale else locale_pairs(settings, code)


def published_in(settings: Settings, url: str) -> tuple[str, ...]:
    """The locales whose site has the page at ``url``: a pair's pages are in its two languages' sites, every
    other page is in all of them."""
    parts = url.split("/")
    if parts[0] == PAIR.top and len(parts) > 2:
        pair = {pair_slug(a, b): (a, b) for a, b in settings.language_pairs}.get(parts[1])
        if pair is not None:
            return tuple(code for code in settings.locale_codes if code in pair)
    return settings.locale_codes


@dataclass(frozen=True, slots=True)
class PairTerm:
    text: str
    status: str
    lang: str  # the term's language when it is not the page's


@dataclass(frozen=True, slots=True)
class Side:
    """One language of a row: the concept's terms in it and its page there (no terms: not yet translated)."""

    terms: tuple[PairTerm, ...]
    href: str


@dataclass(frozen=True, slots=True)
class PairRow:
    id: str
    source: Side
    target: Side
    category: str
    category_href: str


@dataclass(frozen=True, slots=True)
class PairView:
    title: str
    source_code: str
    target_code: str
    source_name: str
    target_name: str
    rows: tuple[PairRow, ...]
    total: int
    download: Download | None
    download_href: str
    pairs_href: str  # the list of this site's pairs
    pager: Pager | None


@dataclass(frozen=True, slots=True)
class PairLink:
    """A pair on a list of pairs: its glossary, in this site or (``lang``) in the site of its source language."""

    href: str
    label: str
    lang: str  # the site the glossary is in when it is not this one
    download_href: str  # its CSV, when the build made one


PAIR_TITLE = _("Glossary %(source)s–%(target)s")


def pair_title(ctx: RenderContext, source: str, target: str) -> str:
    """"Glossary English–Swedish", "Ordlista engelska–svenska": the languages named in the reader's language."""
    return ctx.gettext(PAIR_TITLE) % {"source": ctx.language_name(source), "target": ctx.language_name(target)}


def _ordered(ctx: RenderContext, code: str) -> list[Concept]:
    """Every concept in ``code``'s alphabetical order of its name there; those without a block in ``code`` after the
    others, by id, so that the list is still complete."""
    keyed = []
    for c in ctx.glossary.concepts:
        block = c.locales.get(code)
        reading = next((t.reading or "" for t in block.terms if t.text == preferred(block)), "") if block else ""
        keyed.append(((0, collation.sort_key(preferred(block), code, reading, ctx.settings.han_order)) if block else (1, (b"", c.id)), c))
    keyed.sort(key=lambda item: item[0])
    return [c for _, c in keyed]


def pair_links(ctx: RenderContext, from_url: str) -> tuple[PairLink, ...]:
    """The pairs this site lists (``listed_pairs``), linked from its page ``from_url``: a pair this site does not
    publish is in its source language's site."""
    downloads = {d.locales: d for d in ctx.downloads if len(d.locales) == 2}
    out = []
    for a, b in listed_pairs(ctx.settings, ctx.locale):
        here = ctx.locale in (a, b)
        href = relative(from_url, pair_url(a, b)) if here else ctx.in_locale(from_url, a, pair_url(a, b))
        download = downloads.get((a, b))
        out.append(PairLink(href, pair_title(ctx, a, b), "" if here else a, ctx.at_root(from_url, download.path) if download else ""))
    return tuple(out)


def pair_pages(ctx: RenderContext) -> list[RenderedPage]:
    """The list of this site's pairs, the navigation's one entry for them, and the pages of the pairs it publishes
    (``locale_pairs``): a pair in its two languages' sites, not in every site, and a navigation that does not grow
    with the languages.

    A row needs only each language's term texts and statuses: they are made once per language, not per pair, and
    links are the page's way up to the site's root plus a fixed path (relpath per link was a third of the time)."""
    links = pair_links(ctx, PAIRS_URL)
    if not links:
        return []
    title = ctx.gettext(PAIR.nav_title)
    listing = page(PAIR.stem() + ".md", title, ctx.render("pairs.html", title=title, pairs=links), in_nav=True,
                   **ctx.dated(c.id for c in ctx.glossary.concepts))  # as its pairs' pages
    shared = _Shared.of(ctx)
    return [listing, *(p for source, target in shared.pairs for p in _pair(ctx, shared, source, target))]


@dataclass(frozen=True)
class _Shared:
    """What every pair's pages of one locale read: the pairs, each language's terms by concept, the concepts in each
    source language's order, the category labels, this locale's prefix and the pair downloads."""

    pairs: tuple[tuple[str, str], ...]
    terms: dict[str, dict[str, tuple[PairTerm, ...]]]
    order: dict[str, list[Concept]]
    categories: dict[str, str]
    here: str
    downloads: dict[tuple[str, ...], Download]

    @classmethod
    def of(cls, ctx: RenderContext) -> _Shared:
        pairs = locale_pairs(ctx.settings, ctx.locale)
        terms = {code: _terms_of(ctx, code) for code in {code for pair in pairs for code in pair}}
        return cls(pairs, terms, {code: _ordered(ctx, code) for code in {source for source, _ in pairs}},
                   {cat.id: ctx.category_label(cat.id) for cat in ctx.settings.categories}, ctx.settings.locale(ctx.locale).prefix,
                   {d.locales: d for d in ctx.downloads if len(d.locales) == 2})


def _terms_of(ctx: RenderContext, code: str) -> dict[str, tuple[PairTerm, ...]]:
    """Each concept's terms in ``code``, by concept id, as a pair page's cell shows them."""
    lang = ctx.lang_of(code)
    return {c.id: tuple(PairTerm(t.text, t.status, lang) for t in c.locales[code].terms) for c in ctx.glossary.concepts if code in c.locales}


def _pair(ctx: RenderContext, shared: _Shared, source: str, target: str) -> list[RenderedPage]:
    """One pair's pages, split into listing pages."""
    concepts = shared.order[source]
    title = pair_title(ctx, source, target)
    base = pair_url(source, target)
    chunks = chunked(concepts)
    urls = [listing_url(base, n) for n in range(len(chunks))]
    download = shared.downloads.get((source, target))
    source_name, target_name = capitalized(ctx.language_name(source)), capitalized(ctx.language_name(target))
    out = []
    for n, chunk in enumerate(chunks):
        url = urls[n]
        view = PairView(title, source, target, source_name, target_name, _rows(ctx, shared, (source, target), url, chunk), len(concepts),
                        download, ctx.at_root(url, download.path) if download else "", relative(url, PAIRS_URL), pager(urls, n))
        out.append(page(listing_src(base.rstrip("/"), n), listing_title(title, n, len(chunks)), ctx.render("pair.html", p=view),
                        **ctx.dated(c.id for c in chunk)))
    return out


def _rows(ctx: RenderContext, shared: _Shared, pair: tuple[str, str], url: str, chunk: list[Concept]) -> tuple[PairRow, ...]:
    """One listing page's rows: each concept's terms in both languages, linked to its page in each language's locale."""
    source, target = pair
    root = relative(shared.here + url, "")  # from this page up to the site's root
    up = relative(url, "")  # and to this locale's root
    prefixes = {code: up if code == ctx.locale else root + ctx.settings.locale(code).prefix for code in pair}
    return tuple(
        PairRow(c.id, Side(shared.terms[source].get(c.id, ()), f"{prefixes[source]}terms/{c.id}/"),
                Side(shared.terms[target].get(c.id, ()), f"{prefixes[target]}terms/{c.id}/"),
                shared.categories.get(c.category, c.category), f"{up}categories/{c.category}/")
        for c in chunk)
