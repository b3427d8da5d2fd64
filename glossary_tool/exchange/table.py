"""Tables (CSV rows, spreadsheet rows) → concepts, in every layout the import recognises by its header.

This tool's own layout (one row per term), the two-column glossaries of Weblate, translate-toolkit and Google
(``source,target``, ``location,source,target``, ``sourceString,targetString``), and any header mapped with ``--columns``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import ValidationError

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept
from glossary_tool.core.problems import FatalError, Problem, Severity, clip
from glossary_tool.core.terms import term_key
from glossary_tool.core.vocabulary import Gender, PartOfSpeech, Register, Status, TermType
from glossary_tool.exchange.registry import (
    MAX_IMPORT_CELLS,
    MAX_IMPORT_COLUMNS,
    MAX_IMPORT_CONCEPTS,
    MAX_IMPORT_ROWS,
    Imported,
    ImportOptions,
    Placeholders,
    Source,
    match_locale,
    problem,
    too_many,
    validation_problems,
)

Row = tuple[int, int, list[str]]  # (line of the row's first cell, line of its last, cells)
TERM_COLUMNS = ("concept_id", "category", "locale", "term", "reading", "type", "status", "pos", "gender", "plural", "definition")
# A term's termbank fields, after the columns above: the ids of the sources that attest it (space-separated), its
# region, its register and its own note.
TERM_FIELDS = ("term_sources", "geographical_usage", "register", "term_note")
SOURCE_KEYS = ("id", "title", "publisher", "date", "url")
_NUMBERED = re.compile(r"^(example|note)_(\d+)$|^source_(\d+)_(id|title|publisher|date|url)$")
_HASH_PAIR = re.compile(r"^([A-Za-z_]+)=([0-9a-f]{8,64})$")
# Headers of two-column glossaries, compared ignoring case; translate-toolkit's aliases included.
PAIR_SOURCE = frozenset({"source", "sourcestring", "original", "untranslated", "source term"})
PAIR_TARGET = frozenset({"target", "targetstring", "translation", "translated", "target term"})
# Other columns of those files and where they go: (field, "source" or "target" language); None: not imported.
PAIR_EXTRA: dict[str, tuple[str, str] | None] = {
    "explanation": ("definition", "target"), "description": ("definition", "target"),
    "translator_comments": ("note", "target"), "translator comments": ("note", "target"), "notes": ("note", "target"),
    "developer_comments": ("note", "source"), "developer comments": ("note", "source"),
    "context": ("context", "source"), "location": None, "id": None, "fuzzy": None, "key": None, "state": None,
}
MAPPED_FIELDS = {"term": True, "definition": True, "note": True, "example": True, "concept_id": False, "category": False}  # field -> takes a locale


def _picklist(alias: object) -> dict[str, str]:
    """A model's Literal values by their case-folded form: other tools write ``Noun`` or ``FULLFORM``."""
    return {v.casefold(): v for v in get_args(alias)}


PICKLISTS = {"type": _picklist(TermType), "status": _picklist(Status), "pos": _picklist(PartOfSpeech), "gender": _picklist(Gender),
             "register": _picklist(Register)}


def as_written(value: str) -> str:
    return value


@dataclass(frozen=True, slots=True)
class Table:
    """A header and its rows as they are read (once, never all held); ``unquote`` undoes the file's formula protection
    on a cell. A reader that stops early (a broken row, a bound reached) says why in ``problems``."""

    header: list[str]
    rows: Iterable[Row]
    path: str
    rule: str
    unquote: Callable[[str], str] = as_written
    problems: list[Problem] = field(default_factory=list)
    source: Source | None = None  # the file's text, for placing a character in it


def bounded(rows: Iterable[Row], path: str, rule: str, problems: list[Problem]) -> Iterator[Row]:
    """``rows`` until one passes the bounds of an import: rows, cells with text, cells in a row. Blank rows are skipped."""
    count = cells = 0
    for first, last, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        cells += sum(1 for cell in row if cell)
        if count > MAX_IMPORT_ROWS:
            problems.append(too_many(path, first, rule, "rows", MAX_IMPORT_ROWS))
            return
        if cells > MAX_IMPORT_CELLS:
            problems.append(too_many(path, first, rule, "cells with text", MAX_IMPORT_CELLS))
            return
        if len(row) > MAX_IMPORT_COLUMNS:
            problems.append(too_many(path, first, rule, "cells in a row", MAX_IMPORT_COLUMNS))
            return
        yield first, last, row


