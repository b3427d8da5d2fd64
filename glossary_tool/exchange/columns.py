"""The columns of a table with one row per concept, from its header: which column holds which field (term, status, part
of speech, definition, note, example, context, concept id, category, a relation's targets) in which language or role,
as the header names them or ``--columns`` maps them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError

from glossary_tool.core.config import Settings
from glossary_tool.core.problems import Problem, Severity, clip
from glossary_tool.exchange.registry import match_locale, problem

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
    "explanation": ("definition", TARGET),
    "translator_comments": ("definition", TARGET),
    "translator comments": ("definition", TARGET),
    "notes": ("definition", TARGET),
    "developer_comments": ("definition", SOURCE),
    "developer comments": ("definition", SOURCE),
    "description": ("definition", SOURCE),
    "pos": ("pos", SOURCE),
    "part of speech": ("pos", SOURCE),
    "context": ("context", SOURCE),
    "location": None,
    "id": None,
    "stringid": None,
    "fuzzy": None,
    "key": None,
    "state": None,
}
# Field names of a column labelled with a language (``en status``, ``Definition [sv]``) or of an unlabelled one.
FIELDS = {
    "term": "term",
    "status": "status",
    "term status": "status",
    "usage status": "status",
    "definition": "definition",
    "description": "definition",
    "explanation": "definition",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "comments": "note",
    "example": "example",
    "context": "context",
    "pos": "pos",
    "part of speech": "pos",
    "partofspeech": "pos",
}
CONCEPT_FIELDS = {
    "concept_id": "concept_id",
    "concept id": "concept_id",
    "category": "category",
    "subject": "category",
    "subject field": "category",
    "domain": "category",
}
TERM_LEVEL = frozenset({"status", "pos"})
RELATION = "relation:"  # a concept cell holding the targets of the relation named after it
# What --columns maps: field -> whether it takes a locale.
MAPPED_FIELDS = {"term": True, "definition": True, "note": True, "example": True, "status": True, "pos": True, "concept_id": False, "category": False}
_LABELLED = (
    re.compile(r"^(?P<field>.+?)\s*[\[(]\s*(?P<lang>[^\])]+?)\s*[\])]$"),  # Term [en], Definition (sv)
    re.compile(r"^(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)[\s_:]+(?P<field>.+)$"),  # en status, sv_definition
    re.compile(r"^(?P<field>.+?)[\s_:]+(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$"),
)  # definition_en
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
    labelled = _labelled(text, settings, names)
    if labelled is not None:
        return labelled
    if _TAG.match(text):
        return "term", "?" + text
    return None


def _labelled(text: str, settings: Settings, names: dict[str, str]) -> tuple[str, str] | None:
    """(field, language) of a header that labels a known field with a language: ``en status``, ``Definition [sv]``."""
    for pattern in _LABELLED:
        m = pattern.match(text)
        if m and m.group("field").strip().casefold() in FIELDS:
            lang = _language(m.group("lang"), settings, names)
            if lang is not None:
                return FIELDS[m.group("field").strip().casefold()], lang
    return None


def parse_columns(spec: str, table: Table) -> tuple[Columns | None, list[Problem]]:
    """``term:en=English,term:sv=Swedish,definition:en=Notes,pos:en=POS`` as the columns of ``table``'s header. A column
    it does not map, and a header name that more than one column has, are named in a warning."""
    by_name: dict[str, list[int]] = {}
    for i, h in enumerate(table.header):
        by_name.setdefault(h.strip().casefold(), []).append(i)
    columns, problems = Columns(), []
    pending: list[tuple[str, str, int]] = []
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        mapped = _mapped(item, by_name, table)
        if isinstance(mapped, str):
            return None, [problem(table.path, 1, table.rule, f"--columns: {mapped}")]
        what, locale, name, found = mapped
        problems += _named_twice(table, name, found)
        _place(columns, pending, what, locale, found[0])
    if not columns.slots:
        return None, [problem(table.path, 1, table.rule, "--columns: map at least one term column, e.g. term:en=English")]
    columns.slots.sort(key=lambda s: s.index)
    for what, locale, index in pending:
        columns.attach(what, locale, index)
    return columns, problems + _unmapped(table, columns)


def _named_twice(table: Table, name: str, found: list[int]) -> list[Problem]:
    """A warning when more than one column has the header name --columns maps: the first is read."""
    if len(found) <= 1:
        return []
    return [
        problem(
            table.path,
            1,
            table.rule,
            f"--columns: {len(found)} columns are named '{clip(name)}' (columns {', '.join(str(i + 1) for i in found)}); column {found[0] + 1} is read",
            Severity.WARNING,
        )
    ]


def _unmapped(table: Table, columns: Columns) -> list[Problem]:
    """A warning naming the columns --columns maps no field to."""
    unmapped = [h.strip() or f"column {i + 1}" for i, h in enumerate(table.header) if i not in columns.used]
    if not unmapped:
        return []
    return [
        problem(
            table.path,
            1,
            table.rule,
            f"--columns maps no field to {len(unmapped)} column(s): {clip(', '.join(unmapped), 200)}; they are not imported",
            Severity.WARNING,
        )
    ]


def _mapped(item: str, by_name: dict[str, list[int]], table: Table) -> tuple[str, str, str, list[int]] | str:
    """One ``FIELD:LOCALE=HEADER`` of --columns as (field, locale, header, the columns so named), or what is wrong with it."""
    key, sep, name = item.partition("=")
    what, _, locale = key.strip().partition(":")
    wrong = _wrong_form(item, what, locale, bool(sep and name.strip()))
    if wrong is not None:
        return wrong
    found = by_name.get(name.strip().casefold())
    if not found:
        return f"no column is named '{clip(name.strip())}' (the header has: {clip(', '.join(h.strip() for h in table.header), 200)})"
    return what, locale, name.strip(), found


def _wrong_form(item: str, what: str, locale: str, named: bool) -> str | None:
    """What is wrong with the form of one item of --columns: no header named, an unknown field, or a locale given
    to a field that takes none (or missing from one that needs it)."""
    if not named or what not in MAPPED_FIELDS:
        return (
            f"'{clip(item)}' is not FIELD:LOCALE=HEADER (fields: {', '.join(f for f, lang in MAPPED_FIELDS.items() if lang)} "
            f"with a locale; {', '.join(f for f, lang in MAPPED_FIELDS.items() if not lang)} without)"
        )
    if MAPPED_FIELDS[what] != bool(locale):
        return f"'{clip(item)}': {what} " + ("needs a locale, e.g. term:en=English" if MAPPED_FIELDS[what] else "takes no locale")
    return None


def _place(columns: Columns, pending: list[tuple[str, str, int]], what: str, locale: str, index: int) -> None:
    """A mapped column in ``columns``; a status or part of speech waits in ``pending`` until every term column is known."""
    if what == "term":
        columns.slots.append(Slot(locale, index))
    elif what in TERM_LEVEL:
        pending.append((what, locale, index))
    elif locale:
        columns.texts.setdefault((what, locale), []).append(index)
    else:
        columns.concept[what] = index


def header_columns(table: Table, settings: Settings) -> tuple[Columns | None, list[Problem]]:
    """The columns of a header that names its languages (``en,sv``; ``en,en status,en definition``; ``Term [en]``), or
    None when no column is a term column. Unlabelled fields (``comment``, ``pos``) belong to the source language;
    a column in a language that is not configured, or that names nothing known, is named in a warning."""
    header = _Header(settings, language_names(settings), {r.casefold(): r for r in settings.relation_ids})
    for i, h in enumerate(table.header):
        header.column(i, h)
    columns = header.columns
    if not any(s.lang != SOURCE for s in columns.slots):
        return None, []
    for what, lang, index in header.pending:
        columns.attach(what, lang, index)
    return columns, _left_out(table, header.skipped_langs, header.unknown)


@dataclass
class _Header:
    """A header that names its languages while its columns are read: what each column holds, the status and part of
    speech columns waiting for every term column, and the columns left out (by language, or naming nothing known)."""

    settings: Settings
    names: dict[str, str]  # language names (English and own) to locales
    relations: dict[str, str]  # casefolded relation ids to the ids
    columns: Columns = field(default_factory=Columns)
    pending: list[tuple[str, str, int]] = field(default_factory=list)
    skipped_langs: dict[str, list[str]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)

    def column(self, i: int, h: str) -> None:
        """One column of the header, placed or set aside."""
        folded = " ".join(h.split()).casefold()
        if folded in self.relations:  # a relation's targets, by id (the multilingual spreadsheet has them)
            self.columns.concept[RELATION + self.relations[folded]] = i
            return
        found = classify(h, self.settings, self.names)
        if found is None:
            if h.strip():
                self.unknown.append(h.strip())
            return
        what, lang = found
        if lang is not None and lang.startswith("?"):
            self.skipped_langs.setdefault(lang[1:], []).append(h.strip())
            return
        # A field without a language is the source language's; the concept's fields have none.
        _place(self.columns, self.pending, what, "" if what in CONCEPT_FIELDS.values() else lang or SOURCE, i)


def _left_out(table: Table, skipped_langs: dict[str, list[str]], unknown: list[str]) -> list[Problem]:
    """A warning per language that is not configured, naming its columns, and one naming the columns of no known field."""
    problems = [
        problem(
            table.path,
            1,
            table.rule,
            f"{len(headers)} column(s) in '{clip(tag)}' not imported ({clip(', '.join(headers), 120)}): "
            "it is not a configured locale; add it to locales in mkdocs.yml to import it",
            Severity.WARNING,
        )
        for tag, headers in skipped_langs.items()
    ]
    if unknown:
        problems.append(
            problem(
                table.path,
                1,
                table.rule,
                f"column(s) {clip(', '.join(repr(u) for u in unknown), 200)} have no place in the glossary; not imported",
                Severity.WARNING,
            )
        )
    return problems


def _row_language_columns(folded: list[str]) -> tuple[int | None, int | None]:
    """The columns that say each row's source and target language (``sourceLang``, ``targetLang``), when present."""
    row_source = next((i for i, name in enumerate(folded) if name in ROW_SOURCE), None)
    row_target = next((i for i, name in enumerate(folded) if name in ROW_TARGET), None)
    return row_source, row_target


