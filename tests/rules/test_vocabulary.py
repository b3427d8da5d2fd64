"""Rules ``unknown-category`` and ``unknown-relation``: the vocabulary comes from mkdocs.yml."""

from conftest import LintFiles, concept, found


def test_declared_category_passes(lint_files: LintFiles) -> None:
    assert found(lint_files({"a.yaml": concept("a")}), "unknown-category") == []


def test_unknown_category_with_hint(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a").replace("category: model", "category: modle")})
    assert found(result, "unknown-category") == [("a.yaml", 3, 11)]
    assert "did you mean 'model'?" in result.problems[0].message


def test_unknown_category_lists_the_declared_ones(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a").replace("category: model", "category: anatomy")})
    assert "declared: general, model, location, service, notion, challenge" in result.problems[0].message


def test_unknown_relation_with_hint_even_when_empty(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a").replace("sources:", "relations:\n  contrsat: []\nsources:")})
    assert found(result, "unknown-relation") == [("a.yaml", 5, 3)]
    assert "did you mean 'contrast'?" in result.problems[0].message
