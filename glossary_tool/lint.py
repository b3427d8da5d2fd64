"""The lint runner: load the glossary, run every active rule, and stamp each problem's rule id and severity.

Rules only check; the runner decides severities (configuration, ``--strict``) and the order of the output.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary_tool import progress
from glossary_tool.catalogs import CatalogMessage, catalog_files, read_messages
from glossary_tool.config import Settings
from glossary_tool.loader import Impl
from glossary_tool.loading import display_path, gc_paused, load_glossary
from glossary_tool.model import Glossary
from glossary_tool.problems import Problem, Severity, sort_key
from glossary_tool.rules import Context, Rule, load_all


@dataclass(frozen=True, slots=True)
class Result:
    """What a lint run found: the glossary it could build and every problem, sorted."""

    glossary: Glossary
    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


def severity_of(rule: Rule, settings: Settings) -> Severity:
    """A rule's configured severity; checks made while loading always stop the file, so they are errors."""
    if rule.scope == "load":
        return Severity.ERROR
    return settings.rules.get(rule.id, rule.severity)


def check(glossary: Glossary, settings: Settings, rules: Iterable[Rule] | None = None, *,
          memo: dict[str, object] | None = None) -> list[Problem]:
    """Run ``rules`` (default: every registered one that is not off) over a loaded glossary; problems unstamped.

    ``memo`` becomes the rules' shared memo (``Context.memo``): a caller that checks again after an edit may pass
    what is valid for any glossary, such as the stemmed words of texts, so that unchanged texts are not redone."""
    ctx = Context.build(settings, list(glossary.entries))
    if memo is not None:
        ctx.memo = memo
    out: list[Problem] = []
    messages: list[CatalogMessage] | None = None
    active = [r for r in (rules if rules is not None else load_all().values()) if severity_of(r, settings) is not Severity.OFF and r.scope != "load"]
    with progress.task("checking entries", len(active), "rules") as bar:
        for r in active:
            if r.scope == "catalog":
                if messages is None:  # the project's UI catalogs, read once for every catalog rule
                    messages = []
                    for path in catalog_files(settings.root / "locales"):
                        found_messages, unreadable = read_messages(path, display_path(path))
                        messages += found_messages
                        out += unreadable
                found: Iterable[Problem] = (p for m in messages for p in r.check(m, ctx))
            elif r.scope == "document":
                found = (p for doc in glossary.documents for p in r.check(doc, ctx))
            elif r.scope == "entry":
                found = (p for entry in glossary.entries for p in r.check(entry, ctx))
            else:
                found = r.check(ctx)
            out.extend(dataclasses.replace(p, rule=r.id) for p in found)
            bar.advance()
    return out


def stamp(problems: Iterable[Problem], settings: Settings, *, strict: bool = False) -> list[Problem]:
    """Give each problem its rule's severity (warnings become errors with ``strict``); drop what is off; sort."""
    rules = load_all()
    out: list[Problem] = []
    for p in problems:
        rule = rules.get(p.rule)
        severity = severity_of(rule, settings) if rule is not None else Severity.ERROR
        if severity is Severity.OFF:
            continue
        if strict and severity is Severity.WARNING:
            severity = Severity.ERROR
        out.append(p if p.severity is severity else p.with_severity(severity))
    out.sort(key=sort_key)
    return out


def run(settings: Settings, paths: Sequence[Path] | None = None, *, strict: bool = False, impl: Impl = "auto",
        jobs: int | None = None) -> Result:
    """Lint the given paths (default: the content folder) and return the glossary and problems.

    ``jobs``: processes used to parse (default: 1 for small inputs, up to the CPU count for large ones).
    """
    load_all()
    with gc_paused():
        glossary, problems = load_glossary(settings, paths, impl=impl, jobs=jobs)
        problems.extend(check(glossary, settings))
        return Result(glossary, stamp(problems, settings, strict=strict))

