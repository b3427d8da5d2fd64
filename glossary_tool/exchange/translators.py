"""The layouts translators' tools take, written and read: the multilingual spreadsheet (``csv-multi``, ``xlsx-multi``)
that memoQ, Trados' Glossary Converter, Phrase, Smartcat and Crowdin import; OmegaT's glossary (``omegat``); DeepL's
glossary (``deepl``); and TBX 2008 for one language pair as Weblate and OmegaT read it (``tbx2008-pair``).

None offers a deprecated or obsolete term as a translation; each importer reads back what its exporter writes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from lxml import etree

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, ConceptLocale, Glossary, Term
from glossary_tool.core.problems import FatalError, Problem
from glossary_tool.core.terms import term_key
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.exchange.csvfile import csv_bytes, import_csv, neutralise, pair_locales, preferred_term, read_table
from glossary_tool.exchange.picklists import SHEET_STATUS
from glossary_tool.exchange.registry import Imported, ImportOptions, exporter, importer
from glossary_tool.exchange.selection import resolve_locales
from glossary_tool.exchange.table import Row, import_table
from glossary_tool.exchange.tbx import STATUS_NOTED, STATUS_TO_TBX, XML_LANG, import_tbx, subject_field, xml_id
from glossary_tool.exchange.tbx2008 import martif, martif_bytes
from glossary_tool.exchange.xlsxfile import import_xlsx, workbook_bytes

# ---- the multilingual spreadsheet: one row per concept, a group of columns per language ----


def multi_table(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None) -> list[list[str]]:
    """``concept_id``, ``subject``, a column per relation the concepts use (target ids), then per language as many
    ``en`` / ``en status`` pairs as a concept has terms there, ``en definition`` and as many ``en note`` as a concept
    has notes. A repeated header is another value of its field, as the CAT tools' importers read it; a deprecated
    term's status is ``forbidden``, their word for it."""
    codes = resolve_locales(settings, locales)
    concepts = sorted(glossary.concepts, key=lambda c: c.id)
    exported = {c.id for c in concepts}
    relations = _used_relations(concepts, settings, exported)
    terms, notes = _widest(concepts, codes, "terms", 1), _widest(concepts, codes, "notes", 0)
    table = [_multi_header(codes, relations, terms, notes)]
    for c in concepts:
        row = [c.id, subject_field(c, settings, codes[0]), *(" ".join(t for t in c.targets(name) if t in exported) for name in relations)]
        for code in codes:
            row += _language_cells(c.locales.get(code), terms[code], notes[code])
        table.append(row)
    return table


def _used_relations(concepts: list[Concept], settings: Settings, exported: set[str]) -> list[str]:
    """The relations some concept has to an exported concept: the others would be empty columns."""
    return [name for name in settings.relation_ids if any(t in exported for c in concepts for t in c.targets(name))]


def _multi_header(codes: tuple[str, ...], relations: list[str], terms: dict[str, int], notes: dict[str, int]) -> list[str]:
    """The spreadsheet's header: the concept's columns, then each language's term, status, definition and note columns."""
    header = ["concept_id", "subject", *relations]
    for code in codes:
        header += [name for _ in range(terms[code]) for name in (code, f"{code} status")]
        header += [f"{code} definition", *(f"{code} note" for _ in range(notes[code]))]
    return header


def _widest(concepts: list[Concept], codes: tuple[str, ...], key: str, least: int) -> dict[str, int]:
    """Per language, the most terms (or notes) a concept has there: the columns the spreadsheet gives it."""
    return {code: max((len(getattr(c.locales[code], key)) for c in concepts if code in c.locales), default=least) for code in codes}


