"""Rules ``missing-locale`` and ``unknown-locale``."""

from conftest import LintFiles, concept, found


def test_both_locales_pass(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a")})
    assert found(result, "missing-locale") == [] and found(result, "unknown-locale") == []


def test_missing_locale(lint_files: LintFiles) -> None:
    result = lint_files({"a.yaml": concept("a").split("  sv:\n")[0]})
    assert found(result, "missing-locale") == [("a.yaml", 9, 3)]
    assert "'sv'" in result.problems[0].message


def test_unknown_locale_points_at_the_key(lint_files: LintFiles) -> None:
    text = concept("a") + "  de:\n    terms:\n      - {text: x, type: fullForm, status: preferred}\n    definition: y\n"
    assert found(lint_files({"a.yaml": text}), "unknown-locale") == [("a.yaml", 22, 3)]


def test_comparison_cells_need_every_locale(lint_files: LintFiles) -> None:
    files = {
        "a.yaml": concept("a"),
        "b.yaml": concept("b"),
        "c.yaml": """\
id: c
kind: comparison
concepts: [a, b]
sources: [{title: S}]
locales: {en: {title: A vs B}, sv: {title: A mot B}}
dimensions:
  - id: d
    label: {en: D, sv: D}
    values:
      a: {en: x, sv: x}
      b: {en: y}
""",
    }
    assert found(lint_files(files), "missing-locale") == [("c.yaml", 11, 10)]
