"""Rules about entry ids: safe slugs, matching file names, uniqueness."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from glossary_tool.core.ids import reserved_ids, slug_problem
from glossary_tool.core.loader import Document
from glossary_tool.core.problems import Problem
from glossary_tool.lint.rules.registry import Context, rule

if TYPE_CHECKING:
    pass


@rule("id-slug", scope="document", own_file=True)
def id_slug(doc: Document, ctx: Context) -> Iterator[Problem]:
    """The ``id`` is a safe lowercase ASCII slug.

    Passes: ``thigh-bone``, ``mri``. Fails: ``../x``, ``/abs``, ``a/b``, ``Thigh-Bone``, ``CON``, ``nul``,
    a Cyrillic look-alike such as ``kрo``, a trailing hyphen, a reserved name (``index``, ``search``,
    ``assets``, a locale code) or more than 64 characters. Ids become file names and URLs.
    """
    value = doc.data.get("id")
    if not isinstance(value, str):
        return
    why = slug_problem(value, reserved_ids(ctx.settings))
    if why:
        yield doc.problem(("id",), f"id '{value}' {why}")


@rule("id-filename", scope="document", own_file=True)
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
