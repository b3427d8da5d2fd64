"""The rule registry: every lint rule is a small function registered under a rule id.

A rule's docstring says what passes and what fails; ``glossary-tool rules`` prints it as documentation.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from glossary_tool.model import Concept, Entry
from glossary_tool.problems import Problem, Severity

if TYPE_CHECKING:  # the configuration validates rule ids against this registry, so it is imported only for types
    from glossary_tool.config import Settings

Scope = Literal["load", "document", "entry", "glossary"]


@dataclass
class Context:
    """What a rule may look at besides its own input: settings and the whole glossary."""

    settings: Settings
    entries: list[Entry] = field(default_factory=list)
    concepts: dict[str, Entry] = field(default_factory=dict)

    def concept(self, concept_id: str) -> Concept | None:
        entry = self.concepts.get(concept_id)
        return entry.model if entry is not None and isinstance(entry.model, Concept) else None

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

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")


RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, scope: Scope, severity: Severity = Severity.ERROR) -> Callable[[Callable[..., Iterable[Problem]]], Callable[..., Iterable[Problem]]]:
    """Register a check under ``rule_id``. Rule ids are unique."""

    def register(fn: Callable[..., Iterable[Problem]]) -> Callable[..., Iterable[Problem]]:
        if rule_id in RULES:
            raise ValueError(f"rule id {rule_id!r} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, scope, fn)
        return fn

    return register


def load_all() -> dict[str, Rule]:
    """Import every rule module so that its rules register; return the registry."""
    from glossary_tool.rules import content_folder, ids, load_checks, locales, markdown, references, terms, text, vocabulary, workflow  # noqa: F401

    return RULES
