"""SKOS export: JSON-LD that RDF tools read as a concept scheme with language-tagged labels and relations."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, concept, make_settings, write_files
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from glossary_tool.exchange.skos import export_skos
from glossary_tool.lint import run

# rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph internally
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
DCT = Namespace("http://purl.org/dc/terms/")
BASE = "https://glossary.invalid/"


@pytest.fixture
def graph(tmp_path: Path) -> Graph:
    for f in (FIXTURES / "valid").glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    write_files(
        tmp_path,
        {
            "old.yaml": concept("old", en="bygone term")
            .replace("status: preferred\n    definition", "status: deprecated\n    definition", 1)
            .replace("category: model", "category: notion\nrelations: {related: [kpo], contrast: [bpo]}")
        },
    )
    settings = make_settings(tmp_path)
    result = run(settings)
    assert result.errors == 0
    return Graph().parse(data=export_skos(result.glossary, settings).decode("utf-8"), format="json-ld")


def c(cid: str) -> URIRef:
    return URIRef(f"{BASE}terms/{cid}/")


def test_scheme_and_concepts(graph: Graph) -> None:
    scheme = URIRef(BASE)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts == {c(x) for x in ("bpo", "kpo", "outsourcing", "customer-service", "old")}
    assert all((x, SKOS.inScheme, scheme) in graph for x in concepts)
    assert set(graph.objects(scheme, SKOS.hasTopConcept)) == {c("outsourcing"), c("customer-service"), c("old")}


def test_labels_have_language_tags_and_one_preferred_label_per_language(graph: Graph) -> None:
    assert (c("kpo"), SKOS.prefLabel, Literal("knowledge process outsourcing", lang="en")) in graph
    assert (c("kpo"), SKOS.altLabel, Literal("KPO", lang="en")) in graph  # the second preferred term
    assert (c("kpo"), SKOS.prefLabel, Literal("KPO", lang="sv")) in graph
    assert (c("kpo"), SKOS.altLabel, Literal("outsourcing av kunskapsprocesser", lang="sv")) in graph
    assert (c("old"), SKOS.hiddenLabel, Literal("bygone term", lang="en")) in graph
    # obsolete terms are hidden like deprecated ones; proposed and admitted ones are alternatives
    assert (c("outsourcing"), SKOS.hiddenLabel, Literal("entreprenadutläggning", lang="sv")) in graph
    assert (c("outsourcing"), SKOS.altLabel, Literal("utläggning", lang="sv")) in graph
    for subject in graph.subjects(RDF.type, SKOS.Concept):
        per_language = Counter(label.language if isinstance(label, Literal) else None for label in graph.objects(subject, SKOS.prefLabel))
        assert all(n == 1 for n in per_language.values()), subject


def test_definitions_relations_and_collections(graph: Graph) -> None:
    assert (
        c("kpo"),
        SKOS.definition,
        Literal("Att lägga ut kunskapsintensivt arbete, till exempel analys och utredning, på en extern leverantör med specialistkompetens.", lang="sv"),
    ) in graph
    assert (c("kpo"), SKOS.example, Literal("A bank uses a KPO provider for its equity research.", lang="en")) in graph
    assert (c("kpo"), SKOS.broader, c("outsourcing")) in graph and (c("old"), SKOS.related, c("kpo")) in graph
    assert (c("old"), SKOS.related, c("bpo")) in graph  # contrast is an associative relation
    assert (c("kpo"), DCT.source, URIRef("https://example.org/bpo-vs-kpo")) in graph
    models = URIRef(f"{BASE}categories/model/")
    assert (models, RDF.type, SKOS.Collection) in graph and set(graph.objects(models, SKOS.member)) == {c("bpo"), c("kpo")}
