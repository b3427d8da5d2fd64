"""Rules about entry ids: safe slugs, matching file names, uniqueness."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from glossary_tool.core.loader import Document
from glossary_tool.core.problems import Problem
from glossary_tool.lint.rules import Context, rule

if TYPE_CHECKING:
    from glossary_tool.core.config import Locale

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 64
# Windows device names cannot be files; the others are paths the site itself uses.
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
     "index", "search", "assets", "terms", "categories", "faq", "compare", "index-a-z", "404", "sitemap", "tags"}
)


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


@functools.lru_cache(maxsize=8)
def _reserved(locales: tuple[Locale, ...]) -> frozenset[str]:
    """The reserved names plus the glossary's locale codes and prefixes (once per glossary, not once per file)."""
    return RESERVED | {loc.code for loc in locales} | {loc.prefix.strip("/") for loc in locales}


@rule("id-slug", scope="document")
def id_slug(doc: Document, ctx: Context) -> Iterator[Problem]:
    """The ``id`` is a safe lowercase ASCII slug.

    Passes: ``thigh-bone``, ``mri``. Fails: ``../x``, ``/abs``, ``a/b``, ``Thigh-Bone``, ``CON``, ``nul``,
    a Cyrillic look-alike such as ``kрo``, a trailing hyphen, a reserved name (``index``, ``search``,
    ``assets``, a locale code) or more than 64 characters. Ids become file names and URLs.
    """
    value = doc.data.get("id")
    if not isinstance(value, str):
        return
    why = slug_problem(value, _reserved(ctx.settings.locales))
    if why:
        yield doc.problem(("id",), f"id '{value}' {why}")


@rule("id-filename", scope="document")
def id_filename(doc: Document, ctx: Context) -> Iterator[Problem]:
    """The ``id`` equals the file name without ``.yaml``.

    Passes: ``id: femur`` in ``femur.yaml``. Fails: ``id: femur`` in ``thigh.yaml``; rename the file or the id.
    An id that breaks ``id-slug`` is reported there only.
    """
    value = doc.data.get("id")
    stem = os.path.splitext(os.path.basename(doc.path))[0]  # PurePath(...).stem, without building a path per file
    if isinstance(value, str) and value != stem and slug_problem(value) is None:
        yield doc.problem(("id",), f"id '{value}' does not match the file name '{stem}'")


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKC", value).casefold()


@rule("duplicate-id", scope="glossary")
def duplicate_id(ctx: Context) -> Iterator[Problem]:
    """Every id is used by one entry only, ignoring case and Unicode compatibility forms.

    Passes: ``femur`` and ``tibia``. Fails: a second file with ``id: femur`` (or ``FEMUR``); the message names the first file.
    """
    first: dict[str, Document] = {}
    for entry in ctx.entries:
        key = _fold(entry.id)
        if key in first:
            other = first[key]
            line = other.pos(("id",))[0]
            yield entry.doc.problem(("id",), f"id '{entry.id}' is already used by {other.path}:{line}")
        else:
            first[key] = entry.doc
