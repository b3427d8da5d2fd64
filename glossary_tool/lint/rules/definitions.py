"""Rules about definitions: they do not open with or repeat the term they define, they are one short sentence, and
they state what always holds (no hedges)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from glossary_tool.core.model import Concept, ConceptLocale, Entry
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.core.terms import Language, Pattern, Words, language_of, word_problem
from glossary_tool.core.translation import is_placeholder
from glossary_tool.lint.rules.registry import Context, rule

# A sentence ends at . ! ? or … (closing quotes and brackets may follow) before the capital or digit that opens the next.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]*\w)")
_LOOSE_WORD = re.compile(r"\S*[^\W_]\S*")


def _concept_blocks(entry: Entry) -> Iterator[tuple[Concept, str, ConceptLocale]]:
    """The entry's written definitions: a ``TODO`` placeholder is ``placeholder-text``'s finding, and the concept's id
    in it ("TODO: nl definition of c1") is no use of its own term."""
    if isinstance(entry.model, Concept):
        for code, block in entry.model.locales.items():
            if not is_placeholder(block.definition):
                yield entry.model, code, block


def _patterns(language: Language, block: ConceptLocale) -> list[Pattern]:
    """The concept's terms in one language, longest first (so "thigh bone fracture" wins over "thigh bone")."""
    patterns = [p for p in (language.pattern(t.text) for t in block.terms) if p is not None]
    return sorted(patterns, key=lambda p: -len(p))


def _opening(language: Language, words: Words) -> int:
    """Index of the first word after any leading articles."""
    i = 0
    while i < len(words) - 1 and words.folded[i] in language.articles:
        i += 1
    return i


