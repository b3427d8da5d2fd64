"""The automata of ``check`` find exactly what the lint matcher's own index finds, in any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary_tool.check.terms import GlossaryTerms, leftmost_longest
from glossary_tool.core.terms import Language, TermIndex

RECORDS = [
    ("service", "sv", "kundtjänst", "preferred"),
    ("service", "sv", "kundvård", "deprecated"),
    ("service", "sv", "kundservice", "admitted"),
    ("agent", "sv", "kundtjänstmedarbetare", "preferred"),
    ("case", "sv", "juridisk process", "preferred"),
    ("kpo", "sv", "KPO", "preferred"),
    ("service", "en", "customer service", "preferred"),
    ("service", "en", "customer care", "deprecated"),
    ("kpo", "en", "KPO", "preferred"),
    ("kpo", "en", "knowledge process outsourcing", "preferred"),
    ("call", "en", "call centre", "preferred"),
    ("call", "en", "call center", "admitted"),
    ("happy", "en", "happy path", "preferred"),
    ("rd", "en", "R&D", "preferred"),
    ("ja", "ja", "顧客対応", "deprecated"),
    ("ja2", "ja", "カスタマーサービス", "preferred"),
]
WORDS = {
    "sv": [
        "kundvård",
        "kundvården",
        "kundvårdsfrågor",
        "storkundvård",
        "kundtjänsten",
        "kundtjänstmedarbetarna",
        "juridiska",
        "processer",
        "juridisk",
        "process",
        "KPO",
        "KPOs",
        "kpo",
        "och",
        "är",
        "-",
        ",",
        "«",
        "»",
        "\n",
        "  ",
    ],
    "en": [
        "customer",
        "care",
        "cares",
        "service",
        "services",
        "KPO",
        "KPOs",
        "Kpo",
        "knowledge",
        "process",
        "outsourcing",
        "call",
        "centre",
        "center",
        "centers",
        "happy",
        "happiness",
        "paths",
        "path",
        "R&D",
        "R",
        "&",
        "D",
        "-",
        "the",
        ",",
        "\n",
        "  ",
        "\x00",
    ],
    "ja": ["顧客", "対応", "顧客対応", "カスタマー", "サービス", "の", "。", " "],
}


@settings(max_examples=300, deadline=None)
@given(data=st.data(), code=st.sampled_from(["sv", "en", "ja"]))
def test_the_automata_find_what_the_term_index_finds(data: st.DataObject, code: str) -> None:
    pieces = data.draw(st.lists(st.sampled_from(WORDS[code]), max_size=30))
    text = " ".join(pieces)
    terms = [(text_, (concept, status)) for concept, c, text_, status in RECORDS if c == code]
    language = Language(code)
    index = TermIndex(language, terms)
    expected = [(m.index, m.length, m.value[0]) for m in index.find(language.words(text))]
    found = GlossaryTerms(RECORDS)[code].find(text)
    got = [(f.index, f.length, f.term.concept) for f in leftmost_longest(found[1])] if found is not None else []
    assert got == expected, text
