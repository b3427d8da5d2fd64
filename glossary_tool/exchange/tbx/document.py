"""A TBX file read safely as XML: its encoding decided here, a DOCTYPE's internal subset refused before parsing, and
one entry held at a time; a TBX 2008 (martif) entry renamed to the TBX 2019 structure the reader walks."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from glossary_tool.core.problems import Problem, Severity, clip
from glossary_tool.exchange.registry import Source, problem, too_many
from glossary_tool.exchange.tbx.mapping import RULE, local_name

# Byte patterns of "<?" at the start of a file without a byte-order mark, by encoding (XML 1.0, appendix F).
_NO_BOM = {b"\x00\x00\x00<": "utf-32-be", b"<\x00\x00\x00": "utf-32-le", b"\x00<\x00?": "utf-16-be", b"<\x00?\x00": "utf-16-le"}
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_UTF8_BOM = b"\xef\xbb\xbf"
_DECLARATION = re.compile(r"<\?xml[^>]*\?>")
_DECLARED = re.compile(rb"<\?xml\s[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[^\s>\[]+(?:\s+(?:SYSTEM\s+(?:\"[^\"]*\"|'[^']*')|PUBLIC\s+(?:\"[^\"]*\"|'[^']*')\s+(?:\"[^\"]*\"|'[^']*')))?\s*(\[|>)")
_PROLOG_ITEMS = ((b"<?", b"?>"), (b"<!--", b"-->"))  # processing instructions (the declaration too) and comments
_ENTRY_NAMES = frozenset({"conceptEntry", "termEntry"})
# TBX 2008 (martif) element names and their TBX 2019 (DCA) names: the reader then walks one structure.
_MARTIF_NAMES = {"martif": "tbx", "martifHeader": "tbxHeader", "termEntry": "conceptEntry", "langSet": "langSec", "tig": "termSec", "ntig": "termSec"}
MAX_ENTRY_ELEMENTS = 100_000  # elements in one conceptEntry: far beyond any real entry, and a bound on what is held


def as_utf8(data: bytes, path: str) -> tuple[bytes | None, Source | None, list[Problem]]:
    """The document as lxml reads it safely, so that libxml2 never picks an encoding of its own.

    A UTF-8 file (the usual case) goes as it is. Any other encoding, UTF-16 or UTF-32 with or without a byte-order
    mark, or one the declaration names, is decoded here, each broken character a located error, and handed on as
    UTF-8 with its declaration blanked (lines and columns kept). A file that does not start like XML in an encoding
    Python knows is refused: libxml2 would otherwise read EBCDIC or UTF-7 that the DOCTYPE check below cannot see."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None) or _NO_BOM.get(data[:4])
    if encoding is None:
        encoding, refused = _declared_encoding(data, path)
        if refused is not None:
            return None, None, [refused]
        if encoding == "utf-8":
            return data, Source(data, "utf-8-sig"), []
    return _recoded(data, encoding, path)


def _declared_encoding(data: bytes, path: str) -> tuple[str, Problem | None]:
    """The encoding a file without a byte-order mark for UTF-16 or UTF-32 names in its declaration (UTF-8 without one)."""
    body = data[3:] if data.startswith(_UTF8_BOM) else data
    if not body.lstrip(b" \t\r\n").startswith(b"<"):
        return "", problem(
            path, 1, RULE, "not an XML document in an encoding this import reads (UTF-8, UTF-16, UTF-32, or one its XML declaration names); save it as UTF-8"
        )
    named = _DECLARED.match(body)
    declared = named.group(1).decode("ascii") if named else "utf-8"
    try:
        return codecs.lookup(declared).name, None
    except LookupError:
        return "", problem(path, 1, RULE, f"the XML declaration names the encoding '{clip(declared)}', which this import does not know; save the file as UTF-8")


