"""Build every page of one locale's site from the glossary: home, concepts, categories, A–Ö, comparisons, FAQ.

Pages are HTML fragments plus a title; templates are Jinja2 with autoescaping and gettext.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import jinja2
from babel.dates import format_date
from markupsafe import Markup

from glossary_tool.config import Settings
from glossary_tool.model import CATEGORIES, RELATIONS, Comparison, Concept, ConceptLocale, Faq, Glossary
from glossary_tool.render import collation
from glossary_tool.render.i18n import translations
from glossary_tool.render.text import LinkTarget, TermMatcher, link_terms, render_inline, render_markdown

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between builds, in Jinja's private per-user folder under the temp directory and
    checked against each template's source: compiling them was a tenth of a small build. None where that folder
    cannot be made safely (Jinja refuses one owned by someone else); templates are then compiled each time."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


BYTECODE_CACHE = _bytecode_cache()


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """One page of the site: where it goes, its title and its HTML body."""

    src: str  # path MkDocs sees, e.g. "terms/kpo.md"
    url: str  # e.g. "terms/kpo/"
    title: str
    html: str
    in_nav: bool = False
    description: str = ""
    search_words: str = ""  # indexed as a hidden search field, never shown


def url_of(src: str) -> str:
    """Directory URL of a generated source path (``terms/kpo.md`` → ``terms/kpo/``, ``index.md`` → ``""``)."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs, so the site works under any base path."""
    rel = posixpath.relpath("/" + to_url, "/" + from_url)
    return "./" if rel == "." else rel + "/"


def first_sentence(text: str, limit: int = 200) -> str:
    """Plain-text summary used for tooltips and meta descriptions."""
    plain = re.sub(r"[*_`\[\]]|\(https?://[^)]*\)", "", " ".join(text.split()))
    m = re.match(r"(.+?[.!?])(\s|$)", plain)
    out = m.group(1) if m else plain
    return out if len(out) <= limit else out[: limit - 1].rstrip() + "…"


def preferred(block: ConceptLocale) -> str:
    for term in block.terms:
        if term.status == "preferred":
            return term.text
    return block.terms[0].text


