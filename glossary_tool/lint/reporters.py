"""Output formats for problems, kept in a name → function registry.

Paths and messages carry contributor text (file names, terms), so every format escapes their control characters.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence

from glossary_tool.core.problems import Problem
from glossary_tool.core.terminal import UNSAFE, clean, escape

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
    # Checked once over the whole output first: escaping each field of 50,000 problems cost a tenth of the lint.
    lines = [f"{p.path}:{p.line}:{p.column}: {p.severity.value}: {p.message} [{p.rule}]" for p in problems]
    if any(UNSAFE.search(line) for line in lines):
        lines = [f"{escape(p.path)}:{p.line}:{p.column}: {p.severity.value}: {escape(p.message)} [{escape(p.rule)}]" for p in problems]
    lines.append(summary(problems) if problems else "no problems")
    return "\n".join(lines) + "\n"


@reporter("json")
def as_json(problems: Sequence[Problem]) -> str:
    """A JSON array of objects with path, line, column, rule, severity and message.

    Laid out as ``json.dumps(items, indent=2)`` would, but each object is written from a template with json's C
    string encoder: with ``indent`` json encodes in Python, which took a second for 150,000 problems. json escapes
    C0 controls itself; ``clean`` escapes the rest (C1, bidi, lone surrogates of non-UTF-8 file names) as
    ``\\uXXXX``, which JSON reads back as the same characters."""
    if not problems:
        return "[]\n"
    s = json.encoder.encode_basestring  # ensure_ascii=False, like the dump this replaces
    items = [
        f'  {{\n    "path": {s(p.path)},\n    "line": {p.line},\n    "column": {p.column},\n    "rule": {s(p.rule)},\n'
        f'    "severity": {s(p.severity.value)},\n    "message": {s(p.message)}\n  }}'
        for p in problems
    ]
    return clean("[\n" + ",\n".join(items) + "\n]\n")


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


SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _uri(path: str) -> str:
    """A file path as a SARIF artifact URI: relative ones against the checkout (%SRCROOT%), others as file URIs."""
    from urllib.parse import quote

    path = path.replace(os.sep, "/")
    # A file name that is not UTF-8 reaches here with its bytes as lone surrogates: they become those bytes, %-encoded.
    return ("file://" if path.startswith("/") else "") + quote(path, safe="/", errors="surrogateescape")


@reporter("sarif")
def sarif(problems: Sequence[Problem]) -> str:
    """SARIF 2.1.0, the log code scanning reads (GitHub, GitLab, Azure DevOps): one run, a result per problem with its
    rule id, level and location. Columns count Unicode code points (``columnKind``), as every format here does."""
    from glossary_tool import __version__

    rules = sorted({p.rule for p in problems})
    index = {rule: i for i, rule in enumerate(rules)}
    results = []
    for p in problems:
        uri = _uri(p.path)
        location = {"uri": uri} if uri.startswith("file:") else {"uri": uri, "uriBaseId": "%SRCROOT%"}
        results.append(
            {
                "ruleId": p.rule,
                "ruleIndex": index[p.rule],
                "level": "error" if p.severity.value == "error" else "warning",
                "message": {"text": p.message},
                "locations": [{"physicalLocation": {"artifactLocation": location, "region": {"startLine": max(p.line, 1), "startColumn": max(p.column, 1)}}}],
            }
        )
    run = {
        "tool": {"driver": {"name": "glossary-tool", "version": __version__, "rules": [{"id": rule} for rule in rules]}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return clean(json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False)) + "\n"
