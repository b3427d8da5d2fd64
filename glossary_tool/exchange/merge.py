"""``import --merge``: a concept read from a file folded into the entry it updates, in that entry's own YAML, changing
only what the file says differently; comments, order, ``translated_from`` and everything the file does not say are kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, ConceptLocale, Grammar, Source, Term
from glossary_tool.core.terms import term_key
from glossary_tool.core.translation import is_placeholder
from glossary_tool.core.yamlio import concept_data, dump, load_for_edit

# The keys of a term, a source and a language block in the order entries write them: a key the merge adds goes there.
TERM_KEYS = ("text", "type", "status", "reading", "grammar", "sources", "geographical_usage", "register", "note")
SOURCE_KEYS = ("id", "title", "publisher", "date", "url", "language")
BLOCK_KEYS = ("terms", "definition", "examples", "notes", "translated_from")
# What an importer filled in itself because the file did not say: ("category",), ("status", locale, term) and
# ("type", locale, term). Such a value never replaces what the entry has.
Assumed = frozenset[tuple[str, ...]]


@dataclass(slots=True)
class Changes:
    """What a merge did to one entry, as short phrases for the report: added, changed (placeholders filled included)
    and kept (what the entry has and the file does not say)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed)

    def summary(self) -> str:
        parts = [f"{what} {', '.join(items)}" for what, items in (("added", self.added), ("changed", self.changed), ("kept", self.kept)) if items]
        return "; ".join(parts)


def same_text(a: str, b: str) -> bool:
    """Texts that differ only in runs of white space (which TBX and other tools' wrapping do not keep) are the same."""
    return a.split() == b.split()


