"""What an export carries: the chosen languages only, and no field that still holds a ``TODO`` placeholder.

Every exporter receives the glossary after this step, so no format can leak a placeholder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Comparison, ComparisonLocale, Concept, ConceptLocale, Dimension, Entry, Faq, FaqLocale, Glossary, Source, Term
from glossary_tool.core.problems import FatalError
from glossary_tool.core.translation import is_placeholder

# A required text that was a placeholder is left empty (""): the model never holds "" otherwise (every text has
# min_length=1), so exporters read "" as "absent" and write nothing for it.
ABSENT = ""


@dataclass(slots=True)
class _Count:
    omitted: int = 0

    def keep(self, value: str) -> bool:
        if is_placeholder(value):
            self.omitted += 1
            return False
        return True


def resolve_locales(settings: Settings, locales: Sequence[str] | None) -> tuple[str, ...]:
    """The languages to export, in the order given; every one must be configured, none twice."""
    if locales is None:
        return settings.locale_codes
    chosen = tuple(locales)
    if not chosen:
        raise FatalError("--locales is empty; name at least one configured locale, e.g. --locales en,sv")
    for code in chosen:
        if code not in settings.locale_codes:
            raise FatalError(f"--locales: '{code}' is not a configured locale ({', '.join(settings.locale_codes)})")
    if len(set(chosen)) != len(chosen):
        raise FatalError(f"--locales names a language twice: {','.join(chosen)}")
    return chosen


def _term(term: Term, count: _Count) -> Term | None:
    if not count.keep(term.text):
        return None
    grammar = term.grammar
    if grammar is not None and grammar.plural is not None and not count.keep(grammar.plural):
        grammar = grammar.model_copy(update={"plural": None})
        return term.model_copy(update={"grammar": grammar if grammar.pos or grammar.gender else None})
    return term


def _source(source: Source, count: _Count) -> Source | None:
    if not count.keep(source.title):
        return None
    if source.publisher is not None and not count.keep(source.publisher):
        return source.model_copy(update={"publisher": None})
    return source


def _sources(sources: tuple[Source, ...], count: _Count) -> tuple[Source, ...]:
    """The sources whose title is written, each without a placeholder publisher."""
    return tuple(s for s in (_source(s, count) for s in sources) if s is not None)


def _concept_block(block: ConceptLocale, count: _Count) -> ConceptLocale | None:
    terms = tuple(t for t in (_term(t, count) for t in block.terms) if t is not None)
    definition = block.definition if count.keep(block.definition) else ABSENT
    examples = tuple(x for x in block.examples if count.keep(x))
    notes = tuple(x for x in block.notes if count.keep(x))
    if not terms:  # a language with no written term has nothing to name the concept with
        return None
    if _same(terms, block.terms) and definition is block.definition and _same(examples, block.examples) and _same(notes, block.notes):
        return block  # nothing left out, as in most blocks: a copy would cost more than the rest of the selection
    return block.model_copy(update={"terms": terms, "definition": definition, "examples": examples, "notes": notes})


def _same(kept: Sequence[object], original: Sequence[object]) -> bool:
    """Whether ``kept`` holds every item of ``original``, the same objects in the same order."""
    return len(kept) == len(original) and all(a is b for a, b in zip(kept, original, strict=True))


def _concept_blocks(concept: Concept, locales: tuple[str, ...], count: _Count) -> dict[str, ConceptLocale]:
    """The chosen languages' blocks that keep a term, in the order of ``locales``."""
    blocks = {}
    for code in locales:  # the configured order, whatever order the entry's file lists its languages in
        block = _concept_block(concept.locales[code], count) if code in concept.locales else None
        if block is not None:
            blocks[code] = block
    return blocks


def select_concept(concept: Concept, locales: tuple[str, ...], count: _Count) -> Concept | None:
    blocks = _concept_blocks(concept, locales, count)
    if not blocks:
        return None
    sources = _sources(concept.sources, count)
    if list(blocks) == list(concept.locales) and all(blocks[c] is concept.locales[c] for c in blocks) and _same(sources, concept.sources):
        return concept  # every language, in the configured order, and nothing left out
    return concept.model_copy(update={"locales": blocks, "sources": sources})


def _faq_block(block: FaqLocale, count: _Count) -> FaqLocale | None:
    """A question and answer without placeholders; None when neither is written."""
    question = block.question if count.keep(block.question) else ABSENT
    answer = block.answer if count.keep(block.answer) else ABSENT
    if question or answer:
        return block.model_copy(update={"question": question, "answer": answer})
    return None


def _faq(faq: Faq, locales: tuple[str, ...], count: _Count) -> Faq | None:
    blocks: dict[str, FaqLocale] = {}
    for code in locales:
        block = faq.locales.get(code)
        kept = _faq_block(block, count) if block is not None else None
        if kept is not None:
            blocks[code] = kept
    return faq.model_copy(update={"locales": blocks, "sources": _sources(faq.sources, count)}) if blocks else None


def _comparison_block(block: ComparisonLocale, count: _Count) -> ComparisonLocale:
    """A comparison's title and intro without placeholders (an empty title, no intro)."""
    title = block.title if count.keep(block.title) else ABSENT
    intro = block.intro if block.intro is None or count.keep(block.intro) else None
    return block.model_copy(update={"title": title, "intro": intro})


def _cells(cells: dict[str, str], locales: tuple[str, ...], count: _Count) -> dict[str, str]:
    """One label's or value's texts in the chosen languages, placeholders left out."""
    return {code: text for code, text in cells.items() if code in locales and count.keep(text)}


def _dimension(dim: Dimension, locales: tuple[str, ...], count: _Count) -> Dimension:
    """A dimension's label and each concept's value in the chosen languages."""
    return dim.model_copy(
        update={
            "label": _cells(dim.label, locales, count),
            "values": {cid: _cells(cells, locales, count) for cid, cells in dim.values.items()},
        }
    )


def _comparison(comparison: Comparison, locales: tuple[str, ...], count: _Count) -> Comparison | None:
    blocks = {code: _comparison_block(comparison.locales[code], count) for code in locales if code in comparison.locales}
    if not blocks:
        return None
    dimensions = tuple(_dimension(dim, locales, count) for dim in comparison.dimensions)
    sources = _sources(comparison.sources, count)
    return comparison.model_copy(update={"locales": blocks, "dimensions": dimensions, "sources": sources})


def select(glossary: Glossary, locales: tuple[str, ...]) -> tuple[Glossary, int]:
    """``glossary`` limited to ``locales`` with every placeholder left out, and how many placeholders were left out.

    A language whose terms are all placeholders is left out of its concept, and a concept left with no language
    is left out of the export (references to it are dropped by each exporter, as for any concept not exported)."""
    count = _Count()
    entries = []
    for entry in glossary.entries:
        model = entry.model
        kept: Concept | Faq | Comparison | None
        if isinstance(model, Concept):
            kept = select_concept(model, locales, count)
        elif isinstance(model, Faq):
            kept = _faq(model, locales, count)
        else:
            kept = _comparison(model, locales, count)
        if kept is not None:
            entries.append(Entry(kept, entry.doc))
    return Glossary(tuple(entries), glossary.documents), count.omitted
