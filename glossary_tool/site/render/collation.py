"""Alphabetical order and letter headings for any language, from CLDR through ICU's collator and AlphabeticIndex.

Without ICU (the ``icu`` module of PyICU) a plain fallback sorts by letters without accents and heads by first letter.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

try:  # pyicu-wheels or PyICU; both install the module `icu`
    import icu
except ImportError:  # pragma: no cover - the fallback is tested by switching ICU off (see `Collation`)
    icu = None

OTHER = "#"  # the heading of whatever files under no letter (digits, symbols, letters of no listed script)
# ICU's label types: a normal letter, or the underflow, inflow and overflow buckets (shown as "…"), filed under OTHER.
_NORMAL = 0
# Scripts whose terms a reading files: the reading is kana or pinyin, the term is in Han characters (or mixed).
READING_LANGUAGES = ("ja", "zh", "ko")


def available() -> bool:
    """Whether ICU is installed (the order and headings are CLDR's) or the fallback is used."""
    return icu is not None


def _language(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def icu_tag(tag: str, han_order: str = "cldr") -> str:
    """The BCP 47 tag ICU is asked for: Chinese gets the collation named by the glossary option ``han_order``
    (``zh-Hans-u-co-stroke``); ``cldr`` leaves the tag's own default (pinyin for zh-Hans, stroke for zh-Hant)."""
    if _language(tag) != "zh" or han_order == "cldr":
        return tag
    return f"{tag}-u-co-{han_order}"


SortKey = tuple[bytes, str]  # the collation key, then the text itself so that equal keys keep a stable order


class Collation:
    """One language's order and headings; ``use_icu=False`` gives the fallback (for tests and machines without ICU)."""

    def __init__(self, tag: str, han_order: str = "cldr", *, use_icu: bool = True) -> None:
        self.tag = tag
        self.language = _language(tag)
        # Chinese by stroke files by the characters themselves; every other order files a term by its reading.
        self.uses_reading = self.language in READING_LANGUAGES and not (self.language == "zh" and han_order == "stroke")
        self._collator: Any = None
        self._index: Any = None
        self._labels: list[tuple[str, int]] = []
        self._own: frozenset[str] = frozenset()
        self._pinyin: Any = None
        self._pinyin_of: dict[str, str] = {}  # character → its pinyin: a glossary has a few thousand distinct characters
        if use_icu and icu is not None:
            self._use_icu(tag, han_order)

    def _use_icu(self, tag: str, han_order: str) -> None:
        """Take the order, the index labels and (for Chinese by pinyin) the transliterator from ICU."""
        locale = icu.Locale.forLanguageTag(icu_tag(tag, han_order))
        self._collator = icu.Collator.createInstance(locale)
        index = icu.AlphabeticIndex(locale)
        if self.language != "en":
            # Latin terms (names, abbreviations) in a glossary of another script get A–Z rather than "…".
            index.addLabels(icu.Locale.getEnglish())
        self._labels = [(str(label), int(kind)) for label, kind in index]
        self._own = frozenset(str(label) for label, kind in icu.AlphabeticIndex(locale) if kind == _NORMAL)
        self._index = index.buildImmutableIndex()  # immutable: safe to share between threads
        if self.language == "zh" and any(label[-1:] in "劃画" for label in self._own):
            self.uses_reading = False  # CLDR's stroke order (zh-Hant's default) files by the characters themselves
        if self.language == "zh" and self.uses_reading:
            # Chinese by pinyin: every term files by its pinyin, the recorded reading or else ICU's transliteration,
            # so that terms with and without a reading sort together (ICU's Chinese order puts Latin after Han).
            self._pinyin = icu.Transliterator.createInstance("Han-Latin")

    @property
    def uses_icu(self) -> bool:
        return self._collator is not None

    def _filed(self, text: str, reading: str) -> str:
        if self._pinyin is not None:
            pinyin = reading or "".join(self._pinyin_char(ch) for ch in text)
            return "".join(ch for ch in pinyin if ch.isalnum())  # syllables run together: "shāo bēi" as "shāobēi"
        return reading if reading and self.uses_reading else text

    def _pinyin_char(self, ch: str) -> str:
        """One character's pinyin, transliterated once (ICU's transliterator takes a quarter of a millisecond a call)."""
        found = self._pinyin_of.get(ch)
        if found is None:
            found = self._pinyin_of[ch] = str(self._pinyin.transliterate(ch))
        return found

    def sort_key(self, text: str, reading: str = "") -> SortKey:
        """The key a term sorts by: its reading first when the language files by reading, then the text."""
        filed = self._filed(text, reading)
        if self._collator is not None:
            key = bytes(self._collator.getSortKey(filed))
            if filed != text:
                key += b"\x00" + bytes(self._collator.getSortKey(text))
            return key, text
        return _plain(filed).encode("utf-32-be"), text

    def heading(self, text: str, reading: str = "") -> str:
        """The heading a term files under: a letter of the language's index (CLDR), or ``#``."""
        filed = self._filed(text, reading)
        if self._index is not None:
            label, kind = self._index.getBucket(self._index.getBucketIndex(filed))
            return str(label) if kind == _NORMAL else OTHER
        first = _plain(filed)[:1]
        return first.upper() if first.isalpha() else OTHER

    def headings(self, present: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """The letter bar: the language's own letters (every one, in CLDR's order), then any other heading present.

        The index's extra Latin letters show only when a term files under them; ``#`` comes last when present."""
        if self._index is None:
            letters = sorted((h for h in present if h != OTHER), key=lambda h: _plain(h).encode("utf-32-be"))
        else:
            letters = [label for label, kind in self._labels if kind == _NORMAL and (label in self._own or label in present)]
        return letters + ([OTHER] if OTHER in present else [])


def _plain(text: str) -> str:
    """The fallback's key: case folded, compatibility forms and accents removed, spaces and punctuation skipped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


@lru_cache(maxsize=64)
def collation(tag: str, han_order: str = "cldr") -> Collation:
    """The collation of a language tag, made once per process (ICU's collators take a few milliseconds to build)."""
    return Collation(tag, han_order)


@lru_cache(maxsize=100_000)  # listings are sorted again after every edit under serve; terms rarely change
def sort_key(text: str, tag: str, reading: str = "", han_order: str = "cldr") -> SortKey:
    """Shorthand for ``collation(tag, han_order).sort_key(text, reading)``."""
    return collation(tag, han_order).sort_key(text, reading)


def heading(text: str, tag: str, reading: str = "", han_order: str = "cldr") -> str:
    """Shorthand for ``collation(tag, han_order).heading(text, reading)``."""
    return collation(tag, han_order).heading(text, reading)
