"""``import --merge``: a concept read from a file folded into the entry it updates, in that entry's own YAML, changing
only what the file says differently; comments, order, ``translated_from`` and everything the file does not say are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from glossary_tool.core.config import Settings
from glossary_tool.core.model import Concept, ConceptLocale, Source
from glossary_tool.core.translation import is_placeholder
from glossary_tool.core.yamlio import concept_data, dump, load_for_edit
from glossary_tool.exchange.merge_terms import (
    BLOCK_KEYS,
    SOURCE_KEYS,
    Assumed,
    Changes,
    TermMerge,
    drop_placeholders,
    insert,
    real,
    same_list,
    same_text,
)


@dataclass
class _Merge(TermMerge):
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
        drop_placeholders(nodes, [s.title for s in self.old.sources], self.changes, "source (the placeholder)")
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
                insert(node, key, value, SOURCE_KEYS)
                self.changes.changed.append(f"{key} of source '{old.title}'")
        if old.id is None and src.id is not None and self._term_cites(src.id):
            insert(node, "id", src.id, SOURCE_KEYS)
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
                insert(self.data, "relations", CommentedMap(), ("id", "kind", "category", "relations", "sources", "locales"))
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
        given, have = real(getattr(new, key)), getattr(old, key)
        if given and not same_list(given, have):
            insert(node, key, CommentedSeq(x for x, text in zip(fresh[key], getattr(new, key), strict=True) if not is_placeholder(text)), BLOCK_KEYS)
            self.changes.changed.append(f"{code} {key}")
        elif have and not given:
            self.changes.kept.append(f"{code} {key}")

    def translated_from(self, code: str, old: ConceptLocale, new: ConceptLocale, node: CommentedMap, fresh: CommentedMap) -> None:
        """The source version the file names replaces the entry's; a file that names none keeps it."""
        if new.translated_from and new.translated_from != old.translated_from:
            insert(node, "translated_from", fresh["translated_from"], BLOCK_KEYS)
            self.changes.changed.append(f"{code} translated_from")
        elif old.translated_from and not new.translated_from:
            self.changes.kept.append(f"{code} translated_from")


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
