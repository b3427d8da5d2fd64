"""A TBX langSec and its termSecs as a language of a concept: definition, notes, contexts, and each term with its
type, status, grammar, region, register, sources and notes (our ``key: value`` notes restore what TBX-Basic lacks)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from glossary_tool.exchange.picklists import status_of
from glossary_tool.exchange.tbx.mapping import GENDER_TO_TBX, POS_TO_TBX, TBX_GENDER, TBX_POS, TERM_TYPES, XML_LANG, children, local_name, text_of
from glossary_tool.exchange.tbx.reader import USAGE_NOTE, Block, Reader, Sink

TITLES = "_source_titles"  # a term's source titles while its concept is being read
_MACHINE_NOTE = re.compile(r"^(grammaticalGender|partOfSpeech|plural|register|administrativeStatus|reading): (.+)$", re.S)
# A geographicalUsage value we can read as a region: en-US, en_GB, es-419 or the bare region (US).
_REGION = re.compile(r"^(?:[A-Za-z]{2,3}[-_])?([A-Za-z]{2}|[0-9]{3})$")
# Picklist values are matched ignoring case: other tools write "Noun", "NOUN" or "fullform".
_TERM_TYPES = {t.casefold(): t for t in TERM_TYPES}
# Full TBX's register values (ISO 12620), read when a file has them; TBX-Basic files carry ours in a note.
_REGISTERS = {
    "colloquialregister": "colloquial",
    "technicalregister": "technical",
    "in-houseregister": "inHouse",
    "slangregister": "slang",
    "vulgarregister": "vulgar",
}
_POS = {p.casefold(): p for p in (*TBX_POS, *POS_TO_TBX)}
_GENDER = {g.casefold(): g for g in (*TBX_GENDER, *GENDER_TO_TBX)}
# What the Microsoft Terminology Collection writes for "no value": dropped, not imported as "other".
_NO_VALUE = frozenset({"not selected", "none", "n/a", "-"})
_VALUED = frozenset({"partOfSpeech", "grammaticalGender", "termType"})


def lang_sec(reader: Reader, ls: etree._Element, blocks: dict[str, Block], add_source: Sink, relation: Sink) -> None:
    """One langSec into the concept's block of its configured locale (a langSec in another language is counted)."""
    raw = ls.get(XML_LANG, "")
    code = reader.locale(raw, ls)
    if code is None:
        reader.skip_lang(raw, ls)
        return
    block = blocks.get(code)
    if block is None:
        block = blocks[code] = Block(ls.sourceline or 1)
    reader.languages.setdefault(code, ls.sourceline or 1)
    _Language(reader, block, code, add_source, relation).read(ls)


@dataclass
class _Language:
    reader: Reader
    block: Block
    code: str
    add_source: Sink
    relation: Sink

    def read(self, ls: etree._Element) -> None:
        for child in children(ls):
            name = local_name(child)
            if name == "termSec":
                _TermSec(self.reader, self.block, self.add_source, self.relation).read(child)
            elif name == "descrip":
                self.definition(child)
            elif name == "descripGrp":
                self.reader.descrip_grp(child, self.definition, self.add_source, self.relation, self.note)
            else:
                self.reader.aux(child, self.add_source, self.relation, self.note)

    def note(self, text: str, el: etree._Element) -> None:
        if el.get("from") == "translator" and self.block.definition is None:  # Weblate's explanation of the translation
            self.block.definition = text
        else:
            self.block.notes.append(text)

    def definition(self, d: etree._Element) -> None:
        if (d.get("type") or "").casefold() in USAGE_NOTE:
            self.block.notes.append(text_of(d))
        elif d.get("type") != "definition":
            self.reader.ignore(d, f"<descrip type={d.get('type')!r}>")
        elif self.block.definition is not None:
            self.reader.warn(d, f"a second '{self.code}' definition; only the first is kept")
        else:
            self.block.definition = text_of(d)


