"""Lint again after an edit: the rules over what the edited entries can change, finding what ``check`` would find.

For a glossary that passed ``rules`` (a server's last good version) and an edit of some of its entries. Kept between
edits: who points at whom, and the indexes that tell whether an edit can have broken a whole-glossary rule.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from glossary_tool.core import words
from glossary_tool.core.model import Concept, Entry, Glossary
from glossary_tool.core.problems import Problem
from glossary_tool.core.terms import Languages, TermIndex
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.lint import check
from glossary_tool.lint.rules.registry import Context, Rule

if TYPE_CHECKING:
    from glossary_tool.core.config import Settings


def pointed_at(entry: Entry) -> frozenset[str]:
    """The concept ids an entry points at: a concept's relations, a question's or a comparison's concepts."""
    model = entry.model
    if isinstance(model, Concept):
        return frozenset(t for targets in model.relations.values() for t in targets)
    return frozenset(model.concepts)


class Links:
    """Who points at whom, by entry id; brought up to date entry by entry (``put``), never made again."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.out: dict[str, frozenset[str]] = {}
        self.into: dict[str, set[str]] = {}
        for entry in entries:
            self.put(entry.id, entry)

    def put(self, entry_id: str, entry: Entry | None) -> None:
        """``entry_id`` now names ``entry`` (None: no entry)."""
        for target in self.out.pop(entry_id, ()):
            self.into[target].discard(entry_id)
        if entry is None:
            return
        self.out[entry_id] = targets = pointed_at(entry)
        for target in targets:
            self.into.setdefault(target, set()).add(entry_id)

    def pointing_at(self, ids: Iterable[str]) -> set[str]:
        """The ids of the entries that point at one of ``ids``."""
        return {source for i in ids for source in self.into.get(i, ())}


def _in_use(c: Concept) -> tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    return c.id, tuple((code, tuple(t.text for t in b.terms if t.status not in NOT_IN_USE)) for code, b in c.locales.items())


def _deprecated(c: Concept) -> Iterator[tuple[str, str]]:
    return ((code, t.text) for code, b in c.locales.items() for t in b.terms if t.status in NOT_IN_USE)


class Relint:
    """The rules ``check`` ran over a glossary that passed them, run again after an edit where it can have changed
    their findings: the document rules over the edited files, the entry rules over the edited entries and those that
    point at them (an entry rule looks at an entry and the concepts it points at), and each whole-glossary rule only
    when the edit can have broken it (``TRIGGERS``; a rule without a trigger runs over the whole glossary)."""

    def __init__(self, settings: Settings, rules: Sequence[Rule], languages: Languages, glossary: Glossary) -> None:
        self.settings, self.rules, self.languages = settings, rules, languages
        self._start(glossary)

    def _start(self, glossary: Glossary) -> None:
        """Know ``glossary`` afresh."""
        self.keyed = len({e.id for e in glossary.entries}) == len(glossary.entries)  # the indexes below go by id
        self.links = Links(glossary.entries)
        self.touched: set[str] = set()  # ids set since the last good edit: the next edit sets them again
        self._term_keys: dict[str, set[tuple[str, str]]] | None = None  # each entry's term keys, made on first use
        self._by_key: dict[tuple[str, str], set[str]] = {}
        self._in_use: dict[str, TermIndex[str]] | None = None  # every term in use, per language, for the concepts' ids
        self._in_use_of: dict[str, object] = {}  # each concept's id and terms in use as _in_use holds them
        self._unsure: set[str] = set()  # ids set since _in_use was last made or found up to date
        # Each concept's deprecated forms, for the concepts that have some.
        self.deprecating = {e.id: forms for e in glossary.entries if isinstance(e.model, Concept) and (forms := list(_deprecated(e.model)))}

    def prepare(self, glossary: Glossary) -> None:
        """Make now, for ``glossary`` as ``__init__`` got it, the indexes the triggers of ``rules`` would make on the
        first edit (at 10,000 concepts, most of a second)."""
        ctx = Context.build(self.settings, list(glossary.entries))
        ctx.languages = self.languages
        ids = {r.id for r in self.rules}
        if "duplicate-term" in ids:
            self.term_keys_shared(ctx, ())
        if "deprecated-term-of-other-concept" in ids:
            self.in_use(ctx)

    def problems(self, before: Glossary, after: Glossary) -> list[Problem]:
        """What ``check(after, settings, rules)`` finds (unstamped), ``before`` having passed: ``after`` is ``before``
        with some entries parsed again (new objects; the others are the very same objects)."""
        was = {id(e) for e in before.entries}
        new = [e for e in after.entries if id(e) not in was]
        now = {id(e) for e in after.entries}
        ids = {e.id for e in new} | {e.id for e in before.entries if id(e) not in now}
        if not self.keyed:
            self._start(before)
        if not self.keyed or len({e.id for e in after.entries}) < len(after.entries):
            self.keyed = False  # ids that name two entries are no keys: the whole glossary is checked, and known afresh next time
            return check(after, self.settings, self.rules, languages=self.languages)
        self._set(after, ids)
        ctx = Context.build(self.settings, list(after.entries))
        ctx.languages = self.languages
        was = {id(d) for d in before.documents}
        docs = [d for d in after.documents if id(d) not in was]
        pointing = self.links.pointing_at(ids)
        entries = [e for e in after.entries if e.id in pointing or e.id in ids] if pointing else new
        old = [c for i in ids if (c := before.concept(i)) is not None]
        edited = [e.model for e in new if isinstance(e.model, Concept)]
        out: list[Problem] = []
        part = Glossary(tuple(entries), tuple(docs))  # what the document and entry rules look at again
        for rule in self.rules:
            if rule.scope in ("document", "entry"):
                found: Iterable[Problem] = rule.found_in(part, ctx)
            elif rule.scope == "glossary":
                trigger = TRIGGERS.get(rule.id)
                found = rule.check(ctx) if trigger is None or trigger(self, rule, ctx, old, edited) else ()
            else:
                continue  # the content folder and the catalogs are as the glossary that passed left them
            out.extend(dataclasses.replace(p, rule=rule.id) for p in found)
        return out

    def passed(self) -> None:
        """The edit passed: its glossary is the new last good one."""
        self.touched.clear()

    def _set(self, after: Glossary, ids: set[str]) -> None:
        self.touched |= ids
        self._unsure |= ids
        by_id = {e.id: e for e in after.entries if e.id in self.touched}
        for i in self.touched:
            entry = by_id.get(i)
            self.links.put(i, entry)
            forms = list(_deprecated(entry.model)) if entry is not None and isinstance(entry.model, Concept) else []
            if forms:
                self.deprecating[i] = forms
            else:
                self.deprecating.pop(i, None)
            if self._term_keys is not None:
                self._keys_of(i, entry)

    def _keys_of(self, entry_id: str, entry: Entry | None) -> None:
        """``entry_id`` now holds the term keys (``words.term_key``) of ``entry`` in each language."""
        assert self._term_keys is not None
        for key in self._term_keys.pop(entry_id, ()):
            self._by_key[key].discard(entry_id)
        model = entry.model if entry is not None else None
        if isinstance(model, Concept):
            keys = self._term_keys[entry_id] = {(code, words.term_key(t.text, code)) for code, b in model.locales.items() for t in b.terms}
            for key in keys:
                self._by_key.setdefault(key, set()).add(entry_id)

    def term_keys_shared(self, ctx: Context, concepts: Iterable[Concept]) -> bool:
        """Whether a term key of ``concepts`` is held by two entries of ``ctx``."""
        if self._term_keys is None:
            self._term_keys = {}
            for entry in ctx.entries:
                self._keys_of(entry.id, entry)
        keys = {(code, words.term_key(t.text, code)) for c in concepts for code, b in c.locales.items() for t in b.terms}
        return any(len(self._by_key.get(k, ())) > 1 for k in keys)

    def in_use(self, ctx: Context) -> dict[str, TermIndex[str]]:
        """Per language, an index of every concept's terms in use, made again only when one of them changed."""
        if self._in_use is not None and all(self._in_use_of.get(i) == (_in_use(c) if (c := ctx.concept(i)) else None) for i in self._unsure):
            self._unsure.clear()
            return self._in_use
        by_code: dict[str, list[tuple[str, str]]] = {}
        self._in_use_of = {}
        for entry in ctx.concepts.values():
            model = entry.model
            assert isinstance(model, Concept)
            self._in_use_of[model.id] = _in_use(model)
            for code, b in model.locales.items():
                by_code.setdefault(code, []).extend((t.text, model.id) for t in b.terms if t.status not in NOT_IN_USE)
        self._in_use = {code: TermIndex(self.languages[code], terms) for code, terms in by_code.items()}
        self._unsure.clear()
        return self._in_use


