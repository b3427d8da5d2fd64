"""Read one YAML entry safely into plain data plus a position for every key and value.

Everything stays a string; every hazard (tags, aliases, depth, size, encoding, invisibles) is a Problem.
"""

# Refused: tags, anchors, aliases, duplicate keys, deep nesting, oversized files, bad encodings and
# invisible characters. Each becomes a Problem at its position instead of a traceback.

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from yaml import events as ev

from glossary_tool.core.problems import Problem, Severity

Loc = tuple[str | int, ...]
Pos = tuple[int, int]
Impl = Literal["auto", "c", "python"]

HAS_C_LOADER: bool = hasattr(yaml, "CBaseLoader")

# Characters that are invisible or reorder text: they hide differences between terms
# (Trojan-source style) and make line numbers disagree between editors and PyYAML.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0/C1 controls except tab, LF, CR
    "\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# A double-quoted escape ("\u200b", "\0", "\ud800") makes in a value what the raw text may not contain;
# lone surrogates (the pure-Python parser accepts "\ud800") cannot even be written out as UTF-8 later.
_FORBIDDEN_VALUE = re.compile(_FORBIDDEN.pattern[:-1] + "\ud800-\udfff]")


@dataclass(slots=True)
class Document:
    """One parsed file: its data (strings, lists, dicts) and where each piece came from."""

    path: str
    text: str
    data: dict[str, Any]
    values: dict[Loc, Pos] = field(default_factory=dict)
    keys: dict[Loc, Pos] = field(default_factory=dict)

    def pos(self, loc: Loc) -> Pos:
        """Position of the value at ``loc``, or of its nearest located ancestor."""
        loc = tuple(loc)
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def key_pos(self, loc: Loc) -> Pos:
        """Position of the mapping key that holds ``loc`` (falls back to the value)."""
        return self.keys.get(tuple(loc)) or self.pos(loc)

    def problem(self, loc: Loc, message: str, *, at_key: bool = False, rule: str = "") -> Problem:
        """A problem at ``loc`` (its key with ``at_key``); a rule's problems get their id from the lint runner."""
        line, column = self.key_pos(loc) if at_key else self.pos(loc)
        return Problem(self.path, line, column, rule, Severity.ERROR, message)


def offset_to_pos(text: str, offset: int) -> Pos:
    """1-based line and column (in characters) of a character offset; CR, LF and CRLF each end a line, as in YAML."""
    if "\r" not in text:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
    if 0 < offset < len(text) and text[offset] == "\n" and text[offset - 1] == "\r":  # the LF of a CRLF: its CR's line
        line, column = offset_to_pos(text, offset - 1)
        return line, column + 1
    # A CR not followed by LF ends a line of its own (old Mac files); a CRLF ends one line, not two.
    line = text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset) + 1
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return line, offset - start + 1


def _problem(path: str, pos: Pos, rule: str, message: str) -> Problem:
    return Problem(path, pos[0], pos[1], rule, Severity.ERROR, message)


