"""Rules ``duplicate-term`` and ``preferred-term``."""

import pytest
from conftest import LintFiles, concept, found

from glossary_tool.core.terms import term_key
from glossary_tool.lint.rules import load_all


def test_distinct_terms_pass(lint_files: LintFiles) -> None:
    assert found(lint_files({"a.yaml": concept("a", "alpha"), "b.yaml": concept("b", "beta")}), "duplicate-term") == []


def test_same_term_in_other_language_passes(lint_files: LintFiles) -> None:
    assert found(lint_files({"a.yaml": concept("a", "BPO"), "b.yaml": concept("b", "beta", "BPO")}), "duplicate-term") == []


def test_case_width_and_spacing_do_not_hide_a_duplicate(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a", "Data entry"), "b.yaml": concept("b", "ＤＡＴＡ  ENTRY")})
    assert found(result, "duplicate-term") == [("b.yaml", 11, 15)]
    assert "a.yaml:11" in result.problems[0].message


def test_term_key_normalizes() -> None:
    assert term_key("Ｋunskap  ") == term_key("kunskap") == "kunskap"
    assert term_key("Å") == term_key("Å")  # composed and decomposed


def test_missing_preferred_term_warns(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a").replace("status: preferred", "status: admitted", 1)})
    assert found(result, "preferred-term") == [("a.yaml", 11, 7)]


def _with_reading(language: str, text: str, reading: str) -> str:
    """Concept 'a' with a third language whose one term has a reading (line 27, column 18 of the file)."""
    return concept("a") + (
        f"  {language}:\n    terms:\n      - text: {text}\n        type: fullForm\n        status: preferred\n        reading: {reading}\n    definition: x\n"
    )


def test_readings_in_their_script_pass(lint_files: LintFiles) -> None:
    for language, text, reading in (
        ("ja", "試験管", "しけんかん"),
        ("ja", "三角フラスコ", "さんかくフラスコ"),
        ("ja", "漏斗", "ﾛｳﾄ"),
        ("zh-Hans", "量筒", "liángtǒng"),
        ("zh-Hans", "西安", "xi1'an1"),
        ("ko", "試驗管", "시험관"),
    ):
        result = lint_files({"a.yaml": _with_reading(language, text, reading)})
        assert found(result, "reading-script") == [], (language, reading)


def test_a_reading_in_another_script_or_language_fails_at_its_position(lint_files: LintFiles) -> None:
    for language, text, reading in (("ja", "試験管", "試験管"), ("ja", "試験管", "shikenkan"), ("zh-Hans", "量筒", "量筒"), ("ko", "試驗管", "shiheomgwan")):
        result = lint_files({"a.yaml": _with_reading(language, text, reading)})
        assert found(result, "reading-script") == [("a.yaml", 27, 18)], (language, reading)
        (problem,) = [p for p in result.problems if p.rule == "reading-script"]
        assert f"'{reading}' of '{text}'" in problem.message
    result = lint_files({"a.yaml": concept("a").replace("status: preferred", "status: preferred\n        reading: ei", 1)})
    (problem,) = [p for p in result.problems if p.rule == "reading-script"]
    assert (problem.line, problem.column) == (14, 18) and "only Japanese, Chinese and Korean" in problem.message


def test_a_proposed_term_stands_in_for_the_preferred_one(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a").replace("status: preferred", "status: proposed", 1)})
    assert found(result, "preferred-term") == []


# ---- term-source and deprecated-term-reason (a source with an id on lines 5–6, the English term's fields below) ----


def with_term_fields(text: str, fields: str) -> str:
    """Give the first source the id 'booth' (line 5) and add ``fields`` (YAML lines) to the English term after line 14."""
    text = text.replace("  - title: A source\n", "  - id: booth\n    title: A source\n", 1)
    return text.replace("        status: preferred\n", "        status: preferred\n" + fields, 1)


@pytest.mark.parametrize("rule_id", ["term-source", "deprecated-term-reason"])
def test_termbank_rules_are_documented(rule_id: str) -> None:
    doc = load_all()[rule_id].doc
    assert "Passes:" in doc and "Fails:" in doc


def test_a_term_citing_a_source_of_its_entry_passes(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": with_term_fields(concept("a"), "        sources: [booth]\n")})
    assert found(result, "term-source") == [] and result.errors == 0


def test_a_term_citing_an_unknown_source_is_an_error(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": with_term_fields(concept("a"), "        sources: [booth, both]\n")})
    assert found(result, "term-source") == [("a.yaml", 15, 26)]
    assert "cites the source 'both'" in result.problems[0].message and "source ids: booth" in result.problems[0].message


def test_two_sources_with_one_id_are_an_error(lint_files: LintFiles) -> None:
    text = with_term_fields(concept("a"), "").replace('    date: "2023-10-20"\n', '    date: "2023-10-20"\n  - {id: booth, title: B}\n', 1)
    assert found(lint_files({"a.yaml": text}), "term-source") == [("a.yaml", 9, 10)]


def test_a_deprecated_term_needs_a_reason_on_the_term(lint_files: LintFiles) -> None:
    deprecated = concept("a").replace(
        "    definition: An English definition.\n",
        "      - text: call center\n        type: variant\n        status: deprecated\n    definition: An English definition.\n",
        1,
    )
    assert found(lint_files({"a.yaml": deprecated}), "deprecated-term-reason") == [("a.yaml", 16, 17)]
    reasoned = deprecated.replace("        status: deprecated\n", "        status: deprecated\n        note: Written in the United States.\n")
    obsolete = deprecated.replace("status: deprecated", "status: obsolete")
    assert found(lint_files({"a.yaml": reasoned}), "deprecated-term-reason") == []
    assert found(lint_files({"a.yaml": obsolete}), "deprecated-term-reason") == [("a.yaml", 16, 17)]


def test_usage_labels_are_checked_by_the_schema(lint_files: LintFiles) -> None:
    good = with_term_fields(concept("a"), "        geographical_usage: US\n        register: colloquial\n")
    assert lint_files({"a.yaml": good}).errors == 0
    bad = with_term_fields(concept("a"), "        geographical_usage: USA\n        register: informal\n")
    assert [p.line for p in lint_files({"a.yaml": bad}).problems if p.rule == "schema"] == [15, 16]
