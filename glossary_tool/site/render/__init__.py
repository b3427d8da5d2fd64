"""Rendering: the glossary model → pages (HTML fragments) for one locale, independent of MkDocs.

Each page kind has its own module; ``render_locale`` runs them all for one locale.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, Entry, Glossary
from glossary_tool.exchange.selection import select
from glossary_tool.site.render.category import category_pages
from glossary_tool.site.render.comparison import comparison_pages
from glossary_tool.site.render.concept import concept_pages
from glossary_tool.site.render.context import Download, Heading, RenderContext, RenderedPage
from glossary_tool.site.render.downloads import downloads_pages
from glossary_tool.site.render.faq import faq_pages
from glossary_tool.site.render.home import home_page
from glossary_tool.site.render.index_az import index_pages
from glossary_tool.site.render.pair import pair_pages
from glossary_tool.site.render.status import status_pages

# Every page kind, in navigation order after the home page.
PAGE_KINDS: tuple[Callable[[RenderContext], list[RenderedPage]], ...] = (
    concept_pages, category_pages, index_pages, comparison_pages, faq_pages, pair_pages, status_pages, downloads_pages,
)


class Reuse(Protocol):
    """Pages an earlier build rendered (the build cache's, site/build_cache.py), for ``render_locale`` not to render
    them again: a concept's page, or every page of a kind (by its name in core/layout.py); None when they changed."""

    def concept(self, concept: Concept) -> RenderedPage | None: ...

    def pages(self, kind: str, lastmod: Callable[[Iterable[str]], str]) -> list[RenderedPage] | None: ...


def published(glossary: Glossary, settings: Settings) -> Glossary:
    """The glossary as the site shows it: every ``TODO`` placeholder left out, as the exports leave them out.

    A placeholder is text still to be written: published, it would read as content and its words would be linked to
    other concepts. A language whose terms are all placeholders shows as not yet translated; a concept with no
    written term in any language keeps its page (other pages link it) with no language of its own."""
    kept, _ = select(glossary, settings.locale_codes)
    ids = {e.model.id for e in kept.entries}
    entries = list(kept.entries)
    entries += [Entry(e.model.model_copy(update={"locales": {}}), e.doc) for e in glossary.entries
                if isinstance(e.model, Concept) and e.model.id not in ids]
    return Glossary(tuple(entries), glossary.documents, glossary.others)


def render_locale(glossary: Glossary, settings: Settings, locale: str, *, site_name: str, site_url: str,
                  stale: Callable[[Concept, str], list[str]] | None = None, changed: Mapping[str, datetime.date | None] | None = None,
                  today: datetime.date | None = None, downloads: Sequence[Download] = (),
                  on_kind: Callable[[int, int, str], None] | None = None, reuse: Reuse | None = None) -> list[RenderedPage]:
    """Every page of the site in ``locale``; ``site_url`` is the locale's absolute base URL.

    ``changed`` gives each entry's date of last change (None: unknown, shown nowhere; ``today``, the build date, for an entry it lacks);
    ``downloads`` are the files the build publishes, which the downloads and language-pair pages link to;
    ``on_kind`` hears of each page kind done (kinds done, kinds in all, its name), for a progress bar;
    ``reuse`` may hand over pages as an earlier build rendered them (the build cache): those are not rendered."""
    ctx = RenderContext(glossary, settings, locale, site_name, site_url, stale or (lambda c, code: []), changed or {},
                        today or datetime.date.today(), tuple(downloads))
    pages = [home_page(ctx)]
    for done, kind in enumerate(PAGE_KINDS, start=1):
        kept = reuse.pages(kind.__module__.rsplit(".", 1)[-1], ctx.lastmod) if reuse is not None else None  # the module: layout's name
        if kept is not None:
            pages.extend(kept)
        else:
            pages.extend(concept_pages(ctx, reuse.concept) if kind is concept_pages and reuse is not None else kind(ctx))
        if on_kind is not None:
            on_kind(done, len(PAGE_KINDS), kind.__name__.replace("_", " "))
    return pages


__all__ = ["PAGE_KINDS", "Download", "Heading", "RenderContext", "RenderedPage", "Reuse", "published", "render_locale"]