@rule("definition-starts-with-term", scope="entry", severity=Severity.WARNING, own_file=True)
def definition_starts_with_term(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A definition opens with its genus, not with the term it defines.

    A definition replaces the term in a sentence, so it does not restate it. Any of the concept's terms in that
    language counts, in any inflected form and (in Swedish, German and other compounding languages) as the start
    of a compound; a leading article is skipped. Passes: thigh bone, "Long bone between the hip and the knee".
    Fails: "A thigh bone is a long bone …", "Thigh bones carry …"; MRI, "MRI is …".
    """
    languages = ctx.languages
    for model, code, block in _concept_blocks(entry):
        language = languages[code]
        patterns = _patterns(language, block)
        text = block.definition
        words = language.words(text)
        i = _opening(language, words)
        for pattern in patterns:
            if language.match_at(pattern, words, i):
                yield word_problem(
                    entry.doc,
                    ("locales", code, "definition"),
                    text,
                    i,
                    f"the '{code}' definition of '{model.id}' opens with its own term '{pattern.text}'; "
                    "start with the genus (the broader kind of thing) and say what sets this one apart",
                )
                break


@rule("circular-definition", scope="entry", severity=Severity.WARNING, own_file=True)
def circular_definition(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A definition does not use the term it defines, in any inflected form.

    Every term of the concept in that language is looked for, stemmed with the language's Snowball stemmer
    (``thigh bones`` for ``thigh bone``, ``lårbenen`` for ``lårben``), and in compounding languages also as the
    start of a compound (``lårbensbrott`` for ``lårben``). A term at the very start is left to
    ``definition-starts-with-term``. Passes: blood pressure, "Force that circulating blood exerts on the walls of the
    arteries". Fails: "Pressure of the blood measured …"; a definition that names the concept by one of its own synonyms.
    """
    languages = ctx.languages
    for model, code, block in _concept_blocks(entry):
        language = languages[code]
        text = block.definition
        words = language.words(text)
        folded, stems = set(words.folded), set(words.stems)
        patterns = [p for p in _patterns(language, block) if p.may_occur(words, folded, stems)]
        if not patterns:
            continue  # the common case, decided with two set look-ups per term
        opening = _opening(language, words)
        for i, n, pattern in _uses(language, words, patterns):
            if i == opening:
                continue  # a term at the opening is the other rule's finding
            used = " ".join(text[words.starts[i] : words.ends[i + n - 1]].split())  # one line, as every message is
            yield word_problem(
                entry.doc,
                ("locales", code, "definition"),
                text,
                i,
                f"the '{code}' definition of '{model.id}' uses its own term '{pattern.text}' (as '{used}'); define the concept with other words",
            )


def _uses(language: Language, words: Words, patterns: list[Pattern]) -> Iterator[tuple[int, int, Pattern]]:
    """Where the terms occur in ``words``, left to right and not overlapping: (first word, words matched, term)."""
    after = 0  # words before this index belong to a term already found
    for i in _openers(words, patterns):
        if i < after:
            continue
        found = next(((p, n) for p in patterns if (n := language.match_at(p, words, i))), None)
        if found is not None:
            pattern, n = found
            after = i + n
            yield i, n, pattern


def _openers(words: Words, patterns: list[Pattern]) -> list[int]:
    """The indexes of the words that may open one of the terms (by their folded form, stem or prefix)."""
    forms = {f for p in patterns for f in p.first_forms()}
    openings = tuple(o for p in patterns for o in p.openings())
    return [
        i
        for i, (fold, stem) in enumerate(zip(words.folded, words.stems, strict=True))
        if fold in forms or stem in forms or (openings and fold.startswith(openings))
    ]


def _sentence_starts(text: str) -> list[int]:
    """Offsets where a second, third … sentence begins (abbreviations such as "e.g." and "t.ex." do not end one)."""
    starts = []
    for m in _SENTENCE_END.finditer(text):
        before = text[: m.start() + 1].rsplit(None, 1)[-1]  # the word the full stop ends, with the stop
        core = before.rstrip(".!?…").lstrip("\"'“‘«([")
        if text[m.start()] == "." and ("." in core or len(core) == 1):
            continue
        nxt = text[m.end() :].lstrip("\"'“‘«([")[:1]  # the first letter of the next sentence, past any opening quote
        if nxt and (nxt.isupper() or nxt.isdigit()):
            starts.append(m.end())
    return starts


@rule("definition-length", scope="entry", severity=Severity.WARNING, own_file=True)
def definition_length(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A definition is one sentence of at most ``definition_max_words`` words (default 30).

    Explanations, classifications and remarks about the sources belong in ``notes``. A full stop after an
    abbreviation (``e.g.``, ``t.ex.``) or a single letter does not end a sentence. Passes: "Long bone between
    the hip and the knee" (one sentence). Fails: "Long bone between the hip and the knee. It is the longest bone."
    (reported at the second sentence); one sentence of 31 or more words (at the first word over).
    A warning.
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    limit = ctx.settings.definition_max_words
    for code, block in model.locales.items():
        text = block.definition
        if len(text.split()) <= limit and _SENTENCE_END.search(text) is None:
            continue  # the common case: split() counts at least as many words as the rule does
        words = list(_LOOSE_WORD.finditer(text))
        starts = _sentence_starts(text)
        if not starts and len(words) <= limit:
            continue
        sentences = len(starts) + 1
        what = f"{sentences} sentences and {len(words)} words" if sentences > 1 else f"{len(words)} words"
        at = starts[0] if starts else words[limit].start()
        index = len(re.findall(r"[^\W_]+", text[:at]))
        loc = ("locales", code, "definition")
        yield word_problem(
            entry.doc,
            loc,
            text,
            index,
            f"the '{code}' definition of '{model.id}' has {what}; make it one sentence of at most {limit} words "
            "(a genus and what sets the concept apart) and move the rest to notes",
        )


def _hedge_at(hedges: list[tuple[str, ...]], folded: list[str], i: int) -> tuple[str, ...] | None:
    """The longest hedge (as folded words) that starts at word ``i``."""
    return next((h for h in hedges if tuple(folded[i : i + len(h)]) == h), None)


@rule("definition-hedge", scope="entry", severity=Severity.WARNING, own_file=True)
def definition_hedge(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A definition states what always holds of the concept: no hedge such as "often", "usually" or "in practice".

    A hedged characteristic ("mostly non-core processes") does not delimit the concept, and a definition with one
    cannot replace its term; what is typical goes in a note (README, "Content style guide"). The hedges of each
    language are the option ``definition_hedges`` (English and Swedish are built in; a glossary adds its own
    languages). Hedges are matched as whole words, not by stem, so "the main process" is not "mainly".
    Passes: "Outsourcing of standardised, rules-based business processes". Fails: "Outsourcing of mostly non-core
    processes", "Tjänst som i praktiken …" (reported at the hedge).
    """
    if not isinstance(entry.model, Concept):
        return
    for code, block in entry.model.locales.items():
        hedges = _hedges(ctx, code)
        if hedges:
            yield from _hedges_in(entry, entry.model.id, code, block.definition, ctx.languages[code].words(block.definition), hedges)


def _hedges(ctx: Context, code: str) -> list[tuple[str, ...]]:
    """The language's hedges as folded words, longest first (each phrase's words are kept by ``ctx.languages``)."""
    language = ctx.languages[code]
    phrases = (tuple(language.words(p).folded) for p in ctx.settings.definition_hedges.get(language_of(code), ()))
    return sorted((p for p in phrases if p), key=len, reverse=True)


def _hedges_in(entry: Entry, concept_id: str, code: str, text: str, words: Words, hedges: list[tuple[str, ...]]) -> Iterator[Problem]:
    firsts = {h[0] for h in hedges}
    for i, fold in enumerate(words.folded):
        hedge = _hedge_at(hedges, words.folded, i) if fold in firsts else None
        if hedge is not None:
            used = " ".join(words.surfaces[i : i + len(hedge)])
            yield word_problem(
                entry.doc,
                ("locales", code, "definition"),
                text,
                i,
                f"the '{code}' definition of '{concept_id}' hedges with '{used}'; a definition states what always "
                'holds, so drop the hedged characteristic or move it to a note (README, "Content style guide")',
            )
