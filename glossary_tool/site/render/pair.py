"""A glossary per ordered language pair (English→Swedish, Swedish→English, …): every concept's terms in both.

Sorted in the source language's alphabetical order and split into pages like the A–Z index; each page links its CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    return f"glossary/{pair_slug(source, target)}/"


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
    others: tuple[tuple[str, str], ...]  # (title, href) of the other pairs
    pager: Pager | None


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


def pair_pages(ctx: RenderContext) -> list[RenderedPage]:
    """The configured pairs' pages in this locale (``Settings.language_pairs``); each pair's first page is listed in the navigation.

    A row needs only each language's term texts and statuses: they are made once per language, not per pair, and
    links are the page's way up to the site's root plus a fixed path (relpath per link was a third of the time)."""
    shared = _Shared.of(ctx)
    return [p for source, target in shared.pairs for p in _pair(ctx, shared, source, target)]


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
        pairs = tuple(ctx.settings.language_pairs)
        terms = {code: _terms_of(ctx, code) for code in ctx.settings.locale_codes}
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
        others = tuple((pair_title(ctx, a, b), relative(url, pair_url(a, b))) for a, b in shared.pairs if (a, b) != (source, target))
        view = PairView(title, source, target, source_name, target_name, _rows(ctx, shared, (source, target), url, chunk), len(concepts),
                        download, ctx.at_root(url, download.path) if download else "", others, pager(urls, n))
        out.append(page(listing_src(base.rstrip("/"), n), listing_title(title, n, len(chunks)), ctx.render("pair.html", p=view),
                        in_nav=n == 0, nav_group="pairs", lastmod=ctx.lastmod(c.id for c in chunk)))
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
