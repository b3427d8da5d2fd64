"""Rule ``deprecated-term-used``: every prose field, inflected forms and compounds, marked mentions, the message."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import LintFiles, concept, found, make_settings, write_files

from glossary_tool.core.config import settings_from_options
from glossary_tool.core.problems import FatalError
from glossary_tool.lint import Result, run
from glossary_tool.lint.rules import load_all

SV_GRAMMAR = "        grammar: {pos: noun, gender: utrum}\n"


def with_sv_term(text: str, term: str, status: str = "deprecated") -> str:
    """Add a Swedish term (lines 21–23; the Swedish definition moves to line 24)."""
    return text.replace(SV_GRAMMAR, SV_GRAMMAR + f"      - text: {term}\n        type: variant\n        status: {status}\n", 1)


# customer-service: preferred 'kundtjänst', deprecated 'kundvård' (in sv only).
SERVICE = with_sv_term(concept("service", "customer service", "kundtjänst"), "kundvård")


def sv_definition(cid: str, definition: str) -> str:
    return concept(cid).replace("definition: En svensk definition.", "definition: " + definition)


def problems(result: Result) -> list[str]:
    return [p.message for p in result.problems if p.rule == "deprecated-term-used"]


def test_rule_is_documented() -> None:
    doc = load_all()["deprecated-term-used"].doc
    assert "Passes:" in doc and "Fails:" in doc


def test_prose_without_deprecated_forms_passes(lint_files: LintFiles) -> None:
    result = lint_files({"service.yaml": SERVICE, "a.yaml": sv_definition("a", "Arbete som kundtjänsten utför.")})
    assert found(result, "deprecated-term-used") == []


def test_inflected_forms_and_compounds_are_reported_where_they_are(lint_files: LintFiles) -> None:
    definition = ">-\n      Arbete som kundvården utför,\n      med kundvårdsfrågor och storkundvård."
    result = lint_files({"service.yaml": SERVICE, "a.yaml": sv_definition("a", definition)})
    assert found(result, "deprecated-term-used") == [("a.yaml", 22, 18), ("a.yaml", 23, 11)]
    assert problems(result)[0] == ("'kundvården' uses 'kundvård', deprecated in 'sv' for 'service'; write 'kundtjänst' instead (or mark a mention with «…»)")


def test_only_the_language_that_deprecates_the_form(lint_files: LintFiles) -> None:
    english = concept("a").replace("definition: An English definition.", "definition: Kundvård is a Swedish word.")
    assert found(lint_files({"service.yaml": SERVICE, "a.yaml": english}), "deprecated-term-used") == []


def test_examples_and_notes_and_marked_mentions(lint_files: LintFiles) -> None:
    own = SERVICE + (
        "    examples:\n      - Hon arbetar med kundvård.\n"
        "    notes:\n      - «Kundvård» är en direktöversättning; skriv kundtjänst.\n      - Undvik kundvård.\n"
    )
    result = lint_files({"service.yaml": own})
    assert found(result, "deprecated-term-used") == [("service.yaml", 26, 25), ("service.yaml", 29, 16)]


def test_faq_questions_and_answers(lint_files: LintFiles) -> None:
    faq = (
        "id: faq-x\nkind: faq\nconcepts: [service]\nsources: [{title: A source}]\nlocales:\n"
        "  en: {question: What is customer care?, answer: Kundvård is not used.}\n"
        "  sv:\n    question: Vad är kundvård?\n    answer: Ordet «kundvård» används inte; kundvården heter kundtjänst.\n"
    )
    result = lint_files({"service.yaml": SERVICE, "faq-x.yaml": faq})
    assert found(result, "deprecated-term-used") == [("faq-x.yaml", 8, 22), ("faq-x.yaml", 9, 44)]


COMPARISON = """\
id: a-vs-service
kind: comparison
concepts: [a, service]
sources: [{title: A source}]
locales:
  en: {title: A versus customer care, intro: Kundvård in English text is not Swedish.}
  sv: {title: A jämfört med kundvård, intro: Om kundvårdsarbete.}
dimensions:
  - id: focus
    label: {en: Focus, sv: Kundvårdsfokus}
    values:
      a: {en: Routine work., sv: Rutinarbete.}
      service: {en: Calls., sv: "Samtal inom kundvården."}
