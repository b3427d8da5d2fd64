"""Comparison pages: concepts side by side, one row per dimension."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from glossary_tool.core.model import Comparison
from glossary_tool.site.render.context import Link, RenderContext, RenderedPage, SourceView, page
from glossary_tool.site.render.text import render_inline, render_markdown


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    label: str
    cells: tuple[Markup, ...]


@dataclass(frozen=True, slots=True)
class ComparisonView:
    title: str
    intro_html: Markup
    columns: tuple[Link, ...]
    rows: tuple[Row, ...]
    sources: tuple[SourceView, ...]


def comparison_title(ctx: RenderContext, cmp: Comparison) -> str:
    block = cmp.locales.get(ctx.locale)
    return block.title if block else cmp.id


def comparison_page(ctx: RenderContext, cmp: Comparison) -> RenderedPage:
    url = f"compare/{cmp.id}/"
    block = cmp.locales.get(ctx.locale)
    title = comparison_title(ctx, cmp)
    columns = tuple(ctx.link(cid, url) for cid in cmp.concepts if cid in ctx.concepts)
    rows = tuple(
        Row(d.id, d.label.get(ctx.locale, d.id), tuple(Markup(render_inline(d.values.get(cid, {}).get(ctx.locale, ""))) for cid in cmp.concepts))
        for d in cmp.dimensions
    )
    intro = Markup(render_markdown(block.intro)) if block and block.intro else Markup("")
    body = ctx.render("comparison.html", p=ComparisonView(title, intro, columns, rows, tuple(ctx.source(s) for s in cmp.sources)))
    return page(f"compare/{cmp.id}.md", title, body, in_nav=True, lastmod=ctx.lastmod([cmp.id]))


def comparison_pages(ctx: RenderContext) -> list[RenderedPage]:
    return [comparison_page(ctx, cmp) for cmp in ctx.glossary.comparisons]
