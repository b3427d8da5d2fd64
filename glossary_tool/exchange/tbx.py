"""TBX-Basic (ISO 30042:2019, DCA style) export and import; README "TBX-Basic" lists the mapping.

What TBX-Basic cannot say (Swedish utrum, plurals, source details) travels in `key: value` notes.
"""

# Those notes (Swedish utrum, proper nouns, plurals, source details) are read back by the importer,
# so our own files round-trip exactly.

from __future__ import annotations

import codecs
import dataclasses
import io
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree
from pydantic import ValidationError

from glossary_tool.core.config import Settings, canonical_tag
from glossary_tool.core.ids import SLUG, reserved_ids, slug_problem
from glossary_tool.core.loader import read_regular
from glossary_tool.core.model import Concept, Glossary
from glossary_tool.core.problems import FatalError, Problem, Severity, clip
from glossary_tool.core.terms import term_key
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.exchange.picklists import status_of
from glossary_tool.exchange.registry import (
    MAX_IMPORT_CONCEPTS,
    Imported,
    ImportOptions,
    Losses,
    Placeholders,
    Source,
    exporter,
    importer,
    match_locale,
    problem,
    too_many,
    validation_problems,
)

NS = "urn:iso:std:iso:30042:ed-2"
# Namespaces of TBX 2019 files in the wild (the LTAC examples moved to the second one); both read the same.
KNOWN_NS = frozenset({NS, "urn:iso:std:iso:30042:ed:3.0"})
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RNG_HREF = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng"
SCH_HREF = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"
RULE = "import-tbx"
Sink = Callable[..., None]  # the collectors a level hands down: add_source(src, grouped=False), relation(ref), note(text, el)

STATUS_TO_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts", "deprecated": "deprecatedTerm-admn-sts",
                 "obsolete": "supersededTerm-admn-sts", "proposed": "admittedTerm-admn-sts"}
# TBX-Basic has no "proposed" status: such a term is written as admitted, with a note carrying ours (as for utrum).
STATUS_NOTED = frozenset({"proposed"})
TBX_POS = frozenset({"noun", "verb", "adjective", "adverb", "other"})
TBX_GENDER = frozenset({"masculine", "feminine", "neuter", "other"})
# Our values TBX-Basic lacks: the nearest TBX value, plus a note carrying ours so the import restores it.
POS_TO_TBX = {"properNoun": "noun"}
GENDER_TO_TBX = {"utrum": "other", "neutrum": "neuter"}
TERM_TYPES = frozenset({"fullForm", "abbreviation", "acronym", "shortForm", "variant", "phrase"})
_MACHINE_NOTE = re.compile(r"^(grammaticalGender|partOfSpeech|plural|register|administrativeStatus|reading): (.+)$", re.S)
_SOURCE_NOTE = re.compile(r"^(id|publisher|date|url|language): (.+)$", re.S)
# A geographicalUsage value we can read as a region: en-US, en_GB, es-419 or the bare region (US).
_REGION = re.compile(r"^(?:[A-Za-z]{2,3}[-_])?([A-Za-z]{2}|[0-9]{3})$")
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_LOCALE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")  # the model's LocaleCode


def xml_id(concept_id: str) -> str:
    """A concept id as an XML ID (an NCName cannot start with a digit, so ``3pl`` becomes ``_3pl``)."""
    return concept_id if concept_id[:1].isalpha() else "_" + concept_id


def _sub(parent: etree._Element, tag: str, text: str | None = None, *, lang: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)
    if lang is not None:
        el.set(XML_LANG, lang)
    if text is not None:
        el.text = text
    return el


def _locale_order(concept: Concept, settings: Settings) -> list[str]:
    configured = [c for c in settings.locale_codes if c in concept.locales]
    return configured + [c for c in concept.locales if c not in configured]


def subject_field(concept: Concept, settings: Settings, lang: str) -> str:
    """The subject field a TBX file names: the category's label in the document's language (the import finds the
    category by its id or any of its labels), its id when it has no label there."""
    category = next((c for c in settings.categories if c.id == concept.category), None)
    return category.labels.get(lang, concept.category) if category is not None else concept.category


def concept_entry(body: etree._Element, concept: Concept, settings: Settings, exported: set[str], lang: str | None = None) -> None:
    entry = _sub(body, "conceptEntry", id=xml_id(concept.id))
    _sub(entry, "descrip", subject_field(concept, settings, lang or settings.source_locale), type="subjectField")
    for name in settings.relation_ids:
        for target in concept.targets(name):
            if target in exported:  # a dangling id would make the file invalid; lint reports it at home
                _sub(entry, "ref", name, type="crossReference", target=xml_id(target))
    for source in concept.sources:
        grp = _sub(entry, "adminGrp")
        _sub(grp, "admin", source.title, type="source", lang=source.language)  # the language of the title, when it is not the source language
        for key in ("id", "publisher", "date", "url"):
            value = getattr(source, key)
            if value is not None:
                _sub(grp, "note", f"{key}: {value}")
    titles = {s.id: s.title for s in concept.sources if s.id is not None}
    for code in _locale_order(concept, settings):
        block = concept.locales[code]
        lang = _sub(entry, "langSec", lang=code)
        if block.definition:  # empty: a placeholder the export leaves out
            _sub(lang, "descrip", block.definition, type="definition")
        for note in block.notes:
            _sub(lang, "note", note)
        for i, term in enumerate(block.terms):
            sec = _sub(lang, "termSec")
            _sub(sec, "term", term.text)
            _sub(sec, "termNote", term.type, type="termType")
            _sub(sec, "termNote", STATUS_TO_TBX[term.status], type="administrativeStatus")
            if term.geographical_usage is not None:  # a locale tag, as ISO 12620 asks: en-US, sv-FI
                _sub(sec, "termNote", f"{code.split('-')[0]}-{term.geographical_usage}", type="geographicalUsage")
            grammar = term.grammar
            notes: list[str] = [f"administrativeStatus: {term.status}"] if term.status in STATUS_NOTED else []
            if grammar is not None and grammar.pos is not None:
                _sub(sec, "termNote", POS_TO_TBX.get(grammar.pos, grammar.pos), type="partOfSpeech")
                if grammar.pos in POS_TO_TBX:
                    notes.append(f"partOfSpeech: {grammar.pos}")
            if grammar is not None and grammar.gender is not None:
                _sub(sec, "termNote", GENDER_TO_TBX.get(grammar.gender, grammar.gender), type="grammaticalGender")
                if grammar.gender in GENDER_TO_TBX:
                    notes.append(f"grammaticalGender: {grammar.gender}")
            if grammar is not None and grammar.plural is not None:
                notes.append(f"plural: {grammar.plural}")
            if term.reading is not None:
                notes.append(f"reading: {term.reading}")
            if term.register is not None:  # TBX-Basic has no register data category
                notes.append(f"register: {term.register}")
            if i == 0:  # TBX-Basic allows context sentences only on a term; they go with the first one
                for example in block.examples:
                    _sub(sec, "descrip", example, type="context")
            for sid in term.sources:  # the term's own source reference (IATE's term reference), by title
                if sid in titles:
                    _sub(sec, "admin", titles[sid], type="source")
            for note in notes:
                _sub(sec, "note", note)
            if term.note is not None:
                _sub(sec, "note", term.note)