def _mark(mark: Any) -> Pos:
    return mark.line + 1, mark.column + 1


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Strict UTF-8 decoding; a leading BOM is accepted and dropped."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        pos = offset_to_pos(good, len(good))
        return None, [_problem(path, pos, "encoding", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8")]
    return text.removeprefix("\ufeff"), []


def forbidden_character(value: str) -> str | None:
    """The first character a value of an entry may not hold (control, zero-width, bidi, a lone surrogate), or None;
    tab and line ends are allowed."""
    found = _FORBIDDEN_VALUE.search(value)
    return found.group() if found else None


def invisible_characters(text: str, path: str, limit: int = 20) -> list[Problem]:
    """One problem per control, bidi or zero-width character (at most ``limit``)."""
    out: list[Problem] = []
    for m in _FORBIDDEN.finditer(text):
        ch = m.group()
        name = unicodedata.name(ch, "control character")
        out.append(
            _problem(
                path,
                offset_to_pos(text, m.start()),
                "forbidden-character",
                f"invisible or control character U+{ord(ch):04X} ({name}); delete it or type a visible character",
            )
        )
        if len(out) >= limit:
            break
    return out


class _Stop(Exception):
    """Internal: a structural problem that ends parsing of this file."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _events(text: str, impl: Impl) -> Iterator[Any]:  # scalar, mapping, sequence … events; dispatched on class below
    use_c = HAS_C_LOADER if impl == "auto" else impl == "c"
    if use_c and not HAS_C_LOADER:
        raise RuntimeError("PyYAML was built without libyaml")
    loader = (yaml.CBaseLoader if use_c else yaml.BaseLoader)(text)
    # iter(get_event, None) rather than yaml.parse(): both parsers return None after the stream ends, and calling
    # get_event from C skips a generator frame and a check_event() call per event (a tenth of a large lint).
    return iter(loader.get_event, None)


_SCALAR, _MAP_START, _SEQ_START = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
_MAP_END, _SEQ_END = ev.MappingEndEvent, ev.SequenceEndEvent


def _build(events: Iterator[Any], path: str, max_depth: int, doc: Document) -> Any:
    """Turn a YAML event stream into dicts, lists and strings, recording positions."""
    builder = _Builder(path, max_depth, doc)
    node, close, stack, values, keys = builder.node, builder.stack.pop, builder.stack, doc.values, doc.keys
    # A scalar without anchor or tag in an open container is most of the events: it is placed here, without a call
    # (what ``node`` and ``attach`` do, in a file without escapes); anything else, a duplicate key included, goes there.
    inline = not builder.may_escape
    # Dispatch on the exact event class: the parsers make no subclasses, and this loop runs once per event.
    for event in events:
        cls = event.__class__
        if cls is _SCALAR and inline and stack and event.anchor is None and event.tag is None:
            frame = stack[-1]
            container, pending, value = frame[0], frame[2], event.value
            mark = event.start_mark
            if pending is not None:  # the value of a key (only a mapping's frame has one pending)
                container[pending[-1]] = value
                values[pending] = (mark.line + 1, mark.column + 1)
                frame[2] = None
            elif container.__class__ is list:
                child = (*frame[1], len(container))
                container.append(value)
                values[child] = (mark.line + 1, mark.column + 1)
            elif value not in container:  # a key, not seen before in this mapping
                child = (*frame[1], value)
                frame[2] = child  # the value's location too: one tuple for both
                keys[child] = (mark.line + 1, mark.column + 1)
            else:
                node(event, cls)
        elif cls is _MAP_END or cls is _SEQ_END:
            close()
        elif cls is _SCALAR or cls is _MAP_START or cls is _SEQ_START:
            node(event, cls)
        else:
            builder.other(event, cls)
    return builder.root


class _Builder:
    """The state of ``_build``: the value made so far, the open containers and the document's positions."""

    __slots__ = ("doc", "documents", "max_depth", "may_escape", "path", "root", "stack")

    def __init__(self, path: str, max_depth: int, doc: Document) -> None:
        self.path, self.max_depth, self.doc = path, max_depth, doc
        self.root: Any = None
        # Each frame: [container, loc, location of the pending key or None]
        self.stack: list[list[Any]] = []
        self.documents = 0
        # Escapes are the only way a value can hold what the raw text may not, and every escape needs a backslash.
        self.may_escape = "\\" in doc.text

    def node(self, event: Any, cls: type) -> None:
        """A scalar, or the start of a mapping or sequence."""
        mark = event.start_mark
        pos = (mark.line + 1, mark.column + 1)  # _mark() inlined: this runs once per event
        if event.anchor is not None or (event.tag is not None and event.tag != "!"):
            raise _Stop(self._refused(event, pos))
        if cls is _SCALAR:
            if self.may_escape:
                self._escapes(event.value, pos)
            self.attach(event.value, pos)
        else:
            self._open(cls, pos)

    def _open(self, cls: type, pos: Pos) -> None:
        stack = self.stack
        if len(stack) >= self.max_depth:
            raise _Stop(_problem(self.path, pos, "yaml-depth", f"nested deeper than {self.max_depth} levels"))
        container: Any = {} if cls is _MAP_START else []
        if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
            raise _Stop(_problem(self.path, pos, "yaml-complex-key", "mapping keys must be plain text"))
        stack.append([container, self.attach(container, pos), None])

    def _refused(self, event: Any, pos: Pos) -> Problem:
        if event.anchor is not None:
            return _problem(self.path, pos, "yaml-anchor", f"anchors (&{event.anchor}) are not allowed; write the value out in full")
        return _problem(self.path, pos, "yaml-tag", f"tags ({event.tag}) are not allowed; every value is plain text")

    def _escapes(self, value: str, pos: Pos) -> None:
        bad = _FORBIDDEN_VALUE.search(value)
        if bad:
            ch = bad.group()
            name = unicodedata.name(ch, "surrogate" if "\ud800" <= ch <= "\udfff" else "control character")
            raise _Stop(
                _problem(
                    self.path,
                    pos,
                    "forbidden-character",
                    f"an escape in this value makes the invisible or control character U+{ord(ch):04X} ({name}); remove the escape",
                )
            )

    def other(self, event: Any, cls: type) -> None:
        """An alias, or the start of a document (only one is allowed); other events carry nothing."""
        if cls is ev.AliasEvent:
            raise _Stop(_problem(self.path, _mark(event.start_mark), "yaml-alias", "aliases (*name) are not allowed; write the value out in full"))
        if cls is ev.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise _Stop(_problem(self.path, _mark(event.start_mark), "yaml-document", "only one YAML document per file; remove the extra '---'"))

    def attach(self, value: Any, pos: Pos) -> Loc:
        """Put ``value`` where the open container expects it; its location."""
        stack, doc = self.stack, self.doc
        if not stack:
            self.root = value
            doc.values[()] = pos
            return ()
        frame = stack[-1]
        container, loc = frame[0], frame[1]
        if container.__class__ is list:
            child = (*loc, len(container))
            container.append(value)
            doc.values[child] = pos
            return child
        pending: Loc | None = frame[2]
        if pending is None:  # this value is a key
            return self._key(frame, value, pos)
        container[pending[-1]] = value
        doc.values[pending] = pos
        frame[2] = None
        return pending

    def _key(self, frame: list[Any], value: Any, pos: Pos) -> Loc:
        if not isinstance(value, str):
            raise _Stop(_problem(self.path, pos, "yaml-complex-key", "mapping keys must be plain text"))
        child = (*frame[1], value)
        if value in frame[0]:
            first = self.doc.keys[child]
            raise _Stop(_problem(self.path, pos, "duplicate-key", f"key '{value}' appears twice; first on line {first[0]}"))
        frame[2] = child  # the value's location too: one tuple for both (50,000 files made 100,000 copies)
        self.doc.keys[child] = pos  # known before the value, so a duplicate can name it
        return child


def load_text(text: str, path: str, *, max_depth: int = 12, impl: Impl = "auto") -> tuple[Document | None, list[Problem]]:
    """Parse decoded text. Returns the document, or None with the problems that stopped it."""
    problems = invisible_characters(text, path)
    if problems:
        return None, problems
    doc = Document(path=path, text=text, data={})
    try:
        root = _build(_events(text, impl), path, max_depth, doc)
    except _Stop as stop:
        return None, [stop.problem]
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(exc, path, max_depth)]
    except RecursionError:
        return None, [_problem(path, (1, 1), "yaml-depth", "nesting too deep to parse")]
    if not isinstance(root, dict):
        return None, [_not_a_mapping(root, path, doc)]
    doc.data = root
    return doc, []


def _yaml_problem(exc: yaml.YAMLError, path: str, max_depth: int) -> Problem:
    """What the parser's error says, at its position."""
    if not isinstance(exc, yaml.MarkedYAMLError):  # reader errors carry no mark on some paths
        return _problem(path, (1, 1), "yaml-syntax", str(exc).splitlines()[0])
    mark = exc.problem_mark or exc.context_mark
    pos = _mark(mark) if mark is not None else (1, 1)
    what = exc.problem or exc.context or "invalid YAML"
    if "nesting depth" in what:  # libyaml ≥ 0.2.5 stops at 1,000 levels while scanning, before our own bound sees it
        return _problem(path, pos, "yaml-depth", f"nested deeper than {max_depth} levels")
    return _problem(path, pos, "yaml-syntax", f"{what}; check indentation, quotes and colons")


def _not_a_mapping(root: Any, path: str, doc: Document) -> Problem:
    if root is None:
        return _problem(path, (1, 1), "not-a-mapping", "the file is empty; an entry starts with 'id:'")
    return _problem(path, doc.values[()], "not-a-mapping", "an entry must be a mapping of keys to values, starting with 'id:'")


class NotRegularFile(OSError):
    """The path names a pipe, socket or device: reading it could block forever or never end."""


def read_regular(file: Path | str, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file. A pipe that replaced the file after the folder was listed does not
    block the open (``O_NONBLOCK``) and is refused before any read; so are sockets and devices."""
    fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"{file}: not a regular file")
        # The size the file says it has, read in one call (no second read to find the end); files that report 0
        # (/proc) or grow meanwhile are read on until the end or the limit.
        target = info.st_size if 0 < info.st_size < limit else limit
        chunks: list[bytes] = []
        size = 0
        while size < target:
            chunk = os.read(fd, min(target - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def load_file(
    file: Path | str, display: str | None = None, *, max_bytes: int = 256 * 1024, max_depth: int = 12, impl: Impl = "auto"
) -> tuple[Document | None, list[Problem]]:
    """Read, size-check, decode and parse one file; never raises for bad content."""
    path = display if display is not None else str(file)
    try:
        raw = read_regular(file, max_bytes + 1)  # one byte past the cap: a huge file is refused without reading it all
    except NotRegularFile:
        return None, [_problem(path, (1, 1), "special-file", "not a regular file (a named pipe, socket or device); it is not read")]
    except OSError as exc:
        return None, [_problem(path, (1, 1), "unreadable", f"cannot read file: {exc.strerror or exc}")]
    if len(raw) > max_bytes:
        return None, [_problem(path, (1, 1), "file-too-large", f"file is larger than {max_bytes} bytes; split it or raise max_file_bytes")]
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    return load_text(text, path, max_depth=max_depth, impl=impl)
