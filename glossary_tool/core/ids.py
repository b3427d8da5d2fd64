"""Entry ids: safe lowercase slugs that become file names and URLs, and the names no id may take.

The id rules, the importers (which make ids for new concepts) and ``glossary-tool new`` ask the same two questions here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from glossary_tool.core.layout import RESERVED_TOP
from glossary_tool.core.loader import Document
from glossary_tool.core.problems import FatalError
from glossary_tool.core.terms import term_key

if TYPE_CHECKING:
    from glossary_tool.core.config import Locale, Settings

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 64
# Windows device names cannot be files; the others are the names the site takes at a locale's top level (core/layout.py).
RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}) | RESERVED_TOP


def slug_problem(value: str, reserved: frozenset[str] = RESERVED) -> str | None:
    """Why ``value`` is not a safe id, or None when it is."""
    if "/" in value or "\\" in value or ".." in value:
        return "contains a path separator or '..'"
    for ch in value:
        if not ch.isascii():
            return f"contains the non-ASCII character '{ch}' ({unicodedata.name(ch, 'unknown')}), which can pass for a Latin letter"
    if value != value.lower():
        return "contains uppercase letters; ids are lowercase so that no two differ only in case"
    if len(value) > MAX_ID:
        return f"is longer than {MAX_ID} characters"
    if not SLUG.match(value):
        return "must be lowercase letters and digits joined by single hyphens, e.g. 'thigh-bone'"
    if value.split(".", maxsplit=1)[0] in reserved:
        return "is a reserved name"
    return None


def reserved_ids(settings: Settings) -> frozenset[str]:
    """The names no id of this glossary may take: the reserved names, its locale codes and its prefixes."""
    return _reserved(settings.locales)


@functools.lru_cache(maxsize=8)
def _reserved(locales: Sequence[Locale]) -> frozenset[str]:
    # Once per glossary, not once per file: the id rule asks for every entry.
    return RESERVED | {loc.code for loc in locales} | {loc.prefix.strip("/") for loc in locales}


def check_id(value: str, settings: Settings) -> None:
    """Refuse an unsafe id before anything touches the file system."""
    why = slug_problem(value, reserved_ids(settings))
    if why:
        raise FatalError(f"id '{value}' {why}")


def ids_of(docs: Iterable[Document]) -> dict[str, str]:
    """The id of each document, folded like the duplicate-id rule, with its file (the first file, for an id used twice)."""
    ids: dict[str, str] = {}
    for doc in docs:
        if isinstance(doc.data.get("id"), str):
            ids.setdefault(term_key(doc.data["id"]), doc.path)
    return ids
