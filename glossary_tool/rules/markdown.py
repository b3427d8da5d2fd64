"""Rules about Markdown in contributor text: bounded work for the renderer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from glossary_tool.loader import Document, Loc
from glossary_tool.markdown_bounds import MAX_BLOCK_DEPTH, MAX_BRACKET_DEPTH, MAX_LINES, MAX_MARKUP, complexity
from glossary_tool.problems import Problem
from glossary_tool.rules import Context, rule


@rule("markdown-complexity", scope="document")
def markdown_complexity(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Markdown stays within bounds that keep rendering fast (every text value is checked).

    Passes: prose with links, emphasis, lists and quotes, as much as any real definition or answer needs.
    Fails: brackets nested more than 8 deep; ``[`` left open over more than 10,000 characters in all
    (``"["`` × 20,000 took 33 s to render); more than 1,000 markup characters or list and quote markers;
    more than 200 lines; block quotes or lists nested more than 8 deep. The site shows such a value as plain text.
    """
    if _within_bounds(doc.text):
        return
    for loc, value in _texts(doc.data, ()):
        if len(value) <= MAX_BRACKET_DEPTH:
            continue  # too short to break any bound
        why = complexity(value).problem()
        if why:
            yield doc.problem(loc, f"this text is too complex to render as Markdown: {why}")


# Nine quote or list markers in a row (across line breaks, which folding turns into spaces), as a value would need
# to nest blocks too deep.
_DEEP = re.compile(r"(?:(?:>|[-*+]|\d{1,9}[.)])\s*){" + str(MAX_BLOCK_DEPTH + 1) + "}")


def _within_bounds(text: str) -> bool:
    """True when no value of the file can break a bound: decided from the raw text (without escapes, which could
    make characters the text does not show), so most files are never walked value by value."""
    return ("\\" not in text and len(text) <= MAX_MARKUP and text.count("[") <= MAX_BRACKET_DEPTH
            and text.count("\n") < MAX_LINES and not _DEEP.search(text))


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))
