"""Tables (CSV rows, spreadsheet rows) → concepts, in every layout the import recognises by its header.

This tool's own layout (one row per term) is read here; layouts with one row per concept (two-column glossaries,
a column per language, any header mapped with ``--columns``: ``columns.py`` reads the header) in ``layouts.py``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import ValidationError

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept
from glossary_tool.core.problems import Problem, Severity, clip
from glossary_tool.core.vocabulary import Gender, PartOfSpeech, Register, Status, TermType
from glossary_tool.exchange.columns import PAIR_SOURCE, PAIR_TARGET, header_columns, pair_columns, parse_columns
from glossary_tool.exchange.layouts import Rows
from glossary_tool.exchange.registry import (
    MAX_IMPORT_CELLS,
    MAX_IMPORT_COLUMNS,
    MAX_IMPORT_CONCEPTS,
    MAX_IMPORT_ROWS,
    Imported,
    ImportOptions,
    Losses,
    Placeholders,
    Source,
    problem,
    too_many,
    validation_problems,
)

Row = tuple[int, int, list[str]]  # (line of the row's first cell, line of its last, cells)
TERM_COLUMNS = ("concept_id", "category", "locale", "term", "reading", "type", "status", "pos", "gender", "plural", "definition")
# A term's termbank fields, after the columns above: the ids of the sources that attest it (space-separated), its
# region, its register and its own note.
TERM_FIELDS = ("term_sources", "geographical_usage", "register", "term_note")
SOURCE_KEYS = ("id", "title", "publisher", "date", "url", "language")
_NUMBERED = re.compile(r"^(example|note)_(\d+)$|^source_(\d+)_(id|title|publisher|date|url|language)$")
_HASH_PAIR = re.compile(r"^([A-Za-z_]+)=([0-9a-f]{8,64})$")


def _picklist(alias: object) -> dict[str, str]:
    """A model's Literal values by their case-folded form: other tools write ``Noun`` or ``FULLFORM``."""
    return {v.casefold(): v for v in get_args(alias)}


PICKLISTS = {
    "type": _picklist(TermType),
    "status": _picklist(Status),
    "pos": _picklist(PartOfSpeech),
    "gender": _picklist(Gender),
    "register": _picklist(Register),
}


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
    synonym_rows: bool = False  # each source term is a row of its own (DeepL, OmegaT): a row's target term finds its concept


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
    folded = [" ".join(h.split()).casefold() for h in table.header]
    if options.columns:
        return _mapped_layout(table, settings, options, options.columns)
    if {"concept_id", "locale", "term"} <= set(folded):
        return _own_layout(table, settings)
    pair = _pair_positions(folded)
    if pair is not None:
        columns, problems = pair_columns(table, pair[0], pair[1], folded)
        return Rows(table, settings, options, columns, problems).run()
    found, problems = header_columns(table, settings)
    if found is not None:
        return Rows(table, settings, options, found, problems).run()
    return [], [_unknown_layout(table, folded)]


def _mapped_layout(table: Table, settings: Settings, options: ImportOptions, spec: str) -> tuple[list[Imported], list[Problem]]:
    """The rows read by the columns --columns (``spec``) maps, whatever the header's names."""
    columns, problems = parse_columns(spec, table)
    if columns is None:
        return [], problems
    return Rows(table, settings, options, columns, problems).run()


def _pair_positions(folded: list[str]) -> tuple[int, int] | None:
    """The source and target columns of a header that names both (Weblate's, translate-toolkit's, Google's)."""
    source = next((i for i, h in enumerate(folded) if h in PAIR_SOURCE), None)
    target = next((i for i, h in enumerate(folded) if h in PAIR_TARGET), None)
    return (source, target) if source is not None and target is not None else None


def _unknown_layout(table: Table, folded: list[str]) -> Problem:
    """Why a header is no layout this tool reads: this tool's own with columns missing, or none at all (with the hint)."""
    if "concept_id" in folded:
        missing = [c for c in ("locale", "term") if c not in folded]
        return problem(table.path, 1, table.rule, f"missing column(s) of this tool's layout: {', '.join(missing)}")
    shown = clip(",".join(table.header[:8]) + ("…" if len(table.header) > 8 else ""), 120)
    return problem(
        table.path,
        1,
        table.rule,
        f"the header '{shown}' is not a layout this tool knows: this tool's own (concept_id,locale,term,…), "
        "source,target[,sourceLang,targetLang,…] (Weblate, translate-toolkit, Google), a column per language (en,sv or English,Swedish, "
        "with 'en status', 'en definition', 'en note' …); map other headers with --columns, e.g. --columns 'term:en=English,term:sv=Swedish'",
    )


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
    assumed: set[tuple[str, ...]] = field(default_factory=set)  # what the rows leave empty (merge.Assumed)


