"""Rules about the text itself: Unicode normalization."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from glossary_tool.core.loader import Document, Loc
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.lint.rules.registry import Context, rule

_LINE_END = re.compile(r"\r\n|\r|\n")  # as YAML counts lines


@rule("nfc", scope="document", own_file=True)
def nfc(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Text is in Unicode NFC form, so equal-looking terms are equal bytes.

    Passes: ``å`` typed as one character (U+00E5). Fails: ``a`` followed by a combining ring (U+030A),
    reported at the first such character of each line; and a value that only its escapes make decomposed,
    such as ``"e\\u0301"``, reported at the value.
    """
    lines: set[int] = set()
    if not unicodedata.is_normalized("NFC", doc.text):
        for lineno, col in _decomposed_lines(doc.text):
            lines.add(lineno)
            yield Problem(doc.path, lineno, col, "", Severity.ERROR, "text is not NFC-normalized; retype the accented letter or run it through NFC")
    if "\\" not in doc.text:
        return  # without an escape every value is made of the raw text's characters, checked above
    for loc, at_key in _decomposed(doc.data, ()):
        line, column = doc.key_pos(loc) if at_key else doc.pos(loc)
        if line not in lines:
            lines.add(line)
            yield Problem(
                doc.path,
                line,
                column,
                "",
                Severity.ERROR,
                'an escape makes this value decomposed (not NFC), e.g. "e\\u0301"; write the composed character ("\\u00e9" or é)',
            )


def _decomposed_lines(text: str) -> Iterator[tuple[int, int]]:
    """Each line that is not NFC, with the column of its first decomposed character (1 when none stands out)."""
    for lineno, line in enumerate(_LINE_END.split(text), start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        for col, ch in enumerate(line, start=1):
            if unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", line[col - 2 : col] if col > 1 else ch):
                break
        else:
            col = 1
        yield lineno, col


def _decomposed(value: Any, loc: Loc) -> Iterator[tuple[Loc, bool]]:
    """Where a parsed key or value is not NFC (True: the key at ``loc``)."""
    if isinstance(value, str):
        if not unicodedata.is_normalized("NFC", value):
            yield loc, False
    elif isinstance(value, dict):
        for key, item in value.items():
            if not unicodedata.is_normalized("NFC", key):
                yield (*loc, key), True
            yield from _decomposed(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _decomposed(item, (*loc, i))
