"""The glossary's terms per language in one automaton over their stemmed words, and every term found in a prose.

Words are split, normalized and stemmed by the word pipeline (``words.py``), and each candidate the automata find is
confirmed by the term matcher's ``match_at`` (``rules/matching.py``: inflections, compounds, acronyms, the separators
between words), so that ``check`` finds exactly what lint's ``deprecated-term-used`` finds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

import ahocorasick

from glossary_tool.check.shared import NOT_IN_USE, Language, Pattern, Words, marked_spans, pipeline

# Joins the words of a term and of a text into one string for the automaton; never part of a word.
SEP = "\x1f"
IGNORED = "ignore"  # the status of a phrase from the ``check_ignore`` list


@dataclass(frozen=True, slots=True)
class Term:
    """A term as ``check`` knows it: its concept, its status and the concept's preferred term in its language."""

    concept: str
    text: str
    status: str  # preferred, admitted, deprecated, proposed, obsolete, or IGNORED
    preferred: str | None  # what to write instead of a deprecated or admitted term

    @property
    def in_use(self) -> bool:
        return self.status not in NOT_IN_USE


@dataclass(frozen=True, slots=True)
class Found:
    """A term found in a prose: its first word, how many words, its characters in the prose, and which term."""

    index: int
    length: int
    start: int
    end: int
    order: int  # the term's place in the glossary: of two equally long terms at one word, the first wins
    term: Term

    def covers(self, other: Found) -> bool:
        return self.index <= other.index and self.index + self.length >= other.index + other.length


@dataclass(frozen=True, slots=True)
class _Entry:
    anchor: int  # which word of the term the key starts at
    order: int
    pattern: Pattern
    term: Term


class LanguageTerms:
    """Every term of one language (and the ignore phrases) in two Aho-Corasick automata.

    One reads the text's stems joined by ``SEP``: a term's stems in a row, a candidate wherever they occur. The other
    reads the text's normalized words for what a stem cannot show: an acronym with an ending (``KPOs``) and a term
    opening a compound (``kundvårdsfrågor``). Each candidate is then confirmed by the matcher.
    """

    def __init__(self, language: Language, terms: Iterable[Term], ignore: Sequence[str] = ()) -> None:
        self.language = language
        by_stems: dict[str, list[_Entry]] = {}
        by_folded: dict[str, list[_Entry]] = {}
        items = [*((t.text, t) for t in terms), *((p, Term("", p, IGNORED, None)) for p in ignore)]
        for order, (text, term) in enumerate(items):
            pattern = language.pattern(text)
            if pattern is None:
                continue
            acronym = next((j for j, w in enumerate(pattern.words) if w.acronym), None)
            if acronym is None:
                key = SEP + SEP.join(w.stem for w in pattern.words) + SEP
                by_stems.setdefault(key, []).append(_Entry(0, order, pattern, term))
            else:  # an acronym matches case-sensitively with a short ending: look for it by its normalized form
                by_folded.setdefault(SEP + pattern.words[acronym].folded, []).append(_Entry(acronym, order, pattern, term))
            last = len(pattern.words) - 1
            for prefix in pattern.prefixes:  # the term's last word opening a compound
                by_folded.setdefault(SEP + prefix, []).append(_Entry(last, order, pattern, term))
        self._stems = _automaton(by_stems)
        self._folded = _automaton(by_folded)

    def __bool__(self) -> bool:
        return self._stems is not None or self._folded is not None

    def find(self, text: str) -> tuple[Words, list[Found]] | None:
        """Every term in ``text`` (overlapping or not), confirmed by the matcher, with the text's words; None when
        there is none. The words are split and stemmed once; the matcher's lists are made only for a text with a
        candidate."""
        found = pipeline.tokens(text, self.language.code)
        if not found:
            return None
        folded = [t.text for t in found]
        stems = pipeline.stems(found, self.language.code)
        hits = self._hits(stems, folded)
        if not hits:
            return None
        starts = [t.start for t in found]
        ends = [t.end for t in found]
        words = Words(text, starts, ends, [text[a:b] for a, b in zip(starts, ends, strict=True)], folded, stems)
        out = self._confirmed(hits, words)
        return (words, out) if out else None

    def _confirmed(self, hits: list[tuple[int, _Entry]], words: Words) -> list[Found]:
        """The hits the matcher confirms, each start and term once, in text order (longest first at each word)."""
        out: list[Found] = []
        seen: set[tuple[int, int]] = set()
        for i, entry in hits:
            start = i - entry.anchor
            if start < 0 or (start, entry.order) in seen:
                continue
            seen.add((start, entry.order))
            n = self.language.match_at(entry.pattern, words, start)
            if n:
                out.append(Found(start, n, words.starts[start], words.ends[start + n - 1], entry.order, entry.term))
        out.sort(key=lambda f: (f.index, -f.length, f.order))
        return out

    def _hits(self, stems: list[str], folded: list[str]) -> list[tuple[int, _Entry]]:
        """(word index of the key's first word, entry) for every key found."""
        out: list[tuple[int, _Entry]] = []
        for automaton, seq in ((self._stems, stems), (self._folded, folded)):
            if automaton is None:
                continue
            stream = SEP + SEP.join(seq) + SEP
            hits = list(automaton.iter(stream))
            if not hits:
                continue
            # Word i starts after the separator at i + (letters of the words before it): found by bisection.
            before = [0, *accumulate(map(len, seq))]
            n = len(seq)
            for end, (size, entries) in hits:
                at = end - size + 1  # the key's leading separator
                i = bisect_left(range(n + 1), at, key=lambda k: k + before[k])
                if i < n and i + before[i] == at:
                    out.extend((i, e) for e in entries)
        return out


