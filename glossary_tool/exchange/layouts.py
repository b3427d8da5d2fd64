"""Tables with one row per concept, as other tools write them: the file's header says which column holds what and in
which language (``source,target`` with ``sourceLang,targetLang``; ``en,sv``; ``en,en status,en definition``; ``Term [en]``).

A row whose source term (or ``concept_id``) names a concept already in the glossary is merged into it; any other row
is a new concept, with placeholders for what the file does not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from pydantic import ValidationError

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept
from glossary_tool.core.problems import FatalError, Problem, Severity, clip
from glossary_tool.core.terms import term_key
from glossary_tool.exchange.picklists import part_of_speech, status_of
from glossary_tool.exchange.registry import (
    MAX_IMPORT_CONCEPTS,
    Imported,
    ImportOptions,
    Losses,
    Placeholders,
    match_locale,
    problem,
    too_many,
    validation_problems,
)

if TYPE_CHECKING:
    from glossary_tool.exchange.table import Table

# Roles of a language that the options or each row decide: the language that names the concept, and the other one.
SOURCE, TARGET = "<source>", "<target>"
# Headers of two-column glossaries, compared ignoring case; translate-toolkit's aliases included.
PAIR_SOURCE = frozenset({"source", "sourcestring", "original", "untranslated", "source term"})
PAIR_TARGET = frozenset({"target", "targetstring", "translation", "translated", "target term"})
# Columns that give each row's languages (Google's glossaries: sourceLang,targetLang on every row).
ROW_SOURCE = frozenset({"sourcelang", "source lang", "source language", "source_lang", "sourcelanguage", "source locale"})
ROW_TARGET = frozenset({"targetlang", "target lang", "target language", "target_lang", "targetlanguage", "target locale"})
# Other columns of two-column files and where they go; None: nothing in the glossary holds it (named in a warning).
# Weblate reads the translator's comment as the translation's explanation and the developer's as the source's; Google's
# description is of the source term.
PAIR_EXTRA: dict[str, tuple[str, str] | None] = {
    "explanation": ("definition", TARGET), "translator_comments": ("definition", TARGET),
    "translator comments": ("definition", TARGET), "notes": ("definition", TARGET),
    "developer_comments": ("definition", SOURCE), "developer comments": ("definition", SOURCE),
    "description": ("definition", SOURCE), "pos": ("pos", SOURCE), "part of speech": ("pos", SOURCE),
    "context": ("context", SOURCE), "location": None, "id": None, "stringid": None, "fuzzy": None, "key": None, "state": None,
}
# Field names of a column labelled with a language (``en status``, ``Definition [sv]``) or of an unlabelled one.
FIELDS = {
    "term": "term", "status": "status", "term status": "status", "usage status": "status", "definition": "definition",
    "description": "definition", "explanation": "definition", "note": "note", "notes": "note", "comment": "note",
    "comments": "note", "example": "example", "context": "context", "pos": "pos", "part of speech": "pos",
    "partofspeech": "pos",
}
CONCEPT_FIELDS = {"concept_id": "concept_id", "concept id": "concept_id", "category": "category", "subject": "category",
                  "subject field": "category", "domain": "category"}
TERM_LEVEL = frozenset({"status", "pos"})
RELATION = "relation:"  # a concept cell holding the targets of the relation named after it
# What --columns maps: field -> whether it takes a locale.
MAPPED_FIELDS = {"term": True, "definition": True, "note": True, "example": True, "status": True, "pos": True,
                 "concept_id": False, "category": False}
_LABELLED = (re.compile(r"^(?P<field>.+?)\s*[\[(]\s*(?P<lang>[^\])]+?)\s*[\])]$"),  # Term [en], Definition (sv)
             re.compile(r"^(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)[\s_:]+(?P<field>.+)$"),  # en status, sv_definition
             re.compile(r"^(?P<field>.+?)[\s_:]+(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$"))  # definition_en
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass(slots=True)
class Slot:
    """A term column, in a language or a role, with the columns of that term's status and part of speech."""

    lang: str
    index: int
    status: int | None = None
    pos: int | None = None


