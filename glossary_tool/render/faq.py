"""The questions-and-answers page of one locale."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from glossary_tool.render.context import Link, RenderContext, RenderedPage, page
from glossary_tool.render.text import render_markdown


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    question: str
    answer_html: Markup
    concepts: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class FaqView:
    title: str
    entries: tuple[Question, ...]


def faq_pages(ctx: RenderContext) -> list[RenderedPage]:
    url = "faq/"
    items = []
    for f in sorted(ctx.glossary.faqs, key=lambda f: f.id):
        block = f.locales.get(ctx.locale)
        if block is None:
            continue
        items.append(Question(f.id, block.question, Markup(render_markdown(block.answer)),
                              tuple(ctx.link(cid, url) for cid in f.concepts if cid in ctx.concepts)))
    title = ctx.gettext("Frequently asked questions")
    return [page("faq.md", title, ctx.render("faq.html", p=FaqView(title, tuple(items))), in_nav=True)]
