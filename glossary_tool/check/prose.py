"""What a reader reads in a checked file: prose of one language, each character traced back to the file.

Readers (Markdown, HTML, PO, XLIFF) build ``Prose`` from a ``SourceFile``; the checks find terms in it and report at
the file's own line and column, counted in characters (code points), whatever markup or escapes stood between.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from glossary_tool.check.shared import Problem, Severity

# Ends a block and stands where skipped matter was (code, a URL, a placeholder): no term is matched across it, as
# the word pipeline only joins words whose gap is white space or a hyphen. Never a character of a real text file.
BARRIER = "\x00"
# Bounds that keep memory and time in proportion to a documentation file, whatever a file holds.
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_LINE_CHARS = 100_000

_NEWLINE = re.compile("\n")

# HTML elements that stay inside a sentence: their text reads on with the text around them (Markdown and HTML alike).
INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "data",
        "del",
        "dfn",
        "em",
        "i",
        "ins",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "font",
    }
)


class SourceFile:
    """A file's decoded text and where its lines start, for turning an offset into ``line:column``."""

    __slots__ = ("_starts", "path", "text")

    def __init__(self, path: str, text: str) -> None:
        self.path, self.text = path, text
        self._starts: list[int] | None = None

    @property
    def line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _NEWLINE.finditer(self.text))]
        return self._starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of ``offset``."""
        starts = self.line_starts
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def offset(self, line: int, column0: int) -> int:
        """The offset of a 1-based line and 0-based column, as XML and HTML parsers report them."""
        starts = self.line_starts
        return (starts[line - 1] if 0 < line <= len(starts) else len(self.text)) + column0

    def problem(self, offset: int, rule: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
        line, column = self.position(offset)
        return Problem(self.path, line, column, rule, severity, message)


@dataclass(frozen=True, slots=True)
class Prose:
    """Text of one language as a reader reads it, and for each run of it the file offset it starts at."""

    text: str
    language: str  # a configured locale code of the glossary
    anchors: list[int]  # offsets into ``text`` where a run starts (ascending)
    origins: list[int]  # the file offset of each run's first character

    def origin(self, offset: int) -> int:
        """The file offset of character ``offset`` of the prose."""
        k = bisect_right(self.anchors, offset) - 1
        return self.origins[k] + offset - self.anchors[k] if k >= 0 else 0


@dataclass(slots=True)
class ProseBuilder:
    """Collects a reader's prose piece by piece: runs copied from the file, decoded characters and barriers."""

    language: str
    parts: list[str] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)
    size: int = 0
    _next: int = -1  # the file offset that would continue the last run

    def add(self, text: str, origin: int) -> None:
        """``text`` as it stands in the file from ``origin`` on (or one decoded character standing for an escape)."""
        if not text:
            return
        if origin != self._next:
            self.anchors.append(self.size)
            self.origins.append(origin)
        self.parts.append(text)
        self.size += len(text)
        self._next = origin + len(text)

    def barrier(self) -> None:
        """End the current block: no term is found across this point."""
        if self.size and self.parts[-1] != BARRIER:
            self.parts.append(BARRIER)
            self.size += 1
            self._next = -1

    def build(self) -> Prose | None:
        """The prose, or None when nothing but barriers was collected."""
        text = "".join(self.parts)
        if not text.strip(BARRIER + " \t\r\n"):
            return None
        return Prose(text, self.language, self.anchors, self.origins)


def decode(path: str, data: bytes) -> tuple[SourceFile | None, Problem | None]:
    """A file's bytes as text, or a located problem: a binary file, bytes that are not UTF-8, an overlong line."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # editors do not count the byte-order mark as a column
    nul = data.find(b"\x00")
    bad: tuple[int, str] | None = None
    if nul != -1:
        bad = (nul, "a NUL byte: this is a binary file, not text; leave it out of the paths checked")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if bad is None or exc.start < bad[0]:
            bad = (exc.start, f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8")
        text = ""
    if bad is not None:
        at, why = bad
        head = data[:at].decode("utf-8", errors="replace")
        line = head.count("\n") + 1
        column = at - (data.rfind(b"\n", 0, at) + 1) if line > 1 else at
        column = len(data[at - column : at].decode("utf-8", errors="replace")) + 1
        return None, Problem(path, line, column, "encoding", Severity.ERROR, why)
    source = SourceFile(path, text)
    starts = source.line_starts
    ends = [*starts[1:], len(text) + 1]
    for number, (a, b) in enumerate(zip(starts, ends, strict=True), start=1):
        if b - a - 1 > MAX_LINE_CHARS:
            return None, Problem(
                path,
                number,
                MAX_LINE_CHARS + 1,
                "line-too-long",
                Severity.ERROR,
                f"line {number} has {b - a - 1:,} characters; documents are checked up to {MAX_LINE_CHARS:,} per line (is this a generated or minified file?)",
            )
    return source, None


@dataclass(slots=True)
class Unit:
    """One translation unit: its source texts (singular, plural), its target texts, and whether its translation is
    final (not fuzzy, not untranslated) so that it is compared with the source."""

    sources: list[ProseBuilder]
    targets: list[ProseBuilder]
    final: bool


@dataclass(slots=True)
class Bilingual:
    """What reading a PO or XLIFF file gives: its units and the languages it declares (tag and offset), or problems."""

    units: list[Unit] = field(default_factory=list)
    source_language: tuple[str, int] | None = None
    target_language: tuple[str, int] | None = None
    problems: list[Problem] = field(default_factory=list)
