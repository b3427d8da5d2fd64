"""Concept pages: one per concept and locale, the reader's language first, then every other configured language.

The reader's language shows its definition and terms (status, type, grammar); every other language its terms, linked to
its own page of the concept, and the source language its definition too. Relations, sources and a citation follow.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from glossary_tool.core import languages
from glossary_tool.core.model import Comparison, Concept, ConceptLocale, Faq, Grammar, Source, Term
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.site.render.concept_map import Hierarchy, concept_map
from glossary_tool.site.render.context import (
    Link,
    RenderContext,
    RenderedPage,
    SourceView,
    by_concept,
    capitalized,
    first_sentence,
    jsonld,
    page,
    preferred,
    relative,
)
from glossary_tool.site.render.faq import faq_locations
from glossary_tool.site.render.labels import GENDER_LABELS, POS_LABELS, REGISTER_LABELS, RELATION_LABELS, STATUS_LABELS, TYPE_LABELS
from glossary_tool.site.render.text import link_terms, render_inline, render_markdown

GENERIC = ("broader", "narrower")  # drawn as the map's tree; every other relation is a labelled edge


@dataclass(frozen=True, slots=True)
class TermSource:
    """A source that attests a term: its number in the page's list of sources, and how it is named."""

    number: int
    label: str


@dataclass(frozen=True, slots=True)
class TermView:
    text: str
    status: str
    type_label: str
    status_label: str
    grammar: Markup
    lang: str  # the term's language when it is not the page's
    use_instead: str  # for a deprecated or obsolete term: the preferred term of its language
    not_in_use: bool  # deprecated or obsolete: struck through, with what to write instead
    usage: str  # where and in which register the term is used, in the reader's language
    note_html: Markup  # the term's own note (for a deprecated term, why)
    sources: tuple[TermSource, ...]
    reading: str = ""  # kana or pinyin, shown above the term


@dataclass(frozen=True, slots=True)
class RelationGroup:
    label: str
    targets: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class OtherTerm:
    """A term in another language, as the concept page lists it next to the others: its text, its reading, and
    whether it is deprecated or obsolete (struck through, "do not use")."""

    text: str
    reading: str
    not_in_use: bool


@dataclass(frozen=True, slots=True)
class LanguageView:
    """The concept in another configured language: its terms, or nothing yet. Only the source language brings its
    definition, the text every translation is made from; the others' are a link away, on their own page."""

    code: str
    name: str  # the language's name in the reader's language
    href: str  # the concept's page in that language
    terms: tuple[OtherTerm, ...]
    definition_html: Markup
    translated: bool


@dataclass(frozen=True, slots=True)
class SimpleLink:
    href: str
    label: str


@dataclass(frozen=True, slots=True)
class Citation:
    """The "cite this entry" line: title, site, URL and the date of the last change."""

    title: str
    title_lang: str
    site: str
    url: str
    date: str  # ISO
    date_label: str


@dataclass(frozen=True, slots=True)
class ConceptView:
    """Everything the concept template shows; contributor prose arrives sanitized (``*_html``)."""

    id: str
    code: str  # the reader's language
    title: str
    title_lang: str
    untranslated: bool
    stale: bool
    category_href: str
    category_label: str
    terms: tuple[TermView, ...]
    definition_html: Markup
    examples_html: tuple[Markup, ...]
    notes_html: tuple[Markup, ...]
    languages: tuple[LanguageView, ...]
    relations: tuple[RelationGroup, ...]
    comparisons: tuple[SimpleLink, ...]
    faqs: tuple[SimpleLink, ...]
    sources: tuple[SourceView, ...]
    cite: Citation
    jsonld: Markup
    map: Markup  # the concept map (concept_map.py), described by the relations list


def _grammar(ctx: RenderContext, grammar: Grammar | None, code: str) -> Markup:
    """The grammar labels in the reader's language, listed with its separator ("اسم ومؤنث", "名词、阴性"); the plural,
    a word of the term's language ``code``, keeps its own language and direction."""
    if grammar is None:
        return Markup("")
    g = ctx.gettext
    parts: list[Markup | str] = []
    if grammar.pos:
        parts.append(g(POS_LABELS[grammar.pos]))
    if grammar.gender:
        parts.append(g(GENDER_LABELS[grammar.gender]))
    if grammar.plural:
        plural = Markup("<span{}>{}</span>").format(languages.lang_attributes(ctx.lang_of(code)), grammar.plural) if ctx.lang_of(code) else grammar.plural
        parts.append(Markup("{}: {}").format(g("plural"), plural))
    return languages.join_html(parts, ctx.locale)


def _usage(ctx: RenderContext, term: Term) -> str:
    parts = []
    if term.geographical_usage:
        parts.append(ctx.territory_name(term.geographical_usage))
    if term.register:
        parts.append(ctx.gettext(REGISTER_LABELS[term.register]))
    return languages.join(parts, ctx.locale)


