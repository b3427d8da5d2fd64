"""Category pages: the concepts of each declared category, sorted in the locale's order and split into pages."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from markupsafe import Markup

from glossary_tool.site.render.concept_map import Hierarchy, category_map
from glossary_tool.site.render.context import Link, Pager, RenderContext, RenderedPage, chunked, listing_src, listing_title, listing_url, page, pager


@dataclass(frozen=True, slots=True)
class CategoryEntry:
    link: Link
    summary: str


@dataclass(frozen=True, slots=True)
class CategoryView:
    title: str
    description: str
    entries: tuple[CategoryEntry, ...]
    total: int
    pager: Pager | None
    map: Markup  # the category's concept map (on its first page), described by the list


def category_pages(ctx: RenderContext, only: Collection[str] | None = None) -> list[RenderedPage]:
    """Each category that has concepts, in declaration order; its first page is listed in the navigation.
    With ``only``, just the pages of those categories (``glossary-tool serve`` after an edit)."""
    pages: list[RenderedPage] = []
    tree = Hierarchy.of(ctx.glossary.concepts, ctx.concepts)
    by_category: dict[str, list[str]] = {}
    for c in ctx.glossary.concepts:
        by_category.setdefault(c.category, []).append(c.id)
    for cat in ctx.settings.categories:
        if only is not None and cat.id not in only:
            continue
        ids = ctx.sort_ids(by_category.get(cat.id, []))
        if not ids:
            continue
        label = cat.label(ctx.locale, ctx.settings.source_locale)
        description = cat.descriptions.get(ctx.locale, "")
        chunks = chunked(ids)
        urls = [listing_url(f"categories/{cat.id}/", n) for n in range(len(chunks))]
        for n, chunk in enumerate(chunks):
            entries = tuple(CategoryEntry(ctx.link(cid, urls[n]), ctx.summary(ctx.concepts[cid])) for cid in chunk)
            drawn = category_map(ctx, cat.id, label, ids, urls[0], tree, "category-list") if n == 0 else Markup("")
            body = ctx.render("category.html", p=CategoryView(label, description, entries, len(ids), pager(urls, n), drawn))
            pages.append(page(listing_src(f"categories/{cat.id}", n), listing_title(label, n, len(chunks)), body,
                              in_nav=n == 0, nav_group="categories", lastmod=ctx.lastmod(chunk)))
    return pages
