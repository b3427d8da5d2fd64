"""Where each word, phrase and fuzzy variant of a record is filed, and what a record's words are: the naming and
analysis that ``glossary-search.js`` computes the same way in the browser."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from glossary_tool.core import words
from glossary_tool.site.search_index.results import Field, Record

KEY_LENGTH = 2  # a shard holds the words whose first two letters are the same
# Phrases and fuzzy variants are looked up whole, so they are hashed into files of about this many bytes each.
BUCKET_BYTES = 2048
FUZZY_MIN = 4  # vocabulary words this long are reachable with one edit (a 5-letter query word may have an insertion)
# Fuzzy variants are made from a word's first letters only: a typo further on leaves them as they are, and the browser
# checks the whole word. Long compounds (fakturahantering, fakturagranskning …) then share their variants.
FUZZY_PREFIX = 7
# In languages that write compounds as one word, a query word this long (stemmed) also finds the terms it ends
# (Kolben: Erlenmeyerkolben) and begins; the terms' stems are filed by their last letters for that.
PART_MIN = 4
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


# ---- files: where a word, a phrase or a fuzzy variant is (glossary-search.js computes the same) ----


def shard_key(text: str) -> str:
    """File name of the shard for a word: its first letters as hex code points, safe in any URL. A character pair of
    a script without spaces is filed by its first character alone: the pairs one character begins are in one file,
    so that the first character typed finds them, as the first letters of a word do."""
    n = 1 if text and words.bigram_class(text[0]) else KEY_LENGTH
    return "-".join(f"{ord(c):x}" for c in text[:n])


@lru_cache(maxsize=200_000)
def word_file(word_stem: str) -> str:
    return f"w/{shard_key(word_stem)}.json"


@lru_cache(maxsize=200_000)
def deletes(word: str) -> frozenset[str]:
    """The word and every form with one letter removed: two words within one edit share one of these."""
    return frozenset({word} | {word[:i] + word[i + 1 :] for i in range(len(word))})


def _varint(value: int, out: list[str]) -> None:
    """A non-negative integer in base-64 digits of five bits, the last one marked by its sixth bit."""
    while value >= 32:
        out.append(_B64[value & 31])
        value >>= 5
    out.append(_B64[32 + value])


# ---- the index files ----


@dataclass
class Analysis:
    """A record's words: stem → best field, the phrases' stem sequences, and the words fuzzy search can reach."""

    best: dict[str, int] = field(default_factory=dict)
    phrases: dict[str, int] = field(default_factory=dict)  # stem sequence → 1 when it is a term of this locale, else 0
    vocabulary: dict[str, str] = field(default_factory=dict)  # surface word → stem, from titles, terms and headings
    ends: set[str] = field(default_factory=set)  # stems of title, term and heading words that may end in a part
    title_words: int = 0


def analysis_key(record: Record) -> str:
    """What a record's analysis follows from (its fields and phrases), as a SHA-256: records with the same key are
    analysed alike in one locale."""
    return hashlib.sha256(json.dumps([record.fields, record.phrases], ensure_ascii=False).encode("utf-8")).hexdigest()


def to_plain(a: Analysis) -> list[object]:
    """``a`` as JSON data (the build cache keeps it): ``from_plain`` reads it back."""
    return [a.best, a.phrases, a.vocabulary, sorted(a.ends), a.title_words]


def from_plain(data: object) -> Analysis:
    """The Analysis ``to_plain`` wrote; ValueError when ``data`` is not one."""
    if not (isinstance(data, list) and len(data) == 5):
        raise ValueError("not an analysis")
    best, phrases, vocabulary, ends, title_words = data
    if not (
        _str_map(best, int)
        and _str_map(phrases, int)
        and _str_map(vocabulary, str)
        and isinstance(ends, list)
        and all(isinstance(e, str) for e in ends)
        and isinstance(title_words, int)
    ):
        raise ValueError("not an analysis")
    return Analysis(best, phrases, vocabulary, set(ends), title_words)


def _str_map(value: object, kind: type) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, kind) for k, v in value.items())


def analyse(record: Record, locale: str) -> Analysis:
    """What record ``record`` contributes to the index of ``locale``: its fields' words and its phrases."""
    out = Analysis()
    compounds = words.compounding(locale)
    for field_of, text in record.fields:
        _analyse_field(out, int(field_of), text, locale, compounds)
    for text, own in record.phrases:
        found = words.tokens(text, locale)
        seq = " ".join(words.stems(found, locale))
        if seq:
            out.phrases[seq] = max(out.phrases.get(seq, 0), int(own))
    return out


def _analyse_field(out: Analysis, where: int, text: str, locale: str, compounds: bool) -> None:
    """Add the words of one field (of kind ``where``) to ``out``."""
    found = words.tokens(text, locale)
    if where == Field.TITLE:
        out.title_words += len(found)
    for token, s in zip(found, words.stems(found, locale), strict=True):
        if out.best.get(s, 0) < where:
            out.best[s] = where
        if where >= Field.HEADING and not token.paired:
            _note_reachable(out, token.text, s, compounds and where != Field.OTHER_TERM)


def _note_reachable(out: Analysis, word: str, s: str, may_end: bool) -> None:
    """Note a title, term or heading word for fuzzy search and, where ``may_end``, as the end of a compound."""
    if len(word) >= FUZZY_MIN:
        out.vocabulary[word] = s
    if may_end and len(s) >= PART_MIN + 3:
        out.ends.add(s)


def end_file(word_stem: str) -> str:
    """The file of the stems that end as ``word_stem`` does: its last two letters."""
    return f"e/{shard_key(word_stem[-KEY_LENGTH:])}.json"


def buckets_for(size: int) -> int:
    """How many files ``size`` bytes of phrases (or of fuzzy variants) are spread over: a power of two."""
    n = 1
    while n * BUCKET_BYTES < size:
        n *= 2
    return n


def bucket(text: str, buckets: int) -> int:
    """The file a phrase or a fuzzy variant is in: the CRC-32 of its UTF-8 bytes (glossary-search.js does the same)."""
    return zlib.crc32(text.encode("utf-8")) % buckets


@lru_cache(maxsize=200_000)
def near_forms(word: str, word_stem: str) -> tuple[tuple[str, str], ...]:
    """(variant, entry) pairs that make a vocabulary word reachable with one edit: the deletions of its first
    FUZZY_PREFIX letters and of its stem's, each naming the word (and its stem, when that differs) for the browser to
    check against the whole query word."""
    out: set[tuple[str, str]] = set()
    for form in {word, word_stem} if len(word_stem) >= FUZZY_MIN else {word}:
        entry = word if form == word and word == word_stem else (f"{word}|{word_stem}" if form == word else word_stem)
        out.update((variant, entry) for variant in deletes(form[:FUZZY_PREFIX]))
    return tuple(sorted(out))


KEY_BYTES = 5  # what a key costs in a file besides its letters: quotes, colon, brackets, comma
PHRASE_DOC_BYTES = 8  # a record in a phrase's list: [doc,own],


def encode(docs: Mapping[int, int]) -> str:
    """A posting list: each record's number (as the gap from the previous one) with its field code, in varints."""
    digits: list[str] = []
    last = -1
    for doc in sorted(docs):
        _varint(((doc - last) << 5) | docs[doc], digits)
        last = doc
    return "".join(digits)


def dump(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
