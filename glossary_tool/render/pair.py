"""A glossary per ordered language pair (English→Swedish, Swedish→English, …): every concept's terms in both.

Sorted in the source language's alphabetical order and split into pages like the A–Z index; each page links its CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossary_tool.model import Concept
from glossary_tool.render import collation
from glossary_tool.render.concept import TermView, term_views
from glossary_tool.render.context import (
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
from glossary_tool.render.i18n import _


def pair_slug(source: str, target: str) -> str:
    """The pair's part of URLs and file names: ``en-sv``, ``pt-br-en``."""
    return f"{source.lower()}-{target.lower()}"


def pair_url(source: str, target: str) -> str:
    return f"glossary/{pair_slug(source, target)}/"


def pairs(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every ordered pair of different locales, in configured order."""
    return [(a, b) for a in codes for b in codes if a != b]


@dataclass(frozen=True, slots=True)
class Side:
    """One language of a row: the concept's terms in it and its page there (no terms: not yet translated)."""

    terms: tuple[TermView, ...]
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


def _side(ctx: RenderContext, concept: Concept, code: str, url: str) -> Side:
    block = concept.locales.get(code)
    terms = term_views(ctx, block, code) if block is not None else ()
    return Side(terms, ctx.in_locale(url, code, f"terms/{concept.id}/"))


def pair_pages(ctx: RenderContext) -> list[RenderedPage]:
    """Every ordered pair's pages in this locale; each pair's first page is listed in the navigation."""
    out: list[RenderedPage] = []
    all_pairs = pairs(ctx.settings.locale_codes)
    downloads = {d.locales: d for d in ctx.downloads if len(d.locales) == 2}
    for source, target in all_pairs:
        # Concepts without a source-language block sort after the others, by id, so the list is still complete.
        keyed = []
        for c in ctx.glossary.concepts:
            block = c.locales.get(source)
            keyed.append(((0, collation.sort_key(preferred(block), source)) if block else (1, ((), c.id)), c))
        keyed.sort(key=lambda item: item[0])
        concepts = [c for _, c in keyed]
        title = pair_title(ctx, source, target)
        base = pair_url(source, target)
        chunks = chunked(concepts)
        urls = [listing_url(base, n) for n in range(len(chunks))]
        download = downloads.get((source, target))
        for n, chunk in enumerate(chunks):
            url = urls[n]
            rows = tuple(PairRow(c.id, _side(ctx, c, source, url), _side(ctx, c, target, url), ctx.category_label(c.category),
                                 relative(url, f"categories/{c.category}/")) for c in chunk)
            others = tuple((pair_title(ctx, a, b), relative(url, pair_url(a, b))) for a, b in all_pairs if (a, b) != (source, target))
            view = PairView(title, source, target, capitalized(ctx.language_name(source)), capitalized(ctx.language_name(target)),
                            rows, len(concepts), download, ctx.at_root(url, download.path) if download else "", others, pager(urls, n))
            out.append(page(listing_src(base.rstrip("/"), n), listing_title(title, n, len(chunks)), ctx.render("pair.html", p=view),
                            in_nav=n == 0, nav_group="pairs", lastmod=ctx.lastmod(c.id for c in chunk)))
    return out