def import_table(table: Table, settings: Settings, options: ImportOptions) -> tuple[list[Imported], list[Problem]]:
    """Concepts from ``table`` in the layout its header shows (or ``--columns`` maps)."""
    if len(table.header) > MAX_IMPORT_COLUMNS:
        return [], [too_many(table.path, 1, table.rule, "columns", MAX_IMPORT_COLUMNS)]
    table = dataclasses.replace(table, rows=bounded(table.rows, table.path, table.rule, table.problems))
    imported, problems = _layout(table, settings, options)
    return imported, [*problems, *table.problems]


def _layout(table: Table, settings: Settings, options: ImportOptions) -> tuple[list[Imported], list[Problem]]:
    folded = [h.strip().casefold() for h in table.header]
    if options.columns:
        mapping, problems = parse_columns(options.columns, table)
        if mapping is None:
            return [], problems
        return _Mapped(table, settings, options, mapping, problems).run()
    if {"concept_id", "locale", "term"} <= set(folded):
        return _own_layout(table, settings)
    if "concept_id" in folded:
        missing = [c for c in ("locale", "term") if c not in folded]
        return [], [problem(table.path, 1, table.rule, f"missing column(s) of this tool's layout: {', '.join(missing)}")]
    source = next((i for i, h in enumerate(folded) if h in PAIR_SOURCE), None)
    target = next((i for i, h in enumerate(folded) if h in PAIR_TARGET), None)
    if source is not None and target is not None:
        return _pair(table, settings, options, source, target, folded)
    codes = [match_locale(h, settings) for h in table.header]
    if len(table.header) >= 2 and all(codes) and len(set(codes)) == len(codes):  # a header of language codes: en,sv
        mapping = {("term", code): [i] for i, code in enumerate(codes) if code is not None}
        return _Mapped(table, settings, options, mapping, []).run()
    shown = clip(",".join(table.header[:8]) + ("…" if len(table.header) > 8 else ""), 120)
    return [], [problem(table.path, 1, table.rule, f"the header '{shown}' is not a layout this tool knows: this tool's own (concept_id,locale,term,…), "
                        "source,target[,explanation,…] (Weblate, translate-toolkit), location,source,target or sourceString,targetString; "
                        "map other headers with --columns, e.g. --columns 'term:en=English,term:sv=Swedish'")]


# ---- this tool's own layout: one row per term ----


