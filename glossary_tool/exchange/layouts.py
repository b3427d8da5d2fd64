"""Tables with one row per concept, as other tools write them: the file's header says which column holds what and in
which language (``source,target`` with ``sourceLang,targetLang``; ``en,sv``; ``en,en status,en definition``; ``Term [en]``).

A row whose source term (or ``concept_id``) names a concept already in the glossary is merged into it; any other row
is a new concept, with placeholders for what the file does not say. ``columns.py`` reads the header, ``rowlangs.py``
decides the rows' languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept
from glossary_tool.core.problems import Problem, Severity, clip
from glossary_tool.core.terms import term_key
from glossary_tool.exchange.columns import RELATION, SOURCE, Columns
from glossary_tool.exchange.picklists import part_of_speech, status_of
from glossary_tool.exchange.registry import (
    MAX_IMPORT_CONCEPTS,
    Imported,
    ImportOptions,
    Losses,
    Placeholders,
    problem,
    too_many,
    validation_problems,
)
from glossary_tool.exchange.rowlangs import RowLanguages

if TYPE_CHECKING:
    from glossary_tool.exchange.table import Table


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
    languages: RowLanguages = field(init=False)

    def __post_init__(self) -> None:
        self.languages = RowLanguages(self.table, self.settings, self.options, self.columns, self.problems)

    def warn(self, line: int, message: str) -> None:
        self.problems.append(problem(self.table.path, line, self.table.rule, message, Severity.WARNING))

    def run(self) -> tuple[list[Imported], list[Problem]]:
        refused = self.languages.fixed()
        if refused:
            return [], refused
        self.know_existing()
        if not self.read_rows():
            return [], self.problems
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

    def know_existing(self) -> None:
        """The glossary's concepts, by id and by each of their terms: a row that names one adds to it."""
        self.taken |= self.options.ids
        for concept in self.options.existing:
            self.taken.add(concept.id)
            holder = _New(concept.id, 0, concept.category, base=concept)
            self.by_id[concept.id] = holder
            for code, block in concept.locales.items():
                for term in block.terms:
                    self.by_term.setdefault((code, term_key(term.text)), holder)

    def read_rows(self) -> bool:
        """Every row into the concepts; False when a row's languages stop the import (an error)."""
        skipped = 0
        for line, last, cells in self.table.rows:
            roles = self.languages.of_row(line, cells)
            if roles is None:
                if any(p.severity is Severity.ERROR for p in self.problems):
                    return False
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
        self.languages.report_skipped()
        return True

    def read(
        self, cells: list[str], roles: dict[str, str]
    ) -> tuple[dict[str, list[tuple[str, str | None, str | None]]], dict[tuple[str, str], list[str]], dict[str, str]] | None:
        """A row's terms per language (with status and part of speech cells), texts per (field, language), concept cells."""
        terms = self.row_terms(cells, roles)
        if not terms:
            return None
        texts = {(what, roles.get(lang, lang)): [t for t in (self.cell(cells, i) for i in idx) if t] for (what, lang), idx in self.columns.texts.items()}
        concept = {what: self.cell(cells, i) for what, i in self.columns.concept.items() if self.cell(cells, i)}
        return terms, texts, concept

    def cell(self, cells: list[str], i: int | None) -> str:
        """A cell's text, unquoted; "" for a column the layout lacks or a row too short to have it."""
        return self.table.unquote(cells[i].strip()) if i is not None and i < len(cells) else ""

    def row_terms(self, cells: list[str], roles: dict[str, str]) -> dict[str, list[tuple[str, str | None, str | None]]]:
        """A row's terms per language, each with its status and part of speech cells (None when empty)."""
        terms: dict[str, list[tuple[str, str | None, str | None]]] = {}
        for slot in self.columns.slots:
            text = self.cell(cells, slot.index)
            if text:
                terms.setdefault(roles.get(slot.lang, slot.lang), []).append((text, self.cell(cells, slot.status) or None, self.cell(cells, slot.pos) or None))
        return terms

    def row(
        self,
        line: int,
        last: int,
        source: str,
        terms: dict[str, list[tuple[str, str | None, str | None]]],
        texts: dict[tuple[str, str], list[str]],
        concept: dict[str, str],
    ) -> bool:
        """Add one row to the concept its id or source term names (a new one if none does); False past the bound."""
        first, _, pos = terms[source][0]
        key = (source, term_key(first))
        found = self.named_by(concept.get("concept_id", ""), key, source, terms)
        if self.starts(found) and len(self.concepts) == MAX_IMPORT_CONCEPTS:
            self.problems.append(too_many(self.table.path, line, self.table.rule, "concepts", MAX_IMPORT_CONCEPTS))
            return False
        target = self.new_concept(concept, first, line) if found is None else self.known_concept(found, concept, line, key, (first, pos))
        target.last_line = max(target.last_line, last)
        self.add_relations(target, concept)
        added = [self.add_term(target, code, text, status, pos_cell, line) for code, items in terms.items() for text, status, pos_cell in items]
        if target.base is not None and not any(added):
            self.unchanged.append(line)
        self.add_texts(target, texts, line)
        return True

    def starts(self, target: _New | None) -> bool:
        """Whether a row starts a concept of the file: a new one, or the first row that merges into an existing entry."""
        return target is None or (target.base is not None and target not in self.concepts)

    def known_concept(self, target: _New, concept: dict[str, str], line: int, key: tuple[str, str], said: tuple[str, str | None]) -> _New:
        """The concept a row names, which becomes one of the file's at its first row; a part of speech other than an
        earlier row's for the same term is counted as a loss (``said``: the row's source term and its part of speech)."""
        first, pos = said
        if self.starts(target):
            target.line = line  # where the file starts merging into it
            target.category, target.category_given = self.category(concept, line) if "category" in concept else (target.category, False)
            self.concepts.append(target)
        elif pos is not None and self.pos_of.get(key) not in (None, pos):
            self.losses.add(
                "duplicate terms",
                line,
                f"'{first}' ({key[0]}) as a {pos}, an earlier row has it as a {self.pos_of[key]}",
                "its terms were added to the earlier row's concept (a term names one concept per language)",
            )
        return target

    def named_by(self, cid: str, key: tuple[str, str], source: str, terms: dict[str, list[tuple[str, str | None, str | None]]]) -> _New | None:
        """The concept a row's id names, else its source term, else (in a file of synonym rows) one of its other terms."""
        target = self.by_id.get(cid) if cid else None
        target = target or self.by_term.get(key)
        if target is None and self.table.synonym_rows:  # DeepL and OmegaT list each source term on a row of its own
            target = next(
                (
                    self.by_term[(code, term_key(text))]
                    for code, items in terms.items()
                    if code != source
                    for text, _, _ in items
                    if (code, term_key(text)) in self.by_term
                ),
                None,
            )
        return target

    def new_concept(self, concept: dict[str, str], first: str, line: int) -> _New:
        cid = concept.get("concept_id", "")
        target = _New(cid or self.new_id(first, line), line, *self.category(concept, line))
        self.taken.add(target.id)
        self.by_id[target.id] = target
        self.concepts.append(target)
        return target

    def add_relations(self, target: _New, concept: dict[str, str]) -> None:
        for name, cell in concept.items():
            if name.startswith(RELATION):
                targets = target.relations.setdefault(name.removeprefix(RELATION), [])
                targets += [t for t in cell.replace(",", " ").split() if t not in targets and t != target.id]

    def add_texts(self, target: _New, texts: dict[tuple[str, str], list[str]], line: int) -> None:
        """A row's definitions, contexts, notes and examples in the configured languages."""
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
            term = self.list_term(target, code, text)
        said = self.said_status(target, (code, text), term, status, line)
        said = self.said_pos(key, (text, term), pos, line) or said
        return said or not known

    def list_term(self, target: _New, code: str, text: str) -> dict[str, Any]:
        """A term the file lists for the concept: preferred when the language is new to it, else admitted."""
        base_block = target.base.locales.get(code) if target.base is not None else None
        first = base_block is None and not target.terms.get(code)
        term = {"text": text, "type": "fullForm", "status": "preferred" if first else "admitted"}
        target.terms.setdefault(code, []).append(term)
        self.by_term[(code, term_key(text))] = target
        return term

    def said_status(self, target: _New, where: tuple[str, str], term: dict[str, Any], status: str | None, line: int) -> bool:
        """The status a row's cell gives a term (``where``: its language and text in the row); whether it gave one the
        glossary has."""
        if status is None:
            return False
        found = status_of(status)
        if found is None:
            self.losses.add(
                "statuses",
                line,
                f"'{status}' of '{where[1]}'",
                "not a status the glossary has (preferred, admitted, deprecated or forbidden, obsolete, proposed); the term keeps its status, or is admitted",
            )
            return False
        term["status"] = found
        target.given.add(("status", where[0], where[1]))
        return True

    def said_pos(self, key: tuple[str, str], said: tuple[str, dict[str, Any]], pos: str | None, line: int) -> bool:
        """The part of speech a row's cell gives a term (the first row that says wins); whether it gave one the glossary has."""
        if pos is None:
            return False
        text, term = said
        value = part_of_speech(pos)
        if value is None:
            self.losses.add("part of speech", line, f"'{pos}' of '{text}'", "not a value the glossary has; left out")
            return False
        term.setdefault("grammar", {}).setdefault("pos", value)
        self.pos_of.setdefault(key, pos)
        return True

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
        data = self.merged_data(new, new.base) if new.base is not None else self.new_data(new)
        try:
            return Imported(
                Concept.model_validate(data),
                new.line,
                updates=new.base.id if new.base is not None else None,
                last_line=new.last_line or new.line,
                source=self.table.source,
                assumed=frozenset(assumed),
            )
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, self.table.path, new.line, self.table.rule, new.id))
            return None

    def merged_data(self, new: _New, base: Concept) -> dict[str, Any]:
        """What the file says of an existing concept (the merge keeps the rest and never writes a placeholder)."""
        blocks = {code: self.block(new, code, new.terms[code], silent=True) for code in self.settings.locale_codes if code in new.terms}
        return {
            "id": base.id,
            "kind": "concept",
            "category": new.category if new.category_given else base.category,
            "relations": new.relations,
            "sources": [{"title": "TODO"}],
            "locales": blocks,
        }

    def new_data(self, new: _New) -> dict[str, Any]:
        blocks = {code: self.block(new, code, new.terms[code]) for code in self.settings.locale_codes if code in new.terms}
        return {
            "id": new.id,
            "kind": "concept",
            "category": new.category,
            "relations": new.relations,
            "sources": [{"title": self.placeholders.add("source", new.id, new.line)}],
            "locales": blocks,
        }

    def block(self, new: _New, code: str, terms: Sequence[dict[str, Any]], *, silent: bool = False) -> dict[str, Any]:
        """A language of the concept; a definition the file does not give is a placeholder (reported, unless the block
        is only what the file says of an existing entry, whose merge never writes a placeholder)."""
        definition = new.definitions.get(code) or ("TODO" if silent else self.placeholders.add(f"'{code}' definition", new.id, new.line))
        return {"terms": list(terms), "definition": definition, "notes": new.notes.get(code, []), "examples": new.examples.get(code, [])}
