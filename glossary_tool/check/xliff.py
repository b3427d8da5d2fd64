"""XLIFF 1.2 and 2.0 read for ``check`` through translate-toolkit, with the file position of every character.

translate-toolkit reads the units and their states; an expat pass over the same bytes (which refuses a DOCTYPE and
entity declarations) locates each character of every ``<source>`` and ``<target>``. Inline codes are not text: a
placeholder (``<x/>``, ``<ph>``, ``<cp/>``) ends a run of words, the native code inside ``<bpt>``, ``<ept>``,
``<it>`` and ``<ph>`` is skipped, and the text inside ``<g>``, ``<pc>`` and ``<mrk>`` goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from glossary_tool.check.prose import Bilingual, ProseBuilder, SourceFile, Unit
from glossary_tool.check.shared import clip

XLIFF_1 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_2 = "urn:oasis:names:tc:xliff:document:2.0"
_UNIT = {XLIFF_1: "trans-unit", XLIFF_2: "segment"}
_CODE = frozenset({"bpt", "ept", "it", "ph", "sub"})  # their content is native code (a tag of the original format)
_PLACEHOLDER = frozenset({"x", "ph", "cp"})  # stands for something that is not a word
_TARGET_LANGUAGE = re.compile(r"\b(?:target-language|trgLang)[ \t\r\n]*=[ \t\r\n]*[\"']([^\"']*)")
_SOURCE_LANGUAGE = re.compile(r"\b(?:source-language|srcLang)[ \t\r\n]*=[ \t\r\n]*[\"']([^\"']*)")


class _Refused(Exception):
    """The XML declares a DOCTYPE or an entity: not read (entity expansion can make a small file enormous)."""


@dataclass(slots=True)
class _Walk:
    source: SourceFile
    parser: Any
    namespace: str = ""
    units: list[tuple[str | None, ProseBuilder | None, ProseBuilder | None]] = field(default_factory=list)
    depth: int = 0
    unit_depth: int = -1
    unit_id: str | None = None
    current: ProseBuilder | None = None
    sources: ProseBuilder | None = None
    targets: ProseBuilder | None = None
    capture_depth: int = -1
    code: int = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        ns, _, local = name.rpartition(" ")
        if self.depth == 0:
            self.namespace = ns
        self.depth += 1
        if ns != self.namespace:
            return
        if local == _UNIT.get(ns) and self.unit_depth == -1:
            self.unit_depth, self.unit_id = self.depth, attrs.get("id")
            self.sources = self.targets = None
        elif self.depth == self.unit_depth + 1 and local in ("source", "target") and self.current is None:
            self._capture(local)
        elif self.current is not None:
            self._inline(self.current, local)

    def _inline(self, current: ProseBuilder, local: str) -> None:
        """An element inside a source or target: a placeholder breaks the text, code is left out."""
        if local in _PLACEHOLDER:
            current.barrier()
        if local in _CODE:
            self.code += 1

    def _capture(self, local: str) -> None:
        """Start reading a unit's first source or first target; a second one is not read."""
        builder = ProseBuilder("")
        if local == "source" and self.sources is None:
            self.sources = builder
        elif local == "target" and self.targets is None:
            self.targets = builder
        else:
            return
        self.current, self.capture_depth = builder, self.depth

    def end(self, name: str) -> None:
        ns, _, local = name.rpartition(" ")
        if self.current is not None and self.depth == self.capture_depth:
            self.current, self.capture_depth = None, -1
        elif self.current is not None and ns == self.namespace and local in _CODE:
            self.code -= 1
        if self.depth == self.unit_depth:
            self.units.append((self.unit_id, self.sources, self.targets))
            self.unit_depth = -1
        self.depth -= 1

    def data(self, text: str) -> None:
        if self.current is not None and not self.code:
            self.current.add(text, self.source.offset(self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber))


def _refuse(*args: object) -> None:
    raise _Refused


