"""Property tests: YAML → TBX (2019 and 2008), CSV or xlsx → YAML change nothing the format can carry."""

# Random glossaries (Swedish letters, quotes, a leading '=', newlines where the format keeps them) are written as
# YAML entries, read back as lint reads them, exported, imported, written as YAML again and compared.

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import make_settings
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tbxcheck import tbx_errors

from glossary_tool.core.ids import slug_problem
from glossary_tool.core.model import Concept, ConceptLocale, Entry, Glossary, Grammar, Source, Term
from glossary_tool.core.terms import term_key
from glossary_tool.core.yamlio import check_entry, concept_yaml
from glossary_tool.exchange.csvfile import export_csv, import_csv
from glossary_tool.exchange.tbx import export_tbx, import_tbx
from glossary_tool.exchange.tbx2008 import export_tbx2008
from glossary_tool.exchange.xlsxfile import export_xlsx, import_xlsx

SETTINGS = make_settings(Path("content"))
SCHEMA = Path("content/entry.schema.json")
# GLOSSARY_PROPERTY_EXAMPLES=2000 for a longer local run
PROPERTY_EXAMPLES = int(os.environ.get("GLOSSARY_PROPERTY_EXAMPLES", "60"))
PROPERTY = settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Letters a glossary uses plus the characters that break naive writers: quotes, separators, YAML/CSV/XML syntax.
SPECIAL = "åäöÅÄÖéü \"';,:#&<>=+-@[]{}|>*!%`—“”…\u00a0"
BASE_CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp", "Co", "Cn"))


def _text(newlines: bool, max_size: int) -> st.SearchStrategy[str]:
    alphabet = st.one_of(BASE_CHARS, st.sampled_from(SPECIAL + ("\n\t\r" if newlines else "")))
    core = st.text(alphabet, min_size=1, max_size=max_size).map(lambda s: unicodedata.normalize("NFC", s))
    prefixed = st.tuples(st.sampled_from(["=", "+", "-", "@", "'", "TODO "]), core).map("".join)
    return st.one_of(core, prefixed).filter(lambda s: s.strip() != "")


def tbx_text(max_size: int) -> st.SearchStrategy[str]:
    """Text as TBX carries it: XML white space inside element content is not significant, so none is repeated."""
    return _text(False, max_size).map(lambda s: re.sub(r"[ \t\r\n]+", " ", s).strip(" ")).filter(bool)


def any_text(max_size: int) -> st.SearchStrategy[str]:
    return _text(True, max_size)


IDS = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True).filter(lambda s: slug_problem(s, frozenset({"en", "sv"})) is None)
HASH = st.from_regex(r"[0-9a-f]{10}", fullmatch=True)
URL = st.from_regex(r"https?://[a-z0-9]{1,10}\.[a-z]{2,3}/[A-Za-z0-9_~%-]{0,12}", fullmatch=True)


@functools.cache
def _parts(text: Callable[[int], st.SearchStrategy[str]], hashes: bool) -> dict[str, st.SearchStrategy[Any]]:
    """Strategies built once per text kind (building them inside every draw makes Hypothesis re-validate them)."""
    grammar = st.none() | st.builds(
        Grammar,
        pos=st.none() | st.sampled_from(["noun", "verb", "adjective", "adverb", "properNoun", "other"]),
        gender=st.none() | st.sampled_from(["utrum", "neutrum", "masculine", "feminine", "neuter", "other"]),
        plural=st.none() | text(15),
    ).filter(lambda g: g != Grammar())
    # the fields issue 23 and issue 20 added to a term: every status, where and in which register it is used, a note, a reading
    term = st.builds(
        Term,
        text=text(30),
        type=st.sampled_from(["fullForm", "abbreviation", "acronym", "shortForm", "variant", "phrase"]),
        status=st.sampled_from(["preferred", "admitted", "deprecated", "proposed", "obsolete"]),
        grammar=grammar,
        geographical_usage=st.none() | st.sampled_from(["SE", "FI", "US", "419"]),
        register=st.none() | st.sampled_from(["colloquial", "technical", "inHouse", "slang", "vulgar"]),
        note=st.none() | text(60),
        reading=st.none() | text(15),
    )
    recorded = st.dictionaries(st.sampled_from(["terms", "definition", "examples", "notes"]), HASH, max_size=3) if hashes else st.just({})
    block = st.builds(
        ConceptLocale,
        terms=st.lists(term, min_size=1, max_size=3).map(tuple),
        definition=text(200),
        examples=st.lists(text(120), max_size=2).map(tuple),
        notes=st.lists(text(120), max_size=2).map(tuple),
        translated_from=recorded,
    )
    source = st.builds(
        Source,
        title=text(40),
        publisher=st.none() | text(20),
        date=st.none() | st.dates().map(lambda d: d.isoformat()),
        url=st.none() | URL,
        language=st.none() | st.sampled_from(["sv", "en", "fi"]),
    )  # the language of its title
    return {
        "block": block,
        "sources": st.lists(source, min_size=1, max_size=2).map(tuple),
        "codes": st.lists(st.sampled_from(["en", "sv"]), min_size=1, max_size=2, unique=True),
        "category": st.sampled_from(["general", "model", "location", "service", "notion", "challenge"]),
        "ids": st.lists(IDS, min_size=1, max_size=4, unique=True),
    }