@dataclass
class _TermSec:
    """One termSec while it is read: its term, the values its termNotes and notes give, then one term of the block."""

    reader: Reader
    block: Block
    add_source: Sink
    relation: Sink
    text: str | None = None
    notes: dict[str, str] = field(default_factory=dict)  # our `key: value` notes
    term: dict[str, Any] = field(default_factory=dict)  # what the termNotes give
    grammar: dict[str, str] = field(default_factory=dict)
    term_notes: list[str] = field(default_factory=list)
    source_titles: list[str] = field(default_factory=list)

    def read(self, ts: etree._Element) -> None:
        for child in children(ts):
            _ELEMENTS.get(local_name(child), _TermSec.other)(self, child)
        if not self.text:
            self.reader.error(ts, "a termSec without term text")
            return
        self.block.terms.append(self.built(ts.sourceline or 1, self.text))

    # -- the elements of a termSec -----------------------------------------------------------------------

    def term_text(self, el: etree._Element) -> None:
        if self.text is None:
            self.text = text_of(el)
            return
        self.reader.losses.add(
            "duplicate terms",
            el.sourceline or 1,
            f"'{text_of(el)}' after '{self.text}' in one term section",
            "only the first term of a term section is imported (each term needs a section of its own)",
        )

    def admin(self, el: etree._Element) -> None:
        if el.get("type") == "source":
            self.source_titles.append(text_of(el))
        else:
            self.other(el)

    def term_note_grp(self, el: etree._Element) -> None:
        for sub in children(el):
            if local_name(sub) == "termNote":
                self.term_note(sub)
            else:
                self.other(sub)

    def descrip_grp(self, el: etree._Element) -> None:
        d = next((c for c in children(el) if local_name(c) == "descrip"), None)
        if d is not None:
            self.term_descrip(d)
        for extra in children(el):
            if extra is not d:
                self.other(extra)

    def term_descrip(self, d: etree._Element) -> None:
        """A descrip on a term: a context sentence (an example of the language) or a usage note; nothing else is imported."""
        kind = d.get("type")
        if kind == "context":
            self.block.examples.append(text_of(d))
        elif (kind or "").casefold() in USAGE_NOTE:
            self.term_notes.append(text_of(d))
        else:
            self.reader.ignore(d, f"<descrip type={kind!r}> on a term")

    def other(self, el: etree._Element) -> None:
        self.reader.aux(el, self.add_source, self.relation, self.note)

    def note(self, value: str, el: etree._Element) -> None:
        m = _MACHINE_NOTE.match(value)
        if m and m.group(1) not in self.notes:
            self.notes[m.group(1)] = m.group(2)
        else:
            self.term_notes.append(value)  # a note on a term is about that term (a deprecated form: why)

    # -- termNotes by type ---------------------------------------------------------------------------------

    def term_note(self, tn: etree._Element) -> None:
        kind, value = tn.get("type"), text_of(tn)
        if kind in _VALUED and value.casefold() in _NO_VALUE:
            self.reader.ignore(tn, f"<termNote type={kind!r}> '{value}'")
            return
        handler = _TERM_NOTES.get(kind or "")
        if handler is None or not handler(self, tn, value):
            self.reader.ignore(tn, f"<termNote type={kind!r}>")

    def term_type(self, tn: etree._Element, value: str) -> bool:
        if value.casefold() in _TERM_TYPES:
            self.term["type"] = _TERM_TYPES[value.casefold()]
        else:
            self.term["type"] = "variant"
            self.reader.losses.add("term types", tn.sourceline or 1, f"'{value}' of a term", "not a TBX-Basic term type; imported as variant")
        return True

    def status(self, tn: etree._Element, value: str) -> bool:
        found = status_of(value)
        if found is None:
            self.reader.losses.add(
                "statuses",
                tn.sourceline or 1,
                f"{tn.get('type')} '{value}'",
                "not a value of the TBX picklists, TBX-Min or Weblate; the term gets the status of a term without one",
            )
        elif "status" not in self.term:  # the first status given wins
            self.term["status"] = found
        return True

    def pos(self, tn: etree._Element, value: str) -> bool:
        self.grammar["pos"] = value
        return True

    def gender(self, tn: etree._Element, value: str) -> bool:
        self.grammar["gender"] = value
        return True

    def region(self, tn: etree._Element, value: str) -> bool:
        m = _REGION.match(value)
        if m is None:
            self.reader.warn(tn, f"geographicalUsage '{value}' is not a region or a locale with a region (en-US); not imported")
        else:
            self.term.setdefault("geographical_usage", m.group(1).upper())
        return True

    def register(self, tn: etree._Element, value: str) -> bool:
        """Full TBX's register values; any other is not imported (False)."""
        if value.casefold() not in _REGISTERS:
            return False
        self.term.setdefault("register", _REGISTERS[value.casefold()])
        return True

    # -- the term --------------------------------------------------------------------------------------------

    def built(self, line: int, text: str) -> dict[str, Any]:
        """The term as the model reads it, from the termNotes and our notes (ours win: they say what TBX-Basic cannot)."""
        found = self.grammar_of(line, text)
        fields = self.fields()
        if self.term_notes:
            fields["note"] = "\n".join(self.term_notes)
            if len(self.term_notes) > 1:
                self.reader.losses.add(
                    "term-level notes", line, f"{len(self.term_notes)} notes on '{text}'", "a term has one note in the glossary: they were joined, one per line"
                )
        if self.source_titles:
            fields[TITLES] = self.source_titles  # resolved to the concept's source ids once all its sources are read
        # Our note names a status TBX-Basic lacks (proposed); otherwise the TBX status stands.
        status_given = self.notes.get("administrativeStatus") or self.term.get("status")
        return {
            "text": text,
            **({"type": self.term["type"]} if "type" in self.term else {}),
            **({"status": status_given} if status_given else {}),
            **({"grammar": found} if found else {}),
            **fields,
        }

    def fields(self) -> dict[str, Any]:
        """The term's region, reading and register (ours, from a note, before full TBX's register values)."""
        fields: dict[str, Any] = {k: self.term[k] for k in ("geographical_usage",) if k in self.term}
        if "reading" in self.notes:
            fields["reading"] = self.notes["reading"]
        register = self.notes.get("register") or self.term.get("register")
        if register is not None:
            fields["register"] = register
        return fields

    def grammar_of(self, line: int, text: str) -> dict[str, str]:
        pos = self.picked("part of speech", self.notes.get("partOfSpeech") or self.grammar.get("pos"), _POS, line, text)
        gender = self.picked("grammatical gender", self.notes.get("grammaticalGender") or self.grammar.get("gender"), _GENDER, line, text)
        return {k: v for k, v in (("pos", pos), ("gender", gender), ("plural", self.notes.get("plural"))) if v is not None}

    def picked(self, kind: str, value: str | None, values: dict[str, str], line: int, text: str) -> str | None:
        """A picklist value as the model spells it; one it does not have is ``other``, and counted."""
        if value is None:
            return None
        if value.casefold() not in values:
            self.reader.losses.add(kind, line, f"'{value}' of '{text}'", "not a TBX-Basic value; imported as other")
        return values.get(value.casefold(), "other")


_ELEMENTS: dict[str, Callable[[_TermSec, etree._Element], None]] = {
    "term": _TermSec.term_text,
    "admin": _TermSec.admin,
    "termNote": _TermSec.term_note,
    "termNoteGrp": _TermSec.term_note_grp,
    "descrip": _TermSec.term_descrip,
    "descripGrp": _TermSec.descrip_grp,
}
_TERM_NOTES: dict[str, Callable[[_TermSec, etree._Element, str], bool]] = {
    "termType": _TermSec.term_type,
    "administrativeStatus": _TermSec.status,
    "usageStatus": _TermSec.status,
    "partOfSpeech": _TermSec.pos,
    "grammaticalGender": _TermSec.gender,
    "geographicalUsage": _TermSec.region,
    "register": _TermSec.register,
}