def term_views(ctx: RenderContext, block: ConceptLocale, code: str, sources: tuple[Source, ...] = ()) -> tuple[TermView, ...]:
    """A language's terms as the reader's locale labels them: deprecated and obsolete ones name the preferred term,
    and each term shows its usage labels, its note and the numbers of the page's sources that attest it."""
    g = ctx.gettext
    use = preferred(block)
    lang = ctx.lang_of(code)
    numbers = {s.id: (n, s.publisher or s.title) for n, s in enumerate(sources, start=1) if s.id is not None}
    return tuple(
        TermView(t.text, t.status, g(TYPE_LABELS[t.type]), g(STATUS_LABELS[t.status]), _grammar(ctx, t.grammar, code), lang,
                 use if t.status in NOT_IN_USE and use != t.text else "", t.status in NOT_IN_USE, _usage(ctx, t),
                 Markup(render_inline(t.note)) if t.note else Markup(""),
                 tuple(TermSource(*numbers[sid]) for sid in t.sources if sid in numbers), t.reading or "")
        for t in block.terms
    )


def relation_label(ctx: RenderContext, name: str) -> str:
    """A relation's label in this locale: the catalog's for built-in relations, the configuration's for others."""
    if name in RELATION_LABELS:
        return ctx.gettext(RELATION_LABELS[name])
    declared = ctx.settings.relation(name)
    if declared is None:
        return name
    return declared.labels.get(ctx.locale) or declared.labels.get(ctx.settings.source_locale) or name


def inbound(ctx: RenderContext) -> dict[tuple[str, str], list[str]]:
    """(relation, target) → the concepts listing that target under a declared relation that has no written inverse.

    Those links are shown on the target's page too, under the relation's ``inverse_label``."""
    shown = {r.id for r in ctx.settings.relations if r.inverse_labels and (r.inverse is None or r.inverse not in ctx.settings.relation_ids)}
    out: dict[tuple[str, str], list[str]] = {}
    for c in ctx.concepts.values():
        for name in shown:
            for target in c.targets(name):
                out.setdefault((name, target), []).append(c.id)
    return out


def _relation_targets(ctx: RenderContext, concept: Concept, incoming: dict[tuple[str, str], list[str]]) -> list[tuple[str, str, list[str]]]:
    """(relation, label, concept ids) of every relation the concept has, written on it or shown from the other side."""
    out = []
    for name in ctx.settings.relation_ids:
        targets = [t for t in concept.targets(name) if t in ctx.concepts]
        if targets:
            out.append((name, relation_label(ctx, name), targets))
    for rel in ctx.settings.relations:
        sources = incoming.get((rel.id, concept.id))
        if sources:
            label = rel.inverse_labels.get(ctx.locale) or rel.inverse_labels.get(ctx.settings.source_locale) or rel.id
            out.append((f"^{rel.id}", label, ctx.sort_ids(sources)))
    return out


def _relations(ctx: RenderContext, url: str, targets: list[tuple[str, str, list[str]]]) -> tuple[RelationGroup, ...]:
    return tuple(RelationGroup(label, tuple(ctx.link(t, url) for t in ids)) for _, label, ids in targets)


def _languages(ctx: RenderContext, concept: Concept, url: str) -> tuple[LanguageView, ...]:
    """Every configured language but the reader's, in configured order. Each adds its terms and nothing else, so
    that a page grows by the terms alone with each language the site has (the rest is on that language's page);
    the source language adds its definition too, without term links, which would lead into that language's site."""
    out = []
    for loc in ctx.settings.locales:
        if loc.code == ctx.locale:
            continue
        block = concept.locales.get(loc.code)
        name, href = capitalized(ctx.language_name(loc.code)), ctx.in_locale(url, loc.code, url)
        if block is None:
            out.append(LanguageView(loc.code, name, href, (), Markup(""), translated=False))
            continue
        terms = tuple(OtherTerm(t.text, t.reading or "", t.status in NOT_IN_USE) for t in block.terms)
        definition = Markup(render_markdown(block.definition)) if loc.code == ctx.settings.source_locale else Markup("")
        out.append(LanguageView(loc.code, name, href, terms, definition, translated=True))
    return tuple(out)