def _finds(rule: Rule, ctx: Context) -> bool:
    return next(iter(rule.check(ctx)), None) is not None


def _subset(ctx: Context, ids: set[str]) -> Context:
    """``ctx`` with only the entries ``ids``, in glossary order."""
    sub = Context.build(ctx.settings, [e for e in ctx.entries if e.id in ids])
    sub.languages = ctx.languages
    return sub


# Whether an edit (the edited concepts before and after it) can have broken a whole-glossary rule that the glossary
# before it passed; the rule then runs over the whole glossary, for the findings and messages it gives there. False
# only when the rule finds nothing in the whole glossary.
Trigger = Callable[[Relint, Rule, Context, list[Concept], list[Concept]], bool]


def _duplicate_term(relint: Relint, rule: Rule, ctx: Context, old: list[Concept], new: list[Concept]) -> bool:
    # The rule compares the entries that share a term key; every key the edited concepts do not hold is as it was.
    return relint.term_keys_shared(ctx, [*old, *new])


def _broader_cycle(relint: Relint, rule: Rule, ctx: Context, old: list[Concept], new: list[Concept]) -> bool:
    # A new loop passes through an edited concept (every new link is written on one or names it), so it lies among
    # that concept and its broader concepts up to the top, where the rule finds it.
    above = {c.id for c in new}
    todo = list(above)
    while todo:
        child = todo.pop()
        c = ctx.concept(child)
        up = set(c.targets("broader")) if c is not None else set()
        up.update(p for p in relint.links.into.get(child, ()) if (parent := ctx.concept(p)) is not None and child in parent.targets("narrower"))
        todo.extend(up - above)
        above |= up
    return _finds(rule, _subset(ctx, above))


