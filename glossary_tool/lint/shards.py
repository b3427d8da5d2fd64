"""Running the rules of one lint in several processes: forked workers share the loaded glossary, the document and
entry rules see a slice of it each, and every rule's findings come back in the order one process finds them.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from glossary_tool.core.forked import worker_start
from glossary_tool.core.loading import default_jobs
from glossary_tool.core.model import Glossary
from glossary_tool.core.problems import Problem
from glossary_tool.lint.rules.registry import Context, Rule

# Below this many entries the rules take less time than starting a worker and sending its findings back. Lint runs the
# rules that look at one file alone while parsing; those left (a fifth of the time) took 0.08-0.14 s at 1,000
# concepts in one process and 0.13-0.44 s in two.
PARALLEL_MIN_ENTRIES = 2000
# Slices per process: a worker that finishes its slice early takes another, since rules cost more on some entries
# (long definitions, many relations) than on others.
SLICES_PER_JOB = 4

# What the forked workers read: set just before they start (fork copies it), so that nothing is pickled on the way in.
_SHARED: list[tuple[Glossary, Context, list[Rule]]] = []


def jobs_for(glossary: Glossary) -> int:
    """How many processes to run the rules left after parsing in: 1 for a small glossary, else as many as parsing
    would use."""
    return default_jobs(len(glossary.documents), minimum=PARALLEL_MIN_ENTRIES)


def split_up(rule: Rule) -> bool:
    """Whether a rule may see a slice of the glossary in each process: one that checks each file or entry alone."""
    return rule.scope in ("document", "entry") and not rule.ordered


def while_parsing(rule: Rule) -> bool:
    """Whether a rule may run in the process that parses each file, before the rest of the glossary is loaded."""
    return rule.own_file and split_up(rule)


def found_in_part(rules: Sequence[Rule], part: Glossary, ctx: Context) -> list[list[Problem]]:
    """What each of ``rules`` (all split up) finds in one part of the glossary, rule by rule."""
    return [list(r.found_in(part, ctx)) for r in rules]


def merged(rules: Sequence[Rule], per_part: Sequence[list[list[Problem]]]) -> dict[str, list[Problem]]:
    """Each rule's findings (by rule id) from ``found_in_part`` over consecutive parts of a glossary: in the order one
    process finds them over the whole, since a split rule checks each file or entry alone, in file order."""
    return {r.id: [p for found in per_part for p in found[i]] for i, r in enumerate(rules)}


def in_parallel(rules: Sequence[Rule], glossary: Glossary, ctx: Context, jobs: int) -> dict[str, list[Problem]]:
    """Each rule's findings (by rule id, in the order one process finds them), found by ``jobs`` forked workers;
    empty when the workers could not do it.

    A rule that is not split up runs whole in one worker; the others run slice by slice, every split rule over one
    slice in the same worker, so that the stemmed words of a definition are made once."""
    split = [r for r in rules if split_up(r)]
    whole = [r for r in rules if not split_up(r)]
    n = jobs * SLICES_PER_JOB
    slices = list(zip(_bounds(len(glossary.documents), n), _bounds(len(glossary.entries), n), strict=True))
    _SHARED[:] = [(glossary, ctx, list(rules))]
    try:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"), initializer=worker_start)
        try:
            whole_futures = {r.id: pool.submit(_whole, r.id) for r in whole}
            slice_futures: list[Future[list[list[Problem]]]] = [pool.submit(_slice, docs, entries) for docs, entries in slices]
            out = {rule_id: future.result() for rule_id, future in whole_futures.items()}
            per_slice = [future.result() for future in slice_futures]
        finally:
            # Not waiting for the workers to exit: ending a process that shares the glossary's pages took 0.2 s.
            pool.shutdown(wait=False, cancel_futures=True)
    except (OSError, BrokenProcessPool):
        # No process could be started, or one died (out of memory, killed): the caller runs every rule itself, with
        # the same findings. A rule's own exception is not caught here: it is raised as in one process.
        return {}
    finally:
        _SHARED.clear()
    out.update(merged(split, per_slice))
    return out


def _bounds(total: int, n: int) -> list[tuple[int, int]]:
    """``n`` contiguous ranges that cover ``range(total)`` in order, as even as can be."""
    cuts = [round(total * k / n) for k in range(n + 1)]
    return list(itertools.pairwise(cuts))


def _shared() -> tuple[Glossary, Context, list[Rule]]:
    if not _SHARED:  # a worker started some other way than by in_parallel's fork
        raise RuntimeError("no glossary was shared with this worker")
    return _SHARED[0]


def _whole(rule_id: str) -> list[Problem]:
    glossary, ctx, rules = _shared()
    return list(next(r for r in rules if r.id == rule_id).found_in(glossary, ctx))


def _slice(docs: tuple[int, int], entries: tuple[int, int]) -> list[list[Problem]]:
    """Every split rule's findings in one slice of the documents and entries, rule by rule."""
    glossary, ctx, rules = _shared()
    part = Glossary(glossary.entries[entries[0] : entries[1]], glossary.documents[docs[0] : docs[1]])
    return found_in_part([r for r in rules if split_up(r)], part, ctx)
