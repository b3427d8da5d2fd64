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


def _with_reading(language: str, text: str, reading: str) -> str:
    """Concept 'a' with a third language whose one term has a reading (line 27, column 18 of the file)."""
    return concept("a") + (f"  {language}:\n    terms:\n      - text: {text}\n        type: fullForm\n        status: preferred\n"
                           f"        reading: {reading}\n    definition: x\n")


def test_readings_in_their_script_pass(lint_files: LintFiles) -> None:
    for language, text, reading in (("ja", "試験管", "しけんかん"), ("ja", "三角フラスコ", "さんかくフラスコ"), ("ja", "漏斗", "ﾛｳﾄ"),
                                    ("zh-Hans", "量筒", "liángtǒng"), ("zh-Hans", "西安", "xi1'an1"), ("ko", "試驗管", "시험관")):
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
