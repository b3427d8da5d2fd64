"""Rules ``id-slug``, ``id-filename`` and ``duplicate-id``."""

import pytest
from conftest import LintFiles, concept, found

from glossary_tool.core.ids import slug_problem


def test_good_id_passes(lint_files: LintFiles) -> None:
    result = lint_files({"data-entry.yaml": concept("data-entry")})
    assert found(result, "id-slug") == [] and found(result, "id-filename") == []


@pytest.mark.parametrize("bad", ["../x", "/abs", "a/b", "CON", "nul", "Kpo", "k\u0440o", "a--b", "-a", "index", "sv", "x" * 65, "a.b"])
def test_bad_ids_fail_at_the_id_value(lint_files: LintFiles, bad: str) -> None:
    result = lint_files({"x.yaml": concept(f'"{bad}"')})
    assert found(result, "id-slug") == [("x.yaml", 1, 5)]


def test_slug_messages_are_specific() -> None:
    assert "path separator" in (slug_problem("../x") or "")
    assert "CYRILLIC" in (slug_problem("k\u0440o") or "")
    assert "uppercase" in (slug_problem("Kpo") or "")
    assert "reserved" in (slug_problem("con") or "")
    assert slug_problem("kpo") is None


def test_id_must_match_file_name(lint_files: LintFiles) -> None:
    assert found(lint_files({"other.yaml": concept("kpo")}), "id-filename") == [("other.yaml", 1, 5)]


def test_duplicate_id_names_the_first_file(lint_files: LintFiles) -> None:
    result = lint_files({"a/kpo.yaml": concept("kpo", "x"), "b/kpo.yaml": concept("kpo", "y", "y sv")})
    problems = [p for p in result.problems if p.rule == "duplicate-id"]
    assert [(p.path, p.line, p.column) for p in problems] == [("b/kpo.yaml", 1, 5)]
    assert "a/kpo.yaml:1" in problems[0].message
