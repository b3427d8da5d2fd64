"""JSON export of the whole model (pydantic ``model_dump``), deterministic: entries by kind and id, keys sorted.

The import reads the concepts of such a file back; its comparisons and questions are reported, not written."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from glossary_tool.config import Settings
from glossary_tool.export import Imported, ImportOptions, Placeholders, exporter, importer, match_locale, problem, validation_problems
from glossary_tool.model import Concept, Glossary
from glossary_tool.problems import Problem, Severity

RULE = "import-json"


def _present(node: Any) -> Any:
    """Without the empty texts that stand for placeholders the export left out (the model has no other "")."""
    if isinstance(node, dict):
        return {k: _present(v) for k, v in node.items() if v != ""}
    if isinstance(node, list):
        return [_present(v) for v in node]
    return node


@exporter("json")
def export_json(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """``{"concepts": [...], "comparisons": [...], "faqs": [...]}`` with every field of the model."""
    data = {
        "concepts": [_present(c.model_dump(mode="json")) for c in sorted(glossary.concepts, key=lambda c: c.id)],
        "comparisons": [_present(c.model_dump(mode="json")) for c in sorted(glossary.comparisons, key=lambda c: c.id)],
        "faqs": [_present(f.model_dump(mode="json")) for f in sorted(glossary.faqs, key=lambda f: f.id)],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


@importer("json")
def import_json(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """The concepts of a file this exporter wrote (or any file of the same shape); a language left out because it
    had only placeholders stays out, and a missing definition or source comes back as a placeholder."""
    try:
        text = data.decode("utf-8-sig")
        doc = json.loads(text)
    except UnicodeDecodeError as exc:
        return [], [problem(path, 1, RULE, f"is not UTF-8 (byte {exc.start})")]
    except json.JSONDecodeError as exc:
        return [], [problem(path, exc.lineno, RULE, f"not valid JSON: {exc.msg} (column {exc.colno})")]
    except RecursionError:
        return [], [problem(path, 1, RULE, "not readable: nested too deeply")]
    if not isinstance(doc, dict) or not isinstance(doc.get("concepts"), list):
        return [], [problem(path, 1, RULE, 'expected an object with a "concepts" list, as `export --format json` writes')]
    problems: list[Problem] = []
    left = {kind: len(doc[kind]) for kind in ("comparisons", "faqs") if isinstance(doc.get(kind), list) and doc[kind]}
    if left:
        what = " and ".join(f"{n} {kind}" for kind, n in left.items())
        problems.append(problem(path, 1, RULE, f"{what} in the file are not imported: an import writes concepts only", Severity.WARNING))
    placeholders = Placeholders()
    lines = _Lines(text)
    out: list[Imported] = []
    for n, item in enumerate(doc["concepts"]):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.append(problem(path, 1, RULE, f"concepts[{n}] is not an object with an \"id\"; left out"))
            continue
        cid = item["id"]
        line = lines.of(cid)
        entry = _restored(item, cid, line, placeholders, settings, path, problems)
        try:
            out.append(Imported(Concept.model_validate(entry), line))
        except ValidationError as exc:
            problems.extend(validation_problems(exc, path, line, RULE, cid))
    problems.extend(placeholders.problems(path, RULE))
    return out, problems


def _restored(item: dict[str, Any], cid: str, line: int, placeholders: Placeholders, settings: Settings, path: str,
              problems: list[Problem]) -> dict[str, Any]:
    """The entry with its languages matched to the configured ones and placeholders where the export left text out."""
    entry = {**item, "kind": "concept"}
    locales: dict[str, Any] = {}
    raw = item.get("locales")
    for tag, block in (raw.items() if isinstance(raw, dict) else ()):
        code = match_locale(str(tag), settings)
        if code is None:
            problems.append(problem(path, line, RULE, f"concept '{cid}': language '{tag}' is not configured; left out", Severity.WARNING))
            continue
        if code != tag:
            problems.append(problem(path, line, RULE, f"concept '{cid}': language '{tag}' was read as '{code}'", Severity.WARNING))
        missing = isinstance(block, dict) and not block.get("definition")
        locales[code] = {**block, "definition": placeholders.add(f"'{code}' definition", cid, line)} if missing else block
    entry["locales"] = locales
    if not item.get("sources"):
        entry["sources"] = [{"title": placeholders.add("source", cid, line)}]
    return entry


class _Lines:
    """Where each concept's id is given, looked for from the previous one on: concepts come in file order, so the
    text is read once however many there are (the file keeps no other record of where an object starts)."""

    def __init__(self, text: str) -> None:
        self.text, self.at, self.line = text, 0, 1

    def of(self, cid: str) -> int:
        found = self.text.find(f'"id": {json.dumps(cid, ensure_ascii=False)}', self.at)
        if found < 0:
            return 1
        self.line += self.text.count("\n", self.at, found)
        self.at = found
        return self.line
