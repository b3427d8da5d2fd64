"""TBX-Basic (ISO 30042:2019, DCA style) export and import; README "TBX-Basic" lists the mapping.

What TBX-Basic cannot say (Swedish utrum, plurals, source details) travels in `key: value` notes.
"""

# Those notes (Swedish utrum, proper nouns, plurals, source details) are read back by the importer,
# so our own files round-trip exactly.

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from pydantic import ValidationError

from glossary_tool.config import Settings
from glossary_tool.export import Imported, ImportOptions, exporter, importer, problem, validation_problems
from glossary_tool.model import Concept, Glossary
from glossary_tool.problems import FatalError, Problem, Severity
from glossary_tool.rules.ids import SLUG

NS = "urn:iso:std:iso:30042:ed-2"
# Namespaces of TBX 2019 files in the wild (the LTAC examples moved to the second one); both read the same.
KNOWN_NS = frozenset({NS, "urn:iso:std:iso:30042:ed:3.0"})
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RNG_HREF = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng"
SCH_HREF = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"
RULE = "import-tbx"
Sink = Callable[..., None]  # the collectors a level hands down: add_source(src, grouped=False), relation(ref), note(text, el)

STATUS_TO_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts", "deprecated": "deprecatedTerm-admn-sts"}
TBX_TO_STATUS = {v: k for k, v in STATUS_TO_TBX.items()} | {"supersededTerm-admn-sts": "deprecated"}
TBX_POS = frozenset({"noun", "verb", "adjective", "adverb", "other"})
TBX_GENDER = frozenset({"masculine", "feminine", "neuter", "other"})
# Our values TBX-Basic lacks: the nearest TBX value, plus a note carrying ours so the import restores it.
POS_TO_TBX = {"properNoun": "noun"}
GENDER_TO_TBX = {"utrum": "other", "neutrum": "neuter"}
TERM_TYPES = frozenset({"fullForm", "abbreviation", "acronym", "shortForm", "variant", "phrase"})
_MACHINE_NOTE = re.compile(r"^(grammaticalGender|partOfSpeech|plural): (.+)$", re.S)
_SOURCE_NOTE = re.compile(r"^(publisher|date|url): (.+)$", re.S)
_XML_SPACE = re.compile(r"[ \t\r\n]+")


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


def _concept_entry(body: etree._Element, concept: Concept, settings: Settings, exported: set[str]) -> None:
    entry = _sub(body, "conceptEntry", id=xml_id(concept.id))
    _sub(entry, "descrip", concept.category, type="subjectField")
    for name in settings.relation_ids:
        for target in concept.targets(name):
            if target in exported:  # a dangling id would make the file invalid; lint reports it at home
                _sub(entry, "ref", name, type="crossReference", target=xml_id(target))
    for source in concept.sources:
        grp = _sub(entry, "adminGrp")
        _sub(grp, "admin", source.title, type="source")
        for key in ("publisher", "date", "url"):
            value = getattr(source, key)
            if value is not None:
                _sub(grp, "note", f"{key}: {value}")
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
            grammar = term.grammar
            notes: list[str] = []
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
            if i == 0:  # TBX-Basic allows context sentences only on a term; they go with the first one
                for example in block.examples:
                    _sub(sec, "descrip", example, type="context")
            for note in notes:
                _sub(sec, "note", note)


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
        _concept_entry(body, concept, settings, exported)
    tree = etree.ElementTree(root)
    root.addprevious(etree.PI("xml-model", f'href="{RNG_HREF}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'))
    root.addprevious(etree.PI("xml-model", f'href="{SCH_HREF}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"'))
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


# ---- import -------------------------------------------------------------------------------------------


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


