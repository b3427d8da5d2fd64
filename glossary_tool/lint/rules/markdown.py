"""Rules about Markdown in contributor text: bounded work for the renderer, and phrases marked as another language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from glossary_tool.core import foreign
from glossary_tool.core.loader import Document, Loc
from glossary_tool.core.markdown_bounds import MARKUP, MAX_BLOCK_DEPTH, MAX_BRACKET_DEPTH, MAX_BRACKET_SPAN, MAX_LINES, MAX_MARKUP, complexity
from glossary_tool.core.problems import Problem
from glossary_tool.lint.rules.registry import Context, rule


@rule("markdown-complexity", scope="document", own_file=True)
def markdown_complexity(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Markdown stays within bounds that keep rendering fast (every text value is checked).

    Passes: prose with links, emphasis, lists and quotes, as much as any real definition or answer needs.
    Fails: brackets nested more than 8 deep; ``[`` left open over more than 10,000 characters in all
    (``"["`` × 20,000 took 33 s to render); more than 1,000 markup characters or list and quote markers;
    more than 200 lines; block quotes or lists nested more than 8 deep. The site shows such a value as plain text.
    """
    if _within_bounds(doc.text):
        return
    for loc, value in _suspects(doc.data, ()):
        why = complexity(value).problem()
        if why:
            yield doc.problem(loc, f"this text is too complex to render as Markdown: {why}")


# Nine quote or list markers in a row (across line breaks, which folding turns into spaces), as a value would need
# to nest blocks too deep.
_DEEP = re.compile(r"(?:(?:>|[-*+]|\d{1,9}[.)])\s*){" + str(MAX_BLOCK_DEPTH + 1) + "}")


# Where _DEEP could match: a run of marker and space characters that starts with a marker and is nine or more long.
# Looking for these runs first is several times faster on a whole file than running _DEEP everywhere.
_MARKER_RUN = re.compile(r"[-*+>\d][-*+>.)\d\s]{8,}")


# Every marker has at least one of these characters ("-", ">", or the "." of "1."), so a run with fewer than nine
# cannot hold nine markers: dates and numbers, the usual runs, are set aside without running _DEEP.
_NOT_MARKER_CHARS = str.maketrans(dict.fromkeys("0123456789 \t\r\n\f\v"))
# A quicker first test: nine of the characters that end a marker (-*+>.)) with only digits and white space between
# them, as every match of _DEEP holds. A YAML file has many runs of _MARKER_RUN (dates, "- >-" and its indentation)
# and seldom one of these.
_NINE_MARKER_CHARS = re.compile(r"[-*+>.)](?:[\d\s]*[-*+>.)]){" + str(MAX_BLOCK_DEPTH) + "}")


def _deep(text: str) -> bool:
    """Whether nine quote or list markers follow one another somewhere in ``text`` (as _DEEP.search, only faster)."""
    if _NINE_MARKER_CHARS.search(text) is None:
        return False
    for m in _MARKER_RUN.finditer(text):
        run = m.group()
        if len(run.translate(_NOT_MARKER_CHARS)) > MAX_BLOCK_DEPTH and _DEEP.search(run):
            return True
    return False


# What could be an anchor: "&" and a name, opening a token (after a line start, a space or an indicator). Found from
# each "&": a pattern that starts with this choice is tried at every character of the file.
_ANCHOR = re.compile(r"&\S")
_BEFORE_ANCHOR = frozenset(" \t\r\n[]{},:?-")
_MARKUP_BYTES = MARKUP.encode("ascii")
_MARKER_BYTES = b"-+.)*"


def _may_anchor(text: str) -> bool:
    """Whether ``text`` may hold an anchor ("R&D" and "Booth & Partners" cannot be one)."""
    return any(m.start() == 0 or text[m.start() - 1] in _BEFORE_ANCHOR for m in _ANCHOR.finditer(text))


def _within_bounds(text: str) -> bool:
    """True when no value of the file can break a bound, decided from the raw text: without escapes (which could make
    characters the text does not show) and anchors (whose aliases repeat a value), every character of a value is a
    character of the file, so the file's counts bound each value's. Most files are never walked value by value."""
    if "\\" in text or _may_anchor(text):
        return False
    brackets = text.count("[")
    return (
        _markup(text) <= MAX_MARKUP
        and brackets <= MAX_BRACKET_DEPTH
        and brackets * len(text) <= MAX_BRACKET_SPAN
        and text.count("\n") + text.count("\r") < MAX_LINES
        and not _deep(text)
    )


def _markup(text: str) -> int:
    """How many markup characters ``text`` has, plus one per "-", "+", ".", ")" and "*" (a marker costs at most one
    more count than its own markup characters). Counted in the UTF-8 bytes, where these ASCII characters are bytes of
    their own, by what deleting them takes away: one pass each instead of one per character."""
    raw = text.encode("utf-8", "surrogatepass")
    return 2 * len(raw) - len(raw.translate(None, _MARKUP_BYTES)) - len(raw.translate(None, _MARKER_BYTES))


def _plain(value: str) -> bool:
    """True when ``value`` cannot break a bound, from a few counts: every markup character or marker is a character
    of its own, a span is at most the text's length per "[", and _DEEP finds nine markers in a row."""
    brackets = value.count("[")
    return (
        len(value) <= MAX_MARKUP
        and brackets <= MAX_BRACKET_DEPTH
        and brackets * len(value) <= MAX_BRACKET_SPAN
        and value.count("\n") + value.count("\r") < MAX_LINES
        and not _deep(value)
    )


def _suspects(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """The text values that need measuring, with where they are (most values are plain and never get a location)."""
    if isinstance(value, str):
        if not _plain(value):
            yield loc, value
        return
    items: Iterable[tuple[Any, Any]] = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if not isinstance(item, str) or not _plain(item):
            yield from _suspects(item, (*loc, key))


@rule("foreign-phrase", scope="document", own_file=True)
def foreign_phrase(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A phrase in another language is marked so that the site can give its language: ``[back office]{lang=en}``.

    The site makes it ``<span lang="en">``, so that a screen reader reads it as English. Passes: ``[back
    office]{lang=en}``, ``[Kundenservice]{lang=de-AT}``. Fails: ``[back office] {lang=en}`` (a space), ``{lang=en}``
    after no bracketed phrase, ``[back office]{lang=english}`` (not a BCP 47 tag); the site shows such text as written.
    """
    if not foreign.may_hold_misuse(doc.text):  # most files, decided from the raw text
        return
    for loc, value in _strings(doc.data, ()):
        for misuse in foreign.misuses(value):
            near = value[max(0, misuse.offset - 20) : misuse.offset + 20].replace("\n", " ")
            yield doc.problem(loc, f"phrase marked as another language near '{near}': {misuse.why}")


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
        return
    items: Iterable[tuple[Any, Any]] = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _strings(item, (*loc, key))
