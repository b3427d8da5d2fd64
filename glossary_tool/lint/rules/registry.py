"""The rule registry: every lint rule is a small function registered under a rule id, with what it may look at.

A rule's docstring says what passes and what fails; ``glossary-tool rules`` prints it as documentation. Rule modules
import this module, never the package, whose ``load_all`` imports them.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from glossary_tool.core.model import Concept, Entry, Glossary
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.core.terms import Languages

if TYPE_CHECKING:
    from glossary_tool.core.config import Settings

Scope = Literal["load", "content", "document", "entry", "glossary", "catalog"]
HINT_BUDGET = 200  # "did you mean" hints per lint run
HINT_CANDIDATES = 50  # ids compared per first letter and length


@dataclass
class Context:
    """What a rule may look at besides its own input: settings and the whole glossary."""

    settings: Settings
    entries: list[Entry] = field(default_factory=list)
    concepts: dict[str, Entry] = field(default_factory=dict)
    # The stemmed words and term patterns of every language, which several rules share; built once per run (or kept
    # from one run to the next by a caller that lints after every edit).
    languages: Languages = field(default_factory=Languages)

    # "Did you mean" hints compare strings pairwise (difflib): against every id for every dangling reference, 50,000
    # tiny concepts that each point nowhere took hours. Candidates come from an index by first letter and length,
    # a few per hint, and only the first hints of a run are computed.
    hints_left: int = field(default=HINT_BUDGET, repr=False)
    _id_index: dict[tuple[str, int], list[str]] | None = field(default=None, repr=False)

    def concept(self, concept_id: str) -> Concept | None:
        entry = self.concepts.get(concept_id)
        return entry.model if entry is not None and isinstance(entry.model, Concept) else None

    def close_concept_id(self, target: str) -> str | None:
        """The concept id most like ``target``, for a "did you mean" hint (None: none close, or the budget is spent)."""
        if self.hints_left <= 0 or not target:
            return None
        self.hints_left -= 1
        if self._id_index is None:
            self._id_index = {}
            for concept_id in self.concepts:
                self._id_index.setdefault((concept_id[:1], len(concept_id)), []).append(concept_id)
        candidates = [c for n in range(len(target) - 2, len(target) + 3) for c in self._id_index.get((target[:1], n), ())[:HINT_CANDIDATES]]
        found = difflib.get_close_matches(target, candidates, n=1)
        return found[0] if found else None

    @classmethod
    def build(cls, settings: Settings, entries: list[Entry]) -> Context:
        concepts: dict[str, Entry] = {}
        for entry in entries:
            if isinstance(entry.model, Concept):
                concepts.setdefault(entry.model.id, entry)
        return cls(settings, entries, concepts)


@dataclass(frozen=True)
class Rule:
    """A registered rule: its id, default severity, what it runs on, and its check."""

    id: str
    severity: Severity
    scope: Scope
    check: Callable[..., Iterable[Problem]]
    # What it finds in one entry depends on the entries checked before it in the same run (a budget shared by the
    # run): it sees them all in one process, in order, when other document and entry rules are split up.
    ordered: bool = False
    # What it finds in a file depends on that file and the settings alone, never on other entries (``ctx.entries``,
    # ``ctx.concepts``): lint runs it in the process that parses the file, while the other files are still parsed.
    own_file: bool = False

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def found_in(self, glossary: Glossary, ctx: Context) -> Iterable[Problem]:
        """What this rule finds in ``glossary`` (all of it, or the part a caller checks), by what it looks at (its
        scope); ``ctx`` holds the whole glossary. Catalog rules read the project's catalogs instead (lint.check)."""
        if self.scope == "content":
            return (p for item in glossary.others for p in self.check(item))
        if self.scope == "document":
            return (p for doc in glossary.documents for p in self.check(doc, ctx))
        if self.scope == "entry":
            return (p for entry in glossary.entries for p in self.check(entry, ctx))
        return self.check(ctx)


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str, *, scope: Scope, severity: Severity = Severity.ERROR, ordered: bool = False, own_file: bool = False
) -> Callable[[Callable[..., Iterable[Problem]]], Callable[..., Iterable[Problem]]]:
    """Register a check under ``rule_id``. Rule ids are unique; ``own_file`` is for document and entry rules only."""

    def register(fn: Callable[..., Iterable[Problem]]) -> Callable[..., Iterable[Problem]]:
        if rule_id in RULES:
            raise ValueError(f"rule id {rule_id!r} registered twice")
        if own_file and (scope not in ("document", "entry") or ordered):
            raise ValueError(f"rule {rule_id!r}: only a document or entry rule that is not ordered sees its own file alone")
        RULES[rule_id] = Rule(rule_id, severity, scope, fn, ordered, own_file)
        return fn

    return register
