"""The translation status page (``status/``, in every language) and the status badges published in ``downloads/``.

Per language: its coverage bar, how many fields are stale and missing, and links to the concepts that need work.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossary_tool.core.config import Settings
from glossary_tool.core.languages import join
from glossary_tool.core.layout import CONCEPT, STATUS
from glossary_tool.core.model import Glossary
from glossary_tool.core.status import LocaleStatus, Parts, badge, compute, percent
from glossary_tool.site.render.context import Download, RenderContext, RenderedPage, capitalized, page
from glossary_tool.site.render.i18n import _

BADGE_FORMAT = "badge"  # the ``fmt`` of a badge among the downloads
# Concepts listed per language and list: the page stays small at 10,000 concepts (`glossary-tool status` lists all).
LIST_LIMIT = 100
TITLE = _("Translation status")
FIELD_LABELS = {"terms": _("Terms"), "definition": _("Definition"), "examples": _("Examples"), "notes": _("Notes")}


def badge_file(code: str) -> str:
    return f"status-{code}.svg"


def status_badges(glossary: Glossary, settings: Settings) -> list[tuple[Download, bytes]]:
    """Each language's badge (``status --format svg``), to be published in ``downloads/``."""
    out = []
    for s in compute(glossary, settings):
        data = badge(s).encode("utf-8")
        out.append((Download(badge_file(s.code), BADGE_FORMAT, (s.code,), len(data), 0, "image/svg+xml"), data))
    return out


@dataclass(frozen=True, slots=True)
class WorkItem:
    """A concept that needs work in a language: a link to its page there, its id (the file to edit), the fields."""

    href: str
    label: str
    label_lang: str
    id: str
    fields: str


@dataclass(frozen=True, slots=True)
class LanguageStatusView:
    code: str
    name: str
    percent: str  # of fields translated, in the page's number format
    bar: tuple[float, float, float]  # the bar's parts in per cent of its length: current, stale, missing
    parts: Parts
    stale: tuple[WorkItem, ...]
    stale_total: int
    missing: tuple[WorkItem, ...]
    missing_total: int


@dataclass(frozen=True, slots=True)
class StatusView:
    title: str
    languages: tuple[LanguageStatusView, ...]


def _items(ctx: RenderContext, code: str, fields_of: dict[str, list[str]]) -> tuple[WorkItem, ...]:
    out = []
    for cid in ctx.sort_ids(cid for cid in fields_of if cid in ctx.concepts)[:LIST_LIMIT]:
        concept = ctx.concepts[cid]
        names = join([ctx.gettext(FIELD_LABELS.get(f, f)) for f in fields_of[cid]], ctx.locale)
        out.append(WorkItem(ctx.in_locale(STATUS.url(), code, CONCEPT.url(cid)), ctx.label(concept), ctx.label_lang(concept), cid, names))
    return tuple(out)


def _bar(parts: Parts) -> tuple[float, float, float]:
    total = parts.current + parts.stale + parts.missing or 1
    return parts.current * 100 / total, parts.stale * 100 / total, parts.missing * 100 / total


def _language(ctx: RenderContext, s: LocaleStatus) -> LanguageStatusView:
    parts = s.field_parts
    return LanguageStatusView(s.code, capitalized(ctx.language_name(s.code)), percent(s.fields, ctx.locale),
                              _bar(parts), parts, _items(ctx, s.code, s.stale), len(s.stale), _items(ctx, s.code, s.missing), len(s.missing))


def status_pages(ctx: RenderContext) -> list[RenderedPage]:
    """The status page of this locale: every configured language, in configured order."""
    views = tuple(_language(ctx, s) for s in compute(ctx.glossary, ctx.settings))
    title = ctx.gettext(TITLE)
    lastmod = ctx.lastmod(c.id for c in ctx.glossary.concepts)
    return [page(STATUS.src(), title, ctx.render("status.html", p=StatusView(title, views)), lastmod=lastmod)]

