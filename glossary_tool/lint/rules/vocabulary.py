"""Rules about the glossary's own vocabulary: categories and relation types come from ``mkdocs.yml``."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from glossary_tool.core.model import Concept, Entry, schema_text
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.core.terminal import display_path
from glossary_tool.lint.rules.registry import Context, rule


def _hint(value: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else f"; declared: {', '.join(known)}"


@rule("unknown-category", scope="entry", own_file=True)
def unknown_category(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A concept's ``category`` is one of the categories declared in ``mkdocs.yml``.

    Passes: ``category: service`` when ``categories`` declares ``id: service``. Fails: ``category: servce``
    (with a "did you mean" hint) or any undeclared id; declare it under the glossary's ``categories``.
    """
    model = entry.model
    if isinstance(model, Concept) and model.category not in ctx.settings.category_ids:
        yield entry.doc.problem(("category",), f"'{model.category}' is not a declared category{_hint(model.category, ctx.settings.category_ids)}")


@rule("unknown-relation", scope="entry", own_file=True)
def unknown_relation(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """Every key under ``relations`` is ``broader``, ``narrower``, ``related`` or a relation declared in ``mkdocs.yml``.

    Passes: ``part_of: [skeleton]`` when ``relations`` declares ``id: part_of``. Fails: ``partof:`` (with a hint).
    """
    if not isinstance(entry.model, Concept):
        return
    written = entry.doc.data.get("relations")  # the file's keys: the model drops empty lists
    for name in written if isinstance(written, dict) else ():
        if name not in ctx.settings.relation_ids:
            yield entry.doc.problem(("relations", name), f"'{name}' is not a relation of this glossary{_hint(name, ctx.settings.relation_ids)}", at_key=True)


@rule("schema-stale", scope="glossary", severity=Severity.WARNING)
def schema_stale(ctx: Context) -> Iterator[Problem]:
    """The project's ``entry.schema.json`` matches the vocabulary of ``mkdocs.yml``.

    Editors check entries against it (categories, relation types, languages), so after a change to the vocabulary
    they would flag good entries or let bad ones pass until ``glossary-tool schema --write`` is run. A project
    without the file is not checked. Passes: the file as ``schema --write`` last wrote it. Fails: a category added to
    ``mkdocs.yml`` since.
    """
    path = ctx.settings.schema_path
    try:
        written = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError):
        written = ""
    if written != schema_text(ctx.settings):
        yield Problem(
            display_path(path),
            1,
            1,
            "schema-stale",
            Severity.WARNING,
            f"{path.name} does not match the vocabulary of mkdocs.yml; run 'glossary-tool schema --write'",
        )
