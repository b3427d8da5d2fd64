"""Rules about deprecated forms: prose does not use them, and a form deprecated for one concept is not another's name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from glossary_tool.core.loader import Loc
from glossary_tool.core.model import Comparison, Concept, Entry, Faq, Term
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.core.terms import TermIndex, Words, marked_spans, word_problem
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.lint.rules.registry import Context, rule


@dataclass(frozen=True, slots=True)
class _Term:
    """A term of the glossary as the index knows it: whose it is, and what to write instead when it is deprecated."""

    concept: str
    text: str
    deprecated: bool
    instead: str | None


def prose(entry: Entry) -> Iterator[tuple[str, Loc, str]]:
    """Every text of an entry written in some language, as (locale code, key path, text); term texts and sources excluded."""
    model = entry.model
    if isinstance(model, Concept):
        yield from _concept_prose(model)
    elif isinstance(model, Faq):
        for code, faq in model.locales.items():
            yield code, ("locales", code, "question"), faq.question
            yield code, ("locales", code, "answer"), faq.answer
    elif isinstance(model, Comparison):
        yield from _comparison_prose(model)


def _concept_prose(model: Concept) -> Iterator[tuple[str, Loc, str]]:
    for code, block in model.locales.items():
        yield code, ("locales", code, "definition"), block.definition
        for i, term in enumerate(block.terms):
            if term.note is not None:
                yield code, ("locales", code, "terms", i, "note"), term.note
        for i, text in enumerate(block.examples):
            yield code, ("locales", code, "examples", i), text
        for i, text in enumerate(block.notes):
            yield code, ("locales", code, "notes", i), text


def _comparison_prose(model: Comparison) -> Iterator[tuple[str, Loc, str]]:
    for code, head in model.locales.items():
        yield code, ("locales", code, "title"), head.title
        if head.intro is not None:
            yield code, ("locales", code, "intro"), head.intro
    for i, dim in enumerate(model.dimensions):
        for code, label in dim.label.items():
            yield code, ("dimensions", i, "label", code), label
        for cid, values in dim.values.items():
            for code, text in values.items():
                yield code, ("dimensions", i, "values", cid, code), text


def _indexes(ctx: Context) -> dict[str, tuple[TermIndex[_Term], TermIndex[_Term]]]:
    """Per language that deprecates at least one form: an index of its deprecated terms, and one of all its terms."""
    by_code: dict[str, list[tuple[str, _Term]]] = {}
    for entry in ctx.concepts.values():
        model = entry.model
        assert isinstance(model, Concept)
        for code, block in model.locales.items():
            by_code.setdefault(code, []).extend(_terms(model.id, block.terms))
    deprecating = {code for code, terms in by_code.items() if any(t.deprecated for _, t in terms)}
    # Terms in use are indexed too: where one spans the deprecated form (a longer term that contains it, or the same
    # form admitted for another concept), nothing is reported.
    languages = ctx.languages
    return {
        code: (TermIndex(languages[code], [t for t in by_code[code] if t[1].deprecated]), TermIndex(languages[code], by_code[code]))
        for code in sorted(deprecating)
    }


def _terms(concept_id: str, terms: Sequence[Term]) -> Iterator[tuple[str, _Term]]:
    """A concept's terms in one language, each with what to write instead (its preferred term, else the first in use)."""
    usable = [t for t in terms if t.status not in NOT_IN_USE]
    preferred = next((t.text for t in usable if t.status == "preferred"), usable[0].text if usable else None)
    for term in terms:
        yield term.text, _Term(concept_id, term.text, term.status in NOT_IN_USE, preferred)


def _in_use_around(index: TermIndex[_Term], words: Words, i: int, length: int) -> bool:
    """Whether a term in use spans words ``i`` to ``i + length`` (a longer term that contains the deprecated form)."""
    for j in range(max(0, i - index.longest + 1), i + 1):
        for n, _, term in index.at(words, j):
            if not term.deprecated and j + n >= i + length:
                return True
    return False


@rule("deprecated-term-used", scope="glossary", severity=Severity.WARNING)
def deprecated_term_used(ctx: Context) -> Iterator[Problem]:
    """No prose uses a term that is deprecated (or obsolete) in its language, in any inflected form or compound.

    Covers definitions, examples and notes of concepts, term notes, FAQ questions and answers, and comparison titles, intros,
    labels and cells. Words are compared by their Snowball stem; in compounding languages (Swedish, German, Danish,
    Norwegian, Finnish …) a deprecated form of at least six letters also counts at the start of a longer word. A
    mention inside ``mention_marks`` (default ``«»``), as in a note explaining why a form is deprecated, is not a use.
    With ``datamaskin`` deprecated in ``sv``: Passes: "dator", "«Datamaskin» är en äldre form …".
    Fails: "datamaskinen", "datamaskinsprogram"; the message names the concept's preferred term.
    """
    indexes = _indexes(ctx)
    if not indexes:
        return
    marks = ctx.settings.mention_marks
    for entry in ctx.entries:
        for code, loc, text in prose(entry):
            if code in indexes:
                yield from _uses(entry, code, loc, text, *indexes[code], marks)