def _split_ids(cell: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", cell) if part]


def _same(first: dict[str, Any], row: dict[str, Any], keys: Iterable[str]) -> list[str]:
    return [k for k in keys if first.get(k, "") != row.get(k, "")]


@dataclass
class _Own:
    """A concept of this tool's layout while its rows are read: its first row (for the concept's cells), the first row
    of each language (for that language's cells) and the terms; the other rows are not kept."""

    first_line: int
    first: dict[str, str]
    last_line: int
    locales: dict[str, dict[str, Any]] = field(default_factory=dict)
    locale_first: dict[str, dict[str, str]] = field(default_factory=dict)


def _own_layout(table: Table, settings: Settings) -> tuple[list[Imported], list[Problem]]:
    path, rule, columns = table.path, table.rule, table.header
    problems: list[Problem] = []
    placeholders = Placeholders()
    known = set(TERM_COLUMNS) | set(TERM_FIELDS) | set(settings.relation_ids) | {"translated_from"}
    for col in columns:
        if col not in known and not _NUMBERED.match(col):
            problems.append(problem(path, 1, rule, f"column '{clip(col)}' is not part of the glossary layout; ignored", Severity.WARNING))
    concepts: dict[str, _Own] = {}
    skipped: dict[str, list[int]] = {}
    concept_keys = ["category", *settings.relation_ids, *(c for c in columns if c.startswith("source_"))]
    locale_keys = ["definition", "translated_from", *(c for c in columns if c.startswith(("example_", "note_")))]
    for start, last, cells in table.rows:
        if len(cells) > len(columns):
            problems.append(problem(path, start, rule, f"{len(cells)} cells but {len(columns)} columns; check the delimiter and quotes"))
            continue
        row = {col: table.unquote(cell) for col, cell in zip(columns, cells, strict=False) if cell}
        cid = row.get("concept_id", "")
        if not cid:
            problems.append(problem(path, start, rule, "concept_id is empty"))
            continue
        if row.get("locale") not in settings.locale_codes:  # as in the TBX import: lint would refuse the language
            skipped.setdefault(row.get("locale", ""), []).append(start)
            continue
        own = concepts.get(cid)
        if own is None:
            if len(concepts) == MAX_IMPORT_CONCEPTS:
                problems.append(too_many(path, start, rule, "concepts", MAX_IMPORT_CONCEPTS))
                break
            own = concepts[cid] = _Own(start, {k: row[k] for k in concept_keys if k in row}, last)
        _own_row(own, cid, start, row, columns, concept_keys, locale_keys, table, problems)
        own.last_line = max(own.last_line, last)
    for code, lines in skipped.items():
        problems.append(problem(path, lines[0], rule, f"{len(lines)} row(s) in locale '{clip(code)}' not imported (first here): "
                                f"it is not a configured locale; add it to locales in mkdocs.yml to import it", Severity.WARNING))
    out = []
    for cid, own in concepts.items():
        item = _own_concept(cid, own, columns, table, problems, placeholders, settings)
        if item is not None:
            out.append(item)
    problems.extend(placeholders.problems(path, rule))
    return out, problems


def _picked(kind: str, value: str) -> str:
    return PICKLISTS[kind].get(value.casefold(), value)  # an unknown value stays as written: validation reports it


def _own_row(own: _Own, cid: str, line: int, row: dict[str, str], columns: list[str], concept_keys: list[str], locale_keys: list[str],
             table: Table, problems: list[Problem]) -> None:
    """One row of a concept: its term, and its concept and language cells compared with the first ones."""
    path, rule = table.path, table.rule
    if line != own.first_line:
        differ = _same(own.first, row, concept_keys)
        if differ:
            problems.append(problem(path, line, rule, f"'{clip(cid)}': {', '.join(differ)} differ from line {own.first_line}; "
                                    "the first row of a concept wins", Severity.WARNING))
    code = row.get("locale", "")
    if code not in own.locales:
        own.locale_first[code] = {k: row[k] for k in locale_keys if k in row}
        own.locales[code] = _locale_block(row, columns, path, rule, line, problems)
    else:
        differ = _same(own.locale_first[code], row, locale_keys)
        if differ:
            problems.append(problem(path, line, rule, f"'{clip(cid)}' ({code}): {', '.join(differ)} differ from its first row; "
                                    "the first row wins", Severity.WARNING))
    grammar = {k: _picked(k, row[k]) if k != "plural" else row[k] for k in ("pos", "gender", "plural") if row.get(k)}
    term: dict[str, Any] = {"text": row.get("term", ""), "type": _picked("type", row.get("type") or "fullForm"),
                            "status": _picked("status", row.get("status") or "admitted")}
    if row.get("reading"):
        term["reading"] = row["reading"]
    if grammar:
        term["grammar"] = grammar
    if row.get("term_sources"):
        term["sources"] = _split_ids(row["term_sources"])
    if row.get("geographical_usage"):
        term["geographical_usage"] = row["geographical_usage"]
    if row.get("register"):
        term["register"] = _picked("register", row["register"])
    if row.get("term_note"):
        term["note"] = row["term_note"]
    own.locales[code]["terms"].append(term)


def _own_concept(cid: str, own: _Own, columns: list[str], table: Table, problems: list[Problem],
                 placeholders: Placeholders, settings: Settings) -> Imported | None:
    path, rule, first_line, first = table.path, table.rule, own.first_line, own.first
    relations = settings.relation_ids
    sources = []
    numbers = sorted({int(m.group(3)) for c in columns if (m := _NUMBERED.match(c)) and m.group(3)})
    for n in numbers:
        src = {key: first.get(f"source_{n}_{key}", "") for key in SOURCE_KEYS}
        if any(src.values()):
            sources.append({k: v for k, v in src.items() if v})
    if not sources:  # the same policy as the TBX import: a valid entry that lint --strict flags until it is filled in
        sources.append({"title": placeholders.add("source", cid, first_line)})
    for code, block in own.locales.items():
        if not block["definition"]:
            block["definition"] = placeholders.add(f"'{code}' definition", cid, first_line)
    data = {"id": cid, "kind": "concept", "category": first.get("category") or settings.categories[0].id,
            "relations": {name: _split_ids(first.get(name, "")) for name in relations}, "sources": sources, "locales": own.locales}
    try:
        return Imported(Concept.model_validate(data), first_line, last_line=own.last_line, source=table.source)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, path, first_line, rule, cid))
        return None


