"""Rules about languages: every configured locale is present, and no other."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from glossary_tool.core.loader import Loc
from glossary_tool.core.model import Comparison, Entry
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.lint.rules.registry import Context, rule


def _locale_maps(entry: Entry) -> Iterator[tuple[Loc, Mapping[str, object]]]:
    """Every mapping keyed by locale code in an entry."""
    model = entry.model
    yield ("locales",), model.locales
    if isinstance(model, Comparison):
        for i, dim in enumerate(model.dimensions):
            yield ("dimensions", i, "label"), dim.label
            for cid, values in dim.values.items():
                yield ("dimensions", i, "values", cid), values


@rule("missing-locale", scope="entry", severity=Severity.WARNING, own_file=True)
def missing_locale(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """Every configured locale is present wherever text is given per locale.

    Passes: ``locales`` with ``en`` and ``sv`` when both are configured. Fails: a concept, FAQ answer
    or comparison cell without ``sv``; scaffold it with ``glossary-tool translate ID --locale sv``.
    """
    for loc, mapping in _locale_maps(entry):
        for code in ctx.settings.locale_codes:
            if code not in mapping:
                yield entry.doc.problem(loc, f"no '{code}' text here")


@rule("unknown-locale", scope="entry", own_file=True)
def unknown_locale(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """Only configured locales appear.

    Passes: ``en``, ``sv``. Fails: ``se`` or ``fr`` when the locales in ``mkdocs.yml`` are en and sv.
    """
    configured = ctx.settings.locale_codes
    for loc, mapping in _locale_maps(entry):
        for code in mapping:
            if code not in configured:
                yield entry.doc.problem((*loc, code), f"locale '{code}' is not configured (use one of: {', '.join(configured)})", at_key=True)
