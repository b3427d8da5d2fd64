"""The search index written by MkDocs' search plugin, adjusted: each term page's entry gets its other names.

Material ranks and shows entries from ``search/search_index.json``; this adds a hidden field with synonyms.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path

from glossary_tool.render import RenderedPage

SYNONYMS_FIELD = "synonyms"
SYNONYMS_BOOST = 10.0


def add_synonyms(index_file: Path, pages: Iterable[RenderedPage]) -> None:
    """Give each concept page's first index entry its other terms (hidden) and, when empty, its short definition."""
    if not index_file.exists():
        return
    concepts = {p.url: p for p in pages if p.search_words}
    data = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in data["docs"]:
        page = concepts.get(doc["location"])
        if page is None:  # only a concept page's first entry; its sections stay as they are
            continue
        doc[SYNONYMS_FIELD] = page.search_words
        if not doc.get("text") and page.description:
            # Results show this entry's text (as HTML): the short definition, escaped, rather than nothing.
            doc["text"] = f"<p>{html.escape(page.description)}</p>"
    index_file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