def _automaton(keys: Mapping[str, list[_Entry]]) -> ahocorasick.Automaton | None:
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, entries in keys.items():
        automaton.add_word(key, (len(key), tuple(entries)))
    automaton.make_automaton()
    return automaton


def leftmost_longest(found: Iterable[Found]) -> list[Found]:
    """The matches a reader sees, as the lint matcher picks them: the longest at each word, left to right, none
    overlapping another (of two as long, the term given first)."""
    out: list[Found] = []
    end = 0
    for f in sorted(found, key=lambda f: (f.index, -f.length, f.order)):
        if f.index >= end:
            out.append(f)
            end = f.index + f.length
    return out


def mentioned(prose_text: str, found: Found, marks: str) -> bool:
    """Whether a match stands inside mention marks (``«»`` by default) within its own block of the prose."""
    a = prose_text.rfind("\x00", 0, found.start) + 1
    b = prose_text.find("\x00", found.end)
    block = prose_text[a : b if b != -1 else len(prose_text)]
    return any(x < found.start - a and found.end - a <= y for x, y in marked_spans(block, marks))


TermRecord = tuple[str, str, str, str]  # concept id, locale code, term, status: what check needs of the glossary


class GlossaryTerms:
    """The glossary's terms for ``check``: per language, made on first use."""

    def __init__(self, records: Iterable[TermRecord], ignore: Sequence[str] = ()) -> None:
        by_concept: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for concept, code, text, status in records:
            by_concept.setdefault((concept, code), []).append((text, status))
        self._terms: dict[str, list[Term]] = {}
        self.concept_terms: dict[tuple[str, str], list[Term]] = {}  # (concept, locale) -> its terms there
        for (concept, code), items in by_concept.items():
            usable = [text for text, status in items if status not in NOT_IN_USE]
            preferred = next((text for text, status in items if status == "preferred"), usable[0] if usable else None)
            terms = [Term(concept, text, status, preferred) for text, status in items]
            self._terms.setdefault(code, []).extend(terms)
            self.concept_terms[(concept, code)] = terms
        self._ignore = tuple(ignore)
        self._languages: dict[str, LanguageTerms] = {}

    def __getitem__(self, code: str) -> LanguageTerms:
        found = self._languages.get(code)
        if found is None:
            found = self._languages[code] = LanguageTerms(Language(code), self._terms.get(code, ()), self._ignore)
        return found
