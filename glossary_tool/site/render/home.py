"""The home page: the site's own introduction (from configuration), its categories and its other pages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from glossary_tool.site.render.comparison import comparison_title
from glossary_tool.site.render.context import RenderContext, RenderedPage, page
from glossary_tool.site.render.downloads import DOWNLOADS_URL
from glossary_tool.site.render.pair import PairLink, pair_links
from glossary_tool.site.render.text import render_markdown


@dataclass(frozen=True, slots=True)
class CategoryLink:
    href: str
    label: str
    description: str
    count: int


@dataclass(frozen=True, slots=True)
class PageLink:
    href: str
    label: str


@dataclass(frozen=True, slots=True)
class HomeView:
    title: str
    intro_html: Markup
    count: int
    categories: tuple[CategoryLink, ...]
    index_href: str
    faq_href: str | None
    comparisons: tuple[PageLink, ...]
    pairs: tuple[PairLink, ...]  # the pairs this site lists (pair.listed_pairs)
    downloads_href: str | None


def home_page(ctx: RenderContext) -> RenderedPage:
    loc = ctx.settings.locale(ctx.locale)
    intro = loc.intro or loc.site_description or ""
    categories = _categories(ctx)
    comparisons = tuple(PageLink(f"compare/{cmp.id}/", comparison_title(ctx, cmp)) for cmp in ctx.glossary.comparisons)
    language_pairs = pair_links(ctx, "")
    faq = "faq/" if any(ctx.locale in f.locales for f in ctx.glossary.faqs) else None
    view = HomeView(ctx.site_name, Markup(render_markdown(intro)) if intro else Markup(""), len(ctx.glossary.concepts),
                    categories, "index-a-z/", faq, comparisons, language_pairs, DOWNLOADS_URL if ctx.downloads else None)
    return page("index.md", ctx.site_name, ctx.render("home.html", p=view), in_nav=True,
                lastmod=ctx.lastmod(e.id for e in ctx.glossary.entries))


def _categories(ctx: RenderContext) -> tuple[CategoryLink, ...]:
    """The categories that have concepts, in their declared order, each with its count."""
    counts = Counter(c.category for c in ctx.glossary.concepts)
    return tuple(
        CategoryLink(f"categories/{cat.id}/", cat.label(ctx.locale, ctx.settings.source_locale), cat.descriptions.get(ctx.locale, ""), counts[cat.id])
        for cat in ctx.settings.categories if counts.get(cat.id)
    )