"""


def test_comparison_titles_intros_labels_and_cells(lint_files: LintFiles) -> None:
    result = lint_files({"service.yaml": SERVICE, "a.yaml": concept("a"), "a-vs-service.yaml": COMPARISON})
    assert found(result, "deprecated-term-used") == [
        ("a-vs-service.yaml", 7, 29),
        ("a-vs-service.yaml", 7, 49),
        ("a-vs-service.yaml", 10, 28),
        ("a-vs-service.yaml", 13, 46),
    ]


def test_a_longer_term_in_use_is_not_a_deprecated_form(lint_files: LintFiles) -> None:
    lpo = with_sv_term(concept("lpo", "LPO", "LPO"), "juridisk process")
    law = concept("law", "procedural law", "juridisk processrätt")
    text = sv_definition("a", "Juridisk processrätt gäller, men inte juridiska processer.")
    result = lint_files({"lpo.yaml": lpo, "law.yaml": law, "a.yaml": text})
    assert found(result, "deprecated-term-used") == [("a.yaml", 21, 55)]
    assert "write 'LPO' instead" in problems(result)[0]


def test_the_message_names_an_admitted_term_when_there_is_no_preferred_one(lint_files: LintFiles) -> None:
    only_admitted = SERVICE.replace("        status: preferred\n" + SV_GRAMMAR, "        status: admitted\n" + SV_GRAMMAR)
    result = lint_files({"service.yaml": only_admitted, "a.yaml": sv_definition("a", "Om kundvård.")})
    assert "write 'kundtjänst' instead" in problems(result)[0]


def test_the_mention_marks_are_configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"service.yaml": SERVICE, "a.yaml": sv_definition("a", "Ordet “kundvård” och «kundvård».")})
    settings = make_settings(tmp_path)
    assert found(run(settings, [tmp_path]), "deprecated-term-used") == [("a.yaml", 21, 24)]
    quotes = dataclasses.replace(settings, mention_marks="“”")
    assert found(run(quotes, [tmp_path]), "deprecated-term-used") == [("a.yaml", 21, 39)]
    both = settings_from_options(tmp_path, {"content_dir": str(tmp_path), "mention_marks": "«»“”"})
    assert both.mention_marks == "«»“”" and found(run(both, [tmp_path]), "deprecated-term-used") == []


@pytest.mark.parametrize("marks", ["«", "ab", "« »", ""])
def test_bad_mention_marks_are_a_configuration_error(tmp_path: Path, marks: str) -> None:
    with pytest.raises(FatalError, match="mention_marks"):
        settings_from_options(tmp_path, {"mention_marks": marks})


def test_a_form_broken_over_two_lines_is_found_and_quoted_on_one(lint_files: LintFiles) -> None:
    lpo = with_sv_term(concept("lpo", "LPO", "LPO"), "juridisk process")
    text = sv_definition("a", "|-\n      Arbete med juridiska\n      processer.")
    result = lint_files({"lpo.yaml": lpo, "a.yaml": text})
    assert found(result, "deprecated-term-used") == [("a.yaml", 22, 18)]
    assert problems(result)[0].startswith("'juridiska processer' uses 'juridisk process'")


def test_an_obsolete_form_and_forms_in_term_notes_count_too(lint_files: LintFiles) -> None:
    obsolete = with_sv_term(concept("service", "customer service", "kundtjänst"), "kundvård", "obsolete")
    noted = obsolete.replace("        status: obsolete\n", "        status: obsolete\n        note: Kundvård avser något annat.\n")
    result = lint_files({"service.yaml": noted, "a.yaml": sv_definition("a", "Om kundvård.")})
    assert found(result, "deprecated-term-used") == [("a.yaml", 21, 20), ("service.yaml", 24, 15)]
    marked = noted.replace("note: Kundvård avser", "note: «Kundvård» avser")
    assert found(lint_files({"service.yaml": marked, "a.yaml": concept("a")}), "deprecated-term-used") == []


# ---- deprecated-term-of-other-concept ----

# agent: preferred 'kundtjänstmedarbetare' and (lines 21–23) a deprecated 'handläggare'.
AGENT = with_sv_term(concept("agent", "customer service agent", "kundtjänstmedarbetare"), "handläggare")
OFFICER = concept("officer", "case officer", "handläggare")


def test_deprecated_term_of_other_concept_is_documented_and_an_error() -> None:
    rule = load_all()["deprecated-term-of-other-concept"]
    assert "Passes:" in rule.doc and "Fails:" in rule.doc and rule.severity.value == "error"


def test_a_deprecated_form_that_names_nothing_else_passes(lint_files: LintFiles) -> None:
    assert found(lint_files({"agent.yaml": AGENT}), "deprecated-term-of-other-concept") == []


def test_a_deprecated_form_that_is_another_concepts_term_is_an_error(lint_files: LintFiles) -> None:
    result = lint_files({"agent.yaml": AGENT, "officer.yaml": OFFICER})
    assert found(result, "deprecated-term-of-other-concept") == [("agent.yaml", 21, 15)]
    assert found(result, "duplicate-term") == []  # one report, from the rule that says why
    message = next(p.message for p in result.problems if p.rule == "deprecated-term-of-other-concept")
    assert message.startswith("'handläggare' is deprecated in 'sv' for 'agent' but is the preferred term 'handläggare' of 'officer'")


def test_inflected_forms_of_another_concepts_term_count(lint_files: LintFiles) -> None:
    lpo = with_sv_term(concept("lpo", "LPO", "LPO"), "juridiska processer")
    legal = concept("legal", "legal process", "juridisk process").replace("status: preferred", "status: admitted")
    law = concept("law", "procedural law", "juridisk processrätt")
    assert found(lint_files({"lpo.yaml": lpo, "law.yaml": law}), "deprecated-term-of-other-concept") == []
    assert found(lint_files({"legal.yaml": legal}), "deprecated-term-of-other-concept") == [("lpo.yaml", 21, 15)]


def test_a_form_deprecated_in_two_concepts_is_still_a_duplicate(lint_files: LintFiles) -> None:
    other = with_sv_term(concept("b", "b", "bb"), "handläggare")
    result = lint_files({"agent.yaml": AGENT, "b.yaml": other})
    assert found(result, "deprecated-term-of-other-concept") == [] and found(result, "duplicate-term") == [("b.yaml", 21, 15)]
