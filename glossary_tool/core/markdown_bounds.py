"""Bounds on the work that rendering one field's Markdown may take, measured in time linear in its length.

Shared by the renderer (``render/text.py``), which shows text beyond them as plain paragraphs, and the
``markdown-complexity`` rule, which refuses it; kept apart from both so that lint does not import the renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Bounds on what makes Python-Markdown slow. Its inline parser scans from every "[" to the matching "]" (to the end of
# the block when there is none), so "[" × 20,000 took 33 s; each markup character costs about as much as a hundred
# letters; its block parser re-reads the rest of a block at each rule or heading line (5,000 "---" lines: 1.3 s) and
# nests an element per quote or list marker. Within these bounds the worst 20,000-character field measured renders in
# a few tens of milliseconds (benchmarks/markdown_bounds.py); beyond them lint refuses the text (markdown-complexity)
# and the site shows it as plain text, so no field can slow a build down.
MAX_BRACKET_SPAN = 10_000  # characters scanned from each "[" to its "]", summed over the field
MAX_BRACKET_DEPTH = 8  # "[" inside "[" inside …
MAX_MARKUP = 1_000  # characters Markdown gives a meaning to (MARKUP), plus quote and list markers starting a line
MAX_BLOCK_DEPTH = 8  # block quotes and lists inside one another on one line
MAX_LINES = 200
MARKUP = "[]()<>&*_`!\\"
BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BRACKET = re.compile(r"\\.|[\[\]]", re.S)
_BLOCK_MARKERS = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+", re.M)
_ONE_MARKER = re.compile(r">|[-*+]|\d{1,9}[.)]")


@dataclass(frozen=True, slots=True)
class Complexity:
    """How much work a field's Markdown asks of the renderer (all counted in linear time)."""

    bracket_span: int
    bracket_depth: int
    markup: int
    block_depth: int
    lines: int

    def problem(self) -> str | None:
        """Why the text is too complex to render as Markdown, or None when it is within every bound."""
        if self.bracket_depth > MAX_BRACKET_DEPTH:
            return f"'[' nests {self.bracket_depth} deep (at most {MAX_BRACKET_DEPTH})"
        if self.bracket_span > MAX_BRACKET_SPAN:
            return (
                f"'[' brackets stay open over {self.bracket_span:,} characters in all (at most {MAX_BRACKET_SPAN:,}); "
                "close each '[' with ']' or write it as '\\['"
            )
        if self.lines > MAX_LINES:
            return f"it has {self.lines:,} lines (at most {MAX_LINES})"
        if self.block_depth > MAX_BLOCK_DEPTH:
            return f"block quotes or lists nest {self.block_depth} deep (at most {MAX_BLOCK_DEPTH})"
        if self.markup > MAX_MARKUP:
            return f"it has {self.markup:,} Markdown markup characters ({MARKUP}, and quote or list markers) (at most {MAX_MARKUP:,})"
        return None


def _brackets(text: str) -> tuple[int, int]:
    """The summed span of ``[ … ]`` pairs and their deepest nesting; an unclosed "[" is scanned to the end of its block only."""
    span = depth = 0
    for block in BLANK_LINE.split(text):
        opened: list[int] = []
        for m in _BRACKET.finditer(block):
            if m.group() == "[":
                opened.append(m.start())
                depth = max(depth, len(opened))
            elif m.group() == "]" and opened:
                span += m.start() - opened.pop()
        span += sum(len(block) - start for start in opened)
    return span, depth


def _block_markers(text: str) -> tuple[int, int]:
    """The quote and list markers not counted in MARKUP already, and how deep they nest."""
    extra = nesting = 0
    for m in _BLOCK_MARKERS.finditer(text):
        if m.group().strip():
            markers = len(_ONE_MARKER.findall(m.group()))
            extra += markers - m.group().count(">")  # a ">" is in MARKUP already
            nesting = max(nesting, markers)
    return extra, nesting


def complexity(text: str) -> Complexity:
    """Measure ``text`` against the bounds above, in time linear in its length."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as Markdown reads line ends
    span, depth = _brackets(text) if "[" in text else (0, 0)
    extra, nesting = _block_markers(text)
    markup = sum(text.count(ch) for ch in MARKUP) + extra
    return Complexity(span, depth, markup, nesting, text.count("\n") + 1)