def read_xliff(source: SourceFile, data: bytes) -> Bilingual:
    """The units of an XLIFF 1.2 or 2.0 file, each string located in the file; problems when it cannot be read."""
    out = Bilingual()
    walk = _walk(source, data, out)
    if walk is None:
        return out
    store = _store(source, data, walk.namespace, out)
    if store is None:
        return out
    for pattern, attr, name in (
        (_SOURCE_LANGUAGE, "source_language", store.getsourcelanguage()),
        (_TARGET_LANGUAGE, "target_language", store.gettargetlanguage()),
    ):
        if name:
            m = pattern.search(source.text)
            setattr(out, attr, (str(name), m.start(1) if m else 0))
    _units(source, store, walk, out)
    return out


def _units(source: SourceFile, store: Any, walk: _Walk, out: Bilingual) -> None:
    """Pair translate-toolkit's units with the walked ones, which locate their strings; add them to ``out``."""
    units = [u for u in store.units if not u.isheader()]
    if len(units) != len(walk.units):
        out.problems.append(source.problem(0, "xml-syntax", f"translate-toolkit reads {len(units)} units where the file holds {len(walk.units)}"))
        return
    for unit, (unit_id, src, tgt) in zip(units, walk.units, strict=True):
        element = unit.xmlelement
        if element.get("id") != unit_id:
            out.problems.append(
                source.problem(0, "xml-syntax", f"translate-toolkit reads unit '{clip(element.get('id'))}' where the file has '{clip(unit_id)}'")
            )
            return
        out.units.append(Unit([src] if src is not None else [], [tgt] if tgt is not None else [], _final(unit, walk.namespace)))


def _walk(source: SourceFile, data: bytes, out: Bilingual) -> _Walk | None:
    """The file's units as expat reads them, each string located; None when it is not well-formed XLIFF (the
    problem added to ``out``)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    walk = _Walk(source, parser)
    parser.StartElementHandler = walk.start
    parser.EndElementHandler = walk.end
    parser.CharacterDataHandler = walk.data
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    try:
        parser.Parse(data, True)
    except _Refused:
        at = source.offset(parser.CurrentLineNumber, parser.CurrentColumnNumber)
        out.problems.append(source.problem(at, "xml-syntax", "a DOCTYPE or entity declaration; XLIFF needs neither, and it is not read"))
        return None
    except expat.ExpatError as exc:
        at = source.offset(exc.lineno, exc.offset)
        out.problems.append(source.problem(at, "xml-syntax", f"not well-formed XML: {expat.ErrorString(exc.code)}"))
        return None
    if walk.namespace not in _UNIT:
        out.problems.append(source.problem(0, "xml-syntax", f"not XLIFF 1.2 or 2.0 (the root element's namespace is '{clip(walk.namespace)}')"))
        return None
    return walk


def _store(source: SourceFile, data: bytes, namespace: str, out: Bilingual) -> Any:
    """translate-toolkit's store of the file, or None (the problem added to ``out``)."""
    try:
        from translate.storage import xliff, xliff2

        kind: Any = xliff.xlifffile if namespace == XLIFF_1 else xliff2.Xliff2File  # the package leaves parsestring untyped
        return kind.parsestring(data)
    except ImportError:
        out.problems.append(source.problem(0, "missing-reader", "checking XLIFF files needs translate-toolkit: pip install 'glossary-tool[check]'"))
        return None
    except Exception as exc:  # a third-party parser of untrusted input: whatever it raises is a problem with the file
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        out.problems.append(source.problem(0, "xml-syntax", f"translate-toolkit cannot read this XLIFF file: {clip(message, 200)}"))
        return None


def _final(unit: Any, namespace: str) -> bool:
    """Whether a unit's translation is done: translated, translatable, not fuzzy (XLIFF 2.0 ``initial``, XLIFF 1.2
    ``new`` or ``needs-…``)."""
    if not unit.target or not unit.istranslatable():
        return False
    if namespace == XLIFF_2:
        return not unit.isfuzzy()
    target = unit.getlanguageNode(lang=None, index=1)
    state = target.get("state", "") if target is not None else ""
    return not (state == "new" or state.startswith("needs-"))
