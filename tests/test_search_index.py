"""The search index's display data: each record's kind and, for a concept, its deprecated terms in the locale."""

from __future__ import annotations

import json

from conftest import ROOT

from glossary_tool.core.config import load_settings
from glossary_tool.lint import run
from glossary_tool.site import search_index


def test_records_carry_their_kind_and_the_locale_s_deprecated_terms() -> None:
    settings = load_settings(ROOT / "mkdocs.yml")
    glossary = run(settings).glossary
    recs = {r.url: r for r in search_index.records(glossary, settings, "sv", [])}
    assert recs["terms/customer-service/"].kind == "concept" and recs["terms/customer-service/"].deprecated == ("kundvård",)
    assert recs["terms/kpo/"].deprecated == ("kunskapsprocess outsourcing",)  # Swedish terms only on the Swedish site
    assert recs["compare/bpo-vs-kpo/"].kind == recs["compare/bpo-vs-kpo/#skill-level"].kind == "comparison"
    assert {r.kind for r in recs.values() if r.url.startswith("faq/#")} == {"question"}
    assert all(r.kind in search_index.KINDS for r in recs.values())
    files = search_index.Index("sv").files(list(recs.values()))
    docs = [d for name, body in files.items() if name.split("/")[-2:-1] == ["d"] for d in json.loads(body)["docs"]]
    assert next(d[:2] for d in docs if d[0] == "terms/customer-service/") == ["terms/customer-service/", "kundtjänst"]
    assert next(d for d in docs if d[0] == "terms/customer-service/")[3:] == ["concept", ["kundvård"]]
    assert next(d for d in docs if d[0] == "terms/bpo/")[3:] == ["concept"]  # no deprecated term: nothing more
