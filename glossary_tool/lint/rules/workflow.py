"""Rules for the contributor workflow: scaffold placeholders left in, and translations older than their source."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from glossary_tool.core.loader import Document, Loc
from glossary_tool.core.model import Concept, Entry
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.core.translation import (
    TRACKED_FIELDS,
    field_text,
    is_placeholder,
    readable,
    source_change,
    stale_fields,
    text_hash,
    untracked_stale_fields,
    word_diff,
)
from glossary_tool.lint.rules.registry import Context, rule

EXCERPT = 80
DIFF_EXCERPT = 400
DIFF_CONTEXT = 4  # unchanged words shown on each side of a change


def _strings(node: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    if isinstance(node, str):
        yield loc, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*loc, i))


@rule("placeholder-text", scope="document", severity=Severity.WARNING, own_file=True)
def placeholder_text(doc: Document, ctx: Context) -> Iterator[Problem]:
    """No scaffold placeholder is left: no value starts with ``TODO``.

    Passes: every value written out. Fails: ``definition: "TODO: definition of femur in Deutsch ..."`` as written by
    ``glossary-tool new`` or ``glossary-tool translate``; write the text (or delete an optional list) and the
    ``# TODO`` comment. A warning, so that ``lint --strict`` (CI) fails until every placeholder is filled in.
    """
    if "TODO" not in doc.text:  # the common case, decided by one scan of the raw text instead of a walk of every value
        return
    for loc, value in _strings(doc.data):
        if is_placeholder(value):
            where = ".".join(str(p) for p in loc)
            yield doc.problem(loc, f"placeholder left in {where}: replace it with the real text")


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = " ".join(readable(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@rule("stale-translation", scope="entry", severity=Severity.WARNING, own_file=True)
def stale_translation(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A translated field was made from the source text as it is now.

    Each field listed under ``translated_from`` records a hash of the source-language text it was translated
    from. Passes: the hash matches the source field, or the field has no hash (untracked). Fails: the source
    text changed since (the message shows a word diff, ``[-old-]{+new+}``, when the old text is in the file's git
    history, and the current text otherwise), or ``translated_from`` names a field that is not translated.
    A field without a hash (``new`` records none, since a placeholder is not a translation) is judged by git:
    it fails when the source changed after the commit that gave the translation its present text.
    After updating the translation run ``glossary-tool translate ID --locale sv --reviewed``.
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    source_code = ctx.settings.source_locale
    source = model.locales.get(source_code)
    for code, block in model.locales.items():
        if code == source_code:
            continue
        for name in block.translated_from:
            if name not in TRACKED_FIELDS:
                yield entry.doc.problem(
                    ("locales", code, "translated_from", name),
                    f"translated_from names '{name}', which is not a translated field ({', '.join(TRACKED_FIELDS)})",
                    at_key=True,
                )
        if source is None:
            continue
        for name in stale_fields(model, code, source_code):
            now = field_text(source, name)
            # Only stale fields (rare) reach git: the text a hash was made from lives in the file's history.
            diff = source_change(Path(entry.doc.path), model, code, source_code, name, context=DIFF_CONTEXT)
            change = (
                f"changed: {_excerpt(diff, DIFF_EXCERPT)}"
                if diff is not None
                else f'it now reads "{_excerpt(now)}" (the text it was translated from is not in the git history)'
            )
            yield entry.doc.problem(
                ("locales", code, "translated_from", name),
                f"'{code}' {name} may be out of date: the '{source_code}' {name} changed since it was translated "
                f"(recorded {block.translated_from[name]}, now {text_hash(now)}); {change}; "
                f"update the translation, then run 'glossary-tool translate {model.id} --locale {code} --reviewed'",
            )
        # Only a translation without hashes costs a walk of git history; tracked fields were judged above.
        untracked = untracked_stale_fields(Path(entry.doc.path), model, code, source_code)
        for name, old in untracked.items():
            diff = word_diff(old, readable(field_text(source, name)), DIFF_CONTEXT)
            yield entry.doc.problem(
                ("locales", code, name),
                f"'{code}' {name} may be out of date: the '{source_code}' {name} changed after this translation was "
                f"committed (it has no translated_from hash; judged by git history); changed: {_excerpt(diff, DIFF_EXCERPT)}; "
                f"update the translation, then run 'glossary-tool translate {model.id} --locale {code} --reviewed'",
                at_key=True,
            )
