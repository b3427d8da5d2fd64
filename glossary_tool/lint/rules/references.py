"""Rules about links between entries: they resolve, they do not loop, they are mirrored and coherent."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from glossary_tool.core.loader import Loc
from glossary_tool.core.model import Comparison, Concept, Entry, Faq
from glossary_tool.core.problems import Problem, Severity
from glossary_tool.core.terms import TermIndex, marked_spans, word_problem
from glossary_tool.core.vocabulary import NOT_IN_USE
from glossary_tool.lint.rules.registry import Context, rule


def references(entry: Entry) -> Iterator[tuple[Loc, str]]:
    """Every concept id an entry points at, with where it is written."""
    model = entry.model
    if isinstance(model, Concept):
        for name, targets in model.relations.items():
            for i, target in enumerate(targets):
                yield ("relations", name, i), target
    elif isinstance(model, (Faq, Comparison)):
        for i, target in enumerate(model.concepts):
            yield ("concepts", i), target


def inverse_of(name: str, ctx: Context) -> str | None:
    """The relation an entry's target should list back, when that relation is one entries write."""
    return ctx.settings.written_inverse(name)


@rule("unresolved-reference", scope="entry", ordered=True)  # "did you mean" hints share a budget per run
def unresolved_reference(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """Every id in ``relations`` and ``concepts`` names an existing concept.

    Passes: ``broader: [bone]`` when ``bone.yaml`` exists. Fails: ``broader: [bnoe]``
    (with a "did you mean" hint), or a concept that lists itself.
    """
    for loc, target in references(entry):
        if target == entry.id and isinstance(entry.model, Concept):
            yield entry.doc.problem(loc, f"'{target}' refers to the concept itself")
        elif target not in ctx.concepts:
            close = ctx.close_concept_id(target)
            hint = f"; did you mean '{close}'?" if close else ""
            yield entry.doc.problem(loc, f"no concept has the id '{target}'{hint}")
    if isinstance(entry.model, Comparison):
        yield from _dimension_values(entry, entry.model)


def _dimension_values(entry: Entry, model: Comparison) -> Iterator[Problem]:
    """A comparison's dimensions have a value for each compared concept and for nothing else."""
    wanted = set(model.concepts)
    for i, dim in enumerate(model.dimensions):
        for key in dim.values:
            if key not in wanted:
                yield entry.doc.problem(
                    ("dimensions", i, "values", key), f"'{key}' is not one of the compared concepts ({', '.join(model.concepts)})", at_key=True
                )
        for missing in [c for c in model.concepts if c not in dim.values]:
            yield entry.doc.problem(("dimensions", i, "values"), f"dimension '{dim.id}' has no value for '{missing}'")


@rule("broader-cycle", scope="glossary")
def broader_cycle(ctx: Context) -> Iterator[Problem]:
    """``broader``/``narrower`` links form a hierarchy without loops.

    Passes: femur broader bone. Fails: a broader b, b broader a (or the same loop written with
    ``narrower``); reported once per loop, on its first concept in file order.
    """
    parents = _parents(ctx)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    reported: set[frozenset[str]] = set()
    for start in ctx.concepts:
        if state.get(start):
            continue
        for loop in _loops(start, parents, state):
            key = frozenset(loop[:-1])
            if key not in reported:
                reported.add(key)
                first = min(loop[:-1], key=lambda c: ctx.concepts[c].doc.path)
                yield ctx.concepts[first].doc.problem(("relations",), "broader/narrower loop: " + " → ".join(loop))


def _parents(ctx: Context) -> dict[str, set[str]]:
    """Each concept's broader concepts, written as ``broader`` on it or as ``narrower`` on them."""
    parents: dict[str, set[str]] = {cid: set() for cid in ctx.concepts}
    for cid, entry in ctx.concepts.items():
        model = entry.model
        assert isinstance(model, Concept)
        parents[cid].update(t for t in model.targets("broader") if t in parents)
        for child in model.targets("narrower"):
            if child in parents:
                parents[child].add(cid)
    return parents


def _loops(start: str, parents: dict[str, set[str]], state: dict[str, int]) -> Iterator[list[str]]:
    """The loops met walking up from ``start``, each closed by its first concept again; ``state`` notes the visited."""
    path: list[str] = [start]
    stack: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(parents[start])))]
    state[start] = 1
    while stack:  # iterative DFS: deep hierarchies must not hit the recursion limit
        node, it = stack[-1]
        nxt = next(it, None)
        if nxt is None:
            stack.pop()
            path.pop()
            state[node] = 2
        elif state.get(nxt) == 1:
            yield [*path[path.index(nxt) :], nxt]
        elif not state.get(nxt):
            state[nxt] = 1
            path.append(nxt)
            stack.append((nxt, iter(sorted(parents[nxt]))))


