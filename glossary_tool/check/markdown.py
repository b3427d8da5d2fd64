"""Markdown (as MkDocs writes it) and plain text read for ``check``: the prose a reader reads, code and markup left out.

Skipped: front matter, fenced and indented code, inline code, HTML comments, tags and their attributes, the content
of ``<code>``, ``<pre>``, ``<script>`` and the like, URLs and link targets, images, Jinja ``{{ … }}``, attribute
lists. Kept, at their own line and column: headings, paragraphs, list items, quotes, table cells, link texts.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from glossary_tool.check.prose import INLINE_TAGS, ProseBuilder, SourceFile

IGNORE_START = "glossary-ignore"
IGNORE_END = "glossary-ignore-end"

_FRONT_LANG = re.compile(r"^(?:lang|language|locale)[ \t]*:[ \t]*[\"']?([^\"'\s#]+)", re.M)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# Lines that start a block of their own: a heading, list item, quote, table row, admonition, tab, HTML block, rule.
_BLOCK_START = re.compile(r"^[ \t]*(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||!!!|\?\?\?|===|<|(?:[-*_][ \t]*){3,}$|\*\[)")
_CONTAINER = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|!!!|\?\?\?\+?|===)")
# What a line's content starts after: quote markers, a list marker with an optional task box, an admonition or tab marker.
_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|(?:!!!|\?\?\?\+?)[ \t]*[\w-]*|===|#{1,6}(?=[ \t]|$))?")
_REFERENCE = re.compile(r"^[ \t]{0,3}(?:\[[^\]]+\]:[ \t]|\*\[[^\]]+\]:)")  # a link reference definition, an abbreviation
_RAW_OPEN = re.compile(r"<(pre|script|style|textarea|code)\b", re.I)

# The lookahead lets the regular expression engine skip, in C, every character no construct starts with. Every
# construct that looks ahead for its end does so within a bound, so that no line can make the scan quadratic.
_INLINE = re.compile(
    r"(?=[`<!\[\]{&\\*_~hfw])(?:"
    r"(?P<code>(?P<ticks>`+)(?!`).{0,5000}?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<comment><!--(?P<body>.*?)-->)"
    r"|(?P<open_comment><!--)"
    r"|(?P<rawtag><(?P<raw>code|kbd|samp|var|script|style|pre|textarea)\b[^>]{0,2000}>.{0,5000}?</(?P=raw)\s*>)"
    r"|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>)"
    r"|(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>)"
    r"|(?P<image>!\[[^\]]{0,1000}\](?:\([^)]{0,2000}\)|\[[^\]]{0,200}\])?)"
    r"|(?P<dest>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)|\]\[[^\]]*\])"
    r"|(?P<footnote>\[\^[^\]\s]{1,100}\])"
    r"|(?P<url>(?:https?|ftp)://[^\s<>()\[\]]+|www\.[^\s<>()\[\]]+)"
    r"|(?P<template>\{\{.{0,1000}?\}\}|\{%.{0,1000}?%\}|\{#.{0,1000}?#\})"
    r"|(?P<attrs>\{:[^}]{0,500}\}|\{[ \t]*[#.][^}]{0,500}\})"
    r"|(?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<emphasis>\*+|~~|_+|[\[\]]))",
    re.S,
)


@dataclass(slots=True)
class Markdown:
    """What reading a Markdown file gives: its prose, the language its front matter names, and where an ignore
    comment that is never closed opens."""

    prose: ProseBuilder
    language: tuple[str, int] | None = None  # the tag and its offset
    unclosed_ignore: int | None = None  # the offset of a glossary-ignore never closed


def read_plain(source: SourceFile, language: str) -> ProseBuilder:
    """A plain text file: all of it is prose."""
    builder = ProseBuilder(language)
    builder.add(source.text, 0)
    return builder


def read_markdown(source: SourceFile, language: str) -> Markdown:
    """The prose of a Markdown file, block by block, with barriers between blocks and where matter was skipped."""
    text = source.text
    out = Markdown(ProseBuilder(language))
    starts = source.line_starts
    n = len(starts)
    reader = _Blocks(text, out.prose)
    for i in range(_front_matter(text, starts, out), n):
        a = starts[i]
        reader.line(a, text[a : (starts[i + 1] - 1 if i + 1 < n else len(text))].rstrip("\r"))
    if reader.ignoring is not None:
        out.unclosed_ignore = reader.ignoring
    return out


class _Blocks:
    """The state of reading a Markdown file line by line: which block the next line may continue."""

    def __init__(self, text: str, prose: ProseBuilder) -> None:
        self.text, self.b = text, prose
        self.fence: str | None = None
        self.raw: str | None = None  # an HTML block whose content is code (pre, script, style, textarea)
        self.in_comment = False  # inside an HTML comment that goes on over several lines
        self.ignoring: int | None = None  # where the open glossary-ignore comment is
        self.previous_blank = self.previous_ends_block = True
        self.container = False  # inside a list item, admonition or tab, whose indented lines are not code

    def line(self, a: int, line: str) -> None:
        """Read the line starting at offset ``a``."""
        if self.fence is not None:
            self._in_fence(self.fence, line)
        elif self.raw is not None:
            if re.search(rf"</{self.raw}\s*>", line, re.I):
                self.raw = None
        elif self.in_comment:
            self._in_comment(a, line)
        elif not self._skipped(line):
            self._prose(a, line)

    def _in_fence(self, fence: str, line: str) -> None:
        m = _FENCE.match(line)
        if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end() :].strip():
            self.fence = None

    def _in_comment(self, a: int, line: str) -> None:
        close = line.find("-->")
        if close != -1:
            self.in_comment = False
            self.ignoring, self.in_comment = _inline(self.text, a + close + 3, a + len(line), self.b, self.ignoring)

    def _skipped(self, line: str) -> bool:
        """Whether ``line`` is a blank line, a fence, code, a reference definition or a raw HTML block's start (its
        barrier and state noted); False when it holds prose."""
        b = self.b
        stripped = line.strip()
        if not stripped:
            b.barrier()
            self.previous_blank = self.previous_ends_block = True
            return True
        m = _FENCE.match(line)
        if m:
            self.fence = m.group(1)
            b.barrier()
            self.previous_blank, self.previous_ends_block = False, True
            return True
        if _indent(line) >= 4 and self.previous_blank and not self.container:
            b.barrier()  # an indented code block; previous_blank stays set, so its next lines are code too
            return True
        if _REFERENCE.match(line):
            b.barrier()
            return True
        raw_open = _RAW_OPEN.match(stripped)
        if raw_open and not re.search(rf"</{raw_open.group(1)}\s*>", line, re.I):
            self.raw = raw_open.group(1).lower()
            b.barrier()
            return True
        return False

    def _prose(self, a: int, line: str) -> None:
        b = self.b
        stripped = line.strip()
        end = a + len(line)
        if self.previous_blank or self.previous_ends_block or _BLOCK_START.match(line):
            b.barrier()
        if _CONTAINER.match(line):
            self.container = True
        elif _indent(line) == 0 and not stripped.startswith(">"):
            self.container = False
        prefix = _PREFIX.match(line)
        self.ignoring, self.in_comment = _inline(self.text, a + (prefix.end() if prefix else 0), end, b, self.ignoring)
        if self.ignoring is None:
            b.add("\n", end)  # a line break inside a paragraph: white space between words
        self.previous_blank = False
        self.previous_ends_block = stripped.startswith(("#", "|")) or stripped.endswith("|")


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _front_matter(text: str, starts: list[int], out: Markdown) -> int:
    """Skip YAML (``---``) or TOML (``+++``) front matter; note its ``lang``. The index of the first line after it."""
    for mark in ("---", "+++"):
        if not text.startswith(mark) or text[3:4] not in ("\n", "\r"):
            continue
        for k in range(1, len(starts)):
            a = starts[k]
            e = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
            if text[a:e].rstrip("\r") in (mark, "...") if mark == "---" else text[a:e].rstrip("\r") == mark:
                m = _FRONT_LANG.search(text, starts[1], a)
                if m:
                    out.language = (m.group(1), m.start(1))
                return k + 1
    return 0


def _inline(text: str, a: int, e: int, b: ProseBuilder, ignoring: int | None) -> tuple[int | None, bool]:
    """Add the prose of ``text[a:e]`` (one line's content) to ``b``. Returns where an open glossary-ignore is (None
    when not ignoring) and whether an HTML comment opens here and goes on past the line."""
    at = a
    for m in _INLINE.finditer(text, a, e):
        kind = m.lastgroup
        s = m.start()
        if ignoring is None:
            b.add(text[at:s], at)
        at = m.end()
        if kind == "comment":
            ignoring = _ignore_comment(m.group("body").strip(), s, ignoring)
            b.barrier()
        elif kind == "open_comment":
            b.barrier()
            return ignoring, True
        elif ignoring is None:
            _construct(text, m, b)
    if ignoring is None:
        b.add(text[at:e], at)
    return ignoring, False


def _ignore_comment(body: str, at: int, ignoring: int | None) -> int | None:
    """Where the open glossary-ignore is after a comment with ``body`` at ``at``."""
    if body == IGNORE_START and ignoring is None:
        return at
    if body == IGNORE_END:
        return None
    return ignoring


def _construct(text: str, m: re.Match[str], b: ProseBuilder) -> None:
    """What an inline construct adds to the prose: a character, nothing, or a barrier."""
    kind = m.lastgroup
    s = m.start()
    if kind == "entity":
        b.add(html.unescape(m.group()), s)
    elif kind == "escape":
        b.add(m.group()[1], s + 1)
    elif kind in {"emphasis", "dest"}:
        if m.group()[0] == "_" and _intraword(text, s, m.end()):
            b.add(m.group(), s)  # snake_case: an underscore inside a word is a character, not emphasis
    elif kind == "tag" and m.group("name").lower() in INLINE_TAGS:
        pass  # <em>, <a href=…>: the text goes on
    else:
        b.barrier()


def _intraword(text: str, s: int, e: int) -> bool:
    return s > 0 and e < len(text) and text[s - 1].isalnum() and text[e].isalnum()
