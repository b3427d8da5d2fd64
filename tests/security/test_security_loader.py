"""Escapes in double-quoted YAML cannot smuggle in what the raw-text check refuses (controls, bidi, surrogates)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_settings

from glossary_tool.core.loader import HAS_C_LOADER, Impl, load_text
from glossary_tool.lint import run
from glossary_tool.lint.reporters import REPORTERS

IMPLS = ["python", pytest.param("c", marks=pytest.mark.skipif(not HAS_C_LOADER, reason="PyYAML built without libyaml"))]
ESCAPES = {r"\u200b": "U+200B", r"\u202e": "U+202E", r"\0": "U+0000", r"\e": "U+001B", r"\x85": "U+0085", r"\L": "U+2028", r"\_": None}


@pytest.mark.parametrize("impl", IMPLS)
@pytest.mark.parametrize("escape", list(ESCAPES))
def test_escaped_invisible_characters_are_refused_at_the_value(escape: str, impl: Impl) -> None:
    doc, problems = load_text(f'id: a\nterm: "ab{escape}c"\n', "f.yaml", impl=impl)
    character = ESCAPES[escape]
    if character is None:  # "\_" is a no-break space: visible spacing, allowed
        assert problems == [] and doc is not None and doc.data["term"] == "ab\u00a0c"
        return
    assert doc is None
    assert [(p.rule, p.line, p.column) for p in problems] == [("forbidden-character", 2, 7)]
    assert character in problems[0].message


@pytest.mark.parametrize("impl", IMPLS)
def test_escaped_keys_are_checked_too(impl: Impl) -> None:
    doc, problems = load_text('"a\\u200bb": x\n', "f.yaml", impl=impl)
    assert doc is None and problems[0].rule == "forbidden-character"


def test_lone_surrogate_is_a_problem_that_prints(tmp_path: Path) -> None:
    # The pure-Python parser turns "\ud800" into a lone surrogate, which no UTF-8 report could print.
    (tmp_path / "a.yaml").write_text('id: "\\ud800"\nkind: concept\n', encoding="utf-8")
    # libyaml refuses the escape itself; the Python parser accepts it and the loader's value check refuses it.
    expected: dict[Impl, str] = {"python": "forbidden-character", "c": "yaml-syntax"}
    impls: tuple[Impl, ...] = tuple(expected) if HAS_C_LOADER else ("python",)
    for impl in impls:
        result = run(make_settings(tmp_path), [tmp_path], impl=impl)
        assert [p.rule for p in result.problems] == [expected[impl]]
        for fmt in REPORTERS:
            REPORTERS[fmt](result.problems).encode("utf-8")
