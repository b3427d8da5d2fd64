"""Rules ``unknown-category``, ``unknown-relation`` and ``schema-stale``: the vocabulary comes from mkdocs.yml."""

from pathlib import Path

from conftest import LintFiles, concept, found, make_settings


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


def test_a_schema_file_that_no_longer_matches_the_vocabulary_is_reported(tmp_path: Path) -> None:
    from glossary_tool.core.model import Glossary, schema_text
    from glossary_tool.lint import check

    settings = make_settings(tmp_path)
    assert [p for p in check(Glossary(()), settings) if p.rule == "schema-stale"] == []  # no file: nothing to compare
    settings.schema_path.parent.mkdir(parents=True, exist_ok=True)
    settings.schema_path.write_text(schema_text(settings), encoding="utf-8")
    assert [p for p in check(Glossary(()), settings) if p.rule == "schema-stale"] == []
    settings.schema_path.write_text(schema_text(settings).replace('"model"', '"a-category-since-removed"', 1), encoding="utf-8")
    (found,) = [p for p in check(Glossary(()), settings) if p.rule == "schema-stale"]
    assert (found.line, found.column) == (1, 1) and "glossary-tool schema --write" in found.message
