"""What the search finds: one record per concept, comparison row, question and listing, with the text that makes it
match and what a result shows (``search_index`` files them)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum

from glossary_tool.core import foreign
from glossary_tool.core.config import Settings
from glossary_tool.core.layout import COMPARISON, CONCEPT
from glossary_tool.core.model import Comparison, Concept, ConceptLocale, Faq, Glossary
from glossary_tool.site.render import RenderedPage
from glossary_tool.site.render.context import first_sentence, preferred

SNIPPET = 160  # characters of text under a result's title; the style sheet clamps it to two lines
_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]")


class Field(IntEnum):
    """Where in a record a word stands; a match counts more the higher this is."""

    DETAIL = 1  # examples, notes, comparison cells, an introduction
    TEXT = 2  # a definition, an answer
    HEADING = 3  # a question, a comparison row's label
    OTHER_TERM = 4  # a term of the concept in another language
    TERM = 5  # another term of the concept in this language
    TITLE = 6  # the page's title: the preferred term


@dataclass(frozen=True, slots=True)
class Record:
    """One search result: a page, a comparison row or a question, with the text that makes it match."""

    url: str  # relative to the locale's root: "terms/ligament/", "faq/#faq-what-is-a-ligament"
    title: str
    text: str  # shown under the title
    fields: tuple[tuple[Field, str], ...]
    phrases: tuple[tuple[str, bool], ...] = ()  # terms that match as a whole query: (text, of this locale)
    kind: str = ""  # what the result is, shown on it: one of KINDS, or "" for a listing found by its title
    deprecated: tuple[str, ...] = ()  # this locale's deprecated terms: a query equal to one gets a notice


# The kinds of result a reader is told apart; glossary-search.js labels each with its UI string (i18n.THEME_LABELS).
KINDS = ("concept", "question", "comparison")


def plain(markdown: str) -> str:
    """Contributor Markdown as plain words (link targets dropped)."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", foreign.plain(markdown)).split())


def concept_record(c: Concept, locale: str, settings: Settings, description: str) -> Record:
    """A concept page's result: its title and terms in ``locale`` (or the source language), its text, and every
    other language's terms."""
    block = c.locales.get(locale)
    source = c.locales.get(settings.source_locale)
    shown = block or source
    title = preferred(shown) if shown else c.id
    fields: list[tuple[Field, str]] = [(Field.TITLE, title)]
    phrases: list[tuple[str, bool]] = []
    if block is not None:
        _add_own_block(block, title, fields, phrases)
    # Each other language's term once: languages often share a term (a loanword, a name, an untranslated one), and its
    # analysis is the same however often it is listed (analysis.analyse keeps the best field and the phrase once).
    others = dict.fromkeys(t.text for code, other in c.locales.items() if code != locale for t in other.terms)
    fields += [(Field.OTHER_TERM, text) for text in others]
    phrases += [(text, False) for text in others]
    return Record(CONCEPT.url(c.id), title, description, tuple(fields), tuple(phrases), "concept", _deprecated(block))


def _add_own_block(block: ConceptLocale, title: str, fields: list[tuple[Field, str]], phrases: list[tuple[str, bool]]) -> None:
    """Add the searched locale's own block: its terms besides the title, definition, examples and notes."""
    fields.extend((Field.TERM, t.text) for t in block.terms if t.text != title)
    fields.append((Field.TEXT, plain(block.definition)))
    fields.extend((Field.DETAIL, plain(x)) for x in (*block.examples, *block.notes))
    phrases.extend((t.text, True) for t in block.terms)


def _deprecated(block: ConceptLocale | None) -> tuple[str, ...]:
    """The locale's deprecated terms, of which a query equal to one gets a notice."""
    return tuple(t.text for t in block.terms if t.status == "deprecated") if block is not None else ()


def comparison_records(cmp: Comparison, locale: str, labels: Mapping[str, str]) -> list[Record]:
    block = cmp.locales.get(locale)
    title = block.title if block else cmp.id
    intro = plain(block.intro) if block and block.intro else ""
    url = COMPARISON.url(cmp.id)
    out = [Record(url, title, first_sentence(intro, SNIPPET) if intro else "", ((Field.TITLE, title), (Field.DETAIL, intro)), ((title, True),), "comparison")]
    for d in cmp.dimensions:
        label = d.label.get(locale, d.id)
        cells = [(labels.get(cid, cid), plain(d.values.get(cid, {}).get(locale, ""))) for cid in cmp.concepts]
        text = " · ".join(f"{name}: {value}" for name, value in cells if value)
        out.append(
            Record(
                f"{url}#{d.id}",
                f"{title} › {label}",
                clip(text),
                ((Field.HEADING, label), (Field.DETAIL, title), *((Field.DETAIL, v) for _, v in cells)),
                kind="comparison",
            )
        )
    return out


def faq_record(f: Faq, locale: str) -> Record | None:
    block = f.locales.get(locale)
    if block is None:
        return None
    answer = plain(block.answer)
    return Record(
        f"faq/#{f.id}",
        block.question,
        first_sentence(answer, SNIPPET),
        ((Field.HEADING, block.question), (Field.TEXT, answer)),
        ((block.question, True),),
        "question",
    )


def display_data(r: Record) -> list[object]:
    """A result's display data as glossary-search.js reads it: url, title, text, kind, then any deprecated terms."""
    return [r.url, r.title, r.text, r.kind, *([list(r.deprecated)] if r.deprecated else [])]


def clip(text: str) -> str:
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1].rstrip() + "…"


def records(glossary: Glossary, settings: Settings, locale: str, pages: Iterable[RenderedPage]) -> list[Record]:
    """Every search result of one locale: concept pages, comparisons and their rows, questions, and listings by title."""
    pages = list(pages)
    descriptions = {p.url: p.description for p in pages}
    out = [concept_record(c, locale, settings, clip(descriptions.get(CONCEPT.url(c.id), ""))) for c in glossary.concepts]
    labels = {r.url.split("/")[1]: r.title for r in out}
    for cmp in glossary.comparisons:
        out.extend(comparison_records(cmp, locale, labels))
    out.extend(tail_records(glossary, locale, pages))
    return out


def tail_records(glossary: Glossary, locale: str, pages: Iterable[RenderedPage]) -> list[Record]:
    """The questions, then the listings (found by their title alone: the entries they list are other pages' terms)."""
    out = [r for f in sorted(glossary.faqs, key=lambda f: f.id) if (r := faq_record(f, locale)) is not None]
    out += [Record(p.url, p.title, "", ((Field.TITLE, p.title),)) for p in pages if p.in_nav and p.url and not p.url.startswith(COMPARISON.top + "/")]
    return out