@rule("asymmetric-relation", scope="entry", severity=Severity.WARNING)
def asymmetric_relation(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A relation with an inverse is written on both ends (``related`` has its own rule, ``one-way-related``).

    Passes: bone lists ``narrower: [femur]`` and femur lists ``broader: [bone]``; a declared ``part_of`` whose
    inverse ``has_part`` is written on the other concept; a symmetric ``contrast`` written on both.
    Fails: only one side is written.
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    for name, targets in model.relations.items():
        back = inverse_of(name, ctx)
        if back is None or name == "related":
            continue
        for i, target in enumerate(targets):
            other = ctx.concept(target)
            if other is not None and model.id not in other.targets(back):
                yield entry.doc.problem(("relations", name, i), f"'{target}' does not list '{model.id}' under {back}")


@rule("one-way-related", scope="entry", severity=Severity.WARNING)
def one_way_related(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A ``related`` link is returned: if A lists B as related, B lists A.

    Passes: skull ``related: [brain]`` and brain ``related: [skull]``. Fails: only skull lists the link;
    add it to the other concept or remove it.
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    for i, target in enumerate(model.targets("related")):
        other = ctx.concept(target)
        if other is not None and model.id not in other.targets("related"):
            yield entry.doc.problem(("relations", "related", i), f"'{target}' does not list '{model.id}' as related; add it there or remove this link")


@rule("relation-conflict", scope="entry", own_file=True)
def relation_conflict(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A pair of concepts is not both ``related`` and linked by another relation.

    ``related`` is for associative links that no other relation expresses. Passes: artery ``contrast: [vein]``
    alone. Fails: artery lists vein under both ``related`` and ``contrast``, or under ``related`` and
    ``broader``/``narrower`` (the hierarchy already relates them).
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    related = model.targets("related")
    for name, targets in model.relations.items():
        if name == "related":
            continue
        for target in targets:
            if target in related:
                i = related.index(target)
                yield entry.doc.problem(("relations", "related", i), f"'{target}' is listed under both related and {name}; keep only {name}")


@rule("relation-category", scope="entry")
def relation_category(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """Relations respect the categories their declaration allows (``domain``, ``range``, ``required_for``).

    With ``located_in`` declared as ``domain: [organ]``, ``range: [region]``, ``required_for: [organ]``:
    Passes: an organ with ``located_in: [thorax]`` where thorax is a region. Fails: an organ without
    ``located_in``, ``located_in`` on a concept that is not an organ, or pointing at a concept that is not a region.
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    for rel in ctx.settings.relations:
        targets = model.targets(rel.id)
        if model.category in rel.required_for and not targets:
            yield entry.doc.problem(("category",), f"a concept of category '{model.category}' needs relations.{rel.id}")
        if targets and rel.domain and model.category not in rel.domain:
            yield entry.doc.problem(("relations", rel.id), f"only concepts of category {' or '.join(rel.domain)} have {rel.id}; this one is '{model.category}'")
        if rel.range:
            yield from _out_of_range(entry, rel.id, rel.range, targets, ctx)


def _out_of_range(entry: Entry, name: str, allowed: Sequence[str], targets: Sequence[str], ctx: Context) -> Iterator[Problem]:
    for i, target in enumerate(targets):
        other = ctx.concept(target)
        if other is not None and other.category not in allowed:
            yield entry.doc.problem(("relations", name, i), f"'{target}' has category '{other.category}'; {name} points at {' or '.join(allowed)}")


@rule("faq-unlinked-concept", scope="glossary", severity=Severity.WARNING)
def faq_unlinked_concept(ctx: Context) -> Iterator[Problem]:
    """A question lists in ``concepts`` every concept its question or answer names, so its page links them both ways.

    Terms in use (not deprecated or obsolete) are found in inflected forms and compounds, as the other term rules
    find them; a form inside ``mention_marks`` is a word mentioned, not the concept, and does not count. Each concept
    is reported once per question, at its first mention (README, "Content style guide"). Passes: ``concepts: [bpo, kpo]``
    for "How does BPO differ from KPO?". Fails: the same question with ``concepts: [bpo]`` (reported at "KPO").
    """
    faqs = [e for e in ctx.entries if isinstance(e.model, Faq)]
    if not faqs:
        return
    by_code = _terms_in_use(ctx)
    indexes: dict[str, TermIndex[str]] = {}
    marks = ctx.settings.mention_marks
    for entry in faqs:
        model = entry.model
        assert isinstance(model, Faq)
        reported = set(model.concepts)
        for code, asked in model.locales.items():
            if code not in by_code:
                continue
            if code not in indexes:
                indexes[code] = TermIndex(ctx.languages[code], by_code[code])
            for field, text in (("question", asked.question), ("answer", asked.answer)):
                yield from _unlinked(entry, indexes[code], ("locales", code, field), text, marks, reported)


def _terms_in_use(ctx: Context) -> dict[str, list[tuple[str, str]]]:
    """Per language, every term in use (not deprecated or obsolete) with its concept's id."""
    by_code: dict[str, list[tuple[str, str]]] = {}
    for entry in ctx.concepts.values():
        model = entry.model
        assert isinstance(model, Concept)
        for code, block in model.locales.items():
            by_code.setdefault(code, []).extend((t.text, model.id) for t in block.terms if t.status not in NOT_IN_USE)
    return by_code


def _unlinked(entry: Entry, index: TermIndex[str], loc: tuple[str, ...], text: str, marks: str, reported: set[str]) -> Iterator[Problem]:
    """The concepts a question's text names outside mention marks and not yet in ``reported`` (which they join)."""
    words = index.language.words(text)
    spans = marked_spans(text, marks)
    for match in index.find(words):
        cid = match.value
        if cid in reported or any(a < match.start and match.end <= b for a, b in spans):
            continue
        reported.add(cid)
        used = " ".join(text[match.start : match.end].split())
        yield word_problem(
            entry.doc,
            loc,
            text,
            match.index,
            f"'{entry.id}' names '{used}' ({cid}) but does not list '{cid}' in concepts; add it, so the question and the concept link to each other",
        )
