"""The word characters' table (core/word_ranges.py) equals what Python's Unicode database lists, and is what words uses."""

from __future__ import annotations

import sys
import unicodedata

from glossary_tool.core import word_ranges, words


def test_the_table_equals_the_unicode_database() -> None:
    # When this fails after a Python upgrade, write the table again: words.ranges_text(words.word_ranges()).
    assert unicodedata.unidata_version == word_ranges.UNIDATA_VERSION
    assert word_ranges.RANGES.strip() == words.ranges_text(words.word_ranges())


def test_the_word_class_holds_letters_marks_and_digits_only() -> None:
    pattern = words.word_pattern()
    sample = [chr(c) for c in range(0, sys.maxunicode + 1, 97)] + ["a", "ä", "\u0e31", "\u0903", "٣", "_", " ", "-", "€"]
    for ch in sample:
        assert bool(pattern.fullmatch(ch)) == (unicodedata.category(ch)[0] in "LMN"), hex(ord(ch))


def test_a_text_within_the_basic_multilingual_plane_splits_alike_with_the_faster_class() -> None:
    # tokens() uses word_pattern(astral=False) for a text without characters beyond U+FFFF.
    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    assert [m.span() for m in words.word_pattern(astral=False).finditer(bmp)] == [m.span() for m in words.word_pattern().finditer(bmp)]
    assert words.word_pattern(astral=False).fullmatch("\U00020000") is None and words.word_pattern().fullmatch("\U00020000")
    assert [t.text for t in words.tokens("Lårben – 𠀀𠀁 ”kärl”", "sv")] == ["lårben", "𠀀𠀁", "kärl"]
