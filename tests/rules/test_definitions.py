"""Rules ``definition-starts-with-term``, ``circular-definition`` and ``definition-length``."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import LintFiles, concept, found, make_settings, write_files

from glossary_tool.core.problems import Severity
from glossary_tool.lint import run
from glossary_tool.lint.rules import load_all

EN_DEF = "definition: An English definition."
SV_DEF = "definition: En svensk definition."


def defined(cid: str, en: str | None = None, sv: str | None = None, en_term: str | None = None, sv_term: str | None = None) -> str:
    """A valid concept whose definitions (YAML after ``definition: ``, lines 14 and 21) are replaced."""
    text = concept(cid, en_term, sv_term)
    if en is not None:
        text = text.replace(EN_DEF, "definition: " + en)
    if sv is not None:
        text = text.replace(SV_DEF, "definition: " + sv)
    return text


@pytest.mark.parametrize("rule_id", ["definition-starts-with-term", "circular-definition", "definition-length"])
def test_rules_are_documented(rule_id: str) -> None:
    doc = load_all()[rule_id].doc
    assert "Passes:" in doc and "Fails:" in doc


# ---- definition-starts-with-term ----


def test_a_definition_that_opens_with_its_genus_passes(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": defined("a", "Unit whose agents handle customer contacts by telephone.", en_term="call centre")})
    assert found(result, "definition-starts-with-term") == []


@pytest.mark.parametrize(
    ("definition", "column"),
    [
        ("A call centre is a unit that takes calls.", 19),  # after the article, at the term
        ("Call centres handle calls for other firms.", 17),  # an inflected form
        ("the call-centre is a unit.", 21),
    ],
)
def test_a_definition_that_opens_with_its_term_fails(lint_files: LintFiles, definition: str, column: int) -> None:
    result = lint_files({"a.yaml": defined("a", definition, en_term="call centre")})
    assert found(result, "definition-starts-with-term") == [("a.yaml", 14, column)]
    assert "opens with its own term 'call centre'" in result.problems[0].message
    assert result.problems[0].severity is Severity.WARNING  # an ISO 704 recommendation: --strict (CI) fails on it


def test_any_term_of_the_concept_counts_and_compounds_in_swedish(lint_files: LintFiles) -> None:
    text = defined("a", sv=">-\n      Kundtjänstarbete där en leverantör\n      sköter kontakterna.", sv_term="kundservice")
    text = text.replace(
        "        grammar: {pos: noun, gender: utrum}\n",
        "        grammar: {pos: noun, gender: utrum}\n      - text: kundtjänst\n        type: variant\n        status: admitted\n",
        1,
    )
    result = lint_files({"a.yaml": text})
    assert found(result, "definition-starts-with-term") == [("a.yaml", 25, 7)]
    assert "'kundtjänst'" in result.problems[0].message
    other = defined("a", "KPO is work handed to a provider.", en_term="knowledge process outsourcing").replace(
        "        status: preferred\n", "        status: preferred\n      - text: KPO\n        type: acronym\n        status: preferred\n", 1
    )
    assert found(lint_files({"a.yaml": other}), "definition-starts-with-term") == [("a.yaml", 17, 17)]


# ---- circular-definition ----


def test_a_definition_that_uses_only_words_of_the_term_passes(lint_files: LintFiles) -> None:
    text = defined("a", "Work that creates new products and the development of processes.", en_term="research and development")
    assert found(lint_files({"a.yaml": text}), "circular-definition") == []


def test_a_definition_that_uses_its_term_fails_at_the_term(lint_files: LintFiles) -> None:
    text = defined("a", "Outsourced research and development work.", en_term="research and development")
    result = lint_files({"a.yaml": text})
    assert found(result, "circular-definition") == [("a.yaml", 14, 28)]
    assert "uses its own term 'research and development' (as 'research and development')" in result.problems[0].message


def test_inflected_swedish_forms_and_folded_blocks(lint_files: LintFiles) -> None:
    sv = ">-\n      Utredning av rättsfrågor åt\n      advokatbyråer, med juridiska processer och\n      juridisk processföring."
    result = lint_files({"a.yaml": defined("a", sv=sv, sv_term="juridisk process")})
    assert found(result, "circular-definition") == [("a.yaml", 23, 26), ("a.yaml", 24, 7)]


def test_the_opening_is_left_to_the_other_rule(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": defined("a", "Call centres are units, unlike call centres abroad.", en_term="call centre")})
    assert found(result, "definition-starts-with-term") == [("a.yaml", 14, 17)]
    assert found(result, "circular-definition") == [("a.yaml", 14, 48)]


def test_a_placeholder_definition_naming_the_concept_is_not_circular(lint_files: LintFiles) -> None:
    # An import writes this placeholder where a termbase has no definition; the term is often the concept's id.
    text = defined("c1", sv="'TODO: sv definition of c1 (none in the imported file)'", sv_term="c1")
    result = lint_files({"c1.yaml": text})
    assert found(result, "circular-definition") == [] and found(result, "definition-starts-with-term") == []
    assert found(result, "placeholder-text") == [("c1.yaml", 21, 17)]


def test_other_concepts_terms_do_not_count(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": defined("a", "Unit that runs a call centre.", en_term="agent"), "b.yaml": concept("b", "call centre")})
    assert found(result, "circular-definition") == []


# ---- definition-length ----


def words(n: int) -> str:
    return " ".join(["word"] * (n - 1) + ["end."])


def test_one_sentence_of_at_most_30_words_passes(lint_files: LintFiles) -> None:
    text = defined("a", words(30), "Tjänst, t.ex. lönehantering, som enl. avtal utförs av en leverantör.")
    assert found(lint_files({"a.yaml": text}), "definition-length") == []


def test_more_than_30_words_is_a_warning_at_the_first_word_over(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": defined("a", words(31))})
    assert found(result, "definition-length") == [("a.yaml", 14, 17 + 30 * 5)]
    assert result.problems[0].severity is Severity.WARNING
    assert "has 31 words" in result.problems[0].message and "at most 30" in result.problems[0].message


def test_a_second_sentence_fails_at_its_start(lint_files: LintFiles) -> None:
    folded = ">-\n      Service in which a provider keeps the books, e.g. ledgers.\n      It is a BPO service."
    result = lint_files({"a.yaml": defined("a", folded)})
    assert found(result, "definition-length") == [("a.yaml", 16, 7)]
    assert "has 2 sentences and 15 words" in result.problems[0].message


@pytest.mark.parametrize(
    ("definition", "sentences"),
    [
        ("One. Two. Three.", 3),
        ("Work (see «Notes».) Then more!", 2),
        ("A figure of 3.5 per cent. 40 people.", 2),
        ("Work, i.e. tasks. and more.", 1),
        ("Named after J. Smith.", 1),
        ("Work done. «Quoted» next.", 2),
        ("Work done; then (Later) more.", 1),
    ],
)
def test_sentence_counting(lint_files: LintFiles, definition: str, sentences: int) -> None:
    result = lint_files({"a.yaml": defined("a", f'"{definition}"')})
    problems = [p for p in result.problems if p.rule == "definition-length"]
    if sentences == 1:
        assert problems == []
    else:
        assert f"has {sentences} sentences" in problems[0].message


def test_the_maximum_is_configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"a.yaml": defined("a", words(12))})
    settings = make_settings(tmp_path)
    assert found(run(settings, [tmp_path]), "definition-length") == []
    short = dataclasses.replace(settings, definition_max_words=10)
    assert found(run(short, [tmp_path]), "definition-length") == [("a.yaml", 14, 17 + 10 * 5)]


# ---- definition-hedge ----


def test_definition_hedge_is_documented_and_a_warning() -> None:
    rule = load_all()["definition-hedge"]
    assert "Passes:" in rule.doc and "Fails:" in rule.doc and rule.severity is Severity.WARNING


def test_a_definition_without_hedges_passes(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": defined("a", "Outsourcing of the main rules-based business processes.", "Outsourcing av regelbaserade affärsprocesser.")})
    assert found(result, "definition-hedge") == []


def test_hedges_are_reported_at_the_hedge_in_each_language(lint_files: LintFiles) -> None:
    en = ">-\n      Outsourcing of business processes,\n      mostly non-core, usually abroad."
    sv = "Tjänst som i praktiken utförs av en leverantör, oftast utomlands."
    result = lint_files({"a.yaml": defined("a", en, sv)})
    # en: lines 15–16 after the folded block opens on line 14; sv: the definition line moves down by two.
    assert found(result, "definition-hedge") == [("a.yaml", 16, 7), ("a.yaml", 16, 24), ("a.yaml", 23, 28), ("a.yaml", 23, 65)]
    messages = [p.message for p in result.problems if p.rule == "definition-hedge"]
    assert "hedges with 'mostly'" in messages[0] and "hedges with 'i praktiken'" in messages[2]


def test_hedges_are_whole_words_not_stems(lint_files: LintFiles) -> None:
    # "main" shares its stem with "mainly", and "oftare" starts like "ofta": neither is a listed hedge.
    result = lint_files({"a.yaml": defined("a", "Process of the main kind.", "Process som behövs oftare.")})
    assert found(result, "definition-hedge") == []


def test_a_glossary_adds_the_hedges_of_its_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"a.yaml": defined("a", "Process run frequently.", "Process som oftast körs.")})
    settings = make_settings(tmp_path)
    assert found(run(settings, [tmp_path]), "definition-hedge") == [("a.yaml", 21, 29)]
    own = dataclasses.replace(settings, definition_hedges={**settings.definition_hedges, "en": ("frequently",)})
    assert found(run(own, [tmp_path]), "definition-hedge") == [("a.yaml", 14, 29), ("a.yaml", 21, 29)]


def test_definition_hedges_option_is_validated(tmp_path: Path) -> None:
    from glossary_tool.core.config import settings_from_options
    from glossary_tool.core.problems import FatalError

    settings = settings_from_options(tmp_path, {"definition_hedges": {"de": ["oft", "meist"]}})
    assert settings.definition_hedges["de"] == ("oft", "meist") and "ofta" in settings.definition_hedges["sv"]
    for bad in ({"German": ["oft"]}, {"de": "oft"}, ["oft"]):
        with pytest.raises(FatalError, match="definition_hedges"):
            settings_from_options(tmp_path, {"definition_hedges": bad})
