"""Terms compared and found: a term's key (how a reader tells two terms apart), and the term matcher, which finds
terms in prose with the word pipeline (``glossary_tool/core/words.py``): words normalized and stemmed with each
language's Snowball stemmer, text without spaces as character pairs, compounds matched at word starts.

The matcher serves the definition, deprecated-term and FAQ rules; it also maps a word of a value back to its line and
column. The key serves the rules, the importers and the scaffolds alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Generic, NamedTuple, TypeVar

from glossary_tool.core import words as pipeline
from glossary_tool.core.loader import Document, Loc, Pos, offset_to_pos
from glossary_tool.core.problems import Problem, Severity

# Articles a definition may open with before its first real word ("A thigh bone is …" opens with the term).
ARTICLES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "en": frozenset({"a", "an", "the"}),
        "sv": frozenset({"en", "ett", "den", "det", "de"}),
        "da": frozenset({"en", "et", "den", "det", "de"}),
        "nb": frozenset({"en", "ei", "et", "den", "det", "de"}),
        "nn": frozenset({"ein", "ei", "eit", "den", "det", "dei"}),
        "no": frozenset({"en", "ei", "et", "den", "det", "de"}),
        "de": frozenset({"der", "die", "das", "ein", "eine", "einer", "eines", "einem", "einen"}),
        "nl": frozenset({"de", "het", "een"}),
        "fr": frozenset({"le", "la", "les", "l", "un", "une", "des"}),
        "es": frozenset({"el", "la", "los", "las", "un", "una"}),
        "it": frozenset({"il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una"}),
        "pt": frozenset({"o", "a", "os", "as", "um", "uma"}),
    }
)
# Languages whose words take clitics in front (the article, prepositions, conjunctions), which Snowball removes.
CLITICS_FIRST = frozenset({"ar"})
# A term opens a compound only when the part that must match is at least this long, so that a short form
# ("ben") does not match inside an unrelated longer word ("bensin").
MIN_COMPOUND_PREFIX = 6
# In a compound, what follows the term is a word of its own (datamaskin|sprogram), not an ending (intern|et).
MIN_COMPOUND_REST = 3
# Separators that join the words of a term interchangeably (lår-ben, lår ben); others must match exactly (R&D).
LOOSE_GAPS = frozenset({" ", "-", "‐", "‑"})

_SPACE = re.compile(r"\s+")
language_of = pipeline.language_of


def term_key(text: str) -> str:
    """Compare terms (and ids) the way a reader would, whatever their language: compatibility forms, case and spacing
    do not count. Within one language, ``words.term_key`` also folds what that language's readers do not tell apart."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class Words:
    """The words of a text, as parallel lists: offsets, the words as written, case-folded, and their stems.

    Lists rather than one object per word: every definition of a glossary is split into words on every lint run.
    """

    __slots__ = ("ends", "folded", "starts", "stems", "surfaces", "text")

    def __init__(self, text: str, starts: list[int], ends: list[int], surfaces: list[str], folded: list[str], stems: list[str]) -> None:
        self.text, self.starts, self.ends, self.surfaces, self.folded, self.stems = text, starts, ends, surfaces, folded, stems

    def __len__(self) -> int:
        return len(self.starts)

    def gap(self, i: int) -> str:
        """The separator between word ``i - 1`` and word ``i``, runs of white space as one space ("" between the
        overlapping character pairs of text without spaces)."""
        return _gap(self.text[self.ends[i - 1] : self.starts[i]]) if self.starts[i] >= self.ends[i - 1] else ""


class TermWord(NamedTuple):
    """One word of a term and which words of a text count as forms of it."""

    surface: str
    folded: str
    stem: str
    # When the stemmer cuts more than an ending (läkare → läk, shared with the verb form läker), a word with
    # the same stem must also start with this root; None: the stem is enough.
    root: str | None
    acronym: bool  # MRI: matched case-sensitively, with at most a short lowercase ending (MRIs)

    def matches(self, words: Words, i: int) -> bool:
        if self.acronym:
            surface = words.surfaces[i]
            rest = surface[len(self.surface) :]
            return surface.startswith(self.surface) and (not rest or (len(rest) <= 3 and rest.islower()))
        folded = words.folded[i]
        if folded == self.folded:
            return True
        return words.stems[i] == self.stem and (self.root is None or folded.startswith(self.root))