def main_language(settings: Settings, locales: tuple[str, ...] | None) -> str:
    """The document's language: the source language, unless the export leaves it out."""
    chosen = locales or settings.locale_codes
    return settings.source_locale if settings.source_locale in chosen else chosen[0]


@exporter("tbx")
def export_tbx(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """The concepts as one TBX-Basic document (comparisons and FAQ entries are not terminology)."""
    concepts = sorted(glossary.concepts, key=lambda c: c.id)
    if not concepts:
        raise FatalError("nothing to export: the glossary has no concepts (TBX needs at least one conceptEntry)")
    root = etree.Element(f"{{{NS}}}tbx", {"type": "TBX-Basic", "style": "dca"}, nsmap={None: NS})
    root.set(XML_LANG, main_language(settings, locales))
    file_desc = _sub(_sub(root, "tbxHeader"), "fileDesc")
    title = settings.locale(settings.source_locale).site_name or "Glossary"
    _sub(_sub(file_desc, "titleStmt"), "title", title)
    _sub(_sub(file_desc, "sourceDesc"), "p", "Exported by glossary-tool from the YAML glossary entries.")
    body = _sub(_sub(root, "text"), "body")
    exported = {c.id for c in concepts}
    for concept in concepts:
        concept_entry(body, concept, settings, exported, root.get(XML_LANG))
    tree = etree.ElementTree(root)
    root.addprevious(etree.PI("xml-model", f'href="{RNG_HREF}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'))
    root.addprevious(etree.PI("xml-model", f'href="{SCH_HREF}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"'))
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


# ---- import -------------------------------------------------------------------------------------------

# Picklist values are matched ignoring case: other tools write "Noun", "NOUN" or "fullform".
_TERM_TYPES = {t.casefold(): t for t in TERM_TYPES}
# Full TBX's register values (ISO 12620), read when a file has them; TBX-Basic files carry ours in a note.
_REGISTERS = {"colloquialregister": "colloquial", "technicalregister": "technical", "in-houseregister": "inHouse",
              "slangregister": "slang", "vulgarregister": "vulgar"}
_POS = {p.casefold(): p for p in (*TBX_POS, *POS_TO_TBX)}
_GENDER = {g.casefold(): g for g in (*TBX_GENDER, *GENDER_TO_TBX)}
# What the Microsoft Terminology Collection writes for "no value": dropped, not imported as "other".
_NO_VALUE = frozenset({"not selected", "none", "n/a", "-"})
# The language translate-toolkit writes for a target it was not told (csv2tbx without --target-language): read as
# --target-locale.
UNKNOWN_LANG = "xx"
# Weblate's usage notes: kept as notes at the level they are on.
_USAGE_NOTE = frozenset({"usage note", "usagenote", "usage"})
_URL = re.compile(r"^https?://\S+$")
# TBX 2008 (martif) element names and their TBX 2019 (DCA) names: the reader then walks one structure.
_MARTIF_NAMES = {"martif": "tbx", "martifHeader": "tbxHeader", "termEntry": "conceptEntry", "langSet": "langSec", "tig": "termSec", "ntig": "termSec"}
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[^\s>\[]+(?:\s+(?:SYSTEM\s+(?:\"[^\"]*\"|'[^']*')|PUBLIC\s+(?:\"[^\"]*\"|'[^']*')\s+(?:\"[^\"]*\"|'[^']*')))?\s*(\[|>)")
MAX_SCHEMA_PROBLEMS = 5


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _children(el: etree._Element) -> Iterable[etree._Element]:
    return (c for c in el if isinstance(c.tag, str))


def text_of(el: etree._Element) -> str:
    """Element text with inline markup flattened and XML white space collapsed (other tools wrap long text)."""
    return unicodedata.normalize("NFC", _XML_SPACE.sub(" ", "".join(el.itertext())).strip(" "))


def to_slug(raw: str) -> str:
    """A conceptEntry id as a glossary id: ``_3pl`` → ``3pl`` (our export), ``C_12`` → ``c-12``."""
    if raw.startswith("_") and SLUG.match(raw[1:]):
        return raw[1:]
    ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:64].strip("-")


def unique_slug(text: str, taken: set[str], settings: Settings, fallback: str) -> str:
    """A new glossary id made from ``text`` (a term), not in ``taken`` and not reserved; ``fallback`` when the
    text has no ASCII letters or digits (a Chinese term, say)."""
    reserved = reserved_ids(settings)
    base = to_slug(text)[:60].strip("-") or fallback
    candidate, n = base, 1
    while candidate in taken or slug_problem(candidate, reserved) is not None:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


_TITLES = "_source_titles"  # a term's source titles while its concept is being read


def _source_id(sources: list[dict[str, str]], title: str) -> str:
    """The id of the concept's source titled ``title``: its own, or one made from the title (the source is added
    when the concept does not cite it yet), so that a term can name it."""
    src = next((s for s in sources if s.get("title") == title), None)
    if src is None:
        src = {"title": title}
        sources.append(src)
    if "id" not in src:
        taken = {s["id"] for s in sources if "id" in s}
        base = to_slug(title)[:40].strip("-") or "source"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        src["id"] = candidate
    return src["id"]


@dataclass
class _Block:
    line: int
    terms: list[dict[str, Any]] = field(default_factory=list)
    definition: str | None = None
    examples: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Reader:
    """Walks one TBX document, collecting concepts and problems; anything unmapped is counted and reported once."""

    path: str
    settings: Settings
    default_lang: str = "en"
    problems: list[Problem] = field(default_factory=list)
    ignored: dict[str, tuple[int, int]] = field(default_factory=dict)  # what -> (count, first line)
    skipped_langs: Counter[str] = field(default_factory=Counter)
    skipped_lang_line: dict[str, int] = field(default_factory=dict)
    mapped_langs: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # tag -> (locale, count, first line)
    unmatched_fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # subjectField -> (count, first line)
    placeholders: Placeholders = field(default_factory=Placeholders)
    losses: Losses = field(default_factory=Losses)
    target_locale: str | None = None  # what translate-toolkit's "xx" stands for
    languages: dict[str, int] = field(default_factory=dict)  # configured locale -> first line of a langSec in it
    named: dict[tuple[str, str], tuple[str, bool]] = field(default_factory=dict)  # (locale, term key) -> (concept, in use)

    def warn(self, el: etree._Element, message: str) -> None:
        self.problems.append(problem(self.path, el.sourceline or 1, RULE, message, Severity.WARNING))

    def error(self, el: etree._Element, message: str) -> None:
        self.problems.append(problem(self.path, el.sourceline or 1, RULE, message))

    def locale(self, tag: str, el: etree._Element) -> str | None:
        """The configured locale of an ``xml:lang``; a region or script cut off to find it is reported once per tag.
        translate-toolkit's ``xx`` is the --target-locale."""
        code = self.target_locale if tag.casefold() == UNKNOWN_LANG and self.target_locale else match_locale(tag, self.settings)
        if code is not None and code != tag:
            _, count, line = self.mapped_langs.get(tag, (code, 0, el.sourceline or 1))
            self.mapped_langs[tag] = (code, count + 1, line)
        return code

    def descrip_grp(self, grp: etree._Element, handle: Callable[[etree._Element], None],
                    add_source: Sink, relation: Sink, note: Sink) -> None:
        """A descripGrp at any level: its first descrip goes to ``handle``, its other children (notes, sources,
        references) to ``aux`` with the level's sinks."""
        first = next((c for c in _children(grp) if _local(c) == "descrip"), None)
        if first is None:
            self.ignore(grp)
            return
        handle(first)
        for extra in _children(grp):
            if extra is not first:
                self.aux(extra, add_source, relation, note)

    def ignore(self, el: etree._Element, what: str | None = None) -> None:
        key = what or f"<{_local(el)}>"
        count, line = self.ignored.get(key, (0, el.sourceline or 1))
        self.ignored[key] = (count + 1, line)

    def report_ignored(self) -> None:
        self.problems.extend(self.placeholders.problems(self.path, RULE))
        self.problems.extend(self.losses.problems(self.path, RULE))
        for what, (count, line) in sorted(self.ignored.items(), key=lambda kv: kv[1][1]):
            self.problems.append(problem(self.path, line, RULE, f"{count} {clip(what, 120)} element(s) not imported (first here): the glossary has no place for them", Severity.WARNING))
        for code, count in self.skipped_langs.items():
            if code.casefold() == UNKNOWN_LANG:
                self.problems.append(problem(self.path, self.skipped_lang_line[code], RULE,
                                             f"{count} langSec element(s) in 'xx' not imported (first here): translate-toolkit writes 'xx' for a target "
                                             "language it was not told; pass --target-locale to say which configured locale it is", Severity.WARNING))
                continue
            self.problems.append(problem(self.path, self.skipped_lang_line[code], RULE,
                                         f"{count} langSec element(s) in '{clip(code)}' not imported (first here): '{clip(code)}' is not a configured locale; add it to locales in mkdocs.yml to import it",
                                         Severity.WARNING))
        for tag, (code, count, line) in self.mapped_langs.items():
            self.problems.append(problem(self.path, line, RULE, f"xml:lang '{clip(tag)}' imported as the configured locale '{code}' ({count} time(s), first here)", Severity.WARNING))
        for value, (count, line) in self.unmatched_fields.items():
            self.problems.append(problem(self.path, line, RULE, f"subjectField '{clip(value)}' is the label of no category; kept as the note 'subjectField: {clip(value)}' "
                                         f"on {count} concept(s) (first here), which get category '{self.settings.category_ids[0]}'", Severity.WARNING))

    def category_of(self, value: str) -> str | None:
        """The category whose id or label (in any language) is ``value``, compared like terms."""
        key = term_key(value)
        for cat in self.settings.categories:
            if key == term_key(cat.id) or any(key == term_key(label) for label in cat.labels.values()):
                return cat.id
        return None

    # -- concept level --------------------------------------------------------------------------------

    def concept(self, ce: etree._Element, slug: str, ids: dict[str, str]) -> Imported | None:
        category: str | None = None
        relations: dict[str, list[str]] = {}
        sources: list[dict[str, str]] = []
        blocks: dict[str, _Block] = {}
        loose_notes: list[tuple[str, str]] = []  # (lang, text) of notes above the language level
        unmatched: list[str] = []  # a subject field that is no category's id or label
        loose_definitions: list[tuple[str, str]] = []

        def add_source(src: dict[str, str], grouped: bool = False) -> None:
            # other tools repeat a bare source beside every definition and context; our adminGrp sources are kept as written
            if grouped or src not in sources:
                sources.append(src)

        def relation(ref: etree._Element) -> None:
            if ref.get("type") != "crossReference":
                self.ignore(ref, f"<ref type={ref.get('type')!r}>")
                return
            target = ids.get(ref.get("target", ""))
            if target is None:
                self.warn(ref, f"crossReference to '{clip(ref.get('target', ''))}', which is not a concept in this file; not imported")
                return
            name = text_of(ref)
            if name not in self.settings.relation_ids:
                self.losses.add("undeclared relations", ref.sourceline or 1, f"'{name}' to '{target}'",
                                f"imported as related; declare the relation in mkdocs.yml (relations: {', '.join(self.settings.relation_ids)}) to keep it")
            targets = relations.setdefault(name if name in self.settings.relation_ids else "related", [])
            if target not in targets and target != slug:
                targets.append(target)

        def concept_descrip(d: etree._Element) -> None:
            nonlocal category
            kind = d.get("type")
            if kind == "subjectField":
                value = text_of(d)
                if category is not None:
                    self.warn(d, f"a second subjectField '{clip(value)}' for '{slug}'; only the first is kept")
                    return
                category = self.category_of(value)
                if category is None:
                    unmatched.append(value)
                    category = self.settings.category_ids[0]
                    loose_notes.append((self.default_lang, f"subjectField: {value}"))
                    count, line = self.unmatched_fields.get(value, (0, d.sourceline or 1))
                    self.unmatched_fields[value] = (count + 1, line)
            elif kind == "definition":
                loose_definitions.append((d.get(XML_LANG, self.default_lang), text_of(d)))
            elif (kind or "").casefold() in _USAGE_NOTE:
                loose_notes.append((d.get(XML_LANG, self.default_lang), text_of(d)))
            else:
                self.ignore(d, f"<descrip type={kind!r}>")

        def loose_note(text: str, el: etree._Element) -> None:
            loose_notes.append((el.get(XML_LANG, self.default_lang), text))

        for child in _children(ce):
            name = _local(child)
            if name == "langSec":
                self.lang_sec(child, blocks, add_source, relation)
            elif name == "descrip":
                concept_descrip(child)
            elif name == "descripGrp":
                self.descrip_grp(child, concept_descrip, add_source, relation, loose_note)
            elif name == "adminGrp":
                self.admin_grp(child, add_source)
            else:
                self.aux(child, add_source, relation, loose_note)
        self.one_concept_per_term(slug, blocks)
        if not blocks:
            self.warn(ce, f"concept '{slug}' has no terms in a configured locale ({', '.join(self.settings.locale_codes)}); not imported")
            return None
        first_block = next(iter(blocks))
        for lang, text in loose_notes:  # in the language they are marked with, else the concept's first language
            code = match_locale(lang, self.settings)
            blocks[code if code in blocks else first_block].notes.append(text)
        for lang, text in loose_definitions:
            code = match_locale(lang, self.settings)
            if code in blocks and blocks[code].definition is None:
                blocks[code].definition = text
        line = ce.sourceline or 1
        assumed: set[tuple[str, ...]] = set() if category in self.settings.category_ids and not unmatched else {("category",)}
        for code, block in blocks.items():
            stated = any("status" in t for t in block.terms)
            for i, t in enumerate(block.terms):
                if _TITLES in t:
                    t["sources"] = [_source_id(sources, title) for title in t.pop(_TITLES)]
                if "type" not in t:
                    t["type"] = "fullForm"
                    assumed.add(("type", code, t["text"]))
                if "status" not in t:  # a language that gives no status: its first term is taken as preferred, as in tables
                    t["status"] = "admitted" if stated or i else "preferred"
                    assumed.add(("status", code, t["text"]))
        if not sources:
            sources.append({"title": self.placeholders.add("source", slug, line)})
        locales: dict[str, Any] = {}
        for code, block in blocks.items():
            definition = block.definition or self.placeholders.add(f"'{code}' definition", slug, line)
            locales[code] = {"terms": block.terms, "definition": definition, "examples": block.examples, "notes": block.notes}
        ordered = {code: locales[code] for code in self.settings.locale_codes if code in locales}
        data = {"id": slug, "kind": "concept", "category": category or self.settings.category_ids[0], "relations": relations, "sources": sources, "locales": ordered}
        try:
            return Imported(Concept.model_validate(data), ce.sourceline or 1, assumed=frozenset(assumed))
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, self.path, ce.sourceline or 1, RULE, slug))
            return None

    def one_concept_per_term(self, slug: str, blocks: dict[str, _Block]) -> None:
        """Leave out a term that already names another concept in its language (of the glossary, or earlier in the file),
        as the table import does: lint allows a term for one concept per language (duplicate-term). A language left
        without terms is left out."""
        for code in list(blocks):
            kept = []
            for term in blocks[code].terms:
                key = (code, term_key(term["text"]))
                in_use = term.get("status") not in NOT_IN_USE
                other = self.named.get(key)
                if other is not None and other[0] != slug and other[1] == in_use:
                    self.losses.add("duplicate terms", blocks[code].line, f"'{term['text']}' ({code}) of '{slug}' names '{other[0]}' already",
                                    "left out (a term names one concept per language)")
                    continue
                self.named.setdefault(key, (slug, in_use))
                kept.append(term)
            blocks[code].terms = kept
            if not kept:
                del blocks[code]

    def admin_grp(self, grp: etree._Element, add_source: Sink) -> None:
        admin = next((c for c in _children(grp) if _local(c) == "admin"), None)
        if admin is None or admin.get("type") != "source":
            self.ignore(grp, "<adminGrp> without a source")
            return
        src = self.source_of(admin)
        for note in _children(grp):
            if note is admin:
                continue
            m = _SOURCE_NOTE.match(text_of(note)) if _local(note) in ("note", "adminNote") else None
            if m and m.group(1) not in src:
                src[m.group(1)] = m.group(2)
            else:
                self.ignore(note, f"<{_local(note)}> in a source <adminGrp>")
        add_source(src, True)

    def source_of(self, admin: etree._Element) -> dict[str, str]:
        """A source from ``<admin type="source">``: its text is the title (a URL is also the source's url), its ``xml:lang``
        the language of the title when that is a language tag the glossary can hold."""
        title = text_of(admin)
        src = {"title": title}
        if _URL.match(title):
            src["url"] = title
        lang = admin.get(XML_LANG)
        if lang:
            tag = canonical_tag(lang)
            if _LOCALE_CODE.match(tag):
                src["language"] = tag
            else:
                self.losses.add("source language", admin.sourceline or 1, f"'{lang}' of '{title}'",
                                "not a language tag the glossary can hold (language, script and region: sv, zh-Hant, pt-BR); left out")
        return src

    def aux(self, el: etree._Element, add_source: Sink, relation: Sink, note: Sink) -> None:
        """Elements allowed at any level: sources, notes, cross references; the rest is counted as ignored."""
        name = _local(el)
        if name == "admin" and el.get("type") == "source":
            add_source(self.source_of(el))
        elif name == "adminGrp":
            self.admin_grp(el, add_source)
        elif name == "note":
            note(text_of(el), el)
        elif name == "ref":
            relation(el)
        elif name in ("admin", "descrip"):
            self.ignore(el, f"<{name} type={el.get('type')!r}>")
        else:
            self.ignore(el)

    # -- language and term level -----------------------------------------------------------------------

    def lang_sec(self, ls: etree._Element, blocks: dict[str, _Block], add_source: Sink, relation: Sink) -> None:
        raw = ls.get(XML_LANG, "")
        code = self.locale(raw, ls)
        if code is None:
            shown = raw or "(none)"
            self.skipped_langs[shown] += 1
            self.skipped_lang_line.setdefault(shown, ls.sourceline or 1)
            return
        block = blocks.get(code)
        if block is None:
            block = blocks[code] = _Block(ls.sourceline or 1)
        self.languages.setdefault(code, ls.sourceline or 1)

        def note(text: str, el: etree._Element) -> None:
            if el.get("from") == "translator" and block.definition is None:  # Weblate's explanation of the translation
                block.definition = text
            else:
                block.notes.append(text)

        def definition(d: etree._Element) -> None:
            if (d.get("type") or "").casefold() in _USAGE_NOTE:
                block.notes.append(text_of(d))
            elif d.get("type") != "definition":
                self.ignore(d, f"<descrip type={d.get('type')!r}>")
            elif block.definition is not None:
                self.warn(d, f"a second '{code}' definition; only the first is kept")
            else:
                block.definition = text_of(d)

        for child in _children(ls):
            name = _local(child)
            if name == "termSec":
                self.term_sec(child, block, add_source, relation)
            elif name == "descrip":
                definition(child)
            elif name == "descripGrp":
                self.descrip_grp(child, definition, add_source, relation, note)
            else:
                self.aux(child, add_source, relation, note)

    def term_sec(self, ts: etree._Element, block: _Block, add_source: Sink, relation: Sink) -> None:
        text: str | None = None
        notes: dict[str, str] = {}
        term: dict[str, Any] = {}
        grammar: dict[str, str] = {}

        term_notes: list[str] = []
        source_titles: list[str] = []

        def note(value: str, el: etree._Element) -> None:
            m = _MACHINE_NOTE.match(value)
            if m and m.group(1) not in notes:
                notes[m.group(1)] = m.group(2)
            else:
                term_notes.append(value)  # a note on a term is about that term (a deprecated form: why)

        def status(tn: etree._Element, value: str, kind: str) -> None:
            found = status_of(value)
            if found is None:
                self.losses.add("statuses", tn.sourceline or 1, f"{kind} '{value}'",
                                "not a value of the TBX picklists, TBX-Min or Weblate; the term gets the status of a term without one")
            elif "status" not in term:  # the first status given wins
                term["status"] = found

        def term_note(tn: etree._Element) -> None:
            kind, value = tn.get("type"), text_of(tn)
            if kind in ("partOfSpeech", "grammaticalGender", "termType") and value.casefold() in _NO_VALUE:
                self.ignore(tn, f"<termNote type={kind!r}> '{value}'")
            elif kind == "termType":
                if value.casefold() in _TERM_TYPES:
                    term["type"] = _TERM_TYPES[value.casefold()]
                else:
                    term["type"] = "variant"
                    self.losses.add("term types", tn.sourceline or 1, f"'{value}' of a term", "not a TBX-Basic term type; imported as variant")
            elif kind == "administrativeStatus":
                status(tn, value, "administrativeStatus")
            elif kind == "usageStatus":
                status(tn, value, "usageStatus")
            elif kind == "partOfSpeech":
                grammar["pos"] = value
            elif kind == "grammaticalGender":
                grammar["gender"] = value
            elif kind == "geographicalUsage":
                m = _REGION.match(value)
                if m is None:
                    self.warn(tn, f"geographicalUsage '{value}' is not a region or a locale with a region (en-US); not imported")
                else:
                    term.setdefault("geographical_usage", m.group(1).upper())
            elif kind == "register" and value.casefold() in _REGISTERS:
                term.setdefault("register", _REGISTERS[value.casefold()])
            else:
                self.ignore(tn, f"<termNote type={kind!r}>")

        for child in _children(ts):
            name = _local(child)
            if name == "term" and text is None:
                text = text_of(child)
            elif name == "term":
                self.losses.add("duplicate terms", child.sourceline or 1, f"'{text_of(child)}' after '{text}' in one term section",
                                "only the first term of a term section is imported (each term needs a section of its own)")
            elif name == "admin" and child.get("type") == "source":
                source_titles.append(text_of(child))
            elif name == "termNote":
                term_note(child)
            elif name == "termNoteGrp":
                for sub in _children(child):
                    if _local(sub) == "termNote":
                        term_note(sub)
                    else:
                        self.aux(sub, add_source, relation, note)
            elif name in ("descrip", "descripGrp"):
                d = child if name == "descrip" else next((c for c in _children(child) if _local(c) == "descrip"), None)
                if d is not None and d.get("type") == "context":
                    block.examples.append(text_of(d))
                elif d is not None and (d.get("type") or "").casefold() in _USAGE_NOTE:
                    term_notes.append(text_of(d))
                elif d is not None:
                    self.ignore(d, f"<descrip type={d.get('type')!r}> on a term")
                for extra in _children(child) if name == "descripGrp" else ():
                    if extra is not d:
                        self.aux(extra, add_source, relation, note)
            else:
                self.aux(child, add_source, relation, note)
        if not text:
            self.error(ts, "a termSec without term text")
            return
        pos = notes.get("partOfSpeech") or grammar.get("pos")
        gender = notes.get("grammaticalGender") or grammar.get("gender")
        if pos is not None:
            if pos.casefold() not in _POS:
                self.losses.add("part of speech", ts.sourceline or 1, f"'{pos}' of '{text}'", "not a TBX-Basic value; imported as other")
            pos = _POS.get(pos.casefold(), "other")
        if gender is not None:
            if gender.casefold() not in _GENDER:
                self.losses.add("grammatical gender", ts.sourceline or 1, f"'{gender}' of '{text}'", "not a TBX-Basic value; imported as other")
            gender = _GENDER.get(gender.casefold(), "other")
        found = {k: v for k, v in (("pos", pos), ("gender", gender), ("plural", notes.get("plural"))) if v is not None}
        fields: dict[str, Any] = {k: term[k] for k in ("geographical_usage",) if k in term}
        if "reading" in notes:
            fields["reading"] = notes["reading"]
        register = notes.get("register") or term.get("register")
        if register is not None:
            fields["register"] = register
        if term_notes:
            fields["note"] = "\n".join(term_notes)
            if len(term_notes) > 1:
                self.losses.add("term-level notes", ts.sourceline or 1, f"{len(term_notes)} notes on '{text}'",
                                "a term has one note in the glossary: they were joined, one per line")
        if source_titles:
            fields[_TITLES] = source_titles  # resolved to the concept's source ids once all its sources are read
        # Our note names a status TBX-Basic lacks (proposed); otherwise the TBX status stands.
        status_given = notes.get("administrativeStatus") or term.get("status")
        block.terms.append({"text": text, **({"type": term["type"]} if "type" in term else {}), **({"status": status_given} if status_given else {}),
                            **({"grammar": found} if found else {}), **fields})


# Byte patterns of "<?" at the start of a file without a byte-order mark, by encoding (XML 1.0, appendix F).
_NO_BOM = {b"\x00\x00\x00<": "utf-32-be", b"<\x00\x00\x00": "utf-32-le", b"\x00<\x00?": "utf-16-be", b"<\x00?\x00": "utf-16-le"}
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_DECLARATION = re.compile(r"<\?xml[^>]*\?>")
_DECLARED = re.compile(rb"<\?xml\s[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
_ENTRY_NAMES = frozenset({"conceptEntry", "termEntry"})
MAX_ENTRY_ELEMENTS = 100_000  # elements in one conceptEntry: far beyond any real entry, and a bound on what is held
MAX_SCHEMA_CHECK_BYTES = 8 * 1024 * 1024  # --tbx-schemas needs the whole tree (about nine times the file) in memory
MAX_SCHEMA_BYTES = 4 * 1024 * 1024


def as_utf8(data: bytes, path: str) -> tuple[bytes | None, Source | None, list[Problem]]:
    """The document as lxml reads it safely, so that libxml2 never picks an encoding of its own.

    A UTF-8 file (the usual case) goes as it is. Any other encoding, UTF-16 or UTF-32 with or without a byte-order
    mark, or one the declaration names, is decoded here, each broken character a located error, and handed on as
    UTF-8 with its declaration blanked (lines and columns kept). A file that does not start like XML in an encoding
    Python knows is refused: libxml2 would otherwise read EBCDIC or UTF-7 that the DOCTYPE check below cannot see."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None) or _NO_BOM.get(data[:4])
    if encoding is None:
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        if not body.lstrip(b" \t\r\n").startswith(b"<"):
            return None, None, [problem(path, 1, RULE, "not an XML document in an encoding this import reads (UTF-8, UTF-16, UTF-32, "
                                        "or one its XML declaration names); save it as UTF-8")]
        named = _DECLARED.match(body)
        declared = named.group(1).decode("ascii") if named else "utf-8"
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            return None, None, [problem(path, 1, RULE, f"the XML declaration names the encoding '{clip(declared)}', which this import does not know; "
                                        "save the file as UTF-8")]
        if encoding == "utf-8":
            return data, Source(data, "utf-8-sig"), []
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode(encoding, errors="replace").removeprefix("\ufeff")
        line, column = Source(good.encode("utf-8"), "utf-8").position(len(good))
        return None, None, [problem(path, line, RULE, f"broken {encoding.upper()} at byte {exc.start:,} (the file ends in the middle of a "
                                    "character, or holds a byte that is not one); save it again as UTF-8", column=column)]
    text = text.removeprefix("\ufeff")
    m = _DECLARATION.match(text)
    if m:  # it names the encoding just decoded; lxml reads UTF-8 text without one
        text = " " * len(m.group()) + text[m.end():]
    utf8 = text.encode("utf-8", errors="surrogatepass")
    return utf8, Source(utf8, "utf-8", text), []


def _prolog_problem(data: bytes, path: str) -> Problem | None:
    """A DOCTYPE with an internal subset (which can declare entities and attribute defaults) is refused at its own line,
    before the file is parsed; a plain one, such as translate-toolkit writes, is accepted (no DTD is ever read).

    The prolog is walked item by item (declaration, comments, processing instructions), so neither a comment holding
    a harmless DOCTYPE nor one hiding the real one can lead the check astray. ``data`` is UTF-8 or a superset of ASCII."""
    at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while at < len(data) and data[at] in b" \t\r\n":
            at += 1
        for opening, closing in ((b"<?", b"?>"), (b"<!--", b"-->")):
            if data.startswith(opening, at):
                end = data.find(closing, at + len(opening))
                if end < 0:
                    return None  # unterminated: the parser reports it
                at = end + len(closing)
                break
        else:
            if not data.startswith(b"<!DOCTYPE", at):
                return None
            m = _DOCTYPE.match(data, at)
            if m is None or m.group(1) == b"[":
                line = data.count(b"\n", 0, at) + 1
                return Problem(path, line, at - (data.rfind(b"\n", 0, at) + 1) + 1, RULE, Severity.ERROR,
                               "a DOCTYPE with an internal subset ([...]) is not accepted in TBX files "
                               "(it can declare entities and attribute defaults); remove the subset, or the whole DOCTYPE")
            at = m.end()


def _parser_args() -> dict[str, Any]:
    # Untrusted input: no DTD is loaded, no entity is expanded, nothing is fetched, no huge-tree mode.
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False, "remove_comments": True, "remove_pis": True}


def _syntax_problem(exc: etree.XMLSyntaxError, path: str) -> Problem:
    line, column = exc.position if exc.position else (exc.lineno or 1, 1)
    return Problem(path, max(line, 1), max(column, 1), RULE, Severity.ERROR, f"not well-formed XML: {clip(exc.msg, 200)}")


def _parse(data: bytes, path: str) -> tuple[etree._ElementTree | None, list[Problem]]:
    """The whole tree, for the schema check only (the import itself reads one entry at a time)."""
    parser = etree.XMLParser(**_parser_args())
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as exc:
        return None, [_syntax_problem(exc, path)]
    return tree, []


@dataclass
class _Walk:
    """One pass over a document: its root element (seen at its start) and each conceptEntry or termEntry, complete, as
    it ends. What has been read is let go as the pass goes on, so memory holds one entry, not the tree."""

    data: bytes
    path: str
    problems: list[Problem] = field(default_factory=list)
    root: etree._Element | None = None

    def entries(self) -> Iterator[etree._Element]:
        events = etree.iterparse(io.BytesIO(self.data), events=("start", "end"), **_parser_args())
        entry: etree._Element | None = None
        inside = 0
        try:
            for event, el in events:
                if self.root is None:
                    self.root = el
                if event == "start":
                    if entry is None and _local(el) in _ENTRY_NAMES:
                        entry, inside = el, 0
                    elif entry is not None:
                        inside += 1
                        if inside > MAX_ENTRY_ELEMENTS:
                            self.problems.append(too_many(self.path, el.sourceline or 1, RULE, "elements in one entry", MAX_ENTRY_ELEMENTS))
                            return
                    continue
                if el is entry:
                    yield el
                    entry = None
                if entry is None and el is not self.root:  # done with: emptied, and dropped from its parent
                    el.clear(keep_tail=False)
                    parent = el.getparent()
                    while parent is not None and len(parent) and parent[0] is not el:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            self.problems.append(_syntax_problem(exc, self.path))


def _from_martif(root: etree._Element) -> None:
    """Rename a TBX 2008 document's elements to their TBX 2019 names in place (lines are kept); ``ntig`` loses its
    ``termGrp`` level, whose term and term notes belong to the term."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        name = _local(el)
        if name == "termGrp" and el.getparent() is not None and _local(el.getparent()) == "ntig":
            parent = el.getparent()
            index = parent.index(el)
            for offset, child in enumerate(list(el)):
                parent.insert(index + offset, child)
            parent.remove(el)
    for el in root.iter():
        if isinstance(el.tag, str) and _local(el) in _MARTIF_NAMES:
            el.tag = _MARTIF_NAMES[_local(el)]


# The schema folder may come with a pull request: its Schematron and XSLT run with no file or network access at all.
_DENY = etree.XSLTAccessControl.DENY_ALL
_SKELETON = Path(os.path.dirname(etree.__file__)) / "isoschematron" / "resources" / "xsl" / "iso-schematron-xslt1"
_RNG_NS = "http://relaxng.org/ns/structure/1.0"
_SCH_NS = "http://purl.oclc.org/dsdl/schematron"


def _sealed(name: str) -> etree.XSLT:
    return etree.XSLT(etree.parse(str(_SKELETON / name)), access_control=_DENY)


class _SealedSchematron:
    """lxml's ISO Schematron steps (abstract patterns expanded, then compiled to XSLT) without its include step, which
    reads the files a schema names; each step runs with file and network access denied. Built on first use."""

    expand: etree.XSLT | None = None
    compile: etree.XSLT | None = None

    @classmethod
    def validator(cls, schema: etree._ElementTree) -> etree._XSLTResultTree:
        if cls.expand is None or cls.compile is None:
            cls.expand, cls.compile = _sealed("iso_abstract_expand.xsl"), _sealed("iso_svrl_for_xslt1.xsl")
        return cls.compile(cls.expand(schema))


def _schema_file(file: Path, folder: Path, path: str) -> tuple[etree._ElementTree | None, list[Problem]]:
    """A schema file read as untrusted data: a regular file (a FIFO would block), bounded, parsed without DTD or network."""
    shown = f"{folder}/{file.name}"
    try:
        data = read_regular(file, MAX_SCHEMA_BYTES + 1)
    except OSError as exc:
        raise FatalError(f"--tbx-schemas {folder}: cannot read {file.name}: {exc.strerror or exc}") from None
    if len(data) > MAX_SCHEMA_BYTES:
        return None, [problem(shown, 1, RULE, f"larger than {MAX_SCHEMA_BYTES:,} bytes; not a TBX-Basic schema")]
    try:
        return etree.ElementTree(etree.fromstring(data, etree.XMLParser(**_parser_args()))), []
    except etree.XMLSyntaxError as exc:
        return None, [_syntax_problem(exc, shown)]


def schema_problems(tree: etree._ElementTree, folder: Path, path: str) -> list[Problem]:
    """The first problems of a TBX-Basic document against the dialect's RelaxNG and Schematron in ``folder``
    (``basic.rng`` and ``basic_xpath1.sch``), as warnings with their lines. A schema that cannot be used is an error
    at its own line; neither schema may read another file (RelaxNG ``include``, Schematron ``include``, ``document()``)."""
    rng_file, sch_file = folder / "basic.rng", folder / "basic_xpath1.sch"
    if not rng_file.is_file() or not sch_file.is_file():
        raise FatalError(f"--tbx-schemas {folder}: needs basic.rng and basic_xpath1.sch (the TBX-Basic RelaxNG and Schematron)")
    (rng_doc, rng_problems), (sch_doc, sch_problems) = _schema_file(rng_file, folder, path), _schema_file(sch_file, folder, path)
    if rng_doc is None or sch_doc is None:
        return rng_problems + sch_problems
    for doc, file, names in ((rng_doc, rng_file, ("include", "externalRef")), (sch_doc, sch_file, ("include", "extends"))):
        ns = _RNG_NS if doc is rng_doc else _SCH_NS
        for el in doc.iter(*(f"{{{ns}}}{name}" for name in names)):
            if el.get("href") is not None or _local(el) != "extends":
                return [problem(f"{folder}/{file.name}", el.sourceline or 1, RULE, f"<{_local(el)}> would read another file "
                                f"({clip(el.get('href', ''))}); a schema given to --tbx-schemas must be one self-contained file")]
    try:
        rng = etree.RelaxNG(rng_doc)
    except etree.RelaxNGParseError as exc:
        entry = exc.error_log.last_error if exc.error_log else None
        return [problem(f"{folder}/{rng_file.name}", entry.line if entry else 1, RULE, f"not a usable RelaxNG schema: {clip(exc, 200)}",
                        column=entry.column if entry else 1)]
    try:
        xslt = _SealedSchematron.validator(sch_doc)
    except (etree.XSLTApplyError, etree.XSLTParseError) as exc:
        return [_xslt_problem(exc, f"{folder}/{sch_file.name}", "not a usable Schematron schema")]
    # The XSLT 1 skeleton writes the location of a failed rule on an attribute as "/@type", without the element
    # it is on; one added step makes it the full path, so every problem gets its line.
    xsl = "{http://www.w3.org/1999/XSL/Transform}"
    for template in xslt.getroot().iter(f"{xsl}template"):
        if template.get("match") == "@*" and template.get("mode") == "schematron-get-full-path":
            template.insert(0, etree.Element(f"{xsl}apply-templates", select="parent::*", mode="schematron-get-full-path"))
    found: list[tuple[int, str]] = []
    if not rng.validate(tree):
        found += [(e.line, f"RelaxNG: {clip(e.message, 200)}") for e in rng.error_log]
    svrl = "{http://purl.oclc.org/dsdl/svrl}"
    try:
        report = etree.XSLT(xslt, access_control=_DENY)(tree)
    except (etree.XSLTApplyError, etree.XSLTParseError) as exc:
        return [_xslt_problem(exc, f"{folder}/{sch_file.name}", "the Schematron check failed")]
    root = report.getroot()
    for failed in root.iter(f"{svrl}failed-assert", f"{svrl}successful-report") if root is not None else ():
        try:
            hits = tree.xpath(failed.get("location", "/"))
        except etree.XPathError:
            hits = []
        hit = hits[0] if isinstance(hits, list) and hits else None
        element = hit if isinstance(hit, etree._Element) else getattr(hit, "getparent", lambda: None)()
        line = element.sourceline if isinstance(element, etree._Element) and element.sourceline else 1
        found.append((line, "Schematron: " + clip(" ".join(failed.findtext(f"{svrl}text", "").split()), 300)))
    found.sort(key=lambda item: item[0])
    out = [problem(path, line, RULE, f"not valid TBX-Basic: {message}", Severity.WARNING) for line, message in found[:MAX_SCHEMA_PROBLEMS]]
    if len(found) > MAX_SCHEMA_PROBLEMS:
        out.append(problem(path, found[MAX_SCHEMA_PROBLEMS][0], RULE, f"… and {len(found) - MAX_SCHEMA_PROBLEMS} more TBX-Basic problem(s); "
                           "the file was read as far as its structure allows", Severity.WARNING))
    return out


def _xslt_problem(exc: etree.Error, shown: str, what: str) -> Problem:
    """An XSLT failure (a refused file access, an unknown function) as an error of the schema file. libxslt's lines are
    those of the stylesheet made from the schema, not of the schema, so none is given."""
    log = getattr(exc, "error_log", None)
    said = "; ".join(dict.fromkeys(e.message for e in log if e.message)) if log else ""
    return problem(shown, 1, RULE, f"{what}: {clip(said or exc, 300)}")


@importer("tbx")
def import_tbx(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """Concepts of a TBX document: TBX 2019 (TBX-Basic, TBX-Min, DCA style) or TBX 2008 (``martif``: TBX-Basic 2008,
    the Microsoft Terminology Collection, translate-toolkit and Weblate); what TBX-Basic carries is kept, the rest reported.

    The document is read twice, one entry at a time: first for the ids that references point to, then for the
    concepts; at most ``MAX_IMPORT_CONCEPTS`` of them."""
    utf8, source, problems = as_utf8(data, path)
    if utf8 is None or source is None:
        return [], problems
    found = _prolog_problem(utf8, path)  # before parsing: an internal subset is never even read
    if found is not None:
        return [], [found]
    first = _Walk(utf8, path)
    ids: dict[str, str] = {}  # a file's id -> the glossary id (for references)
    taken: set[str] = set(options.ids) if options is not None else set()
    for count, ce in enumerate(first.entries(), start=1):
        if count > MAX_IMPORT_CONCEPTS:
            return [], [*first.problems, too_many(path, ce.sourceline or 1, RULE, "concepts", MAX_IMPORT_CONCEPTS)]
        raw = ce.get("id", "")
        slug = to_slug(raw) if raw else ""
        if slug:
            ids[raw] = slug
            taken.add(slug)
    root = first.root
    if first.problems or root is None:
        return [], first.problems or [problem(path, 1, RULE, "not well-formed XML: the document is empty")]
    martif = _local(root) == "martif"
    if not martif and _local(root) != "tbx":
        return [], [problem(path, root.sourceline or 1, RULE, f"the root element is <{clip(_local(root))}>, not <tbx> (TBX 2019) or <martif> (TBX 2008)")]
    if not martif and root.get("style") == "dct":
        return [], [problem(path, root.sourceline or 1, RULE, "DCT-style TBX is not supported; export it in DCA style (style=\"dca\")")]
    reader = _Reader(path, settings, default_lang=root.get(XML_LANG, settings.source_locale),
                     target_locale=options.target_locale if options is not None else None)
    # The file's own word decides its languages: its xml:lang is its source language, and a command-line language
    # that says otherwise is an error (the terms would land in the wrong language), never a reason to swap them.
    said = root.get(XML_LANG)
    source_code = match_locale(said, settings) if said else None
    if options is not None and options.source_locale is not None and said and source_code != options.source_locale:
        return [], [problem(path, root.sourceline or 1, RULE, f"the file's xml:lang is '{clip(said)}', but --source-locale is {options.source_locale}: "
                            "the file's languages decide; leave --source-locale out")]
    source_code = source_code or settings.source_locale
    known: dict[str, str] = {}  # the first source-language term of each concept in the glossary -> its id
    for concept in options.existing if options is not None else ():
        block = concept.locales.get(source_code)
        if block is not None and block.terms:
            known.setdefault(term_key(block.terms[0].text), concept.id)
        for code, terms in concept.locales.items():
            for t in terms.terms:
                reader.named.setdefault((code, term_key(t.text)), (concept.id, t.status not in NOT_IN_USE))
    if not martif:
        namespace = etree.QName(root).namespace
        if namespace not in KNOWN_NS:
            reader.warn(root, f"namespace '{clip(namespace)}' is not the TBX 2019 namespace '{NS}'; read as TBX-Basic anyway")
        dialect = root.get("type")
        if dialect not in ("TBX-Basic", "TBX-Min"):
            reader.warn(root, f"type is '{clip(dialect)}', not TBX-Basic; read with the TBX-Basic mapping")
        if dialect == "TBX-Basic" and options is not None and options.tbx_schemas is not None:
            problems += _schema_check(utf8, options.tbx_schemas, path)
    second = _Walk(utf8, path)
    out: list[Imported] = []
    previous: Imported | None = None
    n = 0
    for ce in second.entries():
        n += 1
        if martif:
            _from_martif(ce)
        raw = ce.get("id", "")
        slug = to_slug(raw) if raw else ""
        if raw and not slug:
            reader.error(ce, f"conceptEntry id '{clip(raw)}' cannot be made into a glossary id")
            continue
        if raw and slug != raw and raw != "_" + slug:
            reader.warn(ce, f"conceptEntry id '{clip(raw)}' is imported as '{slug}'")
        if not slug:
            # No id (translate-toolkit writes none): the concept its first source-language term names, else an id made
            # from that term (or the first term in any language).
            langs = [ls for ls in _children(ce) if _local(ls) == "langSec"]
            langs.sort(key=lambda ls: match_locale(ls.get(XML_LANG, ""), settings) != source_code)
            term = next((t for ls in langs for t in ls.iter("{*}term")), None)
            text = text_of(term) if term is not None else ""
            slug = known.get(term_key(text)) or unique_slug(text, taken, settings, f"concept-{n}")
        item = reader.concept(ce, slug, ids)
        if previous is not None:  # an entry reaches to the line before the next one starts
            out[-1] = dataclasses.replace(previous, last_line=max(previous.line, (ce.sourceline or previous.line) - 1))
        if item is not None:
            previous = dataclasses.replace(item, source=source)
            out.append(previous)
        else:
            previous = None
    problems += second.problems
    if not n and not second.problems:
        reader.error(root, "no conceptEntry (TBX 2019) or termEntry (TBX 2008) elements: nothing to import")
    target = options.target_locale if options is not None else None
    if n and target is not None and target not in reader.languages:
        reader.error(root, f"--target-locale {target}: the file has no langSec in that language (its languages: "
                     f"{', '.join(reader.languages) or 'none configured'}); the file's languages decide")
    reader.report_ignored()
    return out, problems + reader.problems


def _schema_check(utf8: bytes, folder: Path, path: str) -> list[Problem]:
    """``schema_problems`` for a file small enough to hold whole; a larger one is one located error."""
    if len(utf8) > MAX_SCHEMA_CHECK_BYTES:
        return [problem(path, 1, RULE, f"--tbx-schemas checks files of up to {MAX_SCHEMA_CHECK_BYTES:,} bytes (the check holds the whole "
                        "document); import it without --tbx-schemas, or check it with another validator first")]
    tree, problems = _parse(utf8, path)
    if tree is None:
        return problems
    return schema_problems(tree, folder, path)