@dataclass(frozen=True)
class _OwnLanguage:
    """What a concept page shows of its own language's block (all empty when the concept lacks the language)."""

    terms: tuple[TermView, ...] = ()
    definition: Markup = field(default_factory=Markup)
    examples: tuple[Markup, ...] = ()
    notes: tuple[Markup, ...] = ()
    description: str = ""
    search_words: tuple[str, ...] = ()

    @classmethod
    def of(cls, ctx: RenderContext, concept: Concept, block: ConceptLocale, title: str) -> _OwnLanguage:
        # Hidden synonyms of the page's first index entry, the one a result shows with the short definition:
        # its other terms, which otherwise match only the terms table further down, and the other languages'
        # terms, so that a query in another language finds this page too.
        search_words = [t.text for t in block.terms if t.text != title]
        search_words += [t.text for code, b in concept.locales.items() if code != ctx.locale for t in b.terms]
        return cls(
            terms=term_views(ctx, block, ctx.locale, concept.sources),
            # Links are made relative to a sibling term page, so "../<id>/" is the page itself.
            definition=Markup(link_terms(render_markdown(block.definition), ctx.matcher, f"../{concept.id}/")),
            examples=tuple(Markup(render_inline(e)) for e in block.examples),
            notes=tuple(Markup(render_inline(n)) for n in block.notes),
            description=first_sentence(block.definition),
            search_words=tuple(search_words),
        )


def _linked_data(ctx: RenderContext, concept: Concept, block: ConceptLocale | None, title: str, page_url: str,
                 changed: datetime.date | None, description: str) -> dict[str, Any]:
    """The page's schema.org ``DefinedTerm``: an unknown date is left out, not replaced by one every page would share."""
    ld: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "DefinedTerm", "@id": page_url, "url": page_url,
        "name": title, "termCode": concept.id, "inLanguage": ctx.locale,
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": ctx.site_name, "url": ctx.site_url},
    }
    if changed is not None:
        ld["dateModified"] = changed.isoformat()
    if block is not None:
        ld["description"] = description
        alternates = [t.text for t in block.terms if t.text != title]
        if alternates:
            ld["alternateName"] = alternates
    return ld


def concept_page(ctx: RenderContext, concept: Concept, comparisons: list[Comparison], faqs: list[Faq],
                 incoming: dict[tuple[str, str], list[str]], faq_urls: dict[str, str], tree: Hierarchy) -> RenderedPage:
    url = f"terms/{concept.id}/"
    targets = _relation_targets(ctx, concept, incoming)
    associated = [(label, ids) for name, label, ids in targets if name not in GENERIC]
    block = concept.locales.get(ctx.locale)
    title = ctx.label(concept)
    own = _OwnLanguage.of(ctx, concept, block, title) if block is not None else _OwnLanguage()
    page_url = ctx.site_url + url
    changed = ctx.changed_on(concept.id)
    ld = _linked_data(ctx, concept, block, title, page_url, changed, own.description)
    view = ConceptView(
        id=concept.id, code=ctx.locale, title=title, title_lang=ctx.label_lang(concept), untranslated=block is None,
        stale=block is not None and bool(ctx.stale(concept, ctx.locale)),
        category_href=relative(url, f"categories/{concept.category}/"),
        category_label=ctx.category_label(concept.category), terms=own.terms, definition_html=own.definition,
        examples_html=own.examples, notes_html=own.notes, languages=_languages(ctx, concept, url),
        relations=_relations(ctx, url, targets),
        comparisons=tuple(SimpleLink(relative(url, f"compare/{c.id}/"), c.locales[ctx.locale].title) for c in comparisons if ctx.locale in c.locales),
        faqs=tuple(SimpleLink(relative(url, faq_urls[f.id]) + f"#{f.id}", f.locales[ctx.locale].question) for f in faqs if f.id in faq_urls),
        sources=tuple(ctx.source(s) for s in concept.sources),
        cite=Citation(title, ctx.label_lang(concept), ctx.site_name, page_url, changed.isoformat() if changed else "",
                      ctx.date_label(changed) if changed else ""),
        jsonld=jsonld(ld),
        map=concept_map(ctx, concept, url, tree, associated, "relations-list"),
    )
    body = ctx.render("concept.html", c=view)
    return page(f"terms/{concept.id}.md", title, body, description=own.description, search_words=" ".join(own.search_words),
                lastmod=changed.isoformat() if changed else "")


def concept_pages(ctx: RenderContext, reuse: Callable[[Concept], RenderedPage | None] = lambda c: None) -> list[RenderedPage]:
    """Every concept's page in this locale; ``reuse`` may hand one over unrendered (the build cache's, build_cache.py)."""
    glossary = ctx.glossary
    # Each concept's comparisons and FAQs, gathered in one pass: scanning every entry per concept made rendering
    # quadratic (16 s of a 10,000-concept build).
    comps_of = by_concept(glossary.comparisons)
    faqs_of = by_concept(glossary.faqs)
    incoming = inbound(ctx)
    faq_urls = faq_locations(ctx)
    tree = Hierarchy.of(glossary.concepts, ctx.concepts)
    return [reuse(c) or concept_page(ctx, c, comps_of.get(c.id, []), faqs_of.get(c.id, []), incoming, faq_urls, tree)
            for c in glossary.concepts]
