"""JSON export of the whole model (pydantic ``model_dump``), deterministic: entries by kind and id, keys sorted."""

from __future__ import annotations

import json

from glossary_tool.config import Settings
from glossary_tool.export import exporter
from glossary_tool.model import Glossary


@exporter("json")
def export_json(glossary: Glossary, settings: Settings) -> bytes:
    """``{"concepts": [...], "comparisons": [...], "faqs": [...]}`` with every field of the model."""
    data = {
        "concepts": [c.model_dump(mode="json") for c in sorted(glossary.concepts, key=lambda c: c.id)],
        "comparisons": [c.model_dump(mode="json") for c in sorted(glossary.comparisons, key=lambda c: c.id)],
        "faqs": [f.model_dump(mode="json") for f in sorted(glossary.faqs, key=lambda f: f.id)],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
