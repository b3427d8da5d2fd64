"""Rules ``duplicate-term`` and ``preferred-term``."""

from conftest import LintFiles, concept, found

from glossary_tool.rules.terms import term_key


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
