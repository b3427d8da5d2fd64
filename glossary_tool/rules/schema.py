"""The ``schema`` rule: turns a parsed document into a typed entry, or into located problems."""

from __future__ import annotations

import difflib
import functools
from typing import Any, Iterator

from pydantic import ValidationError

from glossary_tool.loader import Document, Loc
from glossary_tool.model import MODELS, Entry, json_schema
from glossary_tool.problems import Problem
from glossary_tool.rules import Context, rule


@functools.cache
def _schema() -> dict[str, Any]:
    return json_schema()


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    defs = _schema()["$defs"]
    while True:
        if "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in node:  # optional fields: take the non-null branch
            node = next(n for n in node["anyOf"] if n.get("type") != "null")
        else:
            return node


def allowed_keys(kind: str, loc: Loc) -> list[str]:
    """The keys the schema allows in the mapping at ``loc`` of an entry of ``kind``."""
    node = _resolve(_schema()["$defs"][MODELS[kind].__name__])
    for part in loc:
        if isinstance(part, int):
            node = _resolve(node.get("items", {}))
        elif part in node.get("properties", {}):
            node = _resolve(node["properties"][part])
        elif "patternProperties" in node:
            node = _resolve(next(iter(node["patternProperties"].values())))
        elif isinstance(node.get("additionalProperties"), dict):
            node = _resolve(node["additionalProperties"])
        else:
            return []
    return sorted(node.get("properties", {}))


def _message(kind: str, error: dict[str, Any]) -> str:
    loc = error["loc"]
    where = ".".join(str(p) for p in loc) or "entry"
    etype = error["type"]
    if etype == "extra_forbidden":
        allowed = allowed_keys(kind, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else (f"; allowed keys: {', '.join(allowed)}" if allowed else "")
        return f"unknown key '{loc[-1]}'{hint}"
    if etype == "missing":
        return f"missing required key '{loc[-1]}'"
    if etype == "literal_error":
        return f"{where}: {error['msg'].replace('Input should be', 'must be')}"
    if etype in ("string_type", "dict_type", "tuple_type", "list_type", "model_type", "model_attributes_type"):
        want = {"string_type": "text", "dict_type": "a mapping", "model_type": "a mapping", "model_attributes_type": "a mapping"}.get(etype, "a list")
        return f"{where}: must be {want}"
    if etype == "string_pattern_mismatch":
        return f"{where}: '{error.get('input', '')}' does not match {error['ctx']['pattern']}"
    if etype == "string_too_short":
        return f"{where}: must not be empty"
    if etype == "too_short":
        return f"{where}: needs at least {error['ctx']['min_length']} item(s)"
    if etype == "value_error":
        return f"{where}: {error['msg'].removeprefix('Value error, ')}"
    return f"{where}: {error['msg']}"


def validate(doc: Document) -> tuple[Entry | None, list[Problem]]:
    """Validate ``doc`` against its kind's model; return the entry or the problems."""
    kind = doc.data.get("kind")
    if not isinstance(kind, str) or kind not in MODELS:
        if "kind" not in doc.data:
            return None, [doc.problem("schema", (), "missing required key 'kind' (concept, comparison or faq)")]
        close = difflib.get_close_matches(str(kind), list(MODELS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return None, [doc.problem("schema", ("kind",), f"kind must be one of concept, comparison, faq{hint}")]
    try:
        model = MODELS[kind].model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        problems: list[Problem] = []
        for error in errors:
            loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("[")))
            # a list that fails on an item also reports "too short"; the item error is the useful one
            if error["type"] == "too_short" and any(e is not error and tuple(e["loc"][: len(loc)]) == loc for e in errors):
                continue
            at_key = error["type"] == "extra_forbidden"
            problems.append(doc.problem("schema", loc, _message(kind, error), at_key=at_key))
        return None, problems
    return Entry(model, doc), []


@rule("schema", scope="load")
def schema(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Every entry matches the entry format (see ``glossary_tool/schemas/entry.schema.json``).

    Passes: known keys, required keys present, allowed values (``type: fullForm``, ``status: preferred``),
    real ISO dates. Fails: an unknown key (with a "did you mean" hint), a missing required key,
    a value outside its list, an empty text, or a date such as ``2024-02-30``.
    """
    yield from validate(doc)[1]