def _uses(entry: Entry, code: str, loc: Loc, text: str, deprecated: TermIndex[_Term], index: TermIndex[_Term], marks: str) -> Iterator[Problem]:
    """Deprecated terms used in one text, outside a term in use that spans them and outside mention marks."""
    words = index.language.words(text)
    if not deprecated.may_occur(words):
        return  # the common case, decided with a few set operations instead of a look-up per word
    spans: list[tuple[int, int]] | None = None
    for match in deprecated.find(words):
        term = match.value
        if _in_use_around(index, words, match.index, match.length):
            continue
        spans = marked_spans(text, marks) if spans is None else spans
        if any(a < match.start and match.end <= b for a, b in spans):
            continue
        used = " ".join(text[match.start : match.end].split())  # one line, as every message is
        instead = f"write '{term.instead}' instead" if term.instead else "the concept records no term in use"
        yield word_problem(
            entry.doc,
            loc,
            text,
            match.index,
            f"'{used}' uses '{term.text}', deprecated in '{code}' for '{term.concept}'; {instead} (or mark a mention with {marks[0]}…{marks[1]})",
        )


@rule("deprecated-term-of-other-concept", scope="glossary")
def deprecated_term_of_other_concept(ctx: Context) -> Iterator[Problem]:
    """A form deprecated for a concept is not the preferred, admitted or proposed term of another concept.

    A deprecated term is a wrong or discouraged name *of this concept*. A word that names another concept is not one:
    recording it here makes ``deprecated-term-used`` reject it wherever it is right, and the site lists it among this
    concept's names. A warning against confusing the two belongs in a note (README, "Content style guide"). Forms
    are compared by their stems, so a deprecated ``juridiska processer`` meets an admitted ``juridisk process``. With ``kundtjänstmedarbetare``
    (agent) and ``handläggare`` (case officer, admitted) in ``sv``: Passes: ``handläggare`` only in case officer.
    Fails: ``handläggare`` also as a deprecated term of agent (reported at the deprecated term).
    """
    languages = ctx.languages
    in_use, deprecated = _by_use(ctx)
    indexes: dict[str, TermIndex[tuple[str, str, str]]] = {}
    for entry, code, i, text in deprecated:
        if code not in in_use:
            continue
        if code not in indexes:
            indexes[code] = TermIndex(languages[code], in_use[code])
        other = _other_concepts_term(indexes[code], text, entry.id)
        if other is not None:
            other_id, other_text, status = other
            yield entry.doc.problem(
                ("locales", code, "terms", i, "text"),
                f"'{text}' is deprecated in '{code}' for '{entry.id}' but is the {status} term '{other_text}' of '{other_id}'; "
                "a deprecated term is a wrong name of this concept, not another concept's name: remove it here "
                "and warn against the confusion in a note",
            )


def _by_use(ctx: Context) -> tuple[dict[str, list[tuple[str, tuple[str, str, str]]]], list[tuple[Entry, str, int, str]]]:
    """Terms in use per language, as (term, (concept, text, status)); and every deprecated term, as (entry, code, index, text)."""
    in_use: dict[str, list[tuple[str, tuple[str, str, str]]]] = {}
    deprecated: list[tuple[Entry, str, int, str]] = []
    for entry in ctx.concepts.values():
        model = entry.model
        assert isinstance(model, Concept)
        for code, block in model.locales.items():
            for i, term in enumerate(block.terms):
                if term.status in NOT_IN_USE:
                    deprecated.append((entry, code, i, term.text))
                else:
                    in_use.setdefault(code, []).append((term.text, (model.id, term.text, term.status)))
    return in_use, deprecated


def _other_concepts_term(index: TermIndex[tuple[str, str, str]], text: str, concept_id: str) -> tuple[str, str, str] | None:
    """The first term in use of another concept that is the whole of ``text`` (compared by stems), or None."""
    words = index.language.words(text)
    if not words:
        return None
    whole = sorted((order, value) for n, order, value in index.at(words, 0) if n == len(words) and value[0] != concept_id)
    return whole[0][1] if whole else None