@dataclass(slots=True)  # not frozen: a frozen dataclass is several times slower to make, and every term makes one
class Pattern:
    """A term as the matcher sees it: its words, the separators between them, and how it may open a compound."""

    text: str
    words: tuple[TermWord, ...]
    gaps: tuple[str, ...]
    prefixes: tuple[str, ...]  # forms that the last word may take when it opens a compound; empty: none

    def __len__(self) -> int:
        return len(self.words)

    def first_forms(self) -> tuple[str, ...]:
        """Folded forms and stems a text word may have to open this term (acronyms and compounds aside)."""
        first = self.words[0]
        return (first.folded,) if first.acronym else (first.folded, first.stem)

    def openings(self) -> tuple[str, ...]:
        """Prefixes of a text word that may open this term: an acronym with an ending, a one-word term in a compound."""
        first = self.words[0]
        if first.acronym:
            return (first.folded,)
        return self.prefixes if len(self.words) == 1 else ()

    def may_occur(self, words: Words, folded: set[str], stems: set[str]) -> bool:
        """A quick test that is false only when the term cannot occur in ``words`` (``folded`` and ``stems``: its sets)."""
        forms = self.first_forms()
        if any(f in folded or f in stems for f in forms):
            return True
        openings = self.openings()
        return bool(openings) and any(w.startswith(openings) for w in words.folded)


def _gap(text: str) -> str:
    return _SPACE.sub(" ", text)


def _gap_matches(expected: str, found: str) -> bool:
    return found == expected or (expected in LOOSE_GAPS and found in LOOSE_GAPS)


def _drop_final_vowel(folded: str) -> str:
    # The form that opens a compound or takes an ending often drops a final vowel: handläggare → handläggarna.
    return folded[:-1] if folded[-1:] in ("a", "e") and len(folded) > 1 else folded


class Language:
    """Tokenizing, stemming and term matching for one locale."""

    def __init__(self, code: str) -> None:
        self._patterns: dict[str, Pattern | None] = {}
        self._words: dict[str, Words] = {}
        lang = language_of(code)
        self._stems = pipeline.stemmer(code) is not None
        self.code = code
        self.compounding = pipeline.compounding(code)
        self.clitics_first = lang in CLITICS_FIRST
        self.articles = ARTICLES.get(lang, frozenset())

    @property
    def stems(self) -> bool:
        """Whether a Snowball stemmer exists for this language (otherwise words match exactly)."""
        return self._stems

    def words(self, text: str) -> Words:
        """The words of ``text``, each with its stem (kept: the rules about definitions read each one twice)."""
        words = self._words.get(text)
        if words is None:
            words = self._words[text] = self._split(text)
        return words

    def _split(self, text: str) -> Words:
        starts, ends, folded, stems = pipeline.columns(text, self.code)
        return Words(text, starts, ends, [text[a:b] for a, b in zip(starts, ends, strict=True)], folded, stems)

    def pattern(self, term: str) -> Pattern | None:
        """How ``term`` is matched; None when it has no letters or digits."""
        if term not in self._patterns:
            self._patterns[term] = self._pattern(term)
        return self._patterns[term]

    def _pattern(self, term: str) -> Pattern | None:
        words = self._split(term)
        if not words:
            return None
        gaps = tuple(words.gap(i) for i in range(1, len(words)))
        term_words = tuple(self._term_word(*word) for word in zip(words.surfaces, words.folded, words.stems, strict=True))
        return Pattern(term, term_words, gaps, self._compound_prefixes(term_words[-1]))

    def _term_word(self, surface: str, folded: str, stem: str) -> TermWord:
        """One word of a term, with the root its inflected forms begin with (None: match by stem alone)."""
        cut = len(folded) - len(stem)
        # In Arabic the stemmer takes clitics from the front (الكأس → كاس): a form need not begin with the root.
        root = None if (cut <= 2 and len(stem) >= 4) or self.clitics_first else (_drop_final_vowel(folded) if cut > 2 else folded)
        acronym = len(surface) >= 2 and surface.isupper() and surface.isalpha()
        return TermWord(surface, folded, stem, root, acronym)

    def _compound_prefixes(self, last: TermWord) -> tuple[str, ...]:
        """The forms a longer compound may begin with when the term's last word opens it (none without compounding)."""
        if not self.compounding or last.acronym:
            return ()
        forms = {last.folded, _drop_final_vowel(last.folded)}
        if last.root is None:  # the stem is the word without its ending: aktiviteter → aktivitet
            forms.add(last.stem)
        return tuple(sorted(f for f in forms if len(f) >= MIN_COMPOUND_PREFIX))

    def match_at(self, pattern: Pattern, words: Words, i: int) -> int:
        """How many words from index ``i`` form ``pattern``: its length, or 0."""
        n = len(pattern.words)
        if i + n > len(words):
            return 0
        for j, term_word in enumerate(pattern.words):
            if j and not _gap_matches(pattern.gaps[j - 1], words.gap(i + j)):
                return 0
            if term_word.matches(words, i + j):
                continue
            # A compound: the term's last word opens a longer word, and what follows is more than an ending.
            folded = words.folded[i + j]
            if j == n - 1 and any(len(folded) >= len(p) + MIN_COMPOUND_REST and folded.startswith(p) for p in pattern.prefixes):
                continue
            return 0
        return n