def _deprecated_term_of_other_concept(relint: Relint, rule: Rule, ctx: Context, old: list[Concept], new: list[Concept]) -> bool:
    # A new finding pairs an edited concept's deprecated form with another's term in use, or an edited concept's term
    # in use with another's deprecated form: the rule looks at those concepts and the edited ones alone.
    partners = {c.id for c in new}
    indexes = relint.in_use(ctx)
    for c in new:
        for code, text in _deprecated(c):
            index = indexes.get(code)
            if index is not None and (found := index.language.words(text)):
                partners.update(value for _, _, value in index.at(found, 0))
    by_code: dict[str, list[tuple[str, str]]] = {}
    for c in new:
        for code, b in c.locales.items():
            by_code.setdefault(code, []).extend((t.text, c.id) for t in b.terms if t.status not in NOT_IN_USE)
    mine = {code: TermIndex(relint.languages[code], terms) for code, terms in by_code.items()}
    for other, forms in relint.deprecating.items() if mine else ():
        for code, text in forms:
            index = mine.get(code)
            if index is not None and (found := index.language.words(text)) and next(index.at(found, 0), None) is not None:
                partners.add(other)
    return _finds(rule, _subset(ctx, partners))


TRIGGERS: dict[str, Trigger] = {
    "duplicate-term": _duplicate_term,
    "broader-cycle": _broader_cycle,
    "deprecated-term-of-other-concept": _deprecated_term_of_other_concept,
}