def _lang_code(raw: str) -> str:
    parts = raw.replace("_", "-").split("-")
    return parts[0].lower() + ("-" + parts[1].upper() if len(parts) > 1 else "")


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

    def warn(self, el: etree._Element, message: str) -> None:
        self.problems.append(problem(self.path, el.sourceline or 1, RULE, message, Severity.WARNING))

    def error(self, el: etree._Element, message: str) -> None:
        self.problems.append(problem(self.path, el.sourceline or 1, RULE, message))

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
        for what, (count, line) in sorted(self.ignored.items(), key=lambda kv: kv[1][1]):
            self.problems.append(problem(self.path, line, RULE, f"{count} {what} element(s) not imported (first here): the glossary has no place for them", Severity.WARNING))
        for code, count in self.skipped_langs.items():
            self.problems.append(problem(self.path, self.skipped_lang_line[code], RULE,
                                         f"{count} langSec element(s) in '{code}' not imported (first here): '{code}' is not a configured locale; add it to locales in mkdocs.yml to import it",
                                         Severity.WARNING))

    # -- concept level --------------------------------------------------------------------------------

    def concept(self, ce: etree._Element, slug: str, ids: dict[str, str]) -> Imported | None:
        category: str | None = None
        relations: dict[str, list[str]] = {}
        sources: list[dict[str, str]] = []
        blocks: dict[str, _Block] = {}
        loose_notes: list[tuple[str, str]] = []  # (lang, text) of notes above the language level
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
                self.warn(ref, f"crossReference to '{ref.get('target', '')}', which is not a concept in this file; not imported")
                return
            name = text_of(ref)
            targets = relations.setdefault(name if name in self.settings.relation_ids else "related", [])
            if target not in targets and target != slug:
                targets.append(target)

        def concept_descrip(d: etree._Element) -> None:
            nonlocal category
            kind = d.get("type")
            if kind == "subjectField":
                value = text_of(d)
                if category is not None:
                    self.warn(d, f"a second subjectField '{value}' for '{slug}'; only the first is kept")
                elif value.lower() in self.settings.category_ids:
                    category = value.lower()
                else:
                    category = self.settings.category_ids[0]
                    self.warn(d, f"subjectField '{value}' is not a category ({', '.join(self.settings.category_ids)}); '{slug}' gets category {category}")
            elif kind == "definition":
                loose_definitions.append((d.get(XML_LANG, self.default_lang), text_of(d)))
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
        for lang, text in loose_notes:
            code = _lang_code(lang)
            if code in blocks:
                blocks[code].notes.append(text)
        for lang, text in loose_definitions:
            code = _lang_code(lang)
            if code in blocks and blocks[code].definition is None:
                blocks[code].definition = text
        if not blocks:
            self.warn(ce, f"concept '{slug}' has no terms in a configured locale; not imported")
            return None
        if not sources:
            sources.append({"title": f"TODO: source of {slug} (none in the imported file)"})
            self.warn(ce, f"concept '{slug}' names no source; a placeholder source was written")
        locales: dict[str, Any] = {}
        for code, block in blocks.items():
            if block.definition is None:
                self.warn(ce, f"concept '{slug}' has no '{code}' definition; a placeholder was written")
            locales[code] = {"terms": block.terms, "definition": block.definition or f"TODO: {code} definition of {slug} (none in the imported file)",
                             "examples": block.examples, "notes": block.notes}
        data = {"id": slug, "kind": "concept", "category": category or "general", "relations": relations, "sources": sources, "locales": locales}
        try:
            return Imported(Concept.model_validate(data), ce.sourceline or 1)
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, self.path, ce.sourceline or 1, RULE, slug))
            return None

    def admin_grp(self, grp: etree._Element, add_source: Sink) -> None:
        admin = next((c for c in _children(grp) if _local(c) == "admin"), None)
        if admin is None or admin.get("type") != "source":
            self.ignore(grp, "<adminGrp> without a source")
            return
        src = {"title": text_of(admin)}
        for note in _children(grp):
            if note is admin:
                continue
            m = _SOURCE_NOTE.match(text_of(note)) if _local(note) == "note" else None
            if m and m.group(1) not in src:
                src[m.group(1)] = m.group(2)
            else:
                self.ignore(note, f"<{_local(note)}> in a source <adminGrp>")
        add_source(src, True)

    def aux(self, el: etree._Element, add_source: Sink, relation: Sink, note: Sink) -> None:
        """Elements allowed at any level: sources, notes, cross references; the rest is counted as ignored."""
        name = _local(el)
        if name == "admin" and el.get("type") == "source":
            add_source({"title": text_of(el)})
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
        code = _lang_code(raw)
        if code not in self.settings.locale_codes:
            self.skipped_langs[code or "(none)"] += 1
            self.skipped_lang_line.setdefault(code or "(none)", ls.sourceline or 1)
            return
        block = blocks.get(code)
        if block is None:
            block = blocks[code] = _Block(ls.sourceline or 1)

        def note(text: str, el: etree._Element) -> None:
            block.notes.append(text)

        def definition(d: etree._Element) -> None:
            if d.get("type") != "definition":
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

        def note(value: str, el: etree._Element) -> None:
            m = _MACHINE_NOTE.match(value)
            if m and m.group(1) not in notes:
                notes[m.group(1)] = m.group(2)
            else:
                block.notes.append(value)

        def term_note(tn: etree._Element) -> None:
            kind, value = tn.get("type"), text_of(tn)
            if kind == "termType":
                if value in TERM_TYPES:
                    term["type"] = value
                else:
                    term["type"] = "variant"
                    self.warn(tn, f"termType '{value}' is not a TBX-Basic term type; imported as variant")
            elif kind == "administrativeStatus":
                status = TBX_TO_STATUS.get(value)
                if value == "supersededTerm-admn-sts":
                    self.warn(tn, "supersededTerm-admn-sts has no equivalent; imported as deprecated")
                if status is None:
                    self.warn(tn, f"administrativeStatus '{value}' is unknown; imported as admitted")
                term["status"] = status or "admitted"
            elif kind == "partOfSpeech":
                grammar["pos"] = value
            elif kind == "grammaticalGender":
                grammar["gender"] = value
            else:
                self.ignore(tn, f"<termNote type={kind!r}>")

        for child in _children(ts):
            name = _local(child)
            if name == "term":
                text = text_of(child)
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
                elif d is not None:
                    self.ignore(d, f"<descrip type={d.get('type')!r}>")
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
        if pos is not None and pos not in TBX_POS | set(POS_TO_TBX):
            self.warn(ts, f"partOfSpeech '{pos}' of '{text}' is not a TBX-Basic value; imported as other")
            pos = "other"
        if gender is not None and gender not in TBX_GENDER | set(GENDER_TO_TBX):
            self.warn(ts, f"grammaticalGender '{gender}' of '{text}' is not a TBX-Basic value; imported as other")
            gender = "other"
        found = {k: v for k, v in (("pos", pos), ("gender", gender), ("plural", notes.get("plural"))) if v is not None}
        block.terms.append({"text": text, "type": term.get("type", "fullForm"), "status": term.get("status", "admitted"),
                            **({"grammar": found} if found else {})})