class Languages:
    """One ``Language`` per locale code, made on first use, so that rules share its stemmed words and term patterns.

    What it holds depends on each text alone: a caller that lints again after an edit (serve) may keep it."""

    def __init__(self) -> None:
        self._by_code: dict[str, Language] = {}

    def __getitem__(self, code: str) -> Language:
        language = self._by_code.get(code)
        if language is None:
            language = self._by_code[code] = Language(code)
        return language


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A term found in a text: the index of its first word, how many words, and what the term stands for."""

    index: int
    length: int
    start: int
    end: int
    value: T


class TermIndex(Generic[T]):
    """Many terms of one language, each with a value; finds the longest term starting at each word, left to right.

    Of two terms that match the same words, the one given first wins.
    """

    def __init__(self, language: Language, terms: Iterable[tuple[str, T]]) -> None:
        self.language = language
        self._by_key: dict[str, list[tuple[int, Pattern, T]]] = {}
        self._by_opening: dict[str, list[tuple[int, Pattern, T]]] = {}
        self._opening_lengths: set[int] = set()
        for order, (text, value) in enumerate(terms):
            pattern = language.pattern(text)
            if pattern is None:
                continue
            for key in set(pattern.first_forms()):
                self._by_key.setdefault(key, []).append((order, pattern, value))
            for opening in pattern.openings():
                self._by_opening.setdefault(opening, []).append((order, pattern, value))
                self._opening_lengths.add(len(opening))
        self._keys = frozenset(self._by_key)
        self._openings = tuple(self._by_opening)
        self.longest = max((len(p) for entries in self._by_key.values() for _, p, _ in entries), default=0)

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def may_occur(self, words: Words) -> bool:
        """A quick test, false only when no term of the index can occur in ``words``."""
        if not self._keys.isdisjoint(words.folded) or not self._keys.isdisjoint(words.stems):
            return True
        openings = self._openings
        return bool(openings) and any(w.startswith(openings) for w in words.folded)

    def _candidates(self, folded: str, stem: str) -> Iterator[tuple[int, Pattern, T]]:
        yield from self._by_key.get(folded, ())
        if stem != folded:
            yield from self._by_key.get(stem, ())
        for n in self._opening_lengths:
            if n < len(folded):
                yield from self._by_opening.get(folded[:n], ())

    def at(self, words: Words, i: int) -> Iterator[tuple[int, int, T]]:
        """Every term that starts at word ``i``: (words matched, order given, value)."""
        for order, pattern, value in self._candidates(words.folded[i], words.stems[i]):
            n = self.language.match_at(pattern, words, i)
            if n:
                yield n, order, value

    def find(self, words: Words) -> Iterator[Match[T]]:
        """Every term in a text: the longest at each word, and none overlapping another."""
        i = 0
        while i < len(words):
            best: tuple[int, int, T] | None = None  # words matched, order given, value
            for n, order, value in self.at(words, i):
                if best is None or n > best[0] or (n == best[0] and order < best[1]):
                    best = (n, order, value)
            if best is None:
                i += 1
                continue
            n, _, value = best
            yield Match(i, n, words.starts[i], words.ends[i + n - 1], value)
            i += n


def marked_spans(text: str, marks: str) -> list[tuple[int, int]]:
    """Character spans enclosed by a pair of ``marks`` (``«»``: opening, closing); an unclosed mark encloses nothing."""
    spans: list[tuple[int, int]] = []
    for k in range(0, len(marks) - 1, 2):
        opening, closing = marks[k], marks[k + 1]
        at = text.find(opening)
        while at != -1:
            end = text.find(closing, at + 1)
            if end == -1:
                break
            spans.append((at, end + 1))
            at = text.find(opening, end + 1)
    return spans


def word_position(doc: Document, loc: Loc, value: str, index: int) -> Pos:
    """Line and column of word ``index`` of the value at ``loc``, or of the value when that cannot be told for sure.

    The words of a plain, quoted or folded scalar appear in the file in the same order as in its value, so the
    file is read word by word from where the value starts; any difference (an escape sequence, an indentation
    indicator) makes it fall back to the value's own position.
    """
    where = doc.pos(loc)
    if loc not in doc.values:
        return where
    line, column = where
    offset = 0
    for _ in range(line - 1):
        offset = doc.text.find("\n", offset) + 1
        if offset == 0:
            return where
    offset += column - 1
    expected = [value[t.start : t.end] for t in pipeline.tokens(value, "")]
    if index >= len(expected):
        return where
    # The file from the value on, as far as the value's words can reach (a folded scalar adds indentation).
    window = doc.text[offset : offset + 2 * len(value) + 200]
    for k, t in enumerate(pipeline.tokens(window, "")):
        if k >= len(expected) or window[t.start : t.end] != expected[k]:
            return where
        if k == index:
            return offset_to_pos(doc.text, offset + t.start)
    return where


def word_problem(doc: Document, loc: Loc, value: str, index: int, message: str) -> Problem:
    """A problem at word ``index`` of the value at ``loc`` (see ``word_position``)."""
    line, column = word_position(doc, loc, value, index)
    return Problem(doc.path, line, column, "", Severity.ERROR, message)
