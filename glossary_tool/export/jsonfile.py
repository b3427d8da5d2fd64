"""JSON export of the whole model (pydantic ``model_dump``), deterministic: entries by kind and id, keys sorted."""

from __future__ import annotations

import json
from typing import Any

from glossary_tool.config import Settings
from glossary_tool.export import exporter
from glossary_tool.model import Glossary


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
