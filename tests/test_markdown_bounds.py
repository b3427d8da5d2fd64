"""Markdown bounds: measured in linear time; text beyond them is shown as plain paragraphs, never given to Markdown."""

from __future__ import annotations

import pytest

from glossary_tool.core import markdown_bounds as mb
from glossary_tool.site.render import text as render_text
from glossary_tool.site.render.text import render_markdown


@pytest.mark.parametrize(
    ("text", "span", "depth", "markup", "block", "lines"),
    [
        ("plain words", 0, 0, 0, 0, 1),
        ("[a](b) and [c]", 4, 1, 6, 0, 1),
        ("[[x]]", 6, 2, 4, 0, 1),
        ("[ open", 6, 1, 1, 0, 1),
        ("[ open\n\nnext block", 6, 1, 1, 0, 3),  # an open bracket is scanned to the end of its block only
        ("\\[ escaped", 0, 0, 2, 0, 1),
        ("> > quote\n- - list\n1. x\r\ny", 0, 0, 5, 2, 4),
    ],
)
def test_complexity_counts(text: str, span: int, depth: int, markup: int, block: int, lines: int) -> None:
    assert mb.complexity(text) == mb.Complexity(span, depth, markup, block, lines)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 20_000,  # the definition: 33 s to render before
        "![" * 10_000,
        "---\n" * 5_000,
        "".join(">" * i + " x\n" for i in range(1, 200)),
        "<&" * 1_000,
    ],
)
def test_text_beyond_the_bounds_never_reaches_markdown(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert mb.complexity(text).problem() is not None

    def refuse(_: str) -> str:
        raise AssertionError("Markdown was asked to render text beyond the bounds")

    monkeypatch.setattr(render_text._MD, "convert", refuse)
    out = render_markdown(text)
    assert out.startswith("<p>") and "<a" not in out and "<blockquote" not in out
    assert "&lt;" in out or "<" not in text  # escaped, as text


def test_text_within_the_bounds_is_markdown() -> None:
    assert (
        render_markdown("A [link](https://example.org) and *this*.")
        == '<p>A <a href="https://example.org" rel="noopener noreferrer nofollow">link</a> and <em>this</em>.</p>'
    )


def test_each_bound_is_reachable() -> None:
    assert "nests 9 deep" in (mb.complexity("[" * 9).problem() or "")
    assert "stay open over" in (mb.complexity("[[ " + "x" * 6_000).problem() or "")
    assert "lines" in (mb.complexity("a\n" * 200).problem() or "")
    assert "block quotes or lists nest 9 deep" in (mb.complexity("- " * 9 + "x").problem() or "")
    assert "1,001 Markdown markup" in (mb.complexity("*" * 1_001).problem() or "")
    assert mb.complexity("*" * 1_000).problem() is None and mb.complexity("a\n" * 199).problem() is None
