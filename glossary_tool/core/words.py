"""The word pipeline of every language, declared once: normalization, segmentation and Snowball stemming.

Lint (``rules/matching.py``, the duplicate-term check) and the search index use it; ``overrides/assets/javascripts/
words.js`` does the same steps in the browser, and ``tests/words/vectors.json`` holds what both must compute.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

import Stemmer

from glossary_tool.core import word_ranges as table

# Language subtag → Snowball algorithm (PyStemmer; words.js loads the same Snowball release's code in JavaScript).
# A language not listed is not stemmed.
SNOWBALL: Mapping[str, str] = MappingProxyType(
    {
        "ar": "arabic",
        "hy": "armenian",
        "eu": "basque",
        "ca": "catalan",
        "cs": "czech",
        "da": "danish",
        "nl": "dutch",
        "en": "english",
        "eo": "esperanto",
        "et": "estonian",
        "fi": "finnish",
        "fr": "french",
        "de": "german",
        "el": "greek",
        "hi": "hindi",
        "hu": "hungarian",
        "id": "indonesian",
        "ga": "irish",
        "it": "italian",
        "lt": "lithuanian",
        "ne": "nepali",
        "nb": "norwegian",
        "nn": "norwegian",
        "no": "norwegian",
        "fa": "persian",
        "pl": "polish",
        "pt": "portuguese",
        "ro": "romanian",
        "ru": "russian",
        "sr": "serbian",
        "st": "sesotho",
        "es": "spanish",
        "sv": "swedish",
        "ta": "tamil",
        "tr": "turkish",
        "yi": "yiddish",
    }
)
# Languages that write compounds as one word (Erlenmeyerkolben, datamaskinsprogram): a term's parts are found in them.
COMPOUNDING = frozenset({"sv", "da", "nb", "nn", "no", "de", "nl", "fi", "et", "is"})
# Letters that are letters of their own in a language, not a base letter with a diacritic: Swedish "här" is not
# "har", Finnish endings need ä and ö, Polish ł and Turkish ş are letters. Other diacritics are folded away (café = cafe).
OWN_LETTERS: Mapping[str, str] = MappingProxyType(
    {
        "sv": "åäö",
        "fi": "åäöšž",
        "da": "æøå",
        "nb": "æøå",
        "nn": "æøå",
        "no": "æøå",
        "is": "áðéíóúýþæö",
        "et": "äöõüšž",
        "tr": "çğıöşü",
        "az": "çğıöşüə",
        "hu": "áéíóöőúüű",
        "pl": "ąćęłńóśźż",
        "cs": "áčďéěíňóřšťúůýž",
        "sk": "áäčďéíĺľňóôŕšťúýž",
        "ro": "ăâîșțşţ",
        "es": "ñ",
        "lt": "ąčęėįšųūž",
        "lv": "āčēģīķļņšūž",
        "sl": "čšž",
        "hr": "čćđšž",
        "bs": "čćđšž",
        "sr": "čćđšž",
    }
)
# Scripts written without spaces between words (and Hangul, whose words carry their particles): a run of their
# characters is cut into overlapping pairs, as Lucene's CJK analyzer does ("玻璃容器" → 玻璃 璃容 容器).
# Characters of one class pair with each other; Han and kana are one class, as in Japanese text they alternate.
# The same table is in words.js.
BIGRAM_RANGES: tuple[tuple[int, int, int], ...] = (
    (0x2E80, 0x2FDF, 1),
    (0x3005, 0x3007, 1),
    (0x3021, 0x3029, 1),
    (0x3031, 0x3035, 1),
    (0x3038, 0x303C, 1),
    (0x3041, 0x309F, 1),
    (0x30A0, 0x30FF, 1),
    (0x31F0, 0x31FF, 1),
    (0x3400, 0x4DBF, 1),
    (0x4E00, 0x9FFF, 1),
    (0xF900, 0xFAFF, 1),
    (0x20000, 0x3FFFF, 1),
    (0x1100, 0x11FF, 2),
    (0x3130, 0x318F, 2),
    (0xA960, 0xA97F, 2),
    (0xAC00, 0xD7FF, 2),
    (0x0E00, 0x0E7F, 3),
    (0x0E80, 0x0EFF, 4),
    (0x1780, 0x17FF, 5),
    (0x19E0, 0x19FF, 5),
    (0x1000, 0x109F, 6),
    (0xA9E0, 0xA9FF, 6),
    (0xAA60, 0xAA7F, 6),
)
# Marks that are diacritics, dropped unless they make one of the language's own letters: Latin and Greek accents,
# Hebrew points, Arabic short vowels, shadda, and the hamza and madda over or under a letter (أ إ آ → ا).
_DIACRITICS = ((0x0300, 0x036F), (0x0591, 0x05C7), (0x064B, 0x065F), (0x0670, 0x0670))
_TATWEEL = "\u0640"  # Arabic stretching, no letter at all
_REPLACED = {_TATWEEL: "", "ß": "ss", "ς": "σ"}  # letters folded to others outright (ς is the Greek final sigma)


def language_of(code: str) -> str:
    """The language subtag of a locale code: ``pt-BR`` → ``pt``, ``zh-Hans`` → ``zh``."""
    return code.split("-", 1)[0].split("_", 1)[0].lower()


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


def bigram_class(ch: str) -> int:
    """0 for a character of a script written with spaces, else the class of characters it pairs with."""
    code = ord(ch)
    if code < 0x0E00:
        return 0
    for lo, hi, cls in BIGRAM_RANGES:
        if lo <= code <= hi:
            return cls
    return 0


class _FoldTable(dict[int, str]):
    """``str.translate``'s table for ``normalize``: each character is worked out the first time it is met."""

    def __init__(self, own: str, accents: bool = True) -> None:
        super().__init__()
        self.own = own
        self.accents = accents  # fold Latin and Greek accents too (search and matching); not for telling terms apart

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = self._kept_or_replaced(code, ch)
        if out is None:
            out = self._without_diacritics(ch)
        self[code] = out
        return out

    def _kept_or_replaced(self, code: int, ch: str) -> str | None:
        """What a letter kept as it is or replaced outright becomes; None for the others, whose accents may go."""
        if code < 0x80 or ch in self.own or 0x0400 <= code <= 0x052F:  # Cyrillic й, ё, ї, ў are letters of their own
            return ch
        if 0x3041 <= code <= 0x3096 or code in (0x309D, 0x309E):  # hiragana as katakana: びーかー = ビーカー
            return chr(code + 0x60)
        return _REPLACED.get(ch)

    def _without_diacritics(self, ch: str) -> str:
        """``ch`` without its combining marks, but Latin and Greek keep theirs when accents are not folded."""
        parts = unicodedata.normalize("NFD", ch)
        if not self.accents and _in(ord(parts[0]), ((0x0000, 0x03FF), (0x1E00, 0x1FFF))):
            return ch  # côte is not cote
        if any(_in(ord(c), _DIACRITICS) for c in parts):
            return "".join(c for c in parts if not _in(ord(c), _DIACRITICS))
        return ch


