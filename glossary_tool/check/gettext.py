"""gettext PO files read for ``check`` through translate-toolkit, with the file position of every character.

translate-toolkit reads the catalog (the header's ``Language``, fuzzy and obsolete entries, plural forms); a scan of
the lines gives each string's characters their line and column through escapes and continuation lines. The context
(``msgctxt``) and comments are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from glossary_tool.check.prose import Bilingual, ProseBuilder, SourceFile, Unit
from glossary_tool.check.shared import Problem, clip

_KEYWORD = re.compile(r"[ \t]*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*\"")
_CONTINUATION = re.compile(r"[ \t]*\"")
_PIECE = re.compile(r"(?P<plain>[^\\\"]+)|\\(?P<escape>[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)|(?P<quote>\")")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"', "'": "'", "?": "?"}
_LANGUAGE = re.compile(r"\"Language:[ \t]*([^\\\"]*)")


@dataclass(slots=True)
class _Entry:
    strings: dict[str, ProseBuilder] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)
    line: int = 0

    def text(self, keyword: str) -> str:
        return "".join(self.texts.get(keyword, []))


def read_po(source: SourceFile, data: bytes) -> Bilingual:
    """The units of a PO file, each string located in the file; problems when it cannot be read."""
    out = Bilingual()
    entries, error = _scan(source)
    if error is not None:
        out.problems.append(error)
        return out
    store = _parse(source, data, out)
    if store is None:
        return out
    language = store.gettargetlanguage()
    if language:
        m = _LANGUAGE.search(source.text)
        out.target_language = (str(language), m.start(1) if m else 0)
    _units(source, store, entries, out)
    return out


def _parse(source: SourceFile, data: bytes, out: Bilingual) -> Any:
    """translate-toolkit's store of the file, or None (the problem added to ``out``)."""
    try:
        from translate.storage import pypo
    except ImportError:
        out.problems.append(source.problem(0, "missing-reader", "checking PO files needs translate-toolkit: pip install 'glossary-tool[check]'"))
        return None
    po: Any = pypo.pofile  # the package leaves parsestring untyped
    try:
        return po.parsestring(data)
    except Exception as exc:  # a third-party parser of untrusted input: whatever it raises is a problem with the file
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        line = re.search(r"line (\d+)", message)
        at = source.offset(int(line.group(1)), 0) if line else 0
        out.problems.append(source.problem(at, "po-syntax", f"translate-toolkit cannot read this file: {clip(message, 200)}"))
        return None


def _units(source: SourceFile, store: Any, entries: list[_Entry], out: Bilingual) -> None:
    """Pair translate-toolkit's units with the scanned entries, which locate their strings; add them to ``out``."""
    units = [u for u in store.units if not u.isheader() and not u.isobsolete()]
    mine = [e for e in entries if e.text("msgid") or "msgctxt" in e.strings]
    if len(units) != len(mine):
        out.problems.append(
            source.problem(
                0, "po-syntax", f"translate-toolkit reads {len(units)} entries where the lines hold {len(mine)}; check the file with 'msgfmt --check'"
            )
        )
        return
    for unit, entry in zip(units, mine, strict=True):
        found = _unit(source, unit, entry)
        if isinstance(found, Problem):
            out.problems.append(found)
            return
        out.units.append(found)


def _unit(source: SourceFile, unit: Any, entry: _Entry) -> Unit | Problem:
    """The unit of one entry, its strings located; a problem when translate-toolkit reads the entry otherwise."""
    if str(unit.source) != entry.text("msgid"):
        return source.problem(
            source.offset(entry.line, 0),
            "po-syntax",
            f"translate-toolkit reads this entry's msgid as '{clip(str(unit.source))}'; check the file with 'msgfmt --check'",
        )
    sources = [entry.strings[k] for k in ("msgid", "msgid_plural") if k in entry.strings]
    targets = [b for k, b in sorted(entry.strings.items()) if k.startswith("msgstr") and entry.text(k)]
    return Unit(sources, targets, bool(targets) and unit.istranslated() and not unit.isfuzzy())


def _scan(source: SourceFile) -> tuple[list[_Entry], Problem | None]:
    """The entries of a PO file as its lines hold them (obsolete ``#~`` entries left out), or the first bad line."""
    text = source.text
    starts = source.line_starts
    scan = _Scan(source)
    for number, a in enumerate(starts, start=1):
        e = starts[number] - 1 if number < len(starts) else len(text)
        error = scan.line(number, a, text[a:e].rstrip("\r"))
        if error is not None:
            return scan.entries, error
    return scan.entries, None


class _Scan:
    """The state of scanning a PO file's lines: the entry and the keyword a continuation line adds to."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.entries: list[_Entry] = []
        self.entry: _Entry | None = None
        self.keyword: str | None = None

    def line(self, number: int, a: int, line: str) -> Problem | None:
        """Read line ``number`` (starting at offset ``a``); the problem when it is bad."""
        if not line.strip():
            self.entry = self.keyword = None
            return None
        if line.lstrip().startswith("#"):
            if self.entry is not None and any(k.startswith("msgstr") for k in self.entry.strings):
                self.entry = None  # a comment after a translation starts the next entry
            return None
        m = _KEYWORD.match(line)
        if m:
            return self._keyword(number, a, line, m)
        if (c := _CONTINUATION.match(line)) and self.entry is not None and self.keyword is not None:
            return self._string(self.entry, self.keyword, a, line, a + c.end())
        return self.source.problem(a + len(line) - len(line.lstrip()), "po-syntax", f"'{clip(line.strip(), 40)}' is no PO keyword, string or comment")

    def _keyword(self, number: int, a: int, line: str, m: re.Match[str]) -> Problem | None:
        keyword = self.keyword = m.group(1)
        entry = self.entry
        if entry is None or keyword == "msgctxt" or (keyword == "msgid" and "msgid" in entry.strings):
            entry = self.entry = _Entry(line=number)
            self.entries.append(entry)
        if keyword in entry.strings:
            return self.source.problem(a, "po-syntax", f"a second {keyword} in one entry")
        entry.strings[keyword] = ProseBuilder("")
        entry.texts[keyword] = []
        return self._string(entry, keyword, a, line, a + m.end())

    def _string(self, entry: _Entry, keyword: str, a: int, line: str, quote: int) -> Problem | None:
        if not _string(self.source.text, quote, a + len(line), entry.strings[keyword], entry.texts[keyword]):
            return self.source.problem(quote - 1, "po-syntax", "a string that is not closed on its line (or has text after it)")
        return None


def _string(text: str, pos: int, end: int, builder: ProseBuilder, plain: list[str]) -> bool:
    """Decode one quoted string from just after its opening quote; False when it is not closed on its line."""
    while pos < end:
        m = _PIECE.match(text, pos, end)
        if m is None:
            return False
        if m.group("quote"):
            return not text[m.end() : end].strip()
        piece = m.group("plain")
        if piece is None:
            code = m.group("escape")
            if code[0] in "01234567":
                piece = chr(int(code, 8))
            elif code[0] == "x" and len(code) > 1:
                piece = chr(int(code[1:], 16))
            else:
                piece = _ESCAPES.get(code, code)
        builder.add(piece, pos)
        plain.append(piece)
        pos = m.end()
    return False
