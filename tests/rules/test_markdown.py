"""Rule ``markdown-complexity``: text whose Markdown would be slow to render is refused at the value."""

from __future__ import annotations

import pytest
from conftest import LintFiles, concept, found
from hypothesis import given
from hypothesis import strategies as st

from glossary_tool.core.markdown_bounds import MARKUP
from glossary_tool.lint.rules.markdown import _DEEP, _deep, _markup, _may_anchor


def _with_definition(value: str) -> str:
    return concept("a").replace("definition: An English definition.", f"definition: {value}")


@pytest.mark.parametrize(
    "value",
    [
        '"[link](https://example.org) and *emphasis*, `code` and a \\\\[ bracket"',
        '"' + "word " * 3000 + '"',
        '"[" ',  # one open bracket: a short scan
        "|-\n      > quoted\n      > > twice\n\n      - a list\n        - nested",
    ],
)
def test_ordinary_markdown_passes(lint_files: LintFiles, value: str) -> None:
    assert found(lint_files({"a.yaml": _with_definition(value)}), "markdown-complexity") == []


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ('"' + "[" * 20_000 + '"', "'[' nests 20000 deep (at most 8)"),
        ('"[[ ' + "word " * 1200 + '"', "'[' brackets stay open over 12,00"),
        ('"' + "& " * 1001 + '"', "1,001 Markdown markup characters"),
        ('"' + "---\\n" * 200 + '"', "201 lines (at most 200)"),
        ('"' + "> " * 9 + 'x"', "block quotes or lists nest 9 deep (at most 8)"),
    ],
)
def test_pathological_markdown_is_refused_at_the_value(lint_files: LintFiles, value: str, words: str) -> None:
    result = lint_files({"a.yaml": _with_definition(value)})
    assert found(result, "markdown-complexity") == [("a.yaml", 14, 17)]
    message = next(p.message for p in result.problems if p.rule == "markdown-complexity")
    assert message.startswith("this text is too complex to render as Markdown: ") and words in message


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("|-\n" + "      line\n" * 201, "201 lines (at most 200)"),
        ('"x ' + "* " * 1001 + '"', "1,001 Markdown markup characters"),
        ("|-\n      " + "> " * 9 + "x\n", "nest 9 deep"),
        ('"' + "[" * 3 + "word " * 800 + '"', "'[' brackets stay open over"),
    ],
)
def test_a_file_without_escapes_is_screened_by_its_counts_and_still_refused(lint_files: LintFiles, value: str, words: str) -> None:
    # No backslash and no anchor: the whole-file screen decides first, and must never let such a value through.
    result = lint_files({"a.yaml": _with_definition(value)})
    assert [words in p.message for p in result.problems if p.rule == "markdown-complexity"] == [True]


def test_every_text_value_is_checked(lint_files: LintFiles) -> None:
    text = concept("a").replace("    definition: En svensk definition.\n", '    definition: En svensk definition.\n    notes:\n      - "' + "[" * 9 + '"\n')
    assert found(lint_files({"a.yaml": text}), "markdown-complexity") == [("a.yaml", 23, 9)]


def test_markers_folded_onto_one_line_are_counted(lint_files: LintFiles) -> None:
    # A plain scalar's line breaks become spaces: nine markers over two lines are nine on one line of the value.
    value = '"> > > > >\n      > > > > x"'
    assert found(lint_files({"a.yaml": _with_definition(value)}), "markdown-complexity") == [("a.yaml", 14, 17)]


@given(st.text(alphabet="->*+.)19 \n\ta", max_size=80))
def test_the_quick_search_for_deep_markers_finds_what_the_full_one_finds(text: str) -> None:
    assert _deep(text) == bool(_DEEP.search(text))


@given(st.text(alphabet=st.sampled_from([*"[]()<>&*_`!\\-+.)a1 \n", "å", "語", "😀", "\ud800"]), max_size=80))
def test_the_whole_file_screen_counts_each_markup_character_and_each_marker(text: str) -> None:
    assert _markup(text) == sum(text.count(ch) for ch in MARKUP) + sum(text.count(ch) for ch in "-+.)*")


@pytest.mark.parametrize(
    ("text", "may"),
    [("R&D and Booth & Partners", False), ("a: &x v", True), ("- &x v", True), ("&x v", True), ("[&x v]", True), ("a:\n  &x v", True)],
)
def test_the_screen_for_anchors_sees_every_place_yaml_allows_one(text: str, may: bool) -> None:
    assert _may_anchor(text) is may


# ---- foreign-phrase ----


@pytest.mark.parametrize("value", ['"Kallas [back office]{lang=en} här."', '"[Kundenservice]{lang=de-AT} och [x]{lang=EN}"', '"{braces} without a tag"'])
def test_well_marked_foreign_phrases_pass(lint_files: LintFiles, value: str) -> None:
    assert found(lint_files({"a.yaml": _with_definition(value)}), "foreign-phrase") == []


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ('"Kallas [back office] {lang=en} här."', "right before the braces"),
        ('"Kallas back office{lang=en} här."', "right before the braces"),
        ('"Kallas [back office]{lang=english} här."', "'english' is not a BCP 47 language tag"),
        # The raw text's screen must still see an attempt that folding or an escape makes.
        ('"Kallas back office{\n      lang=en} här."', "right before the braces"),
        ('"Kallas back office\\x7Blang=en} här."', "right before the braces"),
    ],
)
def test_a_malformed_mark_is_reported_at_its_value(lint_files: LintFiles, value: str, why: str) -> None:
    result = lint_files({"a.yaml": _with_definition(value)})
    assert found(result, "foreign-phrase") == [("a.yaml", 14, 17)]
    assert why in next(p.message for p in result.problems if p.rule == "foreign-phrase")