def _locale_block(row: dict[str, str], columns: list[str], path: str, rule: str, line: int, problems: list[Problem]) -> dict[str, Any]:
    def numbered(prefix: str) -> list[str]:
        keys = sorted((int(c.split("_")[1]), c) for c in columns if re.fullmatch(prefix + r"_\d+", c))
        return [row[c] for _, c in keys if row.get(c)]

    recorded: dict[str, str] = {}
    for pair in row.get("translated_from", "").split():
        m = _HASH_PAIR.match(pair)
        if m:
            recorded[m.group(1)] = m.group(2)
        else:
            problems.append(problem(path, line, rule, f"translated_from item '{clip(pair)}' is not field=hexhash; ignored", Severity.WARNING))
    return {"terms": [], "definition": row.get("definition", ""), "examples": numbered("example"), "notes": numbered("note"), "translated_from": recorded}


# ---- two-column glossaries and mapped headers: one row per concept ----

Mapping = dict[tuple[str, str | None], list[int]]  # (field, locale or None) -> column indexes, in order


def parse_columns(spec: str, table: Table) -> tuple[Mapping | None, list[Problem]]:
    """``term:en=English,term:sv=Swedish,definition:en=Notes`` as column indexes of ``table``'s header."""
    def fail(message: str) -> tuple[None, list[Problem]]:
        return None, [problem(table.path, 1, table.rule, f"--columns: {message}")]

    by_name = {h.strip(): i for i, h in reversed(list(enumerate(table.header)))}
    by_fold = {h.strip().casefold(): i for i, h in reversed(list(enumerate(table.header)))}
    mapping: Mapping = {}
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        key, sep, name = item.partition("=")
        what, _, locale = key.strip().partition(":")
        if not sep or not name.strip() or what not in MAPPED_FIELDS:
            return fail(f"'{clip(item)}' is not FIELD:LOCALE=HEADER (fields: term, definition, note, example with a locale; concept_id, category without)")
        if MAPPED_FIELDS[what] != bool(locale):
            return fail(f"'{clip(item)}': {what} " + ("needs a locale, e.g. term:en=English" if MAPPED_FIELDS[what] else "takes no locale"))
        index = by_name.get(name.strip(), by_fold.get(name.strip().casefold()))
        if index is None:
            return fail(f"no column is named '{clip(name.strip())}' (the header has: {clip(', '.join(h.strip() for h in table.header), 200)})")
        mapping.setdefault((what, locale or None), []).append(index)
    if not any(what == "term" for what, _ in mapping):
        return fail("map at least one term column, e.g. term:en=English")
    return mapping, []


def _pair(table: Table, settings: Settings, options: ImportOptions, source: int, target: int, folded: list[str]) -> tuple[list[Imported], list[Problem]]:
    problems: list[Problem] = []
    src, tgt = pair_languages(settings, options)
    mapping: Mapping = {("term", src): [source], ("term", tgt): [target]}
    for i, name in enumerate(folded):
        if i in (source, target):
            continue
        place = PAIR_EXTRA.get(name)
        if place is not None:
            what, side = place
            mapping.setdefault((what, src if side == "source" else tgt), []).append(i)
        else:
            problems.append(problem(table.path, 1, table.rule, f"column '{clip(table.header[i])}' has no place in the glossary; not imported", Severity.WARNING))
    return _Mapped(table, settings, options, mapping, problems).run()