def _language_cells(block: ConceptLocale | None, terms: int, notes: int) -> list[str]:
    """A language's cells of a concept's row: ``terms`` term and status pairs, the definition and ``notes`` notes, empty
    where the concept has fewer (or lacks the language)."""
    listed: list[Term | None] = [*(block.terms if block is not None else ()), *([None] * terms)][:terms]
    cells = [cell for t in listed for cell in ((t.text, SHEET_STATUS.get(t.status, t.status)) if t is not None else ("", ""))]
    cells.append(block.definition if block is not None else "")
    texts = list(block.notes) if block is not None else []
    return cells + [*texts, *([""] * notes)][:notes]


@exporter("csv-multi")
def export_csv_multi(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """The multilingual spreadsheet as CSV: UTF-8 with a byte-order mark, every cell guarded and quoted."""
    return csv_bytes(multi_table(glossary, settings, locales), bom=True)


@exporter("xlsx-multi")
def export_xlsx_multi(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """The multilingual spreadsheet as a workbook whose cells are all text."""
    return workbook_bytes(multi_table(glossary, settings, locales))


@importer("csv-multi")
def import_csv_multi(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """The CSV reader, which knows the layout by its header (a column per language, ``en status`` …)."""
    return import_csv(data, path, settings, options or ImportOptions())


@importer("xlsx-multi")
def import_xlsx_multi(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """The workbook reader, which knows the layout by its header."""
    return import_xlsx(data, path, settings, options or ImportOptions())


# ---- OmegaT's glossary: source, target and comment, tab-separated, no header ----

OMEGAT_COLUMNS = ["source", "target", "translator_comments"]  # how the table reader names them: the comment is the target's definition


def _tsv_cell(text: str) -> str:
    # OmegaT's format has no quoting: a tab or line break in a text would start a new cell or entry.
    return neutralise(" ".join(text.replace("\t", " ").splitlines()))


def usable_terms(concept: Concept, code: str) -> list[str]:
    """The terms of a language a translator may use, the preferred ones first; never a deprecated or obsolete one."""
    block = concept.locales.get(code)
    usable = [t for t in block.terms if t.status not in NOT_IN_USE] if block is not None else []
    return [t.text for t in sorted(usable, key=lambda t: t.status != "preferred")]


@exporter("omegat")
def export_omegat(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """One line per source term and usable target term: every source term (a deprecated one too, so that OmegaT finds
    it in a text and offers the right translation), each target term in use, and the target's definition as comment."""
    source, target = pair_locales(settings, locales)
    lines = []
    for c in glossary.concepts:
        targets = usable_terms(c, target)
        if source not in c.locales or not targets:
            continue
        comment = c.locales[target].definition
        lines += [(term_key(s.text), s.text, t, comment) for s in c.locales[source].terms for t in targets]
    lines.sort()
    return "".join("\t".join(_tsv_cell(cell) for cell in line[1:]) + "\n" for line in lines).encode("utf-8")


def _no_comment_lines(rows: Iterator[Row]) -> Iterator[Row]:
    for row in rows:
        if not (row[2] and row[2][0].startswith("#")):  # OmegaT reads a line starting with # as a comment
            yield row


@importer("omegat")
def import_omegat(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """An OmegaT glossary: languages from --source-locale and --target-locale (the file does not say), the comment as the
    target's definition."""
    table, problems = read_table(data, path, "import-omegat", columns=OMEGAT_COLUMNS, delimiter="\t", quoted=False)
    if table is None:
        return [], problems
    return import_table(dataclasses.replace(table, rows=_no_comment_lines(iter(table.rows)), synonym_rows=True), settings, options or ImportOptions())


# ---- DeepL's glossary: source and target term, no header ----

DEEPL_COLUMNS = ["source", "target", "sourceLang", "targetLang"]  # DeepL's optional third and fourth columns name the languages


@exporter("deepl")
def export_deepl(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """Each source term once, with its concept's preferred target term: DeepL takes one translation per source entry.
    Comma-separated without a header or byte-order mark, as DeepL's glossary upload reads it."""
    source, target = pair_locales(settings, locales)
    entries: dict[str, tuple[str, str]] = {}
    for c in sorted(glossary.concepts, key=lambda c: c.id):
        translation = preferred_term(c, target)
        if source not in c.locales or translation is None:
            continue
        for term in c.locales[source].terms:
            entries.setdefault(term_key(term.text), (term.text, translation))
    return csv_bytes([entries[key] for key in sorted(entries)], bom=False)


@importer("deepl")
def import_deepl(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    table, problems = read_table(data, path, "import-deepl", columns=DEEPL_COLUMNS)
    if table is None:
        return [], problems
    return import_table(dataclasses.replace(table, synonym_rows=True), settings, options or ImportOptions())


# ---- TBX 2008 for one language pair, as Weblate and OmegaT read it ----


def _tig(parent: etree._Element, term: Term) -> None:
    tig = etree.SubElement(parent, "tig")
    etree.SubElement(tig, "term").text = term.text
    etree.SubElement(tig, "termNote", type="administrativeStatus").text = STATUS_TO_TBX[term.status]
    if term.grammar is not None and term.grammar.pos is not None and term.grammar.pos != "properNoun":
        etree.SubElement(tig, "termNote", type="partOfSpeech").text = term.grammar.pos
    if term.status in STATUS_NOTED:  # as in the full TBX export: the status TBX-Basic lacks, in a note the import reads
        etree.SubElement(tig, "note").text = f"administrativeStatus: {term.status}"


def _source_lang_set(entry: etree._Element, code: str, own: ConceptLocale) -> None:
    """The source language's section: its definition as ``descrip``, its notes and every term."""
    lang = etree.SubElement(entry, "langSet", {XML_LANG: code})
    if own.definition:
        etree.SubElement(lang, "descrip", type="definition").text = own.definition
    for note in own.notes:
        etree.SubElement(lang, "note").text = note
    for term in own.terms:
        _tig(lang, term)


def _target_lang_set(entry: etree._Element, code: str, other: ConceptLocale) -> None:
    """The target language's section, only when it has a term in use: its definition as the translator's note, its
    notes and the terms in use."""
    usable = [t for t in other.terms if t.status not in NOT_IN_USE]
    if not usable:
        return
    lang = etree.SubElement(entry, "langSet", {XML_LANG: code})
    if other.definition:
        etree.SubElement(lang, "note", {"from": "translator"}).text = other.definition
    for note in other.notes:
        etree.SubElement(lang, "note").text = note
    for term in usable:
        _tig(lang, term)


@exporter("tbx2008-pair")
def export_tbx2008_pair(glossary: Glossary, settings: Settings, locales: tuple[str, ...] | None = None) -> bytes:
    """TBX 2008 with the source and the target language only, each language's definition in its own ``langSet``: the
    source's as its ``descrip`` (translate-toolkit gives Weblate every ``descrip`` of an entry as the source's
    explanation, so there is no other), the target's as the translator's ``note`` that Weblate shows with the
    translation. The target offers only terms in use; no subject field, term type or context, which Weblate would run
    into the source's explanation."""
    source, target = pair_locales(settings, locales)
    concepts = sorted((c for c in glossary.concepts if source in c.locales), key=lambda c: c.id)
    if not concepts:
        raise FatalError(f"nothing to export: no concept has a term in '{source}'")
    root, body = martif(settings, source)
    for c in concepts:
        entry = etree.SubElement(body, "termEntry", id=xml_id(c.id))
        _source_lang_set(entry, source, c.locales[source])
        other = c.locales.get(target)
        if other is not None:
            _target_lang_set(entry, target, other)
    return martif_bytes(root)


@importer("tbx2008-pair")
def import_tbx2008_pair(data: bytes, path: str, settings: Settings, options: ImportOptions | None = None) -> tuple[list[Imported], list[Problem]]:
    """The TBX reader, which takes the translator's note in a language's section as that language's definition."""
    return import_tbx(data, path, settings, options or ImportOptions())
