"""Text bound for a terminal or a log: control, invisible and bidi characters in paths and contributor text escaped.

``escape`` is for one value (a path, a term): the result is one line. ``clean`` is for a whole block of output.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO, cast

# C0 and C1 controls, DEL, the characters the loader refuses in entries (zero-width, bidi, line separators, BOM),
# and lone surrogates, which a file name that is not UTF-8 decodes to and which no terminal can be sent.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]")
_UNSAFE_IN_BLOCK = re.compile(UNSAFE.pattern.replace("\x00-\x1f", "\x00-\x08\x0b-\x1f"))  # keeps tab and newline
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _replacement(match: re.Match[str]) -> str:
    ch = match.group()
    # \uXXXX reads the same in a terminal and is a valid escape inside a JSON string, so one form serves every format.
    return _SHORT.get(ch) or f"\\u{ord(ch):04x}"


def escape(text: str) -> str:
    """``text`` as one printable line: ``\\n``, ``\\r``, ``\\t`` and ``\\uXXXX`` for every unsafe character."""
    return UNSAFE.sub(_replacement, text) if UNSAFE.search(text) else text


def clean(text: str) -> str:
    """A block of output with every unsafe character escaped except the tabs and newlines that lay it out."""
    return _UNSAFE_IN_BLOCK.sub(_replacement, text) if _UNSAFE_IN_BLOCK.search(text) else text


class CleanWriter:
    """A text stream that passes everything written to it through ``clean`` (the command line wraps stdout and stderr)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(clean(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:  # buffer, fileno, isatty, encoding …: those of the wrapped stream
        return getattr(self.stream, name)


@contextlib.contextmanager
def clean_output() -> Iterator[None]:
    """Within the block, whatever is printed to stdout or stderr has its unsafe characters escaped."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = cast(TextIO, CleanWriter(out)), cast(TextIO, CleanWriter(err))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def display_path(path: Path | str) -> str:
    """Paths relative to the working folder when possible: that is what editors and CI annotations want."""
    text = os.fspath(path)
    if not text.startswith("/") and "/../" not in f"/{text}/" and (isinstance(path, Path) or "//" not in text):
        return text  # already relative to the working folder (and normalized): relpath would not change it
    try:
        return os.path.relpath(text)
    except ValueError:
        return text


def shown_path(path: Path) -> str:
    """``display_path`` for a message: a file name's control characters escaped, so it stays on one line."""
    return escape(display_path(path))