@lru_cache(maxsize=64)
def _fold_table(own: str, accents: bool = True) -> _FoldTable:
    return _FoldTable(own, accents)


def normalize(text: str, locale: str) -> str:
    """NFKC (full and half width as one), lower case, hiragana as katakana, diacritics folded except the language's
    own letters, Arabic tatweel and short vowels dropped."""
    text = unicodedata.normalize("NFKC", text).lower()
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text.translate(_fold_table(OWN_LETTERS.get(language_of(locale), ""))))


def term_key(text: str, locale: str) -> str:
    """Two terms of a language with the same key are the same term: width, case, kana, spacing, Arabic hamza, short
    vowels and tatweel do not count (كاس is كأس); Latin and Greek accents do (côte is not cote)."""
    text = unicodedata.normalize("NFKC", text).lower()
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.translate(_fold_table(OWN_LETTERS.get(language_of(locale), ""), False)))
    return " ".join(text.split())


def word_ranges() -> list[tuple[int, int]]:
    """The code point ranges of letters, marks and digits in this Python's Unicode database, listed afresh."""
    # One category per code point, major classes only (every second character): runs of L, M and N are the ranges.
    majors = "".join(map(unicodedata.category, map(chr, range(sys.maxunicode + 1))))[0::2]
    return [(m.start(), m.end() - 1) for m in re.finditer("[LMN]+", majors)]


def _word_chars(astral: bool = True) -> str:
    """A regular-expression class of letters, marks and digits (Python's \\w leaves out the marks of Thai or Hindi).

    Listing them takes a tenth of a second or more, paid by every command that splits words; the table kept in
    ``word_ranges.py`` for this Python's Unicode version is read instead (tests/words/test_word_ranges.py checks it)."""
    if unicodedata.unidata_version == table.UNIDATA_VERSION:
        ranges = [(int(lo, 16), int(hi or lo, 16)) for lo, _, hi in (r.partition("-") for r in table.RANGES.split())]
    else:
        ranges = word_ranges()
    if not astral:
        ranges = [(lo, min(hi, ord(LAST_BMP))) for lo, hi in ranges if lo <= ord(LAST_BMP)]
    return "".join(f"\\U{lo:08x}" + (f"-\\U{hi:08x}" if hi > lo else "") for lo, hi in ranges)