def _pair_extra(table: Table, columns: Columns, i: int, name: str) -> str | None:
    """A two-column file's other column placed in ``columns``; its name when the glossary has no place for it."""
    place = PAIR_EXTRA.get(name)
    if place is None:
        return table.header[i].strip() or f"column {i + 1}"
    if place[0] in TERM_LEVEL:
        columns.attach(place[0], place[1], i)
    else:
        columns.texts.setdefault(place, []).append(i)
    return None


def pair_columns(table: Table, source: int, target: int, folded: list[str]) -> tuple[Columns, list[Problem]]:
    """The columns of a two-column file (``source,target``) and of its other columns that the glossary holds."""
    columns, problems = Columns(), []
    columns.slots += [Slot(SOURCE, source), Slot(TARGET, target)]
    row_source, row_target = _row_language_columns(folded)
    if row_source is not None and row_target is not None:
        columns.row_languages = (row_source, row_target)
    taken = (source, target, row_source, row_target)
    skipped = [_pair_extra(table, columns, i, name) for i, name in enumerate(folded) if i not in taken]
    skipped = [name for name in skipped if name is not None]
    if skipped:
        problems.append(
            problem(
                table.path,
                1,
                table.rule,
                f"column(s) {clip(', '.join(repr(s) for s in skipped), 200)} have no place in the glossary; not imported",
                Severity.WARNING,
            )
        )
    return columns, problems
