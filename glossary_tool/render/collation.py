"""Alphabetical order and letter headings for the A–Ö index, per locale alphabet.

The alphabet is configuration (see ALPHABETS); letters outside it sort by their base letter.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

LATIN = "abcdefghijklmnopqrstuvwxyz"
ALPHABETS: dict[str, str] = {
    "en": LATIN,
    # Swedish: å, ä, ö are letters of their own after z; w has sorted as its own letter since SAOL 13.
    "sv": LATIN + "åäö",
    "fi": LATIN + "åäö",  # Finnish files å, ä, ö after z like Swedish (CLDR)
    "da": LATIN + "æøå",  # Danish and Norwegian: æ, ø, å after z
    "nb": LATIN + "æøå",
    "nn": LATIN + "æøå",
    "no": LATIN + "æøå",
}
# Letters a dictionary of the language files under another letter (others fall to their base letter: ä → a in German).
FOLDS: dict[str, dict[str, str]] = {
    "sv": {"æ": "ä", "ø": "ö", "ü": "y", "é": "e", "è": "e", "à": "a"},
    "fi": {"æ": "ä", "ø": "ö", "ü": "y"},
    "da": {"ä": "æ", "ö": "ø", "ü": "y"},
    "nb": {"ä": "æ", "ö": "ø", "ü": "y"},
    "nn": {"ä": "æ", "ö": "ø", "ü": "y"},
    "no": {"ä": "æ", "ö": "ø", "ü": "y"},
    "de": {"ß": "s"},
}


def _language(locale: str) -> str:
    """The language part of a tag: pt-BR and pt_BR sort as pt."""
    return locale.replace("_", "-").split("-")[0]


def _base(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def _letter(ch: str, locale: str) -> str:
    """Map one casefolded character to a letter of the locale's alphabet ('' when it has none)."""
    locale = _language(locale)
    alphabet = ALPHABETS.get(locale, LATIN)
    ch = FOLDS.get(locale, {}).get(ch, ch)
    if ch in alphabet:
        return ch
    base = _base(ch)
    return base if base in alphabet else ""


@lru_cache(maxsize=100_000)  # listings are sorted again after every edit under serve; terms rarely change
def sort_key(text: str, locale: str) -> tuple[tuple[int, ...], str]:
    """Case-insensitive key following the locale's alphabet; ties broken by the original text."""
    alphabet = ALPHABETS.get(_language(locale), LATIN)
    ranks: list[int] = []
    for ch in unicodedata.normalize("NFC", text).casefold():
        letter = _letter(ch, locale)
        if letter:
            ranks.append(100 + alphabet.index(letter))
        elif ch.isdigit():
            ranks.append(10 + int(ch) if ch.isascii() else 10)
        elif ch.isalpha():
            ranks.append(1000 + ord(ch))
        # spaces, hyphens and punctuation are ignored, as in printed indexes
    return tuple(ranks), text


def heading(text: str, locale: str) -> str:
    """The letter heading a term is filed under: 'A'…'Z', 'Å', 'Ä', 'Ö' for Swedish, '#' otherwise."""
    for ch in unicodedata.normalize("NFC", text).casefold():
        letter = _letter(ch, locale)
        if letter:
            return letter.upper()
        if ch.isalnum():
            return "#"
    return "#"


def headings(locale: str) -> list[str]:
    """Every letter heading of the locale, in order (for the jump bar)."""
    return [ch.upper() for ch in ALPHABETS.get(_language(locale), LATIN)]
