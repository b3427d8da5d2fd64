"""The lint runner: load the glossary, run every active rule, and stamp each problem's rule id and severity.

Rules only check; the runner decides severities (configuration, ``--strict``) and the order of the output. ``run`` lints
files, ``check_text`` one entry's text (as yamllint's ``linter.run`` does), ``check`` a glossary already loaded.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary_tool.core import progress
from glossary_tool.core.catalogs import CatalogMessage, catalog_files, read_messages
from glossary_tool.core.config import Settings
from glossary_tool.core.content_files import ContentFile, unreadable
from glossary_tool.core.loader import Impl, load_text
from glossary_tool.core.loading import gc_paused, load_checked, validate
from glossary_tool.core.model import Glossary
from glossary_tool.core.problems import Problem, Severity, sort_key
from glossary_tool.core.terminal import display_path
from glossary_tool.core.terms import Languages
from glossary_tool.lint import shards
from glossary_tool.lint.rules import load_all
from glossary_tool.lint.rules.registry import Context, Rule


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
    """A rule's configured severity; checks made while loading, and those of the content folder's names, always stop
    the file (or the build), so they are errors."""
    if rule.scope in ("load", "content"):
        return Severity.ERROR
    return settings.rules.get(rule.id, rule.severity)


def active_rules(settings: Settings, rules: Iterable[Rule] | None = None) -> list[Rule]:
    """``rules`` (default: every registered one) that are not off, without the checks made while loading."""
    return [r for r in (rules if rules is not None else load_all().values()) if severity_of(r, settings) is not Severity.OFF and r.scope != "load"]


def check(
    glossary: Glossary,
    settings: Settings,
    rules: Iterable[Rule] | None = None,
    *,
    languages: Languages | None = None,
    jobs: int = 1,
    already_found: Mapping[str, list[Problem]] | None = None,
) -> list[Problem]:
    """Run ``rules`` (default: every registered one that is not off) over a loaded glossary; problems unstamped.

    ``languages`` holds the stemmed words of texts, which depend on each text alone: a caller that checks again after
    an edit may pass the same one every time, so that unchanged texts are not redone. ``jobs`` > 1 runs the rules in
    that many forked processes; the findings are the same, in the same order. ``already_found``: the findings of
    rules already run over the whole glossary (by rule id; ``run`` runs some while it parses), taken in their turn."""
    ctx = Context.build(settings, list(glossary.entries))
    if languages is not None:
        ctx.languages = languages
    already_found = already_found or {}
    out: list[Problem] = []
    catalogs: list[list[CatalogMessage]] = []  # the project's UI catalogs, read once for every catalog rule
    active = active_rules(settings, rules)
    with progress.task("checking entries", len(active), "rules") as bar:
        # Catalog rules read files of their own: they stay here, in their turn, with what could not be read.
        left = [r for r in active if r.scope != "catalog" and r.id not in already_found]
        found_elsewhere = {**already_found, **(shards.in_parallel(left, glossary, ctx, jobs) if jobs > 1 and left else {})}
        for r in active:
            if r.scope == "catalog":
                found: Iterable[Problem] = _catalog_found(r, ctx, catalogs, out)
            else:
                found = found_elsewhere[r.id] if r.id in found_elsewhere else r.found_in(glossary, ctx)
            out.extend(dataclasses.replace(p, rule=r.id) for p in found)
            bar.advance()
    return out


def _catalog_found(rule: Rule, ctx: Context, catalogs: list[list[CatalogMessage]], out: list[Problem]) -> Iterable[Problem]:
    """What a catalog rule finds in the project's UI catalogs, read on the first call (what cannot be read goes to ``out``)."""
    if not catalogs:
        messages, unread = _catalog_messages(ctx.settings)
        catalogs.append(messages)
        out += unread
    return (p for m in catalogs[0] for p in rule.check(m, ctx))


def _catalog_messages(settings: Settings) -> tuple[list[CatalogMessage], list[Problem]]:
    messages: list[CatalogMessage] = []
    problems: list[Problem] = []
    for path in catalog_files(settings.root / "locales"):
        found, unread = read_messages(path, display_path(path))
        messages += found
        problems += unread
    return messages, problems


def content_problems(items: Sequence[ContentFile], settings: Settings) -> list[Problem]:
    """What the content folder must not hold, stamped: the names it could not examine and every content-folder rule's
    findings. The site build asks before MkDocs walks the folder, which follows every link."""
    glossary = Glossary((), (), tuple(items))
    rules = [r for r in load_all().values() if r.scope == "content"]
    return stamp([*unreadable(items), *check(glossary, settings, rules)], settings)


def check_text(text: str, settings: Settings, path: str = "entry.yaml", *, impl: Impl = "auto") -> list[Problem]:
    """Lint one entry's text as if it were the only file of the glossary: the loader's checks, the schema and every
    active rule; stamped and sorted, as ``run`` reports them."""
    doc, problems = load_text(text, path, max_depth=settings.max_depth, impl=impl)
    if doc is None:
        return stamp(problems, settings)
    entry, problems = validate(doc)
    glossary = Glossary((entry,) if entry is not None else (), (doc,))
    return stamp([*problems, *check(glossary, settings)], settings)


def build_errors(glossary: Glossary, problems: Iterable[Problem], settings: Settings, *, jobs: int = 1) -> str | None:
    """Lint a loaded glossary as a site build does (``problems``: its loading problems): None when nothing is an error,
    else why the build stops, with every problem as the text reporter prints them."""
    from glossary_tool.lint.reporters import REPORTERS

    found = stamp([*problems, *check(glossary, settings, jobs=jobs)], settings)
    if not any(p.severity is Severity.ERROR for p in found):
        return None
    return "the glossary has errors:\n" + REPORTERS["text"](found)


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


def run(settings: Settings, paths: Sequence[Path] | None = None, *, strict: bool = False, impl: Impl = "auto", jobs: int | None = None) -> Result:
    """Lint the given paths (default: the content folder) and return the glossary and problems.

    ``jobs``: processes used to parse and to check (default: 1 for small inputs, up to the CPU count for large ones).
    """
    # The rules that look at one file alone run in the processes that parse the files, on each one's part of the
    # glossary, while the other parts are parsed; the rest run once the whole glossary is loaded.
    early = [r for r in active_rules(settings) if shards.while_parsing(r)]
    languages = Languages()  # the main process's stemmed words and term patterns serve the later rules too
    each_part = functools.partial(shards.found_in_part, early, ctx=Context(settings, languages=languages))
    with gc_paused():
        glossary, problems, per_part = load_checked(settings, paths, impl=impl, jobs=jobs, each_part=each_part)
        found = shards.merged(early, per_part)
        check_jobs = shards.jobs_for(glossary) if jobs is None else jobs
        problems.extend(check(glossary, settings, languages=languages, jobs=check_jobs, already_found=found))
        return Result(glossary, stamp(problems, settings, strict=strict))