def _own_layout(table: Table, settings: Settings) -> tuple[list[Imported], list[Problem]]:
    return _OwnLayout(table, settings).run()


# A value the glossary has no place for, by column: the kind counted in the warning, and what the import does instead.
_UNKNOWN = {
    "type": ("term types", "not a term type the glossary has; the term gets the type of a term without one"),
    "status": (
        "statuses",
        "not a status the glossary has (preferred, admitted, deprecated, proposed, obsolete); the term gets the status of a term without one",
    ),
    "pos": ("part of speech", "not a value the glossary has; left out"),
    "gender": ("grammatical gender", "not a value the glossary has; left out"),
    "register": ("registers", "not a value the glossary has; left out"),
}


@dataclass
class _OwnLayout:
    """This tool's layout, one row per term, read into concepts; a value the glossary lacks is counted once per kind."""

    table: Table
    settings: Settings
    problems: list[Problem] = field(default_factory=list)
    placeholders: Placeholders = field(default_factory=Placeholders)
    losses: Losses = field(default_factory=Losses)
    concepts: dict[str, _Own] = field(default_factory=dict)
    skipped: dict[str, list[int]] = field(default_factory=dict)  # rows in a locale that is not configured, by locale
    concept_keys: list[str] = field(default_factory=list)  # the cells of a concept, read from its first row
    locale_keys: list[str] = field(default_factory=list)  # the cells of a language, read from its first row

    def run(self) -> tuple[list[Imported], list[Problem]]:
        path, rule, columns = self.table.path, self.table.rule, self.table.header
        self.unknown_columns()
        self.concept_keys = ["category", *self.settings.relation_ids, *(c for c in columns if c.startswith("source_"))]
        self.locale_keys = ["definition", "translated_from", *(c for c in columns if c.startswith(("example_", "note_")))]
        for start, last, cells in self.table.rows:
            if not self.row(start, last, cells):
                break
        for code, lines in self.skipped.items():
            self.problems.append(
                problem(
                    path,
                    lines[0],
                    rule,
                    f"{len(lines)} row(s) in locale '{clip(code)}' not imported (first here): "
                    f"it is not a configured locale; add it to locales in mkdocs.yml to import it",
                    Severity.WARNING,
                )
            )
        out = []
        for cid, own in self.concepts.items():
            item = _own_concept(cid, own, columns, self.table, self.problems, self.placeholders, self.settings)
            if item is not None:
                out.append(item)
        self.problems.extend(self.placeholders.problems(path, rule))
        self.problems.extend(self.losses.problems(path, rule))
        return out, self.problems

    def unknown_columns(self) -> None:
        known = set(TERM_COLUMNS) | set(TERM_FIELDS) | set(self.settings.relation_ids) | {"translated_from"}
        for col in self.table.header:
            if col not in known and not _NUMBERED.match(col):
                self.problems.append(
                    problem(self.table.path, 1, self.table.rule, f"column '{clip(col)}' is not part of the glossary layout; ignored", Severity.WARNING)
                )

    def row(self, start: int, last: int, cells: list[str]) -> bool:
        """One row into its concept (or why it is not); False past the bound on concepts."""
        path, rule, columns = self.table.path, self.table.rule, self.table.header
        if len(cells) > len(columns):
            self.problems.append(problem(path, start, rule, f"{len(cells)} cells but {len(columns)} columns; check the delimiter and quotes"))
            return True
        row = {col: self.table.unquote(cell) for col, cell in zip(columns, cells, strict=False) if cell}
        cid = row.get("concept_id", "")
        if not cid:
            self.problems.append(problem(path, start, rule, "concept_id is empty"))
            return True
        if row.get("locale") not in self.settings.locale_codes:  # as in the TBX import: lint would refuse the language
            self.skipped.setdefault(row.get("locale", ""), []).append(start)
            return True
        own = self.concepts.get(cid)
        if own is None:
            if len(self.concepts) == MAX_IMPORT_CONCEPTS:
                self.problems.append(too_many(path, start, rule, "concepts", MAX_IMPORT_CONCEPTS))
                return False
            own = self.concepts[cid] = _Own(start, {k: row[k] for k in self.concept_keys if k in row}, last)
        self.differences(own, cid, start, row)
        own.locales[row.get("locale", "")]["terms"].append(self.term(own, start, row))
        own.last_line = max(own.last_line, last)
        return True

    def differences(self, own: _Own, cid: str, line: int, row: dict[str, str]) -> None:
        """A row's concept and language cells compared with the first ones (the first row of each wins)."""
        path, rule = self.table.path, self.table.rule
        if line != own.first_line:
            differ = _same(own.first, row, self.concept_keys)
            if differ:
                self.problems.append(
                    problem(
                        path,
                        line,
                        rule,
                        f"'{clip(cid)}': {', '.join(differ)} differ from line {own.first_line}; the first row of a concept wins",
                        Severity.WARNING,
                    )
                )
        code = row.get("locale", "")
        if code not in own.locales:
            own.locale_first[code] = {k: row[k] for k in self.locale_keys if k in row}
            own.locales[code] = _locale_block(row, self.table.header, path, rule, line, self.problems)
            return
        differ = _same(own.locale_first[code], row, self.locale_keys)
        if differ:
            self.problems.append(
                problem(path, line, rule, f"'{clip(cid)}' ({code}): {', '.join(differ)} differ from its first row; the first row wins", Severity.WARNING)
            )

    def picked(self, kind: str, row: dict[str, str], line: int) -> str | None:
        """A picklist cell as the glossary spells it; None when empty, or when the glossary has no such value (counted)."""
        value = row.get(kind)
        if not value:
            return None
        found = PICKLISTS[kind].get(value.casefold())
        if found is None:
            what, done = _UNKNOWN[kind]
            self.losses.add(what, line, f"'{value}' of '{row.get('term', '')}'", done)
        return found

    def term(self, own: _Own, line: int, row: dict[str, str]) -> dict[str, Any]:
        """A row's term; a type or status it does not give (or gives as a value the glossary lacks) is assumed."""
        code, text = row.get("locale", ""), row.get("term", "")
        picked = {kind: self.picked(kind, row, line) for kind in ("type", "status", "pos", "gender", "register")}
        # A term without a status is preferred when it is its language's first, else admitted (as in every table layout).
        default_status = "admitted" if own.locales[code]["terms"] else "preferred"
        term: dict[str, Any] = {"text": text, "type": picked["type"] or "fullForm", "status": picked["status"] or default_status}
        for key in ("type", "status"):
            if picked[key] is None:
                own.assumed.add((key, code, text))
        term.update(_optional_term_fields(row, picked))
        return term


