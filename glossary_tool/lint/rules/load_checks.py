"""Checks done by the loader before a file becomes data; documented here under their rule ids.

They always stop the file, so their severity is always error.
"""

from __future__ import annotations

from collections.abc import Iterable

from glossary_tool.core.problems import Problem
from glossary_tool.lint.rules.registry import rule


def _documented(rule_id: str, doc: str) -> None:
    def check() -> Iterable[Problem]:
        return ()

    check.__doc__ = doc
    rule(rule_id, scope="load")(check)


_documented("unreadable", "Passes: a file the tool can open. Fails: a file that cannot be read (permissions, vanished).")
_documented("file-too-large", "Passes: a file up to ``max_file_bytes`` (256 KiB by default). Fails: a larger file; it is not read at all.")
_documented("encoding", "Passes: UTF-8 text (a leading BOM is allowed). Fails: any byte sequence that is not UTF-8, reported at its position.")
_documented(
    "forbidden-character",
    "Passes: visible text, tabs and newlines. Fails: control characters, zero-width characters, bidi overrides and isolates, soft hyphens and Unicode line separators, which hide differences or reorder text.",
)
_documented("yaml-syntax", "Passes: well-formed YAML. Fails: anything PyYAML cannot parse; the position is PyYAML's.")
_documented("yaml-tag", "Passes: untagged values. Fails: any explicit tag such as ``!!python/object`` or ``!!str``; every value is plain text.")
_documented("yaml-anchor", "Passes: values written out in full. Fails: an anchor (``&name``), which could be used to expand an entry to gigabytes.")
_documented("yaml-alias", "Passes: values written out in full. Fails: an alias (``*name``).")
_documented("duplicate-key", "Passes: each key once per mapping. Fails: a repeated key; the message names the line of the first.")
_documented("yaml-depth", "Passes: nesting up to ``max_depth`` (12 by default). Fails: deeper nesting, reported where the limit is crossed.")
_documented("yaml-document", "Passes: one YAML document per file. Fails: a second document after ``---``.")
_documented("yaml-complex-key", "Passes: plain-text keys. Fails: a list or mapping used as a key.")
_documented(
    "schema",
    """Every entry matches the entry format (the project's JSON Schema: ``glossary-tool schema``).

Passes: known keys, required keys present, allowed values (``type: fullForm``, ``status: preferred``),
real ISO dates. Fails: an unknown key (with a "did you mean" hint), a missing required key,
a value outside its list, an empty text, or a date such as ``2024-02-30``.""",
)
_documented("not-a-mapping", "Passes: a file whose top level is a mapping starting with ``id:``. Fails: an empty file, a list or a bare value.")