@dataclass(slots=True)
class Columns:
    """What each column of a one-row-per-concept table holds."""

    slots: list[Slot] = field(default_factory=list)
    texts: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (definition|note|example|context, language or role)
    concept: dict[str, int] = field(default_factory=dict)  # concept_id, category
    row_languages: tuple[int, int] | None = None  # the sourceLang and targetLang columns

    def attach(self, what: str, lang: str, index: int) -> None:
        """A status or part-of-speech column: it belongs to the nearest term column of its language before it (else the
        first one after it)."""
        before = [s for s in self.slots if s.lang == lang and s.index < index]
        slot = before[-1] if before else next((s for s in self.slots if s.lang == lang), None)
        if slot is not None and getattr(slot, what) is None:
            setattr(slot, what, index)

    @property
    def used(self) -> set[int]:
        found = {s.index for s in self.slots} | {i for s in self.slots for i in (s.status, s.pos) if i is not None}
        found |= {i for cols in self.texts.values() for i in cols} | set(self.concept.values())
        return found | set(self.row_languages or ())


def language_names(settings: Settings) -> dict[str, str]:
    """Every name a header may give a configured language: its tag, its configured name, its name in English and in
    itself (``Swedish``, ``svenska``), as Trados' Glossary Converter and memoQ write them, case-folded."""
    names: dict[str, str] = {}
    for loc in settings.locales:
        names.setdefault(loc.code.casefold(), loc.code)
        if loc.name:
            names.setdefault(loc.name.casefold(), loc.code)
        try:
            babel = Locale.parse(loc.code.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            continue
        for name in (babel.get_display_name("en"), babel.get_display_name(babel), babel.english_name):
            if name:
                names.setdefault(name.casefold(), loc.code)
    return names


def _language(text: str, settings: Settings, names: dict[str, str]) -> str | None:
    """The configured locale a header's language part names; ``?tag`` for a language tag that is not configured."""
    found = names.get(text.strip().casefold()) or match_locale(text, settings)
    if found is not None:
        return found
    return "?" + text.strip() if _TAG.match(text.strip()) else None


def classify(header: str, settings: Settings, names: dict[str, str]) -> tuple[str, str | None] | None:
    """(field, language) of a header: ``en`` or ``English`` → (term, en); ``en status`` → (status, en); ``Definition [sv]``
    → (definition, sv); ``comment`` → (note, None); ``subject`` → (category, None); None if it names nothing known.
    A language that is not configured is ``?tag``."""
    text = " ".join(header.split())
    folded = text.casefold()
    if folded in CONCEPT_FIELDS:
        return CONCEPT_FIELDS[folded], None
    code = names.get(folded) or match_locale(text, settings) if " " not in text else names.get(folded)
    if code is not None:
        return "term", code
    if folded in FIELDS:
        return FIELDS[folded], None
    for pattern in _LABELLED:
        m = pattern.match(text)
        if m and m.group("field").strip().casefold() in FIELDS:
            lang = _language(m.group("lang"), settings, names)
            if lang is not None:
                return FIELDS[m.group("field").strip().casefold()], lang
    if _TAG.match(text):
        return "term", "?" + text
    return None


def pair_languages(settings: Settings, options: ImportOptions) -> tuple[str, str]:
    """The languages of a two-column file that says nothing of them: --source-locale (default: the source locale) and
    --target-locale (default: the one other configured locale)."""
    check_locales(settings, options)
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


def check_locales(settings: Settings, options: ImportOptions) -> None:
    for flag, code in (("--source-locale", options.source_locale), ("--target-locale", options.target_locale)):
        if code is not None and code not in settings.locale_codes:
            raise FatalError(f"{flag} {code}: not a configured locale ({', '.join(settings.locale_codes)})")


def parse_columns(spec: str, table: Table) -> tuple[Columns | None, list[Problem]]:
    """``term:en=English,term:sv=Swedish,definition:en=Notes,pos:en=POS`` as the columns of ``table``'s header. A column
    it does not map, and a header name that more than one column has, are named in a warning."""
    def fail(message: str) -> tuple[None, list[Problem]]:
        return None, [problem(table.path, 1, table.rule, f"--columns: {message}")]

    by_name: dict[str, list[int]] = {}
    for i, h in enumerate(table.header):
        by_name.setdefault(h.strip().casefold(), []).append(i)
    columns, problems = Columns(), []
    pending: list[tuple[str, str, int]] = []
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        key, sep, name = item.partition("=")
        what, _, locale = key.strip().partition(":")
        if not sep or not name.strip() or what not in MAPPED_FIELDS:
            return fail(f"'{clip(item)}' is not FIELD:LOCALE=HEADER (fields: {', '.join(f for f, lang in MAPPED_FIELDS.items() if lang)} "
                        f"with a locale; {', '.join(f for f, lang in MAPPED_FIELDS.items() if not lang)} without)")
        if MAPPED_FIELDS[what] != bool(locale):
            return fail(f"'{clip(item)}': {what} " + ("needs a locale, e.g. term:en=English" if MAPPED_FIELDS[what] else "takes no locale"))
        found = by_name.get(name.strip().casefold())
        if not found:
            return fail(f"no column is named '{clip(name.strip())}' (the header has: {clip(', '.join(h.strip() for h in table.header), 200)})")
        if len(found) > 1:
            problems.append(problem(table.path, 1, table.rule, f"--columns: {len(found)} columns are named '{clip(name.strip())}' "
                                    f"(columns {', '.join(str(i + 1) for i in found)}); column {found[0] + 1} is read", Severity.WARNING))
        index = found[0]
        if what == "term":
            columns.slots.append(Slot(locale, index))
        elif what in TERM_LEVEL:
            pending.append((what, locale, index))
        elif locale:
            columns.texts.setdefault((what, locale), []).append(index)
        else:
            columns.concept[what] = index
    if not columns.slots:
        return fail("map at least one term column, e.g. term:en=English")
    columns.slots.sort(key=lambda s: s.index)
    for what, locale, index in pending:
        columns.attach(what, locale, index)
    unmapped = [h.strip() or f"column {i + 1}" for i, h in enumerate(table.header) if i not in columns.used]
    if unmapped:
        problems.append(problem(table.path, 1, table.rule, f"--columns maps no field to {len(unmapped)} column(s): {clip(', '.join(unmapped), 200)}; "
                                "they are not imported", Severity.WARNING))
    return columns, problems


def header_columns(table: Table, settings: Settings) -> tuple[Columns | None, list[Problem]]:
    """The columns of a header that names its languages (``en,sv``; ``en,en status,en definition``; ``Term [en]``), or
    None when no column is a term column. Unlabelled fields (``comment``, ``pos``) belong to the source language;
    a column in a language that is not configured, or that names nothing known, is named in a warning."""
    names = language_names(settings)
    columns, problems = Columns(), []
    skipped_langs: dict[str, list[str]] = {}
    unknown: list[str] = []
    pending: list[tuple[str, str, int]] = []
    relations = {r.casefold(): r for r in settings.relation_ids}
    for i, h in enumerate(table.header):
        if " ".join(h.split()).casefold() in relations:  # a relation's targets, by id (the multilingual spreadsheet has them)
            columns.concept[RELATION + relations[" ".join(h.split()).casefold()]] = i
            continue
        found = classify(h, settings, names)
        if found is None:
            if h.strip():
                unknown.append(h.strip())
            continue
        what, lang = found
        if lang is not None and lang.startswith("?"):
            skipped_langs.setdefault(lang[1:], []).append(h.strip())
            continue
        if what == "term":
            columns.slots.append(Slot(lang or SOURCE, i))
        elif what in TERM_LEVEL:
            pending.append((what, lang or SOURCE, i))
        elif what in ("concept_id", "category"):
            columns.concept[what] = i
        else:
            columns.texts.setdefault((what, lang or SOURCE), []).append(i)
    if not any(s.lang != SOURCE for s in columns.slots):
        return None, []
    for what, lang, index in pending:
        columns.attach(what, lang, index)
    for tag, headers in skipped_langs.items():
        problems.append(problem(table.path, 1, table.rule, f"{len(headers)} column(s) in '{clip(tag)}' not imported ({clip(', '.join(headers), 120)}): "
                                "it is not a configured locale; add it to locales in mkdocs.yml to import it", Severity.WARNING))
    if unknown:
        problems.append(problem(table.path, 1, table.rule, f"column(s) {clip(', '.join(repr(u) for u in unknown), 200)} have no place in the glossary; "
                                "not imported", Severity.WARNING))
    return columns, problems


def pair_columns(table: Table, source: int, target: int, folded: list[str]) -> tuple[Columns, list[Problem]]:
    """The columns of a two-column file (``source,target``) and of its other columns that the glossary holds."""
    columns, problems = Columns(), []
    columns.slots += [Slot(SOURCE, source), Slot(TARGET, target)]
    row_source = next((i for i, name in enumerate(folded) if name in ROW_SOURCE), None)
    row_target = next((i for i, name in enumerate(folded) if name in ROW_TARGET), None)
    if row_source is not None and row_target is not None:
        columns.row_languages = (row_source, row_target)
    skipped = []
    for i, name in enumerate(folded):
        if i in (source, target, row_source, row_target):
            continue
        place = PAIR_EXTRA.get(name)
        if place is None:
            skipped.append(table.header[i].strip() or f"column {i + 1}")
        elif place[0] in TERM_LEVEL:
            columns.attach(place[0], place[1], i)
        else:
            columns.texts.setdefault(place, []).append(i)
    if skipped:
        problems.append(problem(table.path, 1, table.rule, f"column(s) {clip(', '.join(repr(s) for s in skipped), 200)} have no place in the glossary; "
                                "not imported", Severity.WARNING))
    return columns, problems


@dataclass
class _New:
    """A concept being built from rows: its terms (with the status and part of speech the file gives), definitions,
    notes and examples per language."""

    id: str
    line: int
    category: str
    category_given: bool = False
    last_line: int = 0
    terms: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    given: set[tuple[str, str, str]] = field(default_factory=set)  # ("status", locale, term) the file states
    definitions: dict[str, str] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    relations: dict[str, list[str]] = field(default_factory=dict)
    base: Concept | None = None  # the existing concept this one is merged into


@dataclass
class Rows:
    """Rows with terms per language read into concepts: a row whose ``concept_id`` or source term names a concept (in
    the glossary, or from an earlier row) adds to it, and so does one whose other term does in a file that lists each
    synonym on a row of its own; any other row is a new concept with placeholders."""

    table: Table
    settings: Settings
    options: ImportOptions
    columns: Columns
    problems: list[Problem]
    placeholders: Placeholders = field(default_factory=Placeholders)
    losses: Losses = field(default_factory=Losses)
    concepts: list[_New] = field(default_factory=list)
    by_term: dict[tuple[str, str], _New] = field(default_factory=dict)  # (locale, term key) -> concept naming it
    by_id: dict[str, _New] = field(default_factory=dict)
    pos_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (locale, term key) -> part of speech a row gave
    taken: set[str] = field(default_factory=set)
    unchanged: list[int] = field(default_factory=list)  # lines of rows whose every term was known
    roles: dict[str, str] = field(default_factory=dict)  # SOURCE/TARGET -> locale, when the file does not say per row
    skipped_pairs: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def warn(self, line: int, message: str) -> None:
        self.problems.append(problem(self.table.path, line, self.table.rule, message, Severity.WARNING))

    def run(self) -> tuple[list[Imported], list[Problem]]:
        check_locales(self.settings, self.options)
        roles_used = {s.lang for s in self.columns.slots} | {lang for _, lang in self.columns.texts}
        if self.columns.row_languages is None and TARGET in roles_used:
            src, tgt = pair_languages(self.settings, self.options)
            self.roles = {SOURCE: src, TARGET: tgt}
        elif self.columns.row_languages is None:
            langs = [s.lang for s in self.columns.slots if s.lang != SOURCE]
            named = self.options.source_locale
            if named is not None and named not in langs:
                return [], [problem(self.table.path, 1, self.table.rule, f"--source-locale {named}: the file has no column in that language "
                                    f"(its languages: {', '.join(dict.fromkeys(langs))})")]
            if self.options.target_locale is not None and self.options.target_locale not in langs:
                return [], [problem(self.table.path, 1, self.table.rule, f"--target-locale {self.options.target_locale}: the file has no column "
                                    f"in that language (its languages: {', '.join(dict.fromkeys(langs))})")]
            source = named or (self.settings.source_locale if self.settings.source_locale in langs else langs[0])
            self.roles = {SOURCE: source}
        self.taken |= self.options.ids
        for concept in self.options.existing:
            self.taken.add(concept.id)
            holder = _New(concept.id, 0, concept.category, base=concept)
            self.by_id[concept.id] = holder
            for code, block in concept.locales.items():
                for term in block.terms:
                    self.by_term.setdefault((code, term_key(term.text)), holder)
        skipped = 0
        for line, last, cells in self.table.rows:
            roles = self.row_roles(line, cells)
            if roles is None:
                if any(p.severity is Severity.ERROR for p in self.problems):
                    return [], self.problems
                continue
            found = self.read(cells, roles)
            if found is None:
                continue
            terms, texts, cells_of_concept = found
            source = roles[SOURCE]
            if not terms.get(source):
                skipped += 1
                continue
            if not self.row(line, last, source, terms, texts, cells_of_concept):
                break
        if skipped:
            self.warn(1, f"{skipped} row(s) without a term in the source language not imported: the source term names the concept")
        for (src, tgt), lines in self.skipped_pairs.items():
            self.warn(lines[0], f"{len(lines)} row(s) in {clip(src)} → {clip(tgt)} not imported (first here): not a pair of configured locales; "
                      "add the languages to locales in mkdocs.yml to import them")
        out: list[Imported] = []
        for new in self.concepts:
            item = self.build(new)
            if item is not None:
                out.append(item)
        if self.unchanged:
            self.warn(min(self.unchanged), f"{len(self.unchanged)} row(s) add nothing: all their terms are in the glossary already (first here)")
        self.problems.extend(self.placeholders.problems(self.table.path, self.table.rule))
        self.problems.extend(self.losses.problems(self.table.path, self.table.rule))
        return out, self.problems

    def row_roles(self, line: int, cells: list[str]) -> dict[str, str] | None:
        """The languages of a row: the options' (or the header's), or what its sourceLang and targetLang cells say. A row
        in a language pair that is not configured is skipped; one that contradicts --source-locale or --target-locale
        stops the import with an error, since its terms would land in the wrong language."""
        if self.columns.row_languages is None:
            return self.roles
        said = [cells[i].strip() if i < len(cells) else "" for i in self.columns.row_languages]
        if not any(said):  # a row that does not say (DeepL's language columns are optional): the options decide
            if not self.roles:
                src, tgt = pair_languages(self.settings, self.options)
                self.roles = {SOURCE: src, TARGET: tgt}
            return self.roles
        codes = [match_locale(tag, self.settings) if tag else None for tag in said]
        for flag, given, tag, code in zip(("--source-locale", "--target-locale"), (self.options.source_locale, self.options.target_locale),
                                          said, codes, strict=True):
            if given is not None and code is not None and code != given:
                self.problems.append(problem(self.table.path, line, self.table.rule, f"the file says this row is in '{clip(tag)}', but {flag} is "
                                             f"{given}: the file's languages decide; leave {flag} out, or import the file into the project of its languages"))
                return None
        if codes[0] is None or codes[1] is None or codes[0] == codes[1]:
            self.skipped_pairs.setdefault((said[0] or "?", said[1] or "?"), []).append(line)
            return None
        return {SOURCE: codes[0], TARGET: codes[1]}

    def read(self, cells: list[str], roles: dict[str, str]) -> tuple[dict[str, list[tuple[str, str | None, str | None]]], dict[tuple[str, str], list[str]], dict[str, str]] | None:
        """A row's terms per language (with status and part of speech cells), texts per (field, language), concept cells."""
        def cell(i: int | None) -> str:
            return self.table.unquote(cells[i].strip()) if i is not None and i < len(cells) else ""

        terms: dict[str, list[tuple[str, str | None, str | None]]] = {}
        for slot in self.columns.slots:
            text = cell(slot.index)
            if text:
                terms.setdefault(roles.get(slot.lang, slot.lang), []).append((text, cell(slot.status) or None, cell(slot.pos) or None))
        if not terms:
            return None
        texts = {(what, roles.get(lang, lang)): [t for t in (cell(i) for i in idx) if t] for (what, lang), idx in self.columns.texts.items()}
        concept = {what: cell(i) for what, i in self.columns.concept.items() if cell(i)}
        return terms, texts, concept

    def row(self, line: int, last: int, source: str, terms: dict[str, list[tuple[str, str | None, str | None]]],
            texts: dict[tuple[str, str], list[str]], concept: dict[str, str]) -> bool:
        """Add one row to the concept its id or source term names (a new one if none does); False past the bound."""
        first, _, pos = terms[source][0]
        key = (source, term_key(first))
        cid = concept.get("concept_id", "")
        target = self.by_id.get(cid) if cid else None
        target = target or self.by_term.get(key)
        if target is None and self.table.synonym_rows:  # DeepL and OmegaT list each source term on a row of its own
            target = next((self.by_term[(code, term_key(text))] for code, items in terms.items() if code != source
                           for text, _, _ in items if (code, term_key(text)) in self.by_term), None)
        starts = target is None or (target.base is not None and target not in self.concepts)
        if starts and len(self.concepts) == MAX_IMPORT_CONCEPTS:
            self.problems.append(too_many(self.table.path, line, self.table.rule, "concepts", MAX_IMPORT_CONCEPTS))
            return False
        if target is None:
            target = _New(cid or self.new_id(first, line), line, *self.category(concept, line))
            self.taken.add(target.id)
            self.by_id[target.id] = target
            self.concepts.append(target)
        elif target.base is not None and target not in self.concepts:
            target.line = line  # where the file starts merging into it
            target.category, target.category_given = self.category(concept, line) if "category" in concept else (target.category, False)
            self.concepts.append(target)
        elif pos is not None and self.pos_of.get(key) not in (None, pos):
            self.losses.add("duplicate terms", line, f"'{first}' ({source}) as a {pos}, an earlier row has it as a {self.pos_of[key]}",
                            "its terms were added to the earlier row's concept (a term names one concept per language)")
        target.last_line = max(target.last_line, last)
        for name, cell in concept.items():
            if name.startswith(RELATION):
                targets = target.relations.setdefault(name.removeprefix(RELATION), [])
                targets += [t for t in cell.replace(",", " ").split() if t not in targets and t != target.id]
        added = [self.add_term(target, code, text, status, pos_cell, line) for code, items in terms.items() for text, status, pos_cell in items]
        if target.base is not None and not any(added):
            self.unchanged.append(line)
        for (what, lang), values in texts.items():
            if not values or lang not in self.settings.locale_codes:
                continue
            if what == "definition":
                self.add_definition(target, lang, " ".join(values), line)
            elif what == "context":
                self.losses.add("contexts", line, values[0], "kept as notes starting 'context:' in the language of the source term")
                target.notes.setdefault(lang, []).extend(f"context: {v}" for v in values)
            else:
                (target.notes if what == "note" else target.examples).setdefault(lang, []).extend(values)
        return True

    def new_id(self, text: str, line: int) -> str:
        from glossary_tool.exchange.tbx.mapping import unique_slug

        return unique_slug(text, self.taken, self.settings, f"row-{line}")

    def category(self, concept: dict[str, str], line: int) -> tuple[str, bool]:
        """The category a row's category cell names (by id or label), and whether the file named it."""
        written = concept.get("category", "")
        default = self.settings.category_ids[0]
        if not written:
            return default, False
        for cat in self.settings.categories:
            if term_key(written) in (term_key(cat.id), *(term_key(label) for label in cat.labels.values())):
                return cat.id, True
        self.warn(line, f"category '{clip(written)}' is not a declared category (nor its label); imported as '{default}'")
        return default, False

    def add_term(self, target: _New, code: str, text: str, status: str | None, pos: str | None, line: int) -> bool:
        """Add ``text`` to ``target`` in ``code`` (or its status and part of speech, when the term is there); whether the
        row said anything new."""
        if code not in self.settings.locale_codes:
            return False
        key = (code, term_key(text))
        other = self.by_term.get(key)
        if other is not None and other is not target:  # lint allows a term for one concept per language (duplicate-term)
            self.warn(line, f"'{clip(text)}' ({code}) already names concept '{clip(other.id)}'; not added to '{clip(target.id)}' too")
            return False
        term = next((t for t in target.terms.get(code, []) if term_key(t["text"]) == key[1]), None)
        known = other is target and term is None  # a term of the existing entry, not yet listed by the file
        if term is None:
            base_block = target.base.locales.get(code) if target.base is not None else None
            first = base_block is None and not target.terms.get(code)
            term = {"text": text, "type": "fullForm", "status": "preferred" if first else "admitted"}
            target.terms.setdefault(code, []).append(term)
            self.by_term[key] = target
        said = False
        if status is not None:
            found = status_of(status)
            if found is None:
                self.losses.add("statuses", line, f"'{status}' of '{text}'", "not a status the glossary has (preferred, admitted, deprecated or forbidden, "
                                "obsolete, proposed); the term keeps its status, or is admitted")
            else:
                term["status"] = found
                target.given.add(("status", code, text))
                said = True
        if pos is not None:
            value = part_of_speech(pos)
            if value is None:
                self.losses.add("part of speech", line, f"'{pos}' of '{text}'", "not a value the glossary has; left out")
            else:
                term.setdefault("grammar", {}).setdefault("pos", value)  # the first row that says wins
                self.pos_of.setdefault(key, pos)
                said = True
        return said or not known

    def add_definition(self, target: _New, code: str, text: str, line: int) -> None:
        if code in target.definitions:
            if target.definitions[code] != text:
                self.warn(line, f"a second {code} definition for '{clip(target.id)}'; the first is kept")
            return
        target.definitions[code] = text

    def build(self, new: _New) -> Imported | None:
        """The concept as the file gives it; for an existing concept, what the file says of it (``updates`` names it,
        and the merge keeps the rest)."""
        assumed: set[tuple[str, ...]] = set() if new.category_given else {("category",)}
        for code, terms in new.terms.items():
            for term in terms:
                assumed.add(("type", code, term["text"]))
                if ("status", code, term["text"]) not in new.given:
                    assumed.add(("status", code, term["text"]))
        if new.base is not None:
            blocks = {code: self.block(new, code, new.terms[code], silent=True) for code in self.settings.locale_codes if code in new.terms}
            data: dict[str, Any] = {"id": new.base.id, "kind": "concept", "category": new.category if new.category_given else new.base.category,
                                    "relations": new.relations, "sources": [{"title": "TODO"}], "locales": blocks}
        else:
            blocks = {code: self.block(new, code, new.terms[code]) for code in self.settings.locale_codes if code in new.terms}
            data = {"id": new.id, "kind": "concept", "category": new.category, "relations": new.relations,
                    "sources": [{"title": self.placeholders.add("source", new.id, new.line)}], "locales": blocks}
        try:
            return Imported(Concept.model_validate(data), new.line, updates=new.base.id if new.base is not None else None,
                            last_line=new.last_line or new.line, source=self.table.source, assumed=frozenset(assumed))
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, self.table.path, new.line, self.table.rule, new.id))
            return None

    def block(self, new: _New, code: str, terms: Sequence[dict[str, Any]], *, silent: bool = False) -> dict[str, Any]:
        """A language of the concept; a definition the file does not give is a placeholder (reported, unless the block
        is only what the file says of an existing entry, whose merge never writes a placeholder)."""
        definition = new.definitions.get(code) or ("TODO" if silent else self.placeholders.add(f"'{code}' definition", new.id, new.line))
        return {"terms": list(terms), "definition": definition, "notes": new.notes.get(code, []), "examples": new.examples.get(code, [])}
