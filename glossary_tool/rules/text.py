"""Rules about the text itself: Unicode normalization."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from glossary_tool.loader import Document
from glossary_tool.problems import Problem, Severity
from glossary_tool.rules import Context, rule


@rule("nfc", scope="document")
def nfc(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Text is in Unicode NFC form, so equal-looking terms are equal bytes.

    Passes: ``å`` typed as one character (U+00E5). Fails: ``a`` followed by a combining ring (U+030A);
    the position is the first such character on each line.
    """
    if unicodedata.is_normalized("NFC", doc.text):
        return
    for lineno, line in enumerate(doc.text.split("\n"), start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        for col, ch in enumerate(line, start=1):
            if unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", line[col - 2 : col] if col > 1 else ch):
                break
        else:
            col = 1
        yield Problem(doc.path, lineno, col, "", Severity.ERROR, "text is not NFC-normalized; retype the accented letter or run it through NFC")