def _recoded(data: bytes, encoding: str, path: str) -> tuple[bytes | None, Source | None, list[Problem]]:
    """A document in another encoding than UTF-8 as UTF-8, its declaration blanked; a broken character is a located error."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode(encoding, errors="replace").removeprefix("\ufeff")
        line, column = Source(good.encode("utf-8"), "utf-8").position(len(good))
        return (
            None,
            None,
            [
                problem(
                    path,
                    line,
                    RULE,
                    f"broken {encoding.upper()} at byte {exc.start:,} (the file ends in the middle of a "
                    "character, or holds a byte that is not one); save it again as UTF-8",
                    column=column,
                )
            ],
        )
    text = text.removeprefix("\ufeff")
    m = _DECLARATION.match(text)
    if m:  # it names the encoding just decoded; lxml reads UTF-8 text without one
        text = " " * len(m.group()) + text[m.end() :]
    utf8 = text.encode("utf-8", errors="surrogatepass")
    return utf8, Source(utf8, "utf-8", text), []


def prolog_problem(data: bytes, path: str) -> Problem | None:
    """A DOCTYPE with an internal subset (which can declare entities and attribute defaults) is refused at its own line,
    before the file is parsed; a plain one, such as translate-toolkit writes, is accepted (no DTD is ever read).

    The prolog is walked item by item (declaration, comments, processing instructions), so neither a comment holding
    a harmless DOCTYPE nor one hiding the real one can lead the check astray. ``data`` is UTF-8 or a superset of ASCII."""
    at = 3 if data.startswith(_UTF8_BOM) else 0
    while True:
        at = _after_items(data, at)
        if at < 0 or not data.startswith(b"<!DOCTYPE", at):
            return None  # an unterminated item (the parser reports it), or the root element: no DOCTYPE left to check
        m = _DOCTYPE.match(data, at)
        if m is None or m.group(1) == b"[":
            line = data.count(b"\n", 0, at) + 1
            return Problem(
                path,
                line,
                at - (data.rfind(b"\n", 0, at) + 1) + 1,
                RULE,
                Severity.ERROR,
                "a DOCTYPE with an internal subset ([...]) is not accepted in TBX files "
                "(it can declare entities and attribute defaults); remove the subset, or the whole DOCTYPE",
            )
        at = m.end()


def _after_items(data: bytes, at: int) -> int:
    """Where the next prolog item that is not white space, a comment or a processing instruction starts; -1 when one of
    those is not terminated."""
    while True:
        while at < len(data) and data[at] in b" \t\r\n":
            at += 1
        item = next(((opening, closing) for opening, closing in _PROLOG_ITEMS if data.startswith(opening, at)), None)
        if item is None:
            return at
        end = data.find(item[1], at + len(item[0]))
        if end < 0:
            return -1
        at = end + len(item[1])


def parser_args() -> dict[str, Any]:
    """lxml's parser options for untrusted input: no DTD is loaded, no entity is expanded, nothing is fetched, no huge-tree mode."""
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False, "remove_comments": True, "remove_pis": True}


def syntax_problem(exc: etree.XMLSyntaxError, path: str) -> Problem:
    """A parser's complaint as an error at its line and column."""
    line, column = exc.position if exc.position else (exc.lineno or 1, 1)
    return Problem(path, max(line, 1), max(column, 1), RULE, Severity.ERROR, f"not well-formed XML: {clip(exc.msg, 200)}")


def parse(data: bytes, path: str) -> tuple[etree._ElementTree | None, list[Problem]]:
    """The whole tree, for the schema check only (the import itself reads one entry at a time)."""
    parser = etree.XMLParser(**parser_args())
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as exc:
        return None, [syntax_problem(exc, path)]
    return tree, []


@dataclass
class Walk:
    """One pass over a document: its root element (seen at its start) and each conceptEntry or termEntry, complete, as
    it ends. What has been read is let go as the pass goes on, so memory holds one entry, not the tree."""

    data: bytes
    path: str
    problems: list[Problem] = field(default_factory=list)
    root: etree._Element | None = None
    _entry: etree._Element | None = field(default=None, init=False)  # the entry being read
    _inside: int = field(default=0, init=False)  # elements in it so far

    def entries(self) -> Iterator[etree._Element]:
        events = etree.iterparse(io.BytesIO(self.data), events=("start", "end"), **parser_args())
        try:
            for event, el in events:
                if self.root is None:
                    self.root = el
                if event == "start":
                    if self._started(el):
                        continue
                    return
                if el is self._entry:
                    yield el
                    self._entry = None
                if self._entry is None and el is not self.root:
                    _let_go(el)
        except etree.XMLSyntaxError as exc:
            self.problems.append(syntax_problem(exc, self.path))

    def _started(self, el: etree._Element) -> bool:
        """Note an element's start; False once an entry holds more elements than it may."""
        if self._entry is None and local_name(el) in _ENTRY_NAMES:
            self._entry, self._inside = el, 0
        elif self._entry is not None:
            self._inside += 1
            if self._inside > MAX_ENTRY_ELEMENTS:
                self.problems.append(too_many(self.path, el.sourceline or 1, RULE, "elements in one entry", MAX_ENTRY_ELEMENTS))
                return False
        return True


def _let_go(el: etree._Element) -> None:
    """An element done with: emptied, and dropped from its parent with the siblings read before it."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    while parent is not None and len(parent) and parent[0] is not el:
        del parent[0]


def from_martif(root: etree._Element) -> None:
    """Rename a TBX 2008 document's elements to their TBX 2019 names in place (lines are kept); ``ntig`` loses its
    ``termGrp`` level, whose term and term notes belong to the term."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        name = local_name(el)
        if name == "termGrp" and el.getparent() is not None and local_name(el.getparent()) == "ntig":
            parent = el.getparent()
            index = parent.index(el)
            for offset, child in enumerate(list(el)):
                parent.insert(index + offset, child)
            parent.remove(el)
    for el in root.iter():
        if isinstance(el.tag, str) and local_name(el) in _MARTIF_NAMES:
            el.tag = _MARTIF_NAMES[local_name(el)]
