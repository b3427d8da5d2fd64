"""What pages need to know of a language beyond its words: its writing direction and how it joins a list (CLDR)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from babel import Locale as BabelLocale
from babel.core import UnknownLocaleError
from markupsafe import Markup, escape


@lru_cache(maxsize=256)
def direction(code: str) -> str:
    """``rtl`` for a language written from right to left (CLDR's character order: ar, fa, he, ur …), else ``ltr``."""
    try:
        order = BabelLocale.parse(code.replace("-", "_")).character_order
    except (UnknownLocaleError, ValueError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def lang_attributes(code: str) -> Markup:
    """`` lang="…" dir="…"`` for a fragment in language ``code`` (nothing for ""): an element with ``dir`` is also
    isolated from the text around it, so a left-to-right definition on an Arabic page keeps its full stop at its end."""
    if not code:
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(code, direction(code))


@lru_cache(maxsize=256)
def _middle(code: str) -> str:
    """CLDR's pattern between two items inside a list of the language ("{0}, {1}", "{0}、{1}", Arabic "{0} و{1}")."""
    try:
        return str(BabelLocale.parse(code.replace("-", "_")).list_patterns["standard"]["middle"])
    except (UnknownLocaleError, ValueError, KeyError):
        return "{0}, {1}"


def join(items: Sequence[str], code: str) -> str:
    """Items of an enumeration (grammar labels) with the language's list separator between each two, and no "and"
    before the last: "noun, feminine", "名词、阴性"; CLDR's Arabic separator is و: "اسم ومؤنث"."""
    if not items:
        return ""
    middle = _middle(code)
    out = items[-1]
    for item in reversed(items[:-1]):
        out = middle.format(item, out)
    return out


def join_html(items: Sequence[Markup | str], code: str) -> Markup:
    """``join`` for pieces of HTML (links), each escaped unless it is markup already: the pattern is filled with
    placeholders, escaped, and the pieces put in their places."""
    marks = [f"\x00{i}\x00" for i in range(len(items))]
    out = str(escape(join(marks, code)))
    for mark, item in zip(marks, items, strict=True):
        out = out.replace(mark, str(escape(item)), 1)
    return Markup(out)


def separator(code: str) -> Markup:
    """What the language puts between two items of a list, for templates that write the items one by one."""
    return Markup(escape(_middle(code).format("", "")))
