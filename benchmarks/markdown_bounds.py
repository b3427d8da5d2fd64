"""Rendering time of one field at the edge of the Markdown bounds, and of the pathological inputs beyond them.

Run with ``.venv/bin/python benchmarks/markdown_bounds.py [--runs N]``. Prints, per input, the median of N runs of
``render_markdown`` and of plain Python-Markdown on the same text; the bound is 100 ms for any field.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary_tool.core.markdown_bounds import MAX_BRACKET_DEPTH, MAX_BRACKET_SPAN, MAX_LINES, MAX_MARKUP, complexity
from glossary_tool.site.render.text import _MD, render_markdown, sanitize

FIELD = 20_000  # the model's longest text


def words(n: int) -> str:
    return ("a word " * (n // 7 + 1))[:n]


def fill(text: str) -> str:
    """``text`` padded with words to the longest field."""
    return text + " " + words(FIELD - len(text) - 1) if len(text) < FIELD - 1 else text[:FIELD]


def edge_cases() -> dict[str, str]:
    """Inputs as close to each bound as they go (each is checked to pass), in the shapes that cost most."""
    per_line = FIELD // MAX_LINES
    cases = {
        "plain words": words(FIELD),
        "one '[' open over the span bound": words(FIELD - MAX_BRACKET_SPAN) + "[" + words(MAX_BRACKET_SPAN - 2),
        f"'[' nested {MAX_BRACKET_DEPTH} deep, spans at the bound": words(FIELD - MAX_BRACKET_SPAN // MAX_BRACKET_DEPTH - 16)
        + "[" * MAX_BRACKET_DEPTH
        + words(MAX_BRACKET_SPAN // MAX_BRACKET_DEPTH - MAX_BRACKET_DEPTH - 1),
        f"{MAX_MARKUP} '&'": fill("&" * MAX_MARKUP),
        f"{MAX_MARKUP} '<'": fill("<" * MAX_MARKUP),
        f"{MAX_MARKUP // 4} code spans": fill("`a` " * (MAX_MARKUP // 2)),
        f"{MAX_MARKUP // 4} links": fill("[a](b) " * (MAX_MARKUP // 4)),
        f"{MAX_MARKUP // 4} emphasis": fill("**a** " * (MAX_MARKUP // 4)),
        f"{MAX_LINES} '---' lines": ("---\n" + words(per_line - 4)[:-1] + "\n") * (MAX_LINES // 2 - 1) + "x",
        f"{MAX_LINES} setext headings": ("x\n=\n" + words(per_line * 2 - 5) + "\n") * (MAX_LINES // 3 - 1) + "x",
        f"{MAX_LINES} paragraphs": ("a\n\n" + words(per_line * 2 - 4) + "\n") * (MAX_LINES // 3 - 1) + "x",
        f"{MAX_MARKUP // 8} lines of 8 nested quotes": ("> " * 8 + words(FIELD // (MAX_MARKUP // 8) - 17) + "\n") * (MAX_MARKUP // 8 - 1),
        f"{MAX_MARKUP // 8} lines of 8 nested lists": ("- " * 8 + words(FIELD // (MAX_MARKUP // 8) - 17) + "\n") * (MAX_MARKUP // 8 - 1),
        "all bounds at once": ("> " * 4 + "&" * 4 + "[" + words(MAX_BRACKET_SPAN // 100 - 2) + "] " + words(FIELD // 100 - MAX_BRACKET_SPAN // 100 - 20) + "\n")
        * 99,
    }
    for name, text in cases.items():
        why = complexity(text).problem()
        assert why is None, f"{name}: {why}"
    return cases


def beyond_cases() -> dict[str, str]:
    """The issue's inputs and their kin: refused by lint, shown as plain text by the renderer."""
    return {
        "'[' × 20,000": "[" * FIELD,
        "'![' × 10,000": "![" * (FIELD // 2),
        "5,000 '---' lines": "---\n" * (FIELD // 4),
        "199 nested quotes": "".join(">" * i + " x\n" for i in range(1, 200))[:FIELD],
        "'&' × 20,000": "&" * FIELD,
    }


def plain_markdown(text: str) -> str:
    _MD.reset()
    return sanitize(_MD.convert(html.escape(text, quote=False)))


def median_ms(fn: Callable[[str], str], text: str, runs: int, limit_s: float = 120.0) -> float:
    times = []
    started = time.perf_counter()
    for _ in range(runs):
        t = time.perf_counter()
        fn(text)
        times.append((time.perf_counter() - t) * 1000)
        if time.perf_counter() - started > limit_s:
            break
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-slow", action="store_true", help="do not time plain Python-Markdown beyond the bounds")
    args = parser.parse_args()
    worst = 0.0
    print(f"{'input (20,000 characters or fewer)':<46} {'render_markdown':>16} {'plain Markdown':>15}")
    for name, text in edge_cases().items():
        ours = median_ms(render_markdown, text, args.runs)
        worst = max(worst, ours)
        print(f"{name:<46} {ours:13.1f} ms {median_ms(plain_markdown, text, args.runs):12.1f} ms")
    print(f"\nbeyond the bounds (plain Markdown: {'skipped' if args.skip_slow else 'one run'})")
    for name, text in beyond_cases().items():
        ours = median_ms(render_markdown, text, args.runs)
        worst = max(worst, ours)
        slow = "" if args.skip_slow else f"{median_ms(plain_markdown, text, 1):12.1f} ms"
        print(f"{name:<46} {ours:13.1f} ms {slow}")
    print(f"\nslowest field: {worst:.1f} ms (bound: 100 ms), median of {args.runs} runs each")
    return 0 if worst < 100 else 1


if __name__ == "__main__":
    raise SystemExit(main())
