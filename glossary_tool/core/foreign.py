"""Phrases in another language inside contributor text: ``[back office]{lang=en}``, Pandoc's bracketed-span syntax.

The renderer makes each a ``<span lang="en">`` (screen readers then pronounce it as English), plain-text views drop
the markup, and the ``foreign-phrase`` rule checks it; all three read it through this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from glossary_tool.core.tags import canonical_tag, tag_problem

# One line, no brackets inside: "[phrase]" then "{lang=TAG}" with nothing between. A tag is checked apart (tag_problem).
PHRASE = re.compile(r"\[([^\[\]\n<>]+)\]\{lang=([^{}\s]*)\}")
# Every "{lang=" a writer may have meant as the markup, well-formed or not.
_ATTEMPT = re.compile(r"\{\s*lang\s*=")


@dataclass(frozen=True, slots=True)
class Misuse:
    """Where in a text the markup is wrong (a character offset) and why."""

    offset: int
    why: str


def plain(text: str) -> str:
    """``text`` with each marked phrase as its bare words."""
    return PHRASE.sub(r"\1", text) if "{lang=" in text else text


def spans(html_text: str) -> str:
    """Rendered, escaped HTML with each well-formed marked phrase as ``<span lang="TAG">``; others stay as written."""
    if "{lang=" not in html_text:
        return html_text

    def one(m: re.Match[str]) -> str:
        tag = canonical_tag(m.group(2))
        return f'<span lang="{tag}">{m.group(1)}</span>' if tag_problem(tag) is None else m.group(0)

    return PHRASE.sub(one, html_text)


def may_hold_misuse(raw: str) -> bool:
    """Whether a YAML file's raw text may hold a value with a misuse: the characters of every attempt at the markup
    are in the raw text too (folding only turns line breaks into spaces), unless an escape ("\\x7b") makes them."""
    return "\\" in raw or _ATTEMPT.search(raw) is not None


def misuses(text: str) -> Iterator[Misuse]:
    """Each ``{lang=`` that the renderer would not turn into a span, with why."""
    if "lang" not in text:
        return
    good = {m.start(2) - len("{lang="): m for m in PHRASE.finditer(text)}  # offset of each "{" → its match
    for attempt in _ATTEMPT.finditer(text):
        m = good.get(attempt.start())
        if m is None:
            yield Misuse(
                attempt.start(),
                "write a phrase in another language as [phrase]{lang=TAG}, the phrase on one line in brackets right before the braces, without spaces",
            )
        elif (why := tag_problem(m.group(2))) is not None:
            yield Misuse(m.start(2), why)
