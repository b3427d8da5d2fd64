"""Extra search words for a page: synonyms plus inflected forms of its words.

Material's search adds a trailing wildcard to every query word and lunr skips stemming for wildcard
terms, so the index is built without a stemmer and each page carries the inflected forms that share
a stem with its own words (computed here with the Snowball stemmers). Whole words and inflected
forms then both match.
"""

from __future__ import annotations

import bisect
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
    # A form that is the start of a word already on the page matches that word's prefix anyway.
    extra -= words
    # Words starting with f sort right after f: one bisection per form instead of a scan of every word.
    ordered = sorted(words)
    out = []
    for f in sorted(extra):
        i = bisect.bisect_left(ordered, f)
        if i == len(ordered) or not ordered[i].startswith(f):
            out.append(f)
    return out