def pair_languages(settings: Settings, options: ImportOptions) -> tuple[str, str]:
    """The languages of a two-column file: --source-locale (default: the source locale) and --target-locale
    (default: the one other configured locale)."""
    for flag, code in (("--source-locale", options.source_locale), ("--target-locale", options.target_locale)):
        if code is not None and code not in settings.locale_codes:
            raise FatalError(f"{flag} {code}: not a configured locale ({', '.join(settings.locale_codes)})")
    src = options.source_locale or settings.source_locale
    if options.target_locale is not None:
        tgt = options.target_locale
    else:
        others = [c for c in settings.locale_codes if c != src]
        if len(others) != 1:
            raise FatalError(f"a two-column file needs --target-locale (one of {', '.join(others) or 'no other locale'})")
        tgt = others[0]
    if src == tgt:
        raise FatalError(f"--source-locale and --target-locale are both '{src}'")
    return src, tgt


@dataclass
class _New:
    """A concept being built from rows: its terms, definitions, notes and examples per language."""

    id: str
    line: int
    category: str
    last_line: int = 0
    terms: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    base: Concept | None = None  # the existing concept this one extends


@dataclass
class _Mapped:
    """Rows with a term per language: a row whose source term names a concept (already in the glossary, or from an
    earlier row) adds its other terms there; any other row is a new concept with placeholders."""

    table: Table
    settings: Settings
    options: ImportOptions
    mapping: Mapping
    problems: list[Problem]
    placeholders: Placeholders = field(default_factory=Placeholders)
    concepts: list[_New] = field(default_factory=list)
    by_term: dict[tuple[str, str], _New] = field(default_factory=dict)  # (locale, term key) -> concept naming it
    taken: set[str] = field(default_factory=set)
    unchanged: list[int] = field(default_factory=list)  # lines of rows whose every term was known

    def warn(self, line: int, message: str) -> None:
        self.problems.append(problem(self.table.path, line, self.table.rule, message, Severity.WARNING))

    def run(self) -> tuple[list[Imported], list[Problem]]:
        source = self.options.source_locale or self.settings.source_locale
        if ("term", source) not in self.mapping:
            source = next(code for what, code in self.mapping if what == "term" and code is not None)
        self.taken |= self.options.ids
        for concept in self.options.existing:
            self.taken.add(concept.id)
            holder = _New(concept.id, 0, concept.category, base=concept)
            for code, block in concept.locales.items():
                for term in block.terms:
                    self.by_term.setdefault((code, term_key(term.text)), holder)
        skipped = 0
        for line, last, cells in self.table.rows:
            # Cells as written: other tools keep a leading ' as part of the text (only this tool's own layout has the guard).
            values = {key: [c for c in (cells[i].strip() if i < len(cells) else "" for i in idx) if c] for key, idx in self.mapping.items()}
            terms = {code: texts for (what, code), texts in values.items() if what == "term" and code is not None and texts}
            if not terms:
                continue
            if source not in terms:
                skipped += 1
                continue
            if not self.row(line, last, source, terms, values):
                break
        if skipped:
            self.warn(1, f"{skipped} row(s) without a '{source}' term not imported: the {source} term names the concept")
        out: list[Imported] = []
        for new in self.concepts:
            item = self.build(new)
            if item is not None:
                out.append(item)
        if self.unchanged:
            self.warn(min(self.unchanged), f"{len(self.unchanged)} row(s) add nothing: all their terms are in the glossary already (first here)")
        self.problems.extend(self.placeholders.problems(self.table.path, self.table.rule))
        return out, self.problems

    def row(self, line: int, last: int, source: str, terms: dict[str, list[str]], values: dict[tuple[str, str | None], list[str]]) -> bool:
        """Add one row to the concept its source term names (a new one if none does); False past the import's bound."""
        key = (source, term_key(terms[source][0]))
        target = self.by_term.get(key)
        starts = target is None or (target.base is not None and target not in self.concepts)
        if starts and len(self.concepts) == MAX_IMPORT_CONCEPTS:
            self.problems.append(too_many(self.table.path, line, self.table.rule, "concepts", MAX_IMPORT_CONCEPTS))
            return False
        if target is None:
            cid = (values.get(("concept_id", None)) or [""])[0]
            target = _New(cid or self.new_id(terms[source][0], line), line, self.category(values, line))
            self.taken.add(target.id)
            self.concepts.append(target)
        elif target.base is not None and target not in self.concepts:
            target.line = line  # where the file starts extending it
            self.concepts.append(target)  # an existing concept that this row extends
        target.last_line = max(target.last_line, last)
        added = [self.add_term(target, code, text, line) for code, texts in terms.items() for text in texts]
        if target.base is not None and not any(added):
            self.unchanged.append(line)
        for (what, lang), texts in values.items():
            if lang is None or not texts or what == "term":
                continue
            if what == "definition":
                self.add_definition(target, lang, " ".join(texts), line)
            elif what == "context":
                target.notes.setdefault(lang, []).extend(f"context: {t}" for t in texts)
            else:
                (target.notes if what == "note" else target.examples).setdefault(lang, []).extend(texts)
        return True

    def new_id(self, text: str, line: int) -> str:
        from glossary_tool.exchange.tbx import unique_slug

        return unique_slug(text, self.taken, self.settings, f"row-{line}")

    def category(self, values: dict[tuple[str, str | None], list[str]], line: int) -> str:
        written = (values.get(("category", None)) or [""])[0]
        default = self.settings.category_ids[0]
        if not written:
            return default
        for cat in self.settings.categories:
            if term_key(written) in (term_key(cat.id), *(term_key(label) for label in cat.labels.values())):
                return cat.id
        self.warn(line, f"category '{clip(written)}' is not a declared category (nor its label); imported as '{default}'")
        return default

    def add_term(self, target: _New, code: str, text: str, line: int) -> bool:
        """Add ``text`` to ``target`` in ``code`` unless it is known; whether it was added."""
        key = (code, term_key(text))
        other = self.by_term.get(key)
        if other is target:
            return False
        if other is not None:  # lint allows a term for one concept per language (duplicate-term)
            self.warn(line, f"'{clip(text)}' ({code}) already names concept '{clip(other.id)}'; not added to '{clip(target.id)}' too")
            return False
        base_block = target.base.locales.get(code) if target.base is not None else None
        first = base_block is None and not target.terms.get(code)
        target.terms.setdefault(code, []).append({"text": text, "type": "fullForm", "status": "preferred" if first else "admitted"})
        self.by_term[key] = target
        return True

    def add_definition(self, target: _New, code: str, text: str, line: int) -> None:
        base_block = target.base.locales.get(code) if target.base is not None else None
        if base_block is not None or code in target.definitions:
            if (base_block.definition if base_block is not None else target.definitions[code]) != text:
                self.warn(line, f"a second {code} definition for '{clip(target.id)}'; the first is kept")
            return
        target.definitions[code] = text

    def build(self, new: _New) -> Imported | None:
        path, rule = self.table.path, self.table.rule
        if new.base is not None:
            data: dict[str, Any] = new.base.model_dump(mode="python")
            for code, terms in new.terms.items():
                block = data["locales"].get(code)
                if block is None:
                    data["locales"][code] = self.block(new, code, terms)
                else:
                    block["terms"] = [*block["terms"], *terms]
            if not new.terms:
                return None
            ordered = {code: data["locales"][code] for code in (*self.settings.locale_codes, *data["locales"]) if code in data["locales"]}
            data["locales"] = ordered
        else:
            blocks = {code: self.block(new, code, new.terms[code]) for code in self.settings.locale_codes if code in new.terms}
            data = {"id": new.id, "kind": "concept", "category": new.category,
                    "sources": [{"title": self.placeholders.add("source", new.id, new.line)}], "locales": blocks}
        try:
            return Imported(Concept.model_validate(data), new.line, updates=new.base.id if new.base is not None else None,
                            last_line=new.last_line or new.line, source=self.table.source)
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, path, new.line, rule, new.id))
            return None

    def block(self, new: _New, code: str, terms: Sequence[dict[str, str]]) -> dict[str, Any]:
        definition = new.definitions.get(code) or self.placeholders.add(f"'{code}' definition", new.id, new.line)
        return {"terms": list(terms), "definition": definition, "notes": new.notes.get(code, []), "examples": new.examples.get(code, [])}