def ranges_text(ranges: list[tuple[int, int]]) -> str:
    """``word_ranges.RANGES`` as written for ``ranges``: hexadecimal ``lo-hi`` (or ``lo``), eight to a line."""
    items = [f"{lo:x}" + (f"-{hi:x}" if hi > lo else "") for lo, hi in ranges]
    return "\n".join(" ".join(items[k : k + 8]) for k in range(0, len(items), 8))


class Token(NamedTuple):
    """One word, or one pair of characters of a script without spaces: where it is in the text and its normal form.

    A named tuple: every definition and term of a glossary is split into words on every lint run, and a tuple is
    made several times faster than a frozen dataclass."""

    start: int
    end: int
    text: str  # normalized
    paired: bool  # a pair (or a lone character) of a script without spaces: never stemmed


_PAIRED = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi, _ in BIGRAM_RANGES) + "]")
# Beyond the Basic Multilingual Plane: the browser's stemmers count such a character as two, so neither side stems
# a word that has one (no Snowball alphabet does).
_UNSTEMMED = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi, _ in BIGRAM_RANGES) + "\\U00010000-\\U0010ffff]")


_ASCII_WORD = re.compile("[0-9A-Za-z]+")


LAST_BMP = "\uffff"


@lru_cache(maxsize=2)
def word_pattern(astral: bool = True) -> re.Pattern[str]:
    """Runs of letters, marks and digits (made on first use: listing the classes takes a tenth of a second).

    ``astral=False`` leaves out the characters beyond U+FFFF, for a text that has none: the regular-expression engine
    then looks a character up in one table instead of walking a list of ranges, about ten times faster."""
    return re.compile(f"[{_word_chars(astral)}]+")


def _segments(run: str) -> list[tuple[int, int, int]]:
    """(start, end, class) of the stretches of one class in a run of word characters."""
    out: list[tuple[int, int, int]] = []
    start, cls = 0, bigram_class(run[0])
    for i in range(1, len(run)):
        c = bigram_class(run[i])
        if c != cls:
            out.append((start, i, cls))
            start, cls = i, c
    out.append((start, len(run), cls))
    return out


def tokens(text: str, locale: str) -> list[Token]:
    """The words of ``text``: runs of letters, marks and digits, normalized; runs of a script without spaces as
    overlapping pairs (a lone character as itself). Offsets are into ``text``; when normalizing changed a run's
    length (ﾋﾞｰｶｰ → ビーカー), each of its tokens spans the whole run."""
    if text.isascii():  # ASCII's word characters are its letters and digits, and normalizing only lowers them
        return [Token(m.start(), m.end(), m.group().lower(), False) for m in _ASCII_WORD.finditer(text)]
    out: list[Token] = []
    for m in word_pattern(astral=max(text) > LAST_BMP).finditer(text):
        run = m.group()
        if run.isascii():
            out.append(Token(m.start(), m.end(), run.lower(), False))
        else:
            at = m.start()
            out.extend(Token(at + a, at + b, t, paired) for a, b, t, paired in _run_tokens(run, locale))
    return out


# The tokens of runs with other than ASCII letters, by run and locale: the same words ("för", "där", "的") come back
# in text after text, and normalizing one costs several times a look-up. Emptied when full, to stay bounded.
_RUNS: dict[tuple[str, str], tuple[Token, ...]] = {}
RUNS_KEPT = 100_000


def _run_tokens(run: str, locale: str) -> tuple[Token, ...]:
    """The tokens of one run of word characters, with offsets into the run."""
    key = (run, locale)
    found = _RUNS.get(key)
    if found is None:
        if len(_RUNS) >= RUNS_KEPT:
            _RUNS.clear()
        norm = normalize(run, locale)
        same = len(norm) == len(run)
        out: list[Token] = []
        for piece in word_pattern(astral=max(norm) > LAST_BMP).finditer(norm):
            p = piece.group()
            if p.isascii() or not _PAIRED.search(p):
                out.append(Token(piece.start(), piece.end(), p, False) if same else Token(0, len(run), p, False))
            else:
                _paired_tokens(p, piece.start(), None if same else len(run), out)
        found = _RUNS[key] = tuple(out)
    return found


