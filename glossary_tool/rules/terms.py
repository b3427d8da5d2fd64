"""Rules about terms: no term names two concepts, and each language has a preferred term."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from glossary_tool import words
from glossary_tool.loader import Loc
from glossary_tool.model import Concept, Entry
from glossary_tool.problems import Problem, Severity
from glossary_tool.rules import Context, rule


def term_key(text: str) -> str:
    """Compare terms the way a reader would: compatibility forms, case and spacing do not count."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@rule("duplicate-term", scope="glossary")
def duplicate_term(ctx: Context) -> Iterator[Problem]:
    """A term names one concept per language.

    Passes: ``MRI`` in mri (en) and ``MRI`` in mri (sv); ``côte`` and ``cote`` (fr). Fails: ``Thigh bone`` in one
    concept and ``thigh  bone`` or ``ＴＨＩＧＨ bone`` in another, in the same language; ``كاس`` and ``كأس`` (ar),
    ``ビーカー`` and ``ﾋﾞｰｶｰ`` or ``びーかー`` (ja); the message names the first.
    """
    seen: dict[tuple[str, str], tuple[Entry, Loc]] = {}
    for entry in ctx.entries:
        if not isinstance(entry.model, Concept):
            continue
        for code, block in entry.model.locales.items():
            for i, term in enumerate(block.terms):
                key = (code, words.term_key(term.text, code))
                loc: Loc = ("locales", code, "terms", i, "text")
                if key not in seen:
                    seen[key] = (entry, loc)
                    continue
                other, other_loc = seen[key]
                if other is entry:
                    continue
                line = other.doc.pos(other_loc)[0]
                yield entry.doc.problem(loc, f"'{term.text}' ({code}) is already a term of '{other.id}' ({other.doc.path}:{line})")


@rule("preferred-term", scope="entry", severity=Severity.WARNING)
def preferred_term(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """Every language of a concept has at least one term with ``status: preferred``.

    Passes: a preferred full form plus an admitted variant. Fails: only admitted or deprecated terms.
    """
    if not isinstance(entry.model, Concept):
        return
    for code, block in entry.model.locales.items():
        if not any(t.status == "preferred" for t in block.terms):
            yield entry.doc.problem(("locales", code, "terms"), f"no preferred term in '{code}'")
