"""Extra search words for a page: synonyms plus inflected forms of its words.

The index has no stemmer (queries get a wildcard, which lunr does not stem); pages carry the forms instead.
"""

# Material's search adds a trailing wildcard to every query word and lunr skips stemming for wildcard terms,
# so the index is built without a stemmer and each page carries the inflected forms that share a stem with
# its own words (Snowball stemmers). Whole words and inflected forms then both match.

from __future__ import annotations

import functools
import re
from typing import Iterable

import snowballstemmer

STEMMERS: dict[str, str] = {"en": "english", "sv": "swedish"}
# Endings that, added to a stem or a word, give the common inflections of each language.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("", "e", "s", "es", "ed", "ing", "er", "ers", "ion", "ions"),
    "sv": ("", "a", "e", "n", "t", "en", "et", "ar", "er", "or", "na", "s", "ens", "ets", "arna", "erna", "orna",
           "ande", "ade", "at", "ad", "ning", "ningen", "ningar", "ingen", "ingar"),
}
WORD = re.compile(r"\w+", re.UNICODE)
MIN_LENGTH = 4


@functools.cache
def _stemmer(locale: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(STEMMERS.get(locale, "english"))


@functools.lru_cache(maxsize=200_000)
def _stem(locale: str, word: str) -> str:
    return _stemmer(locale).stemWord(word)


@functools.lru_cache(maxsize=200_000)
def _forms(locale: str, word: str) -> tuple[str, ...]:
    stem = _stem(locale, word)
    out = set()
    for base in {stem, word}:
        for suffix in SUFFIXES.get(locale, SUFFIXES["en"]):
            cand = base + suffix
            if cand != word and len(cand) >= MIN_LENGTH and _stem(locale, cand) == stem:
                out.add(cand)
    return tuple(sorted(out))


def inflections(texts: Iterable[str], locale: str) -> list[str]:
    """Inflected forms of the words in ``texts`` that the texts do not already contain, sorted."""
    words = {w for t in texts for w in WORD.findall(t.casefold()) if len(w) >= MIN_LENGTH and not w.isdigit()}
    extra: set[str] = set()
    for w in words:
        extra.update(_forms(locale, w))
    # Every query word gets a trailing wildcard, so a token is only needed when no longer token starts with it:
    # a form that starts another form, or a word already on the page, is matched through that one anyway.
    # In sorted order a string's extensions follow it directly, so one look at the next string decides.
    extra -= words
    ordered = sorted(extra | words)
    return [f for i, f in enumerate(ordered)
            if f in extra and not (i + 1 < len(ordered) and ordered[i + 1].startswith(f))]
