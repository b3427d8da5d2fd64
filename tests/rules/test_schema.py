"""Rule ``schema``: inline entries with the expected (line, column)."""

from conftest import LintFiles, concept, found

from glossary_tool.core.loading import allowed_keys


def test_passes_on_a_valid_concept(lint_files: LintFiles) -> None:
    assert found(lint_files({"a.yaml": concept("a")}), "schema") == []


def test_unknown_key_suggests_the_right_one(lint_files: LintFiles) -> None:
    text = concept("a").replace("    definition: An English definition.\n", "    definiton: An English definition.\n")
    result = lint_files({"a.yaml": text})
    problems = [p for p in result.problems if p.rule == "schema"]
    # the misspelt key at 14:5, and the real key reported missing at its mapping (10:5)
    assert {(p.line, p.column) for p in problems} == {(14, 5), (10, 5)}
    assert any("did you mean 'definition'?" in p.message for p in problems)


def test_wrong_enum_value(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a").replace("type: fullForm", "type: fullform", 1)})
    assert found(result, "schema") == [("a.yaml", 12, 15)]


def test_missing_kind_and_bad_kind(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a").replace("kind: concept\n", ""), "b.yaml": concept("b").replace("kind: concept", "kind: faqs")})
    assert found(result, "schema") == [("a.yaml", 1, 1), ("b.yaml", 2, 7)]
    assert "did you mean 'faq'" in next(p for p in result.problems if p.path == "b.yaml").message


def test_allowed_keys_walks_the_schema() -> None:
    assert "definition" in allowed_keys("concept", ("locales", "en"))
    assert allowed_keys("concept", ("locales", "en", "terms", 0, "grammar")) == ["gender", "plural", "pos"]
