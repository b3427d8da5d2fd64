"""Lint orchestration: files → documents → entries → rule problems, with configured severities."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from glossary_tool.config import Settings
from glossary_tool.loader import Document, Impl, load_file
from glossary_tool.model import Entry, Glossary
from glossary_tool.problems import FatalError, Problem, Severity, sort_key
from glossary_tool.rules import Context, load_all
from glossary_tool.rules.schema import validate

SUFFIXES = (".yaml", ".yml")


def discover(paths: Sequence[Path]) -> list[Path]:
    """Entry files under ``paths`` (files are taken as given), sorted for deterministic output."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        elif path.is_file():
            found.add(path)
        else:
            raise FatalError(f"{path}: no such file or folder")
    return sorted(found)


def display_path(path: Path) -> str:
    """Paths relative to the working folder when possible: that is what editors and CI annotations want."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


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


def load_documents(files: Iterable[Path], settings: Settings, impl: Impl = "auto") -> tuple[list[Document], list[Problem]]:
    docs: list[Document] = []
    problems: list[Problem] = []
    for file in files:
        doc, found = load_file(file, display_path(file), max_bytes=settings.max_file_bytes, max_depth=settings.max_depth, impl=impl)
        problems.extend(found)
        if doc is not None:
            docs.append(doc)
    return docs, problems


def severity_of(rule_id: str, default: Severity, settings: Settings) -> Severity:
    return settings.rules.get(rule_id, default)


def run(settings: Settings, paths: Sequence[Path] | None = None, *, strict: bool = False, impl: Impl = "auto") -> Result:
    """Lint the given paths (default: the content folder) and return the glossary and problems."""
    rules = load_all()
    files = discover(paths or [settings.content_dir])
    docs, raw = load_documents(files, settings, impl)
    entries: list[Entry] = []
    for doc in docs:
        entry, found = validate(doc)
        raw.extend(found)
        if entry is not None:
            entries.append(entry)
    ctx = Context.build(settings, entries)
    active = [r for r in rules.values() if severity_of(r.id, r.severity, settings) is not Severity.OFF]
    for r in active:
        if r.scope == "document":
            for doc in docs:
                raw.extend(r.check(doc, ctx))
        elif r.scope == "entry":
            for entry in entries:
                raw.extend(r.check(entry, ctx))
        elif r.scope == "glossary":
            raw.extend(r.check(ctx))
    problems: list[Problem] = []
    for p in raw:
        rule = rules.get(p.rule)
        severity = severity_of(p.rule, rule.severity, settings) if rule and rule.scope != "load" else Severity.ERROR
        if severity is Severity.OFF:
            continue
        if strict and severity is Severity.WARNING:
            severity = Severity.ERROR
        problems.append(p.with_severity(severity))
    problems.sort(key=sort_key)
    return Result(Glossary(tuple(entries)), problems)