def _optional_term_fields(row: dict[str, str], picked: dict[str, str | None]) -> dict[str, Any]:
    """The optional fields a row gives its term; an empty source list is kept (a cell of blanks says "no sources")."""
    grammar = {k: v for k, v in (("pos", picked["pos"]), ("gender", picked["gender"]), ("plural", row.get("plural"))) if v}
    sources = _split_ids(row["term_sources"]) if row.get("term_sources") else None
    optional = {
        "reading": row.get("reading"),
        "grammar": grammar,
        "sources": sources,
        "geographical_usage": row.get("geographical_usage"),
        "register": picked["register"],
        "note": row.get("term_note"),
    }
    return {key: value for key, value in optional.items() if value or isinstance(value, list)}


def _own_concept(
    cid: str, own: _Own, columns: list[str], table: Table, problems: list[Problem], placeholders: Placeholders, settings: Settings
) -> Imported | None:
    path, rule, first_line, first = table.path, table.rule, own.first_line, own.first
    relations = settings.relation_ids
    sources = _own_sources(first, columns)
    if not sources:  # the same policy as the TBX import: a valid entry that lint --strict flags until it is filled in
        sources.append({"title": placeholders.add("source", cid, first_line)})
    for code, block in own.locales.items():
        if not block["definition"]:
            block["definition"] = placeholders.add(f"'{code}' definition", cid, first_line)
    if not first.get("category"):
        own.assumed.add(("category",))
    data = {
        "id": cid,
        "kind": "concept",
        "category": first.get("category") or settings.categories[0].id,
        "relations": {name: _split_ids(first.get(name, "")) for name in relations},
        "sources": sources,
        "locales": own.locales,
    }
    try:
        return Imported(Concept.model_validate(data), first_line, last_line=own.last_line, source=table.source, assumed=frozenset(own.assumed))
    except ValidationError as exc:
        problems.extend(validation_problems(exc, path, first_line, rule, cid))
        return None


def _own_sources(first: dict[str, str], columns: list[str]) -> list[dict[str, str]]:
    """The sources a concept's first row gives in its ``source_N_…`` cells, in the order of N."""
    sources = []
    numbers = sorted({int(m.group(3)) for c in columns if (m := _NUMBERED.match(c)) and m.group(3)})
    for n in numbers:
        src = {key: first.get(f"source_{n}_{key}", "") for key in SOURCE_KEYS}
        if any(src.values()):
            sources.append({k: v for k, v in src.items() if v})
    return sources


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
