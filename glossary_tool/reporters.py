"""Output formats for problems, kept in a name → function registry."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from glossary_tool.problems import Problem

Reporter = Callable[[Sequence[Problem]], str]
REPORTERS: dict[str, Reporter] = {}


def reporter(name: str) -> Callable[[Reporter], Reporter]:
    def register(fn: Reporter) -> Reporter:
        REPORTERS[name] = fn
        return fn

    return register


def summary(problems: Sequence[Problem]) -> str:
    errors = sum(p.severity.value == "error" for p in problems)
    warnings = len(problems) - errors
    return f"{errors} error(s), {warnings} warning(s)"


@reporter("text")
def text(problems: Sequence[Problem]) -> str:
    """``path:line:column: severity: message [rule]`` lines, the form editors and terminals link."""
    lines = [f"{p.path}:{p.line}:{p.column}: {p.severity.value}: {p.message} [{p.rule}]" for p in problems]
    lines.append(summary(problems) if problems else "no problems")
    return "\n".join(lines) + "\n"


@reporter("json")
def as_json(problems: Sequence[Problem]) -> str:
    """A JSON array of objects with path, line, column, rule, severity and message."""
    items = [
        {"path": p.path, "line": p.line, "column": p.column, "rule": p.rule, "severity": p.severity.value, "message": p.message}
        for p in problems
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    # GitHub workflow commands: %, CR and LF must be escaped in the message ...
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    # ... and additionally ':' and ',' in properties such as file and title.
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


@reporter("github")
def github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands, which show as annotations on the changed lines."""
    lines = []
    for p in problems:
        level = "error" if p.severity.value == "error" else "warning"
        props = f"file={_escape_property(p.path)},line={p.line},col={p.column},title={_escape_property(p.rule)}"
        lines.append(f"::{level} {props}::{_escape_data(p.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
