"""SKOS export as JSON-LD: one skos:Concept per concept in a skos:ConceptScheme, one skos:Collection per category.

JSON-LD is plain JSON, so the json module does all escaping; concept IRIs are the site's term pages.
"""

from __future__ import annotations

import json
from typing import Any

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, Glossary, Term
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.exchange.registry import exporter

CONTEXT = {"skos": "http://www.w3.org/2004/02/skos/core#", "dct": "http://purl.org/dc/terms/"}
FALLBACK_BASE = "https://glossary.invalid/"  # when mkdocs.yml has no site_url


# SKOS has broader, narrower and related; each declared relation says which of them it maps to (its `skos`).
def relation_properties(settings: Settings) -> dict[str, str]:
    """Each relation's SKOS property: the built-in ones map to themselves, declared ones as configured."""
    out = {"broader": "skos:broader", "narrower": "skos:narrower", "related": "skos:related"}
    out.update({r.id: f"skos:{r.skos}" for r in settings.relations})
    return out


def base_iri(settings: Settings) -> str:
    base = settings.site_url or FALLBACK_BASE
    return base if base.endswith("/") else base + "/"


def concept_iri(settings: Settings, concept_id: str) -> str:
    return f"{base_iri(settings)}terms/{concept_id}/"


def _literal(text: str, lang: str) -> dict[str, str]:
    return {"@value": text, "@language": lang}


def _label_term(block_terms: tuple[Term, ...]) -> Term | None:
    """The term that becomes a language's prefLabel: the first preferred one, else the first proposed one."""
    return next((t for t in block_terms if t.status == "preferred"), None) or next((t for t in block_terms if t.status == "proposed"), None)


def _label_property(term: Term, preferred: Term | None) -> str:
    """Which SKOS label a term becomes: prefLabel for the label term, hiddenLabel when not in use, else altLabel."""
    if term is preferred:
        return "skos:prefLabel"
    return "skos:hiddenLabel" if term.status in NOT_IN_USE else "skos:altLabel"


def labels(concept: Concept) -> dict[str, list[dict[str, str]]]:
    """prefLabel: the first preferred term per language (SKOS allows one; a proposed one when none is preferred);
    altLabel: other preferred, admitted and proposed terms; hiddenLabel: deprecated and obsolete terms. A text already
    used as a label of the language is not repeated."""
    out: dict[str, list[dict[str, str]]] = {"skos:prefLabel": [], "skos:altLabel": [], "skos:hiddenLabel": []}
    for code, block in concept.locales.items():
        used: set[str] = set()
        preferred = _label_term(block.terms)
        for term in block.terms:
            if term.text in used:
                continue
            used.add(term.text)
            out[_label_property(term, preferred)].append(_literal(term.text, code))
    return {k: v for k, v in out.items() if v}


def _texts(concept: Concept, field: str) -> list[dict[str, str]]:
    """One field's texts (a string or a tuple of them) in every language, as literals; "" is a placeholder left out."""
    values = []
    for code, block in concept.locales.items():
        value = getattr(block, field)
        values += [_literal(v, code) for v in (value if isinstance(value, tuple) else (value,)) if v]
    return values


def _add_texts(node: dict[str, Any], concept: Concept) -> None:
    """Definitions, examples and notes, each property only when some language has one."""
    for prop, field in (("skos:definition", "definition"), ("skos:example", "examples"), ("skos:note", "notes")):
        values = _texts(concept, field)
        if values:
            node[prop] = values


def _add_relations(node: dict[str, Any], concept: Concept, settings: Settings, exported: set[str]) -> None:
    """Links to exported concepts; several relations can map to one SKOS property, which then lists a target once."""
    for name, prop in relation_properties(settings).items():
        targets = [{"@id": concept_iri(settings, t)} for t in concept.targets(name) if t in exported]
        if targets:
            node.setdefault(prop, [])
            node[prop] += [t for t in targets if t not in node[prop]]


def concept_node(concept: Concept, settings: Settings, exported: set[str]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": concept_iri(settings, concept.id),
        "@type": "skos:Concept",
        "skos:inScheme": {"@id": base_iri(settings)},
        "skos:notation": concept.id,
    }
    node.update(labels(concept))
    _add_texts(node, concept)
    _add_relations(node, concept, settings, exported)
    if not concept.targets("broader"):
        node["skos:topConceptOf"] = {"@id": base_iri(settings)}
    if concept.sources:
        node["dct:source"] = [{"@id": s.url} if s.url else s.title for s in concept.sources]
    return node


def _scheme(concepts: list[Concept], settings: Settings, codes: tuple[str, ...]) -> dict[str, Any]:
    """The concept scheme: named in each exported language, its top concepts those without a broader one."""
    return {
        "@id": base_iri(settings),
        "@type": "skos:ConceptScheme",
        "skos:prefLabel": [_literal(loc.site_name or "Glossary", loc.code) for loc in settings.locales if loc.code in codes],
        "skos:hasTopConcept": [{"@id": concept_iri(settings, c.id)} for c in concepts if not c.targets("broader")],
    }


def _collections(concepts: list[Concept], settings: Settings, codes: tuple[str, ...]) -> list[dict[str, Any]]:
    """One collection per category that has an exported concept, labelled in the exported languages."""
    base = base_iri(settings)
    return [
        {
            "@id": f"{base}categories/{cat.id}/",
            "@type": "skos:Collection",
            "skos:notation": cat.id,
            "skos:prefLabel": [_literal(text, code) for code, text in cat.labels.items() if code in codes],
            "skos:member": [{"@id": concept_iri(settings, c.id)} for c in concepts if c.category == cat.id],
        }
        for cat in settings.categories
        if any(c.category == cat.id for c in concepts)
    ]


@exporter("skos")
def export_skos(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """The concepts as a SKOS concept scheme in JSON-LD, sorted by id."""
    concepts = sorted(glossary.concepts, key=lambda c: c.id)
    exported = {c.id for c in concepts}
    codes = locales or settings.locale_codes
    graph = [_scheme(concepts, settings, codes), *(concept_node(c, settings, exported) for c in concepts), *_collections(concepts, settings, codes)]
    return (json.dumps({"@context": CONTEXT, "@graph": graph}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
