"""The questions-and-answers pages of one locale: grouped by the category of each question's first concept,
ordered by the locale's collation, opening with the list of their questions, split into pages like the listings."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from glossary_tool.core.model import Faq
from glossary_tool.site.render import collation
from glossary_tool.site.render.context import (
    Link,
    Pager,
    RenderContext,
    RenderedPage,
    chunked,
    listing_src,
    listing_title,
    listing_url,
    page,
    pager,
)
from glossary_tool.site.render.text import render_markdown

FAQ_URL = "faq/"


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    question: str
    answer_html: Markup
    concepts: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class FaqGroup:
    id: str  # fragment id of the group's heading
    label: str
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class FaqView:
    title: str
    groups: tuple[FaqGroup, ...]
    pager: Pager | None


def _group_of(ctx: RenderContext, faq: Faq) -> str:
    """The category a question is filed under: its first concept's (the first declared category otherwise)."""
    for cid in faq.concepts:
        concept = ctx.concepts.get(cid)
        if concept is not None:
            return concept.category
    return ctx.settings.categories[0].id


def ordered(ctx: RenderContext) -> list[tuple[str, Faq]]:
    """(category, entry) of every question in this locale: categories in declared order, questions in the
    locale's alphabetical order within each."""
    rank = {cat: i for i, cat in enumerate(ctx.settings.category_ids)}
    found = [(_group_of(ctx, f), f) for f in ctx.glossary.faqs if ctx.locale in f.locales]
    found.sort(key=lambda item: (rank.get(item[0], len(rank)), collation.sort_key(item[1].locales[ctx.locale].question, ctx.locale, han_order=ctx.settings.han_order), item[1].id))
    return found


def faq_locations(ctx: RenderContext) -> dict[str, str]:
    """Each question's page (``faq/``, ``faq/2/`` …) in this locale, for the links from concept pages."""
    out = {}
    for n, chunk in enumerate(chunked(ordered(ctx))):
        for _, faq in chunk:
            out[faq.id] = listing_url(FAQ_URL, n)
    return out


def faq_pages(ctx: RenderContext) -> list[RenderedPage]:
    items = ordered(ctx)
    if not ctx.glossary.faqs:
        return []  # no questions in any language: no empty page, no tab
    chunks = chunked(items)
    urls = [listing_url(FAQ_URL, n) for n in range(len(chunks))]
    title = ctx.gettext("Frequently asked questions")
    pages = []
    for n, chunk in enumerate(chunks):
        view = FaqView(title, _groups(ctx, chunk, urls[n]), pager(urls, n))
        pages.append(page(listing_src("faq", n), listing_title(title, n, len(chunks)), ctx.render("faq.html", p=view), in_nav=n == 0 and bool(items),
                          lastmod=ctx.lastmod(f.id for _, f in chunk)))
    return pages


def _groups(ctx: RenderContext, chunk: list[tuple[str, Faq]], url: str) -> tuple[FaqGroup, ...]:
    """One page's questions under their categories, each with its answer and links to its concepts."""
    groups: list[tuple[str, list[Question]]] = []
    for category, f in chunk:
        block = f.locales[ctx.locale]
        if not groups or groups[-1][0] != category:
            groups.append((category, []))
        groups[-1][1].append(Question(f.id, block.question, Markup(render_markdown(block.answer)),
                                      tuple(ctx.link(cid, url) for cid in f.concepts if cid in ctx.concepts)))
    return tuple(FaqGroup(f"group-{cat}", ctx.category_label(cat), tuple(qs)) for cat, qs in groups)