def _insert(node: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set ``key`` in ``node``: in place when it is there, else where ``order`` puts it among the keys present."""
    if key in node:
        node[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    position = sum(1 for k in node if (order.index(k) if k in order else len(order)) < rank)
    node.insert(position, key, value)


def _real(texts: Iterable[str]) -> list[str]:
    return [t for t in texts if not is_placeholder(t)]


def _same_list(a: Iterable[str], b: Iterable[str]) -> bool:
    first, second = list(a), list(b)
    return len(first) == len(second) and all(same_text(x, y) for x, y in zip(first, second, strict=True))


@dataclass
class _Merge:
    """One entry being merged: its YAML nodes (edited in place), the entry as it is, the concept from the file and its
    nodes in the house style (copied where something is added), and what changed."""

    data: CommentedMap
    old: Concept
    new: Concept
    fresh: CommentedMap
    assumed: Assumed
    settings: Settings
    changes: Changes = field(default_factory=Changes)
    source_ids: dict[str, str] = field(default_factory=dict)  # a source id of the file -> the entry's id for that source

    def run(self) -> None:
        if ("category",) not in self.assumed and self.new.category != self.old.category:
            self.data["category"] = self.new.category
            self.changes.changed.append(f"category ({self.old.category} → {self.new.category})")
        self.sources()
        self.relations()
        for code, block in self.new.locales.items():
            if code in self.old.locales:
                self.block(code, self.old.locales[code], block)
            elif any(not is_placeholder(t.text) for t in block.terms):
                self.add_language(code)
        for code in self.old.locales:
            if code not in self.new.locales:
                self.changes.kept.append(f"{code} (not in the file)")

    # -- concept level ---------------------------------------------------------------------------------

    def sources(self) -> None:
        given = [(i, s) for i, s in enumerate(self.new.sources) if not is_placeholder(s.title)]
        if not given:
            return
        nodes: CommentedSeq = self.data["sources"]
        _drop_placeholders(nodes, [s.title for s in self.old.sources], self.changes, "source (the placeholder)")
        kept = [s for s in self.old.sources if not is_placeholder(s.title)]
        matched: set[int] = set()
        for i, src in given:
            at = self._match_source(kept, src, matched)
            if at is None:
                self.add_source(src, self.fresh["sources"][i], nodes)
                continue
            matched.add(at)
            self.source(kept[at], src, nodes[at])
        missing = len(kept) - len(matched)
        if missing:
            self.changes.kept.append(f"{missing} source(s) not in the file")

    def add_source(self, src: Source, fresh: CommentedMap, nodes: CommentedSeq) -> None:
        """A source of the file that the entry does not cite: added as the file gives it."""
        nodes.append(fresh)
        if src.id is not None:
            self.source_ids[src.id] = src.id
        self.changes.added.append(f"source '{src.title}'")

    def source(self, old: Source, src: Source, node: CommentedMap) -> None:
        """A source of the file that the entry cites already: the details it adds or changes."""
        if src.id is not None:
            self.source_ids[src.id] = old.id or src.id
        for key in SOURCE_KEYS[2:]:
            value = getattr(src, key)
            if value is not None and value != getattr(old, key):
                _insert(node, key, value, SOURCE_KEYS)
                self.changes.changed.append(f"{key} of source '{old.title}'")
        if old.id is None and src.id is not None and self._term_cites(src.id):
            _insert(node, "id", src.id, SOURCE_KEYS)
            self.changes.added.append(f"id '{src.id}' of source '{old.title}'")

    def _match_source(self, kept: list[Source], src: Source, matched: set[int]) -> int | None:
        for i, old in enumerate(kept):
            if i not in matched and src.id is not None and old.id == src.id:
                return i
        for i, old in enumerate(kept):
            if i not in matched and same_text(old.title, src.title):
                return i
        return None

    def _term_cites(self, source_id: str) -> bool:
        return any(source_id in t.sources for b in self.new.locales.values() for t in b.terms)

    def relations(self) -> None:
        for name, targets in self.new.relations.items():
            have = self.old.targets(name)
            extra = [t for t in targets if t not in have]
            if not extra:
                continue
            if "relations" not in self.data:
                _insert(self.data, "relations", CommentedMap(), ("id", "kind", "category", "relations", "sources", "locales"))
            relations = self.data["relations"]
            if name in relations:
                for target in extra:
                    relations[name].append(target)
            else:
                relations[name] = self.fresh["relations"][name]
                del relations[name][:]
                relations[name].extend(extra)
            self.changes.added.append(f"{name} → {', '.join(extra)}")
        self.changes.kept += [f"{name} → {', '.join(missing)} (not in the file)" for name, missing in self.unsaid_relations()]

    def unsaid_relations(self) -> list[tuple[str, list[str]]]:
        """The entry's relation targets the file does not name, by relation."""
        found = [(name, [t for t in targets if t not in self.new.targets(name)]) for name, targets in self.old.relations.items()]
        return [(name, missing) for name, missing in found if missing]

    def add_language(self, code: str) -> None:
        order = {c: i for i, c in enumerate(self.settings.locale_codes)}
        mapping = self.data["locales"]
        position = sum(1 for key in mapping if order.get(key, len(order)) < order.get(code, len(order)))
        mapping.insert(position, code, self.fresh["locales"][code])
        self.changes.added.append(f"the {code} language")

    # -- language level --------------------------------------------------------------------------------

    def block(self, code: str, old: ConceptLocale, new: ConceptLocale) -> None:
        node: CommentedMap = self.data["locales"][code]
        fresh: CommentedMap = self.fresh["locales"][code]
        self.definition(code, old, new, node, fresh)
        for key in ("examples", "notes"):
            self.text_list(code, key, old, new, node, fresh)
        self.translated_from(code, old, new, node, fresh)
        self.terms(code, old, new, node["terms"], fresh["terms"])

    def definition(self, code: str, old: ConceptLocale, new: ConceptLocale, node: CommentedMap, fresh: CommentedMap) -> None:
        """The file's definition replaces the entry's when it is written and says something else."""
        if not is_placeholder(new.definition) and not same_text(new.definition, old.definition):
            node["definition"] = fresh["definition"]
            self.changes.changed.append(f"{code} definition" + (" (the placeholder)" if is_placeholder(old.definition) else ""))

    def text_list(self, code: str, key: str, old: ConceptLocale, new: ConceptLocale, node: CommentedMap, fresh: CommentedMap) -> None:
        """The file's examples (or notes) replace the entry's when it gives some that differ; none given keeps the entry's."""
        given, have = _real(getattr(new, key)), getattr(old, key)
        if given and not _same_list(given, have):
            _insert(node, key, CommentedSeq(x for x, text in zip(fresh[key], getattr(new, key), strict=True) if not is_placeholder(text)), BLOCK_KEYS)
            self.changes.changed.append(f"{code} {key}")
        elif have and not given:
            self.changes.kept.append(f"{code} {key}")

    def translated_from(self, code: str, old: ConceptLocale, new: ConceptLocale, node: CommentedMap, fresh: CommentedMap) -> None:
        """The source version the file names replaces the entry's; a file that names none keeps it."""
        if new.translated_from and new.translated_from != old.translated_from:
            _insert(node, "translated_from", fresh["translated_from"], BLOCK_KEYS)
            self.changes.changed.append(f"{code} translated_from")
        elif old.translated_from and not new.translated_from:
            self.changes.kept.append(f"{code} translated_from")

    def terms(self, code: str, old: ConceptLocale, new: ConceptLocale, nodes: CommentedSeq, fresh: CommentedSeq) -> None:
        given = [(i, t) for i, t in enumerate(new.terms) if not is_placeholder(t.text)]
        if not given:
            return
        _drop_placeholders(nodes, [t.text for t in old.terms], self.changes, f"{code} term (the placeholder)")
        kept = [t for t in old.terms if not is_placeholder(t.text)]
        matched = self.match_terms(code, kept, given, nodes, fresh)
        self.unmatched(code, [t.text for j, t in enumerate(kept) if j not in matched])

    def match_terms(self, code: str, kept: list[Term], given: list[tuple[int, Term]], nodes: CommentedSeq, fresh: CommentedSeq) -> set[int]:
        """Each of the file's terms merged into the entry's term it is, or added; the positions of the entry's terms matched."""
        matched: set[int] = set()
        for i, term in given:
            at = _match_term(kept, term, matched)
            if at is None:
                self.add_term(code, term, nodes, fresh[i])
                continue
            matched.add(at)
            self.term(code, kept[at], term, nodes[at], fresh[i])
        return matched

    def add_term(self, code: str, term: Term, nodes: CommentedSeq, node: CommentedMap) -> None:
        """A term the entry does not have, appended with its sources named as the entry names them."""
        if term.sources:
            node["sources"] = self._source_list(term.sources, node["sources"])
        nodes.append(node)
        self.changes.added.append(f"{code} term '{term.text}'")

    def unmatched(self, code: str, left: list[str]) -> None:
        """The entry's terms the file does not name stay; the first three are named in the summary."""
        if left:
            shown = ", ".join(f"'{text}'" for text in left[:3]) + (", …" if len(left) > 3 else "")
            self.changes.kept.append(f"{code} term(s) {shown} (not in the file)")

    def term(self, code: str, old: Term, new: Term, node: CommentedMap, fresh: CommentedMap) -> None:
        name = f"{code} '{old.text}'"
        if new.text != old.text:  # the same term in another case or spacing (other tools lower-case terms): the entry's stays
            self.changes.kept.append(f"{name} (the file writes '{new.text}')")
        self.term_choices(code, name, old, new, node)
        self.term_texts(name, old, new, node, fresh)
        if new.grammar is not None:
            self.grammar(name, old, new.grammar, node, fresh)
        self.term_sources(name, old, new, node, fresh)

    def term_choices(self, code: str, name: str, old: Term, new: Term, node: CommentedMap) -> None:
        """The file's type and status, unless it only assumed them (its format has no such field) or they are the same."""
        for key in ("type", "status"):
            if (key, code, new.text) in self.assumed or getattr(new, key) == getattr(old, key):
                continue
            node[key] = getattr(new, key)
            self.changes.changed.append(f"{key} of {name} ({getattr(old, key)} → {getattr(new, key)})")

    def term_texts(self, name: str, old: Term, new: Term, node: CommentedMap, fresh: CommentedMap) -> None:
        """The term's optional fields the file gives and the entry says otherwise."""
        for key in ("reading", "geographical_usage", "register", "note"):
            value = getattr(new, key)
            if value is not None and not (isinstance(value, str) and same_text(value, getattr(old, key) or "")):
                _insert(node, key, fresh[key], TERM_KEYS)
                self.changes.changed.append(f"{key.replace('_', ' ')} of {name}")

    def term_sources(self, name: str, old: Term, new: Term, node: CommentedMap, fresh: CommentedMap) -> None:
        """The sources the file cites for a term that the entry does not, added after the entry's own."""
        cited = [self.source_ids.get(s, s) for s in new.sources]
        extra = [s for s in cited if s not in old.sources]
        if extra:
            _insert(node, "sources", self._source_list([*old.sources, *extra], fresh["sources"]), TERM_KEYS)
            self.changes.added.append(f"source(s) {', '.join(extra)} of {name}")

    def grammar(self, name: str, old: Term, given: Grammar, node: CommentedMap, fresh: CommentedMap) -> None:
        """The grammar the file gives a term, where it differs from the entry's: its values replace those they name."""
        have = old.grammar.model_dump(exclude_none=True) if old.grammar is not None else {}
        if all(have.get(k) == v for k, v in given.model_dump(exclude_none=True).items()):
            return
        if "grammar" in node:
            for k, v in fresh["grammar"].items():
                node["grammar"][k] = v
        else:
            _insert(node, "grammar", fresh["grammar"], TERM_KEYS)
        self.changes.changed.append(f"grammar of {name}")

    def _source_list(self, ids: Iterable[str], model: CommentedSeq) -> CommentedSeq:
        """The term's source ids as the entry names them, in the flow style of ``model``."""
        del model[:]
        model.extend(dict.fromkeys(self.source_ids.get(s, s) for s in ids))
        return model


def _drop_placeholders(nodes: CommentedSeq, texts: list[str], changes: Changes, said: str) -> None:
    """The placeholders of a list give way to what the file names (``texts``: the entry's, in the order of ``nodes``)."""
    placeholders = [i for i, text in enumerate(texts) if is_placeholder(text)]
    for i in reversed(placeholders):
        del nodes[i]
    if placeholders:
        changes.changed.append(said)


def _match_term(kept: list[Term], term: Term, matched: set[int]) -> int | None:
    """The entry's term the file's term is: the same text, else the same text compared as terms are (case, spacing)."""
    at = next((j for j, t in enumerate(kept) if j not in matched and t.text == term.text), None)
    if at is None:
        at = next((j for j, t in enumerate(kept) if j not in matched and term_key(t.text) == term_key(term.text)), None)
    return at


def merge_entry(text: str, shown: str, old: Concept, new: Concept, assumed: Assumed, settings: Settings) -> tuple[str | None, Changes]:
    """``new`` folded into the entry ``text`` (of ``old``): the entry's new text, or None when the file says nothing
    the entry does not already say, and what changed. A file that cannot be edited without reformatting it is a
    ``FatalError`` (``load_for_edit``)."""
    yaml, data = load_for_edit(text, shown)
    merge = _Merge(data, old, new, concept_data(new), assumed, settings)
    merge.run()
    if not merge.changes:
        return None, merge.changes
    out = dump(data, yaml)
    return (out if out != text else None), merge.changes
