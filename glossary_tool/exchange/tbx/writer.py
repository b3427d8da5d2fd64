"""TBX-Basic (ISO 30042:2019, DCA style) export: one conceptEntry per concept; README "TBX-Basic" lists the mapping.

What TBX-Basic cannot say (Swedish utrum, plurals, source details) travels in `key: value` notes, which the import reads back.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, ConceptLocale, Glossary, Grammar, Source, Term
from glossary_tool.core.problems import FatalError
from glossary_tool.exchange.registry import exporter
from glossary_tool.exchange.tbx.mapping import GENDER_TO_TBX, NS, POS_TO_TBX, STATUS_NOTED, STATUS_TO_TBX, XML_LANG, xml_id

RNG_HREF = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng"
SCH_HREF = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"


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
    """One concept as a conceptEntry: subject field, cross references, sources, then a langSec per language."""
    entry = _sub(body, "conceptEntry", id=xml_id(concept.id))
    _sub(entry, "descrip", subject_field(concept, settings, lang or settings.source_locale), type="subjectField")
    for name in settings.relation_ids:
        for target in concept.targets(name):
            if target in exported:  # a dangling id would make the file invalid; lint reports it at home
                _sub(entry, "ref", name, type="crossReference", target=xml_id(target))
    for source in concept.sources:
        _source_grp(entry, source)
    titles = {s.id: s.title for s in concept.sources if s.id is not None}
    for code in _locale_order(concept, settings):
        _lang_sec(entry, code, concept.locales[code], titles)


def _source_grp(entry: etree._Element, source: Source) -> None:
    grp = _sub(entry, "adminGrp")
    _sub(grp, "admin", source.title, type="source", lang=source.language)  # the language of the title, when it is not the source language
    for key in ("id", "publisher", "date", "url"):
        value = getattr(source, key)
        if value is not None:
            _sub(grp, "note", f"{key}: {value}")


def _lang_sec(entry: etree._Element, code: str, block: ConceptLocale, titles: dict[str, str]) -> None:
    lang = _sub(entry, "langSec", lang=code)
    if block.definition:  # empty: a placeholder the export leaves out
        _sub(lang, "descrip", block.definition, type="definition")
    for note in block.notes:
        _sub(lang, "note", note)
    for i, term in enumerate(block.terms):
        # TBX-Basic allows context sentences only on a term; they go with the first one
        _term_sec(lang, code, term, block.examples if i == 0 else (), titles)


def _term_sec(lang: etree._Element, code: str, term: Term, examples: Iterable[str], titles: dict[str, str]) -> None:
    sec = _sub(lang, "termSec")
    _sub(sec, "term", term.text)
    _sub(sec, "termNote", term.type, type="termType")
    _sub(sec, "termNote", STATUS_TO_TBX[term.status], type="administrativeStatus")
    if term.geographical_usage is not None:  # a locale tag, as ISO 12620 asks: en-US, sv-FI
        _sub(sec, "termNote", f"{code.split('-', maxsplit=1)[0]}-{term.geographical_usage}", type="geographicalUsage")
    notes = _grammar(sec, term)
    for example in examples:
        _sub(sec, "descrip", example, type="context")
    for sid in term.sources:  # the term's own source reference (IATE's term reference), by title
        if sid in titles:
            _sub(sec, "admin", titles[sid], type="source")
    for note in notes:
        _sub(sec, "note", note)
    if term.note is not None:
        _sub(sec, "note", term.note)


def _grammar(sec: etree._Element, term: Term) -> list[str]:
    """The term's part of speech and gender as TBX-Basic termNotes; what TBX-Basic lacks, as ``key: value`` notes (returned)."""
    notes: list[str] = [f"administrativeStatus: {term.status}"] if term.status in STATUS_NOTED else []
    grammar = term.grammar or Grammar()
    for kind, value, nearest in (("partOfSpeech", grammar.pos, POS_TO_TBX), ("grammaticalGender", grammar.gender, GENDER_TO_TBX)):
        if value is not None:
            _sub(sec, "termNote", nearest.get(value, value), type=kind)
            if value in nearest:
                notes.append(f"{kind}: {value}")
    extra = (("plural", grammar.plural), ("reading", term.reading), ("register", term.register))  # TBX-Basic has no register data category
    notes += [f"{key}: {value}" for key, value in extra if value is not None]
    return notes


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