def _paired_tokens(p: str, at: int, whole: int | None, out: list[Token]) -> None:
    """Add the tokens of a piece with characters of a script without spaces, found at offset ``at``; when
    normalizing changed the run's length, each token spans the ``whole`` run (from 0 to that length)."""
    for a, b, cls in _segments(p):
        seg = p[a:b]
        base = at + a
        if cls == 0:
            out.append(Token(base, base + len(seg), seg, False) if whole is None else Token(0, whole, seg, False))
        elif len(seg) == 1:
            out.append(Token(base, base + 1, seg, True) if whole is None else Token(0, whole, seg, True))
        else:
            out.extend(
                Token(base + i, base + i + 2, seg[i : i + 2], True) if whole is None else Token(0, whole, seg[i : i + 2], True) for i in range(len(seg) - 1)
            )


def columns(text: str, locale: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """What ``tokens`` and ``stems`` give, as parallel lists (starts, ends, normal forms, stems): an ASCII text, the
    common case, is split without an object per word, since lint splits every definition and term of a glossary."""
    if not text.isascii():
        return _columns(text, locale)
    lowered = text.lower()  # ASCII: the same length, so the offsets hold
    spans = [m.span() for m in _ASCII_WORD.finditer(text)]
    folded = [lowered[a:b] for a, b in spans]
    s = stemmer(locale)  # no ASCII word is a character pair or beyond the stemmers' alphabets
    return [a for a, _ in spans], [b for _, b in spans], folded, list(s.stemWords(folded)) if s is not None else list(folded)


def _columns(text: str, locale: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """``columns`` of a text with other than ASCII characters: most of its words are ASCII all the same (Swedish,
    German), and those are split as in an ASCII text; a text with character pairs or characters no stemmer reads
    goes through ``tokens`` and ``stems``."""
    starts: list[int] = []
    ends: list[int] = []
    folded: list[str] = []
    for m in word_pattern(astral=max(text) > LAST_BMP).finditer(text):
        run = m.group()
        if run.isascii():
            starts.append(m.start())
            ends.append(m.end())
            folded.append(run.lower())
            continue
        at = m.start()
        for t in _run_tokens(run, locale):
            if t.paired:
                found = tokens(text, locale)
                return [k.start for k in found], [k.end for k in found], [k.text for k in found], stems(found, locale)
            starts.append(at + t.start)
            ends.append(at + t.end)
            folded.append(t.text)
    s = stemmer(locale)
    if s is None:
        return starts, ends, folded, list(folded)
    if _UNSTEMMED.search("".join(folded)):
        return starts, ends, folded, [w if _UNSTEMMED.search(w) else s.stemWord(w) for w in folded]
    return starts, ends, folded, list(s.stemWords(folded))


def words(text: str, locale: str) -> list[str]:
    """The normalized words (and character pairs) of ``text``, in order."""
    return [t.text for t in tokens(text, locale)]


@lru_cache(maxsize=128)
def stemmer(locale: str) -> Stemmer.Stemmer | None:
    """The language's Snowball stemmer (PyStemmer keeps a cache of recent words), or None."""
    algorithm = SNOWBALL.get(language_of(locale))
    return Stemmer.Stemmer(algorithm) if algorithm is not None else None


def algorithm(locale: str) -> str:
    """The name of the language's Snowball algorithm, "" for none (the search manifest tells the browser)."""
    return SNOWBALL.get(language_of(locale), "")


def stems(found: list[Token], locale: str) -> list[str]:
    """The stem of each token: Snowball's, except for character pairs, which stay as they are."""
    s = stemmer(locale)
    texts = [t.text for t in found]
    if s is None:
        return texts
    if not _UNSTEMMED.search("".join(texts)) and not any(t.paired for t in found):  # one search over all the words
        return list(s.stemWords(texts))
    return [t.text if t.paired or _UNSTEMMED.search(t.text) else s.stemWord(t.text) for t in found]


def stem(word: str, locale: str) -> str:
    """The stem of one normalized word (a character pair is its own stem)."""
    s = stemmer(locale)
    if s is None or _UNSTEMMED.search(word):
        return word
    return str(s.stemWord(word))


def compounding(locale: str) -> bool:
    """Whether the language writes compounds as one word, so that a term's parts are looked for inside words."""
    return language_of(locale) in COMPOUNDING
