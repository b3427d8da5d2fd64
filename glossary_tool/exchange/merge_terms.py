"""``import --merge``, term by term: the file's terms matched to the entry's, their fields merged, and the shared
pieces of a merge (what changed, which keys go where); ``merge.py`` merges the rest of a concept."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from glossary_tool.core.model import ConceptLocale, Grammar, Term
from glossary_tool.core.terms import term_key
from glossary_tool.core.translation import is_placeholder

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


def insert(node: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set ``key`` in ``node``: in place when it is there, else where ``order`` puts it among the keys present."""
    if key in node:
        node[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    position = sum(1 for k in node if (order.index(k) if k in order else len(order)) < rank)
    node.insert(position, key, value)


def real(texts: Iterable[str]) -> list[str]:
    return [t for t in texts if not is_placeholder(t)]


def same_list(a: Iterable[str], b: Iterable[str]) -> bool:
    first, second = list(a), list(b)
    return len(first) == len(second) and all(same_text(x, y) for x, y in zip(first, second, strict=True))


class TermMerge:
    """The term-level half of one entry's merge; ``merge._Merge`` holds the state and the concept-level half."""

    assumed: Assumed
    changes: Changes
    source_ids: dict[str, str]  # a source id of the file -> the entry's id for that source

    def terms(self, code: str, old: ConceptLocale, new: ConceptLocale, nodes: CommentedSeq, fresh: CommentedSeq) -> None:
        given = [(i, t) for i, t in enumerate(new.terms) if not is_placeholder(t.text)]
        if not given:
            return
        drop_placeholders(nodes, [t.text for t in old.terms], self.changes, f"{code} term (the placeholder)")
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
                insert(node, key, fresh[key], TERM_KEYS)
                self.changes.changed.append(f"{key.replace('_', ' ')} of {name}")

    def term_sources(self, name: str, old: Term, new: Term, node: CommentedMap, fresh: CommentedMap) -> None:
        """The sources the file cites for a term that the entry does not, added after the entry's own."""
        cited = [self.source_ids.get(s, s) for s in new.sources]
        extra = [s for s in cited if s not in old.sources]
        if extra:
            insert(node, "sources", self._source_list([*old.sources, *extra], fresh["sources"]), TERM_KEYS)
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
            insert(node, "grammar", fresh["grammar"], TERM_KEYS)
        self.changes.changed.append(f"grammar of {name}")

    def _source_list(self, ids: Iterable[str], model: CommentedSeq) -> CommentedSeq:
        """The term's source ids as the entry names them, in the flow style of ``model``."""
        del model[:]
        model.extend(dict.fromkeys(self.source_ids.get(s, s) for s in ids))
        return model


def drop_placeholders(nodes: CommentedSeq, texts: list[str], changes: Changes, said: str) -> None:
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
