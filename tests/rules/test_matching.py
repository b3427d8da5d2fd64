"""The term matcher behind the definition and deprecated-term rules: stems, compounds, acronyms, positions."""

from __future__ import annotations

import pytest

from glossary_tool.core.loader import load_text
from glossary_tool.core.terms import Language, TermIndex, marked_spans, word_position

SV = Language("sv")
EN = Language("en")


def found(language: Language, term: str, text: str) -> list[str]:
    """The stretches of ``text`` that the matcher takes for ``term``."""
    index = TermIndex(language, [(term, term)])
    return [text[m.start : m.end] for m in index.find(language.words(text))]


@pytest.mark.parametrize("text", ["kundvård", "Kundvården", "kundvårdens", "kundvårdsfrågor", "KUNDVÅRD"])
def test_swedish_inflections_and_compounds_match(text: str) -> None:
    assert found(SV, "kundvård", f"Om {text} i dag.") == [text]
    assert found(SV, "kundvård", "Om kundvård-frågor.") == ["kundvård"]  # a hyphen separates words


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("handläggare", "handläggning"),  # the stem handlägg- is shared with another noun
        ("handläggare", "handlägger"),
        ("intern", "inte"),  # the Swedish stem of both is int-
        ("intern", "internet"),  # what follows "intern" is an ending, not a word of its own
        ("beställare", "beställer"),  # the verb, not the agent noun
        ("agent", "agentur"),  # too short to open a compound
        ("agent", "agenturer"),
        ("kundvård", "kund"),
        ("kundvård", "storkundvård"),  # word-start matching only
    ],
)
def test_swedish_false_friends_do_not_match(term: str, text: str) -> None:
    assert found(SV, term, f"Det gäller {text} nu.") == []


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("handläggare", "handläggaren"),
        ("handläggare", "handläggarna"),
        ("handläggare", "handläggarstöd"),
        ("intern", "interna"),
        ("beställare", "beställarens"),
        ("agent", "agenter"),
        ("personalresurser", "personalresursfrågor"),
        ("aktivitet", "aktivitetsplanen"),
    ],
)
def test_swedish_forms_that_match(term: str, text: str) -> None:
    assert found(SV, term, f"Det gäller {text} nu.") == [text]


def test_multi_word_terms_match_inflected_with_a_compound_at_the_end() -> None:
    text = "Juridiska processer, juridisk processföring och tredje parts leverantörsavtal; juridisk, process."
    assert found(SV, "juridisk process", text) == ["Juridiska processer", "juridisk processföring"]
    assert found(SV, "tredje parts leverantör", text) == ["tredje parts leverantörsavtal"]
    assert found(SV, "icke-primär aktivitet", "Icke-primära aktiviteter och icke primära aktivitetsområden.") == [
        "Icke-primära aktiviteter",
        "icke primära aktivitetsområden",
    ]


def test_english_matches_inflections_but_not_derivations_or_compounds() -> None:
    assert found(EN, "call centre", "Call centres, a call-centre job and call centered.") == ["Call centres", "call-centre"]
    assert found(EN, "outsourcing", "Outsourcing, outsourcings, outsourced work.") == ["Outsourcing", "outsourcings"]
    assert found(EN, "agent", "agents and agentwork") == ["agents"]  # English is not a compounding language


def test_acronyms_match_case_sensitively_with_a_short_ending() -> None:
    assert found(EN, "IT", "IT staff, its staff, ITs, item, IT-based.") == ["IT", "ITs", "IT"]
    assert found(SV, "KPO", "KPO-leverantörer, KPO:s kunder och kpo.") == ["KPO", "KPO"]


def test_separators_other_than_space_and_hyphen_must_match() -> None:
    assert found(EN, "F&A", "F&A work, f a work, F & A, F-A.") == ["F&A"]
    assert found(EN, "back-office work", "back office work, back-office  work, back/office work") == ["back office work", "back-office  work"]


def test_a_language_without_a_stemmer_matches_whole_words() -> None:
    ja = Language("ja")
    assert not ja.stems
    assert found(ja, "kpo", "kpo kpos") == ["kpo"]
    assert Language("pt-BR").stems and Language("nb").compounding and not EN.compounding


def test_the_longest_term_wins_and_matches_do_not_overlap() -> None:
    index = TermIndex(SV, [("juridisk process", "short"), ("juridisk process outsourcing", "long"), ("outsourcing", "one")])
    text = "juridisk process outsourcing och outsourcing"
    assert [(text[m.start : m.end], m.value) for m in index.find(SV.words(text))] == [("juridisk process outsourcing", "long"), ("outsourcing", "one")]


def test_of_two_terms_matching_the_same_words_the_first_given_wins() -> None:
    index = TermIndex(SV, [("kundvård", "first"), ("kundvårdens", "second")])
    assert [m.value for m in index.find(SV.words("kundvårdens"))] == ["first"]
    index = TermIndex(SV, [("kundvårdens", "second"), ("kundvård", "first")])
    assert [m.value for m in index.find(SV.words("kundvårdens"))] == ["second"]


def test_marked_spans() -> None:
    assert marked_spans("a «b» c «d e» f", "«»") == [(2, 5), (8, 13)]
    assert marked_spans("a «b c", "«»") == []
    assert marked_spans("“x” and «y»", "«»“”") == [(8, 11), (0, 3)]


FOLDED = """\
id: a
text: >-
  The first line
  of a folded value, with "quotes".
plain: one two
  three
escaped: "a\\u00e5b word"
"""


def test_word_position_in_folded_plain_and_quoted_values() -> None:
    doc, problems = load_text(FOLDED, "a.yaml")
    assert doc is not None and problems == []
    assert word_position(doc, ("text",), doc.data["text"], 0) == (3, 3)
    assert word_position(doc, ("text",), doc.data["text"], 5) == (4, 8)  # "folded"
    assert word_position(doc, ("plain",), doc.data["plain"], 2) == (6, 3)
    # An escape makes the file's words differ from the value's: the value's own position is given instead.
    assert word_position(doc, ("escaped",), doc.data["escaped"], 1) == (7, 10)
    assert word_position(doc, ("text",), doc.data["text"], 99) == (2, 7)