def _parse(data: bytes, path: str) -> tuple[etree._ElementTree | None, list[Problem]]:
    # Untrusted input: no DTD, no entities, no network, no huge-tree mode.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 1, 1)
        return None, [Problem(path, max(line, 1), max(column, 1), RULE, Severity.ERROR, f"not well-formed XML: {exc.msg}")]
    if tree.docinfo.doctype:
        return None, [problem(path, 1, RULE, "DOCTYPE declarations are not accepted in TBX files (they can define entities); remove it")]
    return tree, []


@importer("tbx")
def import_tbx(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """Concepts of a TBX-Basic (DCA) document; what TBX-Basic carries is kept, the rest is reported."""
    tree, problems = _parse(data, path)
    if tree is None:
        return [], problems
    root = tree.getroot()
    if _local(root) != "tbx":
        hint = " (TBX 2008 'martif' files are not supported; convert to TBX 2019 first)" if _local(root) == "martif" else ""
        return [], [problem(path, root.sourceline or 1, RULE, f"the root element is <{_local(root)}>, not <tbx>{hint}")]
    reader = _Reader(path, settings, default_lang=root.get(XML_LANG, settings.source_locale))
    namespace = etree.QName(root).namespace
    if namespace not in KNOWN_NS:
        reader.warn(root, f"namespace '{namespace}' is not the TBX 2019 namespace '{NS}'; read as TBX-Basic anyway")
    if root.get("style") == "dct":
        return [], [problem(path, root.sourceline or 1, RULE, "DCT-style TBX is not supported; export it in DCA style (style=\"dca\")")]
    if root.get("type") != "TBX-Basic":
        reader.warn(root, f"type is '{root.get('type')}', not TBX-Basic; read with the TBX-Basic mapping")
    entries = list(root.iter("{*}conceptEntry"))
    ids: dict[str, str] = {}
    for ce in entries:
        raw = ce.get("id", "")
        slug = to_slug(raw)
        if not slug:
            reader.error(ce, f"conceptEntry id '{raw}' cannot be made into a glossary id")
            continue
        if slug != raw and raw != "_" + slug:
            reader.warn(ce, f"conceptEntry id '{raw}' is imported as '{slug}'")
        ids[raw] = slug
    out: list[Imported] = []
    for ce in entries:
        raw = ce.get("id", "")
        if raw in ids:
            item = reader.concept(ce, ids[raw], ids)
            if item is not None:
                out.append(item)
    if not entries:
        reader.error(root, "no conceptEntry elements: nothing to import")
    reader.report_ignored()
    return out, problems + reader.problems
