"""Output formats for problems, kept in a name → function registry.

Paths and messages carry contributor text (file names, terms), so every format escapes their control characters.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from glossary_tool.problems import Problem
from glossary_tool.terminal import clean, escape

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
    # One problem per line, always: a newline in a file name must not start a line of its own (a CI workflow command).
    lines = [f"{escape(p.path)}:{p.line}:{p.column}: {p.severity.value}: {escape(p.message)} [{escape(p.rule)}]" for p in problems]
    lines.append(summary(problems) if problems else "no problems")
    return "\n".join(lines) + "\n"


@reporter("json")
def as_json(problems: Sequence[Problem]) -> str:
    """A JSON array of objects with path, line, column, rule, severity and message.

    Written one object at a time: a single ``json.dumps`` of 50,000 problems held the whole list of dicts and
    its text at once. json escapes C0 controls itself; ``clean`` escapes the rest (C1, bidi, lone surrogates of
    non-UTF-8 file names) as ``\\uXXXX``, which JSON reads back as the same characters."""
    if not problems:
        return "[]\n"
    dumps = json.JSONEncoder(ensure_ascii=False, indent=2).encode
    parts = ["[\n"]
    last = len(problems) - 1
    for i, p in enumerate(problems):
        item = {"path": p.path, "line": p.line, "column": p.column, "rule": p.rule, "severity": p.severity.value, "message": p.message}
        parts.append("  " + dumps(item).replace("\n", "\n  ") + (",\n" if i < last else "\n"))
    parts.append("]\n")
    return clean("".join(parts))


def _escape_data(value: str) -> str:
    # GitHub workflow commands: %, CR and LF must be escaped in the message (then the other controls, for the log) ...
    return clean(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


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