def jsonld(data: dict[str, Any]) -> Markup:
    """Structured data as a non-executable script; <, > and & are escaped so text cannot close the tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


@dataclass
class _Ctx:
    glossary: Glossary
    settings: Settings
    locale: str
    site_name: str
    site_url: str
    gettext: Callable[[str], str]
    env: jinja2.Environment
    stale: Callable[[Concept, str], list[str]]
    concepts: dict[str, Concept] = field(default_factory=dict)
    matcher: TermMatcher | None = None

    def label(self, concept: Concept) -> str:
        block = concept.locales.get(self.locale) or concept.locales.get(self.settings.source_locale)
        return preferred(block) if block else concept.id

    def summary(self, concept: Concept) -> str:
        block = concept.locales.get(self.locale)
        return first_sentence(block.definition) if block else self.gettext("Not yet translated")

    def link(self, concept_id: str, from_url: str) -> dict[str, str]:
        c = self.concepts[concept_id]
        return {"href": relative(from_url, f"terms/{c.id}/"), "label": self.label(c), "tooltip": self.summary(c)}


def _environment(locales_dir: Path, locale: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value is escaped unless it is Markup made by the sanitizer
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=BYTECODE_CACHE,
    )
    env.install_gettext_translations(translations(locales_dir, locale), newstyle=True)  # type: ignore[attr-defined]
    return env


TYPE_LABELS = {"fullForm": "full form", "abbreviation": "abbreviation", "acronym": "acronym", "shortForm": "short form", "variant": "variant", "phrase": "phrase"}
STATUS_LABELS = {"preferred": "preferred", "admitted": "admitted", "deprecated": "deprecated"}
POS_LABELS = {"noun": "noun", "verb": "verb", "adjective": "adjective", "adverb": "adverb", "properNoun": "proper noun", "other": "other"}
GENDER_LABELS = {"utrum": "common gender", "neutrum": "neuter", "masculine": "masculine", "feminine": "feminine", "neuter": "neuter", "other": "other"}
CATEGORY_LABELS = {"general": "General concepts", "model": "Delivery models", "location": "Delivery locations", "service": "Services", "notion": "Key notions", "challenge": "Challenges"}
RELATION_LABELS = {"broader": "Broader concepts", "narrower": "Narrower concepts", "related": "Related", "contrast": "Contrasted with", "service_of": "Offered under"}


def _mark_for_extraction() -> None:
    """Never called: lists the label msgids so that ``pybabel extract`` finds them."""
    _ = str
    _("full form"), _("abbreviation"), _("acronym"), _("short form"), _("variant"), _("phrase")
    _("preferred"), _("admitted"), _("deprecated")
    _("noun"), _("verb"), _("adjective"), _("adverb"), _("proper noun"), _("other")
    _("common gender"), _("neuter"), _("masculine"), _("feminine")
    _("General concepts"), _("Delivery models"), _("Delivery locations"), _("Services"), _("Key notions"), _("Challenges")
    _("Broader concepts"), _("Narrower concepts"), _("Related"), _("Contrasted with"), _("Offered under")
    _("Home"), _("Categories"), _("A–Z index"), _("Frequently asked questions"), _("plural")


def _concept_page(ctx: _Ctx, concept: Concept, services: list[str], comparisons: list[Comparison], faqs: list[Faq]) -> RenderedPage:
    g = ctx.gettext
    url = f"terms/{concept.id}/"
    block = concept.locales.get(ctx.locale)
    title = ctx.label(concept)
    data: dict[str, Any] = {"id": concept.id, "title": title, "untranslated": block is None, "stale": False}
    data["other_languages"] = [
        {"code": loc.code, "name": loc.name, "href": relative(url, "") + "../" * ctx.settings.locale(ctx.locale).prefix.count("/") + loc.prefix + url}
        for loc in ctx.settings.locales if loc.code != ctx.locale and loc.code in concept.locales
    ]
    data["category_href"] = relative(url, f"categories/{concept.category}/")
    data["category_label"] = g(CATEGORY_LABELS[concept.category])
    data["models"] = [ctx.link(m, url) for m in concept.relations.service_of if m in ctx.concepts]
    data["services"] = [ctx.link(s, url) for s in services]
    data["relations"] = [
        {"label": g(RELATION_LABELS[name]), "targets": [ctx.link(t, url) for t in getattr(concept.relations, name) if t in ctx.concepts]}
        for name in RELATIONS if name != "service_of" and getattr(concept.relations, name)
    ]
    data["comparisons"] = [{"href": relative(url, f"compare/{c.id}/"), "label": c.locales[ctx.locale].title if ctx.locale in c.locales else c.id} for c in comparisons]
    data["faqs"] = [{"href": relative(url, "faq/") + f"#{f.id}", "label": f.locales[ctx.locale].question} for f in faqs if ctx.locale in f.locales]
    data["sources"] = [
        {"title": s.title, "publisher": s.publisher, "url": s.url, "date": s.date,
         "date_label": format_date(_iso(s.date), format="long", locale=ctx.locale) if s.date else ""}
        for s in concept.sources
    ]
    search_words: list[str] = []
    description = ""
    if block is not None:
        data["stale"] = bool(ctx.stale(concept, ctx.locale))
        data["terms"] = [
            {"text": t.text, "status": t.status, "type_label": g(TYPE_LABELS[t.type]), "status_label": g(STATUS_LABELS[t.status]),
             "grammar": _grammar(ctx, t.grammar)}
            for t in block.terms
        ]
        # Links are made relative to a sibling term page, so "../<id>/" is the page itself.
        data["definition_html"] = Markup(link_terms(render_markdown(block.definition), ctx.matcher or TermMatcher([]), f"../{concept.id}/"))
        data["examples_html"] = [Markup(render_inline(e)) for e in block.examples]
        data["notes_html"] = [Markup(render_inline(n)) for n in block.notes]
        description = first_sentence(block.definition)
        # Hidden synonyms of the page's first index entry, the one a result shows with the short definition:
        # its other terms, which otherwise match only the terms table further down, and the other languages'
        # terms, so that "business process outsourcing" finds the Swedish page too. Inflections need no entry:
        # the search stems each query word (glossary-search-worker.js).
        search_words = [t.text for t in block.terms if t.text != title]
        search_words += [t.text for code, b in concept.locales.items() if code != ctx.locale for t in b.terms]
    page_url = ctx.site_url + url
    ld: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "DefinedTerm", "@id": page_url, "url": page_url,
        "name": title, "termCode": concept.id, "inLanguage": ctx.locale,
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": ctx.site_name, "url": ctx.site_url},
    }
    if block is not None:
        ld["description"] = description
        alternates = [t.text for t in block.terms if t.text != title]
        if alternates:
            ld["alternateName"] = alternates
    data["jsonld"] = jsonld(ld)
    html = ctx.env.get_template("concept.html").render(c=data)
    return RenderedPage(f"terms/{concept.id}.md", url, title, html, description=description, search_words=" ".join(search_words))


def _iso(value: str) -> Any:
    import datetime

    return datetime.date.fromisoformat(value)


def _grammar(ctx: _Ctx, grammar: Any) -> str:
    if grammar is None:
        return ""
    g = ctx.gettext
    parts = []
    if grammar.pos:
        parts.append(g(POS_LABELS[grammar.pos]))
    if grammar.gender:
        parts.append(g(GENDER_LABELS[grammar.gender]))
    if grammar.plural:
        parts.append(f"{g('plural')}: {grammar.plural}")
    return ", ".join(parts)


def _link_targets(ctx: _Ctx) -> TermMatcher:
    """Every non-deprecated term of every concept in this locale, linked from a term page (``../<id>/``)."""
    out = []
    for other in ctx.concepts.values():
        block = other.locales.get(ctx.locale)
        if block is None:
            continue
        tip = first_sentence(block.definition)
        out.extend(LinkTarget(t.text, f"../{other.id}/", tip) for t in block.terms if t.status != "deprecated")
    return TermMatcher(out)


def render_locale(glossary: Glossary, settings: Settings, locale: str, *, site_name: str, site_url: str,
                  locales_dir: Path, stale: Callable[[Concept, str], list[str]] | None = None) -> list[RenderedPage]:
    """Every page of the site in ``locale``; ``site_url`` is the locale's absolute base URL."""
    trans = translations(locales_dir, locale)
    env = _environment(locales_dir, locale)
    ctx = _Ctx(glossary, settings, locale, site_name, site_url, trans.gettext, env, stale or (lambda c, code: []))
    ctx.concepts = {c.id: c for c in glossary.concepts}
    ctx.matcher = _link_targets(ctx)
    g = ctx.gettext
    pages: list[RenderedPage] = []

    services: dict[str, list[str]] = {}
    for c in glossary.concepts:
        for model in c.relations.service_of:
            services.setdefault(model, []).append(c.id)
    sort = lambda ids: sorted(ids, key=lambda cid: collation.sort_key(ctx.label(ctx.concepts[cid]), locale))  # noqa: E731
    # Each concept's comparisons and FAQs, in glossary order, gathered in one pass: the Glossary properties scan
    # every entry, and calling them per concept made rendering quadratic (16 s of a 10,000-concept build).
    comps_of: dict[str, list[Comparison]] = _by_concept(glossary.comparisons)
    faqs_of: dict[str, list[Faq]] = _by_concept(glossary.faqs)
    for c in glossary.concepts:
        pages.append(_concept_page(ctx, c, sort(services.get(c.id, [])), comps_of.get(c.id, []), faqs_of.get(c.id, [])))

    # Categories, each split into pages of at most LISTING_PAGE_SIZE entries
    for cat in CATEGORIES:
        ids = sort([c.id for c in glossary.concepts if c.category == cat])
        if not ids:
            continue
        label = g(CATEGORY_LABELS[cat])
        chunks = _chunked(ids)
        urls = [_listing_url(f"categories/{cat}/", n) for n in range(len(chunks))]
        for n, chunk in enumerate(chunks):
            url = urls[n]
            items = [{**ctx.link(cid, url), "summary": ctx.summary(ctx.concepts[cid])} for cid in chunk]
            html = env.get_template("category.html").render(
                p={"title": label, "entries": items, "total": len(ids), "pager": _pager(urls, n)})
            pages.append(RenderedPage(_listing_src(f"categories/{cat}", n), url, _listing_title(label, n, len(chunks)), html, in_nav=n == 0))

    # A–Ö index: every term of every concept, filed under its letter, split into pages as above
    found = []
    for c in glossary.concepts:
        block = c.locales.get(locale)
        if block is None:
            continue
        title = ctx.label(c)
        for t in block.terms:
            found.append({"text": t.text, "id": c.id, "see": title if t.text != title else "",
                          "letter": collation.heading(t.text, locale)})
    found.sort(key=lambda e: collation.sort_key(e["text"], locale))
    chunks = _chunked(found)
    urls = [_listing_url("index-a-z/", n) for n in range(len(chunks))]
    starts: dict[str, int] = {}  # letter -> the page where its entries begin
    for n, chunk in enumerate(chunks):
        for e in chunk:
            starts.setdefault(e["letter"], n)
    title = g("A–Z index")
    for n, chunk in enumerate(chunks):
        url = urls[n]
        groups: list[dict[str, Any]] = []
        for e in chunk:
            if not groups or groups[-1]["letter"] != e["letter"]:
                groups.append({"letter": e["letter"], "anchor": _anchor(e["letter"]), "entries": []})
            groups[-1]["entries"].append({"text": e["text"], "href": relative(url, f"terms/{e['id']}/"), "see": e["see"]})
        letters = []
        for letter in collation.headings(locale):
            page = starts.get(letter)
            target = "" if page is None or page == n else relative(url, urls[page])
            letters.append({"text": letter, "present": page is not None, "href": f"{target}#letter-{_anchor(letter)}"})
        html = env.get_template("index_az.html").render(p={"title": title, "groups": groups, "letters": letters, "pager": _pager(urls, n)})
        pages.append(RenderedPage(_listing_src("index-a-z", n), url, _listing_title(title, n, len(chunks)), html, in_nav=n == 0))

    # Comparisons
    comparison_links = []
    for cmp in glossary.comparisons:
        url = f"compare/{cmp.id}/"
        block = cmp.locales.get(locale)
        title = block.title if block else cmp.id
        columns = [ctx.link(cid, url) for cid in cmp.concepts if cid in ctx.concepts]
        rows = [
            {"id": d.id, "label": d.label.get(locale, d.id),
             "cells": [Markup(render_inline(d.values.get(cid, {}).get(locale, ""))) for cid in cmp.concepts]}
            for d in cmp.dimensions
        ]
        intro = Markup(render_markdown(block.intro)) if block and block.intro else ""
        html = env.get_template("comparison.html").render(p={"title": title, "intro_html": intro, "columns": columns, "rows": rows, "sources": cmp.sources})
        pages.append(RenderedPage(f"compare/{cmp.id}.md", url, title, html, in_nav=True))
        comparison_links.append({"href": url, "label": title})

    # FAQ
    url = "faq/"
    items = []
    for f in sorted(glossary.faqs, key=lambda f: f.id):
        block = f.locales.get(locale)
        if block is None:
            continue
        items.append({"id": f.id, "question": block.question, "answer_html": Markup(render_markdown(block.answer)),
                      "concepts": [ctx.link(cid, url) for cid in f.concepts if cid in ctx.concepts]})
    title = g("Frequently asked questions")
    pages.append(RenderedPage("faq.md", url, title, env.get_template("faq.html").render(p={"title": title, "entries": items}), in_nav=True))

    # Home
    cats = [{"href": f"categories/{cat}/", "label": g(CATEGORY_LABELS[cat]), "count": sum(c.category == cat for c in glossary.concepts)}
            for cat in CATEGORIES if any(c.category == cat for c in glossary.concepts)]
    home = env.get_template("home.html").render(p={"title": site_name, "count": len(glossary.concepts), "categories": cats,
                                                    "index_href": "index-a-z/", "faq_href": "faq/", "comparisons": comparison_links})
    pages.insert(0, RenderedPage("index.md", "", site_name, home, in_nav=True))
    return pages


