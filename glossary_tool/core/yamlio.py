"""Round-trip YAML for the write commands: edit entries keeping comments and order, and emit new entries.

Reading for lint stays in ``loader.py`` (PyYAML, strings only); ruamel.yaml is used only where a file is written.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from glossary_tool.core.loader import load_text
from glossary_tool.core.loading import validate
from glossary_tool.core.model import Concept, Entry
from glossary_tool.core.problems import FatalError, Problem

if TYPE_CHECKING:
    from glossary_tool.core.config import Settings


# Entries live in content/<kind>/<id>.yaml, so the schema is two folders up from every entry.
def schema_comment(schema: Path, entry_file: Path) -> str:
    """Line 1 of an entry: tells YAML-aware editors where the project's JSON Schema is (relative to the entry)."""
    relative = os.path.relpath(schema, entry_file.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={relative}"


FOLD_AT = 80  # prose longer than this is written as a ">-" block wrapped near this column, like hand-written entries
_UNFOLDABLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
# Inside {flow} mappings ruamel.yaml (YAML 1.2) writes some plain scalars PyYAML (1.1, used by lint) cannot read,
# such as ":0"; free text there is quoted unless it is plainly words.
_PLAIN_IN_FLOW = re.compile(r"^[^\W\d_][\w ]*(?<! )$")


def round_trip_yaml() -> YAML:
    """A ruamel.yaml instance set up for the house style (2-space maps, ``  - `` list items, no re-wrapping)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the author wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    # Every value must be written out in full: the loader refuses anchors and aliases.
    yaml.representer.ignore_aliases = lambda data: True
    return yaml


def dump(data: Any, yaml: YAML | None = None) -> str:
    buf = io.StringIO()
    (yaml or round_trip_yaml()).dump(data, buf)
    return buf.getvalue()


def load_for_edit(text: str, path: str) -> tuple[YAML, CommentedMap]:
    """Parse ``text`` for editing; refuse files that ruamel.yaml cannot write back byte for byte.

    A file whose no-op load and save changes anything would be silently reformatted by an edit,
    so the command stops instead and names the file.
    """
    yaml = round_trip_yaml()
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        raise FatalError(f"{path}: not valid YAML ({str(exc).splitlines()[0]}); run 'glossary-tool lint {path}'") from None
    if not isinstance(data, CommentedMap):
        raise FatalError(f"{path}: an entry must be a mapping; run 'glossary-tool lint {path}'")
    if dump(data, yaml) != text:
        raise FatalError(
            f"{path}: cannot be edited without reformatting it (unusual indentation or line breaks); "
            "make the change by hand, or re-indent the file like the others first"
        )
    return yaml, data


def entry_problems(text: str, path: str, settings: Settings | None = None) -> tuple[Entry | None, list[Problem]]:
    """Parse ``text`` exactly as lint does: the entry, or None and the problems that stop it (positions in ``text``).

    With ``settings``, a concept's category and relation names must also be the glossary's own."""
    doc, problems = load_text(text, path, max_depth=settings.max_depth if settings is not None else 12)
    entry = None
    if doc is not None:
        entry, problems = validate(doc)
    if entry is not None and settings is not None and isinstance(entry.model, Concept):
        unknown = [name for name in entry.model.relations if name not in settings.relation_ids]
        if entry.model.category not in settings.category_ids:
            problems, entry = [entry.doc.problem(("category",), f"'{entry.model.category}' is not a declared category", rule="schema")], None
        elif unknown:
            problems, entry = (
                [entry.doc.problem(("relations", unknown[0]), f"'{unknown[0]}' is not a relation of this glossary", at_key=True, rule="schema")],
                None,
            )
    return entry, problems


def check_entry(text: str, path: str, settings: Settings | None = None) -> Entry:
    """``entry_problems`` for a write command: a write that would break the entry is fatal."""
    entry, problems = entry_problems(text, path, settings)
    if entry is None:
        first = problems[0] if problems else None
        where = f"{first.line}:{first.column}: {first.message}" if first else "invalid entry"
        raise FatalError(f"{path}: the result would not be a valid entry ({where}); nothing was written")
    return entry


def _flow(items: list[Any] | dict[str, Any]) -> CommentedSeq | CommentedMap:
    node: CommentedSeq | CommentedMap = CommentedSeq(items) if isinstance(items, list) else CommentedMap(items)
    node.fa.set_flow_style()
    return node


def _fold_positions(text: str) -> list[int]:
    """The single spaces between visible characters where a line of about ``FOLD_AT`` characters may break."""
    positions: list[int] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == " " and i - start >= FOLD_AT - 10 and not text[i - 1].isspace() and not text[i + 1].isspace():
            positions.append(i)
            start = i + 1
    return positions


def prose(text: str) -> str:
    """Long prose as a folded block wrapped at single spaces; anything a fold could change stays a plain scalar.

    Folding is only safe between two visible characters: a line break there reads back as one space.
    """
    if len(text) <= FOLD_AT or "  " in text or text != text.strip() or any(unicodedata.category(ch) in _UNFOLDABLE for ch in text):
        return text
    folded = FoldedScalarString(text)
    positions = _fold_positions(text)
    if not positions:  # one long word: a block scalar would only add a line
        return text
    folded.fold_pos = positions  # ruamel.yaml reads the fold points from this attribute
    result: str = folded  # a str subclass that ruamel.yaml writes as a folded block
    return result


def concept_data(concept: Concept) -> CommentedMap:
    """A concept as YAML nodes in the order and style of the hand-written entries (lists of ids in flow style)."""
    data = concept.model_dump(mode="python", exclude_defaults=True)
    out = CommentedMap()
    out["id"] = data["id"]
    out["kind"] = data["kind"]
    out["category"] = data["category"]
    relations = {k: _flow(list(v)) for k, v in data.get("relations", {}).items() if v}
    if relations:
        out["relations"] = CommentedMap(relations)
    out["sources"] = CommentedSeq(CommentedMap(s) for s in data["sources"])  # id first: the model declares it first
    out["locales"] = CommentedMap((code, _locale_node(block)) for code, block in data["locales"].items())
    return out


def _locale_node(block: dict[str, Any]) -> CommentedMap:
    """One language's block: terms, definition, then the optional lists and the translation record."""
    node = CommentedMap()
    node["terms"] = CommentedSeq(_term_node(term) for term in block["terms"])
    node["definition"] = prose(block["definition"])
    for key in ("examples", "notes"):
        if block.get(key):
            node[key] = CommentedSeq(prose(item) for item in block[key])
    if block.get("translated_from"):
        node["translated_from"] = _flow(dict(block["translated_from"]))
    return node


def _term_node(term: dict[str, Any]) -> CommentedMap:
    """One term: text, type and status first, then only the fields it has, in the hand-written order."""
    t = CommentedMap((k, term[k]) for k in ("text", "type", "status"))
    if "reading" in term:
        t["reading"] = term["reading"]
    if "grammar" in term:
        t["grammar"] = _flow({k: v if _PLAIN_IN_FLOW.match(v) else DoubleQuotedScalarString(v) for k, v in term["grammar"].items()})
    if term.get("sources"):
        t["sources"] = _flow(list(term["sources"]))
    for key in ("geographical_usage", "register"):
        if key in term:
            t[key] = term[key]
    if "note" in term:
        t["note"] = prose(term["note"])
    return t


def concept_yaml(concept: Concept, schema: Path, entry_file: Path) -> str:
    """The text of a new entry file for ``concept``: schema comment first, then the entry."""
    return schema_comment(schema, entry_file) + "\n" + dump(concept_data(concept))