@st.composite
def glossaries(draw: Callable[..., Any], text: Callable[[int], st.SearchStrategy[str]], hashes: bool) -> list[Concept]:
    parts = _parts(text, hashes)
    ids = draw(parts["ids"])
    concepts = []
    for cid in ids:
        others = st.lists(st.sampled_from([o for o in ids if o != cid]), unique=True, max_size=2) if len(ids) > 1 else st.just([])
        relations = {name: tuple(draw(others)) for name in SETTINGS.relation_ids}
        locales = {code: draw(parts["block"]) for code in draw(parts["codes"])}
        concepts.append(Concept(id=cid, kind="concept", category=draw(parts["category"]), relations=relations, sources=draw(parts["sources"]), locales=locales))
    # a valid glossary: a term names one concept per language (lint's duplicate-term; an import leaves out a second one)
    named = [(code, term_key(t.text), c.id) for c in concepts for code, block in c.locales.items() for t in block.terms]
    assume(len({(code, key) for code, key, _ in named}) == len({(code, key, cid) for code, key, cid in named}))
    return concepts


def as_yaml_glossary(concepts: list[Concept]) -> Glossary:
    """Write every concept as an entry file's text and read it back the way lint does (YAML → model)."""
    entries = []
    for c in concepts:
        entry = check_entry(concept_yaml(c, SCHEMA, Path(f"content/concepts/{c.id}.yaml")), f"content/concepts/{c.id}.yaml")
        assert entry.model == c
        entries.append(Entry(entry.model, entry.doc))
    return Glossary(tuple(entries))


def back_to_yaml(imported: list[Any]) -> list[Concept]:
    models = [check_entry(concept_yaml(i.concept, SCHEMA, Path("content/concepts/x.yaml")), "x.yaml").model for i in imported]
    concepts = [m for m in models if isinstance(m, Concept)]
    assert len(concepts) == len(models), "an import made something other than a concept"
    return concepts


@PROPERTY
@given(glossaries(tbx_text, hashes=False))
def test_yaml_tbx_yaml(concepts: list[Concept]) -> None:
    glossary = as_yaml_glossary(concepts)
    data = export_tbx(glossary, SETTINGS)
    assert tbx_errors(data) == []
    imported, problems = import_tbx(data, "x.tbx", SETTINGS)
    assert problems == []
    assert back_to_yaml(imported) == sorted(concepts, key=lambda c: c.id)


@PROPERTY
@given(glossaries(any_text, hashes=True))
def test_yaml_csv_yaml(concepts: list[Concept]) -> None:
    glossary = as_yaml_glossary(concepts)
    imported, problems = import_csv(export_csv(glossary, SETTINGS), "x.csv", SETTINGS)
    assert problems == []
    assert back_to_yaml(imported) == sorted(concepts, key=lambda c: c.id)


@PROPERTY
@given(glossaries(any_text, hashes=True))
def test_tbx_drops_only_what_it_cannot_carry(concepts: list[Concept]) -> None:
    """With any text, the TBX round trip keeps everything except white space runs and the translation hashes."""

    def carried(c: Concept) -> Concept:
        def norm(s: str) -> str:
            return re.sub(r"[ \t\r\n]+", " ", s).strip(" ")

        data = c.model_dump()
        for block in data["locales"].values():
            block["translated_from"] = {}
        return Concept.model_validate(_map_strings(data, norm))

    glossary = as_yaml_glossary(concepts)
    imported, problems = import_tbx(export_tbx(glossary, SETTINGS), "x.tbx", SETTINGS)
    if any(p.severity.value == "error" for p in problems):  # text that is only white space cannot be a TBX term
        assert any(not re.sub(r"[ \t\r\n]+", "", t.text) for c in concepts for b in c.locales.values() for t in b.terms)
        return
    expected = sorted((carried(c) for c in concepts), key=lambda c: c.id)
    assert [i.concept for i in imported] == expected


def _map_strings(node: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(node, str):
        return fn(node)
    if isinstance(node, dict):
        return {k: (v if k in ("id", "type", "status", "pos", "gender", "category", "date", "url") else _map_strings(v, fn)) for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [_map_strings(v, fn) for v in node]
    return node


@PROPERTY
@given(glossaries(tbx_text, hashes=False))
def test_yaml_tbx2008_yaml(concepts: list[Concept]) -> None:
    glossary = as_yaml_glossary(concepts)
    imported, problems = import_tbx(export_tbx2008(glossary, SETTINGS), "x.tbx", SETTINGS)
    assert problems == []
    assert back_to_yaml(imported) == sorted(concepts, key=lambda c: c.id)


@settings(max_examples=max(10, PROPERTY_EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(glossaries(any_text, hashes=True))
def test_yaml_xlsx_yaml(concepts: list[Concept]) -> None:
    glossary = as_yaml_glossary(concepts)
    imported, problems = import_xlsx(export_xlsx(glossary, SETTINGS), "x.xlsx", SETTINGS)
    assert problems == []
    assert back_to_yaml(imported) == sorted(concepts, key=lambda c: c.id)
