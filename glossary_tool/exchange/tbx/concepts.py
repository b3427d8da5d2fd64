"""A TBX conceptEntry as a concept: its subject field as a category, cross references as relations, its sources, and
its languages (``terms.py``); what the file leaves unsaid is assumed as the table imports assume it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from pydantic import ValidationError

from glossary_tool.core.model import Concept
from glossary_tool.core.problems import clip
from glossary_tool.core.terms import term_key
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.exchange.registry import Imported, match_locale, validation_problems
from glossary_tool.exchange.tbx.mapping import RULE, XML_LANG, children, local_name, text_of, to_slug
from glossary_tool.exchange.tbx.reader import USAGE_NOTE, Block, Reader
from glossary_tool.exchange.tbx.terms import TITLES, lang_sec


def read_concept(reader: Reader, ce: etree._Element, slug: str, ids: dict[str, str]) -> Imported | None:
    """The concept of one conceptEntry, or None (and why, in the reader's problems)."""
    concept = _Concept(reader, slug, ids)
    for child in children(ce):
        _LEVEL.get(local_name(child), _Concept.other)(concept, child)
    one_concept_per_term(reader, slug, concept.blocks)
    if not concept.blocks:
        reader.warn(ce, f"concept '{slug}' has no terms in a configured locale ({', '.join(reader.settings.locale_codes)}); not imported")
        return None
    return concept.imported(ce)


def one_concept_per_term(reader: Reader, slug: str, blocks: dict[str, Block]) -> None:
    """Leave out a term that already names another concept in its language (of the glossary, or earlier in the file),
    as the table import does: lint allows a term for one concept per language (duplicate-term). A language left
    without terms is left out."""
    for code in list(blocks):
        kept = []
        for term in blocks[code].terms:
            key = (code, term_key(term["text"]))
            in_use = term.get("status") not in NOT_IN_USE
            other = reader.named.get(key)
            if other is not None and other[0] != slug and other[1] == in_use:
                reader.losses.add(
                    "duplicate terms",
                    blocks[code].line,
                    f"'{term['text']}' ({code}) of '{slug}' names '{other[0]}' already",
                    "left out (a term names one concept per language)",
                )
                continue
            reader.named.setdefault(key, (slug, in_use))
            kept.append(term)
        blocks[code].terms = kept
        if not kept:
            del blocks[code]


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
class _Concept:
    """One conceptEntry while it is read."""

    reader: Reader
    slug: str
    ids: dict[str, str]  # the file's ids -> glossary ids, for cross references
    category: str | None = None
    relations: dict[str, list[str]] = field(default_factory=dict)
    sources: list[dict[str, str]] = field(default_factory=list)
    blocks: dict[str, Block] = field(default_factory=dict)
    loose_notes: list[tuple[str, str]] = field(default_factory=list)  # (lang, text) of notes above the language level
    unmatched: list[str] = field(default_factory=list)  # a subject field that is no category's id or label
    loose_definitions: list[tuple[str, str]] = field(default_factory=list)

    # -- the collectors handed to every level ---------------------------------------------------------------

    def add_source(self, src: dict[str, str], grouped: bool = False) -> None:
        # other tools repeat a bare source beside every definition and context; our adminGrp sources are kept as written
        if grouped or src not in self.sources:
            self.sources.append(src)

    def relation(self, ref: etree._Element) -> None:
        reader, settings = self.reader, self.reader.settings
        if ref.get("type") != "crossReference":
            reader.ignore(ref, f"<ref type={ref.get('type')!r}>")
            return
        target = self.ids.get(ref.get("target", ""))
        if target is None:
            reader.warn(ref, f"crossReference to '{clip(ref.get('target', ''))}', which is not a concept in this file; not imported")
            return
        name = text_of(ref)
        if name not in settings.relation_ids:
            reader.losses.add(
                "undeclared relations",
                ref.sourceline or 1,
                f"'{name}' to '{target}'",
                f"imported as related; declare the relation in mkdocs.yml (relations: {', '.join(settings.relation_ids)}) to keep it",
            )
        targets = self.relations.setdefault(name if name in settings.relation_ids else "related", [])
        if target not in targets and target != self.slug:
            targets.append(target)

    def loose_note(self, text: str, el: etree._Element) -> None:
        self.loose_notes.append((el.get(XML_LANG, self.reader.default_lang), text))

    # -- the elements of a conceptEntry ------------------------------------------------------------------------

    def lang_sec(self, el: etree._Element) -> None:
        lang_sec(self.reader, el, self.blocks, self.add_source, self.relation)

    def descrip(self, d: etree._Element) -> None:
        kind = d.get("type")
        if kind == "subjectField":
            self.subject_field(d)
        elif kind == "definition":
            self.loose_definitions.append((d.get(XML_LANG, self.reader.default_lang), text_of(d)))
        elif (kind or "").casefold() in USAGE_NOTE:
            self.loose_notes.append((d.get(XML_LANG, self.reader.default_lang), text_of(d)))
        else:
            self.reader.ignore(d, f"<descrip type={kind!r}>")

    def descrip_grp(self, el: etree._Element) -> None:
        self.reader.descrip_grp(el, self.descrip, self.add_source, self.relation, self.loose_note)

    def admin_grp(self, el: etree._Element) -> None:
        self.reader.admin_grp(el, self.add_source)

    def other(self, el: etree._Element) -> None:
        self.reader.aux(el, self.add_source, self.relation, self.loose_note)

    def subject_field(self, d: etree._Element) -> None:
        """The category the first subject field names; one that names none is kept as a note and counted."""
        reader = self.reader
        value = text_of(d)
        if self.category is not None:
            reader.warn(d, f"a second subjectField '{clip(value)}' for '{self.slug}'; only the first is kept")
            return
        self.category = _category_of(reader, value)
        if self.category is None:
            self.unmatched.append(value)
            self.category = reader.settings.category_ids[0]
            self.loose_notes.append((reader.default_lang, f"subjectField: {value}"))
            count, line = reader.unmatched_fields.get(value, (0, d.sourceline or 1))
            reader.unmatched_fields[value] = (count + 1, line)

    # -- the concept --------------------------------------------------------------------------------------------

    def imported(self, ce: etree._Element) -> Imported | None:
        reader, settings = self.reader, self.reader.settings
        self.place_loose()
        line = ce.sourceline or 1
        assumed: set[tuple[str, ...]] = set() if self.category in settings.category_ids and not self.unmatched else {("category",)}
        for code, block in self.blocks.items():
            self.complete_terms(code, block, assumed)
        data = {
            "id": self.slug,
            "kind": "concept",
            "category": self.category or settings.category_ids[0],
            "relations": self.relations,
            "sources": self.sources,
            "locales": self.locales(line),
        }
        try:
            return Imported(Concept.model_validate(data), line, assumed=frozenset(assumed))
        except ValidationError as exc:
            reader.problems.extend(validation_problems(exc, reader.path, line, RULE, self.slug))
            return None

    def locales(self, line: int) -> dict[str, Any]:
        """The languages in the configured order; a missing source and definitions are placeholders (counted). The source
        comes first: the placeholders are reported in the order they are added."""
        placeholders = self.reader.placeholders
        if not self.sources:
            self.sources.append({"title": placeholders.add("source", self.slug, line)})
        locales: dict[str, Any] = {}
        for code, block in self.blocks.items():
            definition = block.definition or placeholders.add(f"'{code}' definition", self.slug, line)
            locales[code] = {"terms": block.terms, "definition": definition, "examples": block.examples, "notes": block.notes}
        return {code: locales[code] for code in self.reader.settings.locale_codes if code in locales}

    def place_loose(self) -> None:
        """Notes and definitions above the language level, in the language they are marked with (a note with none, or
        in a language the concept lacks, in its first language)."""
        first_block = next(iter(self.blocks))
        for lang, text in self.loose_notes:
            code = match_locale(lang, self.reader.settings)
            self.blocks[code if code in self.blocks else first_block].notes.append(text)
        for lang, text in self.loose_definitions:
            code = match_locale(lang, self.reader.settings)
            if code in self.blocks and self.blocks[code].definition is None:
                self.blocks[code].definition = text

    def complete_terms(self, code: str, block: Block, assumed: set[tuple[str, ...]]) -> None:
        """Each term's sources as ids, and the type and status the file does not give (recorded as assumed)."""
        stated = any("status" in t for t in block.terms)
        for i, t in enumerate(block.terms):
            if TITLES in t:
                t["sources"] = [_source_id(self.sources, title) for title in t.pop(TITLES)]
            if "type" not in t:
                t["type"] = "fullForm"
                assumed.add(("type", code, t["text"]))
            if "status" not in t:  # a language that gives no status: its first term is taken as preferred, as in tables
                t["status"] = "admitted" if stated or i else "preferred"
                assumed.add(("status", code, t["text"]))


def _category_of(reader: Reader, value: str) -> str | None:
    """The category whose id or label (in any language) is ``value``, compared like terms."""
    key = term_key(value)
    for cat in reader.settings.categories:
        if key == term_key(cat.id) or any(key == term_key(label) for label in cat.labels.values()):
            return cat.id
    return None


_LEVEL: dict[str, Callable[[_Concept, etree._Element], None]] = {
    "langSec": _Concept.lang_sec,
    "descrip": _Concept.descrip,
    "descripGrp": _Concept.descrip_grp,
    "adminGrp": _Concept.admin_grp,
}