# Listings (the index, each category) are split into pages of this many entries, so that no page grows with
# the glossary: one page listing every term was the largest page of the site (1.6 MB at 10,000 concepts).
LISTING_PAGE_SIZE = 200
E = TypeVar("E", Comparison, Faq)


def _by_concept(entries: Iterable[E]) -> dict[str, list[E]]:
    """Entries (comparisons, FAQs) grouped by each concept they name, in glossary order, each once per concept."""
    out: dict[str, list[E]] = {}
    for entry in entries:
        for cid in dict.fromkeys(entry.concepts):
            out.setdefault(cid, []).append(entry)
    return out


def _chunked(items: list[Any]) -> list[list[Any]]:
    return [items[i:i + LISTING_PAGE_SIZE] for i in range(0, len(items), LISTING_PAGE_SIZE)] or [[]]


def _listing_url(base: str, n: int) -> str:
    """URL of page ``n`` (0-based) of a listing: the first page keeps the listing's own URL."""
    return base if n == 0 else f"{base}{n + 1}/"


def _listing_src(stem: str, n: int) -> str:
    return f"{stem}.md" if n == 0 else f"{stem}/{n + 1}.md"


def _listing_title(title: str, n: int, total: int) -> str:
    return title if total == 1 else f"{title} ({n + 1}/{total})"


def _pager(urls: list[str], n: int) -> dict[str, Any] | None:
    """Links to the previous and next page of a listing; None when it fits on one page."""
    if len(urls) == 1:
        return None
    return {"page": n + 1, "pages": len(urls),
            "prev": relative(urls[n], urls[n - 1]) if n > 0 else None,
            "next": relative(urls[n], urls[n + 1]) if n + 1 < len(urls) else None}


def _anchor(letter: str) -> str:
    return {"Å": "aa", "Ä": "ae", "Ö": "oe", "#": "other"}.get(letter, letter.lower())
