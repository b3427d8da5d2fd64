"""Rules about links between entries: they resolve, they do not loop, they are mirrored."""

from __future__ import annotations

import difflib
from typing import Iterator

from glossary_tool.loader import Loc
from glossary_tool.model import RELATIONS, Comparison, Concept, Entry, Faq
from glossary_tool.problems import Problem, Severity
from glossary_tool.rules import Context, rule


def references(entry: Entry) -> Iterator[tuple[Loc, str]]:
    """Every concept id an entry points at, with where it is written."""
    model = entry.model
    if isinstance(model, Concept):
        for name in RELATIONS:
            for i, target in enumerate(getattr(model.relations, name)):
                yield ("relations", name, i), target
    elif isinstance(model, (Faq, Comparison)):
        for i, target in enumerate(model.concepts):
            yield ("concepts", i), target


@rule("unresolved-reference", scope="entry")
def unresolved_reference(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """Every id in ``relations``, ``service_of`` and ``concepts`` names an existing concept.

    Passes: ``broader: [outsourcing]`` when ``outsourcing.yaml`` exists. Fails: ``broader: [outsorcing]``
    (with a "did you mean" hint), or a concept that lists itself.
    """
    for loc, target in references(entry):
        if target == entry.id and isinstance(entry.model, Concept):
            yield entry.doc.problem("unresolved-reference", loc, f"'{target}' refers to the concept itself")
        elif target not in ctx.concepts:
            close = difflib.get_close_matches(target, list(ctx.concepts), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            yield entry.doc.problem("unresolved-reference", loc, f"no concept has the id '{target}'{hint}")
    if isinstance(entry.model, Comparison):
        wanted = set(entry.model.concepts)
        for i, dim in enumerate(entry.model.dimensions):
            for key in dim.values:
                if key not in wanted:
                    yield entry.doc.problem("unresolved-reference", ("dimensions", i, "values", key), f"'{key}' is not one of the compared concepts ({', '.join(entry.model.concepts)})", at_key=True)
            for missing in [c for c in entry.model.concepts if c not in dim.values]:
                yield entry.doc.problem("unresolved-reference", ("dimensions", i, "values"), f"dimension '{dim.id}' has no value for '{missing}'")


@rule("broader-cycle", scope="glossary")
def broader_cycle(ctx: Context) -> Iterator[Problem]:
    """``broader``/``narrower`` links form a hierarchy without loops.

    Passes: kpo broader outsourcing. Fails: a broader b, b broader a (or the same loop written with
    ``narrower``); reported once per loop, on its first concept in file order.
    """
    parents: dict[str, set[str]] = {cid: set() for cid in ctx.concepts}
    for cid, entry in ctx.concepts.items():
        rel = entry.model.relations  # type: ignore[union-attr]
        parents[cid].update(t for t in rel.broader if t in parents)
        for child in rel.narrower:
            if child in parents:
                parents[child].add(cid)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    reported: set[frozenset[str]] = set()
    for start in ctx.concepts:
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(parents[start])))]
        state[start] = 1
        path.append(start)
        while stack:  # iterative DFS: deep hierarchies must not hit the recursion limit
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(nxt) == 1:
                loop = path[path.index(nxt):]
                key = frozenset(loop)
                if key not in reported:
                    reported.add(key)
                    first = min(loop, key=lambda c: ctx.concepts[c].doc.path)
                    entry = ctx.concepts[first]
                    yield entry.doc.problem("broader-cycle", ("relations",), "broader/narrower loop: " + " → ".join(loop + [nxt]))
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(sorted(parents[nxt]))))


@rule("asymmetric-relation", scope="entry", severity=Severity.WARNING)
def asymmetric_relation(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """``broader`` and ``narrower`` are written on both ends.

    Passes: kpo lists ``narrower: [lpo]`` and lpo lists ``broader: [kpo]``. Fails: only one side is written.
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    for name, back in (("broader", "narrower"), ("narrower", "broader")):
        for i, target in enumerate(getattr(model.relations, name)):
            other = ctx.concepts.get(target)
            if other is not None and model.id not in getattr(other.model.relations, back):  # type: ignore[union-attr]
                yield entry.doc.problem("asymmetric-relation", ("relations", name, i), f"'{target}' does not list '{model.id}' under {back}")


@rule("service-model", scope="entry")
def service_model(entry: Entry, ctx: Context) -> Iterator[Problem]:
    """A service names the delivery model(s) offering it, and only services do.

    Passes: ``category: service`` with ``service_of: [bpo]`` where bpo has ``category: model``.
    Fails: a service without ``service_of``, ``service_of`` pointing at a non-model, or ``service_of`` on a non-service.
    """
    model = entry.model
    if not isinstance(model, Concept):
        return
    targets = model.relations.service_of
    if model.category == "service" and not targets:
        yield entry.doc.problem("service-model", ("category",), "a service needs relations.service_of naming its delivery model, e.g. [bpo]")
    if model.category != "service" and targets:
        yield entry.doc.problem("service-model", ("relations", "service_of"), f"only services have service_of; this concept's category is '{model.category}'")
    for i, target in enumerate(targets):
        other = ctx.concepts.get(target)
        if other is not None and other.model.category != "model":  # type: ignore[union-attr]
            yield entry.doc.problem("service-model", ("relations", "service_of", i), f"'{target}' is not a delivery model (its category is '{other.model.category}')")  # type: ignore[union-attr]
